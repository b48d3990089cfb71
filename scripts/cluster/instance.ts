// One instance of the site: scripts/server.mjs (NODE_ENV=production) on a loopback port, with the
// cluster's shared settings. Start, wait for /api/health 200, drain with SIGTERM, or SIGKILL it.
import { spawn, type ChildProcessByStdio } from 'node:child_process';
import type { Readable } from 'node:stream';
import { settings } from '../../lib/config/settings.ts';
import { eachLine, hasExited, sleep, stopProcess } from './processes.ts';

const TAIL_LINES = 40;

export interface ClusterInstance {
  readonly index: number;
  readonly port: number;
  /** http://127.0.0.1:PORT, the instance itself (not through nginx). */
  readonly origin: string;
  readonly pid: number | undefined;
  readonly running: boolean;
  start(): void;
  waitHealthy(options?: { timeoutMs?: number; signal?: AbortSignal }): Promise<void>;
  /** SIGTERM, then waits for the drain (SIGKILL past SHUTDOWN_GRACE_MS + 2 s). */
  stop(): Promise<void>;
  /** SIGKILL, reported like a crash. */
  kill(): void;
}

/** How an instance's unplanned exit is reported (a crash, or a kill()). */
export type InstanceExit = (instance: ClusterInstance, code: number | null, signal: NodeJS.Signals | null) => void;

export interface InstanceOptions {
  /** 1, 2…: its name in the logs. */
  index: number;
  port: number;
  /** The whole environment of scripts/server.mjs (PORT is added). */
  env: NodeJS.ProcessEnv;
  /** The project folder, where scripts/server.mjs runs. */
  root: string;
  log: (line: string) => void;
  onExit?: InstanceExit;
}

export function instanceProcess({ index, port, env, root, log, onExit }: InstanceOptions): ClusterInstance {
  let child: ChildProcessByStdio<null, Readable, Readable> | undefined;
  let stopping = false;
  const tail: string[] = [];
  const origin = `http://127.0.0.1:${port}`;
  // Read as the instance reads it (lib/config/settings.ts), its default included.
  const { shutdownGraceMs: graceMs } = settings(env);
  const instance: ClusterInstance = {
    index,
    port,
    origin,
    get pid() {
      return child?.pid;
    },
    get running() {
      return Boolean(child) && !hasExited(child!);
    },
    start() {
      stopping = false;
      child = spawn(process.execPath, ['scripts/server.mjs'], { cwd: root, env: { ...env, PORT: String(port) }, stdio: ['ignore', 'pipe', 'pipe'] });
      const keep = (line: string) => {
        tail.push(line);
        if (tail.length > TAIL_LINES) tail.shift();
        log(`[${index}] ${line}`);
      };
      eachLine(child.stdout, keep);
      eachLine(child.stderr, keep);
      child.once('exit', (code, signal) => {
        if (!stopping) onExit?.(instance, code, signal);
      });
    },
    /** Resolves when /api/health answers 200 (content compared with the build, not draining). */
    async waitHealthy({ timeoutMs = 120_000, signal } = {}) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        signal?.throwIfAborted();
        const status = await fetch(`${origin}/api/health`, { signal: AbortSignal.timeout(5_000) }).then(
          (response) => response.status,
          () => 0,
        );
        if (status === 200) return;
        if (!instance.running) throw new Error(`instance ${index} exited before it was healthy:\n${tail.join('\n')}`);
        if (Date.now() > deadline) throw new Error(`instance ${index} was not healthy within ${timeoutMs / 1000} s:\n${tail.join('\n')}`);
        await sleep(200);
      }
    },
    /** SIGTERM: the instance drains (scripts/server.mjs) and exits; SIGKILL if it outlives its grace. */
    async stop() {
      stopping = true;
      if (child) await stopProcess(child, 'SIGTERM', graceMs + 2_000);
    },
    /** A crash, as far as nginx can tell (reported through onExit like any unplanned exit). */
    kill() {
      child?.kill('SIGKILL');
    },
  };
  return instance;
}
