/**
 * The security headers of every response, in one place: next.config.ts sends them for every
 * path (pages, route handlers, 404s, /_next/static, /_next/image), and nginx passes them through
 * untouched. Strict-Transport-Security is not here: only the TLS terminator knows a request came
 * over HTTPS, so nginx adds it in its HTTPS server block (docs/security.md).
 */

export interface SecurityHeader {
  key: string;
  value: string;
}

type Policy = ReadonlyArray<readonly [directive: string, ...sources: string[]]>;

function serialize(policy: Policy): string {
  return policy.map((directive) => directive.join(' ')).join('; ');
}

/**
 * One fixed policy for every response of a build, sent by next.config.ts and nothing else. Pages
 * run no inline script: the view beacon is a file of the site's own (public/view-beacon.js), and
 * the production server leaves Next's client runtime (its bundles and inline RSC payload) out of
 * every page (scripts/server/frameworkScripts.ts). So scripts come from this origin only, never
 * inline: an injected <script> in a page (a sanitizer gap, a poisoned cache entry) is refused by
 * the browser. JSON-LD blocks are data, not scripts, and need nothing. In development Next's own
 * scripts run (hot reload, error overlays), so `next dev` allows inline scripts and eval. Styles
 * need 'unsafe-inline' for the style attributes React writes.
 */
export function contentSecurityPolicy({ dev = false }: { dev?: boolean } = {}): string {
  return serialize([
    ['default-src', "'self'"],
    ['script-src', "'self'", ...(dev ? ["'unsafe-inline'", "'unsafe-eval'"] : [])],
    ['style-src', "'self'", "'unsafe-inline'"],
    // Photos are ours (/media, /_next/image); data: covers inline placeholders. No third-party
    // images, so a reader's address is never sent elsewhere by a story body.
    ['img-src', "'self'", 'data:'],
    ['font-src', "'self'"],
    ['connect-src', "'self'"],
    ['object-src', "'none'"],
    ['base-uri', "'self'"],
    ['form-action', "'self'"],
    ['frame-ancestors', "'none'"],
  ]);
}

/**
 * Responses of /_next/image: an image is never a document that runs anything. Next sends this
 * instead of the site policy on optimized images (images.contentSecurityPolicy).
 */
export const IMAGE_CONTENT_SECURITY_POLICY = serialize([
  ['default-src', "'none'"],
  ['script-src', "'none'"],
  ['frame-src', "'none'"],
  ['object-src', "'none'"],
  ['base-uri', "'none'"],
  ['form-action', "'none'"],
  ['frame-ancestors', "'none'"],
  ['sandbox'],
]);

// Powerful features the site never uses, denied to it and to anything it might embed.
const DENIED_FEATURES = [
  'accelerometer',
  'autoplay',
  'camera',
  'display-capture',
  'geolocation',
  'gyroscope',
  'magnetometer',
  'microphone',
  'midi',
  'payment',
  'usb',
  'xr-spatial-tracking',
  'browsing-topics',
  'interest-cohort',
];

export const PERMISSIONS_POLICY = DENIED_FEATURES.map((feature) => `${feature}=()`).join(', ');

export function securityHeaders(options: { dev?: boolean } = {}): SecurityHeader[] {
  return [
    { key: 'Content-Security-Policy', value: contentSecurityPolicy(options) },
    { key: 'X-Content-Type-Options', value: 'nosniff' },
    { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
    { key: 'Permissions-Policy', value: PERMISSIONS_POLICY },
    // For browsers that predate CSP frame-ancestors.
    { key: 'X-Frame-Options', value: 'DENY' },
  ];
}
