import assert from 'node:assert/strict';
import { evaluateAction } from '../../../handlers/policy/evaluate-action.ts';
import type { PolicyDecision } from '../../../handlers/policy/types.ts';
import { HOUR, ISSUE_POLICY_YAML, TEAM_POLICY, TEAM_POLICY_YAML, policyFrom } from './policies.ts';

const smallPrivate = { name: '#team-core', isPublic: false, memberCount: 6 };

describe('evaluateAction', () => {
  describe('modes and risk tiers as written', () => {
    const cases: Array<[string, Omit<PolicyDecision, 'reasons' | 'actionType'>, string]> = [
      [
        'pr.label',
        { risk: 'low', mode: 'auto', quorum: 0, ttlMs: 0, approverTier: null },
        'The policy lets pr.label run automatically (low risk).',
      ],
      [
        'issue.create',
        { risk: 'medium', mode: 'ask', quorum: 1, ttlMs: 8 * HOUR, approverTier: null },
        'The policy asks the requester to confirm issue.create before it runs (medium risk).',
      ],
      [
        'label.cleanup',
        { risk: 'low', mode: 'require_approval', quorum: 1, ttlMs: 4 * HOUR, approverTier: 'low' },
        'The policy requires approval before label.cleanup runs (low risk).',
      ],
      [
        'deploy.tag',
        { risk: 'medium', mode: 'require_approval', quorum: 1, ttlMs: 8 * HOUR, approverTier: 'medium' },
        'The policy requires approval before deploy.tag runs (medium risk).',
      ],
      [
        'incident.page',
        { risk: 'high', mode: 'require_approval', quorum: 1, ttlMs: 2 * HOUR, approverTier: 'high' },
        'The policy requires approval before incident.page runs (high risk).',
      ],
    ];
    for (const [actionType, expected, reason] of cases) {
      it(`${actionType}: ${expected.mode} at ${expected.risk} risk`, () => {
        assert.deepEqual(evaluateAction(TEAM_POLICY, { actionType }), {
          actionType,
          ...expected,
          reasons: [reason],
        });
      });
    }

    it('pr.merge: require_approval with a quorum of 2, and says so', () => {
      assert.deepEqual(evaluateAction(TEAM_POLICY, { actionType: 'pr.merge' }), {
        actionType: 'pr.merge',
        risk: 'high',
        mode: 'require_approval',
        quorum: 2,
        ttlMs: 8 * HOUR,
        approverTier: 'high',
        reasons: [
          'The policy requires approval before pr.merge runs (high risk).',
          'It needs 2 approvals from different people, and the requester cannot approve it.',
        ],
      });
    });
  });

  describe('unknown actions', () => {
    it('require approval at high risk, from the high tier, with a reason', () => {
      assert.deepEqual(evaluateAction(TEAM_POLICY, { actionType: 'repo.delete' }), {
        actionType: 'repo.delete',
        risk: 'high',
        mode: 'require_approval',
        quorum: 1,
        ttlMs: 8 * HOUR,
        approverTier: 'high',
        reasons: [
          'The policy has no rule for repo.delete, so it is treated as a high-risk action that needs approval.',
        ],
      });
    });

    it('do not pick up inherited object properties as rules', () => {
      for (const actionType of ['constructor', 'toString', '__proto__']) {
        const decision = evaluateAction(TEAM_POLICY, { actionType });
        assert.equal(decision.mode, 'require_approval', actionType);
        assert.equal(decision.risk, 'high', actionType);
        assert.match(decision.reasons[0] ?? '', /^The policy has no rule for /, actionType);
      }
    });

    it('stay gated even when posting to a small private channel', () => {
      const decision = evaluateAction(TEAM_POLICY, { actionType: 'chat.post', channel: smallPrivate });
      assert.equal(decision.mode, 'require_approval');
    });
  });

  describe('ask_if_channel_public', () => {
    it('turns auto into ask for a public channel, naming it', () => {
      const decision = evaluateAction(TEAM_POLICY, {
        actionType: 'pr.comment.summary',
        channel: { name: '#general', isPublic: true, memberCount: 8 },
      });
      assert.equal(decision.mode, 'ask');
      assert.equal(decision.quorum, 1);
      assert.equal(decision.ttlMs, 8 * HOUR);
      assert.equal(decision.approverTier, null);
      assert.deepEqual(decision.reasons, [
        'The policy lets pr.comment.summary run automatically (medium risk).',
        '#general is public and the policy asks before posting to public channels, so it asks for confirmation first.',
      ]);
    });

    it('keeps auto for a private channel within the size limit', () => {
      const decision = evaluateAction(TEAM_POLICY, {
        actionType: 'pr.comment.summary',
        channel: smallPrivate,
      });
      assert.equal(decision.mode, 'auto');
      assert.equal(decision.quorum, 0);
      assert.equal(decision.reasons.length, 1);
    });

    it('treats a channel of unknown visibility as public', () => {
      const decision = evaluateAction(TEAM_POLICY, {
        actionType: 'pr.comment.summary',
        channel: { memberCount: 3 },
      });
      assert.equal(decision.mode, 'ask');
      assert.equal(
        decision.reasons[1],
        'I could not tell whether the channel is public, and the policy asks before posting to public channels, so it asks for confirmation first.',
      );
    });

    it('does not apply to rules without it', () => {
      const decision = evaluateAction(TEAM_POLICY, {
        actionType: 'pr.label',
        channel: { name: '#general', isPublic: true, memberCount: 8 },
      });
      assert.equal(decision.mode, 'auto');
    });

    it('does not apply when the action posts to no channel', () => {
      assert.equal(evaluateAction(TEAM_POLICY, { actionType: 'pr.comment.summary' }).mode, 'auto');
    });
  });

  describe('limits.max_channel_size_auto_post', () => {
    it('turns an automatic post to a larger channel into ask, with the numbers', () => {
      const decision = evaluateAction(TEAM_POLICY, {
        actionType: 'pr.label',
        channel: { name: '#eng', isPublic: false, memberCount: 11 },
      });
      assert.equal(decision.mode, 'ask');
      assert.deepEqual(decision.reasons.slice(1), [
        '#eng has 11 members, more than the 10 the policy allows for automatic posts, so it asks for confirmation first.',
      ]);
    });

    it('allows a channel of exactly the limit', () => {
      const decision = evaluateAction(TEAM_POLICY, {
        actionType: 'pr.label',
        channel: { isPublic: false, memberCount: 10 },
      });
      assert.equal(decision.mode, 'auto');
    });

    it('treats an unknown member count as too large', () => {
      const decision = evaluateAction(TEAM_POLICY, { actionType: 'pr.label', channel: { isPublic: false } });
      assert.equal(decision.mode, 'ask');
      assert.equal(
        decision.reasons[1],
        'I could not tell how many people are in the channel, and the policy posts automatically only to channels of at most 10 members, so it asks for confirmation first.',
      );
    });

    it('follows the configured limit, down to 0 (every channel post asks)', () => {
      const policy = policyFrom(
        TEAM_POLICY_YAML.replace('max_channel_size_auto_post: 10', 'max_channel_size_auto_post: 0'),
      );
      const decision = evaluateAction(policy, {
        actionType: 'pr.label',
        channel: { isPublic: false, memberCount: 1 },
      });
      assert.equal(decision.mode, 'ask');
      assert.match(decision.reasons[1] ?? '', /The channel has 1 member, more than the 0 /);
    });

    it('gives one reason per adjustment when a channel is both public and large', () => {
      const decision = evaluateAction(TEAM_POLICY, {
        actionType: 'pr.comment.summary',
        channel: { name: '#general', isPublic: true, memberCount: 420 },
      });
      assert.equal(decision.mode, 'ask');
      assert.equal(decision.reasons.length, 3);
      assert.match(decision.reasons[1] ?? '', /^#general is public/);
      assert.match(decision.reasons[2] ?? '', /^#general has 420 members, more than the 10 /);
    });

    it('never loosens ask or require_approval, and adds no channel reasons to them', () => {
      const channel = { name: '#general', isPublic: true, memberCount: 420 };
      const ask = evaluateAction(TEAM_POLICY, { actionType: 'issue.create', channel });
      assert.equal(ask.mode, 'ask');
      assert.equal(ask.reasons.length, 1);
      const approval = evaluateAction(TEAM_POLICY, { actionType: 'deploy.tag', channel: smallPrivate });
      assert.equal(approval.mode, 'require_approval');
      assert.equal(approval.reasons.length, 1);
    });
  });

  describe('approver tier and ttl', () => {
    it('lets the next tier up decide when a tier lists no approvers, and says so', () => {
      const policy = policyFrom(
        `actions:\n  deploy.tag: { risk: low, mode: require_approval }\ntiers:\n  high:\n    approvers: { users: [slack:UALICE] }\n`,
      );
      const decision = evaluateAction(policy, { actionType: 'deploy.tag' });
      assert.equal(decision.approverTier, 'high');
      assert.equal(
        decision.reasons[1],
        'The policy lists no approvers for low-risk actions, so high-risk approvers decide.',
      );
    });

    it('says plainly when no one can approve (the issue policy names no approvers)', () => {
      const decision = evaluateAction(policyFrom(ISSUE_POLICY_YAML), { actionType: 'pr.merge' });
      assert.equal(decision.mode, 'require_approval');
      assert.equal(decision.approverTier, 'high');
      assert.equal(
        decision.reasons[1],
        'The policy lists no approvers for high-risk actions yet, so no one can approve this until an admin adds some.',
      );
    });

    it('takes the ttl from the action, then the tier, then approvals.ttl, then 24h', () => {
      assert.equal(evaluateAction(TEAM_POLICY, { actionType: 'incident.page' }).ttlMs, 2 * HOUR);
      assert.equal(evaluateAction(TEAM_POLICY, { actionType: 'label.cleanup' }).ttlMs, 4 * HOUR);
      assert.equal(evaluateAction(TEAM_POLICY, { actionType: 'deploy.tag' }).ttlMs, 8 * HOUR);
      assert.equal(
        evaluateAction(policyFrom(ISSUE_POLICY_YAML), { actionType: 'pr.merge' }).ttlMs,
        24 * HOUR,
      );
    });

    it('evaluates the issue policy: ask stays ask, auto posts check the channel', () => {
      const policy = policyFrom(ISSUE_POLICY_YAML);
      assert.equal(evaluateAction(policy, { actionType: 'issue.create.low' }).mode, 'ask');
      assert.equal(evaluateAction(policy, { actionType: 'pr.label' }).mode, 'auto');
      const summary = { actionType: 'pr.comment.summary' };
      assert.equal(evaluateAction(policy, { ...summary, channel: smallPrivate }).mode, 'auto');
      assert.equal(
        evaluateAction(policy, { ...summary, channel: { isPublic: true, memberCount: 4 } }).mode,
        'ask',
      );
    });
  });
});
