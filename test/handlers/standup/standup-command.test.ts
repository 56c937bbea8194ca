import assert from 'node:assert/strict';
import type { ApprovalServices } from '../../../handlers/approvals/types.ts';
import { COMMANDS, parseCommandText, runCommand } from '../../../handlers/run-command.ts';
import { defaultStandupSettings } from '../../../handlers/standup/check-standup-form.ts';
import { saveStandupSetup } from '../../../handlers/standup/save-standup-setup.ts';
import { formOfSettings } from '../../../handlers/standup/setup-view.ts';
import type { Standup, StandupSettings, StandupStore } from '../../../handlers/standup/types.ts';
import type { CommandPorts, NoticeView, Reply, View } from '../../../handlers/types.ts';

/** Standups in memory: the command's logic, not the database (the store has its own test). */
function memoryStore(): StandupStore {
  const standups = new Map<string, Standup>();
  let next = 0;
  return {
    async create(tenantId, settings, now) {
      const standup: Standup = {
        ...settings,
        id: `st_test000${(next += 1)}`,
        tenantId,
        paused: false,
        createdAt: now.toISOString(),
        updatedAt: now.toISOString(),
      };
      standups.set(standup.id, standup);
      return standup;
    },
    async update(tenantId, id, changes, now) {
      const standup = standups.get(id);
      if (standup?.tenantId !== tenantId) return undefined;
      const updated = { ...standup, ...changes, updatedAt: now.toISOString() };
      standups.set(id, updated);
      return updated;
    },
    async get(tenantId, id) {
      const standup = standups.get(id);
      return standup?.tenantId === tenantId ? standup : undefined;
    },
    async list(tenantId) {
      return [...standups.values()].filter((standup) => standup.tenantId === tenantId);
    },
    async remove(tenantId, id) {
      return standups.get(id)?.tenantId === tenantId && standups.delete(id);
    },
    saveAnswer: () => Promise.reject(new Error('not used')),
    answersOf: () => Promise.reject(new Error('not used')),
    lastAnswerBefore: () => Promise.reject(new Error('not used')),
  };
}

const approvals = {
  policyFor: async () => ({ tiers: { high: { approvers: { users: ['slack:U0BOSS'] } } } }),
} as unknown as ApprovalServices;

const OWNER = 'U0OWNER';
const settings: StandupSettings = {
  ...defaultStandupSettings({ surface: 'slack', owner: { tool: 'slack', handle: OWNER } }, 'C0PLATFORM'),
  name: 'Platform daily',
  members: [{ tool: 'slack', handle: 'U0ANA' }],
};

async function run(ports: CommandPorts, text: string, userId = OWNER): Promise<Reply> {
  return runCommand(
    {
      actor: { surface: 'slack', tenantId: 'T0A', userId },
      conversationId: 'C0HERE',
      ...parseCommandText(text),
    },
    COMMANDS,
    ports,
  );
}

function noticeOf(reply: Reply): NoticeView {
  assert.equal(reply.view.kind, 'notice', JSON.stringify(reply.view));
  return reply.view as NoticeView;
}

function viewOf<K extends View['kind']>(reply: Reply, kind: K): Extract<View, { kind: K }> {
  assert.equal(reply.view.kind, kind, JSON.stringify(reply.view));
  return reply.view as Extract<View, { kind: K }>;
}

