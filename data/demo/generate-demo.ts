/**
 * Writes data/demo/events.json: a canned team's last three months as provider-shaped webhook deliveries
 * (GitHub, Jira, PagerDuty), generated deterministically from a fixed seed so the committed file only changes
 * when this script does. Run: node data/demo/generate-demo.ts
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { DEMO_PEOPLE as PEOPLE, DEMO_RECORDED_AT } from './demo-team.ts';
import {
  DEMO_REPOS as REPOS,
  DEMO_TITLES as TITLES,
  HOUR,
  iso,
  githubRepository as repository,
  githubUser as user,
  JIRA_STATUS as STATUS,
  JIRA_SITE,
  jiraUser,
  PAGERDUTY_SERVICES as SERVICES,
  pagerDutyRef as ref,
  seeded,
  sprintPayload,
  sprintRef,
  DEMO_SPRINTS as SPRINTS,
  type DemoSprint,
  deploymentPayloads,
  jiraStatusChangelog,
  mergePushPayload,
  workflowRunPayload,
} from './demo-payloads.ts';

export interface DemoDelivery {
  source: 'github' | 'jira' | 'pagerduty';
  eventType: string;
  deliveryId: string;
  payload: Record<string, unknown>;
}

const random = seeded(20261120);
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
const between = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
const hex = (length: number) => Array.from({ length }, () => Math.floor(random() * 16).toString(16)).join('');

const START = Date.parse('2026-08-24T08:00:00Z');
const END = Date.parse(DEMO_RECORDED_AT);

const deliveries: DemoDelivery[] = [];
let sequence = 0;
const deliveryId = (prefix: string) => `demo-${prefix}-${String(++sequence).padStart(5, '0')}`;
const github = (eventType: string, payload: Record<string, unknown>) =>
  deliveries.push({ source: 'github', eventType, deliveryId: deliveryId('gh'), payload });

// ---- GitHub: pull requests, reviews, merges, CI runs, deployments ---------------------------------------
let prNumber = 100;
let deploymentId = 880000;
let runId = 5500000;
for (let opened = START; opened < END - 6 * HOUR; opened += between(10, 30) * HOUR) {
  const repo = pick(REPOS);
  const author = pick(PEOPLE);
  const reviewer = pick(PEOPLE.filter((person) => person !== author));
  const number = ++prNumber;
  const headSha = hex(40);
  const stale = END - opened > 18 * 24 * HOUR && random() < 0.04;
  const base = {
    id: 1_900_000_000 + number,
    number,
    html_url: `https://github.com/acme/${repo.name}/pull/${number}`,
    title: `${pick(TITLES)} (#${number})`,
    user: user(author),
    draft: false,
    labels: random() < 0.3 ? [{ name: pick(['bug', 'tech-debt', 'payments', 'mobile']) }] : [],
    requested_reviewers: [user(reviewer)],
    assignees: [user(author)],
    additions: between(4, 600),
    deletions: between(0, 250),
    changed_files: between(1, 24),
    commits: between(1, 7),
    base: { ref: 'main' },
    head: { ref: `${author.login}/change-${number}`, sha: headSha },
    created_at: iso(opened),
    closed_at: null,
    merged_at: null,
    merged: false,
    state: 'open',
  };
  const sender = user(author);
  github('pull_request', {
    action: 'opened',
    number,
    pull_request: { ...base, updated_at: iso(opened) },
    repository: repository(repo),
    sender,
  });
  const lastPr = END - opened < 3 * 24 * HOUR;
  if (stale || lastPr) continue; // left open: the stale PRs and this week's work in flight

  const reviewedAt = opened + between(1, 26) * HOUR;
  const approved = random() < 0.85;
  github('pull_request_review', {
    action: 'submitted',
    review: {
      id: 2_300_000_000 + number,
      user: user(reviewer),
      state: approved ? 'approved' : 'changes_requested',
      submitted_at: iso(reviewedAt),
      commit_id: headSha,
      html_url: `${base.html_url}#pullrequestreview-${number}`,
    },
    pull_request: { ...base, updated_at: iso(reviewedAt) },
    repository: repository(repo),
    sender: user(reviewer),
  });
  let mergeAt = reviewedAt + between(1, 8) * HOUR;
  if (!approved) {
    mergeAt += between(6, 30) * HOUR;
    github('pull_request_review', {
      action: 'submitted',
      review: {
        id: 2_300_500_000 + number,
        user: user(reviewer),
        state: 'approved',
        submitted_at: iso(mergeAt - HOUR),
        commit_id: headSha,
        html_url: `${base.html_url}#pullrequestreview-${number + 500000}`,
      },
      pull_request: { ...base, updated_at: iso(mergeAt - HOUR) },
      repository: repository(repo),
      sender: user(reviewer),
    });
  }
  if (mergeAt > END) continue;
  const mergeSha = hex(40);
  github('pull_request', {
    action: 'closed',
    number,
    pull_request: {
      ...base,
      state: 'closed',
      merged: true,
      updated_at: iso(mergeAt),
      closed_at: iso(mergeAt),
      merged_at: iso(mergeAt),
      merge_commit_sha: mergeSha,
    },
    repository: repository(repo),
    sender: user(reviewer),
  });
  github(
    'push',
    mergePushPayload({
      repo,
      sha: mergeSha,
      before: hex(40),
      title: base.title,
      at: mergeAt,
      author,
      merger: reviewer,
    }),
  );
  const ciFailed = random() < 0.1;
  const ciDone = mergeAt + between(6, 18) * 60_000;
  ++runId;
  github(
    'workflow_run',
    workflowRunPayload({
      id: runId,
      runNumber: runId - 5500000,
      repo,
      event: 'push',
      branch: 'main',
      sha: mergeSha,
      failed: ciFailed,
      startedAt: mergeAt,
      doneAt: ciDone,
      actor: reviewer,
    }),
  );
  if (ciFailed) continue;
  ++deploymentId;
  // One deployment in the last month fails and is rolled forward by the next one.
  const failed =
    repo.name === 'payments-api' &&
    opened > END - 30 * 24 * HOUR &&
    !deliveries.some((d) => d.deliveryId.endsWith('failed'));
  const deploy = deploymentPayloads({
    id: deploymentId,
    statusId: 9_700_000 + deploymentId,
    repo,
    sha: mergeSha,
    deployer: reviewer,
    createdAt: ciDone + 60_000,
    finishedAt: ciDone + between(4, 12) * 60_000,
    failed,
  });
  github('deployment', deploy.created);
  deliveries.push({
    source: 'github',
    eventType: 'deployment_status',
    deliveryId: deliveryId('gh') + (failed ? '-failed' : ''),
    payload: deploy.status,
  });
}

// ---- Jira: two sprints, stories moving through the board, one blocked --------------------------------
const jira = (payload: Record<string, unknown>) =>
  deliveries.push({
    source: 'jira',
    eventType: String(payload.webhookEvent),
    deliveryId: deliveryId('jira'),
    payload,
  });

const sprintEvent = (sprint: DemoSprint, webhookEvent: string, state: string, at: number) =>
  jira(sprintPayload(sprint, webhookEvent, state, at));
sprintEvent(SPRINTS[0]!, 'sprint_started', 'active', SPRINTS[0]!.start);
sprintEvent(SPRINTS[0]!, 'sprint_closed', 'closed', SPRINTS[0]!.end + HOUR);
sprintEvent(SPRINTS[1]!, 'sprint_started', 'active', SPRINTS[1]!.start);

let issueId = 20400;
for (const [index, sprint] of SPRINTS.entries()) {
  const active = index === 1;
  for (let story = 0; story < 12; story++) {
    const id = String(++issueId);
    const key = `ENG-${id.slice(-3)}`;
    const assignee = PEOPLE[story % PEOPLE.length]!;
    const created = sprint.start - between(24, 120) * HOUR;
    const blocked = active && story === 3;
    const path = active ? (['done', 'review', 'progress', 'progress', 'todo'] as const)[story % 5]! : 'done';
    const steps: (keyof typeof STATUS)[] =
      path === 'done'
        ? ['progress', 'review', 'done']
        : path === 'review'
          ? ['progress', 'review']
          : path === 'progress'
            ? ['progress']
            : [];
    const fields = (
      status: keyof typeof STATUS,
      updated: number,
      sprintState: string,
      resolved?: number,
    ) => ({
      issuetype: { id: '10001', name: story % 4 === 0 ? 'Bug' : 'Story', subtask: false },
      project: { id: '10000', key: 'ENG', name: 'Engineering' },
      created: new Date(created).toISOString().replace('Z', '+0000'),
      updated: new Date(updated).toISOString().replace('Z', '+0000'),
      resolutiondate: resolved ? new Date(resolved).toISOString().replace('Z', '+0000') : null,
      priority: { name: pick(['High', 'Medium', 'Medium', 'Low']), id: '3' },
      labels: story % 3 === 0 ? ['checkout'] : [],
      status: STATUS[status],
      summary: `${pick(TITLES)}${blocked ? ' (waiting on the PSP sandbox)' : ''}`,
      assignee: jiraUser(assignee),
      reporter: jiraUser(PEOPLE[0]),
      customfield_10016: pick([1, 2, 3, 5, 8]),
      customfield_10020: [sprintRef(sprint, sprintState)],
      customfield_10021: blocked
        ? [{ self: `${JIRA_SITE}/rest/api/2/customFieldOption/10019`, value: 'Impediment', id: '10019' }]
        : null,
    });
    const sprintState = active ? 'active' : 'closed';
    jira({
      timestamp: created,
      webhookEvent: 'jira:issue_created',
      issue_event_type_name: 'issue_created',
      user: jiraUser(PEOPLE[0]),
      issue: {
        id,
        key,
        self: `${JIRA_SITE}/rest/api/2/issue/${id}`,
        fields: fields('todo', created, 'future'),
      },
    });
    let at = sprint.start + between(2, 40) * HOUR;
    let previous: keyof typeof STATUS = 'todo';
    for (const step of steps) {
      if (at > END) break;
      jira({
        timestamp: at,
        webhookEvent: 'jira:issue_updated',
        issue_event_type_name: 'issue_generic',
        user: jiraUser(assignee),
        issue: {
          id,
          key,
          self: `${JIRA_SITE}/rest/api/2/issue/${id}`,
          fields: fields(step, at, sprintState, step === 'done' ? at : undefined),
        },
        changelog: jiraStatusChangelog(String(60000 + Number(id) * 10 + steps.indexOf(step)), previous, step),
      });
      previous = step;
      at += between(12, 90) * HOUR;
    }
  }
}

// ---- PagerDuty: three incidents -------------------------------------------------------------------------
const INCIDENTS = [
  {
    id: 'Q1DEMO0PAYOUT',
    number: 1201,
    title: 'payments-api 5xx above 2% after deploy',
    service: SERVICES[0]!,
    at: '2026-11-04T14:20:00Z',
    ack: 4,
    resolve: 52,
    who: PEOPLE[1],
  },
  {
    id: 'Q1DEMO0CART',
    number: 1202,
    title: 'checkout-web p95 latency above 3 s',
    service: SERVICES[1]!,
    at: '2026-10-21T09:05:00Z',
    ack: 11,
    resolve: 95,
    who: PEOPLE[2],
  },
  {
    id: 'Q1DEMO0RECON',
    number: 1203,
    title: 'Payout reconciliation job failing',
    service: SERVICES[0]!,
    at: '2026-11-20T06:40:00Z',
    ack: 18,
    resolve: undefined,
    who: PEOPLE[4],
  },
];
for (const incident of INCIDENTS) {
  const triggered = Date.parse(incident.at);
  const data = (status: string) => ({
    id: incident.id,
    type: 'incident',
    self: `https://api.pagerduty.com/incidents/${incident.id}`,
    html_url: `https://acme.pagerduty.com/incidents/${incident.id}`,
    number: incident.number,
    status,
    incident_key: hex(32),
    created_at: iso(triggered),
    title: incident.title,
    service: ref('service', incident.service.id, incident.service.name, 'services'),
    assignees: [ref('user', incident.who.pd, incident.who.name, 'users')],
    escalation_policy: ref('escalation_policy', 'PEP0PAY', 'Payments on-call', 'escalation_policies'),
    teams: [ref('team', 'PTEAM01', 'Payments', 'teams')],
    priority: ref('priority', 'PPRI01', 'P1', 'priorities'),
    urgency: 'high',
    conference_bridge: null,
    resolve_reason: null,
  });
  const steps: [string, number][] = [
    ['triggered', 0],
    ['acknowledged', incident.ack],
    ...(incident.resolve === undefined ? [] : [['resolved', incident.resolve] as [string, number]]),
  ];
  for (const [status, minutes] of steps) {
    const id = `01DEMO${incident.number}${status.slice(0, 3).toUpperCase()}`;
    deliveries.push({
      source: 'pagerduty',
      eventType: `incident.${status}`,
      deliveryId: id,
      payload: {
        event: {
          id,
          event_type: `incident.${status}`,
          resource_type: 'incident',
          occurred_at: new Date(triggered + minutes * 60_000).toISOString(),
          agent:
            status === 'triggered'
              ? ref('service', incident.service.id, incident.service.name, 'services')
              : ref('user', incident.who.pd, incident.who.name, 'users'),
          client: null,
          data: data(status),
        },
      },
    });
  }
}

const out = path.join(import.meta.dirname, 'events.json');
writeFileSync(out, `${JSON.stringify(deliveries)}\n`);
console.error(`wrote ${deliveries.length} deliveries to ${path.relative(process.cwd(), out)}`);
