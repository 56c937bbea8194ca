import assert from 'node:assert/strict';
import type { Connection } from 'mongoose';
import pino from 'pino';
import { createApprovalServices } from '../../../bot/approvals/create-approval-services.ts';
import { createMetrics } from '../../../bot/metrics.ts';
import { defineModels, ensureIndexes } from '../../../data/models/index.ts';
import type { ApprovalServices } from '../../../handlers/approvals/types.ts';
import { parseCommandText, runCommand, COMMANDS } from '../../../handlers/run-command.ts';
import type { ApprovalListView, NoticeView, PolicyView, Reply } from '../../../handlers/types.ts';
import { openTestDatabase } from '../../support/database.ts';

const TENANT = 'T0CMDS';
const FILE_POLICY = `actions:
  pr.merge: { risk: high, mode: require_approval }
tiers:
  high:
    approvers: { users: [slack:U0ALICE] }
`;

describe('approvals and policy commands (real database)', () => {
  let connection: Connection;
  let services: ApprovalServices;

  before(async () => {
    connection = await openTestDatabase(import.meta.url);
    const models = defineModels(connection);
    await ensureIndexes(models);
    services = createApprovalServices({
      models,
      log: pino({ level: 'silent' }),
      metrics: createMetrics(),
      policyFileYaml: FILE_POLICY,
      notifiers: [],
      async scheduleStep() {},
    });
  });
  after(() => connection.close());

  const run = (text: string, userId = 'U0DEV', surface: 'slack' | 'teams' = 'slack') =>
    runCommand(
      { actor: { surface, tenantId: TENANT, userId }, ...parseCommandText(text), conversationId: 'C0OPS' },
      COMMANDS,
      { approvals: services },
    );

  function notice(reply: Reply): NoticeView {
    assert.equal(reply.view.kind, 'notice');
    return reply.view as NoticeView;
  }

  it('policy show: the policy in force, where it comes from, privately', async () => {
    const reply = await run('policy show');
    assert.equal(reply.visibility, 'private');
    const view = reply.view as PolicyView;
    assert.equal(view.kind, 'policy');
    assert.equal(view.source, 'file');
    assert.equal(view.yaml, FILE_POLICY);
    assert.equal(((await run('policy')).view as PolicyView).source, 'file', '"policy" alone shows it');
  });

  it('policy validate: names the line and field of a bad policy; accepts a good one (in a code fence too)', async () => {
    const bad = notice(await run('policy validate actions:\n  pr.merge: { risk: high, mode: sometimes }'));
    assert.equal(bad.tone, 'error');
    assert.match(bad.body, /line 2 actions\.pr\.merge\.mode/);
    assert.match(bad.body, /current policy stays in force/);
    const good = notice(
      await run('policy validate ```yaml\nactions:\n  pr.label: { risk: low, mode: auto }\n```'),
    );
    assert.equal(good.tone, 'info');
    assert.match(good.body, /1 action/);
  });

  it('policy set: proposes policy.set for approval; the old policy stays until an approver agrees', async () => {
    const reply = notice(await run('policy set actions:\n  pr.label: { risk: low, mode: auto }'));
    assert.match(reply.title, /proposed/);
    assert.equal((await services.policies.inForce(TENANT)).source, 'file');
    const [pending] = await services.store.listPending(TENANT, 10);
    assert.equal(pending?.action_type, 'policy.set');
    assert.equal(pending?.requester, 'slack:U0DEV');
    assert.deepEqual(pending?.conversation, { surface: 'slack', id: 'C0OPS' });
  });

  it('policy set with an invalid policy proposes nothing', async () => {
    const before = (await services.store.listPending(TENANT, 50)).length;
    const reply = notice(await run('policy set actions: [nope]'));
    assert.equal(reply.tone, 'error');
    assert.equal((await services.store.listPending(TENANT, 50)).length, before);
  });

  it('policy with an unknown subcommand says what it takes', async () => {
    const reply = notice(await run('policy delete'));
    assert.match(reply.body, /show, validate or set/);
    assert.equal(reply.suggestion, '/em policy show | validate <yaml> | set <yaml>');
  });

  it('approvals: lists what waits, the asker’s own requests last', async () => {
    await run('policy set actions:\n  pr.merge: { risk: high, mode: auto }', 'U0ALICE');
    const view = (await run('approvals', 'U0ALICE')).view as ApprovalListView;
    assert.equal(view.kind, 'approval-list');
    assert.equal(view.items.length, 2);
    assert.deepEqual(
      view.items.map((item) => item.requester),
      ['slack:U0DEV', 'slack:U0ALICE'],
    );
    assert.equal(view.more, 0);
  });
});
