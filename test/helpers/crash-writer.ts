// Child process for the crash test: commits changes one by one and acknowledges each on stdout.
import { Store } from '../../electron/backend/db/store';

const [dbPath, countArg] = process.argv.slice(2);
const store = await Store.open({ path: dbPath!, snapshotDelayMs: 50, maxJournalBytes: 4096 });
for (let i = 1; i <= Number(countArg); i++) {
  store.write({ action: 'crash-test', user: 'test' }, (tx) =>
    tx.run(
      "INSERT INTO import_batches (file_name, file_hash, format, imported_at, imported_by, total, created, updated, unchanged, rejected, rejections) VALUES (?, 'h', 'csv', 'now', 'test', 0, 0, 0, 0, 0, '[]')",
      [`change-${i}`],
    ),
  );
  process.stdout.write(`ack ${i}\n`);
  if (i % 7 === 0) await new Promise((resolve) => setTimeout(resolve, 5));
}
