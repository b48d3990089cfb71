import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { isAuthorized, misconfiguredSecretResponse, revalidateSecret, revalidateSecretProblem } from './secret';
import { MIN_SECRET_LENGTH, secretLengthProblem } from '../config/settings';
import { processSingleton } from '../process/registry';

vi.mock('next/cache', () => ({ revalidatePath: vi.fn() }));
vi.mock('@/lib/content/repository', () => ({ reloadContent: vi.fn() }));

const SHORT = 'a'.repeat(MIN_SECRET_LENGTH - 1);
const LONG = 'b'.repeat(MIN_SECRET_LENGTH);
const slot = () => processSingleton<{ reported?: string }>('revalidate:secret', () => ({}));

let log: ReturnType<typeof vi.spyOn>;
beforeEach(() => {
  delete slot().reported;
  log = vi.spyOn(console, 'error').mockImplementation(() => {});
});
afterEach(() => {
  vi.unstubAllEnvs();
  log.mockRestore();
});

describe('secretLengthProblem (lib/config/settings.ts: the launchers refuse to start with it)', () => {
  it('refuses a secret under 32 characters and says how to make one', () => {
    expect(MIN_SECRET_LENGTH).toBe(32);
    expect(secretLengthProblem(SHORT)).toBe('REVALIDATE_SECRET is 31 characters: use at least 32 (for example: openssl rand -hex 24)');
    expect(secretLengthProblem(LONG)).toBeUndefined();
    // None set: each process makes its own random one.
    expect(secretLengthProblem(undefined)).toBeUndefined();
    expect(secretLengthProblem('')).toBeUndefined();
  });
});

describe('a REVALIDATE_SECRET shorter than 32 characters', () => {
  it('is never accepted, not even when the request sends exactly it', () => {
    vi.stubEnv('REVALIDATE_SECRET', SHORT);
    expect(isAuthorized(`Bearer ${SHORT}`)).toBe(false);
    expect(() => revalidateSecret()).toThrow('REVALIDATE_SECRET is 31 characters');
  });

  it('counts after trimming, as the launchers do', () => {
    vi.stubEnv('REVALIDATE_SECRET', `  ${'c'.repeat(MIN_SECRET_LENGTH - 2)}  `);
    expect(revalidateSecretProblem()).toContain('30 characters');
  });

  it('makes every POST /api/revalidate a 503 saying what to do, without the length', async () => {
    vi.stubEnv('REVALIDATE_SECRET', SHORT);
    const response = misconfiguredSecretResponse()!;
    expect(response.status).toBe(503);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const body = await response.text();
    expect(body).toContain('REVALIDATE_SECRET is too short');
    expect(body).toContain('openssl rand -hex 24');
    expect(body).not.toContain('31');
  });

  it('is said in the log once, however many requests come', () => {
    vi.stubEnv('REVALIDATE_SECRET', SHORT);
    for (let i = 0; i < 3; i += 1) {
      revalidateSecretProblem();
      isAuthorized(`Bearer ${SHORT}`);
      misconfiguredSecretResponse();
    }
    expect(log).toHaveBeenCalledTimes(1);
    expect(String(log.mock.calls[0]![0])).toContain('REVALIDATE_SECRET is 31 characters');
  });
});

describe('a usable secret', () => {
  it('of 32 characters or more is the token', () => {
    vi.stubEnv('REVALIDATE_SECRET', LONG);
    expect(misconfiguredSecretResponse()).toBeUndefined();
    expect(revalidateSecret()).toBe(LONG);
    expect(isAuthorized(`Bearer ${LONG}`)).toBe(true);
    expect(isAuthorized(`Bearer ${LONG}x`)).toBe(false);
    expect(isAuthorized(null)).toBe(false);
    expect(log).not.toHaveBeenCalled();
  });

  it('when none is set, is a random one per process', () => {
    vi.stubEnv('REVALIDATE_SECRET', '');
    const token = revalidateSecret();
    expect(token).toMatch(/^[0-9a-f]{48}$/);
    expect(revalidateSecret()).toBe(token);
    expect(isAuthorized(`Bearer ${token}`)).toBe(true);
    expect(misconfiguredSecretResponse()).toBeUndefined();
  });
});

describe('POST /api/revalidate', () => {
  it('answers 503 with a short secret, even to a request carrying it, and reloads nothing', async () => {
    vi.stubEnv('REVALIDATE_SECRET', SHORT);
    const { POST } = await import('@/app/api/revalidate/route');
    const { reloadContent } = await import('@/lib/content/repository');
    const response = await POST(new Request('http://x/api/revalidate', { method: 'POST', headers: { authorization: `Bearer ${SHORT}` } }));
    expect(response.status).toBe(503);
    expect(await response.text()).toContain('openssl rand -hex 24');
    expect(reloadContent).not.toHaveBeenCalled();
  });

  it('still answers 401 to a wrong token with a usable secret', async () => {
    vi.stubEnv('REVALIDATE_SECRET', LONG);
    const { POST } = await import('@/app/api/revalidate/route');
    const response = await POST(new Request('http://x/api/revalidate', { method: 'POST', headers: { authorization: 'Bearer wrong' } }));
    expect(response.status).toBe(401);
  });

  it('locks out the guessing client behind nginx before comparing its secret, and only that client', async () => {
    vi.stubEnv('REVALIDATE_SECRET', LONG);
    const { POST } = await import('@/app/api/revalidate/route');
    const { reloadContent } = await import('@/lib/content/repository');
    vi.mocked(reloadContent).mockResolvedValue({ content: { problems: [], stories: new Map() }, change: { slugs: [], listsChanged: false } } as never);
    // nginx on loopback (TRUSTED_PROXIES' default) forwards two clients.
    const from = (client: string, secret: string) =>
      POST(new Request('http://x/api/revalidate', { method: 'POST', headers: { authorization: `Bearer ${secret}`, 'x-peer-address': '127.0.0.1', 'x-forwarded-for': client } }));
    const guesser = `198.51.100.${Math.floor(Math.random() * 200) + 1}`;
    for (let i = 0; i < 10; i += 1) expect((await from(guesser, `wrong-${i}`)).status).toBe(401);
    expect((await from(guesser, 'wrong-10')).status).toBe(429);
    // Locked out: even the right secret is not compared, so it confirms nothing.
    const right = await from(guesser, LONG);
    expect(right.status).toBe(429);
    expect(Number(right.headers.get('retry-after'))).toBeGreaterThan(0);
    // The deploy hook, another client behind the same nginx, is not.
    expect((await from('203.0.113.20', LONG)).status).toBe(200);
    // Nor is this process's own watcher, even asking from the locked-out address.
    const { processToken } = await import('@/lib/process/registry');
    expect((await from(guesser, processToken())).status).toBe(200);
  });
});
