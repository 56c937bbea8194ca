/**
 * A real em-agent server in a process of its own, for tests that kill it (SIGKILL) mid-work: what `em-agent
 * start` runs, except that the standups' clock is frozen at `TEST_NOW` (an ISO instant) and the standup tick
 * is triggered once at start. Configured from the environment like the CLI; logs JSON lines to stdout.
 *
 *   node test/support/standup-server-process.ts   (see test/e2e/standup-exactly-once.test.ts)
 */
import { readConfig } from '../../bot/config.ts';
import { createLogger } from '../../bot/logger.ts';
import { startServer } from '../../bot/main.ts';
import { STANDUP_TICK_JOB } from '../../jobs/standup-tick.ts';

const frozen = new Date(process.env.TEST_NOW ?? '');
if (Number.isNaN(frozen.getTime())) throw new Error('TEST_NOW must be an ISO instant');

const config = readConfig(process.env);
const log = createLogger(config.logLevel, undefined, 'json');
const server = await startServer(config, { demoData: false, now: () => frozen, log });
await server.scheduler.agenda.now(STANDUP_TICK_JOB);
log.info({ url: server.url }, 'standup test server ready');
process.once('SIGTERM', () => void server.close().then(() => process.exit(0)));
