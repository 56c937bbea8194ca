import assert from 'node:assert/strict';
import type { Connection } from 'mongoose';
import { createHolidayRegions } from '../../../data/availability/holiday-regions.ts';
import { createAvailabilityStore } from '../../../data/availability/mongo-availability-store.ts';
import { createPublicHolidays } from '../../../data/availability/public-holidays.ts';
import { defineModels, ensureIndexes } from '../../../data/models/index.ts';
import type { ApprovalServices } from '../../../handlers/approvals/types.ts';
import { markBack } from '../../../handlers/availability/availability-commands.ts';
import { runHolidaysCommand } from '../../../handlers/availability/holidays-command.ts';
import { runHoursCommand } from '../../../handlers/availability/hours-command.ts';
import type { AvailabilityStore } from '../../../handlers/availability/types.ts';
import { DEFAULT_POLICY_YAML } from '../../../handlers/policy/default-policy.ts';
import { parsePolicy } from '../../../handlers/policy/parse-policy.ts';
import type { CommandInput, CommandPorts, NoticeView } from '../../../handlers/types.ts';
import { openTestDatabase } from '../../support/database.ts';

const TENANT = 'T0HOURS';
const NOW = new Date('2026-12-02T15:00:00Z');
const APPROVER = 'U0LEAD';

/** Approvals whose policy in force is this YAML: only `policies.inForce` is read by these commands. */
function approvalsWith(yaml: string): ApprovalServices {
  const parsed = parsePolicy(yaml);
  assert.ok(parsed.ok);
  const policies = { inForce: async () => ({ policy: parsed.policy, yaml, source: 'tenant' as const }) };
  return { policies } as unknown as ApprovalServices;
}

const WITH_APPROVER = `${DEFAULT_POLICY_YAML}tiers:\n  high:\n    approvers: { users: ["slack:${APPROVER}"] }\n`;

function input(userId: string, text: string): CommandInput {
  const [name = '', ...args] = text.split(/\s+/).filter(Boolean);
  return { actor: { surface: 'slack', tenantId: TENANT, userId }, name, args, rawArgs: args.join(' ') };
}

const bodyOf = (reply: { view: unknown }) => {
  const view = reply.view as NoticeView;
  return `${view.title}: ${view.body}`;
};

