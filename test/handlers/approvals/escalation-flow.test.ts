import assert from 'node:assert/strict';
import type { Connection } from 'mongoose';
import pino from 'pino';
import { createApprovalServices } from '../../../bot/approvals/create-approval-services.ts';
import { createMetrics } from '../../../bot/metrics.ts';
import { defineModels, ensureIndexes } from '../../../data/models/index.ts';
import { advanceApproval } from '../../../handlers/approvals/advance-approval.ts';
import { decideApproval } from '../../../handlers/approvals/decide-approval.ts';
import { proposeAction } from '../../../handlers/approvals/propose-action.ts';
import type {
  Approval,
  ApprovalNotifier,
  ApprovalServices,
  DecisionAudience,
} from '../../../handlers/approvals/types.ts';
import { openTestDatabase } from '../../support/database.ts';
import { TEAM_POLICY_YAML } from '../policy/policies.ts';

const TENANT = 'T0ESCALATE';
const WORKING_HOURS = `
  working_hours: { timezone: Europe/Paris, days: [mon, tue, wed, thu, fri], start: '09:00', end: '18:00' }
`;

/** Paris is UTC+1 in late November. */
const paris = (day: number, hour: number, minute = 0) => new Date(Date.UTC(2026, 10, day, hour - 1, minute));

describe('approval reminders, escalation and expiry (working hours, real database)', () => {
  let connection: Connection;
  let services: ApprovalServices;
  let clock: Date;
  const requests: { approvalId: string; audience: DecisionAudience }[] = [];
  const told: { approval: Approval; text: string }[] = [];
  const scheduled: Date[] = [];

  before(async () => {
    connection = await openTestDatabase(import.meta.url);
    const models = defineModels(connection);
    await ensureIndexes(models);
    const notifier: ApprovalNotifier = {
      async requestDecision(approval, audience) {
        requests.push({ approvalId: approval.id, audience });
        return [];
      },
      async refresh() {},
      async tellRequester(approval, text) {
        told.push({ approval, text });
      },
    };
    services = createApprovalServices({
      models,
      log: pino({ level: 'silent' }),
      metrics: createMetrics(),
      policyFileYaml: `${TEAM_POLICY_YAML.replace('approvals:\n  ttl: 8h\n', `approvals:\n  ttl: 8h\n${WORKING_HOURS}`)}`,
      notifiers: [notifier],
      now: () => clock,
      async scheduleStep(_tenantId, _id, at) {
        scheduled.push(at);
      },
    });
  });
  after(() => connection.close());

  it('reminds, escalates across the weekend, then expires at the end of the next working day', async () => {
    clock = paris(27, 17); // Friday 17:00
    const proposed = await proposeAction(services, {
      tenantId: TENANT,
      action_type: 'pr.merge',
      target_ref: 'github:acme/api#42',
      proposed_payload: {},
      requester: 'slack:UDEV',
    });
    assert.ok(proposed.ok);
    const { id } = proposed.approval;
    assert.deepEqual(
      proposed.approval.expires_at,
      paris(30, 18),
      'Friday 17:00 + 8h falls on Saturday: Monday 18:00',
    );
    assert.deepEqual(requests.at(-1)?.audience, {
      occasion: 'request',
      users: ['slack:UALICE', 'slack:UBOB', 'teams:0d9f1c3e-aaaa-4bbb-8ccc-123456789abc'],
      slackGroups: [],
    });
    assert.deepEqual(scheduled.at(-1), paris(27, 17, 30));

    clock = paris(27, 17, 30);
    const afterReminder = await advanceApproval(services, TENANT, id);
    assert.equal(requests.at(-1)?.audience.occasion, 'reminder');
    assert.deepEqual(afterReminder, paris(30, 9), 'Friday 19:00 is outside working hours: Monday 09:00');

    // The CTO may not decide before the escalation.
    const early = await decideApproval(services, {
      tenantId: TENANT,
      approvalId: id,
      decider: { userId: 'slack:UCTO' },
      decision: 'approve',
    });
    assert.equal(early.ok, false);

    clock = paris(30, 9);
    const afterEscalation = await advanceApproval(services, TENANT, id);
    assert.deepEqual(requests.at(-1)?.audience, {
      occasion: 'escalation',
      users: ['slack:UCTO'],
      slackGroups: [],
    });
    assert.deepEqual(afterEscalation, paris(30, 18));

    // Running the job early (a second instance, a clock skew) does nothing and keeps the schedule.
    clock = paris(30, 12);
    const count = requests.length;
    assert.deepEqual(await advanceApproval(services, TENANT, id), paris(30, 18));
    assert.equal(requests.length, count);

    clock = paris(30, 18);
    assert.equal(await advanceApproval(services, TENANT, id), null);
    const expired = await services.store.get(TENANT, id);
    assert.equal(expired?.status, 'expired');
    assert.equal(expired?.reason, 'expired');
    assert.match(told.at(-1)!.text, /expired before anyone decided/);

    const verbs: string[] = [];
    for await (const entry of services.ledger.read(TENANT)) verbs.push(entry.verb);
    assert.deepEqual(verbs, [
      'action.propose',
      'approval.remind',
      'approval.decide' /* the CTO's early, refused attempt */,
      'approval.escalate',
      'approval.expire',
    ]);
    assert.equal((await services.ledger.verify(TENANT)).ok, true);
  });

  it('lets the escalation target decide once escalated', async () => {
    clock = paris(24, 10); // Tuesday 10:00
    const proposed = await proposeAction(services, {
      tenantId: TENANT,
      action_type: 'pr.merge',
      target_ref: 'github:acme/api#43',
      proposed_payload: {},
      requester: 'slack:UDEV',
    });
    assert.ok(proposed.ok);
    clock = paris(24, 12);
    await advanceApproval(services, TENANT, proposed.approval.id);
    const approved = await decideApproval(services, {
      tenantId: TENANT,
      approvalId: proposed.approval.id,
      decider: { userId: 'slack:UCTO' },
      decision: 'approve',
    });
    assert.ok(approved.ok);
    assert.match(approved.message, /1 more approval needed/);
  });
});
