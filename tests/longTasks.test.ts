import { describe, expect, it } from 'vitest';
import { longTaskTimes, type TraceEvent } from '../bench/longTasks';

const thread = (pid: number, name: string): TraceEvent => ({ name: 'thread_name', ph: 'M', pid, tid: pid, args: { name } });
const task = (pid: number, durMs: number, cpuMs: number, name = 'RunTask'): TraceEvent => ({ name, ph: 'X', pid, tid: pid, dur: durMs * 1000, tdur: cpuMs * 1000 });

describe('longTaskTimes', () => {
  it("sums the wall and CPU time of the busiest renderer's tasks of 12.5 ms and more", () => {
    const events = [
      thread(1, 'CrRendererMain'),
      thread(2, 'CrRendererMain'),
      thread(3, 'CrBrowserMain'),
      task(1, 40, 40),
      task(2, 30, 10),
      task(2, 12.5, 12, 'ThreadControllerImpl::RunTask'),
      task(2, 12, 12),
      task(2, 100, 100, 'Layout'),
      task(3, 500, 500),
    ];
    expect(longTaskTimes(events)).toEqual({ count: 2, wallMs: 43, cpuMs: 22 });
  });

  it('finds nothing in a trace without a renderer', () => {
    expect(longTaskTimes([thread(3, 'CrBrowserMain'), task(3, 500, 500)])).toEqual({ count: 0, wallMs: 0, cpuMs: 0 });
  });
});
