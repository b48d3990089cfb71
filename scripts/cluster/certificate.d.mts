// Types for certificate.mjs (the project's TypeScript does not read JavaScript: allowJs is off).
export function selfSignedCertificate(dir: string): Promise<{ certificate: string; key: string }>;
