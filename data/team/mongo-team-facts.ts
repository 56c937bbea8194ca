import type { Models } from '../models/index.ts';
import type { TeamFacts, TeamSprint } from '../../handlers/team/types.ts';

type TeamModels = Pick<
  Models,
  'Person' | 'Repository' | 'PullRequest' | 'Sprint' | 'JiraIssue' | 'Incident' | 'Deployment'
>;

/** Reads the team snapshot from the normalized facts: a handful of tenant-scoped finds, math in the handler. */
export function createTeamFacts(models: TeamModels): TeamFacts {
  async function activeSprint(tenantId: string): Promise<TeamSprint | undefined> {
    const active = await models.Sprint.find({ tenantId, state: 'active', deleted: { $ne: true } }).lean();
    const latest = active.sort((a, b) => (b.startDate?.getTime() ?? 0) - (a.startDate?.getTime() ?? 0))[0];
    if (!latest) return undefined;
    const issues = await models.JiraIssue.find(
      { tenantId, sprintIds: latest.sprintId, deleted: { $ne: true } },
      { key: 1, summary: 1, status: 1, statusCategory: 1, flagged: 1, assigneeName: 1 },
    ).lean();
    return {
      ...(latest.name ? { name: latest.name } : {}),
      ...(latest.goal ? { goal: latest.goal } : {}),
      ...(latest.startDate ? { startDate: latest.startDate } : {}),
      ...(latest.endDate ? { endDate: latest.endDate } : {}),
      issues,
    };
  }

  return {
    async snapshot(tenantId, since) {
      const [people, repositories, openPullRequests, merged, sprint, incidents, deployments] =
        await Promise.all([
          models.Person.distinct('personId', { tenantId }),
          models.Repository.find({ tenantId }, { repo: 1 }).lean(),
          models.PullRequest.find(
            { tenantId, state: 'open' },
            {
              repo: 1,
              number: 1,
              title: 1,
              author: 1,
              url: 1,
              draft: 1,
              openedAt: 1,
              updatedAt: 1,
              reviewers: 1,
            },
          ).lean(),
          models.PullRequest.find({ tenantId, mergedAt: { $gte: since } }, { mergedAt: 1 }).lean(),
          activeSprint(tenantId),
          models.Incident.find(
            { tenantId, $or: [{ status: { $ne: 'resolved' } }, { triggeredAt: { $gte: since } }] },
            { title: 1, status: 1, serviceName: 1, url: 1, triggeredAt: 1, resolvedAt: 1 },
          ).lean(),
          models.Deployment.find(
            { tenantId, createdAt: { $gte: since } },
            // Not its `url`: GitHub gives a deployment's API address, which is no page to open.
            { repo: 1, environment: 1, latestState: 1, createdAt: 1 },
          ).lean(),
        ]);
      return {
        people: people.length,
        repositories: repositories.map((repository) => repository.repo),
        openPullRequests,
        mergedAt: merged.flatMap((pr) => (pr.mergedAt ? [pr.mergedAt] : [])),
        ...(sprint ? { activeSprint: sprint } : {}),
        incidents,
        deployments,
      };
    },
  };
}
