import { Octokit } from '@octokit/rest';
import type { FactWrite } from '../fact-write.ts';
import { factIdOf } from '../merge-fact.ts';
import {
  applyWrites,
  resumableWalk,
  runStream,
  type BackfillContext,
  type StreamResult,
} from '../backfill/backfill-context.ts';
import {
  rateLimitResetWait,
  takeWait,
  withRetries,
  type HttpOutcome,
  type Waits,
} from '../backfill/retry-policy.ts';
import { walkListing, type ListingPage } from '../backfill/walk-listing.ts';
import { createPullRequestEnricher } from '../../triage/enrich-pull-requests.ts';
import { createDeliveryEnricher } from './enrich-delivery-facts.ts';
import { parseLinkHeader } from './parse-link-header.ts';
import {
  commitWrites,
  deploymentStatusWrites,
  deploymentWrites,
  pullRequestWrites,
  releaseWrites,
  repositoryWrite,
  reviewWrites,
  workflowRunWrites,
} from './normalize.ts';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- provider JSON

export interface GithubBackfillOptions {
  token: string;
  /** GitHub Enterprise or a test fake; https://api.github.com when absent. */
  apiUrl?: string;
  /** `owner/name` of each repository to backfill. */
  repos: string[];
  perPage?: number;
}

function outcomeOf(error: unknown): HttpOutcome | undefined {
  const { status, response } = error as { status?: number; response?: { headers?: HttpOutcome['headers'] } };
  return typeof status === 'number' && status !== 304
    ? { status, headers: response?.headers ?? {} }
    : undefined;
}

/**
 * Octokit with our own rate-limit handling as a request hook: 429 / 403-secondary wait what Retry-After (or
 * x-ratelimit-reset) says, 502/503/504 back off, a bounded number of times; and a response that spent the
 * last request of the window waits for the reset before the next one. All waits go through `waits`.
 */
export function createBackfillOctokit(options: GithubBackfillOptions, waits: Waits): Octokit {
  const octokit = new Octokit({
    auth: options.token,
    baseUrl: options.apiUrl,
    userAgent: 'em-agent-backfill',
    // Failures are reported per stream by the caller; Octokit's request log would print every 304 on stderr.
    log: { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} },
  });
  octokit.hook.wrap('request', async (request, requestOptions) => {
    const response = await withRetries(async () => request(requestOptions), outcomeOf, waits);
    const reset = rateLimitResetWait({ status: response.status, headers: response.headers }, waits.now());
    if (reset) await takeWait(reset, waits);
    return response;
  });
  return octokit;
}

/** One conditional GET: a list, a `{ workflow_runs }` envelope or a single object, as a listing page. */
async function fetchPage(
  octokit: Octokit,
  url: string,
  etag: string | undefined,
): Promise<ListingPage<Json>> {
  try {
    const response = await octokit.request({
      method: 'GET',
      url,
      headers: etag ? { 'if-none-match': etag } : {},
    });
    const data = response.data as Json;
    const items: Json[] = Array.isArray(data)
      ? data
      : Array.isArray(data.workflow_runs)
        ? data.workflow_runs
        : [data];
    const links = parseLinkHeader(response.headers.link);
    return {
      items,
      next: links.next,
      etag: response.headers.etag,
      remainingPages: links.remainingPages,
    };
  } catch (error) {
    if ((error as { status?: number }).status === 304) return { notModified: true, items: [] };
    throw error;
  }
}

/** The writes of one listing page and the cursor saves that must wait until they are applied. */
interface Batch {
  writes: FactWrite[];
  saves: (() => Promise<void>)[];
}

const timeOf = (value: unknown) => new Date(String(value)).getTime();

