/** The subset of Adaptive Cards 1.5 we emit (https://adaptivecards.io/explorer/). */
export type CardElement =
  | {
      type: 'TextBlock';
      text: string;
      wrap: true;
      weight?: 'Bolder';
      size?: 'Medium' | 'Large';
      color?: 'Accent' | 'Warning' | 'Attention';
      isSubtle?: boolean;
    }
  | { type: 'FactSet'; facts: { title: string; value: string }[] };

export type CardAction =
  | {
      type: 'Action.Submit';
      title: string;
      /** `imBack` makes a click send `value` as if the person had typed it. */
      data: { msteams: { type: 'imBack'; value: string } };
    }
  /** Universal action: Teams invokes the bot with `verb` and `data`, and the bot may answer with a new card. */
  | { type: 'Action.Execute'; title: string; verb: string; data: Record<string, string> }
  | { type: 'Action.OpenUrl'; title: string; url: string };

export interface AdaptiveCard {
  type: 'AdaptiveCard';
  $schema: 'http://adaptivecards.io/schemas/adaptive-card.json';
  version: '1.5';
  fallbackText: string;
  body: CardElement[];
  actions?: CardAction[];
}

export function adaptiveCard(
  fallbackText: string,
  body: CardElement[],
  actions?: CardAction[],
): AdaptiveCard {
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    fallbackText,
    body,
    ...(actions && actions.length > 0 ? { actions } : {}),
  };
}
