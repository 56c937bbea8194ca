import assert from 'node:assert/strict';
import { renderDeliveryDigestForSlack } from '../../cards/slack/delivery-digest.ts';
import { renderDeliveryDigestForTeams } from '../../cards/teams/delivery-digest.ts';
import { selectDigest } from '../../handlers/delivery-digest/select-digest.ts';
import type { WeekFigures } from '../../handlers/delivery-digest/types.ts';
import { adaptiveCardProblems, assertWithinSlackLimits } from '../support/validate-cards.ts';

const HOUR = 3600_000;
const week = (scale: number): WeekFigures => ({
  deployments: 10 * scale,
  leadTimeP50: 20 * HOUR * scale,
  changeFailureRate: 0.1 * scale,
  timeToRestoreP50: 2 * HOUR * scale,
  throughput: 12 * scale,
  wip: 8 * scale,
  prCoverage: { linked: 1, total: 10, share: 0.1 },
});

describe('the delivery digest cards', () => {
  // Every headline at once, the longest aging list, a sprint at risk and the coverage caution: the largest digest.
  const view = selectDigest({
    team: 'Platform '.repeat(30).trim(),
    from: '2027-01-25',
    to: '2027-01-31',
    current: week(3),
    previous: week(1),
    aging: Array.from({ length: 40 }, (_, index) => ({ ref: `acme/api#${index}`, age: '9.0 days' })),
    sprint: {
      name: 'ENG 14',
      level: 'off-track',
      reason: 'The sprint is past its end date with 4 issues not done.',
    },
  });

  it('stays within Block Kit limits in Slack, every headline with its why', () => {
    assert.equal(view.changes.length, 8);
    const message = renderDeliveryDigestForSlack(view);
    assertWithinSlackLimits(message, 'largest digest');
    assert.equal(message.blocks.length, 2 + 8 + 1);
    assert.match(
      JSON.stringify(message),
      /:large_orange_circle: \*Change failure rate: 30%, up from 10%\.\*/,
    );
  });

  it('is a valid Adaptive Card in Teams', () => {
    const card = renderDeliveryDigestForTeams(view);
    assert.deepEqual(adaptiveCardProblems(card), []);
    assert.match(JSON.stringify(card), /and 37 more/);
  });

  it('says so in one line when nothing notable changed', () => {
    const quiet = selectDigest({
      ...{ team: 'Platform', from: '2027-01-25', to: '2027-01-31' },
      current: week(1),
      previous: week(1),
      aging: [],
    });
    const message = renderDeliveryDigestForSlack(quiet);
    assertWithinSlackLimits(message, 'quiet digest');
    assert.match(message.text, /Nothing notable changed: 10 deployments and 12 finished items/);
    assert.deepEqual(adaptiveCardProblems(renderDeliveryDigestForTeams(quiet)), []);
  });
});
