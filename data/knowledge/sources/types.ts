/** A file or page a source holds, with a version that changes whenever its content does. */
export interface SourceEntry {
  path: string;
  /** A content hash or git blob sha: the re-index compares it with what was indexed. */
  version: string;
}

export interface SourceDocument {
  path: string;
  title: string;
  text: string;
  updatedAt: Date;
  /** Code owners of the path (CODEOWNERS), e.g. `@acme/platform`. */
  owners: string[];
  /** Authors of the file, most frequent first (git history, commits API, page versions). */
  authors: string[];
}

export interface DocumentSource {
  /** Stable name stored with every document: `folder:/srv/docs`, `github:acme/api`, `confluence:ENG`. */
  id: string;
  list(): Promise<SourceEntry[]>;
  read(entry: SourceEntry): Promise<SourceDocument>;
  /** A link to lines `start`–`end` (1-based, inclusive) of a document. */
  lineUrl(path: string, startLine: number, endLine: number): string;
}

/** The file name without folders and extension, as a fallback title. */
export function titleFromPath(path: string): string {
  return path
    .split('/')
    .pop()!
    .replace(/\.(md|markdown|mdx|txt)$/i, '');
}

/** The first markdown heading, when the text starts with one (within its first lines), else the file name. */
export function titleOf(path: string, text: string): string {
  const heading = /^#\s+(.+)$/m.exec(text.slice(0, 2000));
  return heading?.[1]?.trim() || titleFromPath(path);
}

export const DOC_EXTENSIONS = /\.(md|markdown|mdx|txt)$/i;
