import path from 'node:path';
import { fileURLToPath } from 'node:url';
import mongoose, { type Connection } from 'mongoose';

/** The server `npm test` started (FerretDB) or the one MONGODB_URI named. */
export function testServerUri(): string {
  const uri = process.env.TEST_MONGODB_URI;
  if (!uri) throw new Error('TEST_MONGODB_URI is not set: run the tests with `npm test`');
  return uri;
}

/** A database name of its own for each test file (e.g. `t_e2e_slack_help`), so files never see each other's data. */
export function databaseNameFor(testFileUrl: string, suffix = ''): string {
  const relative = path.relative(path.resolve('test'), fileURLToPath(testFileUrl)).replace(/\.test\.ts$/, '');
  return `t_${relative}${suffix}`.replace(/[^A-Za-z0-9]+/g, '_').slice(0, 60);
}

export function testDatabaseUri(testFileUrl: string, suffix = ''): string {
  const url = new URL(testServerUri());
  url.pathname = `/${databaseNameFor(testFileUrl, suffix)}`;
  return url.toString();
}

/** Opens the file's database, emptied first so every run starts clean. */
export async function openTestDatabase(testFileUrl: string, suffix = ''): Promise<Connection> {
  const connection = await mongoose.createConnection(testDatabaseUri(testFileUrl, suffix)).asPromise();
  await connection.dropDatabase();
  return connection;
}
