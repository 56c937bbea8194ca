import assert from 'node:assert/strict';
import type { Connection } from 'mongoose';
import { createDeliveryDigestStore } from '../../../data/delivery-digest/mongo-delivery-digest-store.ts';
import { defineModels, ensureIndexes } from '../../../data/models/index.ts';
import type { ApprovalServices } from '../../../handlers/approvals/types.ts';
import { runDigestCommand } from '../../../handlers/delivery-digest/digest-command.ts';
import type { DeliveryDigestStore } from '../../../handlers/delivery-digest/types.ts';
import { DEFAULT_POLICY_YAML } from '../../../handlers/policy/default-policy.ts';
import { parsePolicy } from '../../../handlers/policy/parse-policy.ts';
import type { Standup, StandupStore } from '../../../handlers/standup/types.ts';
import type { CommandInput, NoticeView, Surface } from '../../../handlers/types.ts';
import { openTestDatabase } from '../../support/database.ts';

const TENANT = 'T0DIGEST';
const OTHER_TENANT = 'T0OTHER';
const LEAD = 'U0LEAD';
const ANA = 'U0ANA';

function approvalsWith(yaml: string): ApprovalServices {
  const parsed = parsePolicy(yaml);
  assert.ok(parsed.ok);
  const policies = { inForce: async () => ({ policy: parsed.policy, yaml, source: 'tenant' as const }) };
  return { policies } as unknown as ApprovalServices;
}

const team = (id: string, name: string, members: string[], reportChannel: string) =>
  ({
    id,
    name,
    surface: 'slack',
    reportChannel,
    members: members.map((handle) => ({ tool: 'slack', handle })),
  }) as unknown as Standup;

// The command reads the standups' ids, names, members and report channels.
const standups = {
  list: async (tenantId: string) =>
    tenantId === TENANT
      ? [
          team('s-platform', 'Platform', [ANA, LEAD, 'U0BOTH'], 'C0STANDUP'),
          team('s-pay', 'Payments Core', ['U0BOTH'], 'C0PAY'),
        ]
      : [team('s-platform', 'Platform', [ANA], 'C0ELSEWHERE')],
} as unknown as StandupStore;

describe('digest delivery on|off (a team opts into the weekly delivery digest, on the real database)', () => {
  let connection: Connection;
  let store: DeliveryDigestStore;
  const approvals = approvalsWith(
    `${DEFAULT_POLICY_YAML}tiers:\n  high:\n    approvers: { users: ["slack:${LEAD}", "teams:c0c00000-0000-4000-8000-000000000003"] }\n`,
  );
  const run = async (
    userId: string,
    text: string,
    where: { surface?: Surface; tenantId?: string; conversationId?: string; shared?: boolean } = {},
  ) => {
    const args = text.split(/\s+/).filter(Boolean);
    const input: CommandInput = {
      actor: { surface: where.surface ?? 'slack', tenantId: where.tenantId ?? TENANT, userId },
      name: 'digest',
      args,
      rawArgs: text,
      ...(where.conversationId ? { conversationId: where.conversationId } : {}),
      ...(where.shared !== undefined ? { conversationKind: where.shared ? 'shared' : 'personal' } : {}),
    };
    const reply = await runDigestCommand(input, { standups, approvals, deliveryDigests: store });
    assert.equal(reply.visibility, 'private');
    const view = reply.view as NoticeView;
    return { tone: view.tone, text: `${view.title}\n${view.body}`, suggestion: view.suggestion };
  };

  before(async () => {
    connection = await openTestDatabase(import.meta.url);
    const models = defineModels(connection);
    await ensureIndexes(models);
    store = createDeliveryDigestStore(models);
  });
  after(() => connection.close());

  it("shows the asker's team's digest as off until someone opts in", async () => {
    const shown = await run(ANA, 'delivery', { conversationId: 'D0ANA' });
    assert.equal(shown.tone, 'info');
    assert.match(shown.text, /^Delivery digest for Platform\nOff/);
    assert.match(shown.suggestion ?? '', /^\/em digest delivery \[on/);
  });

  it('refuses a change from someone the policy does not name as an approver', async () => {
    const refused = await run(ANA, 'delivery on <#C0ENG|eng>');
    assert.equal(refused.tone, 'warning');
    assert.match(refused.text, /Only approvers/);
    assert.equal(await store.settingsOf(TENANT, 's-platform'), undefined);
  });

  it('turns it on for a channel picked with #, on a given day and time', async () => {
    const saved = await run(LEAD, 'delivery on <#C0ENG|eng> friday 16:30', { conversationId: 'D0LEAD' });
    assert.equal(saved.tone, 'info');
    assert.match(
      saved.text,
      /^Saved\. Delivery digest for Platform\nOn: Fridays at 16:30 \(the team owner's time zone\)/,
    );
    assert.deepEqual(await store.settingsOf(TENANT, 's-platform'), {
      enabled: true,
      surface: 'slack',
      channel: 'C0ENG',
      weekday: 5,
      time: '16:30',
    });
  });

  it('goes to the channel it is typed in, else where it went before, at Monday 09:00 by default', async () => {
    await run(LEAD, 'delivery on Payments Core', { conversationId: 'C0HERE' });
    assert.equal((await store.settingsOf(TENANT, 's-pay'))?.channel, 'C0HERE');
    await run(LEAD, 'delivery off payments core');
    await run(LEAD, 'delivery on payments core', { conversationId: 'D0LEAD' });
    const settings = await store.settingsOf(TENANT, 's-pay');
    assert.deepEqual(settings, {
      enabled: true,
      surface: 'slack',
      channel: 'C0HERE',
      weekday: 1,
      time: '09:00',
    });
    await run(LEAD, 'delivery off payments core');
    assert.equal((await store.settingsOf(TENANT, 's-pay'))?.enabled, false);
  });

  it('takes the Teams conversation it is sent in when that is a channel', async () => {
    const saved = await run('c0c00000-0000-4000-8000-000000000003', 'delivery on Platform', {
      surface: 'teams',
      tenantId: TENANT,
      conversationId: '19:eng@thread.tacv2',
      shared: true,
    });
    assert.match(saved.text, /^Saved\. Delivery digest for Platform\nOn: Fridays at 16:30/);
    assert.equal((await store.settingsOf(TENANT, 's-platform'))?.channel, '19:eng@thread.tacv2');
  });

  it('answers bad input with what to type instead', async () => {
    const cases: [string, RegExp][] = [
      ['', /Which digest\?/],
      ['weekly', /I don't know the digest "weekly"/],
      ['delivery on #eng', /Pick the channel from the list Slack shows/],
      ['delivery on 25:00', /"25:00" is not a time of day/],
      ['delivery friday', /Say "on"/],
      ['delivery on Nobody', /I don't know a team called "Nobody"[^]*Teams here: Platform, Payments Core/],
    ];
    for (const [text, expected] of cases) {
      const answer = await run(LEAD, text);
      assert.equal(answer.tone, 'warning', text);
      assert.match(answer.text, expected, text);
    }
    const lost = await run('U0NEW', 'delivery');
    assert.match(lost.text, /You are in no standup, so name the team/);
    const both = await run('U0BOTH', 'delivery');
    assert.match(both.text, /^Which team\?\nYou are in Platform, Payments Core: name one\./);
  });

  it("keeps each tenant's choice to itself", async () => {
    assert.equal(await store.settingsOf(OTHER_TENANT, 's-platform'), undefined);
    const shown = await run(ANA, 'delivery', { tenantId: OTHER_TENANT });
    assert.match(shown.text, /^Delivery digest for Platform\nOff/);
  });
});
