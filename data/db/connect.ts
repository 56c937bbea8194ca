import mongoose, { type Connection } from 'mongoose';
import { DatabaseUnavailableError } from '../../bot/errors.ts';

/** `mongodb://user:secret@host/db` → `mongodb://***@host/db`: safe for logs and error lines. */
export function redactUri(uri: string): string {
  return uri.replace(/\/\/[^@/]*@/, '//***@');
}

export async function connectDatabase(uri: string, serverSelectionTimeoutMS = 5_000): Promise<Connection> {
  const connection = mongoose.createConnection(uri, {
    serverSelectionTimeoutMS,
    // Fail fast while the database is away instead of queueing requests in memory.
    bufferCommands: false,
    autoIndex: false,
  });
  try {
    await connection.asPromise();
    await pingDatabase(connection, serverSelectionTimeoutMS);
    return connection;
  } catch (error) {
    await connection.close().catch(() => undefined);
    throw new DatabaseUnavailableError(
      `Cannot reach the database at ${redactUri(uri)} (${(error as Error).message}). ` +
        'Check MONGODB_URI, or unset it to use the embedded database.',
      { cause: error },
    );
  }
}

/** True when the database answers a ping within `timeoutMs`. Never throws. */
export async function pingDatabase(connection: Connection, timeoutMs = 1_000): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  const ping = (async () => {
    const db = connection.db;
    if (!db) return false;
    const result = await db.command({ ping: 1 });
    return result.ok === 1;
  })().catch(() => false);
  try {
    return await Promise.race([ping, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
