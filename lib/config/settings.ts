// Every environment variable the site reads, in one place: what each is called, its default, what
// it accepts, and its parsed value. The launchers (scripts/server.mjs, scripts/cluster.mjs) and
// the app (instrumentation.ts, at start under any launcher) check them all before serving, so a
// bad value stops the process with a line naming the variable and what it accepts, never a
// silent default. The README's settings table is this list (tests/settings.test.ts).
// Erasable TypeScript importing only the process registry (with its .ts extension): Node runs this
// file directly for the launchers (type stripping), and the app bundles it.
import { isIP } from 'node:net';
import { z } from 'zod';
import { processSingleton } from '../process/registry.ts';

type Env = Record<string, string | undefined>;

interface Definition<T> {
  /** The environment variable. */
  name: string;
  /** The default as the README shows it. */
  shown: string;
  /** What it accepts, said in the error for a bad value. */
  accepts: string;
  /** The raw value (trimmed; undefined when unset or empty) to the setting, or a zod error. */
  schema: z.ZodType<T, string | undefined>;
}

const define = <T>(name: string, shown: string, accepts: string, schema: z.ZodType<T, string | undefined>): Definition<T> => ({ name, shown, accepts, schema });

/** An integer within bounds, `fallback` when unset. */
const integer = (fallback: number, min: number, max: number) =>
  z
    .string()
    .optional()
    .transform((raw, ctx) => {
      if (raw === undefined) return fallback;
      const value = /^-?\d+$/.test(raw) ? Number(raw) : Number.NaN;
      if (!Number.isSafeInteger(value) || value < min || value > max) {
        ctx.addIssue({ code: 'custom', message: 'out of range' });
        return z.NEVER;
      }
      return value;
    });

const text = (fallback: string) => z.string().optional().transform((raw) => raw ?? fallback);
const optionalText = z.string().optional();
const oneOf = <const T extends string>(fallback: T, values: readonly T[]) =>
  z
    .string()
    .optional()
    .transform((raw, ctx) => {
      const value = (raw ?? fallback).toLowerCase();
      if (!(values as readonly string[]).includes(value)) {
        ctx.addIssue({ code: 'custom', message: 'not one of the values' });
        return z.NEVER;
      }
      return value as T;
    });

const url = (protocols: string[]) =>
  z
    .string()
    .optional()
    .refine((raw) => {
      if (raw === undefined) return true;
      try {
        return protocols.includes(new URL(raw).protocol);
      } catch {
        return false;
      }
    });

/** One TRUSTED_PROXIES entry: `loopback`, an address, or an address with a prefix length. */
function isProxyEntry(entry: string): boolean {
  if (entry === 'loopback') return true;
  const [address = '', prefix, extra] = entry.split('/');
  const version = isIP(address.replace(/^::ffff:/i, ''));
  if (version === 0 || extra !== undefined) return false;
  if (prefix === undefined) return true;
  const width = version === 4 && !address.includes(':') ? 32 : 128;
  return /^\d+$/.test(prefix) && Number(prefix) <= width;
}

/** The shortest REVALIDATE_SECRET accepted. `openssl rand -hex 24` makes one of 48 characters. */
export const MIN_SECRET_LENGTH = 32;

/** Why a configured secret (trimmed; undefined when none is set) cannot be used, else undefined. */
export function secretLengthProblem(secret: string | undefined): string | undefined {
  if (!secret || secret.length >= MIN_SECRET_LENGTH) return undefined;
  return `REVALIDATE_SECRET is ${secret.length} characters: use at least ${MIN_SECRET_LENGTH} (for example: openssl rand -hex 24)`;
}

