import type { DoraChartImage } from '../../handlers/metrics/dora-view.ts';
import { adaptiveCard, clip, type AdaptiveCard } from './types.ts';

/** One `/dora` chart as a card of its own: a 1x PNG data URI keeps the message within Teams' ~28 KB. */
export function renderDoraChartForTeams(image: DoraChartImage, caption: string): AdaptiveCard {
  return adaptiveCard(`${image.title}: ${image.altText}`, [
    { type: 'TextBlock', text: clip(image.title, 200), wrap: true, weight: 'Bolder' },
    { type: 'TextBlock', text: clip(caption, 300), wrap: true, isSubtle: true, spacing: 'None' },
    { type: 'Image', url: image.dataUrl, altText: clip(image.altText, 1000), size: 'Stretch' },
  ]);
}
