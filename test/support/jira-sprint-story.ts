/**
 * Jira webhook deliveries, real-shaped (built from test/fixtures/jira), that tell one sprint's story: ENG Sprint 14
 * (id 37, Monday 5 October 08:00 to Monday 19 October 08:00 UTC). Each delivery knows when it happened, so a test
 * can send them in the order they happened or in the order a late webhook brings them.
 *
 * - ENG-101 (5 points) is put in the sprint on 2 October, started on 6 October, flagged on 12 October 10:00;
 * - ENG-102 (3 points) is created in the sprint on 1 October and done on 9 October;
 * - ENG-103 (2 points) is added on 7 October, after the start;
 * - ENG-104 (1 point) is created in the sprint on 30 September and taken out on 8 October.
 */
import { readFileSync } from 'node:fs';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- provider JSON

const fixture = (name: string): Json =>
  JSON.parse(readFileSync(new URL(`../fixtures/jira/${name}`, import.meta.url), 'utf8'));

const TEMPLATE = fixture('issue-updated-in-progress.json');
const SPRINT_STARTED = fixture('sprint-started.json');
const STATUS = {
  'To Do': {
    self: 'https://acme-eng.atlassian.net/rest/api/2/status/10000',
    name: 'To Do',
    id: '10000',
    statusCategory: { id: 2, key: 'new', name: 'To Do' },
  },
  'In Progress': TEMPLATE.issue.fields.status,
  Done: {
    self: 'https://acme-eng.atlassian.net/rest/api/2/status/10001',
    name: 'Done',
    id: '10001',
    statusCategory: { id: 3, key: 'done', name: 'Done' },
  },
} as const;
type Status = keyof typeof STATUS;

export interface StoryDelivery {
  /** When it happened at Jira. */
  at: Date;
  payload: Json;
}

const jiraTime = (at: Date) => at.toISOString().replace('Z', '+0000');
let changelogs = 20_000;

interface IssueState {
  id: string;
  key: string;
  summary: string;
  points: number;
  status: Status;
  inSprint: boolean;
  flagged?: boolean;
  created: string;
}

function issueEvent(
  state: IssueState,
  at: Date,
  event: 'jira:issue_created' | 'jira:issue_updated',
  items: Json[] = [],
): StoryDelivery {
  const payload = structuredClone(TEMPLATE);
  payload.timestamp = at.getTime();
  payload.webhookEvent = event;
  payload.issue_event_type_name = event === 'jira:issue_created' ? 'issue_created' : 'issue_generic';
  const issue = payload.issue;
  Object.assign(issue, {
    id: state.id,
    key: state.key,
    self: `https://acme-eng.atlassian.net/rest/api/2/${state.id}`,
  });
  Object.assign(issue.fields, {
    summary: state.summary,
    created: jiraTime(new Date(state.created)),
    updated: jiraTime(at),
    status: STATUS[state.status],
    customfield_10016: state.points,
    customfield_10020: state.inSprint
      ? [
          {
            ...SPRINT_STARTED.sprint,
            boardId: 5,
            state: at < new Date(SPRINT_STARTED.sprint.startDate) ? 'future' : 'active',
          },
        ]
      : null,
    // Jira's "Flagged" field.
    customfield_10021: state.flagged
      ? [
          {
            self: 'https://acme-eng.atlassian.net/rest/api/2/customFieldOption/10019',
            value: 'Impediment',
            id: '10019',
          },
        ]
      : null,
    resolutiondate: state.status === 'Done' ? jiraTime(at) : null,
  });
  if (event === 'jira:issue_created') delete payload.changelog;
  else payload.changelog = { id: String((changelogs += 1)), items };
  return { at, payload };
}

const sprintItem = (from: string, to: string) => ({
  field: 'Sprint',
  fieldtype: 'custom',
  fieldId: 'customfield_10020',
  from,
  fromString: from ? 'ENG Sprint 14' : '',
  to,
  toString: to ? 'ENG Sprint 14' : '',
});
const statusItem = (from: Status, to: Status) => ({
  field: 'status',
  fieldtype: 'jira',
  fieldId: 'status',
  from: STATUS[from].id,
  fromString: from,
  to: STATUS[to].id,
  toString: to,
});
const flagItem = () => ({
  field: 'Flagged',
  fieldtype: 'custom',
  fieldId: 'customfield_10021',
  from: null,
  fromString: null,
  to: '[10019]',
  toString: 'Impediment',
});

/** The story's deliveries, in the order they happened. */
export function sprintStory(): StoryDelivery[] {
  const at = (iso: string) => new Date(`${iso}Z`);
  const eng101: IssueState = {
    id: '10301',
    key: 'ENG-101',
    summary: 'Saved cards at checkout',
    points: 5,
    status: 'To Do',
    inSprint: false,
    created: '2026-09-28T10:00:00Z',
  };
  const eng102: IssueState = {
    id: '10302',
    key: 'ENG-102',
    summary: 'Card form',
    points: 3,
    status: 'To Do',
    inSprint: true,
    created: '2026-10-01T09:00:00Z',
  };
  const eng103: IssueState = {
    id: '10303',
    key: 'ENG-103',
    summary: 'Receipt email',
    points: 2,
    status: 'To Do',
    inSprint: false,
    created: '2026-09-29T09:00:00Z',
  };
  const eng104: IssueState = {
    id: '10304',
    key: 'ENG-104',
    summary: 'Old banner',
    points: 1,
    status: 'To Do',
    inSprint: true,
    created: '2026-09-30T09:00:00Z',
  };
  const started = structuredClone(SPRINT_STARTED);
  const eng101InSprint = { ...eng101, inSprint: true };
  const eng101Started = { ...eng101InSprint, status: 'In Progress' as const };
  return [
    issueEvent(eng104, at('2026-09-30T09:00'), 'jira:issue_created'),
    issueEvent(eng102, at('2026-10-01T09:00'), 'jira:issue_created'),
    issueEvent(eng101InSprint, at('2026-10-02T11:00'), 'jira:issue_updated', [sprintItem('', '37')]),
    { at: new Date(started.timestamp), payload: started },
    issueEvent(eng101Started, at('2026-10-06T09:30'), 'jira:issue_updated', [
      statusItem('To Do', 'In Progress'),
    ]),
    issueEvent({ ...eng103, inSprint: true }, at('2026-10-07T10:00'), 'jira:issue_updated', [
      sprintItem('', '37'),
    ]),
    issueEvent({ ...eng104, inSprint: false }, at('2026-10-08T14:00'), 'jira:issue_updated', [
      sprintItem('37', ''),
    ]),
    issueEvent({ ...eng102, status: 'Done' }, at('2026-10-09T16:00'), 'jira:issue_updated', [
      statusItem('To Do', 'Done'),
    ]),
    issueEvent({ ...eng101Started, flagged: true }, at('2026-10-12T10:00'), 'jira:issue_updated', [
      flagItem(),
    ]),
  ];
}
