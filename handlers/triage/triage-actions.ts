/** The buttons on each queue item, the same on both surfaces: Slack action ids and Teams Action.Execute verbs. */
export const TRIAGE_ACTIONS = {
  requestReview: 'triage_request_review',
  nudge: 'triage_nudge',
  snoozeDay: 'triage_snooze_day',
  snoozeCommit: 'triage_snooze_commit',
  take: 'triage_take',
  /** The "Open in GitHub" link button; Slack still sends its click, which is only acknowledged. */
  open: 'triage_open',
} as const;

export type TriageVerb = Exclude<(typeof TRIAGE_ACTIONS)[keyof typeof TRIAGE_ACTIONS], 'triage_open'>;

export const TRIAGE_VERBS: readonly TriageVerb[] = [
  TRIAGE_ACTIONS.requestReview,
  TRIAGE_ACTIONS.nudge,
  TRIAGE_ACTIONS.snoozeDay,
  TRIAGE_ACTIONS.snoozeCommit,
  TRIAGE_ACTIONS.take,
];

/** What a button carries: the PR, the reviewer (for Request review) and the queue's scope as typed. */
export interface TriageActionPayload {
  repo: string;
  number: number;
  reviewer?: string;
  scopeArgs: string;
}

const REPO = /^[A-Za-z0-9_.-]{1,100}\/[A-Za-z0-9_.-]{1,100}$/;
const LOGIN = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})(?:\[bot\])?$/;

/** The fields a button carries, as strings (Teams' Action.Execute data is string-valued). */
export function triageActionData(payload: TriageActionPayload): Record<string, string> {
  return {
    repo: payload.repo,
    number: String(payload.number),
    ...(payload.reviewer ? { reviewer: payload.reviewer } : {}),
    scope: payload.scopeArgs,
  };
}

export const encodeTriageAction = (payload: TriageActionPayload) => JSON.stringify(triageActionData(payload));

/** Reads a button's data back; undefined for anything that is not one of ours (an old or forged click). */
export function readTriageAction(data: unknown): TriageActionPayload | undefined {
  let fields = data;
  if (typeof data === 'string') {
    try {
      fields = JSON.parse(data);
    } catch {
      return undefined;
    }
  }
  if (typeof fields !== 'object' || fields === null) return undefined;
  const { repo, number, reviewer, scope } = fields as Record<string, unknown>;
  if (typeof repo !== 'string' || !REPO.test(repo)) return undefined;
  if (typeof number !== 'string' || !/^\d{1,9}$/.test(number)) return undefined;
  if (reviewer !== undefined && (typeof reviewer !== 'string' || !LOGIN.test(reviewer))) return undefined;
  if (scope !== undefined && (typeof scope !== 'string' || scope.length > 200)) return undefined;
  return {
    repo,
    number: Number(number),
    ...(reviewer ? { reviewer } : {}),
    scopeArgs: typeof scope === 'string' ? scope : '',
  };
}
