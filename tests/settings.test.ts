import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSettings, SETTING_NAMES, settings, SettingsError, startupProblems } from '../lib/config/settings';

const root = path.join(import.meta.dirname, '..');

/** The README's settings table: `| \`NAME\` | default | meaning |` rows under "## Settings". */
function readmeSettings(): Array<{ name: string; shown: string }> {
  const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## Settings'), readme.indexOf('\n## ', readme.indexOf('## Settings') + 1));
  return [...section.matchAll(/^\| `([A-Z_]+)` \| ([^|]+) \|/gm)].map(([, name, shown]) => ({ name: name!, shown: shown!.trim() }));
}

describe('the settings', () => {
  it('are the README’s table, name for name and default for default, in its order', () => {
    expect(readmeSettings()).toEqual(SETTING_NAMES);
  });

  it('name the variable and what it accepts for a bad value, every bad one at once', () => {
    expect(readSettings({ MEDIA_MEMORY_MB: 'lots', TRUSTED_PROXIES: 'garbage', PORT: '99999' }).problems).toEqual([
      'PORT=99999: expected a port number from 0 to 65535 (0: any free port)',
      'TRUSTED_PROXIES=garbage: expected comma-separated addresses or CIDR ranges (10.0.0.5, 10.0.0.0/8, ::1) or loopback',
      'MEDIA_MEMORY_MB=lots: expected a number of megabytes, 0 or more (0: off)',
    ]);
    expect(readSettings({ SITE_URL: 'news.example.org' }).problems).toEqual(['SITE_URL=news.example.org: expected an http:// or https:// origin, such as https://news.example.org']);
    expect(readSettings({ PAGE_CACHE: 'redis' }).problems).toEqual(['PAGE_CACHE=redis: expected REDIS_URL too (the Redis every instance shares)']);
    expect(readSettings({ CLIENT_RUNTIME: 'on' }).problems[0]).toMatch(/^CLIENT_RUNTIME=on: this setting was removed/);
    expect(() => settings({ CONTENT_WATCH: 'maybe' })).toThrow(SettingsError);
    expect(startupProblems({ REVALIDATE_SECRET: 'short' })).toEqual(['REVALIDATE_SECRET is 5 characters: use at least 32 (for example: openssl rand -hex 24)']);
  });

  it('parse what an operator writes', () => {
    const parsed = settings({ PORT: '0', TRUSTED_PROXIES: '10.0.0.0/8, ::1, loopback', SITE_URL: 'https://news.example.org/', CONTENT_WATCH: 'OFF', BEACON_LIMIT_PER_MINUTE: '0', MEDIA_MEMORY_MB: '0.5' });
    expect(parsed).toMatchObject({ port: 0, siteUrl: 'https://news.example.org', contentWatch: false, beaconLimitPerMinute: undefined, mediaMemoryMb: 0.5 });
    expect(settings({ PORT: '4000' }).siteUrl).toBe('http://localhost:4000');
  });

  it('stop the server before it starts, with the line', () => {
    const run = spawnSync(process.execPath, ['scripts/server.mjs'], { cwd: root, encoding: 'utf8', env: { ...process.env, MEDIA_MEMORY_MB: 'lots', PORT: '99999' }, timeout: 30_000 });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('PORT=99999: expected a port number from 0 to 65535');
    expect(run.stderr).toContain('MEDIA_MEMORY_MB=lots: expected a number of megabytes');
  });

  it('are read from the environment by lib/config/settings.ts alone', () => {
    const readers: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const file = path.join(dir, name);
        if (statSync(file).isDirectory()) {
          if (name !== 'testing' && name !== 'node_modules') walk(file);
        } else if (/\.(ts|tsx|mjs)$/.test(name) && !/\.test\.tsx?$/.test(name) && readFileSync(file, 'utf8').includes('process.env')) {
          readers.push(path.relative(root, file));
        }
      }
    };
    for (const dir of ['lib', 'app', 'components', 'scripts']) walk(path.join(root, dir));
    if (readFileSync(path.join(root, 'proxy.ts'), 'utf8').includes('process.env')) readers.push('proxy.ts');
    expect(readers).toEqual([path.join('lib', 'config', 'settings.ts')]);
  });
});
