// Plain Node ESM (types in secretLength.d.mts), so that the launchers, which Node runs without a
// TypeScript loader (scripts/server.mjs, scripts/cluster.mjs), and the app (lib/live/secret.ts,
// under any launcher, `next start` included) hold REVALIDATE_SECRET to one rule.

/** The shortest REVALIDATE_SECRET accepted. `openssl rand -hex 24` makes one of 48 characters. */
export const MIN_SECRET_LENGTH = 32;

/** Why a configured secret (trimmed; empty or undefined when none is set) cannot be used, else undefined. */
export function secretLengthProblem(secret) {
  if (!secret || secret.length >= MIN_SECRET_LENGTH) return undefined;
  return `REVALIDATE_SECRET is ${secret.length} characters: use at least ${MIN_SECRET_LENGTH} (for example: openssl rand -hex 24)`;
}
