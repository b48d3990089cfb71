const TYPES: Record<string, string> = { jpg: 'image/jpeg', jpeg: 'image/jpeg', png: 'image/png', webp: 'image/webp', avif: 'image/avif' };

/** The media type of a story photo by its file name (the schema allows only these endings). */
export function imageContentType(file: string): string {
  return TYPES[file.split('.').pop()!.toLowerCase()] ?? 'application/octet-stream';
}
