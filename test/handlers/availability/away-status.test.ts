import assert from 'node:assert/strict';
import { awayFromStatus } from '../../../handlers/availability/away-status.ts';

const NOW = new Date('2026-12-02T20:00:00Z');
const seconds = (iso: string) => Date.parse(iso) / 1000;

describe('a chat status as time off (Slack vacation and out-of-office statuses)', () => {
  it('counts vacation and sick emoji, not working remotely or a meeting', () => {
    for (const emoji of [':palm_tree:', ':desert_island:', ':face_with_thermometer:', ':airplane:']) {
      assert.ok(awayFromStatus({ emoji }, 'UTC', NOW), emoji);
    }
    for (const emoji of [':house_with_garden:', ':spiral_calendar_pad:', ':bus:', '']) {
      assert.equal(awayFromStatus({ emoji }, 'UTC', NOW), undefined, emoji);
    }
  });

  it('counts out-of-office words as whole words, in any case', () => {
    for (const text of [
      'Out of office',
      'OOO until Monday',
      'on Vacation',
      'On leave',
      'PTO',
      'Public holiday',
    ]) {
      assert.ok(awayFromStatus({ text }, 'UTC', NOW), text);
    }
    for (const text of ['Foo bar', 'Booked solid', 'Working from the office', 'holidaying', 'in a meeting']) {
      assert.equal(awayFromStatus({ text }, 'UTC', NOW), undefined, text);
    }
  });

  it('lasts through the local date the status expires on, or today only without an expiration', () => {
    // 20:00 UTC on Dec 2 is already Dec 3 in Auckland.
    assert.deepEqual(awayFromStatus({ emoji: ':palm_tree:' }, 'Pacific/Auckland', NOW), {
      from: '2026-12-03',
      to: '2026-12-03',
      note: 'Slack status',
    });
    const expiration = seconds('2026-12-09T07:59:59Z'); // Dec 8, 23:59:59 in Los Angeles
    assert.deepEqual(awayFromStatus({ text: 'OOO', expiration }, 'America/Los_Angeles', NOW), {
      from: '2026-12-02',
      to: '2026-12-08',
      note: 'Slack status',
    });
    const midnight = seconds('2026-12-09T08:00:00Z'); // clears as Dec 9 begins there
    assert.equal(
      awayFromStatus({ text: 'OOO', expiration: midnight }, 'America/Los_Angeles', NOW)?.to,
      '2026-12-08',
    );
  });

  it('says nothing of a status that has already expired', () => {
    assert.equal(
      awayFromStatus({ emoji: ':palm_tree:', expiration: seconds('2026-12-02T19:00:00Z') }, 'UTC', NOW),
      undefined,
    );
    assert.ok(awayFromStatus({ emoji: ':palm_tree:', expiration: 0 }, 'UTC', NOW), 'zero: no expiration');
  });
});
