import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderViewForSlack } from '../../cards/slack/render-view.ts';
import { renderViewForTeams } from '../../cards/teams/render-view.ts';
import { renderDoraChartForTeams } from '../../cards/teams/dora-chart.ts';
import type { CommandDefinition } from '../../handlers/catalog.ts';
import { formatUsage } from '../../handlers/catalog.ts';
import { showHelp } from '../../handlers/help/show-help.ts';
import type { AnswerView } from '../../handlers/ask/types.ts';
import { buildTeamView } from '../../handlers/team/show-team.ts';
import type { TeamFactsSnapshot } from '../../handlers/team/types.ts';
import type { HelpView, Surface, View } from '../../handlers/types.ts';
import type { FlowView } from '../../handlers/flow/flow-view.ts';
import { buildPrivacyView } from '../../handlers/privacy/show-privacy.ts';
import type { TriageQueueView } from '../../handlers/triage/queue-view.ts';
import { SLACK_TRIAGE_ITEMS } from '../../cards/slack/triage-queue.ts';
import { TEAMS_TRIAGE_ITEMS } from '../../cards/teams/triage-queue.ts';
import { emptyHomeFixture, homeFixture, oversizedHomeFixture } from '../support/home-fixture.ts';
import { doraViewFixture, doraWhyFixture, emptyDoraViewFixture } from '../support/dora-fixture.ts';
import { measureSprintHealth } from '../../handlers/sprint/sprint-health.ts';
import { buildSprintHealthView } from '../../handlers/sprint/sprint-view.ts';
import type { SprintHealthView } from '../../handlers/sprint/sprint-view.ts';
import { at as sprintAt, SPRINT_37, sprintInput } from '../handlers/sprint/sprint-fixture.ts';
import { DIGEST_MAX_ITEMS } from '../../handlers/triage/build-digest-view.ts';
import type { DigestItem, TriageNoticeView } from '../../handlers/triage/notify-types.ts';
import {
  adaptiveCardProblems,
  adaptiveCardVersion,
  assertWithinSlackLimits,
} from '../support/validate-cards.ts';

const GOLDEN_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'golden');
const UPDATE = process.env.UPDATE_GOLDEN === '1';

const noop = () =>
  ({ visibility: 'private', view: { kind: 'notice', tone: 'info', title: '-', body: '-' } }) as const;

/** A fixed catalogue, so the goldens pin the renderers, not whatever commands exist today. */
const FIXTURE_COMMANDS: CommandDefinition[] = [
  { name: 'help', argsHint: '', description: 'List the commands em-agent understands.', run: noop },
  { name: 'standup', argsHint: '[team]', description: "Open today's standup for your team.", run: noop },
  { name: 'triage', argsHint: '<repo>', description: 'Show issues waiting for a first response.', run: noop },
];

function helpFor(surface: Surface, commands = FIXTURE_COMMANDS): HelpView {
  const view = showHelp(
    { actor: { surface, tenantId: 'T1', userId: 'U1' }, name: 'help', args: [], rawArgs: '' },
    commands,
  ).view;
  assert.equal(view.kind, 'help');
  return view;
}

const ANSWER_ID = '0b6f1f55-7a3e-4c53-9f0d-2c1f5a1b7e10';

function answerView(mode: AnswerView['mode'], overrides: Partial<AnswerView> = {}): AnswerView {
  return {
    kind: 'answer',
    answerId: ANSWER_ID,
    question: 'How do I roll back a <billing> deploy & why?',
    mode,
    text:
      mode === 'unknown'
        ? "I don't know: the docs I can search do not answer this. These are the closest sources."
        : 'Run the deploy script with --rollback [1]; it takes about two minutes and needs no approval [2].',
    citations: [
      {
        number: 1,
        title: 'Deploying › Roll back a deploy',
        location: 'docs/deploy.md lines 17–25',
        url: 'https://github.com/acme/payments/blob/0123abc/docs/deploy.md#L17-L25',
      },
      {
        number: 2,
        title: 'On-call handbook (a|b)',
        location: 'runbooks/oncall.md lines 3–6',
        url: 'https://github.com/acme/payments/blob/0123abc/runbooks/oncall.md#L3-L6',
      },
    ],
    people:
      mode === 'unknown'
        ? [
            { name: '@alice', reason: 'code owner of docs/deploy.md' },
            { name: 'Bob Lee', reason: 'wrote most of runbooks/oncall.md' },
          ]
        : [],
    shared: false,
    ...overrides,
  };
}

