// The script policy of one HTML document: every inline script it carries, allowed by its hash.
// Next's app router inlines its bootstrap and the page's RSC payload (different on every page),
// so no fixed list can allow them; a nonce would force every page to render per request. A hash
// of what is actually in the document keeps pages prerendered and cached (by Next and by nginx,
// which stores this header with the page) and lets no other inline script run.
import { createHash } from 'node:crypto';

// React writes every inline script itself and escapes "</script" inside it, so the first
// "</script" after an opening tag closes it. Story bodies are sanitized and carry no <script>.
const SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi;
// Data blocks (JSON-LD) are never executed: CSP does not apply to them.
const EXECUTABLE_TYPES = new Set(['', 'text/javascript', 'application/javascript', 'module']);

function isExecutableInline(attributes) {
  if (/\ssrc\s*=/i.test(` ${attributes}`)) return false;
  const type = /\stype\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i.exec(` ${attributes}`);
  return EXECUTABLE_TYPES.has((type?.[1] ?? type?.[2] ?? type?.[3] ?? '').trim().toLowerCase());
}

/**
 * The CSP sources ('sha256-…') of the inline scripts of `html` (a string, or the document's UTF-8
 * bytes), each once, in document order. Bytes are scanned as latin1, one character per byte, which
 * is much faster than decoding UTF-8 and hashes exactly the bytes the browser hashes.
 */
export function inlineScriptHashes(html) {
  const text = (typeof html === 'string' ? Buffer.from(html, 'utf8') : html).toString('latin1');
  const hashes = new Set();
  for (const [, attributes, body] of text.matchAll(SCRIPT)) {
    if (isExecutableInline(attributes)) hashes.add(`'sha256-${createHash('sha256').update(body, 'latin1').digest('base64')}'`);
  }
  return [...hashes];
}

/**
 * `policy` with its script-src allowing exactly `hashes` besides its own origins: 'unsafe-inline'
 * goes (browsers ignore it next to a hash anyway, scanners do not). A policy without script-src is
 * returned unchanged.
 */
export function withScriptHashes(policy, hashes) {
  return policy
    .split(';')
    .map((directive) => {
      const [name, ...sources] = directive.trim().split(/\s+/);
      if (name?.toLowerCase() !== 'script-src') return directive.trim();
      return ['script-src', ...sources.filter((source) => source !== "'unsafe-inline'" && !source.startsWith("'sha256-")), ...hashes].join(' ');
    })
    .filter(Boolean)
    .join('; ');
}
