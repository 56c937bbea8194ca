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
 * The score of a candidate for a change by `author` touching `files` (docs/triage.md, "Reviewer suggestions") is
 * a weighted sum of: their share of the decayed reviews and (weighted by `authorship`) authorship of each changed
 * file, its directory and its parents, averaged over the files; their share of the author's past changes reviewed,
 * over a long and a short half-life; whether they reviewed the latest change to these paths, or the author's
 * previous change; their share of changes the author reviewed (reciprocity); their share of all recent reviews
 * (people who left stop being suggested). The weights start from `DEFAULT_REVIEWER_WEIGHTS` and are learned online
 * from the history replayed (`learn`). Code ownership adds `owners` per share of owned files, and the whole is
 * divided by 1 + load × open review requests.
 */

export interface ReviewerWeights {
  /** Half-lives of the learned counts, in days: path expertise, familiarity, recent familiarity, activity. */
  pathHalfLifeDays: number;
  familiarityHalfLifeDays: number;
  recentHalfLifeDays: number;
  activityHalfLifeDays: number;
  paths: number;
  /** How much having changed a path counts beside having reviewed it. */
  authorship: number;
  /** Weight of a directory level relative to the level below it (the file, then its directory, ...). */
  levelDecay: number;
  familiarity: number;
  /** Familiarity again over a short half-life: who reviews the author's changes these weeks. */
  recentFamiliarity: number;
  /** Reviewed the author's previous change (a series of changes keeps its reviewer). */
  lastReviewer: number;
  /** Reviewed the latest change to each file (or its nearest directory with history), averaged over the files. */
  lastPathReviewer: number;
  reciprocity: number;
  activity: number;
  /** Step of the online learning that adjusts the weights above to the history replayed (0: fixed weights). */
  learningRate: number;
  owners: number;
  /** Each open review request divides the score by 1 + load times their number. */
  load: number;
}

/** Chosen on the first two thirds of golang/net's history, the last third held out (docs/triage.md). */
export const DEFAULT_REVIEWER_WEIGHTS: ReviewerWeights = {
  pathHalfLifeDays: 180,
  familiarityHalfLifeDays: 30,
  recentHalfLifeDays: 7,
  activityHalfLifeDays: 14,
  paths: 2,
  authorship: 1,
  levelDecay: 1,
  familiarity: 1,
  recentFamiliarity: 2,
  lastReviewer: 0,
  lastPathReviewer: 1,
  reciprocity: 0,
  activity: 2,
  learningRate: 0.3,
  owners: 1,
  load: 0.1,
};

/** How many of an author's latest changes the familiarity reason counts ("reviewed 9 of your last 20 PRs"). */
const FAMILIARITY_WINDOW = 20;
/** What the score weighs of a candidate, in the order of `learned` below. */
const [
  PATH_REVIEWED,
  PATH_CHANGED,
  FAMILIARITY,
  RECENT_FAMILIARITY,
  LAST_REVIEWER,
  RECIPROCITY,
  ACTIVITY,
  LAST_PATH_REVIEWER,
] = [0, 1, 2, 3, 4, 5, 6, 7] as const;
const FEATURES = 8;
/** Pairs learned from per change: each real reviewer against this many best-scored others. */
const LEARNING_NEGATIVES = 5;
const DAY_MS = 86_400_000;
const BOT_LOGINS = new Set([
  'dependabot',
  'renovate',
  'github-actions',
  'dependabot-preview',
  'renovate-bot',
]);

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

const newCount = (at: number): Decayed => ({ value: 0, at });

interface PathStats {
  total: Decayed;
  reviewed: Map<string, Decayed>;
  changed: Map<string, Decayed>;
  /** Reviewers of the latest change that touched the path. */
  latest: string[];
  /** Undecayed: past changes touching the path this person reviewed or authored (for the reasons line). */
  worked: Map<string, number>;
}

interface AuthorStats {
  total: Decayed;
  reviewers: Map<string, Decayed>;
  recentTotal: Decayed;
  recentReviewers: Map<string, Decayed>;
  /** Reviewers of the author's latest changes, oldest first, at most FAMILIARITY_WINDOW. */
  latest: string[][];
}