function triageView(overrides: Partial<TriageQueueView> = {}): TriageQueueView {
  return {
    kind: 'triage-queue',
    scopeLabel: 'Platform',
    scopeArgs: 'Platform',
    items: [
      {
        repo: 'acme/payments',
        number: 412,
        title: 'Retry <refunds> & webhooks',
        url: 'https://github.com/acme/payments/pull/412',
        author: 'dana',
        signal: 'waiting-for-review',
        otherSignals: ['very-large'],
        ageHours: 14,
        waitingOn: ['li', 'sam'],
        suggested: {
          login: 'li',
          why: 'owns `api/billing/`, reviewed 9 of your last 20 PRs, 2 open reviews',
        },
      },
      {
        repo: 'acme/web',
        number: 77,
        title: 'New checkout',
        url: 'https://github.com/acme/web/pull/77',
        author: 'li',
        signal: 'changes-requested',
        otherSignals: [],
        ageHours: 1,
        waitingOn: ['li'],
        takenBy: 'Ana Lima',
      },
      {
        repo: 'acme/infra',
        number: 9,
        title: 'Bump the runners',
        url: 'https://github.com/acme/infra/pull/9',
        author: 'sam',
        signal: 'failing-ci',
        otherSignals: ['merge-conflict', 'stale'],
        ageHours: 30,
        waitingOn: [],
      },
    ],
    botLane: { count: 4, repos: 2 },
    draftsLeftOut: 3,
    snoozed: 1,
    note: 'Requested a review from @li on acme/payments#412.',
    ...overrides,
  };
}

/** Far more than fits: 40 items with long titles and reasons. */
function oversizedTriage(): TriageQueueView {
  const [first] = triageView().items;
  return triageView({
    items: Array.from({ length: 40 }, (_, index) => ({
      ...first!,
      number: index + 1,
      title: `${'A very long title & <more> '.repeat(200)}`,
      suggested: { login: 'a'.repeat(39), why: 'because '.repeat(500) },
    })),
    note: 'x'.repeat(5000),
    scopeLabel: 'team '.repeat(100),
  });
}

/** Each fixture is the view a person on that surface would get. */
const TEAM_NOW = new Date('2026-11-20T12:00:00Z');
const daysBefore = (days: number) => new Date(TEAM_NOW.getTime() - days * 86_400_000);

const TEAM_SNAPSHOT: TeamFactsSnapshot = {
  people: 8,
  repositories: ['acme/payments', 'acme/web', 'acme/infra'],
  openPullRequests: [
    {
      repo: 'acme/payments',
      number: 412,
      title: 'Retry <refunds> & webhooks',
      author: 'dana',
      url: 'https://github.com/acme/payments/pull/412',
      openedAt: daysBefore(12),
      updatedAt: daysBefore(9),
    },
    {
      repo: 'acme/web',
      number: 77,
      title: 'New checkout',
      author: 'li',
      openedAt: daysBefore(2),
      updatedAt: daysBefore(1),
    },
  ],
  mergedAt: [daysBefore(1), daysBefore(3), daysBefore(10)],
  activeSprint: {
    name: 'Payments 42',
    goal: 'Saved cards GA',
    endDate: daysBefore(-3),
    issues: [
      { key: 'PAY-1', summary: 'Saved cards API', statusCategory: 'done', status: 'Done' },
      {
        key: 'PAY-2',
        summary: 'PSP sandbox',
        statusCategory: 'indeterminate',
        status: 'In Progress',
        flagged: true,
        assigneeName: 'Sam',
      },
      { key: 'PAY-3', summary: 'Refund fixes', statusCategory: 'new', status: 'To Do' },
    ],
  },
  incidents: [
    {
      title: 'Checkout latency',
      status: 'resolved',
      serviceName: 'payments-api',
      url: 'https://acme.pagerduty.com/incidents/Q1',
      triggeredAt: daysBefore(5),
      resolvedAt: new Date(daysBefore(5).getTime() + 42 * 60_000),
    },
  ],
  deployments: [
    { repo: 'acme/web', environment: 'production', latestState: 'failure', createdAt: daysBefore(4) },
    { repo: 'acme/web', environment: 'production', latestState: 'success', createdAt: daysBefore(3) },
  ],
};

