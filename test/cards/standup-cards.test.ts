import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderStandupAnswerModal } from '../../cards/slack/standup-answer-modal.ts';
import { renderStandupSetupModal, setupBlockOf } from '../../cards/slack/standup-setup-modal.ts';
import { renderViewForSlack } from '../../cards/slack/render-view.ts';
import { renderStandupSetupCard } from '../../cards/teams/standup-setup-card.ts';
import { renderViewForTeams } from '../../cards/teams/render-view.ts';
import { defaultStandupSettings } from '../../handlers/standup/check-standup-form.ts';
import { formOfSettings, type StandupSetupView } from '../../handlers/standup/setup-view.ts';
import type {
  ReportMember,
  StandupAnswerView,
  StandupListView,
  StandupPromptView,
  StandupReportView,
  StandupStatsView,
} from '../../handlers/standup/types.ts';
import type { View } from '../../handlers/types.ts';
import {
  adaptiveCardProblems,
  assertViewWithinSlackLimits,
  assertWithinSlackLimits,
} from '../support/validate-cards.ts';

const GOLDEN_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'golden');
const UPDATE = process.env.UPDATE_GOLDEN === '1';

const QUESTIONS: StandupPromptView['questions'] = [
  { id: 'q1', text: 'What did you do since your last standup?', kind: 'text' },
  { id: 'q2', text: 'What will you do today?', kind: 'text' },
  {
    id: 'q3',
    text: 'How confident are you in the sprint?',
    kind: 'choice',
    choices: ['High', 'Medium', 'Low'],
  },
  { id: 'q4', text: 'Anything blocking you?', kind: 'text', blockers: true },
];

const prompt: StandupPromptView = {
  kind: 'standup-prompt',
  standupId: 'st_k3m9x2qa',
  standupName: 'Platform <daily> & sync',
  date: '2026-12-04',
  dateLabel: 'Friday, Dec 4',
  deadlineLabel: 'by 11:00',
  questions: QUESTIONS,
  draft: {
    done: [
      {
        kind: 'pr-merged',
        text: 'Merged acme/api#42 Fix the retry <loop>',
        url: 'https://github.com/acme/api/pull/42',
      },
      { kind: 'issue-moved', text: 'PLAT-7 moved to Done', url: 'https://acme.atlassian.net/browse/PLAT-7' },
    ],
    today: [
      { kind: 'pr-waiting', text: 'Review acme/web#9 Login page', url: 'https://github.com/acme/web/pull/9' },
    ],
    openBlockers: ['Waiting on the staging database credentials'],
  },
  prefill: {
    q1: '- Merged acme/api#42 Fix the retry loop\n- PLAT-7 moved to Done',
    q2: '- Review acme/web#9 Login page',
    q3: 'Medium',
    q4: 'Still blocked on the staging database credentials?',
  },
  answered: false,
  reminder: false,
};

const member = (index: number): ReportMember => ({
  member: { tool: 'slack', handle: `U0${String(index).padStart(4, '0')}` },
  displayName: `Person ${index}`,
});

const report: StandupReportView = {
  kind: 'standup-report',
  standupId: 'st_k3m9x2qa',
  standupName: 'Platform daily',
  date: '2026-12-04',
  dateLabel: 'Friday, Dec 4',
  summary: 'Retry fix shipped; one blocker on staging credentials.',
  answered: [member(1), member(2), member(3)],
  waiting: [member(4)],
  away: [
    { ...member(5), label: 'Holiday (IN)' },
    { ...member(6), label: 'Away until Jan 2' },
  ],
  shipped: [
    {
      kind: 'pr-merged',
      text: 'Merged acme/api#42 Fix the retry loop',
      url: 'https://github.com/acme/api/pull/42',
    },
  ],
  blockers: 1,
  complete: false,
};

