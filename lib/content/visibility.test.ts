import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Story } from './types';
import { currentVisibility, isPublic } from './visibility';

const story = (fields: Partial<Story>) => ({ draft: false, published: Date.parse('2026-01-01T00:00:00Z'), ...fields }) as Story;
const NOW = Date.parse('2026-06-01T00:00:00Z');

afterEach(() => vi.unstubAllEnvs());

describe('visibility', () => {
  it('hides drafts in production and shows them in next dev', () => {
    vi.stubEnv('NODE_ENV', 'production');
    expect(isPublic(story({ draft: true }), currentVisibility(NOW))).toBe(false);
    vi.stubEnv('NODE_ENV', 'development');
    expect(isPublic(story({ draft: true }), currentVisibility(NOW))).toBe(true);
  });
  it('hides a scheduled story until it is due', () => {
    const scheduled = story({ published: NOW + 1000 });
    expect(isPublic(scheduled, { now: NOW, includeDrafts: false })).toBe(false);
    expect(isPublic(scheduled, { now: NOW + 1000, includeDrafts: false })).toBe(true);
  });
});
