#!/usr/bin/env node
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Command } from 'commander';
import { registerAuditCommands } from './cli/audit-commands.ts';
import { registerBackfillCommands } from './cli/backfill-commands.ts';
import { registerDocsCommands } from './cli/docs-commands.ts';
import { registerMetricsCommands } from './cli/metrics-commands.ts';
import { registerPeopleCommands } from './cli/people-commands.ts';
import { registerPlaygroundCommand } from './cli/playground-command.ts';
import { registerTokenCommands } from './cli/token-commands.ts';
import { registerTriageCommands } from './cli/triage-commands.ts';
import { registerWebhookCommands } from './cli/webhook-commands.ts';
import { readConfig, type Config } from './config.ts';
import { asCodedError } from './errors.ts';
import { createLogger } from './logger.ts';
import { projectRoot } from './project-root.ts';

const { version } = JSON.parse(readFileSync(path.join(projectRoot, 'package.json'), 'utf8')) as {
  version: string;
};
const DEMO_IGNORED_PREFIXES = ['SLACK_', 'MICROSOFT_APP_'];

/** One clear line on stderr and a non-zero exit: what went wrong and what to set. */
function fail(error: unknown): never {
  const coded = asCodedError(error);
  const detail = coded.code === 'internal' ? coded.message : coded.publicMessage;
  console.error(`em-agent: ${coded.code === 'config_invalid' ? 'invalid configuration: ' : ''}${detail}`);
  process.exit(coded.code === 'config_invalid' ? 78 : 1);
}

async function serve(config: Config): Promise<void> {
  // Loaded here, not at the top: the server's modules take about a second to load, which `config`, `audit`
  // and `--help` need not wait for.
  const { startServer } = await import('./main.ts');
  const log = createLogger(config.logLevel, undefined, config.logFormat);
  const server = await startServer(config, { log });
  let signals = 0;
  const shutdown = (signal: NodeJS.Signals) => {
    signals += 1;
    if (signals > 1) {
      log.warn({ signal }, 'second signal: exiting now');
      process.exit(1);
    }
    log.info({ signal }, 'signal received');
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        log.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', shutdown);
  process.on('SIGINT', shutdown);
}

async function serveOrFail(read: () => Config): Promise<void> {
  try {
    await serve(read());
  } catch (error) {
    fail(error);
  }
}

function withoutChatCredentials(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return Object.fromEntries(
    Object.entries(env).filter(([key]) => !DEMO_IGNORED_PREFIXES.some((prefix) => key.startsWith(prefix))),
  );
}

const program = new Command('em-agent')
  .description('A chief of staff for engineering teams, in Slack and Microsoft Teams.')
  .version(version);

program
  .command('start', { isDefault: true })
  .description('serve Slack and Teams (demo mode when no chat credentials are set)')
  .action(() => serveOrFail(() => readConfig()));

program
  .command('demo')
  .description('serve the demo tenant only, ignoring any SLACK_* and MICROSOFT_APP_* settings')
  .action(() => serveOrFail(() => readConfig(withoutChatCredentials(process.env))));

program
  .command('config')
  .description('validate the environment (and POLICY_FILE) and show what is configured, without secrets')
  .action(async () => {
    try {
      const config = readConfig();
      if (config.policyFile) {
        const { loadPolicyFile } = await import('./load-policy-file.ts');
        await loadPolicyFile(config.policyFile);
      }
      console.log(
        JSON.stringify(
          {
            port: config.port,
            database: config.database.uri
              ? 'MONGODB_URI'
              : config.database.ferretdbPostgresqlUrl
                ? 'embedded (ferretdb on FERRETDB_POSTGRESQL_URL)'
                : `embedded (${config.database.embedded})`,
            slack: config.slack ? (config.slack.appToken ? 'socket mode' : 'http') : 'off',
            teams: config.teams ? config.teams.appType : 'off (Emulator only)',
            // Until a tenant sets its own (`policy set`): the file, else the built-in default (docs/policy.md).
            policy: config.policyFile ? `POLICY_FILE ${config.policyFile}` : 'built-in default',
            demo: config.demo,
          },
          null,
          2,
        ),
      );
    } catch (error) {
      fail(error);
    }
  });

registerAuditCommands(program, fail);
registerTokenCommands(program, fail);
registerDocsCommands(program, fail);
registerPeopleCommands(program, fail);
registerWebhookCommands(program, fail);
registerBackfillCommands(program, fail);
registerTriageCommands(program, fail);
registerMetricsCommands(program, fail);
registerPlaygroundCommand(program, fail, () => readConfig(withoutChatCredentials(process.env)));

await program.parseAsync();
