import '@/lib/og/testing/nodeShims';
import { describe, expect, it, vi } from 'vitest';
import { mkdtemp, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { LRUCache } from 'lru-cache';
import { createWorkLimiter } from '@/lib/concurrency';
import { createSingleFlight } from '@/lib/singleFlight';
import { workerDrawer } from './cardDrawer';
import { CARD_SIZE, cardPng, cardResponse, type CardRenderer } from './cardResponse';
import { cardFonts } from './fonts';

describe('cardResponse', () => {
  it('answers 500 for a card that fails to render, and logs why', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    const response = await cardResponse(new Request('http://x/card'), 'broken', 'v1', () => {
      throw new Error('photo unreadable');
    });
    expect(response.status).toBe(500);
    expect(await response.text()).toBe('Card image failed to render\n');
    expect(String(errors.mock.calls[0]![0])).toContain('photo unreadable');
    errors.mockRestore();
  });

  it('caches a version for a year only when the URL asks for that version', async () => {
    const render = vi.fn(() => <div style={{ display: 'flex' }}>x</div>);
    const pinned = await cardResponse(new Request('http://x/card?v=abc'), 'k', 'abc', render);
    expect(pinned.headers.get('cache-control')).toContain('max-age=31536000');
    const stale = await cardResponse(new Request('http://x/card?v=old'), 'k', 'abc', render);
    expect(stale.headers.get('cache-control')).toContain('max-age=60');
    expect(render).toHaveBeenCalledTimes(1);
    expect(Buffer.from(await stale.arrayBuffer()).subarray(1, 4).toString()).toBe('PNG');
  });
});

describe('card renders under a burst', () => {
  it('renders a card once for concurrent first requests', async () => {
    const render = vi.fn(() => <div style={{ display: 'flex' }}>burst</div>);
    const responses = await Promise.all(Array.from({ length: 5 }, () => cardResponse(new Request('http://x/card?v=b1'), 'burst', 'b1', render)));
    expect(responses.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
    expect(render).toHaveBeenCalledTimes(1);
  });

  it('answers 503 with Retry-After past the render queue instead of piling up renders, when no stand-in is on disk', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const cards = await testRenderer({ queueLimit: 1 });
    const slow = async () => {
      await gate;
      return <div style={{ display: 'flex' }}>slow</div>;
    };
    const first = cardPng('a', 'aaaaaa', slow, cards);
    const second = cardPng('b', 'bbbbbb', slow, cards);
    // Each looks on disk first: until one renders and one waits.
    await expect.poll(() => [cards.limiter.running, cards.limiter.waiting]).toEqual([1, 1]);
    await expect(cardPng('c', 'cccccc', slow, cards)).rejects.toThrow('queue full');
    const refused = await cardResponse(new Request('http://x/card?v=dddddd'), 'story:ru:d', 'dddddd', slow, 'site:ru', cards);
    expect([refused.status, refused.headers.get('retry-after')]).toEqual([503, '2']);
    release();
    await Promise.all([first, second]);
  });
});

const drawer = workerDrawer(cardFonts, CARD_SIZE);

/** A renderer of its own: empty memory, a temporary disk cache, `queueLimit` waiting renders. */
async function testRenderer({ cacheDir, queueLimit = 16 }: { cacheDir?: string; queueLimit?: number } = {}): Promise<CardRenderer> {
  return {
    cache: new LRUCache<string, Buffer>({ max: 10 }),
    cacheDir: cacheDir ?? (await mkdtemp(path.join(tmpdir(), 'cards-'))),
    drawer,
    flights: createSingleFlight(),
    limiter: createWorkLimiter({ concurrency: 1, queueLimit }),
  };
}

describe('cards on disk', () => {
  const card = (text: string) => function Card() {
    return <div style={{ display: 'flex' }}>{text}</div>;
  };

  it('draws a card once per machine: a new process reads it from DATA_DIR, and a new version replaces the old file', async () => {
    const first = await testRenderer();
    const render = vi.fn(card('one'));
    const drawn = await cardResponse(new Request('http://x/c?v=a1a1a1'), 'story:ru:one', 'a1a1a1', render, undefined, first);
    expect([drawn.status, drawn.headers.get('x-served-by')]).toEqual([200, 'render']);
    const again = await testRenderer({ cacheDir: first.cacheDir });
    const read = await cardResponse(new Request('http://x/c?v=a1a1a1'), 'story:ru:one', 'a1a1a1', render, undefined, again);
    expect([read.status, read.headers.get('x-served-by')]).toEqual([200, 'media-cache']);
    expect(Buffer.from(await read.arrayBuffer()).equals(Buffer.from(await drawn.arrayBuffer()))).toBe(true);
    expect(render).toHaveBeenCalledTimes(1);
    expect((await cardResponse(new Request('http://x/c'), 'story:ru:one', 'a1a1a1', render, undefined, again)).headers.get('x-served-by')).toBe('memory');

    await cardResponse(new Request('http://x/c?v=b2b2b2'), 'story:ru:one', 'b2b2b2', card('two'), undefined, again);
    expect(await readdir(path.join(first.cacheDir, 'story', 'ru', 'one'))).toEqual(['b2b2b2.png']);
    // Nothing outside the cache folder, whatever the key.
    await cardResponse(new Request('http://x/c?v=c3c3c3'), 'story:ru:../../x', 'c3c3c3', card('x'), undefined, again);
    expect(await readdir(first.cacheDir)).toEqual(['story']);
  });

  it('past the render queue, answers a stand-in kept a minute: an older version of the card, else the site card', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const cards = await testRenderer({ queueLimit: 0 });
    await cardResponse(new Request('http://x/c'), 'site:ru', 'f0f0f0', card('site'), undefined, cards);
    await cardResponse(new Request('http://x/c'), 'story:ru:edited', 'a1a1a1', card('before the edit'), undefined, cards);
    const slow = async () => (await gate, card('slow')());
    const busy = cardResponse(new Request('http://x/c'), 'story:ru:other', 'eeeeee', slow, undefined, cards);
    await expect.poll(() => cards.limiter.running).toBe(1);

    const older = await cardResponse(new Request('http://x/c?v=b2b2b2'), 'story:ru:edited', 'b2b2b2', card('after'), 'site:ru', cards);
    expect([older.status, older.headers.get('x-card-stand-in'), older.headers.get('cache-control')]).toEqual([200, 'older version', 'public, max-age=60']);
    const site = await cardResponse(new Request('http://x/c?v=c3c3c3'), 'story:ru:new', 'c3c3c3', card('new'), 'site:ru', cards);
    expect([site.status, site.headers.get('x-card-stand-in'), site.headers.get('content-type')]).toEqual([200, 'site card', 'image/png']);
    release();
    expect((await busy).status).toBe(200);
  });
});
