// Types for frameworkScripts.mjs (the project's TypeScript does not read JavaScript: allowJs is off).
export function withoutFrameworkScripts(html: Buffer): Buffer;
