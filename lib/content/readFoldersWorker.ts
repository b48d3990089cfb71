// A worker thread of lib/content/parallelFolders.ts (started through parallelFoldersWorker.mjs):
// reads each batch of story folders it is sent.
import { parentPort, workerData } from 'node:worker_threads';
import { readFoldersHere } from './load';
import type { FolderWorkerData } from './parallelFolders';

const { root, taxonomy, folders } = workerData as FolderWorkerData;
const known = new Set(folders);

parentPort!.on('message', async (slugs: string[]) => {
  parentPort!.postMessage(await readFoldersHere(root, slugs, taxonomy, known));
});
