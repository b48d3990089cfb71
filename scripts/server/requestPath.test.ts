import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createEncodedDocuments } from './encodedDocuments.ts';
import type { Lifecycle } from '../../lib/lifecycle.ts';
import { createRequestPath, MAX_URL_LENGTH } from './requestPath.ts';

let server: Server | undefined;
afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

/** The request path around a handler that echoes the headers it was given. */
async function serve(lifecycle: Lifecycle) {
  const seen: Array<IncomingMessage['headers']> = [];
  const handle = (request: IncomingMessage, response: ServerResponse) => {
    seen.push({ ...request.headers });
    response.setHeader('content-type', 'application/json');
    response.end('{}');
  };
  const inFlight = new Set<ServerResponse>();
  server = createServer(createRequestPath({ handle, documents: createEncodedDocuments(), media: undefined, lifecycle, inFlight }));
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return { origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen };
}

describe('the request path', () => {
  it('answers 414 to a request target over the limit, before Next sees it', async () => {
    const { origin, seen } = await serve({ state: 'ready', since: 0 });
    const response = await fetch(`${origin}/${'a'.repeat(MAX_URL_LENGTH)}`);
    expect(response.status).toBe(414);
    expect(await response.text()).toBe(`URI too long: at most ${MAX_URL_LENGTH} characters\n`);
    expect(seen).toHaveLength(0);
  });

  it('hands Next the socket’s peer and none of the site’s own headers a client sent', async () => {
    const { origin, seen } = await serve({ state: 'ready', since: 0 });
    await fetch(`${origin}/media/x`, { headers: { 'x-not-found-locale': 'en', 'x-not-found-path': '/en/call-this-number', 'x-peer-address': '203.0.113.9' } });
    expect(seen[0]!['x-peer-address']).toBe('127.0.0.1');
    expect(seen[0]!['x-not-found-locale']).toBeUndefined();
    expect(seen[0]!['x-not-found-path']).toBeUndefined();
  });

  it('closes every connection while draining', async () => {
    const { origin } = await serve({ state: 'draining', since: 0 });
    expect((await fetch(`${origin}/ru`)).headers.get('connection')).toBe('close');
  });
});
