import { formatUsage } from '../catalog.ts';
import type { CommandInput, Reply } from '../types.ts';
import type { TeamFacts, TeamFactsSnapshot, TeamItem, TeamView } from './types.ts';

const DAY = 86_400_000;
/** An open, ready pull request with no activity for this long is stale. */
const STALE_PR_AFTER_DAYS = 7;
/** How far back resolved incidents and failed deployments are shown: about three sprints. */
const WINDOW_DAYS = 42;
const LIST_LIMIT = 5;

function ago(at: Date | undefined, now: Date): string {
  if (!at) return 'at an unknown time';
  const days = Math.floor((now.getTime() - at.getTime()) / DAY);
  if (days <= 0) return 'today';
  return days === 1 ? 'yesterday' : `${days} days ago`;
}

function minutesBetween(from: Date | undefined, to: Date | undefined): string | undefined {
  if (!from || !to) return undefined;
  const minutes = Math.round((to.getTime() - from.getTime()) / 60_000);
  return minutes < 120 ? `${minutes} min` : `${Math.round(minutes / 60)} h`;
}

function stalePullRequests(facts: TeamFactsSnapshot, now: Date): TeamItem[] {
  const cutoff = now.getTime() - STALE_PR_AFTER_DAYS * DAY;
  return facts.openPullRequests
    .filter((pr) => !pr.draft && (pr.updatedAt ?? pr.openedAt ?? now).getTime() < cutoff)
    .sort((a, b) => (a.updatedAt?.getTime() ?? 0) - (b.updatedAt?.getTime() ?? 0))
    .slice(0, LIST_LIMIT)
    .map((pr) => ({
      title: `${pr.repo}#${pr.number} ${pr.title ?? ''}`.trim(),
      detail: [
        pr.author ? `by ${pr.author}` : undefined,
        `opened ${ago(pr.openedAt, now)}`,
        `last activity ${ago(pr.updatedAt, now)}`,
        pr.reviewers?.length ? `reviewed by ${pr.reviewers.join(', ')}` : 'no review yet',
      ]
        .filter(Boolean)
        .join(' · '),
      ...(pr.url ? { url: pr.url } : {}),
    }));
}

function sprintOf(facts: TeamFactsSnapshot, now: Date): TeamView['sprint'] {
  const sprint = facts.activeSprint;
  if (!sprint) return undefined;
  const done = sprint.issues.filter((issue) => issue.statusCategory === 'done').length;
  const total = sprint.issues.length;
  const left = sprint.endDate ? Math.ceil((sprint.endDate.getTime() - now.getTime()) / DAY) : undefined;
  const ending =
    left === undefined ? '' : left > 0 ? `, ${left} day${left === 1 ? '' : 's'} left` : ', past its end date';
  const blocked = sprint.issues
    .filter(
      (issue) => issue.statusCategory !== 'done' && (issue.flagged || /block/i.test(issue.status ?? '')),
    )
    .slice(0, LIST_LIMIT)
    .map((issue) => ({
      title: `${issue.key ?? 'issue'} ${issue.summary ?? ''}`.trim(),
      detail: [issue.status, issue.flagged ? 'flagged' : undefined, issue.assigneeName]
        .filter(Boolean)
        .join(' · '),
    }));
  return {
    name: sprint.name ?? 'Active sprint',
    progress: `${done} of ${total} issues done${total ? ` (${Math.round((done / total) * 100)}%)` : ''}${ending}`,
    ...(sprint.goal ? { goal: sprint.goal } : {}),
    blocked,
  };
}

function incidentsOf(facts: TeamFactsSnapshot, now: Date): TeamItem[] {
  const open = (status: string | undefined) => (status === 'resolved' ? 1 : 0);
  return [...facts.incidents]
    .sort(
      (a, b) =>
        open(a.status) - open(b.status) || (b.triggeredAt?.getTime() ?? 0) - (a.triggeredAt?.getTime() ?? 0),
    )
    .slice(0, LIST_LIMIT)
    .map((incident) => {
      const took = minutesBetween(incident.triggeredAt, incident.resolvedAt);
      return {
        title: incident.title ?? 'Incident',
        detail: [
          incident.status === 'resolved' ? `resolved${took ? ` after ${took}` : ''}` : incident.status,
          incident.serviceName,
          `triggered ${ago(incident.triggeredAt, now)}`,
        ]
          .filter(Boolean)
          .join(' · '),
        ...(incident.url ? { url: incident.url } : {}),
      };
    });
}

function failedDeploymentsOf(facts: TeamFactsSnapshot, now: Date): TeamItem[] {
  return facts.deployments
    .filter((deployment) => deployment.latestState === 'failure' || deployment.latestState === 'error')
    .sort((a, b) => (b.createdAt?.getTime() ?? 0) - (a.createdAt?.getTime() ?? 0))
    .slice(0, LIST_LIMIT)
    .map((deployment) => ({
      title: `${deployment.repo} to ${deployment.environment ?? 'an environment'}`,
      detail: `${deployment.latestState} · ${ago(deployment.createdAt, now)}`,
    }));
}

/** Builds the team view from one snapshot of the facts; pure, so `now` is given. */
export function buildTeamView(
  facts: TeamFactsSnapshot,
  now: Date,
  surface: CommandInput['actor']['surface'],
): TeamView {
  const weekAgo = now.getTime() - 7 * DAY;
  const empty =
    facts.people === 0 &&
    facts.repositories.length === 0 &&
    facts.openPullRequests.length === 0 &&
    !facts.activeSprint;
  const sprint = sprintOf(facts, now);
  return {
    kind: 'team',
    counts: {
      people: facts.people,
      repositories: facts.repositories.length,
      openPullRequests: facts.openPullRequests.length,
      mergedThisWeek: facts.mergedAt.filter((at) => at.getTime() >= weekAgo).length,
    },
    ...(sprint ? { sprint } : {}),
    stalePullRequests: stalePullRequests(facts, now),
    incidents: incidentsOf(facts, now),
    failedDeployments: failedDeploymentsOf(facts, now),
    ...(empty
      ? {
          emptyHint: `Nothing has arrived yet. Point your GitHub, Jira and PagerDuty webhooks at em-agent or run "em-agent backfill"; then "${formatUsage(surface, 'team')}" shows your team.`,
        }
      : {}),
  };
}

/** `team`: the team at a glance (people, repos, pull requests, sprint, incidents, deployments). */
export async function showTeam(
  input: CommandInput,
  facts: TeamFacts | undefined,
  now = new Date(),
): Promise<Reply> {
  if (!facts) {
    return {
      view: {
        kind: 'notice',
        tone: 'error',
        title: 'Team data is not available',
        body: 'The fact store is not connected.',
      },
      visibility: 'private',
    };
  }
  const snapshot = await facts.snapshot(input.actor.tenantId, new Date(now.getTime() - WINDOW_DAYS * DAY));
  return { view: buildTeamView(snapshot, now, input.actor.surface), visibility: 'private' };
}
