/** A field's value at an instant, read back from its change history and its current value. */

export interface Change<T> {
  at: Date;
  from: T;
  to: T;
}

/**
 * The value at `at`: what the last change at or before it set; before the first change, what that change
 * replaced; with no change at all, the current value. Changes may come in any order.
 */
export function valueAt<T>(changes: readonly Change<T>[], current: T, at: Date): T {
  let before: Change<T> | undefined;
  let after: Change<T> | undefined;
  for (const change of changes) {
    if (change.at.getTime() <= at.getTime()) {
      if (!before || change.at.getTime() >= before.at.getTime()) before = change;
    } else if (!after || change.at.getTime() < after.at.getTime()) after = change;
  }
  if (before) return before.to;
  if (after) return after.from;
  return current;
}

/** The time of the last change at or before `at` that made `test` true after it was false; undefined if none. */
export function becameAt<T>(
  changes: readonly Change<T>[],
  test: (value: T) => boolean,
  at: Date,
): Date | undefined {
  return changes
    .filter((change) => change.at.getTime() <= at.getTime() && test(change.to) && !test(change.from))
    .reduce<Date | undefined>(
      (latest, change) => (!latest || change.at > latest ? change.at : latest),
      undefined,
    );
}
