import { readFile } from 'node:fs/promises';
import { parsePolicy as parsePolicyText } from '../handlers/policy/parse-policy.ts';
import type { Policy } from '../handlers/policy/policy-schema.ts';
import { ConfigError } from './errors.ts';

export type { Policy };

/** Parses and validates policy YAML, throwing one ConfigError that names the source, line and field. */
export function parsePolicy(text: string, source = 'policy'): Policy {
  const parsed = parsePolicyText(text);
  if (!parsed.ok) throw new ConfigError(`${source}: ${parsed.problem}`);
  return parsed.policy;
}

export async function readPolicyFile(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    throw new ConfigError(
      `POLICY_FILE: cannot read ${path} (${(error as NodeJS.ErrnoException).code ?? 'error'})`,
    );
  }
}

export async function loadPolicyFile(path: string): Promise<Policy> {
  return parsePolicy(await readPolicyFile(path), `POLICY_FILE ${path}`);
}
