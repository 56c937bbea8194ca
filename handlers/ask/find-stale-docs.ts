/** Inputs for the stale-docs digest, read by the job; this file only decides. */
export interface CitedSource {
  source: string;
  path: string;
  url: string;
  updatedAt: Date;
}

export interface DocOwnership {
  source: string;
  path: string;
  owners: string[];
  authors: string[];
  /** Where indexing masked secret-looking text (`SecretFinding`); absent for docs indexed before it did. */
  secrets?: SecretFinding[];
}

/** A line of a doc that held a secret-looking string, and its link. */
export interface SecretFinding {
  line: number;
  url: string;
}

export interface StaleDocItem {
  source: string;
  path: string;
  url: string;
  reason: string;
}

export interface OwnerDigest {
  owner: string;
  items: StaleDocItem[];
}

/** A doc unchanged for this long is worth a look once people keep getting sent to it. */
export const STALE_AFTER_DAYS = 180;
/** Who gets the digest when a doc has neither code owners nor known authors. */
export const UNOWNED = 'unowned';

const DAY_MS = 86_400_000;

/**
 * Groups, by owner, the docs that answers cited although they have not changed in `STALE_AFTER_DAYS`, the
 * docs cited by answers people marked "not helpful", and the docs that hold secret-looking text (masked in the
 * index, but still at the source). A doc goes to its code owners, else its main author.
 */
export function findStaleDocs(
  cited: CitedSource[],
  unhelpful: { source: string; path: string }[],
  ownership: DocOwnership[],
  now: Date,
): OwnerDigest[] {
  const key = (item: { source: string; path: string }) => `${item.source}\u0000${item.path}`;
  const problems = new Map<string, { item: CitedSource; cites: number; unhelpful: number }>();
  for (const item of cited) {
    const entry = problems.get(key(item)) ?? { item, cites: 0, unhelpful: 0 };
    entry.cites += 1;
    problems.set(key(item), entry);
  }
  for (const item of unhelpful) {
    const entry = problems.get(key(item));
    if (entry) entry.unhelpful += 1;
  }
  const owners = new Map(ownership.map((doc) => [key(doc), doc]));
  const found = new Map<string, { item: Omit<StaleDocItem, 'reason'>; reasons: string[] }>();
  for (const [id, { item, cites, unhelpful: votes }] of problems) {
    const ageDays = Math.floor((now.getTime() - item.updatedAt.getTime()) / DAY_MS);
    const reasons: string[] = [];
    if (ageDays >= STALE_AFTER_DAYS)
      reasons.push(`cited ${cites} time${cites === 1 ? '' : 's'} but unchanged for ${ageDays} days`);
    if (votes > 0) reasons.push(`marked not helpful ${votes} time${votes === 1 ? '' : 's'}`);
    if (reasons.length > 0) found.set(id, { item, reasons });
  }
  for (const doc of ownership) {
    const [first, ...more] = doc.secrets ?? [];
    if (!first) continue;
    const lines = [first, ...more].map((secret) => secret.line).join(', ');
    const entry = found.get(key(doc)) ?? {
      item: { source: doc.source, path: doc.path, url: first.url },
      reasons: [],
    };
    entry.reasons.push(
      `secret-looking text on line${more.length > 0 ? 's' : ''} ${lines}, masked in answers: remove it ` +
        'from the doc and rotate it',
    );
    found.set(key(doc), entry);
  }
  const digests = new Map<string, StaleDocItem[]>();
  for (const [id, { item, reasons }] of found) {
    const doc = owners.get(id);
    const recipients = doc?.owners.length ? doc.owners : doc?.authors[0] ? [doc.authors[0]] : [UNOWNED];
    for (const owner of recipients) {
      const list = digests.get(owner) ?? [];
      list.push({ source: item.source, path: item.path, url: item.url, reason: reasons.join('; ') });
      digests.set(owner, list);
    }
  }
  return [...digests]
    .map(([owner, items]) => ({ owner, items }))
    .sort((a, b) => a.owner.localeCompare(b.owner));
}

/** `2026-W48`: one digest per owner per ISO week, whatever the job's schedule. */
export function isoWeek(date: Date): string {
  const day = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
  const weekday = day.getUTCDay() || 7;
  day.setUTCDate(day.getUTCDate() + 4 - weekday);
  const yearStart = Date.UTC(day.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((day.getTime() - yearStart) / DAY_MS + 1) / 7);
  return `${day.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}
