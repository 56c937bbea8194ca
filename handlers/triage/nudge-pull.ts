import { isWorking, nextWorkingStart } from '../availability/working-time.ts';
import type { Actor, NoticeView } from '../types.ts';
import { SIGNAL_LABELS } from './queue-view.ts';
import type { TriagePorts } from './triage-ports.ts';
import type { TriageItem } from './types.ts';

/** What happened to one person a nudge was for. */
export type NudgeOutcome =
  | { login: string; status: 'sent' }
  | { login: string; status: 'already-today' }
  | { login: string; status: 'responded' }
  | { login: string; status: 'not-linked' }
  | { login: string; status: 'unreachable' }
  /** Outside their working hours now; `from` is when their next working hours begin (undefined: none within a year). */
  | { login: string; status: 'outside-hours'; from?: Date; timeZone: string };

const BOT = /\[bot\]$/i;

/** The person's local date (`YYYY-MM-DD`) at an instant: the day a nudge is counted in. */
export function localDateOf(timeZone: string, at: Date): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(at);
}

/** A reviewer who reviewed or commented after the newest commit has answered; nudging them would be noise. */
function respondedSinceLastCommit(item: TriageItem, login: string): boolean {
  const { pull } = item;
  if (login.toLowerCase() === pull.author.toLowerCase()) return false;
  return pull.reviews.some(
    (review) =>
      review.reviewer.toLowerCase() === login.toLowerCase() &&
      (pull.lastCommitAt === undefined || review.at > pull.lastCommitAt),
  );
}

function nudgeMessage(actor: Actor, item: TriageItem): NoticeView {
  const signal = item.signals[0];
  const who = actor.displayName ?? 'A teammate';
  const waited = signal
    ? ` (${SIGNAL_LABELS[signal.kind].toLowerCase()}, ${signal.ageHours} working hours)`
    : '';
  return {
    kind: 'notice',
    tone: 'info',
    title: `${item.pull.repo}#${item.pull.number} is waiting on you`,
    body: `${who} asks you to have a look at "${item.pull.title}"${waited}: ${item.pull.url}`,
  };
}

/**
 * Nudges whoever the PR waits on, by direct message: at most one per PR per person per working day (an
 * insert-once claim per person's local date), only within their working hours (outside them nothing is sent
 * or queued: the clicker is told when it becomes possible), never a bot, and never a reviewer who answered
 * after the newest commit.
 */
export async function nudgePull(actor: Actor, item: TriageItem, ports: TriagePorts): Promise<NudgeOutcome[]> {
  const now = ports.now();
  const pull = `${item.pull.repo}#${item.pull.number}`;
  const logins = [...new Set(item.signals.flatMap((signal) => signal.waitingOn))].filter(
    (login) => !BOT.test(login),
  );
  const outcomes: NudgeOutcome[] = [];
  for (const login of logins) {
    if (respondedSinceLastCommit(item, login)) {
      outcomes.push({ login, status: 'responded' });
      continue;
    }
    const accounts = await ports.chatAccountsOf(actor.tenantId, login);
    if (accounts.length === 0) {
      outcomes.push({ login, status: 'not-linked' });
      continue;
    }
    const calendars = await ports.calendars.calendarsOf(actor.tenantId, accounts);
    const calendar = accounts
      .map((account) => calendars.get(`${account.tool}:${account.handle}`))
      .find((found) => found !== undefined);
    if (!calendar) {
      outcomes.push({ login, status: 'not-linked' });
      continue;
    }
    if (!isWorking(calendar, now)) {
      const from = nextWorkingStart(calendar, now);
      outcomes.push({
        login,
        status: 'outside-hours',
        timeZone: calendar.timeZone,
        ...(from ? { from } : {}),
      });
      continue;
    }
    const day = localDateOf(calendar.timeZone, now);
    if (!(await ports.marks.claimNudge(actor.tenantId, pull, login, day, now))) {
      outcomes.push({ login, status: 'already-today' });
      continue;
    }
    const message = nudgeMessage(actor, item);
    let sent = false;
    for (const account of accounts) {
      if ((await ports.poster.sendDirect(actor.tenantId, account, message)).ok) {
        sent = true;
        break;
      }
    }
    if (!sent) await ports.marks.releaseNudge(actor.tenantId, pull, login, day);
    outcomes.push({ login, status: sent ? 'sent' : 'unreachable' });
  }
  return outcomes;
}

/** "Thu 09:00 their time" in the person's own zone. */
function theirTime(at: Date, timeZone: string): string {
  return `${new Intl.DateTimeFormat('en-GB', { timeZone, weekday: 'short', hour: '2-digit', minute: '2-digit' }).format(at)} their time`;
}

/** One sentence for the clicker per person. */
export function describeNudges(outcomes: readonly NudgeOutcome[]): string {
  if (outcomes.length === 0) return 'Nobody to nudge: it waits on no one who can be messaged.';
  return outcomes
    .map((outcome) => {
      const who = `@${outcome.login}`;
      switch (outcome.status) {
        case 'sent':
          return `Nudged ${who}.`;
        case 'already-today':
          return `${who} was already nudged about it today.`;
        case 'responded':
          return `${who} reviewed after the last commit, so no nudge.`;
        case 'not-linked':
          return `${who} has no chat account linked, so I cannot message them.`;
        case 'unreachable':
          return `I could not reach ${who} by direct message.`;
        case 'outside-hours':
          return outcome.from
            ? `${who} is outside working hours; you can nudge from ${theirTime(outcome.from, outcome.timeZone)}.`
            : `${who} has no working hours in the next year, so no nudge.`;
      }
    })
    .join(' ');
}
