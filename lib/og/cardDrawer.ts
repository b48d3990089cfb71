import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { isValidElement, type ReactElement, type ReactNode } from 'react';
import type { CardFont } from './fonts';

/** A host element as satori reads it: a tag, its props and children, no React internals. */
export interface PlainElement {
  type: string;
  props: Record<string, unknown> & { children?: PlainNode };
}
export type PlainNode = PlainElement | string | number | null | PlainNode[];

export interface CardWorkerData {
  size: { width: number; height: number };
  fonts: Array<{ name: string; data: Uint8Array; weight: 400 | 700; style: 'normal' }>;
}
export interface CardDrawRequest {
  id: number;
  element: PlainNode;
}
export interface CardDrawAnswer {
  id: number;
  png?: Uint8Array;
  error?: string;
}

/**
 * The card as plain host elements: function components called (cards are plain functions of their
 * props, no hooks), React's internals dropped, so it can be copied to the drawing worker.
 */
export function plainElement(node: ReactNode): PlainNode {
  if (node === null || node === undefined || typeof node === 'boolean') return null;
  if (typeof node === 'string' || typeof node === 'number') return node;
  if (Array.isArray(node)) return node.map(plainElement);
  if (!isValidElement(node)) throw new TypeError(`a card cannot hold ${String(node)}`);
  const { type, props } = node as ReactElement<Record<string, unknown> & { children?: ReactNode }>;
  if (typeof type === 'function') return plainElement((type as (props: unknown) => ReactNode)(props));
  if (typeof type !== 'string') throw new TypeError('a card holds only host elements and function components');
  const { children, ...rest } = props;
  return { type, props: { ...rest, ...(children === undefined ? {} : { children: plainElement(children) }) } };
}

export interface CardDrawer {
  /** The card's PNG, drawn in the worker. */
  draw(element: ReactElement): Promise<Buffer>;
  /** Whether a worker is running now (it stops after CARD_WORKER_IDLE_MS without a card). */
  readonly running: boolean;
  /** Stops the worker now if it has nothing to draw: the warm-up's cards are kept, its next card may be long in coming. */
  rest(): void;
}

/** A drawing that takes longer is abandoned and the worker replaced, so a slot is never held for ever. */
const DRAW_TIMEOUT_MS = 20_000;
/**
 * A worker with nothing to draw for this long is stopped: it holds an engine, its WebAssembly and
 * a copy of the fonts (about 100 MB), and cards come in bursts (a start-up, a new story, a crawl).
 */
export const CARD_WORKER_IDLE_MS = 30_000;

/**
 * Draws cards in one worker thread (lib/og/cardWorker.ts), started on the first card and again
 * after it fails or after it stopped for being idle: the main thread keeps answering pages while
 * cards are drawn. The worker does not keep the process alive.
 */
export function workerDrawer(fonts: () => Promise<CardFont[]>, size: CardWorkerData['size'], idleMs = CARD_WORKER_IDLE_MS): CardDrawer {
  let worker: Promise<Worker> | undefined;
  let current: Worker | undefined;
  let idle: NodeJS.Timeout | undefined;
  let nextId = 0;
  // Cards asked for and still waiting for the worker to start: not yet pending, but not idle.
  let waiting = 0;
  const pending = new Map<number, { resolve: (png: Buffer) => void; reject: (error: Error) => void; timer: NodeJS.Timeout }>();

  const failAll = (error: Error) => {
    for (const { reject, timer } of pending.values()) {
      clearTimeout(timer);
      reject(error);
    }
    pending.clear();
  };
  const stopIfIdle = (running: Worker | undefined) => {
    if (pending.size + waiting > 0 || running === undefined || current !== running) return;
    clearTimeout(idle);
    // Forgotten first, so a card asked for while it stops starts a new one.
    current = undefined;
    worker = undefined;
    void running.terminate();
  };
  const start = async () => {
    const workerData: CardWorkerData = {
      size,
      fonts: (await fonts()).map(({ name, data, weight, style }) => ({ name, data: new Uint8Array(data), weight, style })),
    };
    const started = new Worker(path.join(/* turbopackIgnore: true */ process.cwd(), 'lib', 'og', 'cardWorker.ts'), { workerData });
    started.unref();
    current = started;
    started.on('message', ({ id, png, error }: CardDrawAnswer) => {
      const job = pending.get(id);
      if (!job) return;
      pending.delete(id);
      clearTimeout(job.timer);
      if (png) job.resolve(Buffer.from(png.buffer, png.byteOffset, png.byteLength));
      else job.reject(new Error(error ?? 'the card worker answered nothing'));
      if (pending.size > 0) return;
      idle = setTimeout(() => stopIfIdle(started), idleMs);
      idle.unref();
    });
    const lost = (why: string) => {
      if (current !== started) return;
      current = undefined;
      worker = undefined;
      failAll(new Error(`the card worker ${why}`));
    };
    started.on('error', (error: Error) => lost(`failed: ${error.stack ?? error.message}`));
    started.on('exit', (code) => lost(`exited (code ${code})`));
    return started;
  };

  return {
    async draw(element) {
      const plain = plainElement(element);
      clearTimeout(idle);
      if (!worker) {
        const starting = start();
        worker = starting;
        starting.catch(() => {
          if (worker === starting) worker = undefined;
        });
      }
      waiting += 1;
      const running = await worker.finally(() => (waiting -= 1));
      const id = (nextId += 1);
      return new Promise<Buffer>((resolve, reject) => {
        const timer = setTimeout(() => {
          pending.delete(id);
          reject(new Error(`drawing a card took over ${DRAW_TIMEOUT_MS / 1000} s`));
          // The others drawn by the same worker fail with it (the exit above), and the next card starts a new one.
          void running.terminate();
        }, DRAW_TIMEOUT_MS);
        timer.unref();
        pending.set(id, { resolve, reject, timer });
        running.postMessage({ id, element: plain } satisfies CardDrawRequest);
      });
    },
    get running() {
      return current !== undefined;
    },
    rest: () => stopIfIdle(current),
  };
}
