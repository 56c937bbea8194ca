import { pendingApprovals } from '../approvals/list-approvals.ts';
import { viewApprovalFor } from '../approvals/view-approval-for.ts';
import type { Decider } from '../policy/types.ts';
import { localDateOf, planMemberDay } from '../standup/plan-standup-day.ts';
import { DEFAULT_CALENDAR } from '../standup/standup-deps.ts';
import { accountKey, type ChatAccount, type Standup } from '../standup/types.ts';
import type { HomeBlocker, HomeBuilder, HomeOwner, HomePorts, HomeStandup, HomeView } from './types.ts';

/** Teams ids arrive in either case; standups store them lower-cased. */
const sameAccount = (a: ChatAccount) => (b: ChatAccount) =>
  a.tool === b.tool && a.handle.toLowerCase() === b.handle.toLowerCase();

/** A read's answers per argument list, kept for one home or one batch: each shared read runs once. */
function once<Args extends unknown[], Result>(read: (...args: Args) => Promise<Result>) {
  const answers = new Map<string, Promise<Result>>();
  return (...args: Args): Promise<Result> => {
    const key = JSON.stringify(args);
    let answer = answers.get(key);
    if (!answer) {
      answer = read(...args);
      answers.set(key, answer);
    }
    return answer;
  };
}

async function standupsOf(
  ports: HomePorts,
  tenantId: string,
  member: ChatAccount,
  now: Date,
): Promise<{ standups: Standup[]; days: HomeStandup[] }> {
  if (!ports.standups) return { standups: [], days: [] };
  const { store, calendars } = ports.standups;
  const standups = (await store.list(tenantId)).filter(
    (standup) => !standup.paused && standup.members.some(sameAccount(member)),
  );
  if (standups.length === 0) return { standups, days: [] };
  const calendar =
    (await calendars.calendarsOf(tenantId, [member])).get(accountKey(member)) ?? DEFAULT_CALENDAR;
  const date = localDateOf(calendar, now);
  const days = await Promise.all(
    standups.map(async (standup): Promise<HomeStandup> => {
      const memberOfStandup = standup.members.find(sameAccount(member)) ?? member;
      const day = planMemberDay(standup, memberOfStandup, calendar, date);
      const base = { standupId: standup.id, name: standup.name, date };
      if (day.status.kind !== 'working') return { ...base, status: 'no-standup' };
      const answers = await store.answersOf(tenantId, standup.id, date);
      const answered = answers.some((answer) => sameAccount(member)(answer.member));
      return {
        ...base,
        status: answered ? 'answered' : 'waiting',
        ...(day.deadlineAt ? { deadlineAt: day.deadlineAt } : {}),
      };
    }),
  );
  return { standups, days };
}

async function blockersOf(
  ports: HomePorts,
  tenantId: string,
  standups: readonly Standup[],
): Promise<HomeBlocker[]> {
  if (!ports.blockers || standups.length === 0) return [];
  const names = new Map(standups.map((standup) => [standup.id, standup.name]));
  const open = await ports.blockers.openIn(tenantId);
  return open.flatMap((blocker) => {
    const standupName = names.get(blocker.standupId);
    // A purged blocker has lost its words: nothing to show.
    if (standupName === undefined || blocker.text === null) return [];
    return [
      {
        id: blocker.id,
        standupName,
        memberName: blocker.memberName ?? blocker.member.handle,
        text: blocker.text,
        openedAt: blocker.openedAt.toISOString(),
      },
    ];
  });
}

async function approvalsFor(
  ports: HomePorts,
  tenantId: string,
  decider: Decider,
): Promise<HomeView['approvals']> {
  if (!ports.approvals) return { views: [], more: 0 };
  const { store, policyFor } = ports.approvals;
  const { items, more } = await pendingApprovals(store, tenantId);
  // Every approval is weighed against the same policy: read it once.
  const policy = { policyFor: once(policyFor) };
  const views = await Promise.all(items.map((approval) => viewApprovalFor(policy, approval, decider)));
  return { views, more };
}

/**
 * A person's home: their PRs waiting on others, the PRs waiting on them, their standups today, the pending
 * approvals as they see them, and the open blockers of their standups. The reads run side by side.
 */
