import { settings } from '../config/settings';
import { isIP } from 'node:net';

/**
 * Header set by scripts/server.mjs from the TCP peer (overwriting anything a client sent), since
 * Next itself fills `X-Forwarded-For` only when the client did not.
 */
export const PEER_HEADER = 'x-peer-address';

type Range = { version: 4 | 6; bits: bigint; prefix: number };

function toBigInt(address: string): { version: 4 | 6; value: bigint } | undefined {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) address = mapped[1]!;
  const version = isIP(address);
  if (version === 4) {
    return { version: 4, value: address.split('.').reduce((acc, part) => (acc << 8n) + BigInt(Number(part)), 0n) };
  }
  if (version === 6) {
    const [head = '', tail = ''] = address.split('::');
    const headParts = head ? head.split(':') : [];
    const tailParts = tail ? tail.split(':') : [];
    const parts = address.includes('::') ? [...headParts, ...Array(8 - headParts.length - tailParts.length).fill('0'), ...tailParts] : headParts;
    return { version: 6, value: parts.reduce((acc, part) => (acc << 16n) + BigInt(parseInt(part || '0', 16)), 0n) };
  }
  return undefined;
}

/** Parses TRUSTED_PROXIES: comma-separated addresses or CIDR ranges; "loopback" is 127.0.0.0/8 and ::1. */
export function parseTrustedProxies(raw: string | undefined): Range[] {
  const entries = (raw ?? 'loopback').split(',').map((entry) => entry.trim()).filter(Boolean);
  return entries.flatMap((entry) => {
    if (entry === 'loopback') return parseTrustedProxies('127.0.0.0/8,::1/128');
    const [address = '', prefixText] = entry.split('/');
    const parsed = toBigInt(address);
    if (!parsed) return [];
    const width = parsed.version === 4 ? 32 : 128;
    const prefix = prefixText === undefined ? width : Number(prefixText);
    if (!Number.isInteger(prefix) || prefix < 0 || prefix > width) return [];
    return [{ version: parsed.version, bits: parsed.value >> BigInt(width - prefix), prefix }];
  });
}

function isTrusted(address: string, trusted: Range[]): boolean {
  const parsed = toBigInt(address);
  if (!parsed) return false;
  const width = parsed.version === 4 ? 32 : 128;
  return trusted.some((range) => range.version === parsed.version && parsed.value >> BigInt(width - range.prefix) === range.bits);
}

/**
 * The reader's address: the TCP peer, unless the peer is a trusted proxy, in which case the
 * nearest address in X-Forwarded-For that is not itself a trusted proxy (clients can write the
 * left end of that header; only what trusted proxies appended is believed).
 */
export function clientAddress(peer: string | null, forwardedFor: string | null, trusted: Range[]): string | undefined {
  if (!peer) return undefined;
  if (!isTrusted(peer, trusted) || !forwardedFor) return peer;
  const chain = forwardedFor.split(',').map((part) => part.trim()).filter((part) => isIP(part.replace(/^::ffff:/i, '')) !== 0);
  for (let i = chain.length - 1; i >= 0; i -= 1) {
    if (!isTrusted(chain[i]!, trusted)) return chain[i];
  }
  return chain[0] ?? peer;
}

/**
 * The part of an address that identifies a reader: an IPv4 address as it is, and for IPv6 the
 * /64 prefix, which is one household or phone (a single device can rotate through its whole /64,
 * so counting full IPv6 addresses would count one reader many times).
 */
export function readerAddress(address: string): string {
  const parsed = toBigInt(address);
  if (!parsed) return address;
  if (parsed.version === 4) {
    const value = Number(parsed.value);
    return [value >>> 24, (value >>> 16) & 255, (value >>> 8) & 255, value & 255].join('.');
  }
  const prefix = parsed.value >> 64n;
  const groups = [48n, 32n, 16n, 0n].map((shift) => ((prefix >> shift) & 0xffffn).toString(16));
  return `${groups.join(':')}::/64`;
}

/** The wider networks a reader belongs to, whose share of a story's readers is bounded (lib/views/readerBudgets.ts). */
export type NetworkWidth = '/24' | '/56' | '/48';

function ipv6Prefix(value: bigint, bits: 48 | 56): string {
  const prefix = (value >> BigInt(128 - bits)) << BigInt(64 - bits);
  const groups = [48n, 32n, 16n, 0n].map((shift) => ((prefix >> shift) & 0xffffn).toString(16));
  return `${groups.join(':')}::/${bits}`;
}

/**
 * The networks around a reader: an IPv4 address's /24 (an ISP's pool or one organisation); an
 * IPv6 /64's /56 (what many ISPs give one household) and /48 (one site; free from tunnel brokers,
 * and 65,536 readers' worth of /64s). Empty for what is not an address.
 */
export function readerNetworks(address: string): { width: NetworkWidth; network: string }[] {
  const parsed = toBigInt(address);
  if (!parsed) return [];
  if (parsed.version === 4) {
    const value = Number(parsed.value);
    return [{ width: '/24', network: `${[value >>> 24, (value >>> 16) & 255, (value >>> 8) & 255].join('.')}.0/24` }];
  }
  return [
    { width: '/56', network: ipv6Prefix(parsed.value, 56) },
    { width: '/48', network: ipv6Prefix(parsed.value, 48) },
  ];
}

/** The client of a request the launcher tagged with its peer: TRUSTED_PROXIES decides whose X-Forwarded-For counts. */
export function requestClientAddress(peer: string, forwardedFor: string | null, trustedProxies = settings().trustedProxies): string | undefined {
  return clientAddress(peer, forwardedFor, parseTrustedProxies(trustedProxies));
}
