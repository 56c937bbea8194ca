import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { createConnection, createServer } from 'node:net';
import path from 'node:path';
import mongoose from 'mongoose';
import type { Logger } from 'pino';
import { DatabaseUnavailableError } from '../../bot/errors.ts';
import { projectRoot } from '../../bot/project-root.ts';

export type EmbeddedKind = 'ferretdb' | 'mongodb-memory-server';

export interface EmbeddedDatabase {
  kind: EmbeddedKind;
  /** Where FerretDB keeps the data: SQLite files in DATA_DIR, or the PostgreSQL database it was given. */
  backend?: 'sqlite' | 'postgresql';
  uri: string;
  stop(): Promise<void>;
}

export interface EmbeddedOptions {
  mode: 'auto' | EmbeddedKind;
  /** Persistent state lives under `<dataDir>/<kind>`, so the demo keeps its data across restarts. */
  dataDir: string;
  /** FerretDB keeps its data in this PostgreSQL database (FERRETDB_POSTGRESQL_URL) instead of SQLite in dataDir. */
  postgresqlUrl?: string;
  log: Logger;
}

/** `postgres://user:secret@db:5432/em_agent` → `db:5432/em_agent`: where, never who or with what password. */
export function describePostgresqlUrl(url: string): string {
  const parsed = URL.canParse(url) ? new URL(url) : undefined;
  return parsed ? `${parsed.host}${parsed.pathname}` : 'an unparsable URL';
}

function decodedOrAsIs(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** FerretDB answers a first command only once it reaches PostgreSQL; its error, minus Go stack frames and secrets. */
async function checkPostgresql(uri: string, postgresqlUrl: string, timeoutMs: number): Promise<void> {
  const connection = mongoose.createConnection(uri, { serverSelectionTimeoutMS: timeoutMs });
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      connection.asPromise().then((open) => open.db!.command({ ping: 1 })),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
      }),
    ]);
  } catch (error) {
    const { password } = new URL(postgresqlUrl);
    const secrets = [password, decodedOrAsIs(password)].filter(Boolean);
    const reason = secrets.reduce(
      (message, secret) => message.split(secret).join('***'),
      (error as Error).message.replace(/\[[^\]]*\.go:\d+[^\]]*\]\s*/g, ''),
    );
    throw new Error(`PostgreSQL at ${describePostgresqlUrl(postgresqlUrl)} did not answer: ${reason}`, {
      cause: error,
    });
  } finally {
    clearTimeout(timer);
    await connection.close().catch(() => undefined);
  }
}

function onPath(command: string): string | undefined {
  const found = spawnSync('sh', ['-c', `command -v ${command}`], { encoding: 'utf8' });
  return found.status === 0 ? found.stdout.trim() : undefined;
}

function ferretdbBinary(): string | undefined {
  const local = path.join(projectRoot, '.tools', 'bin', 'ferretdb');
  return existsSync(local) ? local : onPath('ferretdb');
}

function canBuildFerretdb(): boolean {
  return onPath('go') !== undefined && existsSync(path.join(projectRoot, 'scripts', 'ferretdb.sh'));
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

async function waitForPort(port: number, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`ferretdb exited with code ${child.exitCode}`);
    const open = await new Promise<boolean>((resolve) => {
      const socket = createConnection({ port, host: '127.0.0.1' });
      socket.once('connect', () => socket.end(() => resolve(true)));
      socket.once('error', () => resolve(false));
    });
    if (open) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`ferretdb did not listen on port ${port} within ${timeoutMs} ms`);
}

