import assert from 'node:assert/strict';
import { createEvenPace } from '../../bot/send-pacing.ts';

describe('Send pacing', () => {
  const timesOf = async (waits: Promise<void>[], started: number) =>
    Promise.all(waits.map((wait) => wait.then(() => performance.now() - started)));

  it('lets the burst go at once, then one every 1/perSecond, in arrival order', async () => {
    const pace = createEvenPace(50, 3);
    const started = performance.now();
    const times = await timesOf(
      Array.from({ length: 6 }, () => pace.wait()),
      started,
    );
    assert.ok(
      times.slice(0, 3).every((time) => time < 15),
      `burst at once: ${times.join(', ')}`,
    );
    assert.ok(times[5]! >= 60 - 2 && times[5]! < 120, `three more 20 ms apart: ${times[5]}`);
    assert.deepEqual(
      [...times].sort((a, b) => a - b),
      times,
    );
  });

  it('lets nothing go during a pause, then resumes at the pace', async () => {
    const pace = createEvenPace(100, 5);
    pace.pauseFor(100);
    const started = performance.now();
    const [first] = await timesOf([pace.wait(), pace.wait()], started);
    assert.ok(first! >= 98, `waited out the pause: ${first}`);
  });
});
