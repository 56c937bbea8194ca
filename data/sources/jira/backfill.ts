import { createAgileClient, createCloudClient, isApiError, isRateLimitError } from 'jira.js';
import { createClient } from 'jira.js/core';
import { toDate, type FactWrite } from '../fact-write.ts';
import {
  applyWrites,
  emptyTally,
  resumableWalk,
  runStream,
  windowStart,
  type BackfillContext,
  type StreamResult,
} from '../backfill/backfill-context.ts';
import { withRetries, type HttpOutcome } from '../backfill/retry-policy.ts';
import { walkListing } from '../backfill/walk-listing.ts';
import { fieldChangeWrites } from './field-change-writes.ts';
import { issueWrites, jiraUserWrites, sprintWrite, transitionWrites } from './normalize.ts';
import { categoryOf, statusCategoriesOf, type StatusCategories } from './status-categories.ts';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- Jira JSON

export interface JiraBackfillOptions {
  /** The site, e.g. https://your-team.atlassian.net (or a test fake). */
  baseUrl: string;
  email: string;
  apiToken: string;
  pageSize?: number;
}

const FIRST = 'first';

/**
 * jira.js parses documented date fields into Date objects; the normalizer reads the wire format (ISO text), as
 * webhooks deliver it. A JSON round trip gives back what Jira sent.
 */
const asWire = (value: unknown): Json[] => JSON.parse(JSON.stringify(value ?? [])) as Json[];

function outcomeOf(error: unknown): HttpOutcome | undefined {
  if (!isApiError(error)) return undefined;
  const retryAfterMs = isRateLimitError(error) ? error.retryAfterMs : undefined;
  return {
    status: error.status,
    headers: retryAfterMs === undefined ? {} : { 'retry-after': retryAfterMs / 1000 },
  };
}

/** JQL wants "yyyy-MM-dd HH:mm" (in the API user's time zone; Cloud sites default to UTC for API users). */
const jqlTime = (date: Date) => `"${date.toISOString().slice(0, 16).replace('T', ' ')}"`;

/**
 * The issue as it stood right after one changelog entry: its status is the one moved into, so the same
 * transition normalizer that sees each webhook sets `startedAt` for a move into an in-progress status.
 */
function issueAsOf(issue: Json, history: Json, categories: StatusCategories): Json {
  const status = (history.items ?? []).find(
    (item: Json) => item.field === 'status' || item.fieldId === 'status',
  );
  const name = status?.['toString'] as string | undefined;
  if (!name) return issue;
  return {
    ...issue,
    fields: {
      ...issue.fields,
      status: { name, statusCategory: { key: categoryOf(categories, status.to, name) } },
    },
  };
}

function writesOf(issue: Json, histories: Json[], categories: StatusCategories): FactWrite[] {
  return [
    ...issueWrites(issue),
    ...histories.flatMap((history) => [
      ...transitionWrites(
        issueAsOf(issue, history, categories),
        history,
        toDate(history.created),
        history.author,
        categories,
      ),
      ...fieldChangeWrites(issue, history, toDate(history.created)),
      ...jiraUserWrites(history.author),
    ]),
  ];
}

/**
 * Backfills Jira issues updated in the range (JQL search with the changelog expanded: each status change becomes
 * a transition) and the sprints of every scrum board, through the webhook normalizer.
 */
export async function backfillJira(
  options: JiraBackfillOptions,
  context: BackfillContext,
): Promise<StreamResult[]> {
  const client = createClient({
    host: options.baseUrl,
    auth: { type: 'basic', email: options.email, apiToken: options.apiToken },
    // One attempt per call: rate limits and 5xx are retried by withRetries, with its waits.
    retry: { maxAttempts: 1 },
    onSchemaMismatch: 'silent',
  });
  const jira = createCloudClient(client);
  const agile = createAgileClient(client);
  const call = <T>(request: () => Promise<T>) => withRetries(request, outcomeOf, context.waits);
  const pageSize = options.pageSize ?? 50;

  // Sprints first: a board's sprint carries fields (completeDate) that the copy inside an issue lacks, and a
  // snapshot of the same state rank does not replace an earlier one.
  const sprints = await runStream('jira:sprints', () =>
    walkListing<Json>(
      {
        stream: 'jira:sprints',
        first: '0',
        fetch: async (position) => {
          const page = await call(() =>
            agile.board.getAllBoards({ startAt: Number(position), maxResults: pageSize, type: 'scrum' }),
          );
          const boards = asWire(page.values);
          return {
            items: boards,
            next: page.isLast === false ? String(Number(position) + boards.length) : undefined,
          };
        },
        apply: async (boards) => {
          for (const board of boards) {
            for (let startAt = 0, isLast = false; !isLast;) {
              const page = await call(() =>
                agile.board.getAllSprints({ boardId: board.id, startAt, maxResults: 50 }),
              );
              const values = asWire(page.values);
              await applyWrites(
                context,
                values.map((sprint) => sprintWrite(sprint)),
              );
              startAt += values.length;
              isLast = page.isLast !== false || values.length === 0;
            }
          }
          return false;
        },
      },
      context.cursors,
      resumableWalk(context, 'jira:sprints'),
    ),
  );
  const issues = await runStream('jira:issues', async () => {
    const since = await windowStart(context, 'jira:issues');
    if (!since) return emptyTally();
    const categories = statusCategoriesOf(asWire(await call(() => jira.workflowStatuses.getStatuses())));
    const jql =
      `updated >= ${jqlTime(since)}` +
      (context.until ? ` AND updated <= ${jqlTime(context.until)}` : '') +
      ' ORDER BY updated ASC';
    return walkListing<Json>(
      {
        stream: 'jira:issues',
        first: FIRST,
        fetch: async (position) => {
          const page = await call(() =>
            jira.issueSearch.searchAndReconsileIssuesUsingJql({
              jql,
              nextPageToken: position === FIRST ? undefined : position,
              maxResults: pageSize,
              fields: ['*all'],
              expand: 'changelog',
            }),
          );
          return {
            items: asWire(page.issues),
            next: page.isLast === false && page.nextPageToken ? page.nextPageToken : undefined,
          };
        },
        apply: async (page) => {
          for (const issue of page) {
            const histories: Json[] = [...(issue.changelog?.histories ?? [])];
            // The search expands at most 100 changes per issue; the changelog endpoint pages through the rest.
            while (histories.length < (issue.changelog?.total ?? 0)) {
              const more = await call(() =>
                jira.issues.getChangeLogs({
                  issueIdOrKey: issue.id,
                  startAt: histories.length,
                  maxResults: 100,
                }),
              );
              if (!more.values?.length) break;
              histories.push(...asWire(more.values));
            }
            await applyWrites(context, writesOf(issue, histories, categories));
          }
          return false;
        },
      },
      context.cursors,
      resumableWalk(context, 'jira:issues'),
    );
  });

  return [sprints, issues];
}