const digestItem = (number: number, overrides: Partial<DigestItem> = {}): DigestItem => ({
  repo: 'acme/payments',
  number,
  title: `Retry <refunds> & webhooks ${number}`,
  url: `https://github.com/acme/payments/pull/${number}`,
  signal: 'waiting-for-review',
  ageHours: 14,
  waitingOn: ['dana', 'li'],
  suggested: 'li',
  ...overrides,
});

const NOTICE: TriageNoticeView = {
  kind: 'triage-notice',
  pull: {
    repo: 'acme/payments',
    number: 412,
    title: 'Retry <refunds> & webhooks',
    url: 'https://github.com/acme/payments/pull/412',
  },
  role: 'author',
  events: [
    {
      kind: 'changes-requested',
      by: 'li',
      at: '2026-11-19T10:00:00.000Z',
      url: 'https://github.com/acme/payments/pull/412#pullrequestreview-1',
    },
    { kind: 'approved', by: 'li', at: '2026-11-19T15:00:00.000Z' },
    {
      kind: 'ci-failed',
      detail: 'build & <test>',
      at: '2026-11-20T09:00:00.000Z',
      url: 'https://github.com/acme/payments/actions/runs/7',
    },
  ],
};

const FIXTURES: Record<string, (surface: Surface) => View> = {
  help: (surface) => helpFor(surface),
  'triage-notice': () => NOTICE,
  'triage-notice-review-requested': () => ({
    ...NOTICE,
    role: 'reviewer',
    events: [{ kind: 'review-requested', at: '2026-11-20T09:00:00.000Z' }],
  }),
  'triage-digest': () => ({
    kind: 'triage-digest',
    team: 'Payments',
    date: '2026-11-20',
    open: [
      digestItem(412),
      digestItem(77, { signal: 'failing-ci', ageHours: 1, waitingOn: ['dana'], suggested: undefined }),
    ],
    resolved: [digestItem(12)],
  }),
  'triage-digest-all-clear': () => ({
    kind: 'triage-digest',
    team: 'Payments',
    date: '2026-11-20',
    open: [],
    resolved: [digestItem(412), digestItem(77)],
  }),
  'notice-warning-with-suggestion': (surface) => ({
    kind: 'notice',
    tone: 'warning',
    title: 'I don\'t know "hlep" yet',
    body: `Did you mean ${formatUsage(surface, 'help')}?`,
    suggestion: formatUsage(surface, 'help'),
  }),
  'notice-error-without-suggestion': () => ({
    kind: 'notice',
    tone: 'error',
    title: 'Something went wrong on our side',
    body: 'It has been logged. Try again in a minute.',
  }),
  'answer-llm': () => answerView('llm'),
  'answer-extractive-shared-with-note': () =>
    answerView('extractive', {
      shared: true,
      note: "This month's AI spending cap of $200.00 has been reached.",
    }),
  'answer-unknown-with-people': () => answerView('unknown'),
  team: (surface) => buildTeamView(TEAM_SNAPSHOT, TEAM_NOW, surface),
  'team-empty': (surface) =>
    buildTeamView(
      { people: 0, repositories: [], openPullRequests: [], mergedAt: [], incidents: [], deployments: [] },
      TEAM_NOW,
      surface,
    ),
  'triage-queue': () => triageView(),
  dora: () => doraViewFixture(),
  'dora-empty': () => emptyDoraViewFixture(),
  'dora-why-lead-time': () => doraWhyFixture('lead-time'),
  'dora-why-change-fail-rate': () => doraWhyFixture('change-fail-rate', 'services'),
  'dora-why-recovery': () => doraWhyFixture('recovery', 'services'),
  'dora-why-rework-rate': () => doraWhyFixture('rework-rate', 'services'),
  'triage-queue-empty': () =>
    triageView({ items: [], note: undefined, snoozed: 0, botLane: { count: 0, repos: 0 }, draftsLeftOut: 0 }),
  home: () => homeFixture(),
  'home-empty': () => emptyHomeFixture(),
  flow: () => flowView(),
  'flow-personal': () =>
    flowView({
      scopeLabel: 'you',
      personal: true,
      ageMode: 'calendar',
      figures: [
        {
          id: 'wip',
          label: 'Your work in progress',
          value: '2',
          detail: '1 PR, 1 issue',
          trend: '▲ vs 1 before',
          direction: 'same',
          why: 'flow why wip me',
        },
        {
          id: 'turnaround',
          label: 'Your review turnaround',
          value: '3 h',
          detail: 'median of 4 first reviews · p90 26 h',
          why: 'flow why turnaround me',
        },
      ],
      aging: [],
      notes: ['Only you see these. Nobody else is shown your figures, and nobody is ranked.'],
    }),
  'flow-why': () => ({
    kind: 'flow-why',
    figure: 'Pickup',
    scopeLabel: 'Payments',
    rangeLabel: '2026-11-19 → 2026-12-02 (14 days)',
    value: '5.5 working h',
    basis:
      'From ready for review to the first review; PRs merged unreviewed have none. Median (p50) over 10 PRs merged in the range.',
    items: [
      { ref: 'acme/api#41', value: '18 working h' },
      { ref: 'acme/web#7 <&>', value: '9 working h' },
    ],
    more: 8,
  }),
  'flow-why-empty': () => ({
    kind: 'flow-why',
    figure: 'Deploy',
    scopeLabel: 'acme/api',
    rangeLabel: '2026-11-19 → 2026-12-02 (14 days)',
    value: '–',
    basis: "From the merge to the repository's next successful production deployment.",
    items: [],
    more: 0,
  }),
  privacy: () => buildPrivacyView({ rawEventsDays: 30, askAnswerDays: 90, standupAnswerDays: 180 }),
  'sprint-health-closed': () => sprintView(false, false),
  'sprint-health-active-why': () => ({
    ...sprintView(true, true),
    note: 'Also active: WEB Sprint 3 (board 9). Ask for one with /em sprint <board>.',
  }),
  'sprint-health-with-chart': () => ({
    ...sprintView(true, false),
    chartImage: {
      dataUrl: TINY_PNG,
      altText: 'Burndown of ENG Sprint 14: story points left each day against the ideal line.',
    },
  }),
  'notice-escaping': (surface) => ({
    kind: 'notice',
    tone: 'info',
    title: 'I don\'t know "<script>" & > yet',
    body: 'Tom & Jerry <b>bold</b> a > b <!channel> <@U123>',
    suggestion: formatUsage(surface, 'help <script> & >'),
  }),
};

