import type {
  RankedReviewer,
  ReviewedChange,
  ReviewerContext,
  ReviewerReasons,
  ReviewerSuggester,
  ReviewerSuggestion,
  TriagePull,
} from './types.ts';

/**
 * Reviewer suggestions from past reviewed changes. The model is incremental: `record` each change in time order,
 * and `rank` a new one from what was recorded before it, so the offline evaluation replays a history through
 * exactly the code that suggests reviewers in chat. Every learned count decays exponentially with age (cHRev's
 * recency), kept as one value and the time it was last touched, so a record costs the same on day 1 and day 4,000.
 *
 * The score of a candidate for a change by `author` touching `files` (see docs/triage.md, "Reviewer suggestions"):
 *   paths * (share of the decayed reviews, and less for authorship, of each changed file, its directory and its
 *            parents, the file's most specific levels weighing most; averaged over the files)
 * + familiarity * (share of the author's decayed past changes this person reviewed)
 * + reciprocity * (share of this person's decayed past changes the author reviewed)
 * + activity * (this person's share of all recent reviews: people who left stop being suggested)
 * + owners * (share of the changed files this person is a code owner of)
 * - load * (open review requests now)
 */

export interface ReviewerWeights {
  /** Half-life of every learned count, in days. */
  halfLifeDays: number;
  paths: number;
  /** How much having changed a path counts beside having reviewed it. */
  authorship: number;
  /** Weight of a directory level relative to the level below it (the file, then its directory, ...). */
  levelDecay: number;
  familiarity: number;
  reciprocity: number;
  activity: number;
  owners: number;
  load: number;
}

/** Chosen on the first two thirds of golang/net's history, the last third held out (docs/triage.md). */
export const DEFAULT_REVIEWER_WEIGHTS: ReviewerWeights = {
  halfLifeDays: 180,
  paths: 1,
  authorship: 0.3,
  levelDecay: 0.5,
  familiarity: 1,
  reciprocity: 0.3,
  activity: 0.5,
  owners: 1,
  load: 0.05,
};

/** How many of an author's latest changes the familiarity reason counts ("reviewed 9 of your last 20 PRs"). */
const FAMILIARITY_WINDOW = 20;
const DAY_MS = 86_400_000;
const BOT_LOGINS = new Set(['dependabot', 'renovate', 'github-actions', 'dependabot-preview', 'renovate-bot']);

/** `[bot]` accounts, Dependabot, Renovate and GitHub Actions: never suggested as reviewers. */
export function isBotLogin(login: string): boolean {
  const lower = login.toLowerCase();
  return lower.endsWith('[bot]') || BOT_LOGINS.has(lower);
}

/** A count that halves every half-life: the value as of `at` (ms); read it as of a later time with `valueAt`. */
interface Decayed {
  value: number;
  at: number;
}

interface PathStats {
  total: Decayed;
  reviewed: Map<string, Decayed>;
  changed: Map<string, Decayed>;
  /** Undecayed: past changes touching the path this person reviewed or authored (for the reasons line). */
  worked: Map<string, number>;
}

interface AuthorStats {
  total: Decayed;
  reviewers: Map<string, Decayed>;
  /** Reviewers of the author's latest changes, oldest first, at most FAMILIARITY_WINDOW. */
  latest: string[][];
}

/** A change to rank: who wrote it, what it touches, and when (the moment it is ranked). */
export interface ChangeToRank {
  author: string;
  files: readonly string[];
  at: Date;
}

/** Offline, nobody is away and nobody has open reviews or code owners (none of that is in a history). */
export const OFFLINE_CONTEXT: ReviewerContext = {
  isAvailable: () => true,
  openReviews: new Map(),
  codeOwnersOf: () => [],
};

/** The file, then each directory above it, as `dir/` keys: `a/b/c.go` → `a/b/c.go`, `a/b/`, `a/`. */
function pathLevels(file: string): string[] {
  const levels = [file];
  for (let slash = file.lastIndexOf('/'); slash > 0; slash = file.lastIndexOf('/', slash - 1)) {
    levels.push(file.slice(0, slash + 1));
  }
  return levels;
}

function directoryOf(file: string): string {
  const slash = file.lastIndexOf('/');
  return slash > 0 ? file.slice(0, slash + 1) : file;
}

