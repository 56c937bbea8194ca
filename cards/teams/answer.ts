import { ANSWER_ACTIONS } from '../../handlers/ask/answer-actions.ts';
import type { AnswerView } from '../../handlers/ask/types.ts';
import { adaptiveCard, type AdaptiveCard, type CardAction, type CardElement } from './types.ts';

/** TextBlock markdown: square brackets and parentheses in link text would end the link early. */
function linkText(text: string): string {
  return text
    .replace(/[[\]()]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

function linkCitations(text: string, view: AnswerView): string {
  const urls = new Map(view.citations.map((citation) => [citation.number, citation.url]));
  return text.replace(/\[(\d+)\]/g, (marker, number: string) => {
    const url = urls.get(Number(number));
    return url ? `[[${number}]](${url.replace(/[()\s]/g, encodeURIComponent)})` : marker;
  });
}

export function renderAnswerForTeams(view: AnswerView): AdaptiveCard {
  const data = { answerId: view.answerId };
  const body: CardElement[] = [
    {
      type: 'TextBlock',
      text: view.question,
      wrap: true,
      weight: 'Bolder',
      ...(view.mode === 'unknown' ? { color: 'Warning' as const } : {}),
    },
    { type: 'TextBlock', text: linkCitations(view.text, view), wrap: true },
  ];
  if (view.note) body.push({ type: 'TextBlock', text: view.note, wrap: true, isSubtle: true });
  if (view.citations.length > 0) {
    body.push({
      type: 'TextBlock',
      text: view.citations
        .map(
          (citation) =>
            `- [${citation.number}] [${linkText(citation.title)}](${citation.url.replace(/[()\s]/g, encodeURIComponent)}) · ${citation.location}`,
        )
        .join('\n'),
      wrap: true,
      isSubtle: true,
    });
  }
  if (view.people.length > 0) {
    body.push({ type: 'TextBlock', text: 'Who might know', wrap: true, weight: 'Bolder' });
    body.push({
      type: 'FactSet',
      facts: view.people.map((person) => ({ title: person.name, value: person.reason })),
    });
  }
  const actions: CardAction[] = [
    ...view.people.slice(0, 2).map((person) => ({
      type: 'Action.Execute' as const,
      title: `Ask ${person.name}`,
      verb: ANSWER_ACTIONS.askPerson,
      data: { ...data, person: person.name },
    })),
    ...(view.shared
      ? []
      : [{ type: 'Action.Execute' as const, title: 'Share with channel', verb: ANSWER_ACTIONS.share, data }]),
    { type: 'Action.Execute', title: 'Helpful', verb: ANSWER_ACTIONS.helpful, data },
    { type: 'Action.Execute', title: 'Not helpful', verb: ANSWER_ACTIONS.notHelpful, data },
  ];
  const sources = view.citations.map((citation) => `[${citation.number}] ${citation.location}`).join('; ');
  return adaptiveCard(`${view.question}: ${view.text}${sources ? ` (${sources})` : ''}`, body, actions);
}
