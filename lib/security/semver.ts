import { createRequire } from 'node:module';

/**
 * semver, as npm itself compares versions. It is not a direct dependency: it comes with the tree
 * (next, sharp, eslint and others depend on it), so a missing copy fails loudly here rather than
 * silently comparing strings.
 */
interface Semver {
  valid(version: string): string | null;
  validRange(range: string): string | null;
  satisfies(version: string, range: string, options?: { includePrerelease?: boolean }): boolean;
}

const semver = createRequire(import.meta.url)('semver') as Semver;

export const isVersion = (version: string) => semver.valid(version) !== null;
export const isRange = (range: string) => semver.validRange(range) !== null;

/** Prereleases count: a canary of an affected line is affected too. */
export const inRange = (version: string, range: string) => semver.satisfies(version, range, { includePrerelease: true });