/** The longest directory all the given files share (`api/billing/`), else the only file, else undefined. */
function commonDirectory(files: readonly string[]): string | undefined {
  if (files.length === 1) return directoryOf(files[0]!);
  let prefix = directoryOf(files[0] ?? '');
  for (const file of files) {
    while (prefix && !file.startsWith(prefix)) prefix = prefix.slice(0, prefix.lastIndexOf('/', prefix.length - 2) + 1);
  }
  return prefix || undefined;
}

export interface ReviewerModel {
  /** Learns from one reviewed change; changes come in time order. */
  record(change: ReviewedChange): void;
  /** Every candidate worth a score, best first, never the author, a bot or someone unavailable in `context`. */
  rank(change: ChangeToRank, context?: ReviewerContext): RankedReviewer[];
  /** How many changes were recorded. */
  readonly size: number;
}

export function createReviewerModel(weights: ReviewerWeights = DEFAULT_REVIEWER_WEIGHTS): ReviewerModel {
  const rate = Math.LN2 / (weights.halfLifeDays * DAY_MS);
  const paths = new Map<string, PathStats>();
  const authors = new Map<string, AuthorStats>();
  const activity = new Map<string, Decayed>();
  const allReviews: Decayed = { value: 0, at: 0 };
  let size = 0;

  const valueAt = (count: Decayed | undefined, at: number) =>
    count ? count.value * Math.exp(-rate * (at - count.at)) : 0;
  const add = (count: Decayed, at: number, amount: number) => {
    count.value = valueAt(count, at) + amount;
    count.at = at;
  };
  const addTo = (counts: Map<string, Decayed>, login: string, at: number, amount: number) => {
    let count = counts.get(login);
    if (!count) counts.set(login, (count = { value: 0, at }));
    add(count, at, amount);
  };
  const authorStats = (login: string) => {
    let stats = authors.get(login);
    if (!stats) authors.set(login, (stats = { total: { value: 0, at: 0 }, reviewers: new Map(), latest: [] }));
    return stats;
  };

  function record(change: ReviewedChange): void {
    const at = change.at.getTime();
    const reviewers = [...new Set(change.reviewers)].filter((login) => login !== change.author);
    const levels = new Set(change.files.flatMap(pathLevels));
    for (const level of levels) {
      let stats = paths.get(level);
      if (!stats) {
        paths.set(level, (stats = { total: { value: 0, at }, reviewed: new Map(), changed: new Map(), worked: new Map() }));
      }
      add(stats.total, at, 1);
      addTo(stats.changed, change.author, at, 1);
      for (const login of [change.author, ...reviewers]) stats.worked.set(login, (stats.worked.get(login) ?? 0) + 1);
      for (const login of reviewers) addTo(stats.reviewed, login, at, 1);
    }
    const author = authorStats(change.author);
    add(author.total, at, 1);
    for (const login of reviewers) addTo(author.reviewers, login, at, 1);
    author.latest.push(reviewers);
    if (author.latest.length > FAMILIARITY_WINDOW) author.latest.shift();
    add(allReviews, at, reviewers.length);
    for (const login of reviewers) addTo(activity, login, at, 1);
    size += 1;
  }

  /** Per-file path expertise, averaged over the files: Σ levels λ^depth · share / Σ λ^depth over known levels. */
  function scorePaths(files: readonly string[], at: number, scores: Map<string, number>): void {
    const perFile = weights.paths / Math.max(1, files.length);
    for (const file of files) {
      let weight = 1;
      let norm = 0;
      const levels: { stats: PathStats; weight: number; total: number }[] = [];
      for (const level of pathLevels(file)) {
        const stats = paths.get(level);
        const total = valueAt(stats?.total, at);
        if (stats && total > 0) {
          levels.push({ stats, weight, total });
          norm += weight;
        }
        weight *= weights.levelDecay;
      }
      for (const { stats, weight: levelWeight, total } of levels) {
        const factor = (perFile * levelWeight) / (norm * total);
        for (const [login, count] of stats.reviewed) {
          scores.set(login, (scores.get(login) ?? 0) + factor * valueAt(count, at));
        }
        if (weights.authorship === 0) continue;
        for (const [login, count] of stats.changed) {
          scores.set(login, (scores.get(login) ?? 0) + factor * weights.authorship * valueAt(count, at));
        }
      }
    }
  }

  function reasonsFor(login: string, change: ChangeToRank, context: ReviewerContext): ReviewerReasons {
    const owned = change.files.filter((file) => context.codeOwnersOf(file).includes(login));
    const latest = authors.get(change.author)?.latest ?? [];
    const reviewed = latest.filter((reviewers) => reviewers.includes(login)).length;
    const pathHistory = Math.max(
      0,
      ...change.files.map((file) => paths.get(directoryOf(file))?.worked.get(login) ?? 0),
    );
    const reasons: ReviewerReasons = { openReviews: context.openReviews.get(login) ?? 0 };
    const owns = owned.length > 0 ? commonDirectory(owned) : undefined;
    if (owns) reasons.owns = owns;
    if (reviewed > 0) reasons.familiarity = { reviewed, of: latest.length };
    if (pathHistory > 0) reasons.pathHistory = pathHistory;
    return reasons;
  }

  function rank(change: ChangeToRank, context: ReviewerContext = OFFLINE_CONTEXT): RankedReviewer[] {
    const at = change.at.getTime();
    const scores = new Map<string, number>();
    const bump = (login: string, amount: number) => scores.set(login, (scores.get(login) ?? 0) + amount);
    scorePaths(change.files, at, scores);

    const author = authors.get(change.author);
    const authored = valueAt(author?.total, at);
    if (author && authored > 0) {
      for (const [login, count] of author.reviewers) bump(login, (weights.familiarity * valueAt(count, at)) / authored);
    }
    if (weights.reciprocity > 0) {
      for (const [login, stats] of authors) {
        const theirs = valueAt(stats.total, at);
        const byAuthor = stats.reviewers.get(change.author);
        if (byAuthor && theirs > 0) bump(login, (weights.reciprocity * valueAt(byAuthor, at)) / theirs);
      }
    }
    const reviewsNow = valueAt(allReviews, at);
    if (reviewsNow > 0) {
      for (const [login, count] of activity) bump(login, (weights.activity * valueAt(count, at)) / reviewsNow);
    }
    if (change.files.length > 0) {
      for (const file of change.files) {
        for (const owner of context.codeOwnersOf(file)) bump(owner, weights.owners / change.files.length);
      }
    }
    for (const [login, open] of context.openReviews) if (scores.has(login)) bump(login, -weights.load * open);

    const ranked = [...scores]
      .filter(([login]) => login !== change.author && !isBotLogin(login) && context.isAvailable(login))
      .sort(([a, x], [b, y]) => y - x || (a < b ? -1 : a > b ? 1 : 0));
    return ranked.map(([login, score]) => ({ login, score, reasons: reasonsFor(login, change, context) }));
  }

  return {
    record,
    rank,
    get size() {
      return size;
    },
  };
}

