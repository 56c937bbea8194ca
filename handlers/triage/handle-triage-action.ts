import type { StandupStore } from '../standup/types.ts';
import type { Actor, View } from '../types.ts';
import { describeNudges, nudgePull } from './nudge-pull.ts';
import { requestReview } from './request-review.ts';
import { buildTriageQueueView, headMarkOf, viewerOf } from './show-triage-queue.ts';
import { TRIAGE_ACTIONS, type TriageActionPayload, type TriageVerb } from './triage-actions.ts';
import type { TriagePorts } from './triage-ports.ts';
import type { TriageItem } from './types.ts';

const DAY_MS = 24 * 3_600_000;

export interface TriageActionPorts {
  triage?: TriagePorts;
  standups?: StandupStore;
}

/** The PR as the queue sees it now (re-read, so a click acts on fresh facts); undefined once it left the queue. */
async function currentItem(actor: Actor, payload: TriageActionPayload, triage: TriagePorts) {
  const queue = await triage.queue(actor.tenantId, { kind: 'repo', repo: payload.repo }, triage.now());
  return queue.items.find((item) => item.pull.number === payload.number);
}

async function act(
  actor: Actor,
  verb: TriageVerb,
  payload: TriageActionPayload,
  triage: TriagePorts,
  item: TriageItem | undefined,
): Promise<string> {
  const pull = `${payload.repo}#${payload.number}`;
  const viewer = viewerOf(actor);
  switch (verb) {
    case TRIAGE_ACTIONS.snoozeDay:
      await triage.marks.snooze(actor.tenantId, viewer, {
        repo: payload.repo,
        number: payload.number,
        until: new Date(triage.now().getTime() + DAY_MS),
      });
      return `Snoozed ${pull} for a day.`;
    case TRIAGE_ACTIONS.take: {
      const by = actor.displayName ?? 'Someone';
      if (
        await triage.marks.take(actor.tenantId, {
          repo: payload.repo,
          number: payload.number,
          by,
          account: viewer,
        })
      )
        return `Noted: you are on ${pull}.`;
      const [taken] = await triage.marks.takenOf(actor.tenantId, [payload]);
      return `${taken?.by ?? 'Someone'} is already on ${pull}.`;
    }
  }
  if (!item) return `${pull} is no longer in the queue: nothing waits on it now.`;
  switch (verb) {
    case TRIAGE_ACTIONS.snoozeCommit:
      await triage.marks.snooze(actor.tenantId, viewer, {
        repo: payload.repo,
        number: payload.number,
        head: headMarkOf(item.pull),
      });
      return `Snoozed ${pull} until its next commit.`;
    case TRIAGE_ACTIONS.nudge:
      return describeNudges(await nudgePull(actor, item, triage));
    case TRIAGE_ACTIONS.requestReview:
      return payload.reviewer
        ? requestReview(actor, item, payload.reviewer, triage)
        : 'That button names no reviewer. Send the command again.';
  }
}

/**
 * A button on a queue item, either surface: does what it says, then answers with the clicker's queue as it
 * now stands and a line on what happened (the edge replaces the message with it).
 */
export async function handleTriageAction(
  actor: Actor,
  verb: TriageVerb,
  payload: TriageActionPayload,
  ports: TriageActionPorts,
): Promise<View> {
  const { triage } = ports;
  if (!triage) {
    return { kind: 'notice', tone: 'warning', title: 'Triage is off', body: 'PR triage is not set up here.' };
  }
  // The name the chat platform reports (Slack's real name), for "Ana Lima is on it" and the nudge's "Ana Lima asks".
  const named = await triage.displayNameOf(actor.tenantId, { tool: actor.surface, handle: actor.userId });
  const clicker = named ? { ...actor, displayName: named } : actor;
  const needsItem = verb !== TRIAGE_ACTIONS.snoozeDay && verb !== TRIAGE_ACTIONS.take;
  const item = needsItem ? await currentItem(actor, payload, triage) : undefined;
  const note = await act(clicker, verb, payload, triage, item);
  const queue = await buildTriageQueueView(actor, payload.scopeArgs, triage, ports.standups);
  if (!queue.ok) return { kind: 'notice', tone: 'info', title: note, body: queue.notice.body };
  return { ...queue.view, note };
}
