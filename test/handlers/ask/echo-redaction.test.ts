import assert from 'node:assert/strict';
import { answerQuestion } from '../../../handlers/ask/answer-question.ts';
import { askPerson, shareAnswer, type AnswerStore } from '../../../handlers/ask/handle-answer-action.ts';
import type { AnswerView, AskPorts, ChatReach, Passage } from '../../../handlers/ask/types.ts';
import type { NoticeView } from '../../../handlers/types.ts';

const EMAIL = 'dave@example.org';
const TOKEN = 'xoxb-123456789012-abcdefghijkl';
const QUESTION = `how do I roll back billing-api? my email is ${EMAIL} and my token is ${TOKEN}`;
const actor = { surface: 'slack' as const, tenantId: 'T1', userId: 'U0DAVE', displayName: 'dave' };

const passage: Passage = {
  id: 'p1',
  source: 'folder:/docs',
  path: 'docs/deploy.md',
  title: 'Deploying',
  headingPath: ['Deploying', 'Roll back'],
  body: 'Roll back billing-api with deploy.sh billing-api --rollback.',
  startLine: 3,
  endLine: 4,
  url: 'file:///docs/deploy.md#L3-L4',
  updatedAt: new Date(),
};

describe('the question as the bot repeats it: secrets never, contact details only to the asker', () => {
  const searched: string[] = [];
  const recorded: AnswerView[] = [];
  const ports: AskPorts = {
    knowledge: {
      async search(_tenantId, query) {
        searched.push(query);
        return [passage];
      },
    },
    people: { suggest: async () => [{ name: '@alice', reason: 'code owner of docs/deploy.md' }] },
    answers: { record: async (_tenantId, _userId, _conversation, view) => void recorded.push(view) },
  };
  const store = (view: AnswerView): AnswerStore => ({
    find: async () => view,
    saveFeedback: async () => undefined,
    claimQuestion: async () => true,
    releaseQuestion: async () => undefined,
  });

  it("masks a secret in the asker's private reply, its record and the search, and keeps their email", async () => {
    const reply = await answerQuestion({ actor, name: 'ask', args: [], rawArgs: QUESTION }, ports);
    assert.ok(reply.view.kind === 'answer');
    assert.equal(reply.visibility, 'private');
    for (const text of [reply.view.question, recorded.at(-1)!.question, searched.at(-1)!]) {
      assert.ok(!text.includes(TOKEN), text);
      assert.ok(text.includes('[secret removed]'), text);
    }
    assert.ok(reply.view.question.includes(EMAIL), 'the asker sees their own question');
  });

  it('masks contact details too when sharing with the channel and in the "ask this person" message', async () => {
    const reply = await answerQuestion({ actor, name: 'ask', args: [], rawArgs: QUESTION }, ports);
    assert.ok(reply.view.kind === 'answer');
    const view: AnswerView = {
      ...reply.view,
      mode: 'unknown',
      people: [{ name: '@alice', reason: 'owner' }],
    };

    const shared = await shareAnswer(actor, { answerId: view.answerId }, { store: store(view) });
    assert.ok(shared.kind === 'post');
    assert.ok(!shared.view.question.includes(EMAIL) && !shared.view.question.includes(TOKEN));
    assert.match(shared.view.question, /roll back billing-api\? my email is \[redacted email\]/);

    const sent: NoticeView[] = [];
    const reach: ChatReach = {
      chatAccountsOf: async () => [{ tool: 'slack', handle: 'U0ALICE' }],
      sendDirect: async (_tenantId, _account, message) => Boolean(sent.push(message)),
      post: async () => false,
    };
    const asked = await askPerson(
      actor,
      { answerId: view.answerId, person: '@alice' },
      { store: store(view), reach },
    );
    assert.equal(asked.kind, 'private');
    assert.equal(sent.length, 1);
    assert.ok(!sent[0]!.body.includes(EMAIL) && !sent[0]!.body.includes(TOKEN), sent[0]!.body);
    assert.match(sent[0]!.body, /roll back billing-api/);
  });
});
