import assert from 'node:assert/strict';
import { policyUserIdOf } from '../../../handlers/policy/approvers.ts';
import { canDecide, quorumReached, tallyApprovals } from '../../../handlers/policy/can-decide.ts';
import { evaluateAction } from '../../../handlers/policy/evaluate-action.ts';
import type { ApprovalState, Decider, RecordedDecision } from '../../../handlers/policy/types.ts';
import { CAROL_TEAMS, ISSUE_POLICY_YAML, TEAM_POLICY, policyFrom } from './policies.ts';

const REQUESTER = 'slack:UDEV';
const created = new Date('2025-03-18T10:00:00Z');

function pending(decisions: RecordedDecision[] = [], extra: Partial<ApprovalState> = {}): ApprovalState {
  return { requester: REQUESTER, createdAt: created, decisions, ...extra };
}

function verdictFor(actionType: string, decider: Decider, approval = pending()) {
  return canDecide(TEAM_POLICY, evaluateAction(TEAM_POLICY, { actionType }), approval, decider);
}

function refusalCode(verdict: ReturnType<typeof canDecide>): string {
  return verdict.allowed ? 'allowed' : verdict.code;
}

const approve = (decidedBy: string): RecordedDecision => ({ decidedBy, decision: 'approve' });

describe('canDecide', () => {
  describe('require_approval', () => {
    it('allows a listed approver', () => {
      assert.deepEqual(verdictFor('pr.merge', { userId: 'slack:UALICE' }), { allowed: true });
    });

    it('allows a listed Teams approver whatever the case of the object id', () => {
      assert.deepEqual(
        verdictFor('pr.merge', { userId: CAROL_TEAMS.toUpperCase().replace('TEAMS:', 'teams:') }),
        {
          allowed: true,
        },
      );
      assert.equal(
        policyUserIdOf({ surface: 'teams', userId: '0D9F1C3E-AAAA-4BBB-8CCC-123456789ABC' }),
        CAROL_TEAMS,
      );
    });

    it('refuses the requester, even one who is an approver', () => {
      const approval = { ...pending(), requester: 'slack:UALICE' };
      assert.deepEqual(verdictFor('pr.merge', { userId: 'slack:UALICE' }, approval), {
        allowed: false,
        code: 'requester',
        reason: 'You asked for this, so someone else has to approve it.',
      });
    });

    it('refuses someone who is not an approver of the tier', () => {
      assert.deepEqual(verdictFor('pr.merge', { userId: 'slack:UMALLORY' }), {
        allowed: false,
        code: 'not_approver',
        reason: 'Only approvers for high-risk actions can decide on this, and you are not one of them.',
      });
      assert.equal(refusalCode(verdictFor('label.cleanup', { userId: 'slack:UALICE' })), 'not_approver');
      assert.equal(refusalCode(verdictFor('label.cleanup', { userId: 'slack:ULOW1' })), 'allowed');
    });

    it('refuses a second decision by the same person, so quorum needs distinct people', () => {
      const verdict = verdictFor('pr.merge', { userId: 'slack:UALICE' }, pending([approve('slack:UALICE')]));
      assert.deepEqual(verdict, {
        allowed: false,
        code: 'already_decided',
        reason: 'You already decided on this request; it needs 2 different approvers.',
      });
      const teams = verdictFor(
        'pr.merge',
        { userId: CAROL_TEAMS },
        pending([approve(CAROL_TEAMS.toUpperCase())]),
      );
      assert.equal(refusalCode(teams), 'already_decided');
      assert.equal(
        refusalCode(verdictFor('pr.merge', { userId: 'slack:UBOB' }, pending([approve('slack:UALICE')]))),
        'allowed',
      );
    });

    it('refuses a second decision with the quorum-free wording when one approval is enough', () => {
      const verdict = verdictFor(
        'incident.page',
        { userId: 'slack:UBOB' },
        pending([{ decidedBy: 'slack:UBOB', decision: 'modify' }]),
      );
      assert.deepEqual(verdict, {
        allowed: false,
        code: 'already_decided',
        reason: 'You already decided on this request.',
      });
    });

    it('allows a member of a listed Slack user group, and no one else by group', () => {
      assert.equal(
        refusalCode(verdictFor('deploy.tag', { userId: 'slack:UDAN', slackGroups: ['SOTHER', 'SLEADS'] })),
        'allowed',
      );
      assert.equal(
        refusalCode(verdictFor('deploy.tag', { userId: 'slack:UDAN', slackGroups: ['SOTHER'] })),
        'not_approver',
      );
      assert.equal(refusalCode(verdictFor('deploy.tag', { userId: 'slack:UDAN' })), 'not_approver');
    });

    it('allows a holder of a listed Teams role, and not of another role', () => {
      const owner = { userId: 'teams:11111111-2222-4333-8444-555555555555', teamsRoles: ['owner'] };
      assert.equal(refusalCode(verdictFor('deploy.tag', owner)), 'allowed');
      assert.equal(
        refusalCode(verdictFor('deploy.tag', { ...owner, teamsRoles: ['member'] })),
        'not_approver',
      );
    });

    it('counts Slack groups only for Slack users and Teams roles only for Teams users', () => {
      const slackClaimingRole = { userId: 'slack:UDAN', teamsRoles: ['owner'] };
      const teamsClaimingGroup = {
        userId: 'teams:11111111-2222-4333-8444-555555555555',
        slackGroups: ['SLEADS'],
      };
      assert.equal(refusalCode(verdictFor('deploy.tag', slackClaimingRole)), 'not_approver');
      assert.equal(refusalCode(verdictFor('deploy.tag', teamsClaimingGroup)), 'not_approver');
    });

    it('lets the escalation target decide once, and only once, the approval is escalated', () => {
      const cto = { userId: 'slack:UCTO' };
      assert.equal(refusalCode(verdictFor('pr.merge', cto)), 'not_approver');
      const escalated = pending([], { escalatedAt: new Date('2025-03-18T12:00:00Z') });
      assert.equal(refusalCode(verdictFor('pr.merge', cto, escalated)), 'allowed');
      // medium escalates to the next tier up by default: high's approvers.
      assert.equal(refusalCode(verdictFor('deploy.tag', { userId: 'slack:UALICE' })), 'not_approver');
      assert.equal(refusalCode(verdictFor('deploy.tag', { userId: 'slack:UALICE' }, escalated)), 'allowed');
    });

    it('refuses everyone, saying why, when the policy lists no approvers', () => {
      const policy = policyFrom(ISSUE_POLICY_YAML);
      const verdict = canDecide(policy, evaluateAction(policy, { actionType: 'pr.merge' }), pending(), {
        userId: 'slack:UALICE',
      });
      assert.deepEqual(verdict, {
        allowed: false,
        code: 'no_approvers',
        reason: 'No one can approve this yet: the policy lists no approvers for high-risk actions.',
      });
    });
  });

  describe('ask', () => {
    it('lets only the requester confirm', () => {
      assert.equal(refusalCode(verdictFor('issue.create', { userId: REQUESTER })), 'allowed');
      assert.deepEqual(verdictFor('issue.create', { userId: 'slack:UALICE' }), {
        allowed: false,
        code: 'not_requester',
        reason: 'Only the person who asked for this can confirm it.',
      });
    });

    it('refuses a second answer from the requester', () => {
      assert.equal(
        refusalCode(verdictFor('issue.create', { userId: REQUESTER }, pending([approve(REQUESTER)]))),
        'already_decided',
      );
    });
  });

  it('refuses any decision on an auto action', () => {
    assert.equal(refusalCode(verdictFor('pr.label', { userId: 'slack:ULOW1' })), 'nothing_to_decide');
  });

  it('refuses decisions on approvals that are no longer pending, saying which way they went', () => {
    const reasons = {
      approved: 'This request was already approved.',
      declined: 'This request was already declined.',
      expired: 'This request expired before anyone decided, so it can no longer be approved.',
    } as const;
    for (const status of ['approved', 'declined', 'expired'] as const) {
      assert.deepEqual(verdictFor('pr.merge', { userId: 'slack:UALICE' }, pending([], { status })), {
        allowed: false,
        code: 'closed',
        reason: reasons[status],
      });
    }
    assert.equal(
      refusalCode(verdictFor('pr.merge', { userId: 'slack:UALICE' }, pending([], { status: 'pending' }))),
      'allowed',
    );
  });
});