/** A team's flow answer as the handler builds it: every figure, a trend where there is a previous one, notes. */
function flowView(overrides: Partial<FlowView> = {}): FlowView {
  const figure = (
    id: FlowView['figures'][number]['id'],
    label: string,
    value: string,
    detail: string,
    trend?: [string, 'better' | 'worse' | 'same'],
  ) => ({
    id,
    label,
    value,
    detail,
    ...(trend ? { trend: trend[0], direction: trend[1] } : {}),
    why: `flow why ${id} Payments 14d`,
  });
  return {
    kind: 'flow',
    scopeLabel: 'Payments',
    rangeLabel: '2026-11-19 → 2026-12-02 (14 days)',
    ageMode: 'working',
    personal: false,
    figures: [
      figure('cycle', 'PR cycle time', '14 working h', 'median of 12 merged PRs · p90 5 working days', [
        '▼ vs 20 working h before',
        'better',
      ]),
      figure('coding', 'Coding', '3 working h', 'median of 12 merged PRs · p90 9 working h'),
      figure('pickup', 'Pickup', '5.5 working h', 'median of 10 reviewed PRs · p90 18 working h', [
        '▲ vs 4 working h before',
        'worse',
      ]),
      figure('review', 'Review', '2 working h', 'median of 10 reviewed PRs · p90 7 working h'),
      figure('deploy', 'Deploy', '–', 'no deployed PR'),
      figure(
        'turnaround',
        'Review turnaround',
        '4 working h',
        'median of 15 first reviews · p90 16 working h',
        ['= vs 4 working h before', 'same'],
      ),
      figure('size', 'PR size', '85 lines', 'XS 2 · S 4 · M 5 · L 1 · XL 0'),
      figure('wip', 'Work in progress', '9', '5 PRs, 4 issues · 1.5 per busy person'),
      figure('aging', 'Aging WIP', '2', "of 9 in progress past their type's 85th percentile"),
      figure('efficiency', 'Flow efficiency', '41%', '7 issues finished · 1 never in progress'),
      figure('throughput', 'Throughput', '19', '12 PRs merged, 7 issues done · per week 11, 8'),
    ],
    aging: [
      { ref: 'acme/api#41', type: 'Pull request', age: '6 working days', passed: 'p95' },
      { ref: 'PAY-12 <&>', type: 'Story', age: '4 working days', passed: 'p85' },
    ],
    notes: ['More facts matched than one answer reads: the oldest were left out.'],
    ...overrides,
  };
}

