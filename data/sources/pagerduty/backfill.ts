import { api } from '@pagerduty/pdjs';
import { toDate, type FactWrite } from '../fact-write.ts';
import {
  applyWrites,
  resumableWalk,
  runStream,
  type BackfillContext,
  type StreamResult,
} from '../backfill/backfill-context.ts';
import { withRetries, type HttpOutcome } from '../backfill/retry-policy.ts';
import { walkListing, type ListingPage } from '../backfill/walk-listing.ts';
import { incidentWrites, pagerDutyAgentWrites, serviceWrite, statusChangeWrite } from './normalize.ts';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- PagerDuty JSON

export interface PagerDutyBackfillOptions {
  token: string;
  /** https://api.pagerduty.com when absent (a test fake, or the EU service region's URL). */
  apiUrl?: string;
  pageSize?: number;
}

class PagerDutyHttpError extends Error {
  readonly outcome: HttpOutcome;

  constructor(path: string, outcome: HttpOutcome, body: Json | undefined) {
    super(`PagerDuty answered ${outcome.status} for ${path}: ${body?.error?.message ?? 'no detail'}`);
    this.outcome = outcome;
  }
}

const STATUS_EVENTS = [
  ['trigger_log_entry', 'triggered', 'incident.triggered'],
  ['acknowledge_log_entry', 'acknowledged', 'incident.acknowledged'],
  ['resolve_log_entry', 'resolved', 'incident.resolved'],
] as const;

/**
 * An incident and its log as the webhook would have told it: one write per status change (triggered,
 * acknowledged, resolved) at the time its log entry says, by the agent it names. The assignees at each change
 * are the incident's current assignments or, once resolved (when PagerDuty clears them), the last assignment
 * the log records.
 */
function writesOf(incident: Json, log: Json[]): FactWrite[] {
  const sorted = [...log].sort((a, b) => String(a.created_at).localeCompare(String(b.created_at)));
  const assigned = sorted.filter((entry) => entry.type === 'assign_log_entry').at(-1)?.assignees;
  const assignees = incident.assignments?.length ? incident.assignments : (assigned ?? incident.assignees);
  const writes: FactWrite[] = [];
  let seenCurrent = false;
  for (const [type, status, eventType] of STATUS_EVENTS) {
    const entry = sorted.find((candidate) => candidate.type === type);
    const at =
      toDate(entry?.created_at) ?? (status === 'triggered' ? toDate(incident.created_at) : undefined);
    if (!at) continue;
    seenCurrent ||= status === incident.status;
    writes.push(
      ...incidentWrites({ ...incident, status, assignees }, at, eventType),
      ...pagerDutyAgentWrites(entry?.agent),
    );
  }
  // A status change the log does not show (a truncated log): the current state, as of its last change.
  if (!seenCurrent) {
    writes.push(...incidentWrites({ ...incident, assignees }, toDate(incident.last_status_change_at)));
  }
  return [...writes, ...statusChangesOf(incident, sorted)];
}

/** The log entries that change an incident's status, and the status each leaves it in. */
const STATUS_OF_ENTRY: Record<string, 'triggered' | 'acknowledged' | 'resolved'> = {
  trigger_log_entry: 'triggered',
  acknowledge_log_entry: 'acknowledged',
  unacknowledge_log_entry: 'triggered',
  resolve_log_entry: 'resolved',
};

/**
 * Every status change the log records, each keyed by its log entry (a webhook keys the same change by its
 * event id: a tenant with both has each change twice, seconds apart, which a status history reads as one).
 * A log without them (no access, truncated): the incident's own times, its creation and resolution.
 */
function statusChangesOf(incident: Json, log: Json[]): FactWrite[] {
  const changes = log
    .filter((entry) => STATUS_OF_ENTRY[entry.type] && entry.id)
    .map((entry) =>
      statusChangeWrite(
        incident.id,
        String(entry.id),
        STATUS_OF_ENTRY[entry.type]!,
        toDate(entry.created_at),
      ),
    );
  if (changes.length > 0) return changes;
  const resolvedAt =
    incident.status === 'resolved'
      ? (toDate(incident.resolved_at) ?? toDate(incident.last_status_change_at))
      : undefined;
  return [
    statusChangeWrite(incident.id, `${incident.id}:created`, 'triggered', toDate(incident.created_at)),
    ...(resolvedAt
      ? [statusChangeWrite(incident.id, `${incident.id}:resolved`, 'resolved', resolvedAt)]
      : []),
  ];
}

/** Backfills PagerDuty incidents created in the range (with their log entries) and every service. */
export async function backfillPagerDuty(
  options: PagerDutyBackfillOptions,
  context: BackfillContext,
): Promise<StreamResult[]> {
  const base = (options.apiUrl ?? 'https://api.pagerduty.com').replace(/\/+$/, '');
  const pageSize = options.pageSize ?? 100;
  // pdjs retries a 429 itself (three times, `retryTimeout` apart) before answering; withRetries then honours
  // Retry-After / ratelimit-reset. requestTimeout 0: pdjs's own timer only keeps the process alive.
  const pd = api({ token: options.token, retryTimeout: context.waits.backoffMs, requestTimeout: 0 });
  const get = (path: string, query: Record<string, string | string[]>) =>
    withRetries(
      async () => {
        const response = await pd({ url: `${base}${path}`, method: 'GET', data: query });
        if (!response.ok) {
          throw new PagerDutyHttpError(
            path,
            { status: response.status, headers: Object.fromEntries(response.headers.entries()) },
            response.data as Json | undefined,
          );
        }
        return response.data as Json;
      },
      (error) => (error instanceof PagerDutyHttpError ? error.outcome : undefined),
      context.waits,
    );
  const offsetPage = async (
    path: string,
    key: string,
    offset: string,
    query: Record<string, string | string[]>,
  ): Promise<ListingPage<Json>> => {
    const data = await get(path, { ...query, limit: String(pageSize), offset });
    const items = (data[key] ?? []) as Json[];
    return { items, next: data.more ? String(Number(offset) + items.length) : undefined };
  };

  const services = await runStream('pagerduty:services', () =>
    walkListing<Json>(
      {
        stream: 'pagerduty:services',
        first: '0',
        fetch: (offset) => offsetPage('/services', 'services', offset, {}),
        apply: async (items) => {
          await applyWrites(context, items.map(serviceWrite));
          return false;
        },
      },
      context.cursors,
      resumableWalk(context, 'pagerduty:services'),
    ),
  );

  // Listed by creation time, so every run reads the whole range: an incident created in it may have been
  // acknowledged or resolved since. The writes are idempotent, so a rerun changes nothing that did not change.
  const incidents = await runStream('pagerduty:incidents', () => {
    const until = context.until ?? new Date(context.waits.now());
    return walkListing<Json>(
      {
        stream: 'pagerduty:incidents',
        first: '0',
        fetch: (offset) =>
          offsetPage('/incidents', 'incidents', offset, {
            since: context.since.toISOString(),
            until: until.toISOString(),
            time_zone: 'UTC',
            sort_by: 'created_at:asc',
          }),
        apply: async (items) => {
          for (const incident of items) {
            const log: Json[] = [];
            let offset: string | undefined = '0';
            while (offset !== undefined) {
              const page = await offsetPage(
                `/incidents/${incident.id}/log_entries`,
                'log_entries',
                offset,
                {},
              );
              log.push(...page.items);
              offset = page.next;
            }
            await applyWrites(context, writesOf(incident, log));
          }
          return false;
        },
      },
      context.cursors,
      resumableWalk(context, 'pagerduty:incidents'),
    );
  });
  return [services, incidents];
}
