import { random, type Random } from './prng';

/**
 * Hostile request targets for the URL fuzz (e2e/url-fuzz.spec.ts), generated from a seed so a
 * run can be replayed. A target is the raw request-target: each character is one byte on the
 * wire (char codes 0-255; CR, LF, NUL and bytes over 0x7F included on purpose).
 */

export const CATEGORIES = [
  'traversal',
  'double-encoded',
  'backslash',
  'open-redirect',
  'nul-crlf',
  'bad-encoding',
  'huge',
  'bad-locale',
  'bad-page',
  'dotfile',
  'next-image',
  'media',
] as const;

export type UrlCategory = (typeof CATEGORIES)[number];

export interface HostileUrl {
  category: UrlCategory;
  target: string;
}

export const SEED_SLUG = 'russia-azerbaijan-defence-cooperation';
export const SEED_PHOTO = 'photo.jpg';
export const EVIL_HOST = 'evil.example';

// Files outside what the site serves: the OS, the process, the project, the raw content.
const TARGETS = [
  'etc/passwd',
  'proc/self/environ',
  'package.json',
  'next.config.ts',
  '.env',
  '.git/config',
  '.next/BUILD_ID',
  `content/news/${SEED_SLUG}/ru.md`,
  'node_modules/next/package.json',
  'windows/win.ini',
];

const PREFIXES = [
  '',
  '/ru',
  '/en/news',
  `/ru/news/${SEED_SLUG}`,
  `/media/${SEED_SLUG}`,
  '/media',
  '/_next/static',
  '/_next/static/chunks',
  '/_next/image',
  '/api',
  '/api/views',
  '/ru/section/politics',
  '/en/tag/eu',
  '/ru/feed.xml',
];

const DOT_DOT = ['../', '..%2f', '..%2F', '%2e%2e/', '%2e%2e%2f', '%2E%2E%2F', '.%2e/', '%2e./', '..;/', '..\\', '..%5c', '%c0%ae%c0%ae/', '%c0%ae%c0%ae%c0%af', '..%c0%af', '....//', '..%00/', '%2e%2e%5c', '.../'];
const DOUBLE_DOT_DOT = ['%252e%252e%252f', '%252e%252e/', '..%252f', '%252E%252E%252F', '%25252e%25252e%25252f', '%2e%2e%252f', '%252e%252e%255c', '..%255c'];

const PAGES = ['/ru', '/en', '/ru/archive', '/en/archive', '/ru/section/politics', '/en/section/security', '/ru/tag/eu', '/en/tag/armenia'];
const PAGE_VALUES = ['0', '-1', 'abc', '1e3', '2.5', 'NaN', 'Infinity', '-Infinity', '99999999999999999999', '0x10', '00', '01', '%201', '1%20', '%00', '[]', '{}', '1%00', '2147483648', '9007199254740993', '%2B1', '1,2', '%2e', 'true', 'null', 'undefined', '', '%20', '%D9%A1', '%EF%BC%91', '1%0d%0a', '-0', '1.', '.5', '%'];

