import { DORA_FIGURES, type DoraActionPayload, type DoraFigure } from './dora-view.ts';
import { readDay } from './parse-range.ts';

/** The buttons of `/dora`, the same on both surfaces: Slack action ids and Teams Action.Execute verbs. */
export const DORA_ACTIONS = {
  /** "Why?" on a figure: the exact basis behind it. */
  why: 'dora_why',
  /** "Back to the figures" on a why answer. */
  show: 'dora_show',
} as const;

export type DoraVerb = (typeof DORA_ACTIONS)[keyof typeof DORA_ACTIONS];
export const DORA_VERBS: readonly DoraVerb[] = [DORA_ACTIONS.why, DORA_ACTIONS.show];

/** The fields a button carries, as strings (Teams' Action.Execute data is string-valued). */
export function doraActionData(payload: DoraActionPayload): Record<string, string> {
  return {
    ...(payload.figure ? { figure: payload.figure } : {}),
    scope: payload.scope,
    from: payload.from,
    to: payload.to,
    label: payload.label,
  };
}

export const encodeDoraAction = (payload: DoraActionPayload) => JSON.stringify(doraActionData(payload));

/** Reads a button's data back; undefined for anything that is not one of ours (an old or forged click). */
export function readDoraAction(data: unknown): DoraActionPayload | undefined {
  let fields = data;
  if (typeof data === 'string') {
    try {
      fields = JSON.parse(data);
    } catch {
      return undefined;
    }
  }
  if (typeof fields !== 'object' || fields === null) return undefined;
  const { figure, scope, from, to, label } = fields as Record<string, unknown>;
  if (figure !== undefined && !DORA_FIGURES.includes(figure as DoraFigure)) return undefined;
  if (typeof scope !== 'string' || scope.length > 200) return undefined;
  if (typeof label !== 'string' || label.length > 100) return undefined;
  if (typeof from !== 'string' || typeof to !== 'string' || !readDay(from) || !readDay(to)) return undefined;
  if (from >= to) return undefined;
  return { ...(figure ? { figure: figure as DoraFigure } : {}), scope, from, to, label };
}