describe('standup command', () => {
  let store: StandupStore;
  let ports: CommandPorts;
  let standup: Standup;
  const now = new Date('2026-12-02T09:00:00Z');

  beforeEach(async () => {
    store = memoryStore();
    ports = { standups: store, approvals };
    standup = await store.create('T0A', settings, now);
  });

  it('opens a new set-up with the defaults and this channel as the report channel', async () => {
    const view = viewOf(await run(ports, 'standup'), 'standup-setup');
    assert.equal(view.standupId, undefined);
    assert.equal(view.form.reportChannel, 'C0HERE');
    assert.equal(view.form.questions?.length, 3);
  });

  it('lists the standups with members and schedule', async () => {
    const view = viewOf(await run(ports, 'standup list'), 'standup-list');
    assert.deepEqual(view.items, [
      {
        id: standup.id,
        name: 'Platform daily',
        reportChannel: 'C0PLATFORM',
        members: 1,
        schedule: 'Mon–Fri 09:30, due 11:00, reminder 60 min before',
        paused: false,
      },
    ]);
  });

  it('opens the edit form pre-filled, found by name (any case) or by id', async () => {
    for (const reference of ['platform DAILY', standup.id]) {
      const view = viewOf(await run(ports, `standup edit ${reference}`), 'standup-setup');
      assert.equal(view.standupId, standup.id);
      assert.equal(view.form.name, 'Platform daily');
    }
  });

  it('pauses and resumes for the owner and for a policy approver, not for anyone else', async () => {
    assert.match(noticeOf(await run(ports, 'standup pause Platform daily')).title, /is paused/);
    assert.equal((await store.get('T0A', standup.id))?.paused, true);
    assert.match(
      noticeOf(await run(ports, 'standup resume Platform daily', 'U0BOSS')).title,
      /running again/,
    );
    assert.equal((await store.get('T0A', standup.id))?.paused, false);
    const refused = await run(ports, 'standup pause Platform daily', 'U0ANA');
    assert.equal(refused.visibility, 'private');
    assert.match(noticeOf(refused).title, /Only the owner/);
    assert.match(noticeOf(await run(ports, `standup edit ${standup.id}`, 'U0ANA')).title, /Only the owner/);
    assert.equal((await store.get('T0A', standup.id))?.paused, false);
  });

  it('asks before deleting, and deletes on "confirm"', async () => {
    const asked = noticeOf(await run(ports, 'standup delete Platform daily'));
    assert.match(asked.title, /Delete Platform daily\?/);
    assert.equal(asked.suggestion, `/standup delete ${standup.id} confirm`);
    assert.ok(await store.get('T0A', standup.id));
    assert.match(noticeOf(await run(ports, 'standup delete Platform daily confirm')).title, /is deleted/);
    assert.equal(await store.get('T0A', standup.id), undefined);
  });

  it('names the ids when two standups share a name, and says when none matches', async () => {
    const twin = await store.create('T0A', settings, now);
    const both = noticeOf(await run(ports, 'standup pause platform daily'));
    assert.match(both.body, new RegExp(`${standup.id}, ${twin.id}`));
    assert.match(noticeOf(await run(ports, 'standup edit nightly')).title, /No standup called "nightly"/);
    assert.match(noticeOf(await run(ports, 'standup edit')).title, /Which standup/);
    assert.match(noticeOf(await run(ports, 'standup archive x')).title, /not something I know/);
  });

  it('shows stats from the stats port, or a friendly notice without it', async () => {
    assert.match(noticeOf(await run(ports, 'standup stats Platform daily')).title, /not ready/);
    const stats = {
      kind: 'standup-stats' as const,
      standupName: 'Platform daily',
      days: [],
      blockers: { opened: 0, closed: 0, carried: 0, medianHoursToUnblock: null },
    };
    const withStats = {
      ...ports,
      standupStats: async (_tenantId: string, id: string) => (assert.equal(id, standup.id), stats),
    };
    assert.deepEqual(
      viewOf(await run(withStats, 'standup stats Platform daily', 'U0ANA'), 'standup-stats'),
      stats,
    );
  });

  it('says standups are unavailable without a store', async () => {
    assert.match(noticeOf(await run({}, 'standup list')).title, /not available/);
  });
});

describe('saveStandupSetup', () => {
  const now = new Date('2026-12-02T09:00:00Z');
  const actor = (userId: string) => ({ surface: 'slack' as const, tenantId: 'T0A', userId });

  it('creates a standup owned by the submitter, or returns the problems', async () => {
    const ports = { standups: memoryStore() };
    const saved = await saveStandupSetup(ports, actor('U0NEW'), formOfSettings(settings), undefined, now);
    assert.ok(saved.ok && saved.created);
    assert.deepEqual(saved.standup.owner, { tool: 'slack', handle: 'U0NEW' });
    const refused = await saveStandupSetup(
      ports,
      actor('U0NEW'),
      { ...formOfSettings(settings), name: '' },
      undefined,
      now,
    );
    assert.deepEqual(refused, { ok: false, problems: { name: 'Give the standup a name.' } });
  });

  it('applies an edit for the owner, keeping the owner, and refuses one from anyone else', async () => {
    const ports = { standups: memoryStore(), approvals };
    const { id } = await ports.standups.create('T0A', settings, now);
    const form = { ...formOfSettings(settings), name: 'Platform sync' };
    const refused = await saveStandupSetup(ports, actor('U0ANA'), form, id, now);
    assert.equal(refused.ok, false);
    assert.ok(!refused.ok && 'refused' in refused);
    const saved = await saveStandupSetup(ports, actor('U0BOSS'), form, id, now);
    assert.ok(saved.ok && !saved.created);
    assert.equal(saved.standup.name, 'Platform sync');
    assert.deepEqual(saved.standup.owner, { tool: 'slack', handle: OWNER });
  });
});
