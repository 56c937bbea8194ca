import { Octokit } from '@octokit/rest';
import type { ActionExecutor, Approval } from '../../handlers/approvals/types.ts';

export interface GitHubActionOptions {
  token: string;
  /** GitHub Enterprise or a test fake; https://api.github.com when absent. */
  baseUrl?: string;
}

interface PullRef {
  owner: string;
  repo: string;
  number: number;
}

const PULL_REF = /^github:([A-Za-z0-9_.-]+)\/([A-Za-z0-9_.-]+)#(\d+)$/;

/** `github:acme/api#42` → the pull request it names; anything else is a clear failure, not a guess. */
export function pullRefOf(approval: Pick<Approval, 'target_ref'>): PullRef {
  const match = PULL_REF.exec(approval.target_ref);
  if (!match) {
    throw new Error(
      `target_ref must name a pull request as github:<owner>/<repo>#<number> (got ${approval.target_ref})`,
    );
  }
  return { owner: match[1]!, repo: match[2]!, number: Number(match[3]) };
}

/** A hidden marker in the comment body: a retried call finds its own comment instead of posting twice. */
function markerOf(idempotencyKey: string): string {
  return `<!-- em-agent:${idempotencyKey} -->`;
}

function githubFailure(error: unknown): Error {
  const status = (error as { status?: number }).status;
  const message = (error as { message?: string }).message ?? String(error);
  return new Error(
    status ? `GitHub answered ${status}: ${message}` : `GitHub could not be reached: ${message}`,
  );
}

/**
 * Executors for the pull-request actions of the policy, through the GitHub REST API. Each is idempotent for
 * its key: labels and requested reviewers are sets, a merged pull request stays merged, and a summary comment carries a marker.
 */
export function githubActionExecutors(options: GitHubActionOptions): Record<string, ActionExecutor> {
  // No automatic retries: a failed high-risk action is reported, never repeated behind a person's back.
  const octokit = new Octokit({ auth: options.token, baseUrl: options.baseUrl, request: { retries: 0 } });
  const run = async <T>(call: () => Promise<T>): Promise<T> => {
    try {
      return await call();
    } catch (error) {
      throw githubFailure(error);
    }
  };
  return {
    'pr.label': async (approval) => {
      const pull = pullRefOf(approval);
      const labels = approval.proposed_payload.labels as string[];
      await run(() =>
        octokit.rest.issues.addLabels({
          owner: pull.owner,
          repo: pull.repo,
          issue_number: pull.number,
          labels,
        }),
      );
      return {
        summary: `labelled ${pull.owner}/${pull.repo}#${pull.number} ${labels.join(', ')}`,
        url: `https://github.com/${pull.owner}/${pull.repo}/pull/${pull.number}`,
      };
    },
    'pr.comment.summary': async (approval, key) => {
      const pull = pullRefOf(approval);
      const marker = markerOf(key);
      const existing = await run(() =>
        octokit.paginate(octokit.rest.issues.listComments, {
          owner: pull.owner,
          repo: pull.repo,
          issue_number: pull.number,
          per_page: 100,
        }),
      );
      const posted =
        existing.find((comment) => comment.body?.includes(marker)) ??
        (
          await run(() =>
            octokit.rest.issues.createComment({
              owner: pull.owner,
              repo: pull.repo,
              issue_number: pull.number,
              body: `${String(approval.proposed_payload.body)}\n\n${marker}`,
            }),
          )
        ).data;
      return { summary: `commented on ${pull.owner}/${pull.repo}#${pull.number}`, url: posted.html_url };
    },
    // Requested reviewers are a set on GitHub, so asking again for the same login changes nothing.
    'pr.request_review': async (approval) => {
      const pull = pullRefOf(approval);
      const reviewers = approval.proposed_payload.reviewers as string[];
      const { data } = await run(() =>
        octokit.rest.pulls.requestReviewers({
          owner: pull.owner,
          repo: pull.repo,
          pull_number: pull.number,
          reviewers,
        }),
      );
      return {
        summary: `requested a review from ${reviewers.map((login) => `@${login}`).join(', ')} on ${pull.owner}/${pull.repo}#${pull.number}`,
        url: data.html_url,
      };
    },
    'pr.merge': async (approval) => {
      const pull = pullRefOf(approval);
      const payload = approval.proposed_payload as {
        merge_method?: 'merge' | 'squash' | 'rebase';
        commit_title?: string;
      };
      const { data } = await run(() =>
        octokit.rest.pulls.merge({
          owner: pull.owner,
          repo: pull.repo,
          pull_number: pull.number,
          merge_method: payload.merge_method ?? 'squash',
          ...(payload.commit_title ? { commit_title: payload.commit_title } : {}),
        }),
      );
      return {
        summary: `merged ${pull.owner}/${pull.repo}#${pull.number} (${data.sha.slice(0, 7)})`,
        url: `https://github.com/${pull.owner}/${pull.repo}/pull/${pull.number}`,
      };
    },
  };
}
