import type { HomePull, HomeStandup, HomeView } from '../../handlers/home/types.ts';
import { approvalSectionBlocks, noteBlock } from './approval-home.ts';
import { escapeMrkdwn, SLACK_LIMITS, truncate } from './mrkdwn.ts';
import { linkTo, slackDate } from './slack-text.ts';
import { STANDUP_PROMPT_ACTIONS } from './standup-prompt.ts';
import type { Block, SlackHomeView, SlackMessage } from './types.ts';

/** Lines per PR or blocker list; one section holds them, and the rest are counted. */
const LIST_ITEMS = 10;
/** Standups shown, two blocks each (status and its Answer button). */
const STANDUPS = 5;

const section = (text: string): Block => ({
  type: 'section',
  text: { type: 'mrkdwn', text: truncate(text, SLACK_LIMITS.sectionText) },
});

const logins = (names: readonly string[]) => names.map((name) => `@${escapeMrkdwn(name)}`).join(', ');

function pullLine(pull: HomePull, mine: boolean): string {
  const label = `${pull.repo}#${pull.number} ${pull.title}`;
  const title = pull.url ? linkTo(pull.url, label) : escapeMrkdwn(label);
  const age = pull.ageHours !== undefined ? `, ${pull.ageHours} working h` : '';
  const who = mine
    ? pull.waitingOn.length > 0
      ? `waiting on ${logins(pull.waitingOn)}`
      : 'nobody asked yet'
    : `by @${escapeMrkdwn(pull.author)}`;
  return `• ${title}\n    ${who} (${escapeMrkdwn(pull.reason)}${age})`;
}

/** A titled list in one section: what fits, then how many more. */
function listSection(title: string, lines: string[], empty: string): Block {
  if (lines.length === 0) return section(`*${title}*\n${empty}`);
  const shown = lines.slice(0, LIST_ITEMS);
  const more = lines.length - shown.length;
  const tail = more > 0 ? `\n…and ${more} more.` : '';
  // Cut whole lines, so no link is cut in half, and keep room for the count.
  const budget = SLACK_LIMITS.sectionText - title.length - 40;
  const kept: string[] = [];
  let size = 0;
  for (const line of shown) {
    if (size + line.length + 1 > budget) break;
    kept.push(line);
    size += line.length + 1;
  }
  const cut = shown.length - kept.length;
  const cutTail = cut > 0 ? `\n…and ${more + cut} more.` : tail;
  return section(`*${title}* (${lines.length})\n${kept.join('\n')}${cutTail}`);
}

function standupBlocks(standup: HomeStandup): Block[] {
  const name = escapeMrkdwn(standup.name);
  if (standup.status === 'no-standup') return [section(`*${name}*: no standup for you today.`)];
  const deadline = standup.deadlineAt ? `, due ${slackDate(standup.deadlineAt)}` : '';
  const line =
    standup.status === 'answered'
      ? `:white_check_mark: *${name}*: answered today.`
      : `:hourglass: *${name}*: not answered yet${deadline}.`;
  return [
    section(line),
    {
      type: 'actions',
      block_id: `home_standup_${standup.standupId}`.slice(0, SLACK_LIMITS.blockId),
      elements: [
        {
          type: 'button',
          action_id: STANDUP_PROMPT_ACTIONS.answer,
          text: { type: 'plain_text', text: standup.status === 'answered' ? 'Edit answer' : 'Answer' },
          value: JSON.stringify({ standupId: standup.standupId, date: standup.date }),
          ...(standup.status === 'waiting' ? { style: 'primary' as const } : {}),
        },
      ],
    },
  ];
}

/** The home's blocks, at most `maxBlocks`: the fixed sections first, then the approvals in what is left. */
export function homeBlocks(view: HomeView, maxBlocks: number): Block[] {
  const linkHint = 'Link your GitHub account with `/em link github <login>` to see your pull requests.';
  const top: Block[] = [
    { type: 'header', text: { type: 'plain_text', text: 'Your home', emoji: true } },
    ...(view.note ? [noteBlock(view.note)] : []),
    listSection(
      'Your PRs waiting on others',
      view.waitingOnOthers.map((pull) => pullLine(pull, true)),
      view.linked ? 'None of your open PRs is waiting on anyone.' : linkHint,
    ),
    listSection(
      'Waiting on you',
      view.waitingOnMe.map((pull) => pullLine(pull, false)),
      view.linked ? 'No pull request is waiting on you.' : linkHint,
    ),
    { type: 'divider' },
    { type: 'header', text: { type: 'plain_text', text: 'Standup', emoji: true } },
  ];
  if (view.standups.length === 0) top.push(section('You are not in any standup.'));
  for (const standup of view.standups.slice(0, STANDUPS)) top.push(...standupBlocks(standup));
  const blockers: Block[] = [
    { type: 'divider' },
    listSection(
      'Open blockers in your standups',
      view.blockers.map(
        (blocker) =>
          `• ${escapeMrkdwn(blocker.text)}\n    ${escapeMrkdwn(blocker.memberName)}, ${escapeMrkdwn(blocker.standupName)}, since ${slackDate(blocker.openedAt)}`,
      ),
      'Nobody in your standups is blocked.',
    ),
  ];
  const footer: Block = {
    type: 'context',
    elements: [
      {
        type: 'mrkdwn',
        text: `Updated ${slackDate(view.builtAt)}. It refreshes when you open it and as things change.`,
      },
    ],
  };
  const room = maxBlocks - top.length - blockers.length - 2;
  const divider: Block = { type: 'divider' };
  return [...top, divider, ...approvalSectionBlocks(view.approvals, room), ...blockers, footer].slice(
    0,
    maxBlocks,
  );
}

/** The App Home tab (at most 100 blocks). */
export function renderHomeForSlack(view: HomeView): SlackHomeView {
  return { type: 'home', blocks: homeBlocks(view, SLACK_LIMITS.blocksPerView) };
}

/** `/em home` as a message (at most 50 blocks): the same sections, for a quick look without the tab. */
export function renderHomeMessageForSlack(view: HomeView): SlackMessage {
  const text = `Your home: ${view.waitingOnMe.length} PRs waiting on you, ${view.waitingOnOthers.length} of yours waiting on others, ${view.approvals.views.length + view.approvals.more} approvals pending.`;
  return { text, blocks: homeBlocks(view, SLACK_LIMITS.blocksPerMessage) };
}
