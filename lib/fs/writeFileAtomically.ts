import { randomBytes } from 'node:crypto';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * Writes `file` whole or not at all: to a temporary name beside it, then renamed over it, so a
 * reader (another request, another instance sharing the folder) sees the old file or the new one,
 * never half of one. `wx` refuses to write through anything already at the temporary name; a
 * failed write (a full disk) gives its space back. The error names the file, its code kept.
 */
export async function writeFileAtomically(file: string, data: string | Uint8Array): Promise<void> {
  const temporary = `${file}.${process.pid}-${randomBytes(6).toString('hex')}.tmp`;
  try {
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(temporary, data, { flag: 'wx' });
    await rename(temporary, file);
  } catch (error) {
    await rm(temporary, { force: true }).catch(() => undefined);
    const { message, code } = error as NodeJS.ErrnoException;
    throw Object.assign(new Error(`cannot write ${file}: ${message}`, { cause: error }), { code });
  }
}
