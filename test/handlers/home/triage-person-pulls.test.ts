import assert from 'node:assert/strict';
import { triagePullOf } from '../../../data/triage/mongo-triage-source.ts';
import type { PullRequestFields } from '../../../data/models/facts/pull-request.ts';
import { createTriagePersonPulls } from '../../../handlers/home/triage-person-pulls.ts';
import type { HomePull, OpenPullFacts, PersonOpenPulls } from '../../../handlers/home/types.ts';
import type { TriageSettings } from '../../../handlers/triage/types.ts';

/** A Tuesday, 10:00 UTC: the Friday before is 16 working hours ago on the default calendar. */
const NOW = new Date('2027-01-26T10:00:00Z');
const LAST_FRIDAY = new Date('2027-01-22T10:00:00Z');
const AN_HOUR_AGO = new Date('2027-01-26T09:00:00Z');

const fact = (number: number, fields: Partial<PullRequestFields>): PullRequestFields => ({
  repo: 'acme/api',
  number,
  title: `Change ${number}`,
  state: 'open',
  openedAt: AN_HOUR_AGO,
  updatedAt: AN_HOUR_AGO,
  requestedReviewers: [],
  ...fields,
});

/** Alice's #1 approved last Friday, her #2 fresh with no reviewer, Dave's #6 asking her since last Friday. */
const FACTS = [
  fact(1, {
    author: 'alice',
    openedAt: LAST_FRIDAY,
    reviewHistory: [{ reviewer: 'bob', state: 'approved', at: LAST_FRIDAY }],
  }),
  fact(2, { author: 'alice' }),
  fact(6, { author: 'dave', requestedReviewers: ['alice'], openedAt: LAST_FRIDAY }),
];

const homePull = (number: number, author: string, waitingOn: string[], reason: string): HomePull => ({
  repo: 'acme/api',
  number,
  title: `Change ${number}`,
  author,
  waitingOn,
  reason,
});

/** What the facts read gives (data/home/open-pull-facts.ts is tested on the database). */
function openOf(logins: readonly string[]): PersonOpenPulls {
  const mine = FACTS.filter(
    (pr) => logins.includes(pr.author!) || pr.requestedReviewers!.some((login) => logins.includes(login)),
  );
  return {
    lists: logins.includes('alice')
      ? {
          waitingOnOthers: [homePull(2, 'alice', [], 'no reviewer requested')],
          waitingOnMe: [
            homePull(1, 'alice', ['alice'], 'approved, not merged'),
            homePull(6, 'dave', ['alice'], 'review requested'),
          ],
        }
      : { waitingOnOthers: [], waitingOnMe: [] },
    pulls: mine.map((pr) => triagePullOf(pr)),
  };
}

function recordingFacts(reads: string[]): OpenPullFacts {
  return {
    async ofLogins(_tenantId, logins) {
      reads.push(`logins ${logins.join(',')}`);
      return openOf(logins);
    },
    async ofTenant() {
      reads.push('tenant');
      return { logins: ['alice', 'bob', 'dave'], of: openOf };
    },
  };
}

const settings = {
  async settingsOf(): Promise<TriageSettings> {
    return { thresholds: {}, botLogins: [], digestTime: '10:00' };
  },
  async save() {},
};

const line = (pull: HomePull) => `#${pull.number} ${pull.reason} ${pull.ageHours ?? '-'}`;

describe('home PR lists judged by triage', () => {
  it("puts triage's most urgent first with its signal, and my PR whose signal waits on me on my list", async () => {
    const reads: string[] = [];
    const source = createTriagePersonPulls({
      facts: recordingFacts(reads),
      settings,
      calendarsOfLogins: async () => new Map(),
    });
    const lists = await source.pullsOf('T1', ['alice'], NOW);
    // The person's PRs are read once, for the lists and for triage.
    assert.deepEqual(reads, ['logins alice']);
    assert.deepEqual(lists.waitingOnMe.map(line), [
      '#6 waiting for a first review 16',
      '#1 approved, not merged 16',
    ]);
    assert.deepEqual(lists.waitingOnOthers.map(line), ['#2 no reviewer requested -']);
  });

  it('still shows the lists from the facts when triage fails', async () => {
    const source = createTriagePersonPulls({
      facts: recordingFacts([]),
      settings,
      calendarsOfLogins: async () => {
        throw new Error('calendars are down');
      },
    });
    const lists = await source.pullsOf('T1', ['alice'], NOW);
    assert.deepEqual(lists.waitingOnMe.map(line), ['#1 approved, not merged -', '#6 review requested -']);
    assert.deepEqual(lists.waitingOnOthers.map(line), ['#2 no reviewer requested -']);
  });

  it("judges a batch of homes from one read of the tenant's PRs and of everyone's calendars", async () => {
    const reads: string[] = [];
    const calendarReads: string[][] = [];
    const deps = {
      facts: recordingFacts(reads),
      settings,
      calendarsOfLogins: async (_tenantId: string, logins: readonly string[]) => {
        calendarReads.push([...logins]);
        return new Map();
      },
    };
    const alone = await createTriagePersonPulls(deps).pullsOf('T1', ['alice'], NOW);
    reads.length = 0;
    calendarReads.length = 0;
    const batch = await createTriagePersonPulls(deps).batch!('T1');
    const [alice, dave] = await Promise.all([
      batch.pullsOf('T1', ['alice'], NOW),
      batch.pullsOf('T1', ['dave'], NOW),
    ]);
    assert.deepEqual(alice, alone);
    assert.deepEqual(dave!.waitingOnOthers.map(line), ['#6 waiting for a first review 16']);
    assert.deepEqual(reads, ['tenant']);
    assert.deepEqual(calendarReads, [['alice', 'bob', 'dave']]);
  });
});
