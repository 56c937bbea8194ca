/**
 * The benchmark corpus: Perl's own documentation as Debian ships it (package perl-doc: the pod/ folder, with
 * perlfaq1–9; package perl-modules: the .pm files, whose POD is the module documentation), converted to
 * markdown. Available offline on any Debian or Ubuntu machine; installed with apt-get when missing.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

export interface CorpusDocument {
  path: string;
  text: string;
}

export interface FaqQuestion {
  question: string;
  path: string;
  /** 1-based lines of the answer section in the converted markdown. */
  startLine: number;
  endLine: number;
}

function perlRoot(): string | undefined {
  const base = '/usr/share/perl';
  if (!existsSync(base)) return undefined;
  const versions = readdirSync(base)
    .filter((name) => /^5\.\d+$/.test(name))
    .sort();
  const version = versions.at(-1);
  return version ? path.join(base, version) : undefined;
}

/** Finds the pod folder with the FAQ, installing perl-doc once when it is not there (and we may). */
export function locatePerlDocs(log: (line: string) => void): string {
  let root = perlRoot();
  if (!root || !existsSync(path.join(root, 'pod', 'perlfaq4.pod'))) {
    log('perl-doc is not installed: running apt-get install -y perl-doc (needs root and the Debian mirrors)');
    try {
      execFileSync('apt-get', ['install', '-y', '--no-install-recommends', 'perl-doc'], { stdio: 'ignore' });
    } catch {
      execFileSync('apt-get', ['update'], { stdio: 'ignore' });
      execFileSync('apt-get', ['install', '-y', '--no-install-recommends', 'perl-doc'], { stdio: 'ignore' });
    }
    root = perlRoot();
  }
  if (!root || !existsSync(path.join(root, 'pod', 'perlfaq4.pod'))) {
    throw new Error('could not find or install perl-doc (/usr/share/perl/5.*/pod/perlfaq4.pod)');
  }
  log(`corpus: ${root}/pod/*.pod (perl-doc) and ${root}/**/*.pm (perl-modules), found locally`);
  return root;
}

function walk(dir: string, found: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    const info = statSync(full);
    if (info.isDirectory()) walk(full, found);
    else if (/\.(pod|pm)$/.test(name)) found.push(full);
  }
  return found;
}

function inline(text: string): string {
  return text
    .replace(/[CF]<<+\s(.*?)\s>+>/g, '`$1`')
    .replace(/[CF]<([^<>]*)>/g, '`$1`')
    .replace(/[BIELSXZ]<([^<>]*)>/g, '$1')
    .replace(/L<([^<>|]*\|)?([^<>]*)>/g, '$2');
}

/** POD to markdown: `=headN` become headings, verbatim paragraphs fenced code, `=item` list items. */
export function podToMarkdown(pod: string): string {
  const out: string[] = [];
  let inPod = false;
  let code: string[] = [];
  const flushCode = () => {
    if (code.length === 0) return;
    while (code.at(-1)?.trim() === '') code.pop();
    out.push('```', ...code, '```', '');
    code = [];
  };
  for (const line of pod.split('\n')) {
    if (/^=cut/.test(line)) {
      flushCode();
      inPod = false;
      continue;
    }
    if (/^=[a-z]/.test(line)) inPod = true;
    if (!inPod) continue;
    const heading = /^=head(\d)\s+(.*)$/.exec(line);
    if (heading) {
      flushCode();
      out.push(`${'#'.repeat(Number(heading[1]))} ${inline(heading[2]!)}`, '');
      continue;
    }
    const item = /^=item\s+(.*)$/.exec(line);
    if (item) {
      flushCode();
      out.push(`- ${inline(item[1]!)}`, '');
      continue;
    }
    if (/^=/.test(line)) continue;
    if (/^[ \t]/.test(line) && line.trim() !== '') {
      code.push(line);
      continue;
    }
    if (code.length > 0 && line.trim() === '') {
      code.push('');
      continue;
    }
    flushCode();
    out.push(inline(line));
  }
  flushCode();
  return out.join('\n').replace(/\n{3,}/g, '\n\n');
}

export function loadCorpus(root: string): CorpusDocument[] {
  const documents: CorpusDocument[] = [];
  for (const file of walk(root).sort()) {
    const text = podToMarkdown(readFileSync(file, 'utf8'));
    // Modules without documentation (or with a line of it) are not documents.
    if (text.length < 400) continue;
    documents.push({ path: path.relative(root, file), text });
  }
  return documents;
}

/**
 * Every perlfaq question (`## How do I …?`) with the lines of its answer. With `mask`, the question heading
 * is replaced in the indexed text by a neutral one, so retrieval must find the answer from its body, not
 * by matching the question's own words in its heading.
 */
export function extractFaqQuestions(documents: CorpusDocument[], mask: boolean): FaqQuestion[] {
  const questions: FaqQuestion[] = [];
  for (const document of documents) {
    if (!/^pod\/perlfaq[1-9]\.pod$/.test(document.path)) continue;
    const lines = document.text.split('\n');
    const starts: { line: number; question: string }[] = [];
    lines.forEach((line, index) => {
      const match = /^## (.+\?)\s*$/.exec(line);
      if (match) starts.push({ line: index + 1, question: match[1]! });
    });
    starts.forEach((start, index) => {
      const end = (starts[index + 1]?.line ?? lines.length + 1) - 1;
      questions.push({ question: start.question, path: document.path, startLine: start.line, endLine: end });
      if (mask) lines[start.line - 1] = '## Answer';
    });
    if (mask) document.text = lines.join('\n');
  }
  return questions;
}
