import { insertOnce, upsertRetryingRace } from '../db/duplicate-key.ts';
import type { ChatAccount, MessageRef } from '../../handlers/delivery/types.ts';
import { isBotAuthor } from '../../handlers/triage/bot-authors.ts';
import {
  DEFAULT_DAILY_BUDGET,
  type NoticeEvent,
  type NoticeStore,
  type NotifyCandidate,
  type NotifySettings,
  type NotifySettingsStore,
  type PendingNotice,
} from '../../handlers/triage/notify-types.ts';
import { tenantCollection } from '../db/tenant-collection.ts';
import type { Models } from '../models/index.ts';
import type { PullRequestFields } from '../models/facts/pull-request.ts';
import type { FactWrite } from '../sources/fact-write.ts';
import { notifyCandidatesOf } from './notify-candidates.ts';

type NotifyModels = Pick<
  Models,
  'Person' | 'PullRequest' | 'NotifySettings' | 'TriageNotice' | 'TriageNoticeEvent' | 'DeliveryClaim'
>;

/**
 * PR notifications on the database: people's choices, events recorded from fact writes (insert-once), and the
 * pending messages the delivery job sends, each delivery and each slot of a person's daily budget claimed once.
 */
export function createNotifyStore(
  models: NotifyModels,
  options: { dailyBudget?: number; botLogins?: readonly string[] } = {},
) {
  const defaultBudget = options.dailyBudget ?? DEFAULT_DAILY_BUDGET;
  const { Person, PullRequest, NotifySettings, TriageNotice, TriageNoticeEvent, DeliveryClaim } = models;

  async function personIdOf(tenantId: string, tool: string, handle: string): Promise<string> {
    const person = await Person.findOne(
      { tenantId, _id: `${tenantId}|${tool}|${handle}` },
      { personId: 1 },
    ).lean();
    return person?.personId ?? `${tool}:${handle}`;
  }

  async function settingsOf(tenantId: string, account: ChatAccount): Promise<NotifySettings> {
    const personId = await personIdOf(tenantId, account.tool, account.handle);
    const [doc, github] = await Promise.all([
      NotifySettings.findOne({ tenantId, _id: `${tenantId}|${personId}` }).lean(),
      Person.findOne({ tenantId, personId, tool: 'github' }, { handle: 1 }).lean(),
    ]);
    return {
      enabled: doc?.enabled ?? false,
      dailyBudget: doc?.dailyBudget ?? defaultBudget,
      ...(github ? { githubLogin: github.handle } : {}),
    };
  }

  const settings: NotifySettingsStore = {
    settingsOf,
    async save(tenantId, account, change) {
      const personId = await personIdOf(tenantId, account.tool, account.handle);
      const current = await settingsOf(tenantId, account);
      await upsertRetryingRace(() =>
        tenantCollection(NotifySettings).updateById(
          tenantId,
          `${tenantId}|${personId}`,
          {
            $set: {
              personId,
              enabled: change.enabled ?? current.enabled,
              dailyBudget: change.dailyBudget ?? current.dailyBudget,
              // The account that last changed them is where messages go.
              account: { tool: account.tool, handle: account.handle },
              updatedAt: new Date(),
            },
          },
          { upsert: true },
        ),
      );
      return settingsOf(tenantId, account);
    },
  };

  async function recipientOf(tenantId: string, login: string) {
    const personId = await personIdOf(tenantId, 'github', login);
    const doc = await NotifySettings.findOne({ tenantId, _id: `${tenantId}|${personId}` }).lean();
    if (!doc?.enabled) return undefined;
    return { account: { tool: doc.account.tool, handle: doc.account.handle }, dailyBudget: doc.dailyBudget };
  }

  /** Who a candidate tells, as the stored PR says now; undefined when it tells nobody. */
  function recipientLogin(candidate: NotifyCandidate, pr: PullRequestFields) {
    if (!pr.author || isBotAuthor(pr.author, options.botLogins)) return undefined;
    if (candidate.kind === 'merged') return pr.state === 'merged' ? pr.author : undefined;
    if (pr.state !== 'open') return undefined;
    if (candidate.kind === 'review-requested') {
      const login = candidate.login;
      return login && login !== pr.author && pr.requestedReviewers?.includes(login) ? login : undefined;
    }
    return candidate.by === pr.author ? undefined : pr.author;
  }

  async function pullsOf(tenantId: string, candidate: NotifyCandidate): Promise<PullRequestFields[]> {
    if (candidate.number !== undefined) {
      const pr = await PullRequest.findOne({
        tenantId,
        _id: `${tenantId}|${candidate.repo}|${candidate.number}`,
      }).lean();
      return pr ? [pr] : [];
    }
    return PullRequest.find({
      tenantId,
      repo: candidate.repo,
      headSha: candidate.headSha,
      state: 'open',
    }).lean();
  }

  async function record(tenantId: string, candidate: NotifyCandidate, pr: PullRequestFields, now: Date) {
    const login = recipientLogin(candidate, pr);
    if (!login || !(await recipientOf(tenantId, login))) return false;
    const noticeId = `${tenantId}|${login}|${pr.repo}#${pr.number}`;
    const fresh = await insertOnce(() =>
      TriageNoticeEvent.create({
        _id: `${noticeId}|${candidate.key}`,
        tenantId,
        noticeId,
        kind: candidate.kind,
        ...(candidate.by ? { by: candidate.by } : {}),
        ...(candidate.detail ? { detail: candidate.detail } : {}),
        ...(candidate.url ? { url: candidate.url } : {}),
        at: candidate.at ?? now,
      }),
    );
    if (!fresh) return false;
    const update = {
      $setOnInsert: {
        login,
        repo: pr.repo,
        number: pr.number,
        role: candidate.kind === 'review-requested' ? 'reviewer' : 'author',
        deliveredRevision: 0,
        ref: null,
      },
      $set: { title: pr.title ?? '', url: pr.url ?? '', pending: true, changedAt: now },
      $inc: { revision: 1 },
    };
    // Two events of a new notice at once race to create it.
    await upsertRetryingRace(() =>
      TriageNotice.updateOne({ tenantId, _id: noticeId }, update, { upsert: true }),
    );
    return true;
  }

  const notices: NoticeStore = {
    tenantsWithPending: () => tenantCollection(TriageNotice).tenantIds({ pending: true }),
    async pending(tenantId) {
      const docs = await TriageNotice.find({ tenantId, pending: true }).sort({ changedAt: 1 }).lean();
      const out: PendingNotice[] = [];
      for (const doc of docs) {
        const events = await TriageNoticeEvent.find({ tenantId, noticeId: doc._id }).sort({ at: 1 }).lean();
        out.push({
          id: doc._id,
          tenantId,
          login: doc.login,
          revision: doc.revision,
          view: {
            kind: 'triage-notice',
            pull: { repo: doc.repo, number: doc.number, title: doc.title, url: doc.url },
            role: doc.role,
            events: events.map((event): NoticeEvent => ({
              kind: event.kind as NoticeEvent['kind'],
              at: event.at.toISOString(),
              ...(event.by ? { by: event.by } : {}),
              ...(event.detail ? { detail: event.detail } : {}),
              ...(event.url ? { url: event.url } : {}),
            })),
          },
          ...(doc.ref ? { ref: doc.ref as unknown as MessageRef } : {}),
        });
      }
      return out;
    },
    recipientOf,
    claimDelivery: (tenantId, noticeId, revision, now) =>
      insertOnce(() => DeliveryClaim.create({ _id: `${noticeId}|r${revision}`, tenantId, claimedAt: now })),
    async releaseDelivery(tenantId, noticeId, revision) {
      await DeliveryClaim.deleteOne({ tenantId, _id: `${noticeId}|r${revision}` });
    },
    async takeBudget(tenantId, login, date, budget, now) {
      for (let slot = 0; slot < budget; slot += 1) {
        const _id = `${tenantId}|notify-budget|${login}|${date}|${slot}`;
        if (await insertOnce(() => DeliveryClaim.create({ _id, tenantId, claimedAt: now }))) return true;
      }
      return false;
    },
    async delivered(tenantId, noticeId, revision, ref, now) {
      const set = { ref, deliveredRevision: revision, deliveredAt: now };
      const done = await TriageNotice.updateOne(
        { tenantId, _id: noticeId, revision },
        { $set: { ...set, pending: false } },
      );
      // An event came meanwhile: keep the ref, and the notice pending for it.
      if (done.matchedCount === 0) await TriageNotice.updateOne({ tenantId, _id: noticeId }, { $set: set });
    },
  };

  return {
    settings,
    notices,
    /** Records the notification events a batch of fact writes carries (main's normalizer afterApply). */
    async recordWrites(tenantId: string, writes: readonly FactWrite[], now = new Date()): Promise<number> {
      let recorded = 0;
      for (const candidate of notifyCandidatesOf(writes)) {
        for (const pr of await pullsOf(tenantId, candidate)) {
          if (await record(tenantId, candidate, pr, now)) recorded += 1;
        }
      }
      return recorded;
    },
  };
}

export type NotifyStore = ReturnType<typeof createNotifyStore>;
