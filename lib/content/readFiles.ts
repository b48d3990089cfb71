import type { Dirent } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';

/**
 * A read that tells "not there" apart from "could not read". Only ENOENT (and ENOTDIR, a parent
 * replaced by a file) means absent; EMFILE, EACCES, EIO and the rest are failures, reported as
 * problems so the last good version stays up instead of the story silently disappearing.
 */
export type FileRead<T> = { state: 'read'; value: T } | { state: 'absent' } | { state: 'failed'; error: string };

function isAbsence(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return code === 'ENOENT' || code === 'ENOTDIR';
}

async function attempt<T>(read: () => Promise<T>): Promise<FileRead<T>> {
  try {
    return { state: 'read', value: await read() };
  } catch (error) {
    if (isAbsence(error)) return { state: 'absent' };
    const { code, message } = error as NodeJS.ErrnoException;
    return { state: 'failed', error: code ?? message };
  }
}

export function readText(file: string): Promise<FileRead<string>> {
  return attempt(() => readFile(file, 'utf8'));
}

export function readBytes(file: string): Promise<FileRead<Buffer>> {
  return attempt(() => readFile(file));
}

export function listFolder(folder: string): Promise<FileRead<Dirent[]>> {
  return attempt(() => readdir(folder, { withFileTypes: true }));
}