/** The hand-computed sprint (test/handlers/sprint/sprint-fixture.ts), closed or on Tuesday of its week 2. */
function sprintView(active: boolean, expanded: boolean): SprintHealthView {
  const health = measureSprintHealth(
    active
      ? sprintInput({
          sprint: { ...SPRINT_37, state: 'active', completeDate: undefined },
          now: sprintAt('2026-10-13T12:00'),
        })
      : sprintInput(),
  );
  assert.ok(health);
  return buildSprintHealthView(health, { whyCommand: 'sprint why 37', expanded });
}

/** A 1×1 PNG: the real burndown is drawn at the edge and tested in test/e2e/sprint-health.test.ts. */
const TINY_PNG =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';

function render(surface: Surface, view: View): unknown {
  return surface === 'slack' ? renderViewForSlack(view) : renderViewForTeams(view);
}

async function compareWithGolden(surface: Surface, name: string, rendered: unknown): Promise<void> {
  const file = path.join(GOLDEN_DIR, surface, `${name}.json`);
  // Round-trip so `undefined` properties are dropped, as they are when the JSON is sent.
  const actual: unknown = JSON.parse(JSON.stringify(rendered));
  if (UPDATE) {
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, `${JSON.stringify(actual, null, 2)}\n`);
    return;
  }
  assert.ok(existsSync(file), `missing golden file ${file}: run with UPDATE_GOLDEN=1 and review it`);
  const expected: unknown = JSON.parse(await readFile(file, 'utf8'));
  assert.deepEqual(
    actual,
    expected,
    `${surface}/${name}.json differs; if intended, run with UPDATE_GOLDEN=1`,
  );
}

/** Help views far beyond what fits: 60 commands with 5,000-character descriptions and a long title. */
function oversizedHelp(surface: Surface): HelpView {
  const commands: CommandDefinition[] = Array.from({ length: 60 }, (_, index) => ({
    name: `command-${index}`,
    argsHint: '<a> [b] & <c>',
    description: `${index}: ${'long & <escaped> text '.repeat(250)}`.slice(0, 5000),
    run: noop,
  }));
  return { ...helpFor(surface, commands), title: `em-agent ${'commands '.repeat(40)}` };
}

