import type { Job } from 'agenda';
import type { TestServer } from './server.ts';

/**
 * Runs a job on a server as its scheduler does, and waits for that very run to finish. Not for any run of
 * the job: a recurring run already in flight (it started with an earlier clock) may finish first.
 */
export async function runJobOn(server: TestServer, name: string, timeoutMs = 20_000): Promise<void> {
  const { agenda } = server.scheduler;
  const event = `complete:${name}` as const;
  let wanted: string | undefined;
  const completed = new Set<string>();
  let finish = () => {};
  const done = new Promise<void>((resolve) => (finish = resolve));
  const onComplete = (job: Job) => {
    const id = String(job.attrs._id);
    completed.add(id);
    if (id === wanted) finish();
  };
  // Listening before asking: a fast run may complete before `now` returns its id.
  agenda.on(event, onComplete);
  let timer: NodeJS.Timeout | undefined;
  try {
    wanted = String((await agenda.now(name)).attrs._id);
    if (completed.has(wanted)) return;
    await Promise.race([
      done,
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`the ${name} job did not run`)), timeoutMs);
      }),
    ]);
  } finally {
    clearTimeout(timer);
    agenda.off(event, onComplete);
  }
}