async function startFerretdb(
  dataDir: string,
  log: Logger,
  postgresqlUrl: string | undefined,
): Promise<EmbeddedDatabase> {
  let binary = ferretdbBinary();
  if (!binary) {
    log.info('building FerretDB with the Go toolchain (one time, about a minute)');
    const built = spawnSync('bash', [path.join(projectRoot, 'scripts', 'ferretdb.sh'), 'build'], {
      stdio: 'inherit',
    });
    binary = built.status === 0 ? ferretdbBinary() : undefined;
    if (!binary) throw new Error('scripts/ferretdb.sh build failed');
  }
  const stateDir = path.resolve(dataDir, 'ferretdb');
  mkdirSync(postgresqlUrl ? stateDir : path.join(stateDir, 'sqlite'), { recursive: true });
  const port = await freePort();
  const child = spawn(
    binary,
    [
      ...(postgresqlUrl
        ? ['--handler=postgresql']
        : ['--handler=sqlite', `--sqlite-url=file:${path.join(stateDir, 'sqlite')}/`]),
      `--listen-addr=127.0.0.1:${port}`,
      `--state-dir=${stateDir}`,
      '--debug-addr=-',
      '--telemetry=disable',
      '--log-level=warn',
    ],
    {
      stdio: ['ignore', 'ignore', 'pipe'],
      // FerretDB's own variable, not a flag: a password in the URL never shows in `ps`.
      env: postgresqlUrl ? { ...process.env, FERRETDB_POSTGRESQL_URL: postgresqlUrl } : process.env,
    },
  );
  child.stderr?.on('data', (chunk: Buffer) => log.debug({ ferretdb: chunk.toString().trim() }, 'ferretdb'));
  const stop = async () => {
    if (child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  };
  const uri = `mongodb://127.0.0.1:${port}/em-agent`;
  try {
    await waitForPort(port, child, 15_000);
    // On PostgreSQL FerretDB listens before it has reached the server: ask, so a wrong URL fails the start.
    if (postgresqlUrl) await checkPostgresql(uri, postgresqlUrl, 10_000);
  } catch (error) {
    await stop();
    throw error;
  }
  return { kind: 'ferretdb', backend: postgresqlUrl ? 'postgresql' : 'sqlite', uri, stop };
}

async function startMongoMemoryServer(dataDir: string): Promise<EmbeddedDatabase> {
  const { MongoBinary, MongoMemoryServer } = await import('mongodb-memory-server-core');
  // Fetch (or find) mongod first: a failed download then surfaces as our one-line error, not the server's warning.
  await MongoBinary.getPath();
  const dbPath = path.resolve(dataDir, 'mongodb');
  mkdirSync(dbPath, { recursive: true });
  const server = await MongoMemoryServer.create({ instance: { dbPath, storageEngine: 'wiredTiger' } });
  return {
    kind: 'mongodb-memory-server',
    uri: server.getUri('em-agent'),
    async stop() {
      await server.stop({ doCleanup: false });
    },
  };
}

/**
 * Starts a database for a machine with no MONGODB_URI: FerretDB when it is built or Go can build it, which
 * works offline, on SQLite in dataDir (or on the PostgreSQL that postgresqlUrl names); otherwise
 * mongodb-memory-server, which downloads mongod on first use.
 */
export async function startEmbeddedDatabase({
  mode,
  dataDir,
  postgresqlUrl,
  log,
}: EmbeddedOptions): Promise<EmbeddedDatabase> {
  const kind: EmbeddedKind =
    mode !== 'auto'
      ? mode
      : postgresqlUrl || ferretdbBinary() || canBuildFerretdb()
        ? 'ferretdb'
        : 'mongodb-memory-server';
  try {
    const database =
      kind === 'ferretdb'
        ? await startFerretdb(dataDir, log, postgresqlUrl)
        : await startMongoMemoryServer(dataDir);
    log.info(
      database.backend === 'postgresql'
        ? { kind, backend: 'postgresql', postgresql: describePostgresqlUrl(postgresqlUrl!) }
        : {
            kind,
            ...(database.backend ? { backend: database.backend } : {}),
            dataDir: path.resolve(dataDir),
          },
      'embedded database started',
    );
    return database;
  } catch (error) {
    const reason = (error as Error).message.replace(/\s+/g, ' ').trim();
    throw new DatabaseUnavailableError(
      `No database: the embedded ${kind} could not start (${reason}). ` +
        (kind === 'ferretdb' && postgresqlUrl
          ? 'Check FERRETDB_POSTGRESQL_URL (or unset it to keep the data in SQLite in DATA_DIR), or set MONGODB_URI.'
          : 'Set MONGODB_URI to a MongoDB 6+ connection string, e.g. mongodb://localhost:27017/em-agent.'),
      { cause: error },
    );
  }
}
