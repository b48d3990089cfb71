// `npm run bench [-- --quick]`: runs every benchmark script in bench/ one after the other (each
// starts its own servers, and two at once would measure each other), collects their FIGURE lines
// (bench/report.ts) and writes bench/RESULTS.md. Benchmarks report, they never fail a build: this
// exits 0 whatever the scripts did, and marks missed targets MISSED.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { comparisonTable, PREVIOUS_RUN_HEADING, readPreviousRun, type PreviousRun } from './previousRun';
import { FIGURE_PREFIX, formatFigure, meetsTarget, parseFigures, type Figure } from './report';

/** In running order: in-process benchmarks first, then those that load a whole server. */
const SCRIPTS = ['views.ts', 'og.ts', 'photos.ts', 'live-edit.ts', 'live-story.ts', 'search.ts', 'archive.ts', 'page-view.ts', 'origin.ts', 'load.ts', 'cluster.ts', 'hardening.ts', 'page-cache.ts', 'lighthouse.ts'];
// Far above any script's own bounded run (load: about 3 minutes, lighthouse: about 5): only a hung
// script reaches it.
const SCRIPT_TIMEOUT_MS = 25 * 60_000;

interface ScriptRun {
  script: string;
  status: string;
  seconds?: number;
  figures: Figure[];
  tail: string[];
}

/** Runs one script with its output shown as it comes, minus the FIGURE lines meant for us. */
function runScript(script: string, quick: boolean): Promise<ScriptRun> {
  const started = performance.now();
  const args = [path.join('node_modules', 'tsx', 'dist', 'cli.mjs'), path.join('bench', script), ...(quick ? ['--quick'] : [])];
  // Photos are not encoded ahead (lib/media/encodeAhead.ts) under a benchmark: that work waits
  // for an idle encoder, and a benchmark server is never idle, so it would only land, minutes of a
  // core, in whichever figure runs first after a cold start. Each script measures what it names.
  const env: NodeJS.ProcessEnv = { ENCODE_AHEAD_STORIES: '0', ...process.env, ...(quick ? { BENCH_QUICK: '1', BENCH_WRITES: process.env.BENCH_WRITES ?? '1000' } : {}) };
  // Its own process group, so a timeout also stops the servers the script started.
  const child = spawn(process.execPath, args, { env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let output = '';
  const tail: string[] = [];
  const show = (stream: NodeJS.WriteStream) => {
    let partial = '';
    return (chunk: Buffer) => {
      const lines = (partial + chunk.toString('utf8')).split('\n');
      partial = lines.pop()!;
      for (const line of lines) {
        output += `${line}\n`;
        if (line.startsWith(FIGURE_PREFIX)) continue;
        stream.write(`  ${line}\n`);
        tail.push(line);
        if (tail.length > 15) tail.shift();
      }
    };
  };
  const stopGroup = () => {
    try {
      process.kill(-child.pid!, 'SIGTERM');
    } catch {
      // Already gone.
    }
  };
  // The script has its own process group, so a Ctrl-C here would not reach its servers.
  const interrupted = () => {
    stopGroup();
    process.exit(130);
  };
  process.once('SIGINT', interrupted);
  process.once('SIGTERM', interrupted);
  child.stdout.on('data', show(process.stdout));
  child.stderr.on('data', show(process.stderr));
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    stopGroup();
  }, SCRIPT_TIMEOUT_MS);
  return new Promise((resolve) => {
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      process.off('SIGINT', interrupted);
      process.off('SIGTERM', interrupted);
      const seconds = Math.round((performance.now() - started) / 1000);
      const status = timedOut ? `timed out after ${SCRIPT_TIMEOUT_MS / 60_000} min` : code === 0 ? 'ok' : `failed (${signal ?? `exit ${code}`})`;
      resolve({ script, status, seconds, figures: parseFigures(output), tail });
    });
  });
}

function machine(): string {
  const cpus = os.cpus();
  return `${cpus.length} cores (${cpus[0]?.model.trim() ?? 'unknown CPU'}), ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB memory, Node ${process.version}, ${os.platform()} ${os.arch()}`;
}

function resultsMarkdown(runs: ScriptRun[], quick: boolean, date: Date, previous: PreviousRun | undefined): string {
  const figures = runs.flatMap((run) => run.figures);
  const missed = figures.filter((figure) => meetsTarget(figure) === false).length;
  const lines = [
    '# Benchmark results',
    '',
    `- Date: ${date.toISOString()}`,
    `- Machine: ${machine()}`,
    `- Run: \`npm run bench${quick ? ' -- --quick' : ''}\`${quick ? ' (quick: shorter runs, rougher figures)' : ''}`,
    `- Figures: ${figures.length}, targets missed: ${missed}`,
    '',
    '| script | status | time |',
    '| --- | --- | --- |',
    ...runs.map((run) => `| \`bench/${run.script}\` | ${run.status} | ${run.seconds === undefined ? '-' : `${run.seconds} s`} |`),
    '',
    '## Figures',
    '',
    'Each line: `name: value unit (baseline: X, ratio Y) [target: …]`; MISSED marks a missed target.',
    '',
  ];
  for (const run of runs.filter((r) => r.figures.length > 0)) {
    lines.push(`### ${run.script}`, '', '```', ...run.figures.map(formatFigure), '```', '');
  }
  const failed = runs.filter((run) => run.status !== 'ok' && !run.status.startsWith('skipped'));
  if (failed.length > 0) {
    lines.push('## Output of scripts that did not finish', '');
    for (const run of failed) lines.push(`### ${run.script}`, '', '```', ...run.tail, '```', '');
  }
  if (previous) {
    const table = comparisonTable(figures, previous);
    lines.push(`${PREVIOUS_RUN_HEADING}`, '', ...previous.summary, '');
    if (table.length > 0) lines.push('Every figure both runs printed, before and now:', '', ...table, '');
    lines.push('Its figures:', '', ...previous.body.map((line) => (line.startsWith('### ') ? `#${line}` : line)));
  }
  return lines.join('\n');
}

const { values } = parseArgs({ options: { quick: { type: 'boolean', default: false } } });
const quick = values.quick ?? false;
const date = new Date();
console.log(`npm run bench${quick ? ' (quick)' : ''} on ${machine()}`);
const runs: ScriptRun[] = [];
for (const script of SCRIPTS) {
  if (!existsSync(path.join('bench', script))) {
    console.log(`\n== bench/${script}: not present, skipped`);
    runs.push({ script, status: 'skipped: not present', figures: [], tail: [] });
    continue;
  }
  console.log(`\n== bench/${script}`);
  const run = await runScript(script, quick);
  if (run.status !== 'ok') console.log(`  bench/${script} ${run.status}`);
  runs.push(run);
}

console.log('\n== figures');
for (const figure of runs.flatMap((run) => run.figures)) console.log(formatFigure(figure));
const resultsFile = path.join('bench', 'RESULTS.md');
const previous = readPreviousRun(await readFile(resultsFile, 'utf8').catch(() => undefined));
await writeFile(resultsFile, resultsMarkdown(runs, quick, date, previous));
console.log('\nwritten to bench/RESULTS.md');
process.exit(0);
