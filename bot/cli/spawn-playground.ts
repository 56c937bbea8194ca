import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { NotConfiguredError } from '../errors.ts';
import { projectRoot } from '../project-root.ts';

export interface RunningPlayground {
  /** The page to open: the Playground's web client. */
  url: string;
  /** Settles with the Playground's exit code once it stops (1 when it could not open a browser). */
  exited: Promise<number>;
  /** What it printed to stderr, for a failure's message. */
  errors(): string;
  stop(): void;
}

export interface PlaygroundOptions {
  /** The bot's `/api/messages`. */
  botEndpoint: string;
  port: number;
  /** Where the Playground writes its log. */
  logFile: string;
}

function playgroundCli(): string {
  try {
    return createRequire(import.meta.url).resolve('@microsoft/m365agentsplayground/cli.js');
  } catch {
    throw new NotConfiguredError(
      'the Microsoft 365 Agents Playground is a development dependency: run `npm install` in the em-agent folder',
    );
  }
}

/**
 * Starts Microsoft's offline Teams client (npm `@microsoft/m365agentsplayground`) against the bot, with the demo
 * team's people from .m365agentsplayground.yml, and resolves once it listens. Like Teams Toolkit, it then opens
 * the page in a browser; where none can be opened it exits 1.
 */
export function spawnPlayground(options: PlaygroundOptions): Promise<RunningPlayground> {
  const cli = playgroundCli();
  const child = spawn(
    process.execPath,
    [cli, '--app-endpoint', options.botEndpoint, '--channel-id', 'msteams', '--port', String(options.port)]
      // Its telemetry would only meet this machine's closed network.
      .concat('--disable-telemetry'),
    {
      cwd: projectRoot,
      env: {
        ...process.env,
        M365_AGENTS_PLAYGROUND_CONFIG_PATH: path.join(projectRoot, '.m365agentsplayground.yml'),
        M365_AGENTS_PLAYGROUND_LOGFILE: options.logFile,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  let errors = '';
  const exited = new Promise<number>((resolve) => child.once('exit', (code) => resolve(code ?? 1)));
  return new Promise((resolve, reject) => {
    const onOutput = (chunk: Buffer) => {
      output += chunk.toString();
      const listening = /Listening on (\d+)/.exec(output);
      if (!listening) return;
      child.stdout.off('data', onOutput);
      resolve({
        url: `http://localhost:${listening[1]}`,
        exited,
        errors: () => errors.trim(),
        stop: () => child.kill('SIGTERM'),
      });
    };
    child.stdout.on('data', onOutput);
    child.stderr.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      errors += chunk.toString();
    });
    child.once('error', reject);
    void exited.then((code) =>
      reject(new Error(`the Agents Playground exited with code ${code} before listening:\n${output.trim()}`)),
    );
  });
}
