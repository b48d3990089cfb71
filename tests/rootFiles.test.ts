import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT_FILES } from '../lib/routeExists';

const root = path.join(import.meta.dirname, '..');

/** What Next serves at the root from app/: file routes (`sitemap.xml/route.ts`), metadata files. */
function appRootFiles(): string[] {
  const generated: Record<string, string> = { 'robots.ts': 'robots.txt', 'sitemap.ts': 'sitemap.xml', 'manifest.ts': 'manifest.webmanifest' };
  return readdirSync(path.join(root, 'app'), { withFileTypes: true }).flatMap((entry) => {
    if (entry.isDirectory()) return entry.name.includes('.') ? [entry.name] : [];
    if (generated[entry.name]) return [generated[entry.name]!];
    return /^(?:icon|apple-icon|favicon)\./.test(entry.name) ? [entry.name] : [];
  });
}

describe('the files served at the root', () => {
  it('are exactly app/’s file routes and public/’s files, so the proxy answers every other one with the site’s 404', () => {
    const served = [...appRootFiles(), ...readdirSync(path.join(root, 'public'))].sort();
    expect([...ROOT_FILES].sort()).toEqual(served);
  });
});