export async function buildHome(
  ports: HomePorts,
  owner: HomeOwner,
  now: Date,
  note?: string,
): Promise<HomeView> {
  const { tenantId, account } = owner;
  const [logins, standupInfo, pending] = await Promise.all([
    ports.githubLoginsOf(tenantId, account),
    standupsOf(ports, tenantId, account, now),
    approvalsFor(ports, tenantId, owner.decider),
  ]);
  const [pulls, blockers] = await Promise.all([
    logins.length > 0
      ? ports.pulls.pullsOf(tenantId, logins, now)
      : Promise.resolve({ waitingOnOthers: [], waitingOnMe: [] }),
    blockersOf(ports, tenantId, standupInfo.standups),
  ]);
  return {
    kind: 'home',
    builtAt: now.toISOString(),
    linked: logins.length > 0,
    ...pulls,
    standups: standupInfo.days,
    approvals: pending,
    blockers,
    ...(note ? { note } : {}),
  };
}

/**
 * The ports for a batch of homes of one tenant: the tenant-wide reads (standups, their answers, blockers,
 * pending approvals, the policy, every open PR) run once for all of them, the per-person ones (logins,
 * calendars) once for everyone together. A shared read that fails falls back to the person's own.
 */
async function batchPortsOf(
  ports: HomePorts,
  tenantId: string,
  owners: readonly HomeOwner[],
): Promise<HomePorts> {
  const accounts = owners.map((owner) => owner.account);
  const [loginsOfEach, pulls] = await Promise.all([
    ports.githubLoginsOfEach?.(tenantId, accounts).catch(() => undefined),
    ports.pulls.batch?.(tenantId).catch(() => undefined),
  ]);
  const standups = ports.standups;
  const calendarsOfOwners = standups && once(() => standups.calendars.calendarsOf(tenantId, accounts));
  return {
    githubLoginsOf: async (id, account) =>
      loginsOfEach?.get(accountKey(account)) ?? ports.githubLoginsOf(id, account),
    pulls: pulls ?? ports.pulls,
    ...(standups && calendarsOfOwners
      ? {
          standups: {
            store: {
              list: once((id: string) => standups.store.list(id)),
              answersOf: once((id: string, standupId: string, date: string) =>
                standups.store.answersOf(id, standupId, date),
              ),
            },
            calendars: {
              async calendarsOf(id, wanted) {
                const known = await calendarsOfOwners().catch(() => undefined);
                if (known && wanted.every((account) => known.has(accountKey(account)))) return known;
                return standups.calendars.calendarsOf(id, wanted);
              },
            },
          },
        }
      : {}),
    ...(ports.blockers ? { blockers: { openIn: once(ports.blockers.openIn) } } : {}),
    ...(ports.approvals
      ? {
          approvals: {
            store: { listPending: once(ports.approvals.store.listPending) },
            policyFor: once(ports.approvals.policyFor),
          },
        }
      : {}),
  };
}

/** The homes of many people, in order; each tenant's share their reads (batchPortsOf). */
export async function buildHomes(
  ports: HomePorts,
  owners: readonly HomeOwner[],
  now: Date,
): Promise<HomeView[]> {
  const views: HomeView[] = new Array<HomeView>(owners.length);
  for (const tenantId of new Set(owners.map((owner) => owner.tenantId))) {
    const ofTenant = owners.flatMap((owner, index) =>
      owner.tenantId === tenantId ? [{ owner, index }] : [],
    );
    const shared = await batchPortsOf(
      ports,
      tenantId,
      ofTenant.map(({ owner }) => owner),
    );
    await Promise.all(
      ofTenant.map(async ({ owner, index }) => {
        views[index] = await buildHome(shared, owner, now);
      }),
    );
  }
  return views;
}

/** A home builder over these ports and this clock. */
export function createHomeBuilder(ports: HomePorts, now: () => Date): HomeBuilder {
  return {
    build: (owner, note) => buildHome(ports, owner, now(), note),
    buildMany: (owners) => buildHomes(ports, owners, now()),
  };
}
