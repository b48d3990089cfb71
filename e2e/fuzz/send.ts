import http from 'node:http';
import net from 'node:net';

export interface FuzzResponse {
  status?: number;
  headers: Record<string, string>;
  /** The body as bytes read one to a character (latin1), capped at MAX_BODY. */
  body: string;
  /** Node's client refused the target (CR, LF, NUL, space...): it went over a raw socket instead. */
  sentRaw: boolean;
  /** No response at all: a timeout or a connection closed before a status line. */
  error?: string;
}

const MAX_BODY = 1 << 20;

/**
 * One GET with the target exactly as given, through http.request. Targets Node's client will not
 * put on the wire are written to a raw socket as HTTP/1.0 (so no chunked encoding splits the
 * body), because what the server does with them is the point.
 */
export function send(base: URL, target: string, agent: http.Agent, timeoutMs: number): Promise<FuzzResponse> {
  let request: http.ClientRequest;
  return new Promise((resolve) => {
    try {
      request = http.request({
        host: base.hostname,
        port: base.port,
        method: 'GET',
        path: target,
        agent,
        headers: { host: base.host, 'accept-encoding': 'identity', 'user-agent': 'url-fuzz' },
      });
    } catch {
      resolve(sendRaw(base, target, timeoutMs));
      return;
    }
    request.setTimeout(timeoutMs, () => request.destroy(new Error(`timeout after ${timeoutMs} ms`)));
    request.on('error', (error) => resolve({ headers: {}, body: '', sentRaw: false, error: error.message }));
    request.on('response', (response) => {
      const chunks: Buffer[] = [];
      let size = 0;
      response.on('data', (chunk: Buffer) => {
        if (size < MAX_BODY) chunks.push(chunk);
        size += chunk.length;
      });
      response.on('error', (error) => resolve({ headers: {}, body: '', sentRaw: false, error: error.message }));
      response.on('end', () => {
        const headers: Record<string, string> = {};
        for (const [key, value] of Object.entries(response.headers)) headers[key] = Array.isArray(value) ? value.join('\n') : (value ?? '');
        resolve({ status: response.statusCode, headers, body: Buffer.concat(chunks).toString('latin1'), sentRaw: false });
      });
    });
    request.end();
  });
}

function sendRaw(base: URL, target: string, timeoutMs: number): Promise<FuzzResponse> {
  return new Promise((resolve) => {
    const socket = net.connect(Number(base.port), base.hostname);
    const chunks: Buffer[] = [];
    socket.setTimeout(timeoutMs, () => socket.destroy(new Error(`timeout after ${timeoutMs} ms`)));
    socket.on('connect', () => socket.end(Buffer.from(`GET ${target} HTTP/1.0\r\nHost: ${base.host}\r\nUser-Agent: url-fuzz\r\n\r\n`, 'latin1')));
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    const finish = (error?: Error) => {
      const raw = Buffer.concat(chunks).toString('latin1');
      const status = /^HTTP\/1\.[01] (\d{3})/.exec(raw)?.[1];
      if (!status) {
        resolve({ headers: {}, body: raw, sentRaw: true, error: error?.message ?? 'connection closed without a response' });
        return;
      }
      const split = raw.indexOf('\r\n\r\n');
      const head = split >= 0 ? raw.slice(0, split) : raw;
      const headers: Record<string, string> = {};
      for (const line of head.split('\r\n').slice(1)) {
        const colon = line.indexOf(':');
        if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
      }
      resolve({ status: Number(status), headers, body: split >= 0 ? raw.slice(split + 4) : '', sentRaw: true });
    };
    socket.on('error', finish);
    socket.on('close', () => finish());
  });
}
