import { readFileSync } from 'node:fs';
import type { FakeJiraCloud } from '../fakes/jira-cloud-api.ts';
import type { FakePagerDuty } from '../fakes/pagerduty-api.ts';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- provider JSON

const fixture = (name: string): Json =>
  JSON.parse(readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8'));

export const HISTORY_SINCE = new Date('2026-10-01T00:00:00Z');

/**
 * The story the Jira and PagerDuty webhook fixtures tell (ENG-101 from To Do to Done in sprint 37, incident 412
 * triggered, acknowledged, resolved), plus one more issue and incident and one of each older than the range:
 * loaded into the fakes as the REST APIs return it, and returned as the webhook deliveries that tell it.
 */
export function loadJiraAndPagerDutyHistory(jira: FakeJiraCloud, pagerDuty: FakePagerDuty) {
  const created = fixture('jira/issue-created.json');
  const inProgress = fixture('jira/issue-updated-in-progress.json');
  const done = fixture('jira/issue-updated-done.json');
  const sprintStarted = fixture('jira/sprint-started.json');
  const sprintClosed = fixture('jira/sprint-closed.json');
  const history = (event: Json) => ({
    id: event.changelog.id,
    author: event.user,
    created: new Date(event.timestamp).toISOString().replace('Z', '+0000'),
    items: event.changelog.items,
  });
  const sprintNow = { ...done.issue.fields.customfield_10020[0], state: 'closed' };
  jira.issues.push({
    ...done.issue,
    fields: { ...done.issue.fields, customfield_10020: [sprintNow] },
    changelog: { histories: [history(inProgress), history(done)] },
  });
  const second = structuredClone(created.issue);
  Object.assign(second, {
    id: '10232',
    key: 'ENG-102',
    self: 'https://acme-eng.atlassian.net/rest/api/2/10232',
  });
  Object.assign(second.fields, {
    summary: 'Show card brand icons',
    created: '2026-10-03T09:00:00.000+0000',
    updated: '2026-10-03T09:00:00.000+0000',
  });
  jira.issues.push({ ...second, changelog: { histories: [] } });
  const old = structuredClone(second);
  Object.assign(old, { id: '10100', key: 'ENG-50' });
  Object.assign(old.fields, {
    created: '2026-08-01T09:00:00.000+0000',
    updated: '2026-08-02T09:00:00.000+0000',
  });
  jira.issues.push({ ...old, changelog: { histories: [] } });
  jira.statuses.push(
    { id: '10000', name: 'To Do', statusCategory: { id: 2, key: 'new', name: 'To Do' } },
    { id: '3', name: 'In Progress', statusCategory: { id: 4, key: 'indeterminate', name: 'In Progress' } },
    { id: '10001', name: 'Done', statusCategory: { id: 3, key: 'done', name: 'Done' } },
  );
  jira.boards.push(
    {
      id: 5,
      self: 'https://acme-eng.atlassian.net/rest/agile/1.0/board/5',
      name: 'ENG board',
      type: 'scrum',
    },
    {
      id: 6,
      self: 'https://acme-eng.atlassian.net/rest/agile/1.0/board/6',
      name: 'Ops flow',
      type: 'kanban',
    },
  );
  jira.sprints.set(5, [sprintClosed.sprint]);
  const jiraEvents = [
    created,
    sprintStarted,
    inProgress,
    done,
    sprintClosed,
    {
      timestamp: Date.parse('2026-10-03T09:00:00Z'),
      webhookEvent: 'jira:issue_created',
      user: second.fields.reporter,
      issue: second,
    },
  ];

  const triggered = fixture('pagerduty/incident-triggered.json');
  const acknowledged = fixture('pagerduty/incident-acknowledged.json');
  const resolved = fixture('pagerduty/incident-resolved.json');
  const incident = resolved.event.data;
  pagerDuty.incidents.push({
    ...incident,
    summary: `[#${incident.number}] ${incident.title}`,
    assignments: [],
    last_status_change_at: resolved.event.occurred_at,
    resolved_at: resolved.event.occurred_at,
  });
  const entry = (type: string, event: Json, extra: Json = {}) => ({
    id: `R${type.slice(0, 3).toUpperCase()}${event.event.id.slice(-6)}`,
    type,
    summary: type,
    created_at: event.event.occurred_at,
    agent: event.event.agent,
    incident: { id: incident.id, type: 'incident_reference' },
    ...extra,
  });
  pagerDuty.logEntries.set(incident.id, [
    entry('trigger_log_entry', triggered),
    entry('assign_log_entry', triggered, { assignees: incident.assignees }),
    entry('acknowledge_log_entry', acknowledged),
    entry('resolve_log_entry', resolved),
  ]);
  const open = structuredClone(triggered);
  Object.assign(open.event, { id: '01E7H0000000000000000OPEN1', occurred_at: '2026-10-09T11:00:00.250Z' });
  Object.assign(open.event.data, {
    id: 'Q3OPEN000000A1',
    number: 413,
    created_at: '2026-10-09T11:00:00Z',
    // Named by whoever opened it: the PR it suspects.
    title: 'checkout-api latency above 2 s since acme/checkout#42',
    html_url: 'https://acme.pagerduty.com/incidents/Q3OPEN000000A1',
  });
  pagerDuty.incidents.push({
    ...open.event.data,
    assignments: open.event.data.assignees.map((assignee: Json) => ({
      at: open.event.occurred_at,
      assignee,
    })),
    last_status_change_at: open.event.occurred_at,
  });
  pagerDuty.logEntries.set(open.event.data.id, [entry('trigger_log_entry', open)]);
  pagerDuty.incidents.push({
    ...open.event.data,
    id: 'Q0OLD',
    number: 300,
    created_at: '2026-08-01T10:00:00Z',
  });
  pagerDuty.services.push({
    id: incident.service.id,
    type: 'service',
    summary: incident.service.summary,
    name: incident.service.summary,
    self: incident.service.self,
    html_url: incident.service.html_url,
    status: 'active',
  });
  return { jiraEvents, pagerDutyEvents: [triggered, acknowledged, resolved, open] };
}
