import { spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// scripts/test-summary.mjs is the line .ci/run reads: it must agree with the exit status.
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'test-summary-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const unitReport = (passed: number, skipped: number) => ({
  numPassedTests: passed,
  numFailedTests: 0,
  numPendingTests: skipped,
  numTodoTests: 0,
  testResults: [{ assertionResults: Array.from({ length: skipped }, (_, i) => ({ status: 'skipped', fullName: `a skipped test ${i}` })) }],
});
const e2eReport = (passed: number) => ({ stats: { expected: passed, unexpected: 0, flaky: 0, skipped: 0 }, suites: [] });

async function summary(reports: { unit?: object; e2e?: object }, steps: string[], env: Record<string, string | undefined>) {
  const unit = path.join(dir, `unit-${Math.random()}.json`);
  const e2e = path.join(dir, `e2e-${Math.random()}.json`);
  if (reports.unit) await writeFile(unit, JSON.stringify(reports.unit));
  if (reports.e2e) await writeFile(e2e, JSON.stringify(reports.e2e));
  const run = spawnSync(process.execPath, ['scripts/test-summary.mjs', unit, e2e, ...steps], { encoding: 'utf8', env: { ...process.env, ...env } });
  const lines = run.stdout.trim().split('\n');
  return { status: run.status, line: lines.at(-1), output: run.stdout };
}

describe('the test summary line', () => {
  it('counts a skipped test as failed under CI=true, and exits 1 with it', async () => {
    const result = await summary({ unit: unitReport(10, 1), e2e: e2eReport(5) }, [], { CI: 'true' });
    expect(result.line).toBe('15 passed, 1 failed, 0 skipped, 0 retried');
    expect(result.status).toBe(1);
    expect(result.output).toContain('skipped: unit: a skipped test 0 (counted as failed: CI=true)');
  });

  it('reports a skip as a skip outside CI, and exits 0', async () => {
    const result = await summary({ unit: unitReport(10, 1), e2e: e2eReport(5) }, [], { CI: '' });
    expect(result.line).toBe('15 passed, 0 failed, 1 skipped, 0 retried');
    expect(result.status).toBe(0);
  });

  it('counts a failed fixture build as every e2e test it kept from running', async () => {
    const result = await summary({ unit: unitReport(10, 0) }, ['build (fixture content)'], { CI: 'true' });
    const prevented = Number(/e2e tests not run: (\d+)/.exec(result.output)?.[1]);
    expect(prevented).toBeGreaterThan(50);
    expect(result.line).toBe(`10 passed, ${prevented} failed, 0 skipped, 0 retried`);
    expect(result.status).toBe(1);
  }, 60_000);

  it('counts a failed step without a report (lint) as one failure', async () => {
    const result = await summary({ unit: unitReport(3, 0), e2e: e2eReport(2) }, ['lint'], { CI: 'true' });
    expect(result.line).toBe('5 passed, 1 failed, 0 skipped, 0 retried');
    expect(result.status).toBe(1);
  });
});
