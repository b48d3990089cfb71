// What benchmarks read from a running server and its process: shared so each reads it one way.
import { readFileSync } from 'node:fs';

/** A process's resident memory in MB, from /proc (Linux). */
export function rssMb(pid: number | undefined): number {
  if (pid === undefined) throw new Error('no process to measure: the server has no pid');
  return Math.round(Number(/^VmRSS:\s+(\d+)/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024);
}

// /proc/<pid>/stat counts in clock ticks of 10 ms (USER_HZ 100 on Linux).
const TICK_MS = 10;

/** User + system CPU time of a process and all its threads, in ms, from /proc (Linux). */
export function cpuMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // The command name, in parentheses, may hold spaces: count fields after its closing one.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
}

/** The story pages a page links to, in the order they appear, each once. */
export function storyPathsIn(html: string, locale: string): string[] {
  const link = new RegExp(`href="(/${locale}/news/[^"/?#]+)"`, 'g');
  return [...new Set([...html.matchAll(link)].map((match) => match[1]!))];
}
