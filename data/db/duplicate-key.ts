/** A write that broke a unique index (MongoDB's and FerretDB's E11000). */
export function isDuplicateKey(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === 11000;
}

/** Inserts a claim document (insert-once): false when one with its key is already there. */
export async function insertOnce(insert: () => Promise<unknown>): Promise<boolean> {
  try {
    await insert();
    return true;
  } catch (error) {
    if (isDuplicateKey(error)) return false;
    throw error;
  }
}

/**
 * Runs an upsert, and once more when it lost the race to create its document: of two first writers, one
 * insert wins the unique index. MongoDB retries such an upsert itself; FerretDB v1 answers E11000, and the
 * second try finds the document and updates it.
 */
export async function upsertRetryingRace<T>(upsert: () => Promise<T>): Promise<T> {
  try {
    return await upsert();
  } catch (error) {
    if (!isDuplicateKey(error)) throw error;
    return upsert();
  }
}
