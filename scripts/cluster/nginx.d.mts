// Types for nginx.mjs (the project's TypeScript does not read JavaScript: allowJs is off).
export function checkConfig(binary: string, dir: string, file: string): string | undefined;
export interface TlsFiles {
  certificate: string;
  key: string;
}
export function writeConfig(options: { template: string; dir: string; port: number; httpPort: number; tls?: TlsFiles; upstreams: string[]; cache?: boolean }): Promise<string>;
export function nginxUrl(port: number, tls: unknown): string;
export function nginxServer(options: {
  binary: string;
  dir: string;
  port: number;
  httpPort: number;
  tls?: TlsFiles;
  template: string;
  log: (line: string) => void;
}): {
  port: number;
  url: string;
  httpUrl: string;
  configFile: string;
  readonly pid: number | undefined;
  /** Its access log (deploy/nginx.conf's anonymized format). */
  accessLog: string;
  start(options: { upstreams: string[]; cache?: boolean }): Promise<void>;
  stop(): Promise<void>;
};