describe('hours and holidays (availability commands, on the real database)', () => {
  let connection: Connection;
  let store: AvailabilityStore;
  let ports: CommandPorts;
  const hours = (userId: string, text: string) => runHoursCommand(input(userId, text), ports).then(bodyOf);
  const holidays = (userId: string, text: string) =>
    runHolidaysCommand(input(userId, text), ports, NOW).then(bodyOf);

  before(async () => {
    connection = await openTestDatabase(import.meta.url);
    const models = defineModels(connection);
    await ensureIndexes(models);
    store = createAvailabilityStore(models);
    ports = {
      availability: store,
      holidayRegions: createHolidayRegions(createPublicHolidays()),
      approvals: approvalsWith(WITH_APPROVER),
    };
  });
  after(() => connection.close());

  it('shows the built-in hours, sets your own, refuses bad ones with the reason, and resets', async () => {
    assert.equal(
      await hours('U1', 'hours'),
      'Your working hours: Mon-Fri 09:00-17:00 (UTC), the default. Set your own with `/em hours mon-fri 09:00-17:30`.',
    );
    assert.match(
      await hours('U1', 'hours mon,tue,thu 08:30-16:00'),
      /Working hours set: Mon,Tue,Thu 08:30-16:00/,
    );
    assert.match(await hours('U1', 'hours mon-fri 17:00-09:00'), /The end \(09:00\) must be after the start/);
    assert.match(await hours('U1', 'hours weekdays 09:00-17:00'), /"weekdays" is not a day/);
    assert.match(await hours('U1', 'hours'), /Mon,Tue,Thu 08:30-16:00 \(UTC\), your own/);
    const settings = await store.settingsOf(TENANT, { tool: 'slack', handle: 'U1' });
    assert.deepEqual(settings.hours, {
      workingDays: [1, 2, 4],
      workingHours: { start: '08:30', end: '16:00' },
    });
    assert.match(await hours('U1', 'hours reset'), /Working hours reset: .*Mon-Fri 09:00-17:00/);
    assert.equal((await store.settingsOf(TENANT, { tool: 'slack', handle: 'U1' })).hours, undefined);
  });

  it('lets only an approver the policy names set the team default, and records who did', async () => {
    assert.match(await hours('U2', 'hours team sun-thu 08:00-16:00'), /Only approvers change team defaults/);
    assert.equal((await store.teamDefaultsOf(TENANT)).hours, undefined, 'refused: nothing written');
    assert.match(
      await hours(APPROVER, 'hours team sun-thu 08:00-16:00'),
      /Team working hours set: Mon-Thu,Sun/,
    );
    const team = await store.teamDefaultsOf(TENANT);
    assert.equal(team.updatedBy, `slack:${APPROVER}`);
    assert.match(await hours('U2', 'hours'), /Mon-Thu,Sun 08:00-16:00 \(UTC\), the team's/);
    assert.match(
      await hours('U2', 'hours team'),
      /The team's: Mon-Thu,Sun 08:00-16:00 \(set by slack:U0LEAD\)/,
    );
    assert.match(await hours(APPROVER, 'hours team 9-5'), /"9-5" is not a day/, 'checked before the policy');
  });

  it("answers about the team where asked, and about the asker's own calendar to them alone", async () => {
    const visibility = async (text: string) =>
      (text.startsWith('holidays')
        ? await runHolidaysCommand(input('U2', text), ports, NOW)
        : await runHoursCommand(input('U2', text), ports)
      ).visibility;
    assert.equal(await visibility('hours team'), 'private');
    assert.equal(await visibility('holidays team'), 'private');
    assert.equal(
      await visibility('hours team mon-fri 09:00-17:00'),
      'private',
      'a refusal is about the team',
    );
    assert.equal(await visibility('hours'), 'personal');
    assert.equal(await visibility('holidays'), 'personal');
  });

  it('lets anyone set team defaults while the policy names no approvers at all', async () => {
    const open = { ...ports, approvals: approvalsWith(DEFAULT_POLICY_YAML) };
    const reply = await runHolidaysCommand(input('U3', 'holidays team DE-BY'), open, NOW);
    assert.match(bodyOf(reply), /Team holiday region set: DE-BY/);
    assert.equal((await store.teamDefaultsOf(TENANT)).updatedBy, 'slack:U3');
    assert.deepEqual((await store.teamDefaultsOf(TENANT)).hours?.workingDays, [1, 2, 3, 4, 7], 'hours kept');
    const without = { ...ports, approvals: undefined };
    assert.match(bodyOf(await runHoursCommand(input('U3', 'hours team reset'), without)), /Only approvers/);
  });

  it('shows your region with its next holidays, sets one in any case, refuses unknown ones, and turns it off', async () => {
    assert.match(
      await holidays('U4', 'holidays'),
      /DE-BY \(the team's\)\. Next: Dec 25 1\. Weihnachtstag; Dec 26 2\. Weihnachtstag; Jan 1, 2027 Neujahr/,
    );
    assert.match(
      await holidays('U4', 'holidays in-ka'),
      /Holiday region set: IN-KA \(your own choice\)\. Next: Dec 25 Christmas/,
    );
    assert.match(
      await holidays('U4', 'holidays US-XX'),
      /I do not know the holiday region "US-XX".*`US-CA`, `IN-KA`, `DE-BY`/,
    );
    assert.match(await holidays('U4', 'holidays Narnia'), /do not know the holiday region/);
    assert.match(await holidays('U4', 'holidays none'), /None \(your own choice\): no public holidays/);
    assert.equal((await store.settingsOf(TENANT, { tool: 'slack', handle: 'U4' })).holidayRegion, 'none');
    assert.match(await holidays('U4', 'holidays reset'), /DE-BY \(the team's\)/);
  });

  it("falls back to the chat locale's country, and refuses a team region from a non-approver", async () => {
    await store.report(TENANT, { tool: 'slack', handle: 'U5' }, { reportedRegion: 'US' });
    assert.match(await holidays('U5', 'holidays'), /DE-BY \(the team's\)/, "the team's wins over the locale");
    assert.match(await holidays('U5', 'holidays team none'), /Only approvers change team defaults/);
    assert.match(await holidays(APPROVER, 'holidays team reset'), /No team region/);
    assert.match(
      await holidays('U5', 'holidays'),
      /US \(the country of your chat language settings\)\. Next: Dec 25 Christmas Day/,
    );
    assert.match(
      await holidays('U6', 'holidays'),
      /None \(not set, and your chat profile names no country\)/,
    );
  });

  it('ends a reported away with back, as well as typed time off', async () => {
    const account = { tool: 'slack' as const, handle: 'U7' };
    await store.report(TENANT, account, {
      reportedAway: { from: '2026-12-01', to: '2026-12-04', note: 'Slack status' },
    });
    assert.match(bodyOf(await markBack(input('U7', 'back'), store, NOW)), /Welcome back.*Slack status/);
    assert.equal((await store.settingsOf(TENANT, account)).reportedAway, undefined);
    assert.match(bodyOf(await markBack(input('U7', 'back'), store, NOW)), /not away/);
  });
});
