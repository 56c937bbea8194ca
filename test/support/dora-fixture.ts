import { buildDoraView } from '../../handlers/metrics/build-dora-view.ts';
import { buildDoraWhy } from '../../handlers/metrics/build-dora-why.ts';
import { readRollups, summarizeForRollup } from '../../handlers/metrics/dora-rollup.ts';
import type { DoraFigure, DoraView, DoraWhyView } from '../../handlers/metrics/dora-view.ts';
import { measureDora } from '../../handlers/metrics/measure-dora.ts';
import { WEEK } from '../handlers/metrics/build-facts.ts';
import { buildDeliveryWeek } from '../handlers/metrics/delivery-week.ts';
import { buildTwoServices, CONFIG } from '../handlers/metrics/two-services.ts';

const ACTION = { scope: 'acme/api', from: '2026-09-07', to: '2026-09-14', label: '2026-09-07 to 2026-09-13' };

/** `/dora` for the hand-computed delivery week (against an empty week before it), for the goldens. */
export function doraViewFixture(): DoraView {
  const figures = readRollups([summarizeForRollup(measureDora(buildDeliveryWeek(), {}, WEEK))], 1);
  const before = readRollups([], 1);
  return buildDoraView({
    current: figures,
    previous: { ...before, perWeek: figures.perWeek / 2 },
    weeks: [{ range: WEEK, figures }],
    year: 2024,
    scopeLabel: 'acme/api',
    action: ACTION,
  });
}

/** Nothing measured: no deployment, PR or incident. */
export function emptyDoraViewFixture(): DoraView {
  const none = readRollups([], 1);
  return buildDoraView({
    current: none,
    previous: none,
    weeks: [],
    year: 2024,
    scopeLabel: 'Payments',
    action: ACTION,
  });
}

/** "Why" for one figure of the delivery week, or of the two services (incidents, failures, rework). */
export function doraWhyFixture(figure: DoraFigure, input: 'week' | 'services' = 'week'): DoraWhyView {
  const answer =
    input === 'week'
      ? measureDora(buildDeliveryWeek(), {}, WEEK)
      : measureDora(buildTwoServices(), CONFIG, WEEK);
  return buildDoraWhy(answer, figure, 2024, input === 'week' ? 'acme/api' : 'service payments', ACTION);
}
