import type { ServerResponse } from 'node:http';
export function holdHtmlForScriptHashes(response: ServerResponse, options?: { maxHeldBytes?: number }): void;
