import { describe, expect, it } from 'vitest';
import { keptPerContent } from './perContent';
import type { LoadedContent } from './types';

/** Just what keeping needs: the stories' publication times (one scheduled at `due`). */
const contentWith = (...published: number[]) => ({ stories: new Map(published.map((at, i) => [`s${i}`, { published: at }])) }) as unknown as LoadedContent;

describe('keptPerContent', () => {
  it('renders once per content and key, and again for another content or key', () => {
    let renders = 0;
    const render = () => `render ${++renders}`;
    const first = contentWith(0);
    expect(keptPerContent(first, 'feed:rss:ru', 1_000, render)).toBe('render 1');
    expect(keptPerContent(first, 'feed:rss:ru', 2_000, render)).toBe('render 1');
    expect(keptPerContent(first, 'feed:atom:ru', 2_000, render)).toBe('render 2');
    expect(keptPerContent(contentWith(0), 'feed:rss:ru', 2_000, render)).toBe('render 3');
  });

  it('renders again once a scheduled story falls due, so it appears without a reload', () => {
    let renders = 0;
    const content = contentWith(0, 5_000);
    const render = () => ++renders;
    expect(keptPerContent(content, 'sitemap-index', 1_000, render)).toBe(1);
    expect(keptPerContent(content, 'sitemap-index', 4_999, render)).toBe(1);
    expect(keptPerContent(content, 'sitemap-index', 5_000, render)).toBe(2);
    // Nothing is scheduled any more: kept from then on.
    expect(keptPerContent(content, 'sitemap-index', 999_999, render)).toBe(2);
  });

  it('renders again once a live update dated later falls due, and when a coverage ends', () => {
    let renders = 0;
    const live = { live: { on: true, ended: new Date(9_000).toISOString(), updates: [{ published: 1_000 }, { published: 6_000 }] } };
    const content = { stories: new Map([['live', { published: 0, ...live }]]) } as unknown as LoadedContent;
    const render = () => ++renders;
    expect(keptPerContent(content, 'live-feed', 2_000, render)).toBe(1);
    expect(keptPerContent(content, 'live-feed', 5_999, render)).toBe(1);
    expect(keptPerContent(content, 'live-feed', 6_000, render)).toBe(2);
    expect(keptPerContent(content, 'live-feed', 8_999, render)).toBe(2);
    expect(keptPerContent(content, 'live-feed', 9_000, render)).toBe(3);
    expect(keptPerContent(content, 'live-feed', 99_000, render)).toBe(3);
  });

  it('renders again after maxAgeMs, for what moves with the clock alone', () => {
    let renders = 0;
    const content = contentWith(0);
    const render = () => ++renders;
    expect(keptPerContent(content, 'news-sitemap', 0, render, 60_000)).toBe(1);
    expect(keptPerContent(content, 'news-sitemap', 59_999, render, 60_000)).toBe(1);
    expect(keptPerContent(content, 'news-sitemap', 60_000, render, 60_000)).toBe(2);
  });
});
