import assert from 'node:assert/strict';
import { expiresAt, nextEscalation, type EscalationStep } from '../../../handlers/policy/escalation.ts';
import { evaluateAction } from '../../../handlers/policy/evaluate-action.ts';
import type { Policy } from '../../../handlers/policy/policy-schema.ts';
import type { ApprovalState } from '../../../handlers/policy/types.ts';
import { HOUR, MINUTE, TEAM_POLICY, policyFrom } from './policies.ts';

function approvalAt(createdAt: Date, extra: Partial<ApprovalState> = {}): ApprovalState {
  return { requester: 'slack:UDEV', createdAt, decisions: [], ...extra };
}

function plain(step: EscalationStep | null) {
  return step && { ...step, at: step.at.toISOString() };
}

function later(date: Date, ms: number): Date {
  return new Date(date.getTime() + ms);
}

describe('expiresAt and nextEscalation, around the clock', () => {
  const t0 = new Date('2025-03-18T10:00:00Z');
  const merge = evaluateAction(TEAM_POLICY, { actionType: 'pr.merge' });

  it('expires ttl after creation, and never for auto', () => {
    assert.equal(expiresAt(TEAM_POLICY, merge, t0)?.toISOString(), '2025-03-18T18:00:00.000Z');
    assert.equal(expiresAt(TEAM_POLICY, evaluateAction(TEAM_POLICY, { actionType: 'pr.label' }), t0), null);
  });

  it('walks a high-risk approval through reminder, escalation and expiry', () => {
    let approval = approvalAt(t0);
    assert.deepEqual(plain(nextEscalation(TEAM_POLICY, merge, approval, t0)), {
      kind: 'remind',
      at: '2025-03-18T10:30:00.000Z',
      notify: 'approvers',
    });
    approval = { ...approval, remindedAt: later(t0, 30 * MINUTE) };
    assert.deepEqual(plain(nextEscalation(TEAM_POLICY, merge, approval, later(t0, 30 * MINUTE))), {
      kind: 'escalate',
      at: '2025-03-18T12:00:00.000Z',
      to: { users: ['slack:UCTO'] },
    });
    approval = { ...approval, escalatedAt: later(t0, 2 * HOUR) };
    assert.deepEqual(plain(nextEscalation(TEAM_POLICY, merge, approval, later(t0, 2 * HOUR))), {
      kind: 'expire',
      at: '2025-03-18T18:00:00.000Z',
    });
  });

  it('escalates a medium-risk approval to the next tier up', () => {
    const tag = evaluateAction(TEAM_POLICY, { actionType: 'deploy.tag' });
    const approval = approvalAt(t0, { remindedAt: later(t0, HOUR) });
    assert.deepEqual(plain(nextEscalation(TEAM_POLICY, tag, approval, later(t0, HOUR))), {
      kind: 'escalate',
      at: '2025-03-18T13:00:00.000Z',
      to: { tier: 'high' },
    });
  });

  it('returns a missed reminder as due now (its time in the past)', () => {
    const step = nextEscalation(TEAM_POLICY, merge, approvalAt(t0), later(t0, 45 * MINUTE));
    assert.deepEqual(plain(step), { kind: 'remind', at: '2025-03-18T10:30:00.000Z', notify: 'approvers' });
  });

  it('skips a reminder that the escalation has overtaken', () => {
    const step = nextEscalation(TEAM_POLICY, merge, approvalAt(t0), later(t0, 3 * HOUR));
    assert.equal(step?.kind, 'escalate');
    const afterEscalation = approvalAt(t0, { escalatedAt: later(t0, 3 * HOUR) });
    assert.equal(nextEscalation(TEAM_POLICY, merge, afterEscalation, later(t0, 3 * HOUR))?.kind, 'expire');
  });

  it('drops steps that would come at or after the expiry', () => {
    // incident.page: ttl 2h, and the high tier escalates after 2h: only the reminder is left.
    const page = evaluateAction(TEAM_POLICY, { actionType: 'incident.page' });
    const reminded = approvalAt(t0, { remindedAt: later(t0, 30 * MINUTE) });
    assert.deepEqual(plain(nextEscalation(TEAM_POLICY, page, reminded, later(t0, 30 * MINUTE))), {
      kind: 'expire',
      at: '2025-03-18T12:00:00.000Z',
    });
  });

  it('answers expire once the expiry has come, whatever was not sent', () => {
    const step = nextEscalation(TEAM_POLICY, merge, approvalAt(t0), later(t0, 9 * HOUR));
    assert.deepEqual(plain(step), { kind: 'expire', at: '2025-03-18T18:00:00.000Z' });
  });

  it('only reminds the requester for mode ask, never escalates', () => {
    const ask = evaluateAction(TEAM_POLICY, { actionType: 'issue.create' });
    assert.deepEqual(plain(nextEscalation(TEAM_POLICY, ask, approvalAt(t0), t0)), {
      kind: 'remind',
      at: '2025-03-18T11:00:00.000Z',
      notify: 'requester',
    });
    const reminded = approvalAt(t0, { remindedAt: later(t0, HOUR) });
    assert.deepEqual(plain(nextEscalation(TEAM_POLICY, ask, reminded, later(t0, 4 * HOUR))), {
      kind: 'expire',
      at: '2025-03-18T18:00:00.000Z',
    });
  });

  it('goes straight to expiry for a tier without escalation settings', () => {
    const cleanup = evaluateAction(TEAM_POLICY, { actionType: 'label.cleanup' });
    assert.deepEqual(plain(nextEscalation(TEAM_POLICY, cleanup, approvalAt(t0), t0)), {
      kind: 'expire',
      at: '2025-03-18T14:00:00.000Z',
    });
  });

  it('has nothing to do for a decided approval or an auto action', () => {
    for (const status of ['approved', 'declined', 'expired'] as const) {
      assert.equal(nextEscalation(TEAM_POLICY, merge, approvalAt(t0, { status }), t0), null, status);
    }
    const label = evaluateAction(TEAM_POLICY, { actionType: 'pr.label' });
    assert.equal(nextEscalation(TEAM_POLICY, label, approvalAt(t0), t0), null);
  });

  it('counts durations as elapsed time across a daylight-saving change', () => {
    // Paris goes from UTC+1 to UTC+2 on Sunday 30 March 2025: 24 hours after Saturday 12:00 is Sunday 13:00.
    const saturdayNoon = new Date('2025-03-29T11:00:00Z');
    const policy = policyFrom('actions:\n  pr.merge: { risk: high, mode: require_approval }\n');
    const decision = evaluateAction(policy, { actionType: 'pr.merge' });
    assert.equal(expiresAt(policy, decision, saturdayNoon)?.toISOString(), '2025-03-30T11:00:00.000Z');
  });
});

