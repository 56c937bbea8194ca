import { approvalView } from '../../handlers/approvals/approval-view.ts';
import type { HomePull, HomeView } from '../../handlers/home/types.ts';
import { pendingApproval } from './approval-fixture.ts';

const pull = (number: number, overrides: Partial<HomePull> = {}): HomePull => ({
  repo: 'acme/payments',
  number,
  title: `Retry <refunds> & webhooks #${number}`,
  url: `https://github.com/acme/payments/pull/${number}`,
  author: 'alice',
  waitingOn: ['bob'],
  reason: 'review requested',
  ...overrides,
});

/** Alice's home: one PR of hers waiting on Bob, one with no reviewer, two waiting on her, a standup, approvals, a blocker. */
export function homeFixture(overrides: Partial<HomeView> = {}): HomeView {
  return {
    kind: 'home',
    builtAt: '2026-11-24T10:00:00.000Z',
    linked: true,
    waitingOnOthers: [pull(412), pull(413, { waitingOn: [], reason: 'no reviewer requested' })],
    waitingOnMe: [
      pull(77, {
        repo: 'acme/web',
        author: 'carol',
        waitingOn: ['alice'],
        url: 'https://github.com/acme/web/pull/77',
      }),
      pull(414, { waitingOn: ['alice'], reason: 'changes requested', ageHours: 6 }),
    ],
    standups: [
      {
        standupId: 'st-1',
        name: 'Platform daily',
        date: '2026-11-24',
        status: 'waiting',
        deadlineAt: '2026-11-24T11:00:00.000Z',
      },
      { standupId: 'st-2', name: 'Guild sync', date: '2026-11-24', status: 'answered' },
      { standupId: 'st-3', name: 'Weekly review', date: '2026-11-24', status: 'no-standup' },
    ],
    approvals: {
      views: [
        approvalView(pendingApproval({ id: 'a-1', requester: 'slack:U0BOB' }), true),
        approvalView(pendingApproval({ id: 'a-2' }), false),
      ],
      more: 1,
    },
    blockers: [
      {
        id: 'b-1',
        standupName: 'Platform daily',
        memberName: 'Bob <Lee>',
        text: 'Waiting on acme/api#7 & the <staging> keys',
        openedAt: '2026-11-23T09:40:00.000Z',
      },
    ],
    note: 'Approved and done: ran deploy.tag.',
    ...overrides,
  };
}

/** Someone without a GitHub link, in no standup, with nothing pending. */
export function emptyHomeFixture(): HomeView {
  return {
    kind: 'home',
    builtAt: '2026-11-24T10:00:00.000Z',
    linked: false,
    waitingOnOthers: [],
    waitingOnMe: [],
    standups: [],
    approvals: { views: [], more: 0 },
    blockers: [],
  };
}

/** Far more than fits: 80 PRs a list with long titles, 12 standups, 40 decidable approvals, 60 blockers. */
export function oversizedHomeFixture(): HomeView {
  const long = 'a very long title & <escaped> '.repeat(20);
  const many = (count: number, overrides: Partial<HomePull>) =>
    Array.from({ length: count }, (_, index) => pull(1000 + index, { title: long, ...overrides }));
  return homeFixture({
    waitingOnOthers: many(80, { waitingOn: Array.from({ length: 12 }, (_, i) => `reviewer-${i}`) }),
    waitingOnMe: many(80, { author: 'carol' }),
    standups: Array.from({ length: 12 }, (_, index) => ({
      standupId: `st-${index}-${'x'.repeat(300)}`,
      name: `Standup ${index} ${long}`,
      date: '2026-11-24',
      status: 'waiting' as const,
    })),
    approvals: {
      views: Array.from({ length: 40 }, (_, index) =>
        approvalView(pendingApproval({ id: `a-${index}`, requester: 'slack:U0BOB' }), true),
      ),
      more: 30,
    },
    blockers: Array.from({ length: 60 }, (_, index) => ({
      id: `b-${index}`,
      standupName: 'Platform daily',
      memberName: `Member ${index}`,
      text: long,
      openedAt: '2026-11-23T09:40:00.000Z',
    })),
    note: 'x'.repeat(5000),
  });
}
