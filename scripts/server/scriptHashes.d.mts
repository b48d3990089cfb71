export function inlineScriptHashes(html: string | Buffer): string[];
export function withScriptHashes(policy: string, hashes: string[]): string;
