import assert from 'node:assert/strict';
import { MAX_CHART_DATA_URL } from '../../bot/charts/attach-chart-image.ts';
import type { AdaptiveCard, CardAction, CardElement } from '../../cards/teams/types.ts';
import { FakeBotConnector } from '../fakes/bot-connector.ts';
import { seedFlowFacts } from '../support/flow-fixture.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { readPngSize } from '../support/png.ts';
import { adaptiveCardProblems } from '../support/validate-cards.ts';

/** Without app credentials (demo mode) the demo tenant serves every activity. */
const TENANT = 'demo';
const NOW = new Date('2026-12-03T10:00:00Z');
const ANA = { id: '29:1ana', name: 'Ana Lima', aadObjectId: 'a11ce000-0000-4000-8000-00000000000a' };
const BO = { id: '29:1bo', name: 'Bo Chen', aadObjectId: 'b0b00000-0000-4000-8000-00000000000b' };
const personal = { id: 'a:1ana-personal', conversationType: 'personal' };
const groupChat = { id: '19:flow-chat@thread.v2', conversationType: 'groupChat', isGroup: true };

/** The text every imBack button in a card sends. */
function imBacks(elements: readonly (CardElement | CardAction)[]): string[] {
  return elements.flatMap((element) => {
    if (element.type === 'Action.Submit') return [element.data.msteams.value];
    if (element.type === 'Container') return imBacks(element.items);
    if (element.type === 'ActionSet') return imBacks(element.actions);
    return [];
  });
}

describe('Teams: flow, its Why? buttons, flow me and privacy (demo mode, real database)', function () {
  this.timeout(60_000);
  let connector: FakeBotConnector;
  let server: TestServer;

  before(async () => {
    connector = new FakeBotConnector();
    await connector.http.start();
    server = await startTestServer(import.meta.url, {}, { demoData: false, now: () => NOW });
    await seedFlowFacts(server.models, TENANT, NOW, {
      ana: { tool: 'teams', handle: ANA.aadObjectId },
      bo: { tool: 'teams', handle: BO.aadObjectId },
    });
  });
  after(async () => {
    await server.close();
    await connector.http.stop();
  });

  async function say(
    text: string,
    from = ANA,
    conversation: Record<string, unknown> = groupChat,
  ): Promise<AdaptiveCard> {
    const before = connector.posts().length;
    const response = await fetch(`${server.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        id: `act-${Math.random().toString(36).slice(2)}`,
        timestamp: new Date().toISOString(),
        serviceUrl: connector.serviceUrl,
        channelId: 'msteams',
        from,
        conversation,
        recipient: { id: '28:em-agent-bot', name: 'em-agent' },
        locale: 'en-US',
        channelData: {},
        type: 'message',
        text,
      }),
    });
    assert.ok(response.status < 300, `status ${response.status}`);
    // The team answer draws its chart first: the renderer's first chart loads vega (about a second, more on a busy machine).
    const deadline = Date.now() + 20_000;
    while (connector.posts().length <= before) {
      if (Date.now() > deadline) assert.fail('no reply');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const card = connector.posts().at(-1)!.activity.attachments![0]!.content as unknown as AdaptiveCard;
    assert.deepEqual(adaptiveCardProblems(card), []);
    return card;
  }

  it('answers "flow" with the team card, a Why? button on every figure, in working hours by default', async () => {
    const card = await say('flow acme/api 14d');
    const text = JSON.stringify(card.body);
    assert.match(text, /Flow: acme\/api/);
    assert.match(text, /working hours/);
    assert.match(text, /PR size: 40 lines/);
    const whys = imBacks(card.body);
    assert.equal(whys.length, 11);
    // The range by its dates: clicked tomorrow, it still explains these figures.
    assert.ok(whys.includes('flow why size acme/api 2026-11-20..2026-12-03'), whys.join(' | '));
    assert.doesNotMatch(text, /\bana\b|\bbo\b/);
    // The aging-WIP scatter inside the card, a 1x PNG data URL within the budget, the card within 40 KB.
    const image = card.body.find(
      (element): element is Extract<CardElement, { type: 'Image' }> => element.type === 'Image',
    );
    assert.ok(image, 'the aging-WIP image');
    assert.match(image.url, /^data:image\/png;base64,/);
    assert.ok(image.url.length <= MAX_CHART_DATA_URL, `${image.url.length} characters`);
    const png = Buffer.from(image.url.slice('data:image/png;base64,'.length), 'base64');
    assert.equal(readPngSize(png).height, 320, '1x, the first size that fits');
    assert.equal(image.altText, 'Aging work in progress: nothing is in progress', 'acme/api has none');
    assert.ok(JSON.stringify(card).length < 40_000, `${JSON.stringify(card).length} characters`);
    const everyone = await say('flow 14d');
    const scatter = everyone.body.find(
      (element): element is Extract<CardElement, { type: 'Image' }> => element.type === 'Image',
    );
    assert.match(
      scatter?.altText ?? '',
      /^Aging work in progress, 3 items by age: EM-7 [\d.]+ (h|days), acme\/web#13 [\d.]+ h, acme\/web#14 [\d.]+ h; too few finished items/,
    );
    assert.ok(scatter!.url.length <= MAX_CHART_DATA_URL);
    assert.ok(JSON.stringify(everyone).length < 40_000, `${JSON.stringify(everyone).length} characters`);
  });

  it('sends a Why? as the command it names and answers with the items behind the figure', async () => {
    const text = JSON.stringify((await say('flow why size acme/api 14d')).body);
    assert.match(text, /Why: PR size 40 lines/);
    assert.match(text, /acme\/api#12/);
    assert.match(text, /300 lines \(L\)/);
  });

  it('keeps "flow me" out of a group chat: answered in the personal chat, with only your work', async () => {
    const shared = JSON.stringify((await say('flow me')).body);
    assert.match(
      shared,
      /That answer is for you alone/,
      'no personal chat with Ana yet: she is told where to ask',
    );
    assert.doesNotMatch(shared, /acme\/web#13|work in progress/i);
    const mineCard = await say('flow me', ANA, personal);
    assert.ok(!mineCard.body.some((element) => element.type === 'Image'), "no chart of anyone's own work");
    const mine = JSON.stringify(mineCard.body);
    assert.match(mine, /Your flow/);
    assert.match(mine, /Your work in progress: 1/);
    const wip = JSON.stringify((await say('flow why wip me', ANA, personal)).body);
    assert.match(wip, /acme\/web#13/);
    assert.doesNotMatch(wip, /acme\/web#14|EM-7/);

    // Now that the bot knows her personal chat, asking in the group chat answers her there.
    const before = connector.posts().length;
    const note = JSON.stringify((await say('flow me')).body);
    assert.match(note, /Answered in our personal chat/);
    assert.doesNotMatch(note, /acme\/web#13|work in progress/i);
    const sent = connector.posts().slice(before);
    const inGroup = sent.filter((post) => post.conversationId === groupChat.id);
    const inPersonal = sent.filter((post) => post.conversationId === personal.id);
    assert.equal(inGroup.length, 1, 'only the note in the group chat');
    assert.equal(inPersonal.length, 1);
    assert.match(JSON.stringify(inPersonal[0]!.activity), /Your work in progress: 1/);
  });

  it('answers "privacy" with what is stored, for how long and who sees what', async () => {
    const text = JSON.stringify((await say('privacy')).body);
    assert.match(text, /What em-agent stores, and who sees it/);
    assert.match(text, /Standup answers: 180 days/);
    assert.match(text, /Who sees what/);
  });
});
