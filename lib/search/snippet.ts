import type { Locale } from '../../i18n/routing';
import { termOf, tokens, type Token } from '../text/analyzer';
import { SEARCH_ANALYSIS } from './query';

/**
 * Text cut into plain runs and matched words. Components render each as a text node or a <mark>,
 * so a query or a story is never markup.
 */
export interface Segment {
  text: string;
  match: boolean;
}

/** Words a snippet shows, and how many of them before its first match. */
export const SNIPPET = { words: 32, lead: 8 } as const;
const ELLIPSIS = '…';

function matchedTokens(text: string, matched: ReadonlySet<string>, locale: Locale): { all: Token[]; hits: boolean[] } {
  const all = tokens(text, SEARCH_ANALYSIS);
  const hits = all.map((token) => {
    const term = termOf(token.word, locale, SEARCH_ANALYSIS);
    return term !== undefined && matched.has(term);
  });
  return { all, hits };
}

/** Tokens from..to of a text as segments, with an ellipsis where the text goes on. */
function segments(text: string, all: Token[], hits: boolean[], from: number, to: number): Segment[] {
  const out: Segment[] = [];
  const push = (part: string, match: boolean) => {
    const clean = part.replace(/\s+/g, ' ');
    if (!clean) return;
    const last = out.at(-1);
    if (last && last.match === match) last.text += clean;
    else out.push({ text: clean, match });
  };
  let cursor = from > 0 ? all[from]!.start : 0;
  const end = to < all.length ? all[to - 1]!.end : text.length;
  if (from > 0) push(ELLIPSIS + ' ', false);
  for (let i = from; i < to; i++) {
    if (!hits[i]) continue;
    push(text.slice(cursor, all[i]!.start), false);
    push(text.slice(all[i]!.start, all[i]!.end), true);
    cursor = all[i]!.end;
  }
  push(text.slice(cursor, end), false);
  if (to < all.length) push(' ' + ELLIPSIS, false);
  if (out[0]) out[0].text = out[0].text.trimStart();
  if (out.at(-1)) out.at(-1)!.text = out.at(-1)!.text.trimEnd();
  return out.filter((segment) => segment.text);
}

/** A whole short text (a headline) with its matched words marked. */
export function highlight(text: string, matched: ReadonlySet<string>, locale: Locale): Segment[] {
  const { all, hits } = matchedTokens(text, matched, locale);
  return segments(text, all, hits, 0, all.length);
}

/** The window of SNIPPET.words words with the most distinct matched terms, and how many it holds. */
function bestWindow(all: Token[], hits: boolean[], locale: Locale): { from: number; score: number } {
  let best = { from: 0, score: 0 };
  for (let i = 0; i < all.length; i++) {
    if (!hits[i]) continue;
    const seen = new Set<string>();
    let count = 0;
    for (let j = i; j < Math.min(all.length, i + SNIPPET.words - SNIPPET.lead); j++) {
      if (!hits[j]) continue;
      seen.add(termOf(all[j]!.word, locale, SEARCH_ANALYSIS)!);
      count += 1;
    }
    // Distinct words first (all the query's words together), then how often they occur.
    const score = seen.size * 1000 + count;
    // Start a few words before the match, but never leave the window short at the end of the text.
    if (score > best.score) best = { from: Math.max(0, Math.min(i - SNIPPET.lead, all.length - SNIPPET.words)), score };
  }
  return best;
}

/** A few dozen words of a text around its best match, marked; its opening when nothing matches. */
export function snippet(text: string, matched: ReadonlySet<string>, locale: Locale): { segments: Segment[]; score: number } {
  const { all, hits } = matchedTokens(text, matched, locale);
  if (all.length === 0) return { segments: [], score: 0 };
  const { from, score } = bestWindow(all, hits, locale);
  const to = Math.min(all.length, from + SNIPPET.words);
  return { segments: segments(text, all, hits, from, to), score };
}

/** The better snippet of a story's lead and body: the one showing more of the query. */
export function storySnippet(summary: string, body: string, matched: ReadonlySet<string>, locale: Locale): Segment[] {
  const lead = snippet(summary, matched, locale);
  if (lead.score >= 1000 * matched.size) return lead.segments;
  const fromBody = snippet(body, matched, locale);
  return fromBody.score > lead.score ? fromBody.segments : lead.segments;
}
