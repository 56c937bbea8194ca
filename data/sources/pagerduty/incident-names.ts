/** What an incident names explicitly, for delivery metrics' attribution (handlers/metrics/attribute-incidents.ts). */
export interface IncidentName {
  repo: string;
  deploymentId?: number;
  prNumber?: number;
}

// GitHub's owner and repository name characters; a lookbehind keeps `x/acme/api#1` or `foo.acme/api#1` out.
const REPO = String.raw`([A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)\/([A-Za-z0-9._-]+?)`;
/** `acme/api#123`: GitHub's own short reference to a pull request (or an issue, which then matches nothing). */
const SHORT_REF = new RegExp(String.raw`(?<![\w./-])${REPO}#(\d+)\b`, 'g');
/** A pull request's page, `https://github.com/acme/api/pull/123` (also `/pull/123/files`, GitHub Enterprise). */
const PULL_URL = new RegExp(String.raw`https?:\/\/[^\s/]+\/${REPO}\/pull\/(\d+)\b`, 'g');
/**
 * A deployment in the REST API, `https://api.github.com/repos/acme/api/deployments/123` (what a deployment
 * status's links and most deploy bots print; `/api/v3/repos/...` on Enterprise). The web's
 * `github.com/acme/api/deployments/<environment>` names an environment, not a deployment, and an
 * `/actions/runs/<id>` a workflow run: neither is a deployment id, so neither is read.
 */
const DEPLOYMENT_URL = new RegExp(
  String.raw`https?:\/\/[^\s/]+\/(?:api\/v3\/)?repos\/${REPO}\/deployments\/(\d+)\b`,
  'g',
);

/** The PRs and deployments a text names, each once, in a fixed order (so the fact does not depend on wording order). */
export function namesInText(...texts: (string | undefined | null)[]): IncidentName[] {
  const found = new Map<string, IncidentName>();
  const add = (name: IncidentName) =>
    found.set(`${name.repo.toLowerCase()}|${name.deploymentId ?? ''}|${name.prNumber ?? ''}`, name);
  for (const text of texts) {
    if (typeof text !== 'string' || text === '') continue;
    for (const match of text.matchAll(DEPLOYMENT_URL)) {
      add({ repo: `${match[1]}/${match[2]}`, deploymentId: Number(match[3]) });
    }
    for (const match of text.matchAll(PULL_URL))
      add({ repo: `${match[1]}/${match[2]}`, prNumber: Number(match[3]) });
    for (const match of text.matchAll(SHORT_REF))
      add({ repo: `${match[1]}/${match[2]}`, prNumber: Number(match[3]) });
  }
  return [...found.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, name]) => name);
}
