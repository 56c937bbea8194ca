export interface QualityInput {
  answers: { mode: 'llm' | 'extractive' | 'unknown' }[];
  votes: { helpful: boolean; sources: { source: string; path: string }[] }[];
  /** The tenant's indexed documents; those where indexing masked secrets are listed for their owners. */
  documents?: { source: string; path: string; secrets?: { line: number }[] }[];
}

export interface QualityReport {
  answers: number;
  byMode: Record<'llm' | 'extractive' | 'unknown', number>;
  helpful: number;
  notHelpful: number;
  /** Helpful votes over all votes; undefined without votes. */
  helpfulRate?: number;
  /** Answers that said "I don't know", over all answers. */
  unknownRate?: number;
  /** The sources most often cited by answers marked not helpful. */
  worstSources: { source: string; path: string; notHelpful: number }[];
  /** Documents holding secret-looking text (masked in the index, still at the source), with its lines. */
  secretDocs: { source: string; path: string; lines: number[] }[];
}

export function buildQualityReport({ answers, votes, documents = [] }: QualityInput): QualityReport {
  const byMode = { llm: 0, extractive: 0, unknown: 0 };
  for (const answer of answers) byMode[answer.mode] += 1;
  const helpful = votes.filter((vote) => vote.helpful).length;
  const worst = new Map<string, { source: string; path: string; notHelpful: number }>();
  for (const vote of votes.filter((candidate) => !candidate.helpful)) {
    for (const { source, path } of vote.sources) {
      const entry = worst.get(`${source}\u0000${path}`) ?? { source, path, notHelpful: 0 };
      entry.notHelpful += 1;
      worst.set(`${source}\u0000${path}`, entry);
    }
  }
  return {
    answers: answers.length,
    byMode,
    helpful,
    notHelpful: votes.length - helpful,
    helpfulRate: votes.length > 0 ? helpful / votes.length : undefined,
    unknownRate: answers.length > 0 ? byMode.unknown / answers.length : undefined,
    worstSources: [...worst.values()]
      .sort((a, b) => b.notHelpful - a.notHelpful || a.path.localeCompare(b.path))
      .slice(0, 5),
    secretDocs: documents
      .filter((document) => (document.secrets ?? []).length > 0)
      .map(({ source, path, secrets }) => ({ source, path, lines: secrets!.map((secret) => secret.line) }))
      .sort((a, b) => a.path.localeCompare(b.path)),
  };
}

const percent = (rate: number | undefined) => (rate === undefined ? 'n/a' : `${Math.round(rate * 100)}%`);

/** The report as lines of plain text, for the CLI. */
export function describeQualityReport(report: QualityReport, days: number): string[] {
  return [
    `Doc answers, last ${days} days: ${report.answers} answer${report.answers === 1 ? '' : 's'} ` +
      `(${report.byMode.llm} written by the model, ${report.byMode.extractive} quoted, ${report.byMode.unknown} "I don't know")`,
    `Feedback: ${report.helpful} helpful, ${report.notHelpful} not helpful (helpful rate ${percent(report.helpfulRate)}); ` +
      `"I don't know" rate ${percent(report.unknownRate)}`,
    ...(report.worstSources.length > 0
      ? [
          'Sources in answers marked not helpful:',
          ...report.worstSources.map((item) => `  ${item.notHelpful}× ${item.path} (${item.source})`),
        ]
      : []),
    ...(report.secretDocs.length > 0
      ? [
          'Docs holding secret-looking text (masked in answers; remove it from the doc and rotate it):',
          ...report.secretDocs.map(
            (item) =>
              `  ${item.path} (${item.source}): line${item.lines.length === 1 ? '' : 's'} ${item.lines.join(', ')}`,
          ),
        ]
      : []),
  ];
}
