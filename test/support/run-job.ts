import assert from 'node:assert/strict';
import type { TestServer } from './server.ts';

/** Runs a job on a server as its scheduler does, and waits for that run to finish. */
export async function runJobOn(server: TestServer, name: string): Promise<void> {
  const runs = async () =>
    (await server.metrics.jobRuns.get()).values
      .filter((value) => value.labels.job === name)
      .reduce((sum, value) => sum + value.value, 0);
  const before = await runs();
  await server.scheduler.agenda.now(name);
  const deadline = Date.now() + 20_000;
  while ((await runs()) <= before) {
    assert.ok(Date.now() < deadline, `the ${name} job did not run`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