/** "owns `api/billing/`, reviewed 9 of your last 20 PRs, 2 open reviews": the why, for Slack and Teams alike. */
export function describeReviewerReasons(reasons: ReviewerReasons): string {
  const parts: string[] = [];
  if (reasons.owns) parts.push(`owns \`${reasons.owns}\``);
  if (reasons.familiarity) {
    parts.push(`reviewed ${reasons.familiarity.reviewed} of your last ${reasons.familiarity.of} PRs`);
  }
  if (reasons.pathHistory) {
    parts.push(`worked on these paths in ${reasons.pathHistory} past PR${reasons.pathHistory === 1 ? '' : 's'}`);
  }
  const open = reasons.openReviews;
  parts.push(open === 0 ? 'no open reviews' : `${open} open review${open === 1 ? '' : 's'}`);
  return parts.join(', ');
}

/** The suggester triage calls: one person first, up to two alternatives, from the history given (time order). */
export function createReviewerSuggester(
  history: Iterable<ReviewedChange>,
  options: { weights?: ReviewerWeights; now?: () => Date } = {},
): ReviewerSuggester {
  const model = createReviewerModel(options.weights);
  const ordered = [...history].sort((a, b) => a.at.getTime() - b.at.getTime());
  for (const change of ordered) model.record(change);
  const now = options.now ?? (() => new Date());
  return {
    suggest(pull: TriagePull, context: ReviewerContext): ReviewerSuggestion | undefined {
      const [first, ...alternatives] = model
        .rank({ author: pull.author, files: pull.files, at: now() }, context)
        .filter((candidate) => candidate.score > 0)
        .slice(0, 3);
      return first ? { first, alternatives } : undefined;
    },
  };
}