const LOCALES = ['de', 'RU', 'Ru', 'ru-RU', 'en_US', 'xx', '__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'ru%00', '%72%75', 'r%75', 'ru.', 'ru;', '..', '.', 'ru%20', '%20ru', 'ru%0a', 'en-GB', 'zh', '%F0%9F%98%80', 'ru%2f..', 'en%5c', 'EN', 'ru-', 'valueOf', '%E2%80%AEur'];
const LOCALE_TAILS = ['', '/', `/news/${SEED_SLUG}`, '/feed.xml', '/atom.xml', '/archive', '/section/politics', '/tag/eu', '/opengraph-image', `/news/${SEED_SLUG}/opengraph-image`, '/news', '/section/__proto__', '/tag/constructor'];

const DOTFILES = [
  '/.env', '/.env.local', '/.git/config', '/.git/HEAD', '/.next/BUILD_ID', '/.next/server/app/ru.html', '/.npmrc', '/.htaccess', '/.DS_Store',
  '/.well-known/../package.json', '/.data/views.db', '/ru/.env', `/media/${SEED_SLUG}/.env`, '/media/.git/config', '/_next/.env',
  '/_next/static/../../.env', '/%2eenv', '/%2egit/config', '/.%2e/package.json', `/content/news/${SEED_SLUG}/ru.md`, '/package.json',
  '/next.config.ts', '/tsconfig.json', '/reports/e2e-views.db', '/node_modules/next/package.json', '/public/../package.json',
  '/logo.png/..%2f..%2fpackage.json', '/icon.svg/..%2f.env', '/.git/', '/.next/', '/.vscode/settings.json', '/ru/news/.git',
];

const IMAGE_URLS = [
  `/media/${SEED_SLUG}/${SEED_PHOTO}`,
  `%2Fmedia%2F${SEED_SLUG}%2F${SEED_PHOTO}`,
  `//${EVIL_HOST}/x.jpg`,
  'http://169.254.169.254/latest/meta-data/',
  `https://${EVIL_HOST}/x.png`,
  'file:///etc/passwd',
  '/media/../package.json',
  '/media/%2e%2e/%2e%2e/package.json',
  `%2F_next%2Fimage%3Furl%3D%252Fmedia%252F${SEED_SLUG}%252F${SEED_PHOTO}%26w%3D640%26q%3D75`,
  '/etc/passwd',
  'data:image/svg+xml,%3Csvg%20onload%3Dalert(1)%3E',
  'javascript:alert(1)',
  '/api/views',
  '/ru',
  `/media/${SEED_SLUG}/ru.md`,
  `%5C%5C${EVIL_HOST}%5Cx.jpg`,
  '%00',
  '',
  `/media/${SEED_SLUG}/${SEED_PHOTO}%00.svg`,
  `/\\${EVIL_HOST}/x.jpg`,
];
const IMAGE_WIDTHS = ['0', '-1', '1', '640', '99999', 'abc', '640.5', '1e3', '', '640%00', '828', '3840'];
const IMAGE_QUALITIES = ['75', '0', '101', '-5', 'abc', '', '75.5', '1e2', '100'];

const MEDIA_SLUGS = [SEED_SLUG, '..', '%2e%2e', '__proto__', 'constructor', `${SEED_SLUG}%00`, SEED_SLUG.toUpperCase(), '.', '', `${SEED_SLUG}%2f..`, 'no-such-story', '..%2f..%2f', `${SEED_SLUG}%5c..`];
const MEDIA_FILES = [SEED_PHOTO, 'ru.md', 'en.md', '..%2fru.md', '..%2f..%2fpackage.json', `${SEED_PHOTO}%00.md`, `${SEED_PHOTO}/`, 'PHOTO.JPG', '.env', `${SEED_PHOTO}.md`, '%2e%2e', `${SEED_PHOTO}%2f..%2fru.md`, '....//ru.md', '', `${SEED_PHOTO};.md`, '..%5cru.md', `${SEED_PHOTO}%20`];
const MEDIA_QUERIES = ['', '?v=', '?v=../../etc/passwd', '?v=%00', '?v[]=1', '?v=abc&v=def', '?download=1', '?v=%0d%0aSet-Cookie:%20x=1'];

const CONTROL = ['%00', '%0d%0a', '%0a', '%0d', '%0d%0aSet-Cookie:%20injected=1', '%0d%0aLocation:%20http://evil.example', '%09', '%1b[2J', '\u0000', '\r\n', '\r\nX-Injected: 1\r\n', '\n', '\t', ' ', '\u0001', '\u007f'];
const CONTROL_SPOTS = ['/', '/ru/news/', '/ru', `/ru/news/${SEED_SLUG}`, `/media/${SEED_SLUG}/`, '/api/views', '/_next/static/', '/en/section/', '/ru/tag/'];

const BAD_ESCAPES = ['%', '%%', '%zz', '%4', '%E0%A4%A', '%ff', '%FF%FE', '%c3%28', '%e2%82', '%ed%a0%80', '%f8%88%80%80%80', '%c0%af', '%u0041', '%%32%65', '\u00ff', '\u00c3\u0028', '\u00e2\u0082', '\u00ed\u00a0\u0080', '%C0%80', '%80'];

const REDIRECTS = [
  `//${EVIL_HOST}`, `//${EVIL_HOST}/`, `//${EVIL_HOST}/%2e%2e`, `///${EVIL_HOST}`, `////${EVIL_HOST}`, `/%2f%2f${EVIL_HOST}`, `/%2F${EVIL_HOST}`,
  `/ru//${EVIL_HOST}`, `/en/%2f%2f${EVIL_HOST}`, `/.${EVIL_HOST}`, `/@${EVIL_HOST}`, `/%09/${EVIL_HOST}`, `/ru?next=//${EVIL_HOST}`,
  `/?redirect=https://${EVIL_HOST}`, `//${EVIL_HOST}@localhost`, `/\\/${EVIL_HOST}`, `/https://${EVIL_HOST}`, `/https:/${EVIL_HOST}`,
  `/%5C%5C${EVIL_HOST}%5C`, `//%0d%0a${EVIL_HOST}`, `/ru/..//${EVIL_HOST}`, `//${EVIL_HOST}/ru`, `//${EVIL_HOST}%2f%2e%2e`,
  `/ru/news/${SEED_SLUG}//${EVIL_HOST}`, `/%E3%80%82${EVIL_HOST}`, `//${EVIL_HOST}%E3%80%82com`, `/ru/`, `/en/`, `/ru/archive/`,
  `/\\${EVIL_HOST}`, `/\\\\${EVIL_HOST}`, `/%5c${EVIL_HOST}`, `/%5c%5c${EVIL_HOST}`, `/ru\\${EVIL_HOST}`,
];

const queryNoise = (r: Random) => (r.chance(0.5) ? '' : `?${r.pick(['x', 'q', 'utm_source', 'page', 'v', 'next'])}=${r.token(r.int(1, 8))}`);

const GENERATORS: Record<UrlCategory, (r: Random) => string> = {
  traversal: (r) => `${r.pick(PREFIXES)}/${Array.from({ length: r.int(1, 8) }, () => r.pick(DOT_DOT)).join('')}${r.pick(TARGETS)}${queryNoise(r)}`,
  'double-encoded': (r) => `${r.pick(PREFIXES)}/${r.pick(DOUBLE_DOT_DOT).repeat(r.int(1, 8))}${r.pick(TARGETS).replace(/\//g, r.pick(['/', '%252f', '%2f']))}${queryNoise(r)}`,
  backslash: (r) => {
    const base = `${r.pick(PREFIXES)}${'\\..'.repeat(r.int(1, 6))}\\${r.pick(TARGETS).replace(/\//g, '\\')}`;
    return r.chance(0.3) ? `/\\${EVIL_HOST}${r.pick(['', '/', '\\', '/ru'])}${queryNoise(r)}` : `${base}${queryNoise(r)}`;
  },
  'open-redirect': (r) => `${r.pick(REDIRECTS)}${r.pick(['', '/', '/ru', `/${r.token(4)}`])}${queryNoise(r)}`,
  'nul-crlf': (r) => `${r.pick(CONTROL_SPOTS)}${r.token(r.int(0, 4))}${r.pick(CONTROL)}${r.pick(['', SEED_SLUG, 'x', '.md'])}${queryNoise(r)}`,
  'bad-encoding': (r) => `${r.pick(CONTROL_SPOTS)}${r.token(r.int(0, 3))}${r.pick(BAD_ESCAPES)}${r.pick(['', r.pick(BAD_ESCAPES)])}${r.token(r.int(0, 3))}${queryNoise(r)}`,
  huge: (r) => {
    const length = r.pick([1025, 2048, 4096, 8000, 12000, 20000]);
    switch (r.int(0, 3)) {
      case 0:
        return `/ru/news/${r.token(length)}`;
      case 1:
        return '/a'.repeat(Math.ceil(length / 2));
      case 2:
        return `/ru?page=${'9'.repeat(length)}`;
      default:
        return `/media/${SEED_SLUG}/${r.token(length, 'abc%2e./')}`;
    }
  },
  'bad-locale': (r) => `/${r.pick(LOCALES)}${r.pick(LOCALE_TAILS)}${queryNoise(r)}`,
  'bad-page': (r) =>
    `${r.pick(PAGES)}?${r.pick([
      `page=${r.pick(PAGE_VALUES)}`,
      `page=${r.pick(PAGE_VALUES)}&page=${r.pick(PAGE_VALUES)}`,
      `page[]=${r.pick(PAGE_VALUES)}`,
      `page[__proto__]=1`,
      `PAGE=${r.pick(PAGE_VALUES)}`,
      `page=${r.pick(PAGE_VALUES)}&q=${r.token(3)}`,
    ])}${r.chance(0.3) ? `&x=${r.token(4)}` : ''}`,
  dotfile: (r) => `${r.pick(DOTFILES)}${r.pick(['', '/', '%00', '?', '#x', ';.js', '%20'])}${queryNoise(r)}`,
  'next-image': (r) => {
    const params = [`url=${r.pick(IMAGE_URLS)}`, `w=${r.pick(IMAGE_WIDTHS)}`, `q=${r.pick(IMAGE_QUALITIES)}`].filter(() => r.chance(0.85));
    if (r.chance(0.2)) params.push(`url=${r.pick(IMAGE_URLS)}`);
    return `/_next/image?${params.join('&')}${r.chance(0.2) ? `&${r.token(3)}=${r.token(3)}` : ''}`;
  },
  media: (r) => `/media/${r.pick(MEDIA_SLUGS)}/${r.pick(MEDIA_FILES)}${r.pick(MEDIA_QUERIES)}${r.chance(0.3) ? `${r.pick(['&', '?'])}n=${r.token(4)}` : ''}`,
};

// How many of each (10,350 in all): rendered 404s (bad locales and pages, double-encoded paths)
// cost the server most, so they get fewer than the rejections the proxy answers at once.
export const QUOTAS: Record<UrlCategory, number> = {
  traversal: 1550,
  'double-encoded': 750,
  backslash: 700,
  'open-redirect': 900,
  'nul-crlf': 800,
  'bad-encoding': 900,
  huge: 300,
  'bad-locale': 900,
  'bad-page': 850,
  dotfile: 700,
  'next-image': 1000,
  media: 1000,
};

/** Unique hostile targets, the same list for the same seed, each category filled to its quota. */
export function hostileUrls(seed = 20261125): HostileUrl[] {
  const r = random(seed);
  const seen = new Set<string>();
  const urls: HostileUrl[] = [];
  for (const category of CATEGORIES) {
    let made = 0;
    for (let attempt = 0; made < QUOTAS[category]; attempt++) {
      if (attempt > QUOTAS[category] * 50) throw new Error(`${category}: cannot make ${QUOTAS[category]} unique URLs`);
      const target = GENERATORS[category](r);
      if (seen.has(target)) continue;
      seen.add(target);
      urls.push({ category, target });
      made++;
    }
  }
  return urls;
}
