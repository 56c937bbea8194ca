import { tenantCollection } from '../db/tenant-collection.ts';
import { PULL_CHANGE_RETENTION_MS } from '../ingest/purge-pull-changes.ts';
import type { PullRequestFields } from '../models/facts/pull-request.ts';
import type { Models } from '../models/index.ts';
import { pullChangeBucketOf } from '../models/pull-request-change.ts';

/** An open pull request fact as the index holds it (frozen: every queue shares it). */
export type OpenPullFact = Readonly<PullRequestFields & { _id: string; tenantId: string; rev?: number }>;

/** One tenant's open PRs as of the call. */
export interface OpenPulls {
  all(): OpenPullFact[];
  ofRepo(repo: string): OpenPullFact[];
  /** Authored by one of the logins, or requesting the review of one. */
  ofLogins(logins: Iterable<string>): OpenPullFact[];
}

export interface OpenPullIndex {
  openPulls(tenantId: string): Promise<OpenPulls>;
}

/**
 * How far apart two processes' clocks may be, plus the time between a write's log entry and its landing: each
 * look reads the change buckets from this long before the previous one.
 */
export const CLOCK_SKEW_MS = 30_000;
/** A tenant not looked at for this long is dropped (and read again when asked): its changes may be purged. */
export const RELOAD_AFTER_MS = PULL_CHANGE_RETENTION_MS / 2;
/** A logged write whose PR still shows an older revision after this long never landed (its writer died). */
const PENDING_MS = 120_000;
/** Up to this many buckets are read one equality query each; more, one read of the tenant's log. */
const MAX_BUCKET_READS = 4;

interface TenantPulls {
  facts: Map<string, OpenPullFact>;
  byAuthor: Map<string, Set<string>>;
  byReviewer: Map<string, Set<string>>;
  byRepo: Map<string, Set<string>>;
  /** The revision last read of every PR read, open or not, so a logged write already seen is not read again. */
  revs: Map<string, number>;
  /** Logged writes whose PR still showed an older revision (the write had not landed yet). */
  pending: Map<string, { rev: number; since: number }>;
  /** When the last load or look began, on this process's clock. */
  checkedAt: number;
}

const addTo = (map: Map<string, Set<string>>, key: string, id: string) => {
  const ids = map.get(key);
  if (ids) ids.add(id);
  else map.set(key, new Set([id]));
};
const removeFrom = (map: Map<string, Set<string>>, key: string, id: string) => {
  const ids = map.get(key);
  ids?.delete(id);
  if (ids?.size === 0) map.delete(key);
};

function freeze(fact: OpenPullFact): OpenPullFact {
  for (const value of Object.values(fact)) if (Array.isArray(value)) Object.freeze(value);
  return Object.freeze(fact);
}

/** Replaces what the index holds of PR `id` by `fact` (null: gone), keeping it only while open. */
function put(pulls: TenantPulls, id: string, fact: OpenPullFact | null) {
  const old = pulls.facts.get(id);
  if (old) {
    pulls.facts.delete(id);
    removeFrom(pulls.byAuthor, old.author ?? '', id);
    for (const login of old.requestedReviewers ?? []) removeFrom(pulls.byReviewer, login, id);
    removeFrom(pulls.byRepo, old.repo, id);
  }
  pulls.revs.set(id, fact?.rev ?? 0);
  if (fact?.state !== 'open') return;
  pulls.facts.set(id, freeze(fact));
  addTo(pulls.byAuthor, fact.author ?? '', id);
  for (const login of fact.requestedReviewers ?? []) addTo(pulls.byReviewer, login, id);
  addTo(pulls.byRepo, fact.repo, id);
}

function viewOf(pulls: TenantPulls): OpenPulls {
  const factsOf = (ids: Iterable<string>) => [...ids].map((id) => pulls.facts.get(id)!);
  return {
    all: () => [...pulls.facts.values()],
    ofRepo: (repo) => factsOf(pulls.byRepo.get(repo) ?? []),
    ofLogins(logins) {
      const ids = new Set<string>();
      for (const login of logins) {
        for (const id of pulls.byAuthor.get(login) ?? []) ids.add(id);
        for (const id of pulls.byReviewer.get(login) ?? []) ids.add(id);
      }
      return factsOf(ids);
    },
  };
}

