/**
 * One working day of the canned team's life after the dataset ends, as the webhook deliveries GitHub, Jira and
 * PagerDuty would send: pull requests opened, reviewed and merged (each with its Jira story), the merge commits,
 * CI runs, production deployments, the sprint rolling over every two weeks and now and then an incident.
 * Pure and deterministic: the same day and tenant always give the same deliveries, under the same ids.
 */
import { DEMO_PEOPLE, DEMO_RECORDED_AT } from './demo-team.ts';
import {
  DEMO_REPOS,
  DEMO_SPRINTS,
  DEMO_TITLES,
  HOUR,
  JIRA_SITE,
  JIRA_STATUS,
  PAGERDUTY_SERVICES,
  githubRepository,
  githubUser,
  iso,
  jiraTime,
  jiraUser,
  pagerDutyRef,
  seeded,
  sprintPayload,
  sprintRef,
  type DemoPerson,
  type DemoSprint,
  type JiraStatus,
  deploymentPayloads,
  jiraStatusChangelog,
  mergePushPayload,
  workflowRunPayload,
} from './demo-payloads.ts';
import type { DemoDelivery } from './generate-demo.ts';

export const DAY = 86_400_000;
const MINUTE = 60_000;
const SPRINT_DAYS = 14;
const LAST_SPRINT = DEMO_SPRINTS.at(-1)!;
const SPRINT_GOALS = [
  'Refund fixes GA, 3-D Secure timeouts',
  'Order history API v2, faster cart',
  'Payout reconciliation alerts, coupon clean-up',
  'Mobile checkout on the new SDK',
];
const INCIDENTS = {
  'payments-api': ['payments-api 5xx above 2%', 'Payout reconciliation job failing'],
  'checkout-web': ['checkout-web p95 latency above 3 s', 'checkout-web error rate above 1%'],
} as const;

const BLOCKERS = ['waiting on the PSP sandbox', 'waiting on security review', 'blocked by the SDK upgrade'];

/** A delivery with the moment it happens: the activity job sends only what has happened by now. */
export interface PlannedDelivery extends DemoDelivery {
  at: number;
}

export interface DemoDayContext {
  tenantId: string;
  /** The tenant's demo time offset (Tenant.demoTimeOffsetMs): where the loaded dataset ends. */
  offsetMs: number;
}

export const startOfDay = (ms: number) => Math.floor(ms / DAY) * DAY;
export const dayOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);
export const isWorkingDay = (ms: number) => ![0, 6].includes(new Date(ms).getUTCDay());

/** The first day after the loaded dataset's last one: the activity starts there. */
export const firstActivityDay = (offsetMs: number) =>
  startOfDay(Date.parse(DEMO_RECORDED_AT) + offsetMs) + DAY;

/** Moves a time outside working hours (Monday to Friday, 08:00 to 18:00 UTC) to the next working morning. */
function inWorkingHours(ms: number): number {
  let at = ms;
  for (;;) {
    const day = startOfDay(at);
    const hour = (at - day) / HOUR;
    if (isWorkingDay(day) && hour >= 8 && hour < 18) return at;
    at = (isWorkingDay(day) && hour < 8 ? day : day + DAY) + 9 * HOUR + (at % HOUR);
  }
}

/** The dataset's last sprint moved like the dataset, then one every two weeks, each starting on a working morning. */
function sprintNumber(number: number, offsetMs: number): DemoSprint {
  const last = Number(LAST_SPRINT.name.split(' ').at(-1));
  if (number === last)
    return { ...LAST_SPRINT, start: LAST_SPRINT.start + offsetMs, end: LAST_SPRINT.end + offsetMs };
  const startOf = (n: number) => {
    const nominal = startOfDay(LAST_SPRINT.end + offsetMs + (n - last - 1) * SPRINT_DAYS * DAY);
    let day = nominal;
    while (!isWorkingDay(day)) day += DAY;
    return day + 8 * HOUR;
  };
  return {
    id: LAST_SPRINT.id + number - last,
    name: `ENG Sprint ${number}`,
    goal: SPRINT_GOALS[(number - last - 1) % SPRINT_GOALS.length]!,
    start: startOf(number),
    end: startOf(number + 1),
  };
}

