import assert from 'node:assert/strict';
import { ConfigError } from '../../../bot/errors.ts';
import { parsePolicy } from '../../../bot/load-policy-file.ts';
import { CAROL_TEAMS, ISSUE_POLICY_YAML, TEAM_POLICY } from './policies.ts';

function errorFor(text: string): string {
  try {
    parsePolicy(text);
  } catch (error) {
    assert.ok(error instanceof ConfigError, `expected a ConfigError, got ${String(error)}`);
    return error.message;
  }
  assert.fail('parsePolicy accepted an invalid policy');
}

/** A valid policy with `tiers` and `approvals` sections, to break one field at a time. */
const BASE = `actions:
  pr.merge: { risk: high, mode: require_approval, quorum: 2 }
tiers:
  medium:
    approvers: { slack_groups: [SLEADS] }
  high:
    approvers:
      users: [slack:UALICE, slack:UBOB]
      teams_roles: [owner]
    escalation:
      remind_after: 30m
      escalate_after: 2h
      escalate_to: [slack:UCTO]
    ttl: 8h
approvals:
  ttl: 24h
  working_hours:
    timezone: Europe/Paris
    start: "09:00"
    end: "18:00"
`;

describe('policy schema', () => {
  it('accepts the policy of issue 4 once its ask_if_channel_public line is valid YAML', () => {
    const policy = parsePolicy(ISSUE_POLICY_YAML);
    assert.deepEqual(policy.actions['pr.comment.summary'], {
      risk: 'medium',
      mode: 'auto',
      ask_if_channel_public: true,
    });
    assert.deepEqual(policy.actions['issue.create.low'], { risk: 'medium', mode: 'ask' });
    assert.equal(policy.tiers, undefined);
    assert.equal(policy.approvals, undefined);
  });

  it('reports the literal issue line `mode: ask_if_channel_public: true` as a YAML error on its line', () => {
    const literal = ISSUE_POLICY_YAML.replace(
      '{ risk: medium, mode: auto, ask_if_channel_public: true }',
      '{ risk: medium, mode: ask_if_channel_public: true }',
    );
    assert.match(errorFor(literal), /^policy: line 4: /);
  });

  it('reads tiers, approvers, escalation, ttl and working hours, filling the working days', () => {
    const policy = parsePolicy(BASE);
    assert.deepEqual(policy.tiers, {
      medium: { approvers: { slack_groups: ['SLEADS'] } },
      high: {
        approvers: { users: ['slack:UALICE', 'slack:UBOB'], teams_roles: ['owner'] },
        escalation: { remind_after: '30m', escalate_after: '2h', escalate_to: ['slack:UCTO'] },
        ttl: '8h',
      },
    });
    assert.deepEqual(policy.approvals, {
      ttl: '24h',
      working_hours: {
        timezone: 'Europe/Paris',
        days: ['mon', 'tue', 'wed', 'thu', 'fri'],
        start: '09:00',
        end: '18:00',
      },
    });
  });

  it('accepts Teams ids, an escalation to a tier, 24:00 and unquoted times', () => {
    const policy = parsePolicy(
      BASE.replace(
        'escalate_to: [slack:UCTO]',
        'escalate_to: [slack:UCTO, teams:0D9F1C3E-AAAA-4BBB-8CCC-123456789ABC]',
      )
        .replace('end: "18:00"', 'end: "24:00"')
        .replace('start: "09:00"', 'start: 9:00'),
    );
    assert.deepEqual(policy.tiers?.high?.escalation?.escalate_to, [
      'slack:UCTO',
      'teams:0D9F1C3E-AAAA-4BBB-8CCC-123456789ABC',
    ]);
    assert.equal(policy.approvals?.working_hours?.start, '9:00');
    assert.equal(policy.approvals?.working_hours?.end, '24:00');
    const toTier = parsePolicy(
      BASE.replace('  medium:\n', '  medium:\n    escalation: { escalate_after: 1h, escalate_to: high }\n'),
    );
    assert.equal(toTier.tiers?.medium?.escalation?.escalate_to, 'high');
  });

  it('keeps the shared test policy valid', () => {
    assert.deepEqual(TEAM_POLICY.tiers?.high?.approvers?.users, ['slack:UALICE', 'slack:UBOB', CAROL_TEAMS]);
  });

  describe('errors name the line and the field', () => {
    const cases: Array<[string, string, RegExp]> = [
      [
        'a user id without its surface',
        BASE.replace('users: [slack:UALICE, slack:UBOB]', 'users: [UALICE, slack:UBOB]'),
        /line 8 tiers\.high\.approvers\.users\.0: expected a user id such as slack:U0123ABCD or teams:<AAD object id> \(got "UALICE"\)/,
      ],
      [
        'a Teams id that is not an object id',
        BASE.replace('escalate_to: [slack:UCTO]', 'escalate_to: [teams:29:1abc]'),
        /line 13 tiers\.high\.escalation\.escalate_to\.0: expected a user id/,
      ],
      [
        'a Slack group id that is not one',
        BASE.replace('slack_groups: [SLEADS]', 'slack_groups: [leads]'),
        /line 5 tiers\.medium\.approvers\.slack_groups\.0: expected a Slack user group id such as S0123ABCD/,
      ],
      [
        'an unknown Teams role',
        BASE.replace('teams_roles: [owner]', 'teams_roles: [admin]'),
        /line 9 tiers\.high\.approvers\.teams_roles\.0: .*"owner"\|"member"/,
      ],
      [
        'an empty approver list',
        BASE.replace('approvers: { slack_groups: [SLEADS] }', 'approvers: {}'),
        /line 5 tiers\.medium\.approvers: list at least one approver in users, slack_groups or teams_roles/,
      ],
      [
        'a user listed twice',
        BASE.replace('users: [slack:UALICE, slack:UBOB]', 'users: [slack:UALICE, slack:UALICE]'),
        /line 8 tiers\.high\.approvers\.users: lists a user twice/,
      ],
      [
        'an unknown tier',
        BASE.replace('  medium:\n', '  critical:\n'),
        /line 4 tiers: Unrecognized key: "critical"/,
      ],
      [
        'an unknown field in a tier',
        BASE.replace('    ttl: 8h\n', '    timeout: 8h\n'),
        /line 7 tiers\.high: Unrecognized key: "timeout"/,
      ],
      [
        'a duration without a unit',
        BASE.replace('remind_after: 30m', 'remind_after: 30'),
        /line 11 tiers\.high\.escalation\.remind_after: expected a duration such as 30m, 4h or 1d/,
      ],
      [
        'a duration in an unknown unit',
        BASE.replace('ttl: 8h', 'ttl: 1w'),
        /line 14 tiers\.high\.ttl: expected a duration such as 30m, 4h, 1d or 1h30m \(got "1w"\)/,
      ],
      [
        'a zero duration',
        BASE.replace('ttl: 24h', 'ttl: 0h'),
        /line 16 approvals\.ttl: must be longer than zero/,
      ],
      [
        'a duration over 30 days',
        BASE.replace('ttl: 24h', 'ttl: 31d'),
        /line 16 approvals\.ttl: must be at most 30d/,
      ],
      [
        'an action ttl that is not a duration',
        BASE.replace('quorum: 2 }', 'quorum: 2, ttl: tomorrow }'),
        /line 2 actions\.pr\.merge\.ttl: expected a duration/,
      ],
      [
        'a reminder that does not come before the escalation',
        BASE.replace('remind_after: 30m', 'remind_after: 2h'),
        /line 11 tiers\.high\.escalation\.remind_after: must be shorter than escalate_after \(2h\)/,
      ],
      [
        'an escalation with neither timing',
        BASE.replace(
          '      remind_after: 30m\n      escalate_after: 2h\n      escalate_to: [slack:UCTO]\n',
          '      escalate_to: [slack:UCTO]\n',
        ),
        /line 11 tiers\.high\.escalation: set remind_after, escalate_after or both.*line 11 tiers\.high\.escalation\.escalate_to: escalate_to needs escalate_after/,
      ],
      [
        'an escalation to an unknown tier',
        BASE.replace('escalate_to: [slack:UCTO]', 'escalate_to: ceo'),
        /line 13 tiers\.high\.escalation\.escalate_to: expected a tier \(low, medium or high\) or a list of user ids/,
      ],
      [
        'an escalation of the top tier with no one to escalate to',
        BASE.replace('      escalate_to: [slack:UCTO]\n', ''),
        /line 12 tiers\.high\.escalation\.escalate_after: high is the top tier: name the people to escalate to in escalate_to/,
      ],
      [
        'a tier escalating to itself',
        BASE.replace('escalate_to: [slack:UCTO]', 'escalate_to: high'),
        /line 13 tiers\.high\.escalation\.escalate_to: a tier cannot escalate to itself/,
      ],
      [
        'an escalation to a tier with no approvers',
        BASE.replace(
          '  medium:\n    approvers: { slack_groups: [SLEADS] }\n',
          '  low:\n    approvers: { slack_groups: [SLEADS] }\n',
        ).replace('escalate_to: [slack:UCTO]', 'escalate_to: medium'),
        /line 13 tiers\.high\.escalation\.escalate_to: escalates to the medium tier, which lists no approvers of its own \(add tiers\.medium\.approvers\)/,
      ],
      [
        'an escalation that would come after the expiry',
        BASE.replace('escalate_after: 2h', 'escalate_after: 8h'),
        /line 12 tiers\.high\.escalation\.escalate_after: must be shorter than the tier's ttl \(8h\), or the approval expires first/,
      ],
      [
        'a quorum larger than the approvers listed by name',
        BASE.replace('      teams_roles: [owner]\n', '').replace('quorum: 2', 'quorum: 3'),
        /line 2 actions\.pr\.merge\.quorum: needs 3 different approvers, but the high tier lists only 2 users/,
      ],
      [
        'a quorum on a rule that is not require_approval',
        BASE.replace('mode: require_approval, quorum: 2', 'mode: ask, quorum: 2'),
        /line 2 actions\.pr\.merge\.quorum: quorum only applies to mode require_approval \(this rule is ask\)/,
      ],
      [
        'ask_if_channel_public on a rule that is not auto',
        BASE.replace('quorum: 2 }', 'quorum: 2, ask_if_channel_public: true }'),
        /line 2 actions\.pr\.merge\.ask_if_channel_public: only changes mode auto into ask \(this rule is already require_approval\)/,
      ],
      [
        'an unknown time zone',
        BASE.replace('timezone: Europe/Paris', 'timezone: Europe/Atlantis'),
        /line 18 approvals\.working_hours\.timezone: unknown time zone "Europe\/Atlantis"/,
      ],
      [
        'a start that is not a time',
        BASE.replace('start: "09:00"', 'start: "9am"'),
        /line 19 approvals\.working_hours\.start: expected a time as HH:MM/,
      ],
      [
        'a time written as a number',
        BASE.replace('end: "18:00"', 'end: 1800'),
        /line 20 approvals\.working_hours\.end: expected a time as HH:MM in quotes/,
      ],
      [
        'working hours that cross midnight',
        BASE.replace('start: "09:00"', 'start: "22:00"').replace('end: "18:00"', 'end: "06:00"'),
        /line 20 approvals\.working_hours\.end: must be later than start \(working hours cannot cross midnight\)/,
      ],
      [
        'an unknown working day',
        BASE.replace('timezone: Europe/Paris', 'timezone: Europe/Paris\n    days: [mon, funday]'),
        /line 19 approvals\.working_hours\.days\.1: /,
      ],
      [
        'an empty list of working days',
        BASE.replace('timezone: Europe/Paris', 'timezone: Europe/Paris\n    days: []'),
        /line 19 approvals\.working_hours\.days: list at least one day/,
      ],
      [
        'a working day listed twice',
        BASE.replace('timezone: Europe/Paris', 'timezone: Europe/Paris\n    days: [mon, mon]'),
        /line 19 approvals\.working_hours\.days: lists a day twice/,
      ],
      [
        'approvers at the top level, with a hint where they belong',
        `${BASE}approvers: { users: [slack:UALICE] }\n`,
        /line 1 \(root\): Unrecognized key: "approvers" \(put approvers under tiers\.<risk>\.approvers\)/,
      ],
      [
        'an unknown key in approvals',
        BASE.replace('  ttl: 24h\n', '  ttl: 24h\n  quorum: 2\n'),
        /line 16 approvals: Unrecognized key: "quorum"/,
      ],
    ];
    for (const [what, text, expected] of cases) {
      it(`rejects ${what}`, () => {
        assert.match(errorFor(text), expected);
      });
    }
  });
});
