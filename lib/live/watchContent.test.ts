import { describe, expect, it } from 'vitest';
import { changedSlug } from './watchContent';

describe('changedSlug', () => {
  it('names the story folder of a changed file, and nothing for changes that may touch every story', () => {
    expect(changedSlug('news/some-story/ru.md')).toBe('some-story');
    expect(changedSlug('news/some-story/photo.jpg')).toBe('some-story');
    expect(changedSlug('news/new-folder')).toBe('new-folder');
    expect(changedSlug('news')).toBeUndefined();
    expect(changedSlug('sections.yaml')).toBeUndefined();
    expect(changedSlug(null)).toBeUndefined();
  });
});
