import type { IncomingMessage, ServerResponse } from 'node:http';
import type { EncodedDocuments } from './encodedDocuments.mjs';
export function holdDocuments(request: IncomingMessage, response: ServerResponse, documents: EncodedDocuments, options?: { maxHeldBytes?: number }): void;
