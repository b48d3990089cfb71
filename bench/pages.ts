// What benchmarks read from a running server and its process: shared so each reads it one way.
import { readFileSync } from 'node:fs';

/** A process's resident memory in MB, from /proc (Linux). */
export function rssMb(pid: number | undefined): number {
  if (pid === undefined) throw new Error('no process to measure: the server has no pid');
  return Math.round(Number(/^VmRSS:\s+(\d+)/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024);
}

/** The story pages a page links to, in the order they appear, each once. */
export function storyPathsIn(html: string, locale: string): string[] {
  const link = new RegExp(`href="(/${locale}/news/[^"/?#]+)"`, 'g');
  return [...new Set([...html.matchAll(link)].map((match) => match[1]!))];
}
