import { Writable } from 'node:stream';
import { readConfig } from '../../bot/config.ts';
import { createLogger } from '../../bot/logger.ts';
import { startServer, type RunningServer, type StartOptions } from '../../bot/main.ts';
import { openTestDatabase, testDatabaseUri } from './database.ts';

export interface TestServer extends RunningServer {
  /** Every log line the server wrote, parsed. */
  logs: Record<string, unknown>[];
}

/** A real server on a free port, on this test file's own (emptied) database, logging into memory. */
export async function startTestServer(
  testFileUrl: string,
  env: Record<string, string> = {},
  options: Omit<StartOptions, 'log'> = {},
): Promise<TestServer> {
  const emptied = await openTestDatabase(testFileUrl);
  await emptied.close();
  return restartTestServer(testFileUrl, env, options);
}

/** A new server on the test file's database as an earlier one left it: a restart. */
export async function restartTestServer(
  testFileUrl: string,
  env: Record<string, string> = {},
  options: Omit<StartOptions, 'log'> = {},
): Promise<TestServer> {
  const logs: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split('\n').filter(Boolean)) logs.push(JSON.parse(line));
      done();
    },
  });
  const config = readConfig({
    PORT: '0',
    LOG_LEVEL: 'debug',
    MONGODB_URI: testDatabaseUri(testFileUrl),
    SHUTDOWN_TIMEOUT_MS: '2000',
    // The Chroma server the harness started; without it a server would start its own on first question.
    ...(process.env.TEST_CHROMA_URL ? { CHROMA_URL: process.env.TEST_CHROMA_URL } : {}),
    ...env,
  });
  const server = await startServer(config, {
    demoData: false,
    ...options,
    log: createLogger(config.logLevel, sink),
  });
  return Object.assign(server, { logs });
}
