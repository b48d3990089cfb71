import type * as FsPromises from 'node:fs/promises';

/**
 * A full or read-only disk for tests that run as root (where chmod binds nothing): writeFile
 * under `fault.under` fails with the error the disk would give, ENOSPC after writing half the
 * bytes (what a full disk does) or EROFS before writing any. Used from a vi.mock factory of
 * node:fs/promises, with `fault` made by vi.hoisted so the tests can switch it.
 */
export interface DiskFault {
  code: 'ENOSPC' | 'EROFS' | undefined;
  under: string;
}

export function faultyFsPromises(actual: typeof FsPromises, fault: DiskFault) {
  const writeFile: typeof actual.writeFile = async (file, data, options) => {
    if (!fault.code || !String(file).startsWith(fault.under)) return actual.writeFile(file, data, options);
    if (fault.code === 'ENOSPC') {
      const bytes = typeof data === 'string' ? Buffer.from(data) : Buffer.from(data as Uint8Array);
      await actual.writeFile(file, bytes.subarray(0, bytes.length >> 1), options);
      throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC', errno: -28, syscall: 'write' });
    }
    throw Object.assign(new Error(`EROFS: read-only file system, open '${String(file)}'`), { code: 'EROFS', errno: -30, syscall: 'open', path: String(file) });
  };
  return { ...actual, default: { ...actual, writeFile }, writeFile };
}
