// Types for tools.mjs (the project's TypeScript does not read JavaScript: allowJs is off).
export const INSTALL_HINT: string;
export function findNginx(): string | undefined;
export function findRedisServer(): string | undefined;
export function missingTools(options?: { needRedis?: boolean; needOpenssl?: boolean }): string | undefined;
