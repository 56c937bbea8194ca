import assert from 'node:assert/strict';
import type { Connection } from 'mongoose';
import pino from 'pino';
import { demoPullFiles } from '../../../data/demo/demo-pull-files.ts';
import { DEMO_PEOPLE, DEMO_RECORDED_AT } from '../../../data/demo/demo-team.ts';
import { loadDemoDataset } from '../../../data/demo/load-demo.ts';
import { factModelsOf } from '../../../data/models/ingest-models.ts';
import { defineModels, ensureIndexes, type Models } from '../../../data/models/index.ts';
import { loadReviewHistory } from '../../../data/triage/mongo-review-history.ts';
import {
  createReviewerSuggester,
  describeReviewerReasons,
} from '../../../handlers/triage/suggest-reviewers.ts';
import type { ReviewedChange, ReviewerContext, TriagePull } from '../../../handlers/triage/types.ts';
import { openTestDatabase } from '../../support/database.ts';

const TENANT = 'T0DEMOREVIEW';
const NOW = new Date(DEMO_RECORDED_AT);
const logins = new Set<string>(DEMO_PEOPLE.map((person) => person.login));

const directoryOf = (file: string) => file.slice(0, file.lastIndexOf('/') + 1) || file;

describe('reviewer ranking on the demo data, with the explanation line', function () {
  this.timeout(120_000);
  let connection: Connection;
  let models: Models;
  let history: ReviewedChange[];
  let open: TriagePull;

  before(async () => {
    connection = await openTestDatabase(import.meta.url);
    models = defineModels(connection);
    await ensureIndexes(models);
    const deps = {
      EventRaw: models.EventRaw,
      EventPending: models.EventPending,
      facts: factModelsOf(models),
      log: pino({ level: 'silent' }),
    };
    await loadDemoDataset(models, deps, TENANT, NOW);
    history = await loadReviewHistory(models, TENANT, NOW);
    const fact = (
      await models.PullRequest.find({ tenantId: TENANT, state: 'open' }).sort({ number: 1 }).lean()
    )[0]!;
    open = {
      repo: fact.repo,
      number: fact.number,
      title: fact.title ?? '',
      url: fact.url ?? '',
      author: fact.author!,
      authorIsBot: false,
      draft: false,
      labels: [],
      requestedReviewers: fact.requestedReviewers ?? [],
      reviews: [],
      additions: fact.additions ?? 0,
      deletions: fact.deletions ?? 0,
      changedFiles: fact.changedFiles ?? 0,
      files: fact.files ?? [],
      openedAt: fact.openedAt!,
      lastActivityAt: fact.updatedAt ?? fact.openedAt!,
    };
  });
  after(() => connection.close());

  it('gives every demo PR the paths it changed, as listFiles would', async () => {
    const pulls = await models.PullRequest.find({ tenantId: TENANT }).lean();
    assert.ok(pulls.length > 60);
    for (const pull of pulls) {
      assert.deepEqual(
        pull.files,
        demoPullFiles(pull.repo, pull.title ?? '', pull.changedFiles ?? 1),
        pull.title,
      );
      assert.ok(pull.files!.length >= 1 && pull.files!.length <= (pull.changedFiles ?? 1));
    }
    assert.ok(history.length > 50, `${history.length} merged PRs in the history`);
    assert.ok(history.every((change) => change.files.length > 0 && change.reviewers.length > 0));
  });

  it("names one teammate first with the why from the team's own history, and passes over someone away", () => {
    const context: ReviewerContext = {
      isAvailable: () => true,
      openReviews: new Map([[DEMO_PEOPLE[0]!.login, 1]]),
      codeOwnersOf: () => [],
    };
    const suggester = createReviewerSuggester(history, { now: () => NOW });
    const suggestion = suggester.suggest(open, context);
    assert.ok(suggestion);
    const ranked = [suggestion.first, ...suggestion.alternatives];
    assert.equal(ranked.length, 3);
    for (const candidate of ranked) {
      assert.ok(logins.has(candidate.login), candidate.login);
      assert.notEqual(candidate.login, open.author);
    }

    // The reasons, counted again from the history by hand.
    const first = suggestion.first.login;
    const latest = history.filter((change) => change.author === open.author).slice(-20);
    const reviewed = latest.filter((change) => change.reviewers.includes(first)).length;
    const worked = Math.max(
      ...open.files.map(
        (file) =>
          history.filter(
            (change) =>
              change.repo === open.repo &&
              change.files.some((path) => path.startsWith(directoryOf(file))) &&
              (change.author === first || change.reviewers.includes(first)),
          ).length,
      ),
    );
    const openReviews = context.openReviews.get(first) ?? 0;
    const expected = [
      ...(reviewed > 0 ? [`reviewed ${reviewed} of your last ${latest.length} PRs`] : []),
      ...(worked > 0 ? [`worked on these paths in ${worked} past PR${worked === 1 ? '' : 's'}`] : []),
      openReviews === 0 ? 'no open reviews' : `${openReviews} open review${openReviews === 1 ? '' : 's'}`,
    ].join(', ');
    assert.equal(describeReviewerReasons(suggestion.first.reasons), expected);
    assert.ok(reviewed > 0 || worked > 0, `a reason beyond load: ${expected}`);

    const away = suggester.suggest(open, { ...context, isAvailable: (login) => login !== first });
    assert.equal(away?.first.login, suggestion.alternatives[0]!.login);
    assert.ok([away!.first, ...away!.alternatives].every((candidate) => candidate.login !== first));
  });
});