function workingHoursPolicy(timezone: string, escalation: string, extra = ''): Policy {
  return policyFrom(`actions:
  pr.merge: { risk: high, mode: require_approval }
tiers:
  high:
    approvers: { users: [slack:UALICE] }
    escalation: ${escalation}
approvals:
  working_hours: { timezone: ${timezone}, days: [mon, tue, wed, thu, fri], start: "09:00", end: "18:00" }
${extra}`);
}

describe('expiresAt and nextEscalation within working hours (Mon–Fri 09:00–18:00)', () => {
  // Friday 21 March 2025, 10:00 in Paris (UTC+1): no clock change that weekend.
  const fridayMorning = new Date('2025-03-21T09:00:00Z');

  it('moves a reminder due Friday 19:00 to Monday 09:00, then escalates on Monday as counted', () => {
    const policy = workingHoursPolicy(
      'Europe/Paris',
      '{ remind_after: 9h, escalate_after: 3d, escalate_to: [slack:UCTO] }',
      '  ttl: 4d',
    );
    const decision = evaluateAction(policy, { actionType: 'pr.merge' });
    const approval = approvalAt(fridayMorning);
    assert.deepEqual(plain(nextEscalation(policy, decision, approval, fridayMorning)), {
      kind: 'remind',
      at: '2025-03-24T08:00:00.000Z', // Monday 09:00 in Paris
      notify: 'approvers',
    });
    const reminded = { ...approval, remindedAt: new Date('2025-03-24T08:00:00Z') };
    assert.deepEqual(plain(nextEscalation(policy, decision, reminded, reminded.remindedAt)), {
      kind: 'escalate',
      at: '2025-03-24T09:00:00.000Z', // Monday 10:00 in Paris, inside working hours: unchanged
      to: { users: ['slack:UCTO'] },
    });
    assert.equal(expiresAt(policy, decision, fridayMorning)?.toISOString(), '2025-03-25T09:00:00.000Z');
  });

  it('keeps a reminder due inside working hours where it is', () => {
    const policy = workingHoursPolicy('Europe/Paris', '{ remind_after: 2h }');
    const decision = evaluateAction(policy, { actionType: 'pr.merge' });
    const step = nextEscalation(policy, decision, approvalAt(fridayMorning), fridayMorning);
    assert.equal(step?.at.toISOString(), '2025-03-21T11:00:00.000Z');
  });

  it('moves a reminder due after hours on a weekday to the next morning', () => {
    const policy = workingHoursPolicy('Europe/Paris', '{ remind_after: 2h }');
    const decision = evaluateAction(policy, { actionType: 'pr.merge' });
    const tuesdayFive = new Date('2025-03-18T16:00:00Z'); // 17:00 in Paris
    const step = nextEscalation(policy, decision, approvalAt(tuesdayFive), tuesdayFive);
    assert.equal(step?.at.toISOString(), '2025-03-19T08:00:00.000Z'); // Wednesday 09:00
  });

  it('moves an expiry that falls on Saturday to the end of Monday', () => {
    const policy = workingHoursPolicy('Europe/Paris', '{ remind_after: 1h }');
    const decision = evaluateAction(policy, { actionType: 'pr.merge' });
    assert.equal(expiresAt(policy, decision, fridayMorning)?.toISOString(), '2025-03-24T17:00:00.000Z');
    const reminded = approvalAt(fridayMorning, { remindedAt: new Date('2025-03-21T10:00:00Z') });
    assert.deepEqual(plain(nextEscalation(policy, decision, reminded, new Date('2025-03-22T12:00:00Z'))), {
      kind: 'expire',
      at: '2025-03-24T17:00:00.000Z',
    });
  });

  it('sends only the escalation when the reminder and the escalation both fall in the weekend', () => {
    const policy = workingHoursPolicy(
      'Europe/Paris',
      '{ remind_after: 9h, escalate_after: 20h, escalate_to: [slack:UCTO] }',
    );
    const decision = evaluateAction(policy, { actionType: 'pr.merge' });
    assert.deepEqual(plain(nextEscalation(policy, decision, approvalAt(fridayMorning), fridayMorning)), {
      kind: 'escalate',
      at: '2025-03-24T08:00:00.000Z',
      to: { users: ['slack:UCTO'] },
    });
  });

  it('follows the spring daylight-saving change over the weekend (Paris, 30 March 2025)', () => {
    const policy = workingHoursPolicy(
      'Europe/Paris',
      '{ remind_after: 9h, escalate_after: 3d, escalate_to: [slack:UCTO] }',
      '  ttl: 4d',
    );
    const decision = evaluateAction(policy, { actionType: 'pr.merge' });
    const friday = new Date('2025-03-28T09:00:00Z'); // Friday 10:00 CET (UTC+1)
    const approval = approvalAt(friday);
    assert.deepEqual(plain(nextEscalation(policy, decision, approval, friday)), {
      kind: 'remind',
      at: '2025-03-31T07:00:00.000Z', // Monday 09:00 CEST (UTC+2), not 08:00Z
      notify: 'approvers',
    });
    // 3 days of elapsed time land at Monday 11:00 on the wall clock, an hour later than on Friday.
    const reminded = { ...approval, remindedAt: new Date('2025-03-31T07:00:00Z') };
    assert.equal(
      nextEscalation(policy, decision, reminded, reminded.remindedAt)?.at.toISOString(),
      '2025-03-31T09:00:00.000Z',
    );
    const expiring = workingHoursPolicy('Europe/Paris', '{ remind_after: 9h }');
    const expiry = expiresAt(expiring, evaluateAction(expiring, { actionType: 'pr.merge' }), friday);
    assert.equal(expiry?.toISOString(), '2025-03-31T16:00:00.000Z'); // Monday 18:00 CEST
  });

  it('follows the autumn daylight-saving change over the weekend (New York, 2 November 2025)', () => {
    const policy = workingHoursPolicy('America/New_York', '{ remind_after: 9h }');
    const decision = evaluateAction(policy, { actionType: 'pr.merge' });
    const friday = new Date('2025-10-31T14:00:00Z'); // Friday 10:00 EDT (UTC-4)
    assert.deepEqual(plain(nextEscalation(policy, decision, approvalAt(friday), friday)), {
      kind: 'remind',
      at: '2025-11-03T14:00:00.000Z', // Monday 09:00 EST (UTC-5)
      notify: 'approvers',
    });
    assert.equal(expiresAt(policy, decision, friday)?.toISOString(), '2025-11-03T23:00:00.000Z'); // Monday 18:00 EST
  });

  it('uses the working days the policy lists (Sunday to Thursday in Dubai)', () => {
    const policy = policyFrom(`actions:
  pr.merge: { risk: high, mode: require_approval }
tiers:
  high:
    approvers: { users: [slack:UALICE] }
    escalation: { remind_after: 2h }
approvals:
  working_hours: { timezone: Asia/Dubai, days: [sun, mon, tue, wed, thu], start: "08:00", end: "17:00" }
`);
    const decision = evaluateAction(policy, { actionType: 'pr.merge' });
    const thursdayAfternoon = new Date('2025-03-20T12:00:00Z'); // Thursday 16:00 in Dubai (UTC+4)
    const step = nextEscalation(policy, decision, approvalAt(thursdayAfternoon), thursdayAfternoon);
    assert.equal(step?.at.toISOString(), '2025-03-23T04:00:00.000Z'); // Sunday 08:00
  });
});