/**
 * Each tenant's open pull requests in memory, by author, requested reviewer and repository, so a /triage reads
 * no pull request by anything but `_id`. Loaded once per tenant (one read of its open PRs: `state` equality is
 * pushed down), then, at every call, kept current from the pull request change log that applyFactWrites keeps
 * (data/models/pull-request-change.ts): the log's buckets since the previous look (by equality, a small table),
 * then the PRs named there at a revision not yet seen, by `_id`. Every process writes its changes there, so a
 * write by any process shows in every index at its next call, with nothing to wire. A tenant left alone for
 * RELOAD_AFTER_MS is dropped from memory and loaded again on its next call.
 */
export function createOpenPullIndex(
  models: Pick<Models, 'PullRequest' | 'PullRequestChange'>,
  clock: () => number = Date.now,
): OpenPullIndex {
  const { PullRequest, PullRequestChange } = models;
  const facts = tenantCollection(PullRequest);
  const tenants = new Map<string, { loading: Promise<TenantPulls>; pulls?: TenantPulls }>();
  const looks = new Map<string, { running: Promise<void>; next?: Promise<void> }>();

  async function load(tenantId: string): Promise<TenantPulls> {
    const checkedAt = clock();
    const docs = (await PullRequest.find({ tenantId, state: 'open' }).lean()) as OpenPullFact[];
    const pulls: TenantPulls = {
      facts: new Map(),
      byAuthor: new Map(),
      byReviewer: new Map(),
      byRepo: new Map(),
      revs: new Map(),
      pending: new Map(),
      checkedAt,
    };
    for (const doc of docs) put(pulls, doc._id, doc);
    return pulls;
  }

  async function changesSince(tenantId: string, since: number, until: number) {
    const from = pullChangeBucketOf(since);
    const to = pullChangeBucketOf(until);
    const fields = { pull: 1, rev: 1 };
    if (to - from + 1 > MAX_BUCKET_READS) {
      return PullRequestChange.find({ tenantId, bucket: { $gte: from } }, fields).lean();
    }
    const buckets = Array.from({ length: to - from + 1 }, (_, index) => from + index);
    const found = await Promise.all(
      buckets.map((bucket) => PullRequestChange.find({ tenantId, bucket }, fields).lean()),
    );
    return found.flat();
  }

  async function look(tenantId: string, pulls: TenantPulls) {
    const started = clock();
    for (const change of await changesSince(
      tenantId,
      pulls.checkedAt - CLOCK_SKEW_MS,
      started + CLOCK_SKEW_MS,
    )) {
      if (change.rev <= (pulls.revs.get(change.pull) ?? -1)) continue;
      const pending = pulls.pending.get(change.pull);
      if (!pending || pending.rev < change.rev) {
        pulls.pending.set(change.pull, { rev: change.rev, since: pending?.since ?? started });
      }
    }
    await Promise.all(
      [...pulls.pending].map(async ([id, pending]) => {
        const fact = (await facts.findById(tenantId, id)) as OpenPullFact | null;
        put(pulls, id, fact);
        if ((fact?.rev ?? 0) >= pending.rev || started - pending.since > PENDING_MS) pulls.pending.delete(id);
      }),
    );
    pulls.checkedAt = started;
  }

  /** One look at a time per tenant; a call during a look waits for the next one, which sees its writes. */
  function lookAt(tenantId: string, pulls: TenantPulls): Promise<void> {
    const current = looks.get(tenantId);
    if (current) {
      current.next ??= current.running.catch(() => undefined).then(() => lookAt(tenantId, pulls));
      return current.next;
    }
    const running = look(tenantId, pulls).finally(() => {
      if (looks.get(tenantId)?.running === running) looks.delete(tenantId);
    });
    looks.set(tenantId, { running });
    return running;
  }

  async function pullsOf(tenantId: string): Promise<TenantPulls> {
    const now = clock();
    // Tenants left alone too long (this one included) are read afresh.
    for (const [id, entry] of tenants) {
      if (entry.pulls && now - entry.pulls.checkedAt > RELOAD_AFTER_MS) tenants.delete(id);
    }
    const known = tenants.get(tenantId);
    if (known) {
      const pulls = await known.loading;
      await lookAt(tenantId, pulls);
      return pulls;
    }
    const entry: { loading: Promise<TenantPulls>; pulls?: TenantPulls } = { loading: load(tenantId) };
    tenants.set(tenantId, entry);
    entry.loading.then(
      (pulls) => (entry.pulls = pulls),
      // A failed read is not kept: the next call tries again.
      () => tenants.get(tenantId) === entry && tenants.delete(tenantId),
    );
    return entry.loading;
  }

  return {
    async openPulls(tenantId) {
      return viewOf(await pullsOf(tenantId));
    },
  };
}
