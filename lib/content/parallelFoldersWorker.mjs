// Entry of each worker thread of lib/content/parallelFolders.ts. Node 20 runs no TypeScript, and
// a worker does not always inherit the parent's loader (vitest's does not): register tsx here.
import { register } from 'tsx/esm/api';

register();
await import('./readFoldersWorker.ts');
