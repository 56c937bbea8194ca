import assert from 'node:assert/strict';
import { normalizeJiraEvent } from '../../../data/sources/jira/normalize.ts';
import { sprintStory } from '../../support/jira-sprint-story.ts';

describe('Jira normalizer: the fields sprint health follows', () => {
  const story = sprintStory();
  const changesOf = (index: number) =>
    normalizeJiraEvent(story[index]!.payload.webhookEvent, story[index]!.payload).filter(
      (write) => write.kind === 'issueFieldChange',
    );

  it('keeps a Sprint changelog item as the sprint ids it moved between, keyed by its changelog entry', () => {
    const [write] = changesOf(6);
    assert.deepEqual(write?.key, {
      issueId: '10304',
      changelogId: story[6]!.payload.changelog.id,
      field: 'sprint',
    });
    assert.deepEqual(write?.once, {
      issueKey: 'ENG-104',
      from: '37',
      to: '',
      at: new Date('2026-10-08T14:00:00Z'),
    });
  });

  it('keeps a Flagged item by its shown value, and nothing for a status-only changelog', () => {
    assert.deepEqual(
      changesOf(8).map((write) => [write.key.field, write.once?.from, write.once?.to]),
      [['flagged', '', 'Impediment']],
    );
    assert.deepEqual(changesOf(4), []);
  });

  it('marks only the sprint_started event as the start, with the time Jira sent it', () => {
    const [started] = normalizeJiraEvent('sprint_started', story[3]!.payload);
    assert.deepEqual(started?.event, { type: 'sprint_started', at: new Date(story[3]!.payload.timestamp) });
    const [updated] = normalizeJiraEvent('sprint_updated', story[3]!.payload);
    assert.equal(updated?.event, undefined);
    const sprintFromIssue = normalizeJiraEvent('jira:issue_updated', story[8]!.payload).find(
      (write) => write.kind === 'sprint',
    );
    assert.equal(sprintFromIssue?.event, undefined, 'an issue naming an active sprint does not start it');
  });

  it('reads story-point changes under either of Jira’s names', () => {
    const payload = structuredClone(story[4]!.payload);
    payload.changelog.items = [
      {
        field: 'Story point estimate',
        fieldtype: 'custom',
        fieldId: 'customfield_10016',
        from: null,
        fromString: '3',
        to: null,
        toString: '5',
      },
      {
        field: 'Story Points',
        fieldtype: 'custom',
        fieldId: 'customfield_10026',
        from: null,
        fromString: null,
        to: null,
        toString: '8',
      },
    ];
    assert.deepEqual(
      normalizeJiraEvent('jira:issue_updated', payload)
        .filter((write) => write.kind === 'issueFieldChange')
        .map((write) => [write.key.field, write.once?.from, write.once?.to]),
      [
        ['points', '3', '5'],
        ['points', '', '8'],
      ],
    );
  });
});
