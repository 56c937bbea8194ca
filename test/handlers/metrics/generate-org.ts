import type { MetricsInput } from '../../../handlers/metrics/types.ts';
import { at, commit, deployment, incident, pull, push } from './build-facts.ts';

/**
 * A seeded org over `days` days: per repository a default-branch chain of squash merges, a production
 * deployment after every few merges (some redeployed, some failing first), a push occasionally missed (a
 * gap), and incidents on each repository's service, some reopened, some never resolved.
 */
export function generateOrg(seed: number, repos: number, days: number): MetricsInput {
  let state = seed >>> 0;
  const random = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const input: MetricsInput = { deployments: [], pushes: [], pullRequests: [], incidents: [] };
  for (let r = 0; r < repos; r += 1) {
    const repo = `acme/svc${r}`;
    let head = `${r}-root`;
    let hours = random() * 10;
    let number = 0;
    let deploymentId = r * 100_000;
    while (hours < days * 24 - 12) {
      number += 1;
      const merged = hours;
      const opened = merged - 1 - random() * 30;
      const sha = `${r}-${number}`;
      const squash = commit(sha, `Change ${number} (#${number})`, opened - random() * 20);
      if (random() > 0.05) input.pushes.push(push(repo, 'main', head, sha, merged, [squash]));
      input.pushes.push(
        push(repo, `f${number}`, '0', `h${sha}`, opened, [commit(`h${sha}`, 'work', opened - random() * 40)]),
      );
      input.pullRequests.push(
        pull(
          repo,
          number,
          { opened, review: opened + random() * 5, merged },
          { headRef: `f${number}`, headSha: `h${sha}`, ...(random() > 0.5 ? { mergeCommitSha: sha } : {}) },
        ),
      );
      head = sha;
      hours += 1 + random() * 8;
      if (random() < 0.4) {
        const deployedAt = hours + random() * 2;
        if (random() < 0.1)
          input.deployments.push(deployment(repo, (deploymentId += 1), head, [['failure', deployedAt]]));
        input.deployments.push(
          deployment(repo, (deploymentId += 1), head, [
            ['in_progress', deployedAt],
            ['success', deployedAt + 0.2],
            ...(random() < 0.05 ? ([['failure', deployedAt + 1]] as [string, number][]) : []),
          ]),
        );
        if (random() < 0.15)
          input.deployments.push(
            deployment(repo, (deploymentId += 1), head, [['success', deployedAt + 0.5]]),
          );
        if (random() < 0.1) {
          const triggered = deployedAt + random() * 30;
          const resolved = random() < 0.9 ? triggered + random() * 10 : undefined;
          const reopened = resolved !== undefined && random() < 0.2;
          input.incidents.push(
            incident(`${repo}-${number}`, `svc${r}`, triggered, resolved, {
              ...(reopened
                ? {
                    transitions: [
                      { status: 'triggered' as const, at: at(triggered) },
                      { status: 'resolved' as const, at: at(resolved! - 1) },
                      { status: 'triggered' as const, at: at(resolved! - 0.5) },
                      { status: 'resolved' as const, at: at(resolved!) },
                    ],
                  }
                : {}),
            }),
          );
        }
      }
    }
  }
  input.incidents.push(incident('orphan', 'billing', days * 12, days * 12 + 3));
  return input;
}
