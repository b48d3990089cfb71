#!/usr/bin/env node
// Sums the Vitest and Playwright JSON reports into the line CI reads:
// "N passed, N failed, N skipped, N retried". Usage: test-summary.mjs unit.json e2e.json [failed
// step names...]. Exit status 1 if anything failed, or (with CI=true) if any test was skipped:
// a skipped test in CI is a check that silently did not run.
import { existsSync, readFileSync } from 'node:fs';

const [unitFile, e2eFile, ...failedSteps] = process.argv.slice(2);
const read = (file) => (existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : undefined);

let passed = 0;
let failed = 0;
let skipped = 0;
let retried = 0;
const skippedNames = [];

const unit = read(unitFile);
if (unit) {
  passed += unit.numPassedTests;
  failed += unit.numFailedTests;
  skipped += unit.numPendingTests + unit.numTodoTests;
  for (const file of unit.testResults ?? []) {
    for (const test of file.assertionResults ?? []) {
      if (test.status === 'pending' || test.status === 'skipped' || test.status === 'todo') skippedNames.push(`unit: ${test.fullName}`);
    }
  }
}
const e2e = read(e2eFile);
if (e2e) {
  passed += e2e.stats.expected;
  failed += e2e.stats.unexpected + e2e.stats.flaky;
  skipped += e2e.stats.skipped;
  const walk = (suite) => {
    for (const spec of suite.specs ?? []) {
      for (const test of spec.tests ?? []) {
        if ((test.results ?? []).length > 1) retried += 1;
        if (test.status === 'skipped') skippedNames.push(`e2e: ${spec.title}`);
      }
    }
    for (const child of suite.suites ?? []) walk(child);
  };
  for (const suite of e2e.suites ?? []) walk(suite);
}
// A step that failed without a report of its own (content, lint, build, missing suite) is one failure.
const uncounted = failedSteps.filter((step) => !(step === 'unit tests' && unit?.numFailedTests) && !(step === 'e2e tests' && e2e?.stats.unexpected));
if (!unit && !uncounted.includes('unit tests')) uncounted.push('unit tests (no report)');
if (!e2e && !uncounted.some((step) => step.startsWith('e2e tests') || step.startsWith('build'))) uncounted.push('e2e tests (no report)');
failed += new Set(uncounted).size;

if (uncounted.length > 0) console.log(`failed steps: ${[...new Set(uncounted)].join(', ')}`);
for (const name of skippedNames) console.log(`skipped: ${name}`);
const skipFails = Boolean(process.env.CI) && skipped > 0;
if (skipFails) console.log('CI=true: skipped tests fail the run (install what they need, or remove them)');
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped, ${retried} retried`);
process.exit(failed > 0 || skipFails ? 1 : 0);