/** The sprint under way at `at` (the dataset's last one until the first new one starts). */
function sprintAt(at: number, offsetMs: number): { number: number; sprint: DemoSprint } {
  let number = Number(LAST_SPRINT.name.split(' ').at(-1));
  while (sprintNumber(number + 1, offsetMs).start <= at) number += 1;
  return { number, sprint: sprintNumber(number, offsetMs) };
}

export function planDemoDay(day: string, context: DemoDayContext): PlannedDelivery[] {
  const dayStart = Date.parse(`${day}T00:00:00Z`);
  if (!isWorkingDay(dayStart)) return [];
  const random = seeded(Number(day.replaceAll('-', '')));
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const between = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
  const chance = (probability: number) => random() < probability;
  const hex = (length: number) =>
    Array.from({ length }, () => Math.floor(random() * 16).toString(16)).join('');
  const dayIndex = Math.round((dayStart - firstActivityDay(context.offsetMs)) / DAY) + 1;
  const deliveries: PlannedDelivery[] = [];
  // Tenant, day and position: a restart or a second run finds the same ids and stores nothing twice.
  const nextId = () => `demo-live-${context.tenantId}-${day}-${String(deliveries.length).padStart(3, '0')}`;
  const github = (at: number, eventType: string, payload: Record<string, unknown>) =>
    deliveries.push({ source: 'github', eventType, deliveryId: nextId(), payload, at });
  const jira = (at: number, payload: Record<string, unknown>) =>
    deliveries.push({
      source: 'jira',
      eventType: String(payload.webhookEvent),
      deliveryId: nextId(),
      payload,
      at,
    });

  // ---- Jira: the sprint rolls over on its first working morning ----
  const today = sprintAt(dayStart + 12 * HOUR, context.offsetMs);
  if (dayOf(today.sprint.start) === day) {
    const closed = today.sprint.start + HOUR;
    const previous = sprintNumber(today.number - 1, context.offsetMs);
    jira(closed, sprintPayload(previous, 'sprint_closed', 'closed', closed));
    jira(closed + 5 * MINUTE, sprintPayload(today.sprint, 'sprint_started', 'active', closed + 5 * MINUTE));
  }

  // ---- GitHub and Jira: each pull request with its story, review, merge, CI and deployment ----
  const pullRequests = between(2, 4);
  for (let index = 0; index < pullRequests; index++) {
    // The first one of the day is a small fix merged the same day, so every working day shows merges.
    const quick = index === 0;
    const number = 300 + dayIndex * 5 + index;
    const repo = pick(DEMO_REPOS);
    const author = pick(DEMO_PEOPLE);
    const reviewer = pick(DEMO_PEOPLE.filter((person) => person !== author));
    const title = pick(DEMO_TITLES);
    const opened = dayStart + (quick ? between(9, 10) : between(9, 15)) * HOUR + between(0, 59) * MINUTE;
    const headSha = hex(40);
    const repository = githubRepository(repo);
    const base = {
      id: 1_900_000_000 + number,
      number,
      html_url: `https://github.com/acme/${repo.name}/pull/${number}`,
      title: `${title} (#${number})`,
      user: githubUser(author),
      draft: false,
      labels: chance(0.3) ? [{ name: pick(['bug', 'tech-debt', 'payments', 'mobile']) }] : [],
      requested_reviewers: [githubUser(reviewer)],
      assignees: [githubUser(author)],
      additions: between(4, quick ? 60 : 600),
      deletions: between(0, quick ? 20 : 250),
      changed_files: between(1, quick ? 3 : 24),
      commits: between(1, 7),
      base: { ref: 'main' },
      head: { ref: `${author.login}/change-${number}`, sha: headSha },
      created_at: iso(opened),
      closed_at: null,
      merged_at: null,
      merged: false,
      state: 'open',
    };
    // Now and then work stalls: the pull request stays open (stale a week later), its story flagged as blocked.
    const blockedBy = !quick && chance(0.06) ? pick(BLOCKERS) : undefined;
    const story = storyFor(number, title, author, dayStart, context.offsetMs, between(0, 50), blockedBy);
    jira(story.created, story.payload('jira:issue_created', 'todo', story.created));
    jira(
      story.created + 10 * MINUTE,
      story.payload('jira:issue_updated', 'progress', story.created + 10 * MINUTE),
    );
    github(opened, 'pull_request', {
      action: 'opened',
      number,
      pull_request: { ...base, updated_at: iso(opened) },
      repository,
      sender: githubUser(author),
    });
    jira(opened + MINUTE, story.payload('jira:issue_updated', 'review', opened + MINUTE));
    const ciRun = (
      at: number,
      event: string,
      branch: string,
      sha: string,
      actor: DemoPerson,
      failed: boolean,
    ) => {
      const id = 6_000_000 + number * 10 + (event === 'push' ? 1 : 0);
      const done = at + between(6, 18) * MINUTE;
      github(
        done,
        'workflow_run',
        workflowRunPayload({
          id,
          runNumber: id - 6_000_000,
          repo,
          event,
          branch,
          sha,
          failed,
          startedAt: at,
          doneAt: done,
          actor,
        }),
      );
      return done;
    };
    ciRun(opened, 'pull_request', base.head.ref, headSha, author, !quick && chance(0.08));
    if (blockedBy) continue;

    const review = (at: number, state: string, id: number) =>
      github(at, 'pull_request_review', {
        action: 'submitted',
        review: {
          id,
          user: githubUser(reviewer),
          state,
          submitted_at: iso(at),
          commit_id: headSha,
          html_url: `${base.html_url}#pullrequestreview-${id}`,
        },
        pull_request: { ...base, updated_at: iso(at) },
        repository,
        sender: githubUser(reviewer),
      });
    let approvedAt = inWorkingHours(opened + between(1, quick ? 2 : 20) * HOUR);
    if (!quick && chance(0.15)) {
      review(approvedAt, 'changes_requested', 2_400_000_000 + number * 10);
      approvedAt = inWorkingHours(approvedAt + between(2, 20) * HOUR);
    }
    review(approvedAt, 'approved', 2_400_000_000 + number * 10 + 1);
    const merged = inWorkingHours(approvedAt + between(1, quick ? 2 : 6) * HOUR);
    const mergeSha = hex(40);
    github(merged, 'pull_request', {
      action: 'closed',
      number,
      pull_request: {
        ...base,
        state: 'closed',
        merged: true,
        updated_at: iso(merged),
        closed_at: iso(merged),
        merged_at: iso(merged),
        merge_commit_sha: mergeSha,
      },
      repository,
      sender: githubUser(reviewer),
    });
    github(
      merged,
      'push',
      mergePushPayload({
        repo,
        sha: mergeSha,
        before: hex(40),
        title: base.title,
        at: merged,
        author,
        merger: reviewer,
      }),
    );
    jira(merged + MINUTE, story.payload('jira:issue_updated', 'done', merged + MINUTE));
    const ciFailed = !quick && chance(0.08);
    const ciDone = ciRun(merged, 'push', 'main', mergeSha, reviewer, ciFailed);
    if (ciFailed) continue;
    const failed = !quick && chance(0.04);
    const finished = ciDone + between(4, 12) * MINUTE;
    const deploy = deploymentPayloads({
      id: 890_000 + number,
      statusId: 9_800_000 + number,
      repo,
      sha: mergeSha,
      deployer: reviewer,
      createdAt: ciDone + MINUTE,
      finishedAt: finished,
      failed,
    });
    github(ciDone + MINUTE, 'deployment', deploy.created);
    github(finished, 'deployment_status', deploy.status);
  }

  // ---- PagerDuty: an incident on about one working day in eight ----
  if (chance(0.12)) {
    const service = pick(PAGERDUTY_SERVICES);
    const title = pick(INCIDENTS[service.name]);
    const who = pick(DEMO_PEOPLE);
    const triggered = dayStart + between(10, 15) * HOUR + between(0, 59) * MINUTE;
    const id = `Q1LIVE${day.replaceAll('-', '')}`;
    const serviceRef = pagerDutyRef('service', service.id, service.name, 'services');
    const userRef = pagerDutyRef('user', who.pd, who.name, 'users');
    const incidentKey = hex(32);
    const steps: [string, number][] = [
      ['triggered', 0],
      ['acknowledged', between(2, 15)],
      ['resolved', between(20, 150)],
    ];
    for (const [status, minutes] of steps) {
      const deliveryId = nextId();
      const at = triggered + minutes * MINUTE;
      deliveries.push({
        source: 'pagerduty',
        eventType: `incident.${status}`,
        deliveryId,
        at,
        payload: {
          event: {
            id: deliveryId,
            event_type: `incident.${status}`,
            resource_type: 'incident',
            occurred_at: new Date(at).toISOString(),
            agent: status === 'triggered' ? serviceRef : userRef,
            client: null,
            data: {
              id,
              type: 'incident',
              self: `https://api.pagerduty.com/incidents/${id}`,
              html_url: `https://acme.pagerduty.com/incidents/${id}`,
              number: 1300 + dayIndex,
              status,
              incident_key: incidentKey,
              created_at: iso(triggered),
              title,
              service: serviceRef,
              assignees: [userRef],
              escalation_policy: pagerDutyRef(
                'escalation_policy',
                'PEP0PAY',
                'Payments on-call',
                'escalation_policies',
              ),
              teams: [pagerDutyRef('team', 'PTEAM01', 'Payments', 'teams')],
              priority: pagerDutyRef('priority', 'PPRI01', 'P1', 'priorities'),
              urgency: 'high',
              conference_bridge: null,
              resolve_reason: null,
            },
          },
        },
      });
    }
  }
  return deliveries;
}

