import assert from 'node:assert/strict';
import { createStandupStore } from '../../data/standup/mongo-standup-store.ts';
import type { TriageItem, TriageQueue } from '../../handlers/triage/types.ts';
import { TRIAGE_DIGEST_JOB } from '../../jobs/triage-digest.ts';
import { TRIAGE_NOTIFY_JOB } from '../../jobs/triage-notify.ts';
import { FakeBotConnector } from '../fakes/bot-connector.ts';
import { failedWorkflowRunEvent, pullRequestEvent, reviewEvent } from '../support/github-pr-events.ts';
import { runJobOn } from '../support/run-job.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { eventually } from '../support/standup-tick.ts';
import { sendGithub } from '../support/webhook-delivery.ts';

/** Without app credentials (demo mode) the demo tenant serves every activity from a loopback serviceUrl. */
const TENANT = 'demo';
const GITHUB_SECRET = 'e2e-triage-teams-github-secret';
const TEAM_ID = '19:team-platform@thread.tacv2';
const CHANNEL = '19:channel-triage@thread.tacv2';

interface Person {
  id: string;
  name: string;
  aadObjectId: string;
}
const ANA: Person = { id: '29:1ana', name: 'Ana', aadObjectId: 'a0a00000-0000-4000-8000-000000000001' };
const RAVI: Person = { id: '29:1ravi', name: 'Ravi', aadObjectId: 'b0b00000-0000-4000-8000-000000000002' };
const personalChat = (person: Person) => `a:personal-${person.aadObjectId.toLowerCase()}`;
const channel = { id: CHANNEL, conversationType: 'channel', isGroup: true };

const waiting = (number: number): TriageItem => {
  const at = new Date('2027-01-25T09:00:00Z');
  return {
    pull: {
      repo: 'acme/api',
      number,
      title: `Change ${number}`,
      url: `https://github.com/acme/api/pull/${number}`,
      author: 'ana-gh',
      authorIsBot: false,
      draft: false,
      labels: [],
      requestedReviewers: ['ravi-gh'],
      reviews: [],
      additions: 1,
      deletions: 1,
      changedFiles: 1,
      files: [],
      openedAt: at,
      lastActivityAt: at,
    },
    signals: [{ kind: 'waiting-for-review', waitingOn: ['ravi-gh'], since: at, ageHours: 8 }],
    urgency: 8,
  };
};

