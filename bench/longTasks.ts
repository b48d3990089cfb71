// Where a page's blocking time comes from. Lighthouse's simulated throttling takes each main-thread
// task's wall-clock duration from the trace and multiplies it by 4, so a task the page spends
// waiting (for a core the server, the browser's other processes or the host are using) counts
// the same as one it spends computing. The trace also has each task's thread CPU time: the two
// sums side by side tell the page's own work from the host's.

export interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  dur?: number;
  tdur?: number;
  args?: { name?: string };
}

/** Tasks at least this long (wall, ms) are long tasks (over 50 ms) under a 4x CPU slowdown. */
export const LONG_UNDER_SLOWDOWN_MS = 50 / 4;

const TASK_NAMES = new Set(['RunTask', 'ThreadControllerImpl::RunTask']);

/** The renderer main thread with the most work: the page's, not an extension's or a blank tab's. */
function pageMainThread(events: TraceEvent[]): { pid: number; tid: number } | undefined {
  let best: { pid: number; tid: number; count: number } | undefined;
  for (const thread of events.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain')) {
    const count = events.filter((e) => e.pid === thread.pid && e.tid === thread.tid && e.ph === 'X').length;
    if (!best || count > best.count) best = { pid: thread.pid, tid: thread.tid, count };
  }
  return best;
}

/** The page's long tasks: how many, their wall-clock sum and their thread CPU sum, in ms. */
export function longTaskTimes(events: TraceEvent[]): { count: number; wallMs: number; cpuMs: number } {
  const thread = pageMainThread(events);
  let count = 0;
  let wall = 0;
  let cpu = 0;
  for (const e of events) {
    if (!thread || e.pid !== thread.pid || e.tid !== thread.tid || e.ph !== 'X' || !TASK_NAMES.has(e.name)) continue;
    if ((e.dur ?? 0) / 1000 < LONG_UNDER_SLOWDOWN_MS) continue;
    count += 1;
    wall += e.dur!;
    cpu += e.tdur ?? e.dur!;
  }
  return { count, wallMs: Math.round(wall / 1000), cpuMs: Math.round(cpu / 1000) };
}
