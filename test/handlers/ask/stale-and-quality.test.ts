import assert from 'node:assert/strict';
import { findStaleDocs, isoWeek, STALE_AFTER_DAYS, UNOWNED } from '../../../handlers/ask/find-stale-docs.ts';
import { buildQualityReport, describeQualityReport } from '../../../handlers/ask/quality-report.ts';
import { staleDigestMessage } from '../../../handlers/ask/stale-digest-message.ts';

const NOW = new Date('2026-11-24T12:00:00Z');
const daysAgo = (days: number) => new Date(NOW.getTime() - days * 86_400_000);
const cite = (path: string, age: number) => ({
  source: 'github:acme/api',
  path,
  url: `u/${path}`,
  updatedAt: daysAgo(age),
});

describe('findStaleDocs', () => {
  it('reports cited docs past the age limit and docs behind unhelpful answers, to owners then authors', () => {
    const digests = findStaleDocs(
      [
        cite('old.md', STALE_AFTER_DAYS + 10),
        cite('old.md', STALE_AFTER_DAYS + 10),
        cite('fresh.md', 3),
        cite('orphan.md', 400),
      ],
      [{ source: 'github:acme/api', path: 'fresh.md' }],
      [
        { source: 'github:acme/api', path: 'old.md', owners: ['@acme/sre', '@bob'], authors: ['@carol'] },
        { source: 'github:acme/api', path: 'fresh.md', owners: [], authors: ['@dave', '@erin'] },
      ],
      NOW,
    );
    assert.deepEqual(
      digests.map((digest) => [digest.owner, digest.items.map((item) => `${item.path}: ${item.reason}`)]),
      [
        ['@acme/sre', [`old.md: cited 2 times but unchanged for ${STALE_AFTER_DAYS + 10} days`]],
        ['@bob', [`old.md: cited 2 times but unchanged for ${STALE_AFTER_DAYS + 10} days`]],
        ['@dave', ['fresh.md: marked not helpful 1 time']],
        [UNOWNED, ['orphan.md: cited 1 time but unchanged for 400 days']],
      ],
    );
  });

  it('tells the owner of a doc holding secrets where they are, beside any other reason', () => {
    const digests = findStaleDocs(
      [cite('old.md', STALE_AFTER_DAYS + 1)],
      [],
      [
        {
          source: 'github:acme/api',
          path: 'old.md',
          owners: ['@bob'],
          authors: [],
          secrets: [{ line: 4, url: 'u/old.md#L4' }],
        },
        {
          source: 'github:acme/api',
          path: 'setup.md',
          owners: [],
          authors: ['@dave'],
          secrets: [
            { line: 12, url: 'u/setup.md#L12' },
            { line: 30, url: 'u/setup.md#L30' },
          ],
        },
        { source: 'github:acme/api', path: 'clean.md', owners: ['@bob'], authors: [], secrets: [] },
      ],
      NOW,
    );
    assert.deepEqual(
      digests.map((digest) => [digest.owner, digest.items.map((item) => `${item.url}: ${item.reason}`)]),
      [
        [
          '@bob',
          [
            `u/old.md: cited 1 time but unchanged for ${STALE_AFTER_DAYS + 1} days; secret-looking text on line 4, ` +
              'masked in answers: remove it from the doc and rotate it',
          ],
        ],
        [
          '@dave',
          [
            'u/setup.md#L12: secret-looking text on lines 12, 30, masked in answers: remove it from the doc and rotate it',
          ],
        ],
      ],
    );
  });

  it('names ISO weeks, across a year boundary too', () => {
    assert.equal(isoWeek(NOW), '2026-W48');
    assert.equal(isoWeek(new Date('2027-01-01T00:00:00Z')), '2026-W53');
    assert.equal(isoWeek(new Date('2025-12-29T00:00:00Z')), '2026-W01');
  });
});

describe('buildQualityReport', () => {
  it('counts answers by kind and votes, and ranks the sources behind unhelpful answers', () => {
    const a = { source: 's', path: 'a.md' };
    const b = { source: 's', path: 'b.md' };
    const report = buildQualityReport({
      answers: [{ mode: 'llm' }, { mode: 'unknown' }, { mode: 'extractive' }, { mode: 'llm' }],
      votes: [
        { helpful: false, sources: [a, b] },
        { helpful: false, sources: [b] },
        { helpful: true, sources: [a] },
      ],
    });
    assert.deepEqual(report.byMode, { llm: 2, extractive: 1, unknown: 1 });
    assert.equal(report.unknownRate, 0.25);
    assert.equal(report.helpfulRate, 1 / 3);
    assert.deepEqual(
      report.worstSources.map((item) => [item.path, item.notHelpful]),
      [
        ['b.md', 2],
        ['a.md', 1],
      ],
    );
    assert.equal(buildQualityReport({ answers: [], votes: [] }).helpfulRate, undefined);
  });

  it('lists the docs where indexing found secrets, with their lines', () => {
    const report = buildQualityReport({
      answers: [],
      votes: [],
      documents: [
        { source: 's', path: 'setup.md', secrets: [{ line: 12 }, { line: 30 }] },
        { source: 's', path: 'clean.md', secrets: [] },
        { source: 's', path: 'old.md' },
      ],
    });
    assert.deepEqual(report.secretDocs, [{ source: 's', path: 'setup.md', lines: [12, 30] }]);
    assert.match(
      describeQualityReport(report, 30).join('\n'),
      /Docs holding secret-looking text.*\n {2}setup\.md \(s\): lines 12, 30$/,
    );
  });
});

describe('stale-docs digest messages', () => {
  const digest = (owner: string) => ({
    owner,
    items: [
      {
        source: 'folder:docs',
        path: 'docs/deploy.md',
        url: 'file:///docs/deploy.md#L1-L5',
        reason: 'marked not helpful 2 times',
      },
    ],
  });

  it('tells an owner what to look at, and says in the fallback channel whose docs they are', () => {
    const own = staleDigestMessage(digest('@alice'));
    assert.equal(own.title, '1 doc you own need a look');
    assert.match(
      own.body,
      /• docs\/deploy\.md \(folder:docs\): marked not helpful 2 times\. file:\/\/\/docs/,
    );
    const channel = staleDigestMessage(digest('@bob'), true);
    assert.equal(channel.title, 'Stale docs owned by @bob: 1 doc to look at');
    assert.match(channel.body, /@bob has no chat account linked/);
    const unowned = staleDigestMessage(digest(UNOWNED), true);
    assert.equal(unowned.title, 'Stale docs with no owner: 1 doc to look at');
    assert.match(unowned.body, /add them to CODEOWNERS/);
  });
});
