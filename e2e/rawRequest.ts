import http from 'node:http';
import https from 'node:https';

export interface RawAnswer {
  status: number;
  headers: http.IncomingHttpHeaders;
  /** Milliseconds until the whole answer was read. */
  ms: number;
}

export interface RawOptions {
  method?: string;
  headers?: http.OutgoingHttpHeaders;
  /** The address to send from (127.0.0.2: a client nginx does not trust). */
  localAddress?: string;
  /** The only certificate authority to trust (a cluster's own, `--tls`). */
  ca?: Buffer;
  timeoutMs?: number;
}

/**
 * One request on a connection of its own, read to the end: for what fetch() cannot do (send from
 * another local address, set Host, trust one certificate) and for timing a single answer.
 */
export function rawRequest(url: string, { method = 'GET', headers = {}, localAddress, ca, timeoutMs = 20_000 }: RawOptions = {}): Promise<RawAnswer> {
  const started = performance.now();
  const { request } = url.startsWith('https:') ? https : http;
  return new Promise((resolve, reject) => {
    const sent = request(url, { method, headers, localAddress, ca, agent: false }, (response) => {
      response.resume();
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, ms: performance.now() - started }));
    });
    sent.setTimeout(timeoutMs, () => sent.destroy(new Error(`no answer in ${timeoutMs} ms`)));
    sent.on('error', reject);
    sent.end();
  });
}
