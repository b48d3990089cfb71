// Types for startCluster.mjs (the project's TypeScript does not read JavaScript: allowJs is off).

export const ROOT: string;

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

export interface ClusterRedis {
  readonly port: number;
  /** With the ACL user's password. */
  readonly url: string;
  /** The URL without its password, for logs. */
  readonly shownUrl: string;
  readonly pid: number | undefined;
  start(): Promise<void>;
  stop(): Promise<void>;
}

export interface ClusterNginx {
  readonly port: number;
  readonly url: string;
  /** Plain HTTP: with TLS, where the redirect to HTTPS answers. */
  readonly httpUrl: string;
  readonly configFile: string;
  /** Its access log (deploy/nginx.conf's anonymized format). */
  readonly accessLog: string;
  readonly pid: number | undefined;
}

export interface Cluster {
  /** nginx's URL (https://localhost:PORT with `tls`). */
  url: string;
  /** With `tls`: the self-signed certificate to trust, and its key. */
  tls: { certificate: string; key: string } | undefined;
  dir: string;
  env: { SITE_URL: string; REDIS_URL: string; DATA_DIR: string };
  instances: ClusterInstance[];
  /** nginx's fail_timeout and a margin: how long a returned instance may wait for readers. */
  settleMs: number;
  redis: ClusterRedis | undefined;
  nginx: ClusterNginx;
  configureNginx(options?: { upstreams?: ClusterInstance[]; cache?: boolean }): Promise<void>;
  restartInstance(instance: ClusterInstance): Promise<void>;
  rollingRestart(): Promise<void>;
  stop(): Promise<void>;
}

export interface ClusterOptions {
  instances?: number;
  /** nginx's port; 0 (the default) picks a free one. */
  port?: number;
  /** The build folder (NEXT_DIST_DIR), default .next. */
  dist?: string;
  contentDir?: string;
  /** An existing Redis; without it the cluster starts its own redis-server. */
  redisUrl?: string;
  siteUrl?: string;
  secret?: string;
  dataDir?: string;
  /** nginx's micro-cache, default on. */
  cache?: boolean;
  /** HTTPS as shipped, with a self-signed certificate made for the run (openssl). */
  tls?: boolean;
  log?: (line: string) => void;
  onInstanceExit?: (instance: ClusterInstance, code: number | null, signal: NodeJS.Signals | null) => void;
  signal?: AbortSignal;
}

export function startCluster(options?: ClusterOptions): Promise<Cluster>;
