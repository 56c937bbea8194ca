/** The subset of Adaptive Cards 1.5 we emit (https://adaptivecards.io/explorer/). */
export type CardElement =
  | {
      type: 'TextBlock';
      text: string;
      wrap: true;
      weight?: 'Bolder';
      size?: 'Small' | 'Medium' | 'Large';
      color?: 'Accent' | 'Good' | 'Warning' | 'Attention';
      isSubtle?: boolean;
      fontType?: 'Monospace';
      spacing?: 'None' | 'Small' | 'Medium';
      separator?: true;
    }
  | { type: 'FactSet'; facts: { title: string; value: string }[] }
  /** A data URI is allowed from schema 1.2 (charts: a 1x PNG, see docs/charts.md). */
  | { type: 'Image'; url: string; altText: string; size?: 'Auto' | 'Stretch' }
  | { type: 'Container'; items: CardElement[]; separator?: true; spacing?: 'Medium' }
  | { type: 'ActionSet'; actions: CardAction[] }
  | {
      type: 'Input.Text';
      id: string;
      label: string;
      value?: string;
      placeholder?: string;
      isMultiline?: true;
      maxLength?: number;
      isRequired?: true;
      errorMessage?: string;
    }
  | {
      type: 'Input.ChoiceSet';
      id: string;
      label: string;
      choices: { title: string; value: string }[];
      /** Comma-separated values when `isMultiSelect`. */
      value?: string;
      isMultiSelect?: true;
      style?: 'compact' | 'expanded';
      placeholder?: string;
    }
  | { type: 'Input.Time'; id: string; label: string; value?: string }
  | { type: 'Input.Toggle'; id: string; title: string; label?: string; value?: 'true' | 'false' };

/** Universal Action (Teams calls the bot with an `adaptiveCard/action` invoke carrying verb and data). */
export interface ExecuteAction {
  type: 'Action.Execute';
  title: string;
  verb: string;
  data: Record<string, string>;
  /** `none` sends without checking or collecting the card's inputs (Cancel, Add question). */
  associatedInputs?: 'auto' | 'none';
  style?: 'positive' | 'destructive';
}

export type CardAction =
  | {
      type: 'Action.Submit';
      title: string;
      /** `imBack` makes a click send `value` as if the person had typed it. */
      data: { msteams: { type: 'imBack'; value: string } };
    }
  | ExecuteAction
  | { type: 'Action.OpenUrl'; title: string; url: string }
  | {
      type: 'Action.ShowCard';
      title: string;
      card: { type: 'AdaptiveCard'; body: CardElement[]; actions: CardAction[] };
    };

/**
 * Asks Teams to fetch a per-viewer card from the bot: automatically for `userIds` (at most 60 MRIs); without
 * `userIds`, for everyone in a chat or channel of at most 60 people (others get a "Refresh card" menu item).
 */
export interface CardRefresh {
  action: ExecuteAction;
  userIds?: string[];
}

export interface AdaptiveCard {
  type: 'AdaptiveCard';
  $schema: 'http://adaptivecards.io/schemas/adaptive-card.json';
  version: '1.5';
  fallbackText: string;
  refresh?: CardRefresh;
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

/** Card text is plain, but a long value still has to fit one screen; cut it with an ellipsis. */
export function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
