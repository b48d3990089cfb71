import type { IncomingMessage, ServerResponse } from 'node:http';

export interface ImmutableMedia {
  serve(request: IncomingMessage, response: ServerResponse): boolean;
  capture(request: IncomingMessage, response: ServerResponse): void;
  stats(): { entries: number; bytes: number };
}

export function createImmutableMedia(options: { generation: () => object | undefined; maxBytes?: number; maxEntryBytes?: number }): ImmutableMedia;
