#!/usr/bin/env -S npx tsx
// Checks every installed package (every package.json under node_modules, nested and vendored
// copies included) against security/advisories.json, because `npm audit` cannot reach an
// advisory database from this registry (it answers 405). Tries `npm audit` as well and says so
// when it is unavailable. Run with tsx: `npm run security:advisories`.
//   --root DIR         project to check (default: the current directory)
//   --advisories FILE  advisory list (default: security/advisories.json beside this script)
//   --dev              also fail on packages installed only for development
//   --no-audit         do not try `npm audit`
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describeFinding, readAdvisories, vulnerablePackages } from '../lib/security/advisories.ts';
import { installedPackages } from '../lib/security/installedPackages.ts';

const args = process.argv.slice(2);
const option = (name) => {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : undefined;
};
const root = path.resolve(option('--root') ?? process.cwd());
const advisoriesFile = path.resolve(option('--advisories') ?? path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'security', 'advisories.json'));
const failOnDev = args.includes('--dev');

const advisories = readAdvisories(advisoriesFile);
const installed = installedPackages(root);
const findings = vulnerablePackages(installed, advisories);
const failing = findings.filter((finding) => failOnDev || !finding.installed.dev);

console.log(`Checked ${installed.length} installed packages against ${advisories.length} advisories (${path.relative(root, advisoriesFile) || advisoriesFile}).`);
for (const finding of findings) console.log(`${failing.includes(finding) ? 'VULNERABLE' : 'dev only  '} ${describeFinding(finding)}`);

let auditFailed = false;
if (!args.includes('--no-audit')) {
  const audit = spawnSync('npm', ['audit', '--omit=dev', '--json'], { cwd: root, encoding: 'utf8', timeout: 60_000 });
  const output = `${audit.stdout ?? ''}${audit.stderr ?? ''}`;
  if (audit.error || /\b405\b|ENOAUDIT|audit endpoint returned an error/i.test(output)) {
    console.log('npm audit: unavailable here (the registry does not serve the advisory database); security/advisories.json is the check.');
  } else {
    try {
      const counts = JSON.parse(audit.stdout).metadata?.vulnerabilities ?? {};
      const total = Object.values(counts).reduce((sum, n) => sum + (typeof n === 'number' ? n : 0), 0) - (counts.total ?? 0);
      console.log(`npm audit: ${JSON.stringify(counts)}`);
      auditFailed = total > 0;
    } catch {
      console.log(`npm audit: unreadable answer (exit ${audit.status}); security/advisories.json is the check.`);
    }
  }
}

if (failing.length > 0 || auditFailed) {
  console.log(`${failing.length} vulnerable installed package${failing.length === 1 ? '' : 's'}: upgrade to a fixed version (see docs/security.md).`);
  process.exit(1);
}
console.log('No installed package is in an advisory\'s affected range.');