describe('quorumReached and tallyApprovals', () => {
  const merge = evaluateAction(TEAM_POLICY, { actionType: 'pr.merge' });

  it('needs two distinct approvers for a quorum of 2', () => {
    assert.equal(quorumReached(merge, pending()), false);
    assert.equal(quorumReached(merge, pending([approve('slack:UALICE')])), false);
    assert.equal(quorumReached(merge, pending([approve('slack:UALICE'), approve('slack:UALICE')])), false);
    assert.equal(quorumReached(merge, pending([approve('slack:UALICE'), approve(CAROL_TEAMS)])), true);
    assert.deepEqual(tallyApprovals(merge, pending([approve('slack:UALICE'), approve(CAROL_TEAMS)])), {
      outcome: 'approved',
      approvedBy: ['slack:UALICE', CAROL_TEAMS],
      remaining: 0,
    });
  });

  it('counts one person once, whatever the case of a Teams id', () => {
    const tally = tallyApprovals(merge, pending([approve(CAROL_TEAMS), approve(CAROL_TEAMS.toUpperCase())]));
    assert.deepEqual(tally, { outcome: 'pending', approvedBy: [CAROL_TEAMS], remaining: 1 });
  });

  it("never counts the requester's approval", () => {
    assert.equal(quorumReached(merge, pending([approve(REQUESTER), approve('slack:UALICE')])), false);
  });

  it('is declined by a decline, whatever approvals came before', () => {
    const decisions: RecordedDecision[] = [
      approve('slack:UALICE'),
      { decidedBy: 'slack:UBOB', decision: 'decline' },
      approve(CAROL_TEAMS),
    ];
    assert.equal(quorumReached(merge, pending(decisions)), false);
    assert.deepEqual(tallyApprovals(merge, pending(decisions)), {
      outcome: 'declined',
      approvedBy: [],
      declinedBy: 'slack:UBOB',
      remaining: 2,
    });
  });

  it('counts a modify as the modifier approving the new payload, dropping earlier approvals', () => {
    const modified = pending([approve('slack:UALICE'), { decidedBy: 'slack:UBOB', decision: 'modify' }]);
    assert.deepEqual(tallyApprovals(merge, modified), {
      outcome: 'pending',
      approvedBy: ['slack:UBOB'],
      remaining: 1,
    });
    const reApproved = pending([...modified.decisions, approve('slack:UALICE')]);
    assert.equal(quorumReached(merge, reApproved), true);
  });

  it('is reached by one approval for a quorum of 1', () => {
    const page = evaluateAction(TEAM_POLICY, { actionType: 'incident.page' });
    assert.equal(quorumReached(page, pending()), false);
    assert.equal(quorumReached(page, pending([approve('slack:UBOB')])), true);
  });

  it("for ask, is reached by the requester's confirmation only", () => {
    const ask = evaluateAction(TEAM_POLICY, { actionType: 'issue.create' });
    assert.equal(quorumReached(ask, pending([approve('slack:UALICE')])), false);
    assert.equal(quorumReached(ask, pending([approve(REQUESTER)])), true);
    assert.equal(
      tallyApprovals(ask, pending([{ decidedBy: REQUESTER, decision: 'decline' }])).outcome,
      'declined',
    );
  });

  it('is always reached for auto', () => {
    assert.equal(quorumReached(evaluateAction(TEAM_POLICY, { actionType: 'pr.label' }), pending()), true);
  });
});
