import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderHomeForSlack } from '../../cards/slack/home.ts';
import { STANDUP_PROMPT_ACTIONS } from '../../cards/slack/standup-prompt.ts';
import type { Block } from '../../cards/slack/types.ts';
import { HOME_VERBS, renderHomeForTeams } from '../../cards/teams/home.ts';
import { emptyHomeFixture, homeFixture, oversizedHomeFixture } from '../support/home-fixture.ts';
import { adaptiveCardProblems, assertViewWithinSlackLimits } from '../support/validate-cards.ts';

const GOLDEN = path.join(path.dirname(fileURLToPath(import.meta.url)), 'golden', 'slack', 'home-tab.json');

const textOf = (blocks: Block[]) => JSON.stringify(blocks);

describe('home cards', () => {
  describe('Slack App Home tab', () => {
    it('renders as in golden/slack/home-tab.json, within the limits of a view', async () => {
      const view = renderHomeForSlack(homeFixture());
      assertViewWithinSlackLimits(view, 'home');
      const actual: unknown = JSON.parse(JSON.stringify(view));
      if (process.env.UPDATE_GOLDEN === '1') {
        await mkdir(path.dirname(GOLDEN), { recursive: true });
        await writeFile(GOLDEN, `${JSON.stringify(actual, null, 2)}\n`);
        return;
      }
      assert.ok(existsSync(GOLDEN), 'missing golden: run with UPDATE_GOLDEN=1 and review it');
      assert.deepEqual(actual, JSON.parse(await readFile(GOLDEN, 'utf8')));
    });

    it('shows the five sections in order, with an Answer button valued with the standup and day', () => {
      const { blocks } = renderHomeForSlack(homeFixture());
      const text = textOf(blocks);
      const order = [
        'Your PRs waiting on others',
        'Waiting on you',
        'Standup',
        'Approvals',
        'Open blockers in your standups',
      ].map((title) => text.indexOf(title));
      assert.ok(
        order.every((at, index) => at >= 0 && (index === 0 || at > order[index - 1]!)),
        `${order}`,
      );
      assert.match(text, /waiting on @bob \(review requested\)/);
      assert.match(text, /nobody asked yet/);
      const buttons = blocks.flatMap((block) => (block.type === 'actions' ? block.elements : []));
      const answers = buttons.filter((button) => button.action_id === STANDUP_PROMPT_ACTIONS.answer);
      assert.deepEqual(
        answers.map((button) => [button.text.text, JSON.parse(button.value ?? '')]),
        [
          ['Answer', { standupId: 'st-1', date: '2026-11-24' }],
          ['Edit answer', { standupId: 'st-2', date: '2026-11-24' }],
        ],
      );
      assert.ok(buttons.some((button) => button.action_id === 'approval.approve' && button.value === 'a-1'));
      assert.ok(!text.includes('Waiting on acme/api#7 & the <staging>'), 'blocker text is escaped');
    });

    it('says how to link GitHub, and that nothing waits, for an empty home', () => {
      const view = renderHomeForSlack(emptyHomeFixture());
      assertViewWithinSlackLimits(view, 'empty home');
      const text = textOf(view.blocks);
      assert.match(text, /\/em link github &lt;login&gt;|\/em link github <login>/);
      assert.match(text, /You are not in any standup/);
      assert.match(text, /Nothing is waiting for your decision/);
    });

    it('keeps a far oversized home within 100 blocks and every Block Kit limit, counting what it cut', () => {
      const view = renderHomeForSlack(oversizedHomeFixture());
      assertViewWithinSlackLimits(view, 'oversized home');
      assert.ok(view.blocks.length <= 100);
      const text = textOf(view.blocks);
      assert.match(text, /Open blockers in your standups\* \(60\)/, 'the blockers survive the approvals');
      assert.match(text, /more pending, newer than these/);
      assert.match(text, /…and \d+ more\./);
    });
  });

  describe('Teams home card', () => {
    it('parses with the Adaptive Cards parser and refreshes itself with Action.Execute', () => {
      for (const view of [homeFixture(), emptyHomeFixture(), oversizedHomeFixture()]) {
        const card = renderHomeForTeams(view);
        assert.deepEqual(adaptiveCardProblems(card), []);
        assert.equal(card.refresh?.action.verb, HOME_VERBS.refresh);
        assert.ok(JSON.stringify(card).length < 28_000, 'within Teams’ message size');
      }
    });

    it('answers a standup with Action.Execute on the standup and day, and opens approvals from home', () => {
      const text = JSON.stringify(renderHomeForTeams(homeFixture()));
      assert.match(text, /"verb":"standupOpen","data":\{"standupId":"st-1","date":"2026-11-24"\}/);
      assert.match(text, /"verb":"approval.open","data":\{"approvalId":"a-1","from":"home"\}/);
      assert.match(text, /Waiting on acme\/api#7 & the <staging> keys/, 'card text stays plain');
    });
  });
});
