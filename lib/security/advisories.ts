import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { InstalledPackage } from './installedPackages';
import { inRange, isRange, isVersion } from './semver';

const advisory = z
  .object({
    /** GHSA id where known, else the CVE. */
    id: z.string().regex(/^(GHSA(-[23456789cfghjmpqrvwx]{4}){3}|CVE-\d{4}-\d{4,})$/),
    aliases: z.array(z.string()).optional(),
    package: z.string().min(1),
    /** npm semver range of the vulnerable versions, one `>=x <fix` part per release line. */
    affected: z.string().refine(isRange, 'must be an npm semver range'),
    /** The first fixed version of each release line (what to upgrade to). */
    fixed: z.array(z.string().refine(isVersion, 'must be a version')),
    summary: z.string().min(1),
    /** What could not be confirmed, and workarounds. */
    note: z.string().optional(),
    url: z.string().url().optional(),
  })
  .strict();

const advisoryFile = z.object({ $comment: z.string().optional(), updated: z.string(), advisories: z.array(advisory), noneFound: z.record(z.string(), z.string()).optional() }).strict();

export type Advisory = z.infer<typeof advisory>;

export interface Finding {
  advisory: Advisory;
  installed: InstalledPackage;
}

export function readAdvisories(file: string): Advisory[] {
  return advisoryFile.parse(JSON.parse(readFileSync(file, 'utf8'))).advisories;
}

/** Every installed copy whose version lies in an advisory's affected range (below its fix). */
export function vulnerablePackages(installed: InstalledPackage[], advisories: Advisory[]): Finding[] {
  return installed.flatMap((copy) =>
    advisories.filter((a) => a.package === copy.name && inRange(copy.version, a.affected)).map((a) => ({ advisory: a, installed: copy })),
  );
}

export function describeFinding({ advisory, installed }: Finding): string {
  const ids = [advisory.id, ...(advisory.aliases ?? [])].join(', ');
  return `${installed.name}@${installed.version} (${installed.path}${installed.dev ? ', dev only' : ''}): ${ids}: ${advisory.summary} Fixed in ${advisory.fixed.join(', ')}.`;
}
