// A writer for sqliteCrash.test.ts: records one view per reader into VIEWS_DB and prints
// "ack N" once the store has acknowledged view N, until it is killed.
import { openSqliteStore } from '../sqliteStore';

const file = process.argv[2]!;
const day = process.argv[3]!;
const store = await openSqliteStore(file);
for (let i = 1; ; i += 1) {
  await store.record({ slug: 'crash-test', day, reader: `reader-${i}` });
  process.stdout.write(`ack ${i}\n`);
}
