#!/usr/bin/env node
// Sums the Vitest and Playwright JSON reports into the line CI reads: "N passed, N failed".
// Usage: test-summary.mjs unit.json e2e.json [failed step names...]. Exit status 1 if anything failed.
import { existsSync, readFileSync } from 'node:fs';

const [unitFile, e2eFile, ...failedSteps] = process.argv.slice(2);
const read = (file) => (existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : undefined);

let passed = 0;
let failed = 0;
const unit = read(unitFile);
if (unit) {
  passed += unit.numPassedTests;
  failed += unit.numFailedTests;
}
const e2e = read(e2eFile);
if (e2e) {
  passed += e2e.stats.expected + e2e.stats.flaky;
  failed += e2e.stats.unexpected;
}
// A step that failed without a report of its own (content, lint, build, missing suite) is one failure.
const uncounted = failedSteps.filter((step) => !(step === 'unit tests' && unit?.numFailedTests) && !(step === 'e2e tests' && e2e?.stats.unexpected));
if (!unit && !uncounted.includes('unit tests')) uncounted.push('unit tests (no report)');
if (!e2e && !uncounted.some((step) => step.startsWith('e2e tests') || step === 'build')) uncounted.push('e2e tests (no report)');
failed += new Set(uncounted).size;

if (uncounted.length > 0) console.log(`failed steps: ${[...new Set(uncounted)].join(', ')}`);
if (e2e?.stats.flaky) console.log(`(${e2e.stats.flaky} e2e test(s) passed only on retry)`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
