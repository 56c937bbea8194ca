import { availableParallelism, loadavg } from 'node:os';

/** What `scripts/with-test-database.sh` ran the benchmark on (it exports TEST_DB_BACKEND). */
export function databaseBackend(env: NodeJS.ProcessEnv = process.env): string {
  switch (env.TEST_DB_BACKEND) {
    case 'postgresql':
      return 'FerretDB on PostgreSQL';
    case 'sqlite':
      return 'FerretDB on SQLite';
    case 'external':
      return 'MONGODB_URI (a server of your own)';
    default:
      return 'unknown (run it with `npm run bench`)';
  }
}

/**
 * The first line of every benchmark's output: the database backend (FerretDB's PostgreSQL and SQLite backends
 * differ several-fold), the date, and how busy the machine was, so figures are never compared blind.
 */
export function benchHeader(env: NodeJS.ProcessEnv = process.env): string {
  const date = new Date().toISOString().slice(0, 16).replace('T', ' ');
  const load = loadavg()[0]!.toFixed(1);
  return `database: ${databaseBackend(env)} | ${date} UTC | node ${process.version} | load ${load} on ${availableParallelism()} cores`;
}
