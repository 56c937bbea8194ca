import type { MongoBulkWriteError } from 'mongodb';

export type InsertOutcome = 'inserted' | 'duplicate';

const MAX_BATCH = 500;

/**
 * Group commit for a hot insert path: documents that arrive while a write is in flight go together in the next
 * unordered insertMany, so a burst of concurrent senders costs a few round trips instead of one each. On
 * FerretDB's SQLite backend every write is serialized, so this is what keeps acks fast at 100 concurrent senders.
 * Each caller still learns its own outcome: inserted, duplicate (unique index), or the error.
 */
export function createGroupInsert<T>(collection: {
  insertMany(documents: T[], options: { ordered: false }): Promise<unknown>;
}) {
  interface Pending {
    document: T;
    resolve(outcome: InsertOutcome): void;
    reject(error: unknown): void;
  }
  let queue: Pending[] = [];
  let writing = false;

  async function flush(): Promise<void> {
    writing = true;
    while (queue.length > 0) {
      const batch = queue.slice(0, MAX_BATCH);
      queue = queue.slice(batch.length);
      await write(batch);
    }
    writing = false;
  }

  async function write(batch: Pending[]): Promise<void> {
    try {
      await collection.insertMany(
        batch.map((pending) => pending.document),
        { ordered: false },
      );
      for (const pending of batch) pending.resolve('inserted');
    } catch (error) {
      const failures = writeErrorsByIndex(error);
      if (!failures) {
        for (const pending of batch) pending.reject(error);
        return;
      }
      batch.forEach((pending, index) => {
        const failure = failures.get(index);
        if (failure === undefined) pending.resolve('inserted');
        else if (failure.code === 11000) pending.resolve('duplicate');
        else
          pending.reject(Object.assign(new Error(failure.errmsg ?? 'insert failed'), { code: failure.code }));
      });
    }
  }

  return function insert(document: T): Promise<InsertOutcome> {
    return new Promise<InsertOutcome>((resolve, reject) => {
      queue.push({ document, resolve, reject });
      if (!writing) void flush();
    });
  };
}

/** The per-document errors of an unordered bulk insert, by position; undefined for any other failure. */
function writeErrorsByIndex(error: unknown): Map<number, { code: number; errmsg?: string }> | undefined {
  const writeErrors = (error as Partial<MongoBulkWriteError>).writeErrors;
  if (writeErrors === undefined) return undefined;
  const list = Array.isArray(writeErrors) ? writeErrors : [writeErrors];
  return new Map(list.map((failure) => [failure.index, { code: failure.code, errmsg: failure.errmsg }]));
}
