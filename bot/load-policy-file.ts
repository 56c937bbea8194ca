import { readFile } from 'node:fs/promises';
import { LineCounter, parseDocument } from 'yaml';
import { policySchema, type Policy } from '../handlers/policy/policy-schema.ts';
import { ConfigError } from './errors.ts';

export type { Policy };

/** Parses and validates policy YAML; errors name the line and the field, e.g. `line 3 actions.pr.merge.mode: …`. */
export function parsePolicy(text: string, source = 'policy'): Policy {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false });
  if (document.errors.length > 0) {
    const [first] = document.errors;
    const line = first ? lineCounter.linePos(first.pos[0]).line : 0;
    throw new ConfigError(`${source}: line ${line}: ${first?.message.split('\n')[0]}`);
  }
  const parsed = policySchema.safeParse(document.toJS());
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => {
    const node = document.getIn(issue.path as (string | number)[], true) as { range?: [number] } | undefined;
    const offset = node?.range?.[0];
    const where = offset === undefined ? '' : `line ${lineCounter.linePos(offset).line} `;
    return `${where}${issue.path.join('.') || '(root)'}: ${issue.message}`;
  });
  throw new ConfigError(`${source}: ${problems.join('; ')}`);
}

export async function loadPolicyFile(path: string): Promise<Policy> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new ConfigError(
      `POLICY_FILE: cannot read ${path} (${(error as NodeJS.ErrnoException).code ?? 'error'})`,
    );
  }
  return parsePolicy(text, `POLICY_FILE ${path}`);
}
