import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createClient } from '@libsql/client';
import { afterEach, describe, expect, it } from 'vitest';
import { dayKey } from './days';
import { openSqliteStore } from './sqliteStore';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((c) => c()));
});

describe('the SQLite store killed in the middle of writes', () => {
  it('loses no acknowledged view, and the file opens cleanly afterwards', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'views-crash-'));
    cleanups.push(() => rm(dir, { recursive: true, force: true }));
    const file = path.join(dir, 'views.db');
    const day = dayKey(new Date());
    const writer = spawn(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, 'testing/recordUntilKilled.ts'), file, day], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let acknowledged = 0;
    await new Promise<void>((resolve, reject) => {
      writer.stdout.on('data', (chunk: Buffer) => {
        for (const match of chunk.toString().matchAll(/ack (\d+)/g)) acknowledged = Math.max(acknowledged, Number(match[1]));
        // Killed mid-stream, with writes still coming.
        if (acknowledged >= 150 && writer.exitCode === null) writer.kill('SIGKILL');
      });
      writer.on('exit', () => resolve());
      writer.on('error', reject);
    });
    expect(writer.signalCode).toBe('SIGKILL');
    expect(acknowledged).toBeGreaterThanOrEqual(150);

    const db = createClient({ url: `file:${file}` });
    try {
      expect((await db.execute('PRAGMA integrity_check')).rows[0]?.[0]).toBe('ok');
    } finally {
      db.close();
    }
    const store = await openSqliteStore(file);
    try {
      const [count] = await store.top([day], 1);
      expect(count?.slug).toBe('crash-test');
      expect(count!.views).toBeGreaterThanOrEqual(acknowledged);
    } finally {
      await store.close();
    }
  }, 60_000);
});
