import { formatUsage } from '../catalog.ts';
import type { CommandInput, Reply } from '../types.ts';
import type { NotifySettings, NotifySettingsStore } from './notify-types.ts';

export const NOTIFY_ARGS = 'on | off | settings [budget <n>]';
/** The most messages a day anyone can ask for: more than this is what people mute bots for. */
export const MAX_DAILY_BUDGET = 50;

const reply = (
  tone: 'info' | 'warning' | 'error',
  title: string,
  body: string,
  suggestion?: string,
): Reply => ({
  view: { kind: 'notice', tone, title, body, ...(suggestion ? { suggestion } : {}) },
  visibility: 'personal',
});

function describe(input: CommandInput, settings: NotifySettings): Reply {
  const link = formatUsage(input.actor.surface, 'link', 'github <login>');
  const state = settings.enabled
    ? `On: when your review is requested, and when your PRs get changes requested, an approval, a CI failure or a merge. One message per PR, edited as it changes, sent in your working hours, at most ${settings.dailyBudget} a day.`
    : 'Off: you get no PR messages. Turn them on to hear about reviews requested of you and what happens on your PRs.';
  const github = settings.githubLogin
    ? ` They follow the GitHub account ${settings.githubLogin}.`
    : ' No GitHub account is linked to you yet, so there is nothing to follow.';
  return reply(
    settings.enabled && !settings.githubLogin ? 'warning' : 'info',
    `PR notifications are ${settings.enabled ? 'on' : 'off'}`,
    `${state}${github}`,
    settings.githubLogin ? formatUsage(input.actor.surface, 'notify', settings.enabled ? 'off' : 'on') : link,
  );
}

/** `notify on|off|settings [budget <n>]`: opts in or out of personal PR notifications, and sets the daily budget. */
export async function runNotifyCommand(
  input: CommandInput,
  store: NotifySettingsStore | undefined,
): Promise<Reply> {
  if (!store)
    return reply('error', 'Notifications are not available', 'The notification store is not connected.');
  const account = { tool: input.actor.surface, handle: input.actor.userId };
  const { tenantId } = input.actor;
  const [sub = 'settings', option, value, ...extra] = input.args.map((arg) => arg.toLowerCase());
  if ((sub === 'on' || sub === 'off') && option === undefined) {
    return describe(input, await store.save(tenantId, account, { enabled: sub === 'on' }));
  }
  if (sub === 'settings' && option === undefined)
    return describe(input, await store.settingsOf(tenantId, account));
  if (sub === 'settings' && option === 'budget' && extra.length === 0) {
    const budget = /^\d+$/.test(value ?? '') ? Number(value) : Number.NaN;
    if (budget >= 1 && budget <= MAX_DAILY_BUDGET) {
      return describe(input, await store.save(tenantId, account, { dailyBudget: budget }));
    }
    return reply(
      'warning',
      'That budget is not a number of messages',
      `The daily budget is a whole number from 1 to ${MAX_DAILY_BUDGET}.`,
      formatUsage(input.actor.surface, 'notify', 'settings budget 10'),
    );
  }
  return reply(
    'warning',
    'I did not get that',
    `Use notify on, notify off, or notify settings (add budget <n> to change how many messages a day you get).`,
    formatUsage(input.actor.surface, 'notify', 'settings'),
  );
}
