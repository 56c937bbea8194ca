interface Rule {
  pattern: RegExp;
  owners: string[];
}

export interface CodeOwners {
  ownersOf(path: string): string[];
}

function patternToRegExp(raw: string): RegExp {
  let pattern = raw;
  const anchored = pattern.startsWith('/') || pattern.slice(0, -1).includes('/');
  pattern = pattern.replace(/^\//, '');
  const directory = pattern.endsWith('/');
  pattern = pattern.replace(/\/$/, '');
  const body = pattern
    .split('/')
    .map((segment) =>
      segment === '**'
        ? '.*'
        : segment
            .replace(/[.+^${}()|[\]\\]/g, '\\$&')
            .replace(/\*/g, '[^/]*')
            .replace(/\?/g, '[^/]'),
    )
    .join('/')
    .replace(/\.\*\//g, '(?:.*/)?');
  const prefix = anchored ? '^' : '^(?:.*/)?';
  // A match may name the file itself or any folder above it.
  return new RegExp(`${prefix}${body}${directory ? '/.*' : '(?:/.*)?'}$`);
}

/**
 * GitHub's CODEOWNERS format: `pattern owner…` per line, `#` comments, the last matching rule wins and a
 * rule with no owners clears ownership. Patterns follow .gitignore rules for the common cases (`*`, `**`,
 * anchored `/docs/`, bare names anywhere).
 */
export function parseCodeOwners(text: string): CodeOwners {
  const rules: Rule[] = [];
  for (const line of text.split(/\r?\n/)) {
    const trimmed = line.replace(/\s+#.*$/, '').trim();
    if (!trimmed || trimmed.startsWith('#')) continue;
    const [pattern, ...owners] = trimmed.split(/\s+/);
    if (!pattern) continue;
    rules.push({ pattern: patternToRegExp(pattern), owners });
  }
  return {
    ownersOf(path) {
      const normalised = path.replace(/^\/+/, '');
      for (let index = rules.length - 1; index >= 0; index -= 1) {
        if (rules[index]!.pattern.test(normalised)) return rules[index]!.owners;
      }
      return [];
    },
  };
}

/** Where GitHub looks for the file, in its order. */
export const CODEOWNERS_PATHS = ['.github/CODEOWNERS', 'CODEOWNERS', 'docs/CODEOWNERS'];
