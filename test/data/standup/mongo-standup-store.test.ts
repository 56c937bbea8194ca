import assert from 'node:assert/strict';
import type { Connection } from 'mongoose';
import { defineModels, ensureIndexes } from '../../../data/models/index.ts';
import { createStandupStore } from '../../../data/standup/mongo-standup-store.ts';
import type { StandupAnswer, StandupSettings, StandupStore } from '../../../handlers/standup/types.ts';
import { openTestDatabase } from '../../support/database.ts';

const settings: StandupSettings = {
  name: 'Platform daily',
  surface: 'slack',
  reportChannel: 'C0PLATFORM',
  owner: { tool: 'slack', handle: 'U0OWNER' },
  members: [
    { tool: 'slack', handle: 'U0ANA' },
    { tool: 'slack', handle: 'U0BEN' },
  ],
  memberSource: { kind: 'people' },
  questions: [
    { id: 'q1', text: 'Done?', kind: 'text' },
    { id: 'q2', text: 'Mood?', kind: 'choice', choices: ['good', 'meh'] },
    { id: 'q3', text: 'Blocked?', kind: 'text', blockers: true },
  ],
  days: [1, 2, 3, 4, 5],
  promptTime: '09:30',
  deadlineTime: '11:00',
  reminderMinutes: 60,
};

const answerOf = (standupId: string, date: string, text: string, at: string): StandupAnswer => ({
  tenantId: 'T0A',
  standupId,
  date,
  member: { tool: 'slack', handle: 'U0ANA' },
  displayName: 'Ana',
  answers: { q1: text },
  submittedAt: at,
  late: false,
});

describe('createStandupStore (real database)', () => {
  let connection: Connection;
  let store: StandupStore;
  const now = new Date('2026-12-02T09:00:00Z');

  before(async () => {
    connection = await openTestDatabase(import.meta.url);
    const models = defineModels(connection);
    await ensureIndexes(models);
    store = createStandupStore(models.Standup, models.StandupAnswer);
  });
  after(() => connection.close());

  it('creates a standup with a short id and reads it back whole', async () => {
    const created = await store.create('T0A', settings, now);
    assert.match(created.id, /^st_[a-z2-9]{8}$/);
    assert.deepEqual(await store.get('T0A', created.id), {
      ...settings,
      id: created.id,
      tenantId: 'T0A',
      paused: false,
      createdAt: now.toISOString(),
      updatedAt: now.toISOString(),
    });
  });

  it('keeps tenants apart: another tenant can neither read, list, change nor remove it', async () => {
    const created = await store.create('T0A', { ...settings, name: 'Tenant A only' }, now);
    assert.equal(await store.get('T0B', created.id), undefined);
    assert.deepEqual(await store.list('T0B'), []);
    assert.equal(await store.update('T0B', created.id, { paused: true }, now), undefined);
    assert.equal(await store.remove('T0B', created.id), false);
    assert.equal((await store.get('T0A', created.id))?.paused, false);
  });

  it('updates settings and pause, and lists by name', async () => {
    const created = await store.create('T0A', { ...settings, name: 'Apps weekly' }, now);
    const later = new Date('2026-12-03T09:00:00Z');
    const updated = await store.update(
      'T0A',
      created.id,
      { paused: true, reminderMinutes: null, days: [1] },
      later,
    );
    assert.equal(updated?.paused, true);
    assert.equal(updated?.reminderMinutes, null);
    assert.deepEqual(updated?.days, [1]);
    assert.equal(updated?.updatedAt, later.toISOString());
    assert.equal(updated?.createdAt, now.toISOString());
    const names = (await store.list('T0A')).map((standup) => standup.name);
    assert.deepEqual(names, [...names].sort());
    assert.ok(names.includes('Apps weekly'));
  });

  it('saves an answer once, then reports a second submission as an edit', async () => {
    const { id } = await store.create('T0A', { ...settings, name: 'Answers' }, now);
    const first = answerOf(id, '2026-12-02', 'shipped the retry fix', '2026-12-02T09:40:00.000Z');
    assert.deepEqual(await store.saveAnswer(first), { created: true });
    const edit = { ...first, answers: { q1: 'shipped two fixes' }, submittedAt: '2026-12-02T10:10:00.000Z' };
    assert.deepEqual(await store.saveAnswer(edit), { created: false });
    const [stored, ...others] = await store.answersOf('T0A', id, '2026-12-02');
    assert.equal(others.length, 0);
    assert.deepEqual(stored?.answers, { q1: 'shipped two fixes' });
    assert.equal(stored?.submittedAt, '2026-12-02T09:40:00.000Z', 'the first submission time stays');
    assert.equal(stored?.editedAt, '2026-12-02T10:10:00.000Z');
  });

  it('lets exactly one of many concurrent first submissions create the answer', async () => {
    const { id } = await store.create('T0A', { ...settings, name: 'Race' }, now);
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, index) =>
        store.saveAnswer(answerOf(id, '2026-12-02', `try ${index}`, '2026-12-02T09:40:00.000Z')),
      ),
    );
    assert.equal(results.filter((result) => result.created).length, 1);
    assert.equal((await store.answersOf('T0A', id, '2026-12-02')).length, 1);
  });

  it('finds the newest answer before a date, and removes answers with their standup', async () => {
    const { id } = await store.create('T0A', { ...settings, name: 'History' }, now);
    await store.saveAnswer(answerOf(id, '2026-11-27', 'friday', '2026-11-27T09:40:00.000Z'));
    await store.saveAnswer(answerOf(id, '2026-11-30', 'monday', '2026-11-30T09:40:00.000Z'));
    await store.saveAnswer(answerOf(id, '2026-12-02', 'wednesday', '2026-12-02T09:40:00.000Z'));
    const ana = { tool: 'slack' as const, handle: 'U0ANA' };
    assert.deepEqual((await store.lastAnswerBefore('T0A', id, ana, '2026-12-02'))?.answers, { q1: 'monday' });
    assert.equal(await store.lastAnswerBefore('T0A', id, ana, '2026-11-27'), undefined);
    assert.equal(
      await store.lastAnswerBefore('T0A', id, { tool: 'slack', handle: 'U0BEN' }, '2026-12-02'),
      undefined,
    );
    assert.equal(await store.remove('T0A', id), true);
    assert.equal(await store.get('T0A', id), undefined);
    assert.deepEqual(await store.answersOf('T0A', id, '2026-12-02'), []);
  });
});
