import '@/lib/og/testing/nodeShims';
import { describe, expect, it, vi } from 'vitest';
import { cardResponse } from './cardResponse';

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

  it('answers 503 with Retry-After past the render queue instead of piling up renders', async () => {
    const { createWorkLimiter } = await import('@/lib/concurrency');
    const { createSingleFlight } = await import('@/lib/singleFlight');
    const { cardPng } = await import('./cardResponse');
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const { LRUCache } = await import('lru-cache');
    const cards = { cache: new LRUCache<string, Buffer>({ max: 10 }), flights: createSingleFlight<Buffer>(), limiter: createWorkLimiter({ concurrency: 1, queueLimit: 1 }) };
    const slow = async () => {
      await gate;
      return <div style={{ display: 'flex' }}>slow</div>;
    };
    const first = cardPng('a', slow, cards);
    const second = cardPng('b', slow, cards);
    await expect(cardPng('c', slow, cards)).rejects.toThrow('queue full');
    release();
    await Promise.all([first, second]);
  });
});
