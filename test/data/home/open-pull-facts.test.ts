import assert from 'node:assert/strict';
import type { Connection } from 'mongoose';
import { accountsTouchedBy } from '../../../data/home/accounts-touched-by-writes.ts';
import { createOpenPullFacts } from '../../../data/home/open-pull-facts.ts';
import { githubLoginsOf } from '../../../data/home/github-logins.ts';
import { defineModels, ensureIndexes, type Models } from '../../../data/models/index.ts';
import type { PullRequestFields } from '../../../data/models/facts/pull-request.ts';
import type { IdentityTool } from '../../../data/models/person.ts';
import { openTestDatabase } from '../../support/database.ts';

const T = 'T0HOME';
const NOW = new Date('2027-01-26T10:00:00Z');

describe('home PR lists from the facts (real database)', function () {
  this.timeout(60_000);
  let connection: Connection;
  let models: Models;

  const pr = (number: number, fields: Partial<PullRequestFields>, tenantId = T) =>
    models.PullRequest.create({
      _id: `${tenantId}|acme/api|${number}`,
      tenantId,
      snapshotVersion: 1,
      repo: 'acme/api',
      number,
      title: `Change ${number}`,
      url: `https://github.com/acme/api/pull/${number}`,
      state: 'open',
      ...fields,
    });
  /** A review as the enricher copies it onto its PR (`reviewHistory`). */
  const review = (reviewer: string, state: string, minutes: number) => ({
    reviewer,
    state,
    at: new Date(NOW.getTime() - minutes * 60_000),
  });
  const person = (tool: IdentityTool, handle: string, personId: string, tenantId = T) =>
    models.Person.create({
      _id: `${tenantId}|${tool}|${handle}`,
      tenantId,
      snapshotVersion: 1,
      tool,
      handle,
      personId,
    });

  before(async () => {
    connection = await openTestDatabase(import.meta.url);
    models = defineModels(connection);
    await ensureIndexes(models);
    await pr(1, { author: 'alice', requestedReviewers: ['bob', 'carol'] });
    await pr(2, { author: 'alice', requestedReviewers: [] });
    await pr(3, { author: 'alice', requestedReviewers: [], approvedAt: NOW });
    await pr(4, {
      author: 'alice',
      requestedReviewers: ['carol'],
      // Newest first, as a careless writer might store them: the latest state still wins.
      reviewHistory: [review('bob', 'changes_requested', 30), review('bob', 'approved', 90)],
    });
    await pr(5, { author: 'alice', draft: true, requestedReviewers: ['bob'] });
    await pr(6, { author: 'dave', requestedReviewers: ['alice'] });
    await pr(7, { author: 'dave', requestedReviewers: ['alice'], state: 'merged' });
    await pr(8, { author: 'dave', requestedReviewers: ['alice'] }, 'T0OTHER');
    await person('slack', 'U0ALICE', 'p-alice');
    await person('github', 'alice', 'p-alice');
    await person('teams', 'aad-alice', 'p-alice');
    await person('slack', 'U0BOB', 'p-bob');
    await person('github', 'bob', 'p-bob');
    await person('slack', 'U0CAROL', 'p-carol');
    await person('github', 'carol', 'p-carol', 'T0OTHER');
  });
  after(async () => {
    await connection.dropDatabase();
    await connection.close();
  });

  it('splits my open PRs by whom they wait on, and adds the PRs requesting my review', async () => {
    const { lists, pulls } = await createOpenPullFacts(models).ofLogins(T, ['alice']);
    const line = (pull: { number: number; waitingOn: string[]; reason: string }) =>
      `#${pull.number} ${pull.waitingOn.join('+')} ${pull.reason}`;
    assert.deepEqual(lists.waitingOnOthers.map(line).sort(), [
      '#1 bob+carol review requested',
      '#2  no reviewer requested',
    ]);
    assert.deepEqual(lists.waitingOnMe.map(line).sort(), [
      '#3 alice approved, not merged',
      '#4 alice changes requested',
      '#6 alice review requested',
    ]);
    // Drafts, closed PRs and another tenant's PRs are left out.
    const numbers = [...lists.waitingOnMe, ...lists.waitingOnOthers].map((pull) => pull.number);
    for (const left of [5, 7, 8]) assert.ok(!numbers.includes(left), `#${left}`);
    // Triage reads the same PRs, drafts included (it keeps a person's long drafts), with their reviews.
    assert.deepEqual(
      pulls.map((pull) => pull.number),
      [1, 2, 3, 4, 5, 6],
    );
    assert.deepEqual(
      pulls.find((pull) => pull.number === 4)!.reviews.map((r) => r.state),
      ['changes_requested', 'approved'],
    );
  });

  it("reads the tenant's open PRs once and picks each person's from them as their own read does", async () => {
    const facts = createOpenPullFacts(models);
    const tenant = await facts.ofTenant(T);
    assert.deepEqual(tenant.of(['alice']), await facts.ofLogins(T, ['alice']));
    assert.deepEqual(tenant.of(['bob']), await facts.ofLogins(T, ['bob']));
    assert.deepEqual(tenant.logins.sort(), ['alice', 'bob', 'carol', 'dave']);
    assert.deepEqual(tenant.of(['nobody']), { lists: { waitingOnOthers: [], waitingOnMe: [] }, pulls: [] });
  });

  it('finds the GitHub logins behind a chat account, and the chat accounts a PR write touches', async () => {
    assert.deepEqual(await githubLoginsOf(models.Person, T, { tool: 'slack', handle: 'U0ALICE' }), ['alice']);
    assert.deepEqual(await githubLoginsOf(models.Person, T, { tool: 'slack', handle: 'U0NOBODY' }), []);
    const touched = await accountsTouchedBy(models, T, [
      { kind: 'pullRequest', key: { repo: 'acme/api', number: 1 } },
      { kind: 'review', key: { repo: 'acme/api', reviewId: 99 } },
    ]);
    const keys = touched.map((account) => `${account.tool}:${account.handle}`).sort();
    // Alice wrote it, Bob is asked; Carol is asked too but her GitHub login is linked in another tenant only.
    assert.deepEqual(keys, ['slack:U0ALICE', 'slack:U0BOB', 'teams:aad-alice']);
    assert.deepEqual(await accountsTouchedBy(models, T, [{ kind: 'commit', key: { sha: 'abc' } }]), []);
  });
});
