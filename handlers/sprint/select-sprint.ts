import type { SprintInfo } from './types.ts';

export type SprintChoice =
  | { ok: true; sprint: SprintInfo; boardSprints: SprintInfo[]; others: SprintInfo[] }
  | { ok: false; problem: 'no-sprints' | 'not-found' | 'not-started'; typed: string };

const time = (date: Date | undefined) => date?.getTime() ?? 0;

/** Active sprints first, latest started first; then closed ones, latest closed first. */
function byRelevance(a: SprintInfo, b: SprintInfo): number {
  const rank = (sprint: SprintInfo) => (sprint.state === 'active' ? 0 : 1);
  return (
    rank(a) - rank(b) ||
    time(b.completeDate ?? b.startDate) - time(a.completeDate ?? a.startDate) ||
    b.sprintId - a.sprintId
  );
}

/**
 * Which sprint `sprint [board | name]` means: nothing is the latest started active sprint (else the latest
 * closed one); digits are a board id; other text matches sprint names ("ENG", "Sprint 14"); `why <id>` (from
 * the Why button) is one sprint by id. Future sprints have no health yet.
 */
export function selectSprint(sprints: readonly SprintInfo[], typed: string, byId?: number): SprintChoice {
  const text = typed.trim();
  if (sprints.length === 0) return { ok: false, problem: 'no-sprints', typed: text };
  const started = sprints.filter((sprint) => sprint.startDate && sprint.state !== 'future');
  let candidates: SprintInfo[];
  if (byId !== undefined) candidates = sprints.filter((sprint) => sprint.sprintId === byId);
  else if (text === '') candidates = started;
  else if (/^\d+$/.test(text)) candidates = sprints.filter((sprint) => sprint.boardId === Number(text));
  else {
    const wanted = text.toLowerCase();
    candidates = sprints.filter((sprint) => (sprint.name ?? '').toLowerCase().includes(wanted));
  }
  if (candidates.length === 0) return { ok: false, problem: 'not-found', typed: text };
  const [sprint] = candidates.filter((candidate) => started.includes(candidate)).sort(byRelevance);
  if (!sprint) return { ok: false, problem: 'not-started', typed: text };
  const boardSprints = sprints.filter(
    (other) =>
      sprint.boardId === undefined || other.boardId === undefined || other.boardId === sprint.boardId,
  );
  const others =
    byId === undefined && text === ''
      ? started.filter(
          (other) =>
            other.state === 'active' && other.sprintId !== sprint.sprintId && sprint.state === 'active',
        )
      : [];
  return { ok: true, sprint, boardSprints, others };
}
