import type { ReviewedChange } from '../../handlers/triage/types.ts';

/** Deterministic pseudo-random numbers in [0, 1) (a linear congruential generator). */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
}

/**
 * A synthetic review history shaped like a real team's: packages with owners, people who join and leave,
 * authors who mostly go back to the same reviewer, one to three reviewers a change, and a few newcomers' changes.
 * One change every 6 hours from 2020-01-01, so `changes` spans years for large counts.
 */
export function generateReviewHistory(changes: number, seed = 7): ReviewedChange[] {
  const random = seeded(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const people = Array.from({ length: 60 }, (_, index) => ({
    login: `dev-${index}`,
    joins: Math.floor(random() * changes * 0.6),
    leaves: Math.floor(changes * (0.4 + random() * 0.8)),
  }));
  const packages = Array.from({ length: 40 }, (_, index) => `pkg${index % 8}/sub${index}`);
  const ownersOf = new Map(packages.map((folder) => [folder, [pick(people), pick(people)]]));
  const favourite = new Map(people.map((person) => [person.login, pick(people)]));
  const start = Date.parse('2020-01-01T00:00:00Z');
  const history: ReviewedChange[] = [];
  for (let index = 0; index < changes; index++) {
    const active = people.filter((person) => person.joins <= index && index < person.leaves);
    const author = pick(active.length > 1 ? active : people);
    const folder = pick(packages);
    const files = Array.from(
      { length: 1 + Math.floor(random() * 4) },
      (_, file) => `${folder}/file${file}.go`,
    );
    const owners = ownersOf.get(folder)!.filter((owner) => owner !== author && active.includes(owner));
    const buddy = favourite.get(author.login)!;
    const candidates = [
      ...(buddy !== author && active.includes(buddy) && random() < 0.5 ? [buddy] : []),
      ...(random() < 0.8 ? owners : []),
    ];
    const reviewers = new Set(
      candidates.slice(0, 1 + Math.floor(random() * 2)).map((person) => person.login),
    );
    const others = (active.length > 1 ? active : people).filter((person) => person !== author);
    if (reviewers.size === 0) reviewers.add(pick(others).login);
    history.push({
      id: `c${index}`,
      at: new Date(start + index * 6 * 3_600_000),
      author: author.login,
      files,
      reviewers: [...reviewers],
    });
  }
  return history;
}
