import { defined, type FactWrite } from '../fact-write.ts';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- provider JSON

/** Which changelog items sprint health follows, by the field's name (custom field ids differ per site). */
function trackedFieldOf(item: Json): 'sprint' | 'points' | 'flagged' | undefined {
  const name = String(item.field ?? '').toLowerCase();
  if (name === 'sprint') return 'sprint';
  if (name === 'flagged') return 'flagged';
  if (/^story points?( estimate)?$/.test(name) || item.fieldId === 'customfield_10016') return 'points';
  return undefined;
}

const text = (value: unknown) => (value === null || value === undefined ? undefined : String(value));

/**
 * A changelog's sprint, story-point and flag items, one fact each. A sprint item's `from`/`to` hold the sprint ids
 * ("37, 38"); the others' shown values (`fromString`/`toString`) are what is kept.
 */
export function fieldChangeWrites(
  issue: Json,
  changelog: Json | undefined,
  at: Date | undefined,
): FactWrite[] {
  if (!changelog?.id) return [];
  return ((changelog.items ?? []) as Json[]).flatMap((item): FactWrite[] => {
    const field = trackedFieldOf(item);
    if (!field) return [];
    const raw = field === 'sprint';
    return [
      {
        kind: 'issueFieldChange',
        key: { issueId: String(issue.id), changelogId: String(changelog.id), field },
        once: defined({
          issueKey: issue.key,
          from: text(raw ? item.from : item.fromString) ?? '',
          to: text(raw ? item.to : item['toString']) ?? '',
          at,
        }),
      },
    ];
  });
}
