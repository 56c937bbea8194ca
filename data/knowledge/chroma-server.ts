import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir, open, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import path from 'node:path';
import type { Logger } from 'pino';
import { projectRoot } from '../../bot/project-root.ts';

export interface LocalChroma {
  url: string;
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
    server.on('error', reject);
  });
}

async function waitForHeartbeat(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`Chroma exited with code ${child.exitCode}`);
    try {
      if ((await fetch(`${url}/api/v2/heartbeat`)).ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`Chroma did not answer on ${url} within ${timeoutMs} ms`);
}

/**
 * Starts the Chroma server that ships with the `chromadb` npm package (`chroma run`), keeping its data in
 * `<dataDir>/chroma`; used when CHROMA_URL is not set, as the embedded database is when MONGODB_URI is not.
 */
export async function startLocalChroma(
  dataDir: string,
  log: Logger,
  timeoutMs = 30_000,
): Promise<LocalChroma> {
  const dir = path.resolve(dataDir, 'chroma');
  await mkdir(dir, { recursive: true });
  // One server per data folder: a CLI command run beside `npm start` uses the server's Chroma.
  const serverFile = path.join(dir, 'server.json');
  const running = await readFile(serverFile, 'utf8')
    .then((text) => (JSON.parse(text) as { url?: string }).url)
    .catch(() => undefined);
  if (
    running &&
    (await fetch(`${running}/api/v2/heartbeat`).then(
      (response) => response.ok,
      () => false,
    ))
  ) {
    return { url: running, stop: async () => undefined };
  }
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const logFile = await open(path.join(dir, 'chroma.log'), 'a');
  const cli = path.join(projectRoot, 'node_modules', 'chromadb', 'dist', 'cli.mjs');
  const child = spawn(
    process.execPath,
    [cli, 'run', '--path', path.join(dir, 'data'), '--host', '127.0.0.1', '--port', String(port)],
    {
      stdio: ['ignore', logFile.fd, logFile.fd],
    },
  );
  try {
    await waitForHeartbeat(url, child, timeoutMs);
  } catch (error) {
    child.kill('SIGTERM');
    await logFile.close();
    throw new Error(
      `could not start Chroma from the chromadb package (see ${path.join(dir, 'chroma.log')}): ${(error as Error).message}`,
      { cause: error },
    );
  }
  await writeFile(serverFile, JSON.stringify({ url, pid: child.pid }));
  log.info({ url, dir }, 'started a local Chroma server (set CHROMA_URL to use your own)');
  return {
    url,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5_000))]);
      }
      await logFile.close();
      await rm(serverFile, { force: true });
    },
  };
}
