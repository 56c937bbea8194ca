import { randomUUID } from 'node:crypto';
import { formatUsage } from '../catalog.ts';
import { maskSecrets } from '../policy/redact-pii.ts';
import type { CommandInput, Reply } from '../types.ts';
import { assessConfidence, CONFIDENCE_THRESHOLD } from './assess-confidence.ts';
import { citedNumbers } from './build-answer-prompt.ts';
import { extractAnswer } from './extract-answer.ts';
import { parseAskFilters } from './parse-ask-filters.ts';
import type { AnswerView, AskPorts, Citation, Passage } from './types.ts';

const PASSAGES = 6;

function citationOf(passage: Passage, number: number): Citation {
  const lines =
    passage.startLine === passage.endLine
      ? `line ${passage.startLine}`
      : `lines ${passage.startLine}\u2013${passage.endLine}`;
  const section = passage.headingPath.at(-1);
  return {
    number,
    title: section && section !== passage.title ? `${passage.title} › ${section}` : passage.title,
    location: `${passage.path} ${lines}`,
    url: passage.url,
  };
}

/**
 * `ask <question>`: the closest passages from the tenant's docs (hybrid retrieval), then an answer written
 * strictly from them by the LLM gateway, or quoted from them without one, with numbered citations. When the
 * passages do not cover the question, it says so, lists the closest sources and who could know.
 */
export async function answerQuestion(input: CommandInput, ports: AskPorts | undefined): Promise<Reply> {
  if (!ports) {
    return {
      visibility: 'private',
      view: {
        kind: 'notice',
        tone: 'info',
        title: 'Doc answers are not set up',
        body: 'Ask your admin to point em-agent at your docs (DOCS_DIR or DOCS_GITHUB_REPOS) and run `em-agent docs index`.',
      },
    };
  }
  const parsed = parseAskFilters(input.rawArgs);
  // A secret pasted into a question goes no further: not to search, the answer's heading, or the record.
  const question = maskSecrets(parsed.question).text;
  const { filter } = parsed;
  if (!question) {
    return {
      visibility: 'private',
      view: {
        kind: 'notice',
        tone: 'warning',
        title: 'What would you like to know?',
        body: 'Ask a question after the command; add repo:owner/name, path:docs/ or since:90d to narrow the search.',
        suggestion: formatUsage(input.actor.surface, 'ask', 'how do I deploy?'),
      },
    };
  }
  const { tenantId } = input.actor;
  const notes: string[] = [];
  const passages = await ports.knowledge.search(tenantId, question, {
    limit: PASSAGES,
    filter,
    onNote: (note) => notes.push(note),
  });
  const base = { kind: 'answer' as const, answerId: randomUUID(), question, shared: false };

  let view: AnswerView | undefined;
  if (passages.length > 0 && assessConfidence(question, passages) >= CONFIDENCE_THRESHOLD) {
    const written = ports.llm ? await ports.llm.write(tenantId, question, passages) : undefined;
    if (written?.kind === 'answer') {
      const used = citedNumbers(written.text, passages.length);
      view = {
        ...base,
        mode: 'llm',
        text: written.text,
        citations: (used.length > 0 ? used : [1]).map((number) => citationOf(passages[number - 1]!, number)),
        people: [],
      };
    } else if (written?.kind !== 'unknown') {
      const quoted = passages.slice(0, 2);
      view = {
        ...base,
        mode: 'extractive',
        text: extractAnswer(question, quoted),
        citations: quoted.map((passage, index) => citationOf(passage, index + 1)),
        people: [],
        ...(written?.kind === 'refused'
          ? { note: `${written.reason} Here are the best passages instead.` }
          : {}),
      };
    }
  }
  if (!view) {
    const closest = passages.slice(0, 3);
    view = {
      ...base,
      mode: 'unknown',
      text:
        closest.length > 0
          ? "I don't know: the docs I can search do not answer this. These are the closest sources."
          : "I don't know: I found nothing about this in the docs I can search.",
      citations: closest.map((passage, index) => citationOf(passage, index + 1)),
      people: await ports.people.suggest(tenantId, closest),
    };
  }
  // A degraded search (keywords only) is said first, before any note about the answer itself.
  if (notes.length > 0) view = { ...view, note: [...notes, ...(view.note ? [view.note] : [])].join(' ') };
  await ports.answers.record(tenantId, input.actor.userId, input.conversationId, view);
  return { visibility: 'private', view };
}