const OVERSIZED: Record<string, (surface: Surface) => View> = {
  'oversized triage digest': () => ({
    kind: 'triage-digest',
    team: 'T'.repeat(400),
    date: '2026-11-20',
    open: Array.from({ length: DIGEST_MAX_ITEMS }, (_, index) =>
      digestItem(index, {
        title: '<&> '.repeat(2000),
        waitingOn: Array.from({ length: 200 }, (_, n) => `person-${n}`),
      }),
    ),
    resolved: Array.from({ length: 300 }, (_, index) => digestItem(1000 + index)),
  }),
  'oversized triage notice': () => ({
    ...NOTICE,
    pull: { ...NOTICE.pull, title: '&'.repeat(5000) },
    events: Array.from({ length: 40 }, (_, index) => ({
      kind: 'ci-failed' as const,
      detail: `<check> ${index} ${'x'.repeat(400)}`,
      at: '2026-11-20T09:00:00.000Z',
    })),
  }),
  'oversized help': oversizedHelp,
  'oversized home': () => oversizedHomeFixture(),
  'oversized notice': (surface) => ({
    kind: 'notice',
    tone: 'warning',
    title: `${'&'.repeat(1000)} title`,
    body: '<b> '.repeat(2000),
    suggestion: formatUsage(surface, 'x'.repeat(2000)),
  }),
  'oversized triage queue': oversizedTriage,
  'oversized flow': () =>
    flowView({
      scopeLabel: 'P'.repeat(400),
      figures: flowView().figures.map((figure) => ({
        ...figure,
        detail: '<&> '.repeat(2000),
        why: 'w'.repeat(5000),
      })),
      aging: Array.from({ length: 10 }, (_, index) => ({
        ref: `acme/api#${index} ${'&'.repeat(400)}`,
        type: 'x'.repeat(300),
        age: '1 h',
        passed: 'p95' as const,
      })),
      notes: Array.from({ length: 20 }, () => '<b>'.repeat(1000)),
    }),
  'oversized dora why': () => ({
    ...doraWhyFixture('lead-time'),
    summary: '<&> '.repeat(2000),
    facts: Array.from({ length: 30 }, (_, index) => ({ title: `fact ${index}`, value: 'x&'.repeat(1500) })),
    sections: Array.from({ length: 60 }, (_, index) => ({
      title: `section ${index} <b>`,
      lines: Array.from({ length: 300 }, (_, line) => `acme/api#${line} → ${'<chain> '.repeat(40)}`),
      more: 1000,
    })),
  }),
};

describe('card goldens', () => {
  for (const surface of ['slack', 'teams'] as const) {
    describe(surface, () => {
      for (const [name, fixture] of Object.entries(FIXTURES)) {
        it(`renders ${name} as in golden/${surface}/${name}.json`, async () => {
          await compareWithGolden(surface, name, render(surface, fixture(surface)));
        });
      }
    });
  }
});

describe('golden files', () => {
  it('are formatted exactly as UPDATE_GOLDEN=1 writes them', async () => {
    for (const surface of ['slack', 'teams'] as const) {
      for (const name of Object.keys(FIXTURES)) {
        const text = await readFile(path.join(GOLDEN_DIR, surface, `${name}.json`), 'utf8');
        assert.equal(text, `${JSON.stringify(JSON.parse(text), null, 2)}\n`, `${surface}/${name}.json`);
      }
    }
  });
});

