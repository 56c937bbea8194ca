import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { createConnection, createServer } from 'node:net';
import path from 'node:path';
import type { Logger } from 'pino';
import { DatabaseUnavailableError } from '../../bot/errors.ts';
import { projectRoot } from '../../bot/project-root.ts';

export type EmbeddedKind = 'ferretdb' | 'mongodb-memory-server';

export interface EmbeddedDatabase {
  kind: EmbeddedKind;
  uri: string;
  stop(): Promise<void>;
}

export interface EmbeddedOptions {
  mode: 'auto' | EmbeddedKind;
  /** Persistent state lives under `<dataDir>/<kind>`, so the demo keeps its data across restarts. */
  dataDir: string;
  log: Logger;
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

async function startFerretdb(dataDir: string, log: Logger): Promise<EmbeddedDatabase> {
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
  mkdirSync(path.join(stateDir, 'sqlite'), { recursive: true });
  const port = await freePort();
  const child = spawn(
    binary,
    [
      '--handler=sqlite',
      `--sqlite-url=file:${path.join(stateDir, 'sqlite')}/`,
      `--listen-addr=127.0.0.1:${port}`,
      `--state-dir=${stateDir}`,
      '--debug-addr=-',
      '--telemetry=disable',
      '--log-level=warn',
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  child.stderr?.on('data', (chunk: Buffer) => log.debug({ ferretdb: chunk.toString().trim() }, 'ferretdb'));
  await waitForPort(port, child, 15_000);
  return {
    kind: 'ferretdb',
    uri: `mongodb://127.0.0.1:${port}/em-agent`,
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  };
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
 * Starts a database for a machine with no MONGODB_URI: FerretDB (SQLite) when it is built or Go can build it,
 * which works offline; otherwise mongodb-memory-server, which downloads mongod on first use.
 */
export async function startEmbeddedDatabase({
  mode,
  dataDir,
  log,
}: EmbeddedOptions): Promise<EmbeddedDatabase> {
  const kind: EmbeddedKind =
    mode !== 'auto' ? mode : ferretdbBinary() || canBuildFerretdb() ? 'ferretdb' : 'mongodb-memory-server';
  try {
    const database =
      kind === 'ferretdb' ? await startFerretdb(dataDir, log) : await startMongoMemoryServer(dataDir);
    log.info({ kind, dataDir: path.resolve(dataDir) }, 'embedded database started');
    return database;
  } catch (error) {
    const reason = (error as Error).message.replace(/\s+/g, ' ').trim();
    throw new DatabaseUnavailableError(
      `No database: the embedded ${kind} could not start (${reason}). ` +
        'Set MONGODB_URI to a MongoDB 6+ connection string, e.g. mongodb://localhost:27017/em-agent.',
      { cause: error },
    );
  }
}
