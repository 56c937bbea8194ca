import { defined, toDate, versionOf, type FactWrite } from '../fact-write.ts';
import { categoryOf, type StatusCategories } from './status-categories.ts';
import { fieldChangeWrites } from './field-change-writes.ts';

/* Pure: a Jira webhook payload (or an issue from the REST API, from backfill) to fact writes. */

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- provider JSON

const SPRINT_STATE_RANK: Record<string, number> = { future: 0, active: 1, closed: 2 };

/** The sprint field is a custom field whose id differs per site; recognise it by its shape instead. */
function sprintsOf(fields: Json): Json[] {
  for (const [name, value] of Object.entries(fields)) {
    if (
      name.startsWith('customfield_') &&
      Array.isArray(value) &&
      value.length > 0 &&
      value.every(
        (entry) =>
          typeof entry === 'object' && entry && 'id' in entry && 'state' in entry && 'boardId' in entry,
      )
    ) {
      return value as Json[];
    }
  }
  return [];
}

/** Jira's "Flagged" field holds `[{ value: 'Impediment' }]` while an issue is flagged as blocked. */
function isFlagged(fields: Json): boolean {
  return Object.entries(fields).some(
    ([name, value]) =>
      name.startsWith('customfield_') &&
      Array.isArray(value) &&
      value.some((entry) => typeof entry === 'object' && entry?.value === 'Impediment'),
  );
}

/** Story points: "Story point estimate" (team-managed, customfield_10016) or a field named in `storyPointsField`. */
function storyPointsOf(fields: Json): number | undefined {
  const value = fields.customfield_10016 ?? fields.story_points;
  return typeof value === 'number' ? value : undefined;
}

export function jiraUserWrites(user: Json | null | undefined): FactWrite[] {
  if (!user?.accountId) return [];
  return [
    {
      kind: 'identity',
      key: { tool: 'jira', handle: user.accountId },
      onInsert: { personId: `jira:${user.accountId}` },
      once: defined({ displayName: user.displayName }),
      ...(typeof user.emailAddress === 'string'
        ? { snapshot: { version: 0, fields: { verifiedEmail: user.emailAddress.toLowerCase() } } }
        : {}),
    },
  ];
}

export function sprintWrite(sprint: Json, deleted = false): FactWrite {
  return {
    kind: 'sprint',
    key: { sprintId: Number(sprint.id) },
    snapshot: {
      version: deleted ? 9 : (SPRINT_STATE_RANK[sprint.state] ?? 0),
      fields: defined({
        name: sprint.name,
        state: sprint.state,
        boardId: sprint.originBoardId ?? sprint.boardId,
        goal: sprint.goal || undefined,
        startDate: toDate(sprint.startDate),
        endDate: toDate(sprint.endDate),
        completeDate: toDate(sprint.completeDate),
        deleted,
      }),
    },
  };
}

export function issueWrites(issue: Json, deleted = false): FactWrite[] {
  const fields: Json = issue.fields ?? {};
  const sprints = sprintsOf(fields);
  const updatedAt = toDate(fields.updated);
  const category = fields.status?.statusCategory?.key;
  return [
    {
      kind: 'issue',
      key: { issueId: String(issue.id) },
      once: defined({ createdAt: toDate(fields.created) }),
      earliest: { resolvedAt: toDate(fields.resolutiondate) },
      snapshot: {
        version: versionOf(updatedAt, deleted ? 9 : 0),
        fields: defined({
          key: issue.key,
          projectKey: fields.project?.key,
          summary: fields.summary,
          type: fields.issuetype?.name,
          status: fields.status?.name,
          statusCategory: category,
          priority: fields.priority?.name,
          labels: fields.labels,
          assignee: fields.assignee?.accountId ?? null,
          assigneeName: fields.assignee?.displayName ?? null,
          reporter: fields.reporter?.accountId,
          storyPoints: storyPointsOf(fields),
          sprintIds: sprints.map((sprint) => Number(sprint.id)),
          flagged: isFlagged(fields),
          deleted,
          updatedAt,
        }),
      },
    },
    ...sprints.map((sprint) => sprintWrite(sprint)),
    ...jiraUserWrites(fields.assignee),
    ...jiraUserWrites(fields.reporter),
  ];
}

/**
 * A changelog's status item becomes one transition; a move into an in-progress status marks `startedAt`. The
 * statuses' categories come from the status list when given (backfill), else only the current status's, from
 * the issue itself (a webhook); the enricher (enrich-status-categories.ts) fills in the rest.
 */
export function transitionWrites(
  issue: Json,
  changelog: Json | undefined,
  at: Date | undefined,
  by: Json | undefined,
  categories?: StatusCategories,
): FactWrite[] {
  const items: Json[] = changelog?.items ?? [];
  return items
    .filter((item) => item.field === 'status' || item.fieldId === 'status')
    .flatMap((item): FactWrite[] => {
      // The changelog item's field is named `toString`, which plain property access would confuse with the method.
      const to = typeof item['toString'] === 'string' ? (item['toString'] as string) : undefined;
      const from = item.fromString ?? undefined;
      const movedIntoCurrent = to !== undefined && to === issue.fields?.status?.name;
      const currentCategory = issue.fields?.status?.statusCategory?.key;
      const started = movedIntoCurrent && currentCategory === 'indeterminate';
      return [
        {
          kind: 'issueTransition',
          key: { issueId: String(issue.id), changelogId: String(changelog!.id) },
          once: defined({
            issueKey: issue.key,
            from,
            to,
            fromCategory: categoryOf(categories, item.from, from),
            toCategory:
              categoryOf(categories, item.to, to) ?? (movedIntoCurrent ? currentCategory : undefined),
            at,
            by: by?.accountId,
          }),
        } satisfies FactWrite,
        ...(started
          ? [
              {
                kind: 'issue',
                key: { issueId: String(issue.id) },
                earliest: { startedAt: at },
              } satisfies FactWrite,
            ]
          : []),
      ];
    });
}

export function normalizeJiraEvent(eventType: string, payload: Json): FactWrite[] {
  if (eventType === 'sprint_started') {
    // Marked apart from any other "active" sighting (an issue's sprint field says active too): only the start
    // event takes the sprint's start snapshot.
    const at = toDate(payload.timestamp) ?? toDate(payload.sprint?.startDate);
    return [{ ...sprintWrite(payload.sprint), event: { type: eventType, ...(at ? { at } : {}) } }];
  }
  if (eventType.startsWith('sprint_')) return [sprintWrite(payload.sprint, eventType === 'sprint_deleted')];
  const at = toDate(payload.timestamp) ?? toDate(payload.issue.fields?.updated);
  return [
    ...issueWrites(payload.issue, eventType === 'jira:issue_deleted'),
    ...transitionWrites(payload.issue, payload.changelog, at, payload.user),
    ...fieldChangeWrites(payload.issue, payload.changelog, at),
    ...jiraUserWrites(payload.user),
  ];
}
