import assert from 'node:assert/strict';
import { createTriagePersonPulls } from '../../../handlers/home/triage-person-pulls.ts';
import type { HomePull, PersonPullSource } from '../../../handlers/home/types.ts';
import type { TriageItem, TriageQueue, TriageScope } from '../../../handlers/triage/types.ts';

const NOW = new Date('2027-01-26T10:00:00Z');

const homePull = (number: number, author: string, waitingOn: string[], reason: string): HomePull => ({
  repo: 'acme/api',
  number,
  title: `Change ${number}`,
  author,
  waitingOn,
  reason,
});

function item(
  number: number,
  author: string,
  kind: TriageItem['signals'][number]['kind'],
  waitingOn: string[],
) {
  return {
    pull: { repo: 'acme/api', number, title: `Change ${number}`, url: `https://x/${number}`, author },
    signals: [{ kind, waitingOn, since: NOW, ageHours: 12 }],
    urgency: 1,
  } as unknown as TriageItem;
}

describe('home PR lists judged by triage', () => {
  const facts: PersonPullSource = {
    async pullsOf() {
      return {
        waitingOnOthers: [
          homePull(1, 'alice', ['bob'], 'review requested'),
          homePull(2, 'alice', [], 'no reviewer requested'),
        ],
        waitingOnMe: [homePull(6, 'dave', ['alice'], 'review requested')],
      };
    },
  };

  it("puts triage's most urgent first with its signal, and my PR whose signal waits on me on my list", async () => {
    const scopes: TriageScope[] = [];
    const queue: TriageQueue = {
      items: [
        item(1, 'alice', 'approved-not-merged', ['alice']),
        item(6, 'dave', 'waiting-for-review', ['alice']),
      ],
      botLane: [],
      draftsLeftOut: 0,
    };
    const source = createTriagePersonPulls(facts, async (_tenantId, scope) => {
      scopes.push(scope);
      return queue;
    });
    const lists = await source.pullsOf('T1', ['alice'], NOW);
    assert.deepEqual(scopes, [{ kind: 'person', logins: ['alice'] }]);
    assert.deepEqual(
      lists.waitingOnMe.map((pull) => `#${pull.number} ${pull.reason} ${pull.ageHours ?? '-'}`),
      ['#1 approved, not merged 12', '#6 waiting for a first review 12'],
    );
    assert.deepEqual(
      lists.waitingOnOthers.map((pull) => `#${pull.number} ${pull.reason}`),
      ['#2 no reviewer requested'],
    );
  });

  it('still shows the lists from the facts when triage fails', async () => {
    const source = createTriagePersonPulls(facts, async () => {
      throw new Error('triage is down');
    });
    const lists = await source.pullsOf('T1', ['alice'], NOW);
    assert.equal(lists.waitingOnOthers.length, 2);
    assert.equal(lists.waitingOnMe.length, 1);
  });
});
