// Types for redis.mjs (the project's TypeScript does not read JavaScript: allowJs is off).
export const REDIS_USER: string;
export const REDIS_KEYS: string;
export function aclArguments(password: string): string[];
export function redisServer(options: { binary: string; port: number; dir: string }): {
  port: number;
  url: string;
  shownUrl: string;
  readonly pid: number | undefined;
  start(): Promise<void>;
  stop(): Promise<void>;
};
