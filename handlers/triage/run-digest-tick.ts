import type { CalendarSource } from '../availability/types.ts';
import type { ChatPoster } from '../delivery/types.ts';
import type { Standup } from '../standup/types.ts';
import { teamZoneOf } from '../availability/team-zone.ts';
import { buildDigestView, digestItemsOf } from './build-digest-view.ts';
import { localTimeOf } from './local-time.ts';
import type { DigestStore, TriageDigestView, TriageQueuePort } from './notify-types.ts';

export interface DigestDeps {
  digests: DigestStore;
  queue: TriageQueuePort;
  poster: ChatPoster;
  calendars: CalendarSource;
}

export type DigestOutcome =
  'off' | 'not-due' | 'quiet' | 'posted' | 'edited' | 'unchanged' | 'busy' | 'refused';

/** Weekdays the digest posts on, in the team's zone. */
const DIGEST_DAYS = new Set([1, 2, 3, 4, 5]);

/** What the message shows, to tell whether an edit would change anything. */
const fingerprintOf = (view: TriageDigestView) =>
  JSON.stringify([
    view.open.map((item) => [
      item.repo,
      item.number,
      item.signal,
      item.ageHours,
      item.waitingOn,
      item.suggested,
    ]),
    view.resolved.map((item) => [item.repo, item.number]),
  ]);

/**
 * One tick of a team's triage digest: on a weekday at or after the team's time, one decision a day (post when
 * something is actionable, else stay quiet that day), then the posted message edited in place as its PRs are
 * resolved. The decision is an insert-once record, so two ticks at once post once.
 */
export async function runDigestTick(deps: DigestDeps, standup: Standup, now: Date): Promise<DigestOutcome> {
  const { tenantId } = standup;
  const settings = await deps.digests.settingsOf(tenantId, standup);
  if (!settings.enabled) return 'off';
  const local = localTimeOf(await teamZoneOf(deps.calendars, standup), now);
  if (!DIGEST_DAYS.has(local.weekday) || local.time < settings.time) return 'not-due';
  const record = await deps.digests.find(tenantId, standup.id, local.date);
  if (record?.state === 'quiet') return 'quiet';
  if (record?.state === 'claimed') return 'busy';
  const items = digestItemsOf(await deps.queue(tenantId, { kind: 'team', team: standup.name }, now));
  const conversation = { surface: standup.surface, id: standup.reportChannel };
  if (!record) {
    if (!(await deps.digests.claim(tenantId, standup.id, local.date, now))) return 'busy';
    if (items.length === 0) {
      await deps.digests.save(
        tenantId,
        standup.id,
        local.date,
        { state: 'quiet', items: [], shown: '' },
        now,
      );
      return 'quiet';
    }
    const view = buildDigestView(standup.name, local.date, items, items);
    const posted = await deps.poster.post(tenantId, conversation, view);
    if (!posted.ok) {
      await deps.digests.release(tenantId, standup.id, local.date);
      return 'refused';
    }
    await deps.digests.save(
      tenantId,
      standup.id,
      local.date,
      { state: 'posted', ref: posted.ref, items, shown: fingerprintOf(view) },
      now,
    );
    return 'posted';
  }
  const view = buildDigestView(standup.name, local.date, record.items, items);
  const shown = fingerprintOf(view);
  if (shown === record.shown || !record.ref) return 'unchanged';
  const edited = await deps.poster.update(tenantId, record.ref, view);
  if (!edited.ok) return 'refused';
  await deps.digests.save(tenantId, standup.id, local.date, { ...record, shown }, now);
  return 'edited';
}
