// The contract between a benchmark script and `npm run bench` (bench/run-all.ts): a script prints
// each figure on its own stdout line as `FIGURE {json}`, next to its usual human-readable output,
// so run-all can collect figures from any script without importing it (each runs in its own
// process, with its own server and exit code).

export const FIGURE_PREFIX = 'FIGURE ';

/** A bound a figure should stay within; benchmarks report a miss, they never fail on it. */
export interface Target {
  atMost?: number;
  atLeast?: number;
}

export interface Figure {
  /** Stable dotted name, like "og.cold.p50" or "load.story.p99". */
  name: string;
  value: number;
  unit: string;
  /** The same measurement on something that cannot be faster (a static file, a no-op store). */
  baseline?: number;
  target?: Target;
}

/** Prints one figure for run-all; call it beside the script's own console output. */
export function printFigure(figure: Figure): void {
  console.log(FIGURE_PREFIX + JSON.stringify(figure));
}

function isFigure(value: unknown): value is Figure {
  if (!value || typeof value !== 'object') return false;
  const figure = value as Record<string, unknown>;
  return typeof figure.name === 'string' && typeof figure.value === 'number' && typeof figure.unit === 'string';
}

/** Every well-formed FIGURE line of a script's output; other lines are the script's own. */
export function parseFigures(output: string): Figure[] {
  const figures: Figure[] = [];
  for (const line of output.split('\n')) {
    if (!line.startsWith(FIGURE_PREFIX)) continue;
    try {
      const parsed: unknown = JSON.parse(line.slice(FIGURE_PREFIX.length));
      if (isFigure(parsed)) figures.push(parsed);
    } catch {
      // A half-written line from a script that crashed: the script's status tells the story.
    }
  }
  return figures;
}

/** undefined when the figure has no target. */
export function meetsTarget(figure: Figure): boolean | undefined {
  const { target } = figure;
  if (!target || (target.atMost === undefined && target.atLeast === undefined)) return undefined;
  return (target.atMost === undefined || figure.value <= target.atMost) && (target.atLeast === undefined || figure.value >= target.atLeast);
}

function round(value: number): string {
  if (Number.isInteger(value)) return String(value);
  return String(+value.toPrecision(Math.abs(value) >= 100 ? 5 : 3));
}

const withUnit = (value: number, unit: string) => (unit ? `${round(value)} ${unit}` : round(value));

function formatTarget(target: Target, unit: string): string {
  const parts = [];
  if (target.atLeast !== undefined) parts.push(`≥ ${withUnit(target.atLeast, unit)}`);
  if (target.atMost !== undefined) parts.push(`≤ ${withUnit(target.atMost, unit)}`);
  return parts.join(' and ');
}

/** `name: value unit (baseline: X, ratio Y) [target: …] MISSED` */
export function formatFigure(figure: Figure): string {
  let line = `${figure.name}: ${withUnit(figure.value, figure.unit)}`;
  if (figure.baseline !== undefined) {
    const ratio = figure.baseline === 0 ? '-' : (figure.value / figure.baseline).toFixed(2);
    line += ` (baseline: ${round(figure.baseline)}, ratio ${ratio})`;
  }
  if (figure.target) line += ` [target: ${formatTarget(figure.target, figure.unit)}]`;
  if (meetsTarget(figure) === false) line += ' MISSED';
  return line;
}

/** A figure read back from a line `formatFigure` wrote (a committed bench/RESULTS.md). */
export function parseFormattedFigure(line: string): Pick<Figure, 'name' | 'value' | 'unit'> | undefined {
  const match = /^([\w.-]+): (-?[\d.]+(?:e[-+]?\d+)?)(?: ([^\s([]+))?(?: |$)/.exec(line.trim());
  if (!match) return undefined;
  const value = Number(match[2]);
  return Number.isFinite(value) ? { name: match[1]!, value, unit: match[3] ?? '' } : undefined;
}
