// Types for secretLength.mjs (the project's TypeScript does not read JavaScript: allowJs is off).
export const MIN_SECRET_LENGTH: number;
export function secretLengthProblem(secret: string | undefined): string | undefined;
