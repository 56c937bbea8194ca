import assert from 'node:assert/strict';
import {
  checkStandupForm,
  defaultReminderMinutes,
  defaultStandupSettings,
  type StandupFormInput,
} from '../../../handlers/standup/check-standup-form.ts';

const context = { surface: 'slack' as const, owner: { tool: 'slack' as const, handle: 'U0OWNER' } };

const valid: StandupFormInput = {
  name: ' Platform daily ',
  reportChannel: 'C0PLATFORM',
  members: [{ tool: 'slack', handle: 'U0ANA' }],
  questions: [
    { text: 'What did you do?' },
    { text: '' },
    { text: 'How is it going?', kind: 'choice', choices: 'good, meh ,, bad' },
    { text: 'Blocked?', blockers: true },
  ],
  days: ['1', '3', '5', '3'],
  promptTime: '09:30',
  deadlineTime: '11:00',
  reminderMinutes: '45',
};

describe('checkStandupForm', () => {
  it('turns a valid form into settings: trimmed, blank rows dropped, ids assigned, days sorted', () => {
    assert.deepEqual(checkStandupForm(valid, context), {
      ok: true,
      settings: {
        name: 'Platform daily',
        surface: 'slack',
        reportChannel: 'C0PLATFORM',
        owner: context.owner,
        members: [{ tool: 'slack', handle: 'U0ANA' }],
        memberSource: { kind: 'people' },
        questions: [
          { id: 'q1', text: 'What did you do?', kind: 'text' },
          { id: 'q2', text: 'How is it going?', kind: 'choice', choices: ['good', 'meh', 'bad'] },
          { id: 'q3', text: 'Blocked?', kind: 'text', blockers: true },
        ],
        days: [1, 3, 5],
        promptTime: '09:30',
        deadlineTime: '11:00',
        reminderMinutes: 45,
      },
    });
  });

  it('keeps the ids of edited questions and gives new ones a free id', () => {
    const checked = checkStandupForm(
      {
        ...valid,
        questions: [{ id: 'q2', text: 'Renamed' }, { text: 'New one' }, { id: 'q1', text: 'Old' }],
      },
      context,
    );
    assert.ok(checked.ok);
    assert.deepEqual(
      checked.settings.questions.map((question) => question.id),
      ['q2', 'q3', 'q1'],
    );
  });

  it('reports every problem at once, per field', () => {
    const checked = checkStandupForm(
      {
        name: 'x'.repeat(81),
        reportChannel: ' ',
        members: [],
        questions: [
          { text: 'One', blockers: true },
          { text: 'Two', kind: 'choice', choices: 'only' },
          { text: 'Three', blockers: true },
        ],
        days: [],
        promptTime: '9:30',
        deadlineTime: '25:00',
        reminderMinutes: 'soon',
      },
      context,
    );
    assert.deepEqual(checked, {
      ok: false,
      problems: {
        name: 'Keep the name under 80 characters.',
        reportChannel: 'Pick the channel the report goes to.',
        members: 'Add at least one member.',
        questions: 'Mark at most one question as the blockers question.',
        'question-2': 'A choice question needs at least 2 choices, separated by commas.',
        days: 'Pick at least one day.',
        promptTime: 'Enter a time as HH:MM, e.g. 09:30.',
        deadlineTime: 'Enter a time as HH:MM, e.g. 11:00.',
        reminderMinutes: 'Enter a number of minutes, or none.',
      },
    });
  });

  it('needs a name, 1 to 6 questions, and a deadline after the prompt', () => {
    const none = checkStandupForm({ ...valid, name: '', questions: [{ text: ' ' }] }, context);
    assert.equal(none.ok, false);
    assert.equal(!none.ok && none.problems.name, 'Give the standup a name.');
    assert.equal(!none.ok && none.problems.questions, 'Ask at least one question.');
    const seven = checkStandupForm(
      { ...valid, questions: Array.from({ length: 7 }, () => ({ text: 'Q' })) },
      context,
    );
    assert.equal(!seven.ok && seven.problems.questions, 'Ask at most 6 questions.');
    const early = checkStandupForm({ ...valid, deadlineTime: '09:30' }, context);
    assert.match((!early.ok && early.problems.deadlineTime) || '', /after the prompt time/);
  });

  it('takes no reminder for empty or none, and refuses one that would go before the prompt', () => {
    for (const reminderMinutes of ['', 'none', null, '0']) {
      const checked = checkStandupForm({ ...valid, reminderMinutes }, context);
      assert.ok(checked.ok && checked.settings.reminderMinutes === null, String(reminderMinutes));
    }
    const tooEarly = checkStandupForm({ ...valid, reminderMinutes: 90 }, context);
    assert.match((!tooEarly.ok && tooEarly.problems.reminderMinutes) || '', /less than 90 minutes/);
  });

  it('needs no people for a Slack user group or a Teams roster', () => {
    const group = checkStandupForm(
      { ...valid, members: [], memberSource: { kind: 'slack-usergroup', usergroupId: 'S0PLATFORM' } },
      context,
    );
    assert.ok(group.ok);
    assert.deepEqual(group.settings.memberSource, { kind: 'slack-usergroup', usergroupId: 'S0PLATFORM' });
  });
});

describe('defaultStandupSettings', () => {
  it('starts with the three questions (the third for blockers), Mon–Fri, 09:30, 11:00, a reminder at 60', () => {
    const settings = defaultStandupSettings(context, 'C0HERE');
    assert.deepEqual(
      settings.questions.map((question) => [question.text, question.blockers ?? false]),
      [
        ['What did you do since your last standup?', false],
        ['What will you do today?', false],
        ['Anything blocking you?', true],
      ],
    );
    assert.deepEqual(settings.days, [1, 2, 3, 4, 5]);
    assert.equal(settings.reportChannel, 'C0HERE');
    assert.deepEqual(
      [settings.promptTime, settings.deadlineTime, settings.reminderMinutes],
      ['09:30', '11:00', 60],
    );
  });

  it('halves the gap when 60 minutes would not fit between prompt and deadline', () => {
    assert.equal(defaultReminderMinutes('09:30', '10:30'), 30);
    assert.equal(defaultReminderMinutes('09:30', '10:15'), 22);
    assert.equal(defaultReminderMinutes('09:00', '12:00'), 60);
  });
});
