/** A piece of a document small enough to embed and quote, with what a citation needs. */
export interface DocumentChunk {
  /** The headings above the chunk, outermost first (`["Deploy", "Rollback"]`). */
  headingPath: string[];
  /** The chunk's own lines, as written. */
  body: string;
  /** 1-based, inclusive: the lines of the source file the chunk covers. */
  startLine: number;
  endLine: number;
}

export interface ChunkOptions {
  /** Soft size limit in characters; only a single block longer than this is ever split. */
  maxChars?: number;
}

interface Block {
  lines: string[];
  startLine: number;
  fenced: boolean;
}

interface Section {
  headingPath: string[];
  blocks: Block[];
}

const HEADING = /^(#{1,6})\s+(.*?)\s*#*\s*$/;
const FENCE = /^\s{0,3}(`{3,}|~{3,})/;

/**
 * Splits markdown (or plain text) into chunks that follow its structure: a heading starts a new section,
 * paragraphs and fenced code blocks are kept whole and packed together up to `maxChars`, and a fenced
 * block is split (by lines) only when it alone is longer than that. Pure; line numbers are 1-based.
 */
export function chunkDocument(text: string, options: ChunkOptions = {}): DocumentChunk[] {
  const maxChars = options.maxChars ?? 1200;
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const sections = mergeBareHeadings(splitSections(lines));
  const chunks: DocumentChunk[] = [];
  for (const section of sections) {
    let current: Block[] = [];
    let size = 0;
    const flush = () => {
      if (current.length === 0) return;
      chunks.push(toChunk(section.headingPath, current));
      current = [];
      size = 0;
    };
    for (const block of section.blocks) {
      const blockSize = block.lines.join('\n').length;
      if (blockSize > maxChars) {
        flush();
        for (const piece of splitLongBlock(block, maxChars))
          chunks.push(toChunk(section.headingPath, [piece]));
        continue;
      }
      if (size + blockSize > maxChars) flush();
      current.push(block);
      size += blockSize + 1;
    }
    flush();
  }
  return chunks;
}

function splitSections(lines: string[]): Section[] {
  const sections: Section[] = [{ headingPath: [], blocks: [] }];
  const path: { level: number; title: string }[] = [];
  let paragraph: Block | undefined;
  let fence: { marker: string; block: Block } | undefined;
  const section = () => sections[sections.length - 1]!;
  const endParagraph = () => {
    if (paragraph) section().blocks.push(paragraph);
    paragraph = undefined;
  };

  lines.forEach((line, index) => {
    const lineNumber = index + 1;
    if (fence) {
      fence.block.lines.push(line);
      const closing = FENCE.exec(line);
      if (closing && closing[1]![0] === fence.marker[0] && closing[1]!.length >= fence.marker.length) {
        if (line.trim() === closing[1]) {
          section().blocks.push(fence.block);
          fence = undefined;
        }
      }
      return;
    }
    const opening = FENCE.exec(line);
    if (opening) {
      endParagraph();
      fence = { marker: opening[1]!, block: { lines: [line], startLine: lineNumber, fenced: true } };
      return;
    }
    const heading = HEADING.exec(line);
    if (heading) {
      endParagraph();
      const level = heading[1]!.length;
      while (path.length > 0 && path[path.length - 1]!.level >= level) path.pop();
      path.push({ level, title: heading[2]! });
      sections.push({ headingPath: path.map((entry) => entry.title), blocks: [] });
      // The heading line belongs to its section, so a citation of the first chunk includes it.
      section().blocks.push({ lines: [line], startLine: lineNumber, fenced: false });
      return;
    }
    if (line.trim() === '') {
      endParagraph();
      return;
    }
    if (!paragraph) paragraph = { lines: [], startLine: lineNumber, fenced: false };
    paragraph.lines.push(line);
  });
  // An unclosed fence runs to the end of the file, as markdown renders it.
  if (fence) section().blocks.push(fence.block);
  endParagraph();
  return sections.filter((candidate) => candidate.blocks.length > 0);
}

/**
 * A heading with nothing under it but a subheading (`# Deploying` then `## Deploy the billing service`)
 * would be a chunk of one line that matches everything about its title; it joins the next section instead.
 */
function mergeBareHeadings(sections: Section[]): Section[] {
  const merged: Section[] = [];
  let carried: Block[] = [];
  sections.forEach((section, index) => {
    const bare = section.blocks.length === 1 && section.headingPath.length > 0 && index < sections.length - 1;
    if (bare && section.blocks[0]!.lines.length === 1) {
      carried.push(...section.blocks);
      return;
    }
    merged.push({ ...section, blocks: [...carried, ...section.blocks] });
    carried = [];
  });
  return merged;
}

function splitLongBlock(block: Block, maxChars: number): Block[] {
  const pieces: Block[] = [];
  let lines: string[] = [];
  let start = block.startLine;
  let size = 0;
  block.lines.forEach((line, offset) => {
    if (lines.length > 0 && size + line.length + 1 > maxChars) {
      pieces.push({ lines, startLine: start, fenced: block.fenced });
      lines = [];
      size = 0;
      start = block.startLine + offset;
    }
    // A single line longer than the limit stays whole: splitting mid-line would break words and links.
    lines.push(line);
    size += line.length + 1;
  });
  if (lines.length > 0) pieces.push({ lines, startLine: start, fenced: block.fenced });
  return pieces;
}

function toChunk(headingPath: string[], blocks: Block[]): DocumentChunk {
  const first = blocks[0]!;
  const last = blocks[blocks.length - 1]!;
  return {
    headingPath,
    body: blocks.map((block) => block.lines.join('\n')).join('\n\n'),
    startLine: first.startLine,
    endLine: last.startLine + last.lines.length - 1,
  };
}

/** What gets embedded and searched: the heading path as context, then the body. */
export function chunkSearchText(chunk: Pick<DocumentChunk, 'headingPath' | 'body'>, title = ''): string {
  const headings = chunk.headingPath[0] === title ? chunk.headingPath.slice(1) : chunk.headingPath;
  const context = [title, ...headings].filter(Boolean).join(' > ');
  return context ? `${context}\n${chunk.body}` : chunk.body;
}
