/**
 * Sprint health's pure computation (handlers/sprint/measureSprintHealth) on a large generated sprint: ISSUES issues
 * (default 400), each with a few sprint moves, status changes and a flag, 20% added after the start and 10%
 * removed, over a two-week sprint on the default calendar. Prints p50/p99 over ROUNDS runs (default 30): what a
 * `/sprint-health` answer costs beyond its database reads, which must stay well under Slack's 3-second ack.
 *   npm run bench -- bench/sprint-health.bench.ts     (ISSUES, ROUNDS adjust it)
 */
import { measureSprintHealth } from '../handlers/sprint/sprint-health.ts';
import type { FieldChange, SprintIssue, StatusChange } from '../handlers/sprint/types.ts';
import { SPRINT_35, SPRINT_36, SPRINT_37, sprintInput } from '../test/handlers/sprint/sprint-fixture.ts';
import { benchHeader } from './support/backend.ts';

console.log(benchHeader());

const ISSUES = Number(process.env.ISSUES ?? 400);
const ROUNDS = Number(process.env.ROUNDS ?? 30);
const HOUR = 3_600_000;
const start = SPRINT_37.startDate!.getTime();

const issues: SprintIssue[] = [];
const statusChanges: StatusChange[] = [];
const fieldChanges: FieldChange[] = [];
for (let index = 0; index < ISSUES; index++) {
  const issueId = String(index + 1);
  const added = index % 5 === 0;
  const removed = index % 10 === 3;
  const done = index % 3 !== 0;
  const at = (hours: number) => new Date(start + hours * HOUR);
  issues.push({
    issueId,
    key: `ENG-${index + 1}`,
    summary: `Issue ${index + 1}`,
    storyPoints: 1 + (index % 8),
    status: done ? 'Done' : 'In Progress',
    statusCategory: done ? 'done' : 'indeterminate',
    sprintIds: removed ? [36] : [36, 37],
    flagged: index % 17 === 0,
    createdAt: at(-200),
    updatedAt: at(150),
  });
  fieldChanges.push({ issueId, at: at(-100), field: 'sprint', from: '', to: '36' });
  fieldChanges.push({
    issueId,
    at: added ? at(30 + (index % 50)) : at(-1),
    field: 'sprint',
    from: '36',
    to: '36, 37',
  });
  if (removed) fieldChanges.push({ issueId, at: at(80), field: 'sprint', from: '36, 37', to: '36' });
  fieldChanges.push({
    issueId,
    at: at(10),
    field: 'points',
    from: String(index % 8),
    to: String(1 + (index % 8)),
  });
  if (index % 17 === 0)
    fieldChanges.push({ issueId, at: at(120), field: 'flagged', from: '', to: 'Impediment' });
  statusChanges.push({ issueId, at: at(5 + (index % 40)), from: 'To Do', to: 'In Progress' });
  if (done)
    statusChanges.push({
      issueId,
      at: at(60 + (index % 200)),
      from: 'In Progress',
      to: 'Done',
      toCategory: 'done',
    });
}
const input = sprintInput({
  issues,
  statusChanges,
  fieldChanges,
  snapshot: undefined,
  boardSprints: [SPRINT_35, SPRINT_36, SPRINT_37],
});

const timings: number[] = [];
let verdict = '';
for (let round = 0; round < ROUNDS; round++) {
  const started = performance.now();
  verdict = measureSprintHealth(input)!.verdict.level;
  timings.push(performance.now() - started);
}
timings.sort((a, b) => a - b);
const quantile = (q: number) => timings[Math.min(timings.length - 1, Math.floor(q * timings.length))]!;
console.log(
  `sprint health, ${ISSUES} issues, ${statusChanges.length + fieldChanges.length} changes: p50 ${quantile(0.5).toFixed(1)} ms, p99 ${quantile(0.99).toFixed(1)} ms (verdict ${verdict})`,
);
