import type { NoticeView } from '../types.ts';
import type { LinkedItem, StandupBlocker } from './blocker-types.ts';

/** "acme/api#42 Fix the retry loop (https://…)", "PAY-12", "the person named". */
function describeItem(item: LinkedItem): string | undefined {
  if (item.kind === 'person') return undefined;
  const name = item.kind === 'pr' ? `${item.repo}#${item.number}` : item.key;
  return [name, item.title, item.url && `(${item.url})`].filter(Boolean).join(' ');
}

const reporterOf = (blocker: StandupBlocker) => blocker.memberName ?? 'A teammate';

function linkedLines(blocker: StandupBlocker): string {
  const lines = blocker.items.map(describeItem).filter((line): line is string => line !== undefined);
  return lines.map((line) => `\n• ${line}`).join('');
}

/** The DM to whoever can unblock: who is blocked, on what, with the links. */
export function nudgeNotice(blocker: StandupBlocker): NoticeView {
  return {
    kind: 'notice',
    tone: 'info',
    title: `${reporterOf(blocker)} is blocked and you can help`,
    body: `From their standup on ${blocker.date}: "${blocker.text ?? ''}"${linkedLines(blocker)}`,
  };
}

/** The one DM to the standup's owner when a blocker stays open too long. */
export function escalationNotice(blocker: StandupBlocker, workingDays: number): NoticeView {
  return {
    kind: 'notice',
    tone: 'warning',
    title: `${reporterOf(blocker)} has been blocked for ${workingDays} working days`,
    body: `Since their standup on ${blocker.date}: "${blocker.text ?? ''}"${linkedLines(blocker)}`,
  };
}
