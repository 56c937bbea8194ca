import { LineCounter, parseDocument } from 'yaml';
import { policySchema, type Policy } from './policy-schema.ts';

export type PolicyParse = { ok: true; policy: Policy } | { ok: false; problem: string };

/** Parses and validates policy YAML; a problem names the line and the field, e.g. `line 3 actions.pr.merge.mode: …`. */
export function parsePolicy(text: string): PolicyParse {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false });
  if (document.errors.length > 0) {
    const [first] = document.errors;
    const line = first ? lineCounter.linePos(first.pos[0]).line : 0;
    return { ok: false, problem: `line ${line}: ${first?.message.split('\n')[0]}` };
  }
  const parsed = policySchema.safeParse(document.toJS());
  if (parsed.success) return { ok: true, policy: parsed.data };
  const problems = parsed.error.issues.map((issue) => {
    const node = document.getIn(issue.path as (string | number)[], true) as { range?: [number] } | undefined;
    const offset = node?.range?.[0];
    const where = offset === undefined ? '' : `line ${lineCounter.linePos(offset).line} `;
    return `${where}${issue.path.join('.') || '(root)'}: ${issue.message}`;
  });
  return { ok: false, problem: problems.join('; ') };
}
