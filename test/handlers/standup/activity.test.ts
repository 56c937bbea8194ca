import assert from 'node:assert/strict';
import { PREFILL_MAX_CHARS, PREFILL_MAX_LINES, prefillAnswers } from '../../../handlers/standup/activity.ts';
import type { ActivityItem, StandupQuestion } from '../../../handlers/standup/types.ts';

const QUESTIONS: StandupQuestion[] = [
  { id: 'q1', text: 'How do you feel?', kind: 'choice', choices: ['🙂', '😐', '🙁'] },
  { id: 'q2', text: 'What did you do since your last standup?', kind: 'text' },
  { id: 'q3', text: 'Anything blocking you?', kind: 'text', blockers: true },
  { id: 'q4', text: 'What will you do today?', kind: 'text' },
  { id: 'q5', text: 'Anything else?', kind: 'text' },
];

const merged: ActivityItem = {
  kind: 'pr-merged',
  text: 'Merged acme/api#42 Fix retries',
  url: 'https://github.com/acme/api/pull/42',
  at: '2026-11-19T10:00:00.000Z',
};
const waiting: ActivityItem = {
  kind: 'pr-waiting',
  text: 'Waiting for review: acme/api#43 Add backoff',
  url: 'https://github.com/acme/api/pull/43',
};

describe('prefillAnswers', () => {
  it('starts every question empty when there is nothing to say', () => {
    assert.deepEqual(prefillAnswers(QUESTIONS, { done: [], today: [], openBlockers: [] }), {
      q1: '',
      q2: '',
      q3: '',
      q4: '',
      q5: '',
    });
  });

  it('puts done items under the first text question, candidates under the second, open blockers under the blockers one', () => {
    const prefill = prefillAnswers(QUESTIONS, {
      done: [merged],
      today: [waiting],
      openBlockers: ['the staging database credentials.'],
    });
    assert.deepEqual(prefill, {
      q1: '',
      q2: '• Merged acme/api#42 Fix retries',
      q3: '• Still blocked on the staging database credentials?',
      q4: '• Waiting for review: acme/api#43 Add backoff',
      q5: '',
    });
    assert.ok(!Object.values(prefill).some((text) => text.includes('https://')), 'references, not URLs');
  });

  it('leaves questions it cannot map empty: no blockers question, a single text question', () => {
    const questions: StandupQuestion[] = [{ id: 'only', text: 'Update?', kind: 'text' }];
    assert.deepEqual(prefillAnswers(questions, { done: [merged], today: [waiting], openBlockers: ['x'] }), {
      only: '• Merged acme/api#42 Fix retries',
    });
  });

  it('caps a long list by lines with "… and N more"', () => {
    const done = Array.from({ length: 40 }, (_, index) => ({
      ...merged,
      text: `Merged acme/api#${index} Fix`,
    }));
    const text = prefillAnswers(QUESTIONS, { done, today: [], openBlockers: [] }).q2!;
    const lines = text.split('\n');
    assert.equal(lines.length, PREFILL_MAX_LINES);
    assert.equal(lines.at(-1), `… and ${40 - (PREFILL_MAX_LINES - 1)} more`);
    assert.equal(lines[0], '• Merged acme/api#0 Fix');
  });

  it('caps by length too, and cuts a very long item line', () => {
    const done = Array.from({ length: PREFILL_MAX_LINES }, (_, index) => ({
      ...merged,
      text: `Merged acme/api#${index} ${'x'.repeat(500)}`,
    }));
    const text = prefillAnswers(QUESTIONS, { done, today: [], openBlockers: [] }).q2!;
    assert.ok(text.length <= PREFILL_MAX_CHARS, `${text.length} characters`);
    const lines = text.split('\n');
    assert.ok(lines.slice(0, -1).every((line) => line.length <= 202 && line.endsWith('…')));
    assert.match(lines.at(-1)!, /^… and \d+ more$/);
    assert.equal(lines.length - 1 + Number(/(\d+)/.exec(lines.at(-1)!)![1]), PREFILL_MAX_LINES);
  });

  it('shows everything when exactly the line budget fits', () => {
    const done = Array.from({ length: PREFILL_MAX_LINES }, (_, index) => ({
      ...merged,
      text: `Item ${index}`,
    }));
    const text = prefillAnswers(QUESTIONS, { done, today: [], openBlockers: [] }).q2!;
    assert.equal(text.split('\n').length, PREFILL_MAX_LINES);
    assert.ok(!text.includes('more'));
  });
});
