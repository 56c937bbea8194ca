import assert from 'node:assert/strict';
import { STANDUP_TICK_JOB } from '../../jobs/standup-tick.ts';
import type { TestServer } from './server.ts';

/** Runs the standup tick on a server as its scheduler does, and waits for that run to finish. */
export async function runStandupTickOn(server: TestServer): Promise<void> {
  const runs = async () =>
    (await server.metrics.jobRuns.get()).values
      .filter((value) => value.labels.job === STANDUP_TICK_JOB)
      .reduce((sum, value) => sum + value.value, 0);
  const before = await runs();
  await server.scheduler.agenda.now(STANDUP_TICK_JOB);
  const deadline = Date.now() + 20_000;
  while ((await runs()) <= before) {
    assert.ok(Date.now() < deadline, 'the standup tick did not run');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Waits for what the bot does after answering the person (a thread reply, a report's update). */
export async function eventually(check: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 5_000;
  while (!check()) {
    assert.ok(Date.now() < deadline, what);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