const DEFINITIONS = {
  port: define('PORT', '3000', 'a port number from 0 to 65535 (0: any free port)', integer(3000, 0, 65_535)),
  hostname: define('HOSTNAME', '0.0.0.0', 'the address to listen on (127.0.0.1 behind nginx on the same machine)', text('0.0.0.0')),
  siteUrl: define('SITE_URL', '`http://localhost:$PORT`', 'an http:// or https:// origin, such as https://news.example.org', url(['http:', 'https:'])),
  contentDir: define('CONTENT_DIR', '`content/`', 'a folder', text('content')),
  viewsDb: define('VIEWS_DB', '`.data/views.db`', 'a file path', text('.data/views.db')),
  redisUrl: define('REDIS_URL', 'unset', 'a redis:// or rediss:// URL', url(['redis:', 'rediss:'])),
  popularWindowDays: define('POPULAR_WINDOW_DAYS', '7', 'a whole number of days from 1 to 366', integer(7, 1, 366)),
  trustedProxies: define(
    'TRUSTED_PROXIES',
    '`loopback`',
    'comma-separated addresses or CIDR ranges (10.0.0.5, 10.0.0.0/8, ::1) or loopback',
    z
      .string()
      .optional()
      .transform((raw) => raw ?? 'loopback')
      .refine((raw) => raw.split(',').map((entry) => entry.trim()).every((entry) => entry !== '' && isProxyEntry(entry))),
  ),
  beaconLimitPerMinute: define(
    'BEACON_LIMIT_PER_MINUTE',
    '60',
    'a whole number of beacons per minute, 0 for no limit',
    integer(60, 0, 1_000_000).transform((limit) => (limit === 0 ? undefined : limit)),
  ),
  revalidateSecret: define('REVALIDATE_SECRET', 'random per process', `a secret of at least ${MIN_SECRET_LENGTH} characters (openssl rand -hex 24)`, optionalText),
  prerenderStories: define('PRERENDER_STORIES', '100', 'a whole number of stories, 1 or more', integer(100, 1, 1_000_000)),
  dataDir: define('DATA_DIR', '`.data`', 'a folder', text('.data')),
  encodeAheadStories: define('ENCODE_AHEAD_STORIES', '100', 'a whole number of stories, 0 or more (0: off)', integer(100, 0, 1_000_000)),
  mediaMemoryMb: define(
    'MEDIA_MEMORY_MB',
    '64',
    'a number of megabytes, 0 or more (0: off)',
    z
      .string()
      .optional()
      .transform((raw) => (raw === undefined ? 64 : /^\d+(\.\d+)?$/.test(raw) ? Number(raw) : Number.NaN))
      .refine((megabytes) => Number.isFinite(megabytes)),
  ),
  shutdownGraceMs: define('SHUTDOWN_GRACE_MS', '10000', 'a whole number of milliseconds', integer(10_000, 0, 3_600_000)),
  nextDistDir: define('NEXT_DIST_DIR', '`.next`', 'a folder', text('.next')),
  pageCache: define('PAGE_CACHE', 'unset (`memory`)', 'memory or redis', oneOf('memory', ['memory', 'redis'] as const)),
  pageCachePrefix: define('PAGE_CACHE_PREFIX', '`news:page`', 'a Redis key prefix', text('news:page')),
  pageCacheTtlSeconds: define('PAGE_CACHE_TTL_SECONDS', '86400', 'a whole number of seconds, 1 or more', integer(86_400, 1, 31_536_000)),
  contentWatch: define(
    'CONTENT_WATCH',
    'on',
    'on or off',
    oneOf('on', ['on', 'off'] as const).transform((value) => value === 'on'),
  ),
  clusterInstances: define('CLUSTER_INSTANCES', '2', 'a whole number of instances from 1 to 64', integer(2, 1, 64)),
  chromiumPath: define('CHROMIUM_PATH', 'found', 'the path of a Chromium or Chrome binary', optionalText),
};

type Definitions = typeof DEFINITIONS;
type Parsed = { [K in keyof Definitions]: Definitions[K] extends Definition<infer T> ? T : never };
/** Every setting parsed; SITE_URL filled in from PORT when unset. */
export type Settings = Omit<Parsed, 'siteUrl'> & { siteUrl: string };

/** The variables in README order: name and default. */
export const SETTING_NAMES: ReadonlyArray<{ name: string; shown: string }> = Object.values(DEFINITIONS).map(({ name, shown }) => ({ name, shown }));

/** Settings that are gone: set to anything but their last default, the process stops. */
const REMOVED: Record<string, { keep: string; why: string }> = {
  CLIENT_RUNTIME: { keep: 'off', why: "this setting was removed; pages always go out without Next's client runtime (docs/security.md, \"Script policy\"). Unset it." },
};

const raw = (env: Env, name: string) => env[name]?.trim() || undefined;

