import { ActivityTypes, type TurnContext } from 'botbuilder';
import type { AdaptiveCard } from '../../cards/teams/types.ts';

/**
 * Answers an `adaptiveCard/action` invoke with a card for this viewer only (or a short message). Sent here
 * rather than returned to teams-ai: for a card that carries `refresh`, teams-ai would also overwrite the
 * message for everyone with this viewer's card, buttons included.
 */
export async function answerInvoke(context: TurnContext, answer: AdaptiveCard | string): Promise<void> {
  await context.sendActivity({
    type: ActivityTypes.InvokeResponse,
    value: {
      status: 200,
      body:
        typeof answer === 'string'
          ? { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: answer }
          : { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: answer },
    },
  });
}
