import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Command } from 'commander';
import type { Config } from '../config.ts';
import { createLogger } from '../logger.ts';
import { spawnPlayground } from './spawn-playground.ts';

const DEFAULT_PLAYGROUND_PORT = 56150;
const BROWSER_OPEN_GRACE_MS = 1500;

/**
 * `em-agent playground` (`npm run playground`): the demo, served as `em-agent demo` serves it, in Microsoft's
 * offline Teams client. It prints the one URL to open, and stops with the Playground: exit 1 when the Playground
 * failed (it could not open a browser), 0 on Ctrl-C.
 */
export function registerPlaygroundCommand(
  program: Command,
  fail: (error: unknown) => never,
  readDemoConfig: () => Config,
): void {
  program
    .command('playground')
    .description('serve the demo team in the Microsoft 365 Agents Playground, an offline Teams client')
    .option('--port <port>', "the Playground's port", String(DEFAULT_PLAYGROUND_PORT))
    .action(async (options: { port: string }) => {
      try {
        const config = readDemoConfig();
        const { startServer } = await import('../main.ts');
        const log = createLogger(config.logLevel, undefined, config.logFormat);
        const server = await startServer(config, { log });
        await server.demoLoaded();
        const logFile = path.resolve(config.database.dataDir, 'agents-playground.log');
        const playground = await spawnPlayground({
          botEndpoint: `${server.url}/api/messages`,
          port: Number(options.port),
          logFile,
        }).catch(async (error: unknown) => {
          await server.close();
          throw error;
        });
        let stopping = false;
        const stop = () => {
          stopping = true;
          playground.stop();
        };
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
        // It opens the browser right after it listens and exits at once when it cannot: wait for that first.
        const early = await Promise.race([playground.exited, sleep(BROWSER_OPEN_GRACE_MS)]);
        if (early === undefined) {
          console.log(
            `\nem-agent: the demo team is ready. Open ${playground.url} (signed in as Ana Lima).\n`,
          );
        }
        const code = early ?? (await playground.exited);
        await server.close();
        if (stopping) process.exit(0);
        console.error(
          `em-agent: the Agents Playground stopped (exit code ${code}). Its log: ${logFile}. It opens its page ` +
            'with your browser (xdg-open on Linux) and stops when it cannot; set TEAMSAPPTESTER_BROWSER=none ' +
            `to open ${playground.url} yourself.\n${playground.errors()}`,
        );
        process.exit(1);
      } catch (error) {
        fail(error);
      }
    });
}
