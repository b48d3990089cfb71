import { constants, type Dirent } from 'node:fs';
import { open, readdir, realpath } from 'node:fs/promises';
import path from 'node:path';
import type { ContentProblem } from './types';

/**
 * A read that tells "not there" apart from "could not read". Only ENOENT (and ENOTDIR, a parent
 * replaced by a file) means absent; EMFILE, EACCES, EIO and the rest are failures, reported as
 * problems so the last good version stays up instead of the story silently disappearing.
 */
type Attempt<T> = { state: 'read'; value: T } | { state: 'absent' } | { state: 'failed'; error: string };
export type FileRead<T> = Attempt<T> | { state: 'notRegular' };

/** The problem of a file that is there and cannot be read as a story file, or undefined. */
export function unreadableProblem(file: string, read: FileRead<unknown>): ContentProblem | undefined {
  if (read.state === 'failed') return { file, code: 'file.unreadable', params: { error: read.error } };
  if (read.state === 'notRegular') return { file, code: 'file.notRegular' };
  return undefined;
}

function isAbsence(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return code === 'ENOENT' || code === 'ENOTDIR';
}

async function attempt<T>(read: () => Promise<T>): Promise<FileRead<T>> {
  try {
    return { state: 'read', value: await read() };
  } catch (error) {
    if (error instanceof NotRegular) return { state: 'notRegular' };
    if (isAbsence(error)) return { state: 'absent' };
    const { code, message } = error as NodeJS.ErrnoException;
    return { state: 'failed', error: code ?? message };
  }
}

/** Thrown inside a read for what is not a regular file inside the content root. */
class NotRegular extends Error {}

// O_NOFOLLOW: a symlink as the last component fails the open (ELOOP) instead of being followed;
// O_NONBLOCK: opening a FIFO returns at once instead of waiting for a writer.
const NO_FOLLOW = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0);

/**
 * The bytes of `relative` under `root`, as every content file and photo is read (the loader here,
 * /media through lib/media/readRegularFile.ts): never through a symlink (the file itself, or a
 * folder on the way leading outside the root, checked before anything is opened), and only from
 * a regular file (a FIFO named ru.md would hang an ordinary read forever; a device, a socket or a
 * folder has no story in it). Anything else is `notRegular`, which the loader reports as a
 * problem line.
 */
async function readRegular(root: string, relative: string): Promise<FileRead<Buffer>> {
  const file = path.join(root, relative);
  return attempt(async () => {
    const [realRoot, realFile] = await Promise.all([realpath(root), realpath(file)]);
    if (!realFile.startsWith(realRoot + path.sep)) throw new NotRegular();
    const handle = await open(file, NO_FOLLOW).catch((error: NodeJS.ErrnoException) => {
      throw error.code === 'ELOOP' ? new NotRegular() : error;
    });
    try {
      if (!(await handle.stat()).isFile()) throw new NotRegular();
      return await handle.readFile();
    } finally {
      await handle.close();
    }
  });
}

export async function readText(root: string, relative: string): Promise<FileRead<string>> {
  const read = await readRegular(root, relative);
  return read.state === 'read' ? { state: 'read', value: read.value.toString('utf8') } : read;
}

export function readBytes(root: string, relative: string): Promise<FileRead<Buffer>> {
  return readRegular(root, relative);
}

export async function listFolder(folder: string): Promise<Attempt<Dirent[]>> {
  const listing = await attempt(() => readdir(folder, { withFileTypes: true }));
  // Never thrown by readdir; here for the type.
  return listing.state === 'notRegular' ? { state: 'failed', error: 'ENOTDIR' } : listing;
}
