import type { FactWrite } from './fact-write.ts';

export type FactDocument = Record<string, unknown> & {
  _id: string;
  tenantId: string;
  snapshotVersion: number;
};

/** A fact's database id: its tenant and key values, so every write finds its document by _id. */
export function factIdOf(tenantId: string, write: Pick<FactWrite, 'key'>): string {
  return [tenantId, ...Object.values(write.key).map(String)].join('|');
}

const isSet = (value: unknown) => value !== undefined && value !== null;
const time = (value: unknown) => (value instanceof Date ? value.getTime() : Number.NaN);

/**
 * Immutable facts should agree between events; when two disagree (a re-created repository, hand-made payloads),
 * the lesser value wins, so the outcome still does not depend on which arrived first.
 */
function precedes(candidate: unknown, current: unknown): boolean {
  if (candidate instanceof Date && current instanceof Date) return candidate.getTime() < current.getTime();
  if (
    typeof candidate === typeof current &&
    (typeof candidate === 'number' || typeof candidate === 'string')
  ) {
    return (candidate as number | string) < (current as number | string);
  }
  return JSON.stringify(candidate) < JSON.stringify(current);
}

/**
 * Folds one write into a fact document (or creates it), with the semantics described on FactWrite. Pure and
 * commutative over a set of writes, so the result does not depend on arrival order; re-applying a write is a
 * no-op. Sets are kept sorted for the same reason.
 */
export function mergeFact(
  existing: FactDocument | undefined,
  tenantId: string,
  write: FactWrite,
): FactDocument {
  const doc: FactDocument = existing
    ? { ...existing }
    : { _id: factIdOf(tenantId, write), tenantId, ...write.key, ...write.onInsert, snapshotVersion: -1 };
  for (const [field, value] of Object.entries(write.once ?? {})) {
    if (value !== undefined && (!isSet(doc[field]) || precedes(value, doc[field]))) doc[field] = value;
  }
  for (const [field, value] of Object.entries(write.earliest ?? {})) {
    if (value && (!isSet(doc[field]) || value.getTime() < time(doc[field]))) doc[field] = value;
  }
  for (const [field, value] of Object.entries(write.latest ?? {})) {
    if (value && (!isSet(doc[field]) || value.getTime() > time(doc[field]))) doc[field] = value;
  }
  for (const [field, values] of Object.entries(write.union ?? {})) {
    const current = Array.isArray(doc[field]) ? (doc[field] as (string | number | boolean)[]) : [];
    doc[field] = [...new Set([...current, ...values])].sort();
  }
  if (write.snapshot && write.snapshot.version > doc.snapshotVersion) {
    for (const [field, value] of Object.entries(write.snapshot.fields))
      if (value !== undefined) doc[field] = value;
    doc.snapshotVersion = write.snapshot.version;
  }
  for (const [field, value] of Object.entries(write.set ?? {})) if (value !== undefined) doc[field] = value;
  return doc;
}

/** Deep equality for fact documents (plain values, arrays and Dates): "did this write change anything?" */
export function sameFact(a: unknown, b: unknown): boolean {
  if (a instanceof Date || b instanceof Date) return time(a) === time(b);
  if (Array.isArray(a) || Array.isArray(b)) {
    return (
      Array.isArray(a) &&
      Array.isArray(b) &&
      a.length === b.length &&
      a.every((item, i) => sameFact(item, b[i]))
    );
  }
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    return [...keys].every((key) =>
      sameFact((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]),
    );
  }
  return a === b || (a == null && b == null);
}