const answer: StandupAnswerView = {
  kind: 'standup-answer',
  standupName: 'Platform daily',
  date: '2026-12-04',
  member: { tool: 'slack', handle: 'U0ANA' },
  displayName: 'Ana <Admin>',
  items: [
    {
      question: 'What did you do since your last standup?',
      answer: 'Merged the retry fix & wrote docs',
      blockers: false,
    },
    { question: 'Anything blocking you?', answer: 'Staging credentials', blockers: true },
  ],
  late: true,
  edited: true,
};

const list: StandupListView = {
  kind: 'standup-list',
  items: [
    {
      id: 'st_k3m9x2qa',
      name: 'Platform daily',
      reportChannel: 'C0PLATFORM',
      members: 6,
      schedule: 'Mon–Fri 09:30, due 11:00',
      paused: false,
    },
    {
      id: 'st_p7q2r8sx',
      name: 'Apps weekly',
      reportChannel: 'C0APPS',
      members: 1,
      schedule: 'Mon 10:00, due 12:00',
      paused: true,
    },
  ],
};

const stats: StandupStatsView = {
  kind: 'standup-stats',
  standupName: 'Platform daily',
  days: [
    { date: '2026-12-02', prompted: 6, answered: 5 },
    { date: '2026-12-03', prompted: 6, answered: 6 },
    { date: '2026-12-04', prompted: 5, answered: 3 },
  ],
  blockers: { opened: 3, closed: 2, carried: 1, medianHoursToUnblock: 5.5 },
};

const owner = { tool: 'slack' as const, handle: 'U0OWNER' };
const newSetup: StandupSetupView = {
  kind: 'standup-setup',
  form: formOfSettings(defaultStandupSettings({ surface: 'slack', owner }, 'C0HERE')),
};
const editSetup: StandupSetupView = {
  kind: 'standup-setup',
  standupId: 'st_k3m9x2qa',
  form: {
    ...formOfSettings({
      ...defaultStandupSettings({ surface: 'slack', owner }, 'C0PLATFORM'),
      name: 'Platform daily',
      members: [owner, { tool: 'slack', handle: 'U0ANA' }],
      questions: QUESTIONS,
      reminderMinutes: 25,
    }),
  },
  problems: {
    name: 'Keep the name under 80 characters.',
    'question-3': 'A choice question needs at least 2 choices.',
  },
};

/** Views that render as messages on both surfaces. */
const FIXTURES: Record<string, View> = {
  'standup-prompt': prompt,
  'standup-prompt-reminder-empty': {
    ...prompt,
    reminder: true,
    answered: true,
    draft: { done: [], today: [], openBlockers: [] },
  },
  'standup-report': report,
  'standup-answer': answer,
  'standup-list': list,
  'standup-list-empty': { kind: 'standup-list', items: [] },
  'standup-stats': stats,
  'standup-setup': newSetup,
};

async function compareWithGolden(surface: 'slack' | 'teams', name: string, rendered: unknown): Promise<void> {
  const file = path.join(GOLDEN_DIR, surface, `${name}.json`);
  const actual: unknown = JSON.parse(JSON.stringify(rendered));
  if (UPDATE) {
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, `${JSON.stringify(actual, null, 2)}\n`);
    return;
  }
  assert.ok(existsSync(file), `missing golden file ${file}: run with UPDATE_GOLDEN=1 and review it`);
  assert.deepEqual(actual, JSON.parse(await readFile(file, 'utf8')), `${surface}/${name}.json differs`);
}

/** A report for a big team: the parent must stay a handful of blocks. */
const bigReport: StandupReportView = {
  ...report,
  answered: Array.from({ length: 80 }, (_, index) => member(index)),
  waiting: Array.from({ length: 25 }, (_, index) => member(100 + index)),
  away: Array.from({ length: 12 }, (_, index) => ({ ...member(200 + index), label: 'Holiday (IN)' })),
  shipped: Array.from({ length: 40 }, (_, index) => ({
    kind: 'pr-merged' as const,
    text: `Merged acme/api#${index}`,
  })),
};