describe('Slack rendering', () => {
  const all = { ...FIXTURES, ...OVERSIZED };
  for (const [name, fixture] of Object.entries(all)) {
    it(`keeps ${name} within Slack's limits`, () => {
      assertWithinSlackLimits(renderViewForSlack(fixture('slack')), name);
    });
  }

  it('fills the message up to 50 blocks and no more for a help view with 60 commands', () => {
    const message = renderViewForSlack(oversizedHelp('slack'));
    assert.equal(message.blocks.length, 50);
    assert.equal(message.blocks[0]?.type, 'header');
    assert.equal(message.blocks.at(-1)?.type, 'context');
    const first = message.blocks[2];
    assert.ok(first?.type === 'section');
    assert.equal(first.text.text.length, 3000);
    assert.ok(first.text.text.endsWith('…'));
  });

  it(`shows ${SLACK_TRIAGE_ITEMS} triage items with their buttons and says how many more there are`, () => {
    const message = renderViewForSlack(oversizedTriage());
    const rows = message.blocks.filter((block) => block.type === 'actions');
    assert.equal(rows.length, SLACK_TRIAGE_ITEMS);
    assert.match(JSON.stringify(message.blocks), new RegExp(`and ${40 - SLACK_TRIAGE_ITEMS} more`));
    const [row] = rows;
    assert.ok(row?.type === 'actions');
    assert.deepEqual(
      row.elements.map((button) => button.text.text.replace(/@a+$/, '@…')),
      [
        'Request review from @…',
        'Nudge',
        'Snooze 1 day',
        'Snooze until next commit',
        "I'm on it",
        'Open in GitHub',
      ],
    );
  });

  it('leaves out the buttons that do not apply: no reviewer to ask, nobody to nudge, already taken', () => {
    const message = renderViewForSlack(triageView());
    const labels = message.blocks
      .filter((block) => block.type === 'actions')
      .map((block) => (block.type === 'actions' ? block.elements.map((button) => button.text.text) : []));
    assert.deepEqual(labels[1], ['Nudge', 'Snooze 1 day', 'Snooze until next commit', 'Open in GitHub']);
    assert.deepEqual(labels[2], ['Snooze 1 day', 'Snooze until next commit', "I'm on it", 'Open in GitHub']);
    assert.match(JSON.stringify(message.blocks), /Ana Lima is on it/);
    assert.match(
      JSON.stringify(message.blocks),
      /Bot lane: 4 PRs by bots in 2 repositories, summarised weekly · 3 drafts left out · 1 snoozed by you/,
    );
  });

  it('names the commands that did not fit instead of dropping them silently', () => {
    const message = renderViewForSlack(oversizedHelp('slack'));
    const more = message.blocks.at(-2);
    assert.ok(more?.type === 'section');
    assert.match(more.text.text, /^…and 14 more: `/);
    assert.ok(more.text.text.length <= 3000);
  });

  it('escapes &, < and > in everything people or tools wrote, in every block', () => {
    const message = renderViewForSlack(FIXTURES['notice-escaping']!('slack'));
    const blockText = JSON.stringify(message.blocks);
    assert.ok(blockText.includes('&lt;script&gt;'), blockText);
    assert.ok(blockText.includes('Tom &amp; Jerry'), blockText);
    assert.ok(blockText.includes('&lt;!channel&gt;'), blockText);
    // Every & in the blocks starts an entity we wrote; no raw < or > reaches Slack.
    assert.doesNotMatch(blockText, /[<>]/);
    assert.doesNotMatch(blockText, /&(?!amp;|lt;|gt;)/);
  });

  it('leaves card text plain for Teams: no entities', () => {
    const card = renderViewForTeams(FIXTURES['notice-escaping']!('teams'));
    assert.equal(card.body[0]?.type === 'TextBlock' && card.body[0].text, 'I don\'t know "<script>" & > yet');
    assert.doesNotMatch(JSON.stringify(card), /&(amp|lt|gt);/);
  });
});

describe('Teams rendering', () => {
  const all = { ...FIXTURES, ...OVERSIZED };
  for (const [name, fixture] of Object.entries(all)) {
    it(`renders ${name} as a valid Adaptive Card 1.5`, () => {
      const card = renderViewForTeams(fixture('teams'));
      assert.equal(card.version, '1.5');
      assert.equal(card.type, 'AdaptiveCard');
      assert.ok(card.fallbackText.trim().length > 0, 'empty fallbackText');
      assert.equal(adaptiveCardVersion(card), '1.5');
      assert.deepEqual(adaptiveCardProblems(card), []);
    });
  }

  it(`shows ${TEAMS_TRIAGE_ITEMS} triage items, each with its Action.Execute buttons, and how many more`, () => {
    const card = renderViewForTeams(oversizedTriage());
    const items = card.body.filter((element) => element.type === 'Container');
    assert.equal(items.length, TEAMS_TRIAGE_ITEMS);
    assert.match(JSON.stringify(card.body), new RegExp(`and ${40 - TEAMS_TRIAGE_ITEMS} more`));
    assert.ok(JSON.stringify(card).length < 28_000, 'Teams refuses messages over about 28 KB');
  });

  it('turns a suggestion into an imBack button that sends it', () => {
    const card = renderViewForTeams(FIXTURES['notice-warning-with-suggestion']!('teams'));
    assert.deepEqual(card.actions, [
      { type: 'Action.Submit', title: 'Send "help"', data: { msteams: { type: 'imBack', value: 'help' } } },
    ]);
    const withoutSuggestion = renderViewForTeams(FIXTURES['notice-error-without-suggestion']!('teams'));
    assert.equal('actions' in withoutSuggestion, false);
  });

  describe('the validator itself', () => {
    const valid = () => renderViewForTeams(FIXTURES['notice-warning-with-suggestion']!('teams'));

    it('flags an unknown element type', () => {
      const broken = { ...valid(), body: [...valid().body, { type: 'Carousel3D', text: 'x' }] };
      const problems = adaptiveCardProblems(broken);
      assert.equal(problems.length, 1, problems.join('\n'));
      assert.match(problems[0]!, /UnknownElementType: Unknown element type "Carousel3D"/);
    });

    it('flags an unknown action type and a bad property value', () => {
      const broken = {
        ...valid(),
        body: [{ type: 'TextBlock', text: 'x', wrap: true, color: 'Purple' }],
        actions: [{ type: 'Action.Teleport', title: 'Go' }],
      };
      const problems = adaptiveCardProblems(broken);
      assert.ok(
        problems.some((problem) => /InvalidPropertyValue: .*"Purple"/.test(problem)),
        problems.join('\n'),
      );
      assert.ok(
        problems.some((problem) => /UnknownActionType/.test(problem)),
        problems.join('\n'),
      );
    });

    it('reads the version it is given', () => {
      assert.equal(adaptiveCardVersion({ ...valid(), version: '1.2' }), '1.2');
    });
  });
});

describe('/dora cards', () => {
  it('keeps the back button on a "why" answer too large for one Slack message, and says what did not fit', () => {
    const message = renderViewForSlack(OVERSIZED['oversized dora why']!('slack'));
    assert.ok(message.blocks.length <= 50);
    assert.equal(message.blocks.at(-1)?.type, 'actions');
    assert.match(JSON.stringify(message.blocks), /more sections did not fit/);
  });

  it('keeps a "why" card within Teams\u2019 ~28 KB however many items are behind the figure', () => {
    const card = renderViewForTeams(OVERSIZED['oversized dora why']!('teams'));
    assert.ok(JSON.stringify(card).length < 28_000, `${JSON.stringify(card).length} characters`);
    assert.deepEqual(adaptiveCardProblems(card), []);
  });

  it('renders a chart card the Adaptive Cards parser accepts', () => {
    const png =
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';
    const card = renderDoraChartForTeams(
      {
        title: 'Deployments per week',
        altText: 'none',
        dataUrl: `data:image/png;base64,${png}`,
      },
      'acme/api, last 30 days',
    );
    assert.deepEqual(adaptiveCardProblems(card), []);
    assert.equal(card.body[2]?.type, 'Image');
  });
});
