import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readAdvisories, vulnerablePackages, type Advisory } from './advisories';
import { installedPackages } from './installedPackages';
import { inRange } from './semver';

const PROJECT = path.resolve(import.meta.dirname, '../..');
const ADVISORIES = path.join(PROJECT, 'security/advisories.json');

describe('security/advisories.json', () => {
  const advisories = readAdvisories(ADVISORIES);

  it('is well formed: every fix lies outside its affected range', () => {
    for (const advisory of advisories) {
      for (const fixed of advisory.fixed) expect(inRange(fixed, advisory.affected), `${advisory.id} ${advisory.package} ${fixed}`).toBe(false);
    }
    const keys = advisories.map((a) => `${a.id} ${a.package}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('lists the advisories the hardening review asked for', () => {
    const ids = new Set(advisories.flatMap((a) => [a.id, ...(a.aliases ?? [])]));
    for (const id of ['CVE-2025-29927', 'CVE-2025-55182', 'CVE-2025-55183', 'CVE-2025-55184', 'CVE-2025-67779', 'CVE-2025-55173', 'CVE-2025-57752', 'CVE-2026-40299', 'CVE-2025-66400']) {
      expect(ids.has(id), id).toBe(true);
    }
  });

  it('puts a release just below a fix inside the range and the fix itself outside', () => {
    const middleware = advisories.find((a) => a.id === 'GHSA-f82v-jwr5-mffw')!;
    expect(inRange('15.2.2', middleware.affected)).toBe(true);
    expect(inRange('15.2.3', middleware.affected)).toBe(false);
    expect(inRange('14.2.24', middleware.affected)).toBe(true);
    expect(inRange('16.4.6', middleware.affected)).toBe(false);
    // A canary of an affected line counts.
    expect(inRange('15.2.0-canary.3', middleware.affected)).toBe(true);
  });
});

describe('checking an installed tree', () => {
  let root: string;
  const write = async (file: string, json: unknown) => {
    await mkdir(path.dirname(path.join(root, file)), { recursive: true });
    await writeFile(path.join(root, file), typeof json === 'string' ? json : JSON.stringify(json));
  };

  beforeAll(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'advisories-'));
    await write('package-lock.json', { lockfileVersion: 3, packages: { 'node_modules/tool': { dev: true }, 'node_modules/tool/node_modules/zod': { dev: true } } });
    await write('node_modules/next/package.json', { name: 'next', version: '15.2.2' });
    // Vendored and marker files inside a package: no version, or not JSON at all.
    await write('node_modules/next/dist/compiled/thing/package.json', { name: 'thing' });
    await write('node_modules/next/dist/esm/package.json', { type: 'module' });
    await write('node_modules/next/test/fixtures/broken/package.json', '{ not json');
    // A vulnerable copy nested two levels deep, under a scoped package.
    await write('node_modules/@scope/ui/package.json', { name: '@scope/ui', version: '1.0.0' });
    await write('node_modules/@scope/ui/node_modules/next-intl/package.json', { name: 'next-intl', version: '4.9.0' });
    await write('node_modules/sharp/package.json', { name: 'sharp', version: '0.35.5' });
    await write('node_modules/tool/package.json', { name: 'tool', version: '1.0.0' });
    await write('node_modules/tool/node_modules/zod/package.json', { name: 'zod', version: '3.23.8' });
  });

  afterAll(() => rm(root, { recursive: true, force: true }));

  it('finds every package.json with a name and version, nested and scoped ones included', () => {
    const found = installedPackages(root).map((p) => `${p.name}@${p.version}${p.dev ? ' dev' : ''}`).sort();
    expect(found).toEqual(['@scope/ui@1.0.0', 'next-intl@4.9.0', 'next@15.2.2', 'sharp@0.35.5', 'tool@1.0.0 dev', 'zod@3.23.8 dev']);
  });

  it('trips on versions below their fix, and only on those', () => {
    const findings = vulnerablePackages(installedPackages(root), readAdvisories(ADVISORIES));
    const hits = findings.map((f) => `${f.installed.name}@${f.installed.version} ${f.advisory.id}`);
    expect(hits).toContain('next@15.2.2 GHSA-f82v-jwr5-mffw');
    expect(hits).toContain('next-intl@4.9.0 GHSA-8f24-v5vv-gm5j');
    expect(hits).toContain('zod@3.23.8 GHSA-mrhx-c7xc-m3w5');
    expect(hits.filter((hit) => hit.startsWith('sharp@'))).toEqual([]);
    expect(findings.find((f) => f.installed.name === 'next-intl')!.installed.path).toBe('node_modules/@scope/ui/node_modules/next-intl/package.json');
  });

  it('leaves the versions this project pins alone', () => {
    const advisories: Advisory[] = readAdvisories(ADVISORIES);
    const pinned = [
      { name: 'next', version: '16.4.6' },
      { name: 'next-intl', version: '4.14.8' },
      { name: 'mdast-util-to-hast', version: '13.2.2' },
      { name: 'zod', version: '4.6.7' },
      { name: 'yaml', version: '2.9.1' },
    ].map((p) => ({ ...p, path: 'node_modules/x/package.json', dev: false }));
    expect(vulnerablePackages(pinned, advisories)).toEqual([]);
  });

  it('the command fails on a vulnerable tree, naming the package and the advisory', () => {
    const run = spawnSync(process.execPath, [path.join(PROJECT, 'node_modules/tsx/dist/cli.mjs'), path.join(PROJECT, 'scripts/check-advisories.mjs'), '--root', root, '--no-audit'], {
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(run.status, run.stderr).toBe(1);
    expect(run.stdout).toContain('VULNERABLE next@15.2.2');
    expect(run.stdout).toContain('GHSA-f82v-jwr5-mffw');
    // Development-only packages are reported but do not fail the check without --dev.
    expect(run.stdout).toContain('dev only   zod@3.23.8');
  });
});

describe('this installation', () => {
  it('has no production package, direct or transitive, below the fix of a known advisory', () => {
    const findings = vulnerablePackages(installedPackages(PROJECT), readAdvisories(ADVISORIES)).filter((f) => !f.installed.dev);
    expect(findings.map((f) => `${f.installed.name}@${f.installed.version} (${f.installed.path}): ${f.advisory.id}`)).toEqual([]);
  });
});
