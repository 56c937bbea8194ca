import assert from 'node:assert/strict';
import type { Connection } from 'mongoose';
import { defineModels, ensureIndexes } from '../../../data/models/index.ts';
import { createTriageSettingsStore } from '../../../data/triage/mongo-triage-settings.ts';
import type { ApprovalServices } from '../../../handlers/approvals/types.ts';
import { DEFAULT_POLICY_YAML } from '../../../handlers/policy/default-policy.ts';
import { parsePolicy } from '../../../handlers/policy/parse-policy.ts';
import type { StandupStore } from '../../../handlers/standup/types.ts';
import { runTriageSettings } from '../../../handlers/triage/triage-settings-command.ts';
import type { TriageSettingsStore } from '../../../handlers/triage/types.ts';
import type { CommandInput, NoticeView } from '../../../handlers/types.ts';
import { openTestDatabase } from '../../support/database.ts';

const TENANT = 'T0TRSET';
const LEAD = 'U0LEAD';

function approvalsWith(yaml: string): ApprovalServices {
  const parsed = parsePolicy(yaml);
  assert.ok(parsed.ok);
  const policies = { inForce: async () => ({ policy: parsed.policy, yaml, source: 'tenant' as const }) };
  return { policies } as unknown as ApprovalServices;
}

// `triage settings` reads only the standups' names.
const standups = { list: async () => [{ name: 'Payments' }] } as unknown as StandupStore;

describe('triage settings (per-team thresholds, bot authors and digest time, on the real database)', () => {
  let connection: Connection;
  let store: TriageSettingsStore;
  const approvals = approvalsWith(
    `${DEFAULT_POLICY_YAML}tiers:\n  high:\n    approvers: { users: ["slack:${LEAD}"] }\n`,
  );
  const run = async (userId: string, text: string) => {
    const words = text.split(/\s+/).filter(Boolean);
    const input: CommandInput = {
      actor: { surface: 'slack', tenantId: TENANT, userId },
      name: 'triage',
      args: ['settings', ...words],
      rawArgs: `settings ${text}`,
    };
    const view = (await runTriageSettings(input, { standups, approvals }, store, words)).view as NoticeView;
    return { tone: view.tone, text: `${view.title}\n${view.body}` };
  };

  before(async () => {
    connection = await openTestDatabase(import.meta.url);
    const models = defineModels(connection);
    await ensureIndexes(models);
    store = createTriageSettingsStore(models.TriageSettings);
  });
  after(() => connection.close());

  it('shows the defaults before anyone sets anything', async () => {
    const shown = await run('U0ANA', '');
    assert.equal(shown.tone, 'info');
    assert.match(shown.text, /first-review=8h/);
    assert.match(shown.text, /large-lines=800[,.]/);
    assert.match(shown.text, /weekdays at 10:00/);
  });

  it("keeps a team's own values over the tenant's, and the tenant's over the defaults", async () => {
    assert.match((await run(LEAD, 'first-review=6')).text, /^Saved\. .*everyone/);
    const team = await run(LEAD, 'payments stale=12h digest=09:30 bots=ci-robot,deploy[bot]');
    assert.match(team.text, /Triage settings for Payments/);
    assert.match(team.text, /first-review=6h/, 'inherited from the tenant');
    assert.match(team.text, /stale=12h/);
    assert.match(team.text, /weekdays at 09:30/);
    assert.match(team.text, /ci-robot, deploy\[bot\]/);
    const tenant = await run('U0ANA', '');
    assert.match(tenant.text, /stale=24h/, "the team's value stays the team's");
    assert.match(tenant.text, /weekdays at 10:00/);
  });

  it('sets one threshold without dropping the others set before at the same level', async () => {
    await run(LEAD, 'Payments failing-ci=2');
    const team = await run('U0ANA', 'Payments');
    assert.match(team.text, /stale=12h/);
    assert.match(team.text, /failing-ci=2h/);
  });

  it('refuses bad values, unknown settings and unknown teams without saving anything', async () => {
    for (const [typed, why] of [
      ['first-review=-1', /first-review takes working hours/],
      ['large-files=many', /large-files takes a count/],
      ['digest=25:00', /digest takes a time of day/],
      ['bots=not/a/login', /is not a GitHub login/],
      ['colour=blue', /don't know the setting "colour"/],
    ] as const) {
      const answer = await run(LEAD, `Payments ${typed}`);
      assert.equal(answer.tone, 'warning', typed);
      assert.match(answer.text, why);
    }
    assert.match((await run(LEAD, 'Platform stale=1')).text, /don't know a team called "Platform"/);
    const team = await run('U0ANA', 'Payments');
    assert.match(team.text, /first-review=6h/);
    assert.match(team.text, /weekdays at 09:30/);
  });

  it('lets only the approvers the policy names change settings', async () => {
    const refused = await run('U0ANA', 'Payments stale=1');
    assert.equal(refused.tone, 'warning');
    assert.match(refused.text, /Only approvers/);
    assert.match((await run('U0ANA', 'Payments')).text, /stale=12h/);
  });
});