/** Every setting parsed from `env`, and a line for each bad one. */
export function readSettings(env: Env = process.env): { settings: Settings | undefined; problems: string[] } {
  const problems: string[] = [];
  const parsed: Record<string, unknown> = {};
  for (const [key, definition] of Object.entries(DEFINITIONS) as Array<[string, Definition<unknown>]>) {
    const value = raw(env, definition.name);
    const result = definition.schema.safeParse(value);
    if (result.success) parsed[key] = result.data;
    else problems.push(`${definition.name}=${env[definition.name]}: expected ${definition.accepts}`);
  }
  for (const [name, removed] of Object.entries(REMOVED)) {
    const value = raw(env, name);
    if (value !== undefined && value !== removed.keep) problems.push(`${name}=${env[name]}: ${removed.why}`);
  }
  if (parsed.pageCache === 'redis' && !parsed.redisUrl) problems.push('PAGE_CACHE=redis: expected REDIS_URL too (the Redis every instance shares)');
  if (problems.length > 0) return { settings: undefined, problems };
  const values = parsed as Parsed;
  // Known only once PORT is: the local server's own origin.
  const siteUrl = (values.siteUrl ?? `http://localhost:${values.port || 3000}`).replace(/\/+$/, '');
  return { settings: { ...values, siteUrl }, problems };
}

/** What must be right before a server starts: every setting, and a usable REVALIDATE_SECRET. */
export function startupProblems(env: Env = process.env): string[] {
  const { problems } = readSettings(env);
  const secret = secretLengthProblem(raw(env, 'REVALIDATE_SECRET'));
  return secret ? [...problems, secret] : problems;
}

export class SettingsError extends Error {
  problems: string[];
  constructor(problems: string[]) {
    super(`bad settings:\n  ${problems.join('\n  ')}`);
    this.name = 'SettingsError';
    this.problems = problems;
  }
}

// Parsed once per distinct set of values: read on every request, the variables are compared, not
// parsed again (a test that stubs one gets it parsed afresh).
const NAMES = [...Object.values(DEFINITIONS).map((definition) => definition.name), ...Object.keys(REMOVED)];

/** The settings, parsed from the environment; throws a SettingsError naming every bad one. */
export function settings(env: Env = process.env): Settings {
  const key = NAMES.map((name) => env[name] ?? '\u0000').join('\u0001');
  const last = processSingleton<{ key?: string; settings?: Settings }>('settings:last', () => ({}));
  if (env === process.env && last.key === key) return last.settings!;
  const read = readSettings(env);
  if (!read.settings) throw new SettingsError(read.problems);
  if (env === process.env) Object.assign(last, { key, settings: read.settings });
  return read.settings;
}

/**
 * What the framework and the launcher say about this process, not operator settings: read here
 * too so that this file is the only reader of the environment.
 */
export const runtimeEnvironment = {
  /** `next dev`: drafts are shown, scripts are allowed inline. */
  development: (env: Env = process.env) => env.NODE_ENV === 'development',
  /** Inside `next build` (its workers render pages; no watcher, no shared cache). */
  building: (env: Env = process.env) => env.NEXT_PHASE === 'phase-production-build',
  /** Next's Node.js server runtime (instrumentation runs in others too). */
  nodeRuntime: (env: Env = process.env) => env.NEXT_RUNTIME === 'nodejs',
  /** The editor's locale (LANG), for the content checker's language. */
  editorLanguage: (env: Env = process.env) => env.LANG ?? '',
  /** The address scripts/server.mjs actually bound, for the content watcher's own requests. */
  internalOrigin: (env: Env = process.env) => env.INTERNAL_ORIGIN,
  /** The Node.js that built the site (next.config.ts inlines it). */
  builtWithNode: () => process.env.BUILT_WITH_NODE,
  /** CI=true: skipped tests fail the run. */
  ci: (env: Env = process.env) => Boolean(env.CI),
};

/** A variable as its operator set it (trimmed), undefined when unset: for a launcher's own defaults. */
export function configuredValue(name: string, env: Env = process.env): string | undefined {
  return raw(env, name);
}

/** What the launcher hands down to the app's bundles and child processes through the environment. */
export const launcherEnvironment = {
  /** This process's environment with `overrides`, for a child process. */
  forChild: (overrides: Env = {}): Env => ({ ...process.env, ...overrides }),
  setInternalOrigin: (origin: string) => {
    process.env.INTERNAL_ORIGIN = origin;
  },
  disableTelemetry: () => {
    process.env.NEXT_TELEMETRY_DISABLED = '1';
  },
};
