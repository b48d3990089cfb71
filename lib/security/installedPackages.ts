import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { isVersion } from './semver';

export interface InstalledPackage {
  name: string;
  version: string;
  /** package.json relative to the project root, with forward slashes. */
  path: string;
  /** Installed only for development (package-lock.json says so), never shipped. */
  dev: boolean;
}

type LockPackages = Record<string, { dev?: boolean; devOptional?: boolean }>;

function lockPackages(root: string): LockPackages {
  const lock = path.join(root, 'package-lock.json');
  if (!existsSync(lock)) return {};
  return (JSON.parse(readFileSync(lock, 'utf8')) as { packages?: LockPackages }).packages ?? {};
}

/** The package folder a file belongs to: the part up to the last `node_modules/<name>`. */
function owningPackage(relativeDir: string): string {
  const match = /^(.*node_modules\/(?:@[^/]+\/)?[^/]+)/.exec(relativeDir);
  return match?.[1] ?? relativeDir;
}

/**
 * Every package.json under node_modules, nested copies and vendored ones (next/dist/compiled/…)
 * included, that names a package and a version. Symbolic links are not followed, so a linked
 * workspace cannot loop the walk.
 */
export function installedPackages(root: string): InstalledPackage[] {
  const lock = lockPackages(root);
  const found: InstalledPackage[] = [];
  const walk = (relativeDir: string) => {
    for (const entry of readdirSync(path.join(root, relativeDir), { withFileTypes: true })) {
      const relative = `${relativeDir}/${entry.name}`;
      if (entry.isDirectory()) walk(relative);
      else if (entry.isFile() && entry.name === 'package.json') {
        let manifest: { name?: unknown; version?: unknown };
        try {
          manifest = JSON.parse(readFileSync(path.join(root, relative), 'utf8')) as typeof manifest;
        } catch {
          continue; // test fixtures ship broken package.json files on purpose
        }
        if (typeof manifest.name !== 'string' || typeof manifest.version !== 'string' || !isVersion(manifest.version)) continue;
        const owner = lock[owningPackage(relativeDir)];
        found.push({ name: manifest.name, version: manifest.version, path: relative, dev: Boolean(owner?.dev || owner?.devOptional) });
      }
    }
  };
  if (existsSync(path.join(root, 'node_modules'))) walk('node_modules');
  return found;
}