/** A change to rank: who wrote it, what it touches, and when (the moment it is ranked). */
export interface ChangeToRank {
  /** Paths are compared within a repository when both sides name one (`owner/name`). */
  repo?: string;
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

/**
 * The file, then each directory above it, as `dir/` keys, within its repository when known:
 * `a/b/c.go` → `a/b/c.go`, `a/b/`, `a/` (and `o/r:a/b/c.go`, ... in repository `o/r`).
 */
function pathLevels(file: string, repo?: string): string[] {
  const prefix = repo ? `${repo}:` : '';
  const levels = [prefix + file];
  for (let slash = file.lastIndexOf('/'); slash > 0; slash = file.lastIndexOf('/', slash - 1)) {
    levels.push(prefix + file.slice(0, slash + 1));
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
    while (prefix && !file.startsWith(prefix))
      prefix = prefix.slice(0, prefix.lastIndexOf('/', prefix.length - 2) + 1);
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
  const rateOf = (days: number) => Math.LN2 / (days * DAY_MS);
  const pathRate = rateOf(weights.pathHalfLifeDays);
  const familiarityRate = rateOf(weights.familiarityHalfLifeDays);
  const recentRate = rateOf(weights.recentHalfLifeDays);
  const activityRate = rateOf(weights.activityHalfLifeDays);
  const paths = new Map<string, PathStats>();
  const authors = new Map<string, AuthorStats>();
  const activity = new Map<string, Decayed>();
  const allReviews = newCount(0);
  let size = 0;
  const learned = Float64Array.from([
    weights.paths,
    weights.paths * weights.authorship,
    weights.familiarity,
    weights.recentFamiliarity,
    weights.lastReviewer,
    weights.reciprocity,
    weights.activity,
    weights.lastPathReviewer,
  ]);

  const valueAt = (count: Decayed | undefined, at: number, rate: number) =>
    count ? count.value * Math.exp(-rate * (at - count.at)) : 0;
  const add = (count: Decayed, at: number, rate: number) => {
    count.value = valueAt(count, at, rate) + 1;
    count.at = at;
  };
  const addTo = (counts: Map<string, Decayed>, login: string, at: number, rate: number) => {
    let count = counts.get(login);
    if (!count) counts.set(login, (count = newCount(at)));
    add(count, at, rate);
  };
  const authorStats = (login: string) => {
    let stats = authors.get(login);
    if (!stats) {
      stats = {
        total: newCount(0),
        reviewers: new Map(),
        recentTotal: newCount(0),
        recentReviewers: new Map(),
        latest: [],
      };
      authors.set(login, stats);
    }
    return stats;
  };

  function record(change: ReviewedChange): void {
    learn(change);
    const at = change.at.getTime();
    const reviewers = [...new Set(change.reviewers)].filter((login) => login !== change.author);
    const levels = new Set(change.files.flatMap((file) => pathLevels(file, change.repo)));
    for (const level of levels) {
      let stats = paths.get(level);
      if (!stats) {
        paths.set(
          level,
          (stats = {
            total: newCount(at),
            reviewed: new Map(),
            changed: new Map(),
            worked: new Map(),
            latest: [],
          }),
        );
      }
      add(stats.total, at, pathRate);
      stats.latest = reviewers;
      addTo(stats.changed, change.author, at, pathRate);
      for (const login of [change.author, ...reviewers])
        stats.worked.set(login, (stats.worked.get(login) ?? 0) + 1);
      for (const login of reviewers) addTo(stats.reviewed, login, at, pathRate);
    }
    const author = authorStats(change.author);
    add(author.total, at, familiarityRate);
    add(author.recentTotal, at, recentRate);
    for (const login of reviewers) {
      addTo(author.reviewers, login, at, familiarityRate);
      addTo(author.recentReviewers, login, at, recentRate);
    }
    author.latest.push(reviewers);
    if (author.latest.length > FAMILIARITY_WINDOW) author.latest.shift();
    for (const login of reviewers) {
      add(allReviews, at, activityRate);
      addTo(activity, login, at, activityRate);
    }
    size += 1;
  }

  /** Adds each candidate's path expertise: per file, Σ levels λ^depth · share / Σ λ^depth over known levels. */
  function addPathFeatures(
    change: ChangeToRank,
    at: number,
    features: (login: string) => Float64Array,
  ): void {
    const { files, repo } = change;
    const perFile = 1 / Math.max(1, files.length);
    for (const file of files) {
      let weight = 1;
      let norm = 0;
      const levels: { stats: PathStats; weight: number; total: number }[] = [];
      const nearest = pathLevels(file, repo).find((level) => paths.has(level));
      for (const login of nearest ? paths.get(nearest)!.latest : [])
        features(login)[LAST_PATH_REVIEWER]! += perFile;
      for (const level of pathLevels(file, repo)) {
        const stats = paths.get(level);
        const total = valueAt(stats?.total, at, pathRate);
        if (stats && total > 0) {
          levels.push({ stats, weight, total });
          norm += weight;
        }
        weight *= weights.levelDecay;
      }
      for (const { stats, weight: levelWeight, total } of levels) {
        const factor = (perFile * levelWeight) / (norm * total);
        for (const [login, count] of stats.reviewed)
          features(login)[PATH_REVIEWED]! += factor * valueAt(count, at, pathRate);
        for (const [login, count] of stats.changed)
          features(login)[PATH_CHANGED]! += factor * valueAt(count, at, pathRate);
      }
    }
  }

  /** Every candidate with any history around this change, and what the score weighs of them. */
  function featuresOf(change: ChangeToRank): Map<string, Float64Array> {
    const at = change.at.getTime();
    const all = new Map<string, Float64Array>();
    const features = (login: string) => {
      let vector = all.get(login);
      if (!vector) all.set(login, (vector = new Float64Array(FEATURES)));
      return vector;
    };
    addPathFeatures(change, at, features);
    const author = authors.get(change.author);
    if (author) {
      const authored = valueAt(author.total, at, familiarityRate);
      for (const [login, count] of author.reviewers)
        features(login)[FAMILIARITY] = valueAt(count, at, familiarityRate) / authored;
      const recent = valueAt(author.recentTotal, at, recentRate);
      for (const [login, count] of author.recentReviewers)
        features(login)[RECENT_FAMILIARITY] = valueAt(count, at, recentRate) / recent;
      for (const login of author.latest.at(-1) ?? []) features(login)[LAST_REVIEWER] = 1;
    }
    for (const [login, stats] of authors) {
      const byAuthor = stats.reviewers.get(change.author);
      if (byAuthor)
        features(login)[RECIPROCITY] =
          valueAt(byAuthor, at, familiarityRate) / valueAt(stats.total, at, familiarityRate);
    }
    const reviewsNow = valueAt(allReviews, at, activityRate);
    for (const [login, count] of activity)
      features(login)[ACTIVITY] = valueAt(count, at, activityRate) / reviewsNow;
    all.delete(change.author);
    return all;
  }

  const dot = (vector: Float64Array) =>
    vector.reduce((sum, value, index) => sum + value * learned[index]!, 0);

  /**
   * One step of online pairwise learning before a change is recorded: its real reviewers should outscore the
   * candidates ranked above them (logistic loss on each pair), so the weights settle on what this team does.
   */
  function learn(change: ReviewedChange): void {
    if (weights.learningRate === 0) return;
    const real = new Set(change.reviewers.filter((login) => login !== change.author));
    const candidates = [...featuresOf(change)].map(([login, vector]) => ({
      login,
      vector,
      score: dot(vector),
    }));
    const positives = candidates.filter((candidate) => real.has(candidate.login));
    const negatives = candidates
      .filter((candidate) => !real.has(candidate.login))
      .sort((a, b) => b.score - a.score)
      .slice(0, LEARNING_NEGATIVES);
    const step = new Float64Array(FEATURES);
    for (const positive of positives) {
      for (const negative of negatives) {
        const pull = 1 / (1 + Math.exp(positive.score - negative.score));
        for (let index = 0; index < FEATURES; index++)
          step[index]! += pull * (positive.vector[index]! - negative.vector[index]!);
      }
    }
    const pairs = Math.max(1, positives.length * negatives.length);
    for (let index = 0; index < FEATURES; index++) {
      learned[index] = Math.max(0, learned[index]! + (weights.learningRate * step[index]!) / pairs);
    }
  }

  function reasonsFor(login: string, change: ChangeToRank, context: ReviewerContext): ReviewerReasons {
    const owned = change.files.filter((file) => context.codeOwnersOf(file).includes(login));
    const latest = authors.get(change.author)?.latest ?? [];
    const reviewed = latest.filter((reviewers) => reviewers.includes(login)).length;
    const pathHistory = Math.max(
      0,
      ...change.files.map(
        (file) => paths.get(pathLevels(directoryOf(file), change.repo)[0]!)?.worked.get(login) ?? 0,
      ),
    );
    const reasons: ReviewerReasons = { openReviews: context.openReviews.get(login) ?? 0 };
    const owns = owned.length > 0 ? commonDirectory(owned) : undefined;
    if (owns) reasons.owns = owns;
    if (reviewed > 0) reasons.familiarity = { reviewed, of: latest.length };
    if (pathHistory > 0) reasons.pathHistory = pathHistory;
    return reasons;
  }

  function rank(change: ChangeToRank, context: ReviewerContext = OFFLINE_CONTEXT): RankedReviewer[] {
    const scores = new Map<string, number>();
    for (const [login, vector] of featuresOf(change)) scores.set(login, dot(vector));
    const bump = (login: string, amount: number) => scores.set(login, (scores.get(login) ?? 0) + amount);
    for (const file of change.files) {
      for (const owner of context.codeOwnersOf(file)) bump(owner, weights.owners / change.files.length);
    }
    // Load divides rather than subtracts, so it weighs the same whatever the scale the learned weights reach.
    for (const [login, open] of context.openReviews) {
      const score = scores.get(login);
      if (score !== undefined) scores.set(login, score / (1 + weights.load * open));
    }

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
    parts.push(
      `worked on these paths in ${reasons.pathHistory} past PR${reasons.pathHistory === 1 ? '' : 's'}`,
    );
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
        .rank({ repo: pull.repo, author: pull.author, files: pull.files, at: context.now ?? now() }, context)
        .filter((candidate) => candidate.score > 0)
        .slice(0, 3);
      return first ? { first, alternatives } : undefined;
    },
  };
}
