// Types for nginxConfig.mjs (the project's TypeScript does not read JavaScript: allowJs is off).
export function rewriteSiteConfig(
  template: string,
  options: { upstreams: string[]; listen: string; httpListen: string; tls?: { certificate: string; key: string }; cacheDir: string; accessLog?: string; cache?: boolean },
): string;
export function failTimeoutMs(template: string): number;
export function mainConfig(dir: string, siteFile: string): string;
