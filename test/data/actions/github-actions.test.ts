import assert from 'node:assert/strict';
import { githubActionExecutors } from '../../../data/actions/github-actions.ts';
import type { Approval } from '../../../handlers/approvals/types.ts';
import { FakeGitHubPulls } from '../../fakes/github-pulls-api.ts';

function approvalOf(action_type: string, target_ref: string, proposed_payload: Approval['proposed_payload']) {
  return { action_type, target_ref, proposed_payload } as Approval;
}

describe('GitHub pull-request executors (real @octokit/rest against a fake GitHub)', () => {
  const github = new FakeGitHubPulls();
  let executors: ReturnType<typeof githubActionExecutors>;

  before(async () => {
    await github.http.start();
    executors = githubActionExecutors({ token: 'ghp_fake', baseUrl: github.url });
  });
  after(() => github.http.stop());

  it('pr.label adds the labels and links the pull request', async () => {
    const result = await executors['pr.label']!(
      approvalOf('pr.label', 'github:acme/api#7', { labels: ['needs-review', 'backend'] }),
      'T1:a1',
    );
    assert.deepEqual(github.labels.get('acme/api#7'), ['needs-review', 'backend']);
    assert.equal(result.url, 'https://github.com/acme/api/pull/7');
  });

  it('pr.comment.summary posts once per idempotency key, finding its own comment on a later page', async () => {
    github.comments.set(
      'acme/api#8',
      Array.from({ length: 120 }, (_, index) => ({
        id: 1000 + index,
        body: `chatter ${index}`,
        html_url: 'x',
      })),
    );
    const approval = approvalOf('pr.comment.summary', 'github:acme/api#8', {
      body: 'Summary: 3 files changed.',
    });
    const first = await executors['pr.comment.summary']!(approval, 'T1:a2');
    const again = await executors['pr.comment.summary']!(approval, 'T1:a2');
    const mine = github.comments
      .get('acme/api#8')!
      .filter((comment) => comment.body.includes('em-agent:T1:a2'));
    assert.equal(mine.length, 1);
    assert.equal(again.url, first.url);
    assert.match(mine[0]!.body, /^Summary: 3 files changed\./);
  });

  it('pr.merge merges with the approved method; a second merge is GitHub’s 405, reported plainly', async () => {
    const approval = approvalOf('pr.merge', 'github:acme/api#9', { merge_method: 'rebase' });
    const result = await executors['pr.merge']!(approval, 'T1:a3');
    assert.match(result.summary, /merged acme\/api#9 \(6dcb09b\)/);
    const request = github.http.requests.find((entry) => entry.path === '/repos/acme/api/pulls/9/merge');
    assert.equal(JSON.parse(request!.body).merge_method, 'rebase');
    await assert.rejects(
      executors['pr.merge']!(approval, 'T1:a3'),
      /GitHub answered 405: Pull Request is not mergeable/,
    );
  });

  it('does not retry a 502 (a person decides whether to try again)', async () => {
    github.failNext.push(502);
    const before = github.http.requests.length;
    await assert.rejects(
      executors['pr.label']!(approvalOf('pr.label', 'github:acme/api#10', { labels: ['x'] }), 'T1:a4'),
      /GitHub answered 502/,
    );
    assert.equal(github.http.requests.length, before + 1);
  });

  it('refuses a target that does not name a pull request', async () => {
    await assert.rejects(
      executors['pr.merge']!(approvalOf('pr.merge', 'jira:OPS-1', {}), 'T1:a5'),
      /github:<owner>\/<repo>#<number>/,
    );
  });
});
