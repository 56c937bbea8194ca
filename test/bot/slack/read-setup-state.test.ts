import assert from 'node:assert/strict';
import { STANDUP_SETUP_MODAL } from '../../../cards/slack/standup-setup-modal.ts';
import { readSetupState, usergroupOf } from '../../../bot/slack/standup/read-setup-state.ts';

const { blocks, action } = STANDUP_SETUP_MODAL;
const groups = [{ id: 'S0PLATFORM', handle: 'platform-team', name: 'Platform' }];

describe('readSetupState', () => {
  it('reads every element, keeps question ids by row, and leaves a typed group handle to look up', () => {
    const read = readSetupState(
      {
        [blocks.name]: { [action]: { value: 'Daily' } },
        [blocks.usergroup]: { [action]: { value: '@platform-team' } },
        [blocks.question(1)]: { [action]: { value: 'Done?' } },
        [blocks.kind(1)]: { [action]: { selected_option: { value: 'text' } } },
        [blocks.question(2)]: { [action]: { value: 'Mood?' } },
        [blocks.kind(2)]: { [action]: { selected_option: { value: 'choice' } } },
        [blocks.choices(2)]: { [action]: { value: 'good, bad' } },
        [blocks.blockers]: { [action]: { selected_option: { value: 'none' } } },
        [blocks.reminder]: { [action]: { selected_option: { value: 'none' } } },
      },
      2,
      [{ id: 'q7', text: 'Old', kind: 'text' }],
    );
    assert.equal(read.typedUsergroup, '@platform-team');
    assert.deepEqual(read.form.memberSource, { kind: 'people' });
    assert.equal(read.form.reminderMinutes, null);
    assert.deepEqual(read.form.questions, [
      { id: 'q7', text: 'Done?', kind: 'text', choices: '', blockers: false },
      { text: 'Mood?', kind: 'choice', choices: 'good, bad', blockers: false },
    ]);
  });

  it('takes a picked group or a typed id as the member source', () => {
    const picked = readSetupState(
      { [blocks.usergroup]: { [action]: { selected_option: { value: 'S0ABC' } } } },
      1,
    );
    assert.deepEqual(picked.form.memberSource, { kind: 'slack-usergroup', usergroupId: 'S0ABC' });
    const typed = readSetupState({ [blocks.usergroup]: { [action]: { value: ' S0XYZ ' } } }, 1);
    assert.deepEqual(typed.form.memberSource, { kind: 'slack-usergroup', usergroupId: 'S0XYZ' });
    assert.equal(typed.typedUsergroup, undefined);
  });
});

describe('usergroupOf', () => {
  it('finds a group by handle (with or without @, any case) or takes an id as is', () => {
    assert.equal(usergroupOf('@Platform-Team', groups), 'S0PLATFORM');
    assert.equal(usergroupOf('platform-team', groups), 'S0PLATFORM');
    assert.equal(usergroupOf('S0OTHER', groups), 'S0OTHER');
    assert.equal(usergroupOf('@nobody', groups), undefined);
  });
});
