import { compareText } from './compare-text.ts';
import type { FlowConfig, FlowPullRequest, FlowWorkIssue } from './flow-types.ts';
import { readStatusSpells } from './status-spells.ts';

/** One item in progress and whose it is (a PR's author, an issue's assignee). */
export interface WipItem {
  ref: string;
  kind: 'pull-request' | 'issue';
  type: string;
  owner?: string;
  startedAt: Date;
}

export interface Wip {
  total: number;
  pullRequests: number;
  issues: number;
  /** Distinct owners with something in progress. */
  owners: number;
  /** total ÷ owners: the team's load per busy person, never any one person's figure. */
  perOwner: number | null;
  /** Nobody's: no author or assignee. */
  unowned: number;
  items: WipItem[];
}

/** The type aging WIP reads a PR's thresholds from (Jira issues keep their own issue type). */
export const PULL_REQUEST_TYPE = 'Pull request';

/**
 * Work in progress at `now`: open PRs (drafts too: someone is working on them), and issues started (an active
 * status reached) and not done, whether active or waiting now (a blocked issue is still in progress).
 */
export function listWip(
  pulls: readonly FlowPullRequest[],
  issues: readonly FlowWorkIssue[],
  config: FlowConfig,
  now: Date,
): WipItem[] {
  const open = pulls
    .filter(
      (pr) =>
        pr.openedAt <= now && !(pr.mergedAt && pr.mergedAt <= now) && !(pr.closedAt && pr.closedAt <= now),
    )
    .map((pr): WipItem => ({
      ref: `${pr.repo}#${pr.number}`,
      kind: 'pull-request',
      type: PULL_REQUEST_TYPE,
      ...(pr.author ? { owner: pr.author.toLowerCase() } : {}),
      startedAt: pr.firstCommitAt && pr.firstCommitAt < pr.openedAt ? pr.firstCommitAt : pr.openedAt,
    }));
  const active = issues.flatMap((issue): WipItem[] => {
    const spells = readStatusSpells(
      { ...issue, transitions: issue.transitions.filter((move) => move.at <= now) },
      config,
    );
    const current = spells[spells.length - 1];
    const startedAt = spells.find((spell) => spell.state === 'active')?.from;
    if (!current || current.state === 'done' || !startedAt || issue.createdAt > now) return [];
    return [
      {
        ref: issue.key,
        kind: 'issue',
        type: issue.type,
        ...(issue.assignee ? { owner: issue.assignee } : {}),
        startedAt,
      },
    ];
  });
  return [...open, ...active].sort((a, b) => compareText(a.ref, b.ref));
}

/** Counts of work in progress; `owners` narrows it to some people's own (a person's WIP, shown only to them). */
export function countWip(items: readonly WipItem[], owners?: readonly string[]): Wip {
  const wanted = owners ? new Set(owners.map((owner) => owner.toLowerCase())) : undefined;
  const kept = wanted
    ? items.filter((item) => item.owner && wanted.has(item.owner.toLowerCase()))
    : [...items];
  const busy = new Set(kept.flatMap((item) => (item.owner ? [item.owner] : [])));
  return {
    total: kept.length,
    pullRequests: kept.filter((item) => item.kind === 'pull-request').length,
    issues: kept.filter((item) => item.kind === 'issue').length,
    owners: busy.size,
    perOwner: busy.size === 0 ? null : kept.filter((item) => item.owner).length / busy.size,
    unowned: kept.filter((item) => !item.owner).length,
    items: kept,
  };
}