/** The Jira story behind a pull request: created that morning in the sprint under way, moved as the work goes. */
function storyFor(
  number: number,
  title: string,
  assignee: DemoPerson,
  dayStart: number,
  offsetMs: number,
  minutesPastEight: number,
  blockedBy: string | undefined,
) {
  const id = String(20_200 + number);
  const key = `ENG-${number + 200}`;
  const created = dayStart + 8 * HOUR + minutesPastEight * MINUTE;
  const { sprint } = sprintAt(created, offsetMs);
  let previous: JiraStatus = 'todo';
  return {
    created,
    payload(webhookEvent: string, status: JiraStatus, at: number): Record<string, unknown> {
      const from = previous;
      previous = status;
      return {
        timestamp: at,
        webhookEvent,
        issue_event_type_name: webhookEvent === 'jira:issue_created' ? 'issue_created' : 'issue_generic',
        user: jiraUser(assignee),
        issue: {
          id,
          key,
          self: `${JIRA_SITE}/rest/api/2/issue/${id}`,
          fields: {
            issuetype: { id: '10001', name: /^Fix/.test(title) ? 'Bug' : 'Story', subtask: false },
            project: { id: '10000', key: 'ENG', name: 'Engineering' },
            created: jiraTime(created),
            updated: jiraTime(at),
            resolutiondate: status === 'done' ? jiraTime(at) : null,
            priority: { name: 'Medium', id: '3' },
            labels: [],
            status: JIRA_STATUS[status],
            summary: blockedBy ? `${title} (${blockedBy})` : title,
            assignee: jiraUser(assignee),
            reporter: jiraUser(DEMO_PEOPLE[0]),
            customfield_10016: 1 + (number % 5),
            customfield_10020: [sprintRef(sprint, 'active')],
            customfield_10021:
              blockedBy && status === 'review'
                ? [
                    {
                      self: `${JIRA_SITE}/rest/api/2/customFieldOption/10019`,
                      value: 'Impediment',
                      id: '10019',
                    },
                  ]
                : null,
          },
        },
        ...(webhookEvent === 'jira:issue_updated'
          ? {
              changelog: jiraStatusChangelog(
                String(70_000_000 + number * 10 + Object.keys(JIRA_STATUS).indexOf(status)),
                from,
                status,
              ),
            }
          : {}),
      };
    },
  };
}
