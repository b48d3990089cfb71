// The run before this one, read from the bench/RESULTS.md it left: `npm run bench` keeps it below
// the new run, with a table of every figure both runs printed, so a change of runtime, dependency
// or code is read side by side in one file (each run names its Node.js in its Machine line).
import { parseFormattedFigure, type Figure } from './report';

export const PREVIOUS_RUN_HEADING = '## The run before this one';

export interface PreviousRun {
  /** Its own summary lines (date, machine, run, figures), as it wrote them. */
  summary: string[];
  /** Its figure blocks, headings included, without the run before it. */
  body: string[];
  figures: Map<string, Pick<Figure, 'name' | 'value' | 'unit'>>;
}

/** The run a RESULTS.md describes, without the older run it kept in turn; undefined when none. */
export function readPreviousRun(markdown: string | undefined): PreviousRun | undefined {
  if (!markdown?.startsWith('# Benchmark results')) return undefined;
  const own = markdown.split(`\n${PREVIOUS_RUN_HEADING}`)[0]!.split('\n');
  const summary = own.filter((line) => /^- (Date|Machine|Run|Figures): /.test(line));
  const start = own.indexOf('## Figures');
  const body = start < 0 ? [] : own.slice(start + 1).filter((line) => !line.startsWith('## Compared with'));
  const figures = new Map<string, Pick<Figure, 'name' | 'value' | 'unit'>>();
  let inBlock = false;
  for (const line of body) {
    if (line.startsWith('```')) inBlock = !inBlock;
    else if (inBlock) {
      const figure = parseFormattedFigure(line);
      if (figure) figures.set(figure.name, figure);
    }
  }
  return { summary, body, figures };
}

const number = (value: number) => String(+value.toPrecision(4));

/** `| figure | before | now | now / before |` for every figure both runs have, in this run's order. */
export function comparisonTable(figures: Figure[], previous: PreviousRun): string[] {
  const rows = figures.flatMap((figure) => {
    const before = previous.figures.get(figure.name);
    if (!before || before.unit !== figure.unit) return [];
    const ratio = before.value === 0 ? '-' : (figure.value / before.value).toFixed(2);
    return [`| ${figure.name} | ${number(before.value)} ${figure.unit} | ${number(figure.value)} ${figure.unit} | ${ratio} |`];
  });
  if (rows.length === 0) return [];
  return ['| figure | before | now | now / before |', '| --- | --- | --- | --- |', ...rows];
}
