import assert from 'node:assert/strict';
import { pino } from 'pino';
import { createHomeThrottle, type HomeKey } from '../../../bot/home/home-throttle.ts';

const INTERVAL = 500;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const ALICE: HomeKey = { tenantId: 'T1', userId: 'U0ALICE' };
const BOB: HomeKey = { tenantId: 'T1', userId: 'U0BOB' };
const OTHER_TENANT: HomeKey = { tenantId: 'T2', userId: 'U0ALICE' };

describe('home throttle', () => {
  /** Each publish records when it ran and the state it read then. */
  function setUp() {
    let state = 0;
    const published: { key: string; at: number; state: number; note?: string }[] = [];
    const throttle = createHomeThrottle({
      intervalMs: INTERVAL,
      log: pino({ level: 'silent' }),
      async publish(key, note) {
        await sleep(5);
        published.push({ key: key.userId + key.tenantId, at: Date.now(), state, ...(note ? { note } : {}) });
      },
    });
    return { throttle, published, change: () => (state += 1), stateNow: () => state };
  }

  it('publishes a burst once per person per interval, the trailing publish showing the last change', async () => {
    const { throttle, published, change, stateNow } = setUp();
    await throttle.publishNow(ALICE);
    await throttle.publishNow(BOB);
    const start = Date.now();
    // A burst well inside one interval.
    for (let event = 0; event < 20; event += 1) {
      change();
      throttle.changed([ALICE, BOB]);
      await sleep(2);
    }
    assert.ok(Date.now() - start < INTERVAL, 'the burst fits in one interval');
    await throttle.idle();
    const after = published.slice(2);
    assert.equal(after.filter((entry) => entry.key === 'U0ALICET1').length, 1);
    assert.equal(after.filter((entry) => entry.key === 'U0BOBT1').length, 1);
    for (const entry of after) {
      assert.equal(entry.state, stateNow(), 'the trailing publish shows the last state');
      assert.ok(entry.at - start >= INTERVAL - 250, 'not before the interval since the open');
    }
    throttle.stop();
  });

  it('publishes at once on a change after a quiet interval, and never twice within one', async () => {
    const { throttle, published, change } = setUp();
    await throttle.publishNow(ALICE);
    await sleep(INTERVAL + 20);
    change();
    throttle.changed([ALICE]);
    await sleep(30);
    assert.equal(published.length, 2, 'the change after a quiet interval went out at once');
    change();
    throttle.changed([ALICE]);
    await sleep(30);
    assert.equal(published.length, 2, 'the next change within the interval waits');
    await throttle.idle();
    assert.equal(published.length, 3);
    const gaps = published.slice(1).map((entry, index) => entry.at - published[index]!.at);
    assert.ok(gaps[1]! >= INTERVAL - 10, `second gap ${gaps[1]} ms`);
    throttle.stop();
  });

  it('keeps only opened homes up to date, and a tenant-wide change reaches that tenant alone', async () => {
    const { throttle, published } = setUp();
    throttle.changed([BOB]);
    await throttle.idle();
    assert.equal(published.length, 0, 'a home never opened is built when opened');
    await throttle.publishNow(ALICE);
    await throttle.publishNow(OTHER_TENANT);
    await sleep(INTERVAL + 10);
    throttle.changedTenant('T1');
    await throttle.idle();
    assert.deepEqual(
      published.map((entry) => entry.key),
      ['U0ALICET1', 'U0ALICET2', 'U0ALICET1'],
    );
    throttle.stop();
  });

  it('drops the pending refresh when the person opens their home (it is current then), with the note', async () => {
    const { throttle, published, change } = setUp();
    await throttle.publishNow(ALICE);
    change();
    throttle.changed([ALICE]);
    await throttle.publishNow(ALICE, 'Approved and done.');
    await throttle.idle();
    assert.equal(published.length, 2);
    assert.equal(published[1]!.note, 'Approved and done.');
    throttle.stop();
  });

  it('logs a failed publish and keeps going', async () => {
    let calls = 0;
    const throttle = createHomeThrottle({
      intervalMs: INTERVAL,
      log: pino({ level: 'silent' }),
      async publish() {
        calls += 1;
        if (calls === 1) throw new Error('slack is down');
      },
    });
    await throttle.publishNow(ALICE);
    await throttle.publishNow(ALICE);
    assert.equal(calls, 2);
    throttle.stop();
  });

  it('publishes the refreshes due together as one batch, still once per person per interval', async () => {
    const CAROL: HomeKey = { tenantId: 'T1', userId: 'U0CAROL' };
    const alone: string[] = [];
    const batches: { keys: string[]; at: number }[] = [];
    let failNext = false;
    const throttle = createHomeThrottle({
      intervalMs: INTERVAL,
      batchMs: 50,
      log: pino({ level: 'silent' }),
      async publish(key) {
        alone.push(key.userId);
      },
      async publishMany(keys) {
        if (failNext) {
          failNext = false;
          throw new Error('slack is down');
        }
        batches.push({ keys: keys.map((key) => key.userId).sort(), at: Date.now() });
      },
    });
    const opened = Date.now();
    for (const key of [ALICE, BOB, CAROL]) await throttle.publishNow(key);
    for (let event = 0; event < 10; event += 1) {
      throttle.changed([ALICE, BOB]);
      throttle.changed([CAROL]);
      await sleep(2);
    }
    // Carol opens her home: it is current, her pending refresh is dropped.
    await throttle.publishNow(CAROL);
    await throttle.idle();
    assert.deepEqual(alone, ['U0ALICE', 'U0BOB', 'U0CAROL', 'U0CAROL'], 'opens go alone');
    assert.deepEqual(
      batches.map((batch) => batch.keys),
      [['U0ALICE', 'U0BOB']],
    );
    assert.ok(batches[0]!.at - opened >= INTERVAL, 'not before the interval since the open');
    // A failed batch is logged; the next change publishes again once its interval is over.
    failNext = true;
    throttle.changed([ALICE]);
    await throttle.idle();
    throttle.changed([ALICE]);
    await throttle.idle();
    assert.deepEqual(
      batches.map((batch) => batch.keys),
      [['U0ALICE', 'U0BOB'], ['U0ALICE']],
    );
    assert.ok(batches[1]!.at - batches[0]!.at >= 2 * INTERVAL, 'the failed one counted as a publish');
    throttle.stop();
  });
});
