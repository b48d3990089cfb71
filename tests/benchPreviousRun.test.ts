import { describe, expect, it } from 'vitest';
import { comparisonTable, PREVIOUS_RUN_HEADING, readPreviousRun } from '../bench/previousRun';
import { formatFigure, parseFormattedFigure } from '../bench/report';

const older = ['# Benchmark results', '', '- Date: 2026-11-26T02:10:05.443Z', '- Machine: 2 cores, Node v20.20.2, linux x64', '- Run: `npm run bench`', '- Figures: 2, targets missed: 0', '', '## Figures', '', '### load.ts', '', '```',
  formatFigure({ name: 'load.story.p99', value: 425, unit: 'ms', target: { atMost: 500 } }),
  formatFigure({ name: 'og.cold.p50', value: 141.4, unit: 'ms', baseline: 6.3 }),
  '```', '', `${PREVIOUS_RUN_HEADING}`, '', '- Date: 2026-11-20', '', '### ancient.ts', '```', 'ancient.figure: 1 ms', '```'].join('\n');

describe('the run before this one', () => {
  it('reads a formatted figure back', () => {
    expect(parseFormattedFigure('og.cold.p50: 141.4 ms (baseline: 6.3, ratio 22.44)')).toEqual({ name: 'og.cold.p50', value: 141.4, unit: 'ms' });
    expect(parseFormattedFigure('archive.ratio: 1.89 [target: ≤ 2]')).toEqual({ name: 'archive.ratio', value: 1.89, unit: '' });
    expect(parseFormattedFigure('| not | a figure |')).toBeUndefined();
  });

  it('keeps its summary and figures, never the run it kept in turn', () => {
    const previous = readPreviousRun(older)!;
    expect(previous.summary).toEqual(['- Date: 2026-11-26T02:10:05.443Z', '- Machine: 2 cores, Node v20.20.2, linux x64', '- Run: `npm run bench`', '- Figures: 2, targets missed: 0']);
    expect([...previous.figures.keys()]).toEqual(['load.story.p99', 'og.cold.p50']);
    expect(previous.body.join('\n')).not.toContain('ancient');
    expect(readPreviousRun(undefined)).toBeUndefined();
  });

  it('sets every figure both runs have side by side', () => {
    const table = comparisonTable(
      [
        { name: 'og.cold.p50', value: 100, unit: 'ms' },
        { name: 'new.figure', value: 1, unit: 'ms' },
        { name: 'load.story.p99', value: 340, unit: 'ms' },
      ],
      readPreviousRun(older)!,
    );
    expect(table.slice(2)).toEqual(['| og.cold.p50 | 141.4 ms | 100 ms | 0.71 |', '| load.story.p99 | 425 ms | 340 ms | 0.80 |']);
  });
});
