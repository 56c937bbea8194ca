import assert from 'node:assert/strict';
import { STANDUP_TICK_JOB } from '../../jobs/standup-tick.ts';
import { runJobOn } from './run-job.ts';
import type { TestServer } from './server.ts';

/** Runs the standup tick on a server as its scheduler does, and waits for that run to finish. */
export const runStandupTickOn = (server: TestServer): Promise<void> => runJobOn(server, STANDUP_TICK_JOB);

/** Waits for what the bot does after answering the person (a thread reply, a report's update). */
export async function eventually(check: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 5_000;
  while (!check()) {
    assert.ok(Date.now() < deadline, what);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