describe('standup cards', () => {
  for (const [name, view] of Object.entries(FIXTURES)) {
    it(`renders ${name} for Slack as in its golden, within Slack's limits`, async () => {
      const message = renderViewForSlack(view);
      assertWithinSlackLimits(message, name);
      await compareWithGolden('slack', name, message);
    });
    it(`renders ${name} for Teams as in its golden, a card the parser accepts`, async () => {
      const card = renderViewForTeams(view);
      assert.deepEqual(adaptiveCardProblems(card), []);
      await compareWithGolden('teams', name, card);
    });
  }

  it('renders the set-up modal, new and pre-filled for editing, within Slack limits (title ≤ 24)', async () => {
    const fresh = renderStandupSetupModal(newSetup, { channel: 'C0HERE' });
    const edit = renderStandupSetupModal(editSetup, {
      rows: 5,
      usergroups: [{ id: 'S0PLATFORM', handle: 'platform', name: 'Platform team' }],
    });
    assertViewWithinSlackLimits(fresh, 'new set-up');
    assertViewWithinSlackLimits(edit, 'edit set-up');
    const full = renderStandupSetupModal(editSetup, { rows: 6 });
    assertViewWithinSlackLimits(full, 'six questions');
    assert.ok(!JSON.stringify(full).includes('standup_setup_add_question'), 'no Add question at 6');
    await compareWithGolden('slack', 'standup-setup-modal', fresh);
    await compareWithGolden('slack', 'standup-setup-modal-edit', edit);
  });

  it('puts each problem on the block of its field', () => {
    const blockIds = new Set(
      renderStandupSetupModal(editSetup).blocks.flatMap((block) =>
        'block_id' in block && block.block_id ? [block.block_id] : [],
      ),
    );
    for (const field of [
      'name',
      'reportChannel',
      'members',
      'questions',
      'question-2',
      'days',
      'promptTime',
      'deadlineTime',
      'reminderMinutes',
    ] as const) {
      assert.ok(blockIds.has(setupBlockOf(field)), field);
    }
  });

  it('renders the answer modal: one input per question, pre-filled, the choice as a select', async () => {
    const modal = renderStandupAnswerModal(prompt);
    assertViewWithinSlackLimits(modal, 'answer modal');
    assert.equal(modal.callback_id, 'standup_answer');
    assert.deepEqual(JSON.parse(modal.private_metadata!), { standupId: 'st_k3m9x2qa', date: '2026-12-04' });
    await compareWithGolden('slack', 'standup-answer-modal', modal);
  });

  it('renders the Teams set-up card with problems above the inputs and values kept', async () => {
    const card = renderStandupSetupCard(editSetup, { memberEmails: 'ana@example.com', rows: 4 });
    assert.deepEqual(adaptiveCardProblems(card), []);
    const text = JSON.stringify(card.body.slice(1, 3));
    assert.match(text, /Name: Keep the name under 80/);
    assert.match(text, /Question 3: A choice question/);
    await compareWithGolden('teams', 'standup-setup-edit', card);
  });

  it('keeps a 117-member report well under 50 blocks, names summarised with "and N more"', () => {
    const message = renderViewForSlack(bigReport);
    assertWithinSlackLimits(message, 'big report');
    assert.ok(message.blocks.length <= 10, `${message.blocks.length} blocks`);
    const text = JSON.stringify(message.blocks);
    assert.match(text, /and 55 more/);
    assert.match(text, /and 30 more/);
    assert.doesNotMatch(text, /<@U/, 'a report names people; it never pings them');
    assert.deepEqual(adaptiveCardProblems(renderViewForTeams(bigReport)), []);
  });

  it('escapes what people wrote in Slack and links draft items', () => {
    const text = JSON.stringify(renderViewForSlack(prompt).blocks);
    assert.match(text, /Platform &lt;daily&gt; &amp; sync/);
    assert.match(
      text,
      /<https:\/\/github.com\/acme\/api\/pull\/42\|Merged acme\/api#42 Fix the retry &lt;loop&gt;>/,
    );
  });
});
