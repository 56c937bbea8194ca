import type { TriagePorts } from '../../handlers/triage/triage-ports.ts';
import type {
  TriageItem,
  TriagePull,
  TriageQueue,
  TriageScope,
  TriageSignal,
} from '../../handlers/triage/types.ts';

/** An open PR's facts, as the triage loader would read them; override what a test is about. */
export function triagePull(repo: string, number: number, overrides: Partial<TriagePull> = {}): TriagePull {
  return {
    repo,
    number,
    title: `Change ${number}`,
    url: `https://github.com/${repo}/pull/${number}`,
    author: 'ana',
    authorIsBot: false,
    draft: false,
    labels: [],
    headSha: `sha-${number}-1`,
    requestedReviewers: [],
    reviews: [],
    additions: 40,
    deletions: 5,
    changedFiles: 3,
    files: ['api/billing/charge.ts'],
    openedAt: new Date('2026-11-30T09:00:00Z'),
    readyAt: new Date('2026-11-30T09:00:00Z'),
    lastCommitAt: new Date('2026-11-30T09:00:00Z'),
    lastActivityAt: new Date('2026-11-30T09:00:00Z'),
    ...overrides,
  };
}

export function triageItem(
  pull: TriagePull,
  signal: Partial<TriageSignal> & Pick<TriageSignal, 'waitingOn'>,
  overrides: Partial<TriageItem> = {},
): TriageItem {
  return {
    pull,
    signals: [{ kind: 'waiting-for-review', since: pull.readyAt ?? pull.openedAt, ageHours: 14, ...signal }],
    urgency: 10,
    ...overrides,
  };
}

/**
 * A queue source over a fixed set of items, standing in for the loader (branch triage-core) at the port: a
 * repository scope keeps that repository's items, a person's keeps what they wrote or what waits on them.
 */
export function fixedQueue(state: {
  items: TriageItem[];
  botLane?: TriagePull[];
  draftsLeftOut?: number;
}): TriagePorts['queue'] & { scopes: TriageScope[] } {
  const scopes: TriageScope[] = [];
  const queue = async (_tenantId: string, scope: TriageScope): Promise<TriageQueue> => {
    scopes.push(scope);
    const keep = (item: TriageItem) =>
      scope.kind === 'repo'
        ? item.pull.repo === scope.repo
        : scope.kind === 'person'
          ? scope.logins.includes(item.pull.author) ||
            item.signals.some((signal) => signal.waitingOn.some((login) => scope.logins.includes(login)))
          : true;
    return {
      items: state.items.filter(keep),
      botLane: state.botLane ?? [],
      draftsLeftOut: state.draftsLeftOut ?? 0,
    };
  };
  return Object.assign(queue, { scopes });
}