/** The REST commit as the push payload lists it, so the push normalizer maps it. */
function asPushCommit(commit: Json): Json {
  return {
    id: commit.sha,
    message: commit.commit?.message,
    timestamp: commit.commit?.committer?.date ?? commit.commit?.author?.date,
    author: {
      name: commit.commit?.author?.name,
      email: commit.commit?.author?.email,
      username: commit.author?.login,
      // The push payload's `timestamp` is the author date; the REST commit has it apart.
      date: commit.commit?.author?.date,
    },
    url: commit.html_url,
  };
}

/**
 * Backfills the repositories' pull requests (each in full, with its reviews), default-branch commits,
 * deployments with their statuses, workflow runs and releases in the range, through the webhook normalizers.
 * Listings newest first (pulls by update, deployments and releases by creation) stop at the first item older
 * than `since`; commits and workflow runs are filtered by the API.
 */
export async function backfillGithub(
  options: GithubBackfillOptions,
  context: BackfillContext,
): Promise<StreamResult[]> {
  const octokit = createBackfillOctokit(options, context.waits);
  // As the normalizer's afterApply does for webhooks: files, mergeable state and check status for triage.
  // And for delivery metrics: merged PRs' first commit times, releases' commits.
  const enrich = createPullRequestEnricher({ facts: context.facts, octokit });
  const enrichDelivery = createDeliveryEnricher({ facts: context.facts, octokit });
  const apply = async (writes: FactWrite[]) => {
    await applyWrites(context, writes);
    await enrich(context.tenantId, writes);
    await enrichDelivery(context.tenantId, writes);
  };
  const perPage = options.perPage ?? 100;
  const since = context.since.getTime();
  const until = context.until?.getTime() ?? Number.POSITIVE_INFINITY;
  const urlOf = (route: string, parameters: Record<string, unknown>) =>
    octokit.request.endpoint(route, parameters).url;
  const fetch = (url: string, etag: string | undefined) => fetchPage(octokit, url, etag);
  const results: StreamResult[] = [];

  /**
   * A sub-listing (one pull request, its reviews, a deployment's statuses): conditional, not resumable. Its
   * writes join the parent page's batch, and its ETags are saved only once the batch is applied.
   */
  const walkAll = (stream: string, first: string, batch: Batch, writesOf: (items: Json[]) => FactWrite[]) =>
    walkListing(
      {
        stream,
        first,
        fetch,
        apply: async (items) => {
          batch.writes.push(...writesOf(items));
          return false;
        },
      },
      context.cursors,
      { deferPageSave: (save) => batch.saves.push(save) },
    );

  for (const fullName of options.repos) {
    const [owner, repo] = fullName.split('/') as [string, string];
    const stream = (name: string) => `github:${fullName}:${name}`;
    const inRange = (at: unknown) => timeOf(at) >= since && timeOf(at) <= until;
    let defaultBranch: string | undefined;

    results.push(
      await runStream(stream('repository'), () =>
        walkListing(
          {
            stream: stream('repository'),
            first: urlOf('GET /repos/{owner}/{repo}', { owner, repo }),
            fetch,
            apply: async ([repository]) => {
              defaultBranch = repository!.default_branch;
              await apply([repositoryWrite(repository!)]);
              return true;
            },
          },
          context.cursors,
        ),
      ),
    );
    // A repository that cannot be read (not found, no access): its listings would fail the same way.
    if (results.at(-1)!.error) continue;
    // Unchanged since the last run (304): the branch is the one the repository fact already holds.
    defaultBranch ??= (
      await context.facts.repository
        .findOne({ tenantId: context.tenantId, _id: factIdOf(context.tenantId, { key: { repo: fullName } }) })
        .lean()
    )?.defaultBranch as string | undefined;

    /**
     * A listing newest first: stops at the first item older than the range. One page's writes (its items',
     * and their sub-listings') are applied together, so a person or pull request they share is written once.
     */
    const newestFirst = (
      name: string,
      first: string,
      timeField: string,
      each: (item: Json, batch: Batch) => Promise<void>,
    ) =>
      runStream(stream(name), () =>
        walkListing(
          {
            stream: stream(name),
            first,
            fetch,
            apply: async (items) => {
              const batch: Batch = { writes: [], saves: [] };
              const ended = items.some((item) => timeOf(item[timeField]) < since);
              for (const item of items) {
                if (timeOf(item[timeField]) < since) break;
                if (inRange(item[timeField])) await each(item, batch);
              }
              await apply(batch.writes);
              for (const save of batch.saves) await save();
              return ended;
            },
          },
          context.cursors,
          resumableWalk(context, stream(name)),
        ),
      );

    /** A listing the API filters to the range itself: every item of every page. */
    const filteredByApi = (name: string, first: string, writesOf: (item: Json) => FactWrite[]) =>
      runStream(stream(name), () =>
        walkListing(
          {
            stream: stream(name),
            first,
            fetch,
            apply: async (items) => {
              await apply(items.flatMap(writesOf));
              return false;
            },
          },
          context.cursors,
          resumableWalk(context, stream(name)),
        ),
      );

    results.push(
      await newestFirst(
        'pulls',
        urlOf('GET /repos/{owner}/{repo}/pulls', {
          owner,
          repo,
          state: 'all',
          sort: 'updated',
          direction: 'desc',
          per_page: perPage,
        }),
        'updated_at',
        async (listed, batch) => {
          // The listing lacks the size fields (additions, changed files...): the pull request itself has them.
          await walkAll(
            stream('pull'),
            urlOf('GET /repos/{owner}/{repo}/pulls/{pull_number}', {
              owner,
              repo,
              pull_number: listed.number,
            }),
            batch,
            ([pull]) => pullRequestWrites(fullName, pull!, undefined),
          );
          await walkAll(
            stream('reviews'),
            urlOf('GET /repos/{owner}/{repo}/pulls/{pull_number}/reviews', {
              owner,
              repo,
              pull_number: listed.number,
              per_page: perPage,
            }),
            batch,
            (reviews) =>
              reviews.flatMap((review) => reviewWrites(fullName, listed.number, listed.user?.login, review)),
          );
        },
      ),
    );

    results.push(
      await filteredByApi(
        'commits',
        urlOf('GET /repos/{owner}/{repo}/commits', {
          owner,
          repo,
          sha: defaultBranch,
          since: context.since.toISOString(),
          until: context.until?.toISOString(),
          per_page: perPage,
        }),
        (commit) => commitWrites(fullName, asPushCommit(commit), defaultBranch),
      ),
    );

    // A new status bumps its deployment's updated_at, so a 304 on a deployments page means no new statuses.
    results.push(
      await newestFirst(
        'deployments',
        urlOf('GET /repos/{owner}/{repo}/deployments', { owner, repo, per_page: perPage }),
        'created_at',
        async (deployment, batch) => {
          batch.writes.push(...deploymentWrites(fullName, deployment));
          await walkAll(
            stream('deployment-statuses'),
            urlOf('GET /repos/{owner}/{repo}/deployments/{deployment_id}/statuses', {
              owner,
              repo,
              deployment_id: deployment.id,
              per_page: perPage,
            }),
            batch,
            (statuses) => statuses.flatMap((status) => deploymentStatusWrites(fullName, deployment, status)),
          );
        },
      ),
    );

    const created = context.until
      ? `${context.since.toISOString()}..${context.until.toISOString()}`
      : `>=${context.since.toISOString()}`;
    results.push(
      await filteredByApi(
        'workflow-runs',
        urlOf('GET /repos/{owner}/{repo}/actions/runs', { owner, repo, created, per_page: perPage }),
        (run) => workflowRunWrites(fullName, run),
      ),
    );

    results.push(
      await newestFirst(
        'releases',
        urlOf('GET /repos/{owner}/{repo}/releases', { owner, repo, per_page: perPage }),
        'created_at',
        async (release, batch) => {
          batch.writes.push(...releaseWrites(fullName, undefined, release));
        },
      ),
    );
  }
  return results;
}
