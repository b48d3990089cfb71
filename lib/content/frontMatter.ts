import { isMap, isScalar, isSeq, LineCounter, parseDocument } from 'yaml';
import type { ContentProblem } from './types';

export interface FrontMatterFile {
  data: unknown;
  body: string;
  /** Line in the file of the value at a front matter path, where YAML knows it. */
  lineOf(path: readonly PropertyKey[]): number | undefined;
}

const FENCE = /^---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;

/** Splits `---` YAML front matter from the Markdown body, keeping line numbers for errors. */
export function parseFrontMatter(
  source: string,
  file: string,
): { ok: true; value: FrontMatterFile } | { ok: false; problems: ContentProblem[] } {
  const text = source.replace(/^\uFEFF/, '');
  const match = FENCE.exec(text);
  if (!match) {
    return {
      ok: false,
      problems: [
        {
          file,
          line: 1,
          code: 'frontMatter.missing',
        },
      ],
    };
  }
  const lineCounter = new LineCounter();
  // YAML 1.2 core schema: dates stay strings, so their offsets survive.
  const doc = parseDocument(match[1] ?? '', { lineCounter, prettyErrors: false, uniqueKeys: true });
  // The YAML starts on line 2 (after the opening fence).
  const toFileLine = (offset: number) => lineCounter.linePos(offset).line + 1;
  if (doc.errors.length > 0) {
    return {
      ok: false,
      problems: doc.errors.map((error) => ({
        file,
        line: toFileLine(error.pos[0]),
        code: 'yaml.syntax',
        params: { detail: error.message.split('\n')[0] ?? '' },
      })),
    };
  }
  return {
    ok: true,
    value: {
      data: doc.toJS() ?? {},
      body: text.slice(match[0].length),
      // The line of the field's key ("date:"), or of the nearest enclosing field that exists.
      lineOf(path) {
        for (let depth = path.length; depth > 0; depth -= 1) {
          const parent = depth === 1 ? doc.contents : doc.getIn(path.slice(0, depth - 1) as unknown[], true);
          const key = path[depth - 1];
          if (isMap(parent)) {
            const pair = parent.items.find((item) => isScalar(item.key) && item.key.value === key);
            const range = (pair?.key as { range?: [number, number, number] } | undefined)?.range;
            if (range) return toFileLine(range[0]);
          } else if (isSeq(parent) && typeof key === 'number') {
            const range = (parent.items[key] as { range?: [number, number, number] } | undefined)?.range;
            if (range) return toFileLine(range[0]);
          }
        }
        return undefined;
      },
    },
  };
}
