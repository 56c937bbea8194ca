import { countOpenReviews } from '../triage/build-queue.ts';
import { loadTriageQueue } from '../triage/load-triage-queue.ts';
import type {
  CalendarsOfLogins,
  SignalKind,
  TriageItem,
  TriageQueue,
  TriageSettings,
  TriageSettingsStore,
} from '../triage/types.ts';
import type { HomePull, OpenPullFacts, PersonOpenPulls, PersonPulls, PersonPullSource } from './types.ts';

/** What a signal means to someone reading their home. */
const SIGNAL_WORDS: Readonly<Record<SignalKind, string>> = {
  'waiting-for-review': 'waiting for a first review',
  'changes-requested': 'changes requested',
  'approved-not-merged': 'approved, not merged',
  'failing-ci': 'CI failing',
  'merge-conflict': 'merge conflict',
  stale: 'no activity',
  'very-large': 'very large',
  'long-draft': 'a draft for long',
};

const keyOf = (pull: { repo: string; number: number }) => `${pull.repo}#${pull.number}`;

function pullOf(item: TriageItem): HomePull {
  const [top] = item.signals;
  return {
    repo: item.pull.repo,
    number: item.pull.number,
    title: item.pull.title || keyOf(item.pull),
    url: item.pull.url,
    author: item.pull.author,
    waitingOn: top?.waitingOn ?? [],
    reason: top ? SIGNAL_WORDS[top.kind] : 'open',
    ...(top ? { ageHours: top.ageHours } : {}),
  };
}

/** What judging a person's PRs needs besides the PRs (bot/create-triage-queue.ts: createTriageJudge). */
export interface HomeTriageDeps {
  facts: OpenPullFacts;
  calendarsOfLogins: CalendarsOfLogins;
  settings: TriageSettingsStore;
}

/** Triage's order first (most urgent), then the PRs under every threshold as the facts list them. */
function placeJudged(lists: PersonPulls, queue: TriageQueue, logins: readonly string[]): PersonPulls {
  const mine = new Set(logins);
  const judged = new Set(queue.items.map((item) => keyOf(item.pull)));
  const result: PersonPulls = { waitingOnOthers: [], waitingOnMe: [] };
  for (const item of queue.items) {
    const pull = pullOf(item);
    // My PR whose signal waits on me is waiting on me.
    const onMe = !mine.has(pull.author) || pull.waitingOn.some((login) => mine.has(login));
    (onMe ? result.waitingOnMe : result.waitingOnOthers).push(pull);
  }
  for (const pull of lists.waitingOnMe) if (!judged.has(keyOf(pull))) result.waitingOnMe.push(pull);
  for (const pull of lists.waitingOnOthers) if (!judged.has(keyOf(pull))) result.waitingOnOthers.push(pull);
  return result;
}

/**
 * The home's PR lists with triage's judgement: every open PR of the person, read once (`facts`), and for
 * those over a triage threshold, its most urgent signal (whom it waits on, why, for how many working hours),
 * which also decides the list. Triage's own long drafts of the person are added. When triage fails, the
 * lists still show, without its signals. A batch (`batch`) reads the tenant's open PRs, the settings and the
 * calendars of everyone on them once, and judges each person's PRs from memory.
 */
export function createTriagePersonPulls(deps: HomeTriageDeps): PersonPullSource {
  const settingsOf = (tenantId: string) =>
    deps.settings.settingsOf(tenantId, undefined).catch(() => undefined);

  async function judge(
    tenantId: string,
    logins: readonly string[],
    now: Date,
    open: PersonOpenPulls,
    settings: TriageSettings,
    calendarsOfLogins: CalendarsOfLogins,
  ): Promise<PersonPulls> {
    const queue = await loadTriageQueue(
      {
        pulls: { openPulls: async () => ({ pulls: open.pulls, openReviews: countOpenReviews(open.pulls) }) },
        settings: { settingsOf: async () => settings, save: deps.settings.save },
        calendarsOfLogins,
      },
      tenantId,
      { kind: 'person', logins: [...logins] },
      now,
    ).catch(() => undefined);
    return queue ? placeJudged(open.lists, queue, logins) : open.lists;
  }

  return {
    async pullsOf(tenantId, logins, now) {
      const settings = await settingsOf(tenantId);
      const open = await deps.facts.ofLogins(tenantId, logins, settings?.botLogins);
      if (!settings) return open.lists;
      return judge(tenantId, logins, now, open, settings, deps.calendarsOfLogins);
    },
    async batch(tenantId) {
      const settings = await settingsOf(tenantId);
      const tenant = await deps.facts.ofTenant(tenantId, settings?.botLogins);
      // Everyone's calendar in one read, on the first home that needs them.
      let calendars: ReturnType<CalendarsOfLogins> | undefined;
      const shared: CalendarsOfLogins = (id) => {
        if (!calendars) {
          calendars = deps.calendarsOfLogins(id, tenant.logins);
          // A failed read is not kept: the next home tries again.
          calendars.catch(() => (calendars = undefined));
        }
        return calendars;
      };
      return {
        async pullsOf(id, logins, at) {
          const open = tenant.of(logins);
          if (!settings || id !== tenantId) return open.lists;
          return judge(tenantId, logins, at, open, settings, shared);
        },
      };
    },
  };
}