describe('PR notifications and the triage digest in Teams, with the clock moved', function () {
  this.timeout(120_000);
  let connector: FakeBotConnector;
  let server: TestServer;
  let clock = new Date('2027-01-25T08:00:00Z');
  let queue: TriageItem[] = [];

  before(async () => {
    connector = new FakeBotConnector();
    await connector.http.start();
    server = await startTestServer(
      import.meta.url,
      { GITHUB_WEBHOOK_SECRET: GITHUB_SECRET },
      {
        now: () => clock,
        scheduler: { processEvery: 100 },
        triageQueue: async (): Promise<TriageQueue> => ({ items: queue, botLane: [], draftsLeftOut: 0 }),
      },
    );
    for (const [person, typed] of [
      [ANA, 'tz Europe/London'],
      [ANA, 'link github ana-gh'],
      [ANA, 'notify on'],
      [RAVI, 'tz Europe/London'],
      [RAVI, 'link github ravi-gh'],
      [RAVI, 'notify on'],
    ] as const) {
      await say(person, typed);
    }
    await say(ANA, 'help', channel);
    await createStandupStore(server.models.Standup, server.models.StandupAnswer).create(
      TENANT,
      {
        name: 'Platform',
        surface: 'teams',
        reportChannel: CHANNEL,
        owner: { tool: 'teams', handle: ANA.aadObjectId },
        members: [ANA, RAVI].map((person) => ({ tool: 'teams' as const, handle: person.aadObjectId })),
        memberSource: { kind: 'people' },
        questions: [{ id: 'q1', text: 'Anything blocking you?', kind: 'text', blockers: true }],
        days: [],
        promptTime: '09:30',
        deadlineTime: '11:00',
        reminderMinutes: null,
      },
      clock,
    );
  });
  after(async () => {
    await server.close();
    await connector.http.stop();
  });

  async function say(person: Person, text: string, conversation: Record<string, unknown> = {}) {
    const before = connector.posts().length;
    const response = await fetch(`${server.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        id: `act-${Math.random().toString(36).slice(2)}`,
        type: 'message',
        text,
        timestamp: new Date().toISOString(),
        serviceUrl: connector.serviceUrl,
        channelId: 'msteams',
        from: person,
        conversation:
          'id' in conversation ? conversation : { id: personalChat(person), conversationType: 'personal' },
        recipient: { id: '28:em-agent-bot', name: 'em-agent' },
        locale: 'en-US',
        channelData: 'id' in conversation ? { team: { id: TEAM_ID } } : {},
      }),
    });
    assert.ok(response.status < 300, `status ${response.status}`);
    await eventually(() => connector.posts().length > before, `no reply to "${text}"`);
  }

  async function github(event: string, payload: unknown, now: string): Promise<void> {
    clock = new Date(now);
    assert.equal((await sendGithub(server.url, GITHUB_SECRET, event, payload)).status, 202);
    await server.normalizer.idle();
    await server.normalizer.drainAll();
  }

  async function run(job: string, now: string): Promise<void> {
    clock = new Date(now);
    await runJobOn(server, job);
  }

  let setup = 0;
  const cardsTo = (person: Person) =>
    connector
      .posts()
      .slice(setup)
      .filter((post) => post.conversationId === personalChat(person));
  const textOf = (value: unknown) => JSON.stringify(value);

  it("sends Ravi a card in his personal chat in his working hours, and edits Ana's card in place", async () => {
    setup = connector.posts().length;
    const pull = { number: 7, author: 'ana-gh', reviewers: ['ravi-gh'], updatedAt: '2027-01-25T08:00:00Z' };
    await github('pull_request', pullRequestEvent('opened', pull), '2027-01-25T08:00:00Z');
    await run(TRIAGE_NOTIFY_JOB, '2027-01-25T08:30:00Z');
    assert.equal(cardsTo(RAVI).length, 0, 'before 09:00 in London');
    await run(TRIAGE_NOTIFY_JOB, '2027-01-25T09:00:00Z');
    assert.equal(cardsTo(RAVI).length, 1);
    assert.match(textOf(cardsTo(RAVI)[0]!.activity), /acme\/api#7: Your review was requested/);

    await github(
      'pull_request_review',
      reviewEvent(pull, { id: 901, by: 'ravi-gh', state: 'changes_requested', at: '2027-01-25T09:30:00Z' }),
      '2027-01-25T09:30:00Z',
    );
    await run(TRIAGE_NOTIFY_JOB, '2027-01-25T09:31:00Z');
    assert.equal(cardsTo(ANA).length, 1);
    assert.match(textOf(cardsTo(ANA)[0]!.activity), /ravi-gh requested changes/);
    const updatesBefore = connector.updates().length;
    await github(
      'workflow_run',
      failedWorkflowRunEvent({ id: 91, sha: 'sha7', at: '2027-01-25T09:40:00Z', actor: 'ana-gh' }),
      '2027-01-25T09:40:00Z',
    );
    await run(TRIAGE_NOTIFY_JOB, '2027-01-25T09:41:00Z');
    assert.equal(cardsTo(ANA).length, 1, 'no second card');
    const edits = connector.updates().slice(updatesBefore);
    assert.equal(edits.length, 1);
    assert.equal(edits[0]!.conversationId, personalChat(ANA));
    assert.match(textOf(edits[0]), /CI failed: build/);
  });

  it('posts the digest card in the team channel at 10:00 and updates it when the PR is resolved', async () => {
    await run(TRIAGE_DIGEST_JOB, '2027-01-25T09:59:00Z');
    queue = [waiting(7)];
    await run(TRIAGE_DIGEST_JOB, '2027-01-25T10:00:00Z');
    const posted = connector
      .posts()
      .slice(setup)
      .filter((post) => post.conversationId === CHANNEL);
    assert.equal(posted.length, 1);
    assert.match(textOf(posted[0]!.activity), /PR triage · Platform · 2027-01-25/);
    const updatesBefore = connector.updates().length;
    queue = [];
    await run(TRIAGE_DIGEST_JOB, '2027-01-25T12:00:00Z');
    const edits = connector.updates().slice(updatesBefore);
    assert.equal(edits.length, 1);
    assert.equal(edits[0]!.conversationId, CHANNEL);
    assert.match(textOf(edits[0]), /All 1 PR from this morning are resolved/);
    assert.equal(
      connector
        .posts()
        .slice(setup)
        .filter((post) => post.conversationId === CHANNEL).length,
      1,
    );
  });
});
