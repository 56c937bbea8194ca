import assert from 'node:assert/strict';
import { parseBlockerRefs } from '../../../handlers/standup/parse-blocker-refs.ts';

describe('parseBlockerRefs', () => {
  const repos = ['acme/api', 'acme/web'];

  it('reads "none"-style answers as no blocker', () => {
    for (const text of [
      'none',
      'None.',
      ' no ',
      'nope',
      'Nothing',
      '-',
      '—',
      'N/A',
      'no blockers',
      'All good!',
      '',
    ]) {
      assert.deepEqual(parseBlockerRefs(text), { none: true, refs: [] }, text);
    }
    for (const text of ['No, waiting on #12', 'nothing until ABC-1 lands', 'none of the tests pass']) {
      assert.equal(parseBlockerRefs(text, { defaultRepos: repos }).none, false, text);
    }
  });

  it('finds pull requests as #n, org/repo#n and GitHub URLs', () => {
    assert.deepEqual(
      parseBlockerRefs(
        'Waiting on #42, acme/infra#7 and https://github.com/acme/web/pull/9/files (and <https://github.com/acme/api/pull/10|the fix>).',
        { defaultRepos: repos },
      ).refs,
      [
        { kind: 'pr', repos: ['acme/web'], number: 9, url: 'https://github.com/acme/web/pull/9/files' },
        { kind: 'pr', repos: ['acme/api'], number: 10, url: 'https://github.com/acme/api/pull/10' },
        { kind: 'pr', repos: ['acme/infra'], number: 7 },
        { kind: 'pr', repos: ['acme/api', 'acme/web'], number: 42 },
      ],
    );
    // No repository known: the number alone, to be looked up.
    assert.deepEqual(parseBlockerRefs('review of #5 please').refs, [{ kind: 'pr', repos: [], number: 5 }]);
  });

  it('skips numbers and keys inside other URLs, channel links and words', () => {
    assert.deepEqual(
      parseBlockerRefs(
        'see https://wiki.acme.dev/page#123 and https://ci.acme.dev/ABC-12/log, <#C0123|ops>, issue#4, &#39; #0',
        { defaultRepos: repos },
      ).refs,
      [],
    );
  });

  it('finds Jira keys, not standards or versions that look like them', () => {
    assert.deepEqual(
      parseBlockerRefs(
        'PAY-12 and https://acme.atlassian.net/browse/OPS-3 block me; UTF-8, SHA-256, ISO-8601, CVE-2024-1234, A-1, abc-12, TOOLONGPROJ1-2, V2-1.5, PAY-012',
      ).refs,
      [
        { kind: 'jira', key: 'OPS-3', url: 'https://acme.atlassian.net/browse/OPS-3' },
        { kind: 'jira', key: 'PAY-12' },
      ],
    );
    assert.deepEqual(parseBlockerRefs('blocked by PAY-12 (also PAY-12)').refs, [
      { kind: 'jira', key: 'PAY-12' },
    ]);
  });

  it('finds Slack mentions and Teams mentions named by the activity', () => {
    assert.deepEqual(parseBlockerRefs('need <@U0ALICE> and <@W0BOB|bob> to decide').refs, [
      { kind: 'person', account: { tool: 'slack', handle: 'U0ALICE' } },
      { kind: 'person', account: { tool: 'slack', handle: 'W0BOB' } },
    ]);
    const mentioned = [{ name: 'Carol Chen', account: { tool: 'teams' as const, handle: 'aad-carol' } }];
    assert.deepEqual(
      parseBlockerRefs('waiting for <at>Carol Chen</at> and <at>Someone Else</at>', { mentioned }).refs,
      [{ kind: 'person', account: { tool: 'teams', handle: 'aad-carol' } }],
    );
  });

  it('keeps a blocker that names nothing as text only', () => {
    assert.deepEqual(parseBlockerRefs('the staging database is down'), { none: false, refs: [] });
  });
});
