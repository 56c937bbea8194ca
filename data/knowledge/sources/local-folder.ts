import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { CODEOWNERS_PATHS, parseCodeOwners, type CodeOwners } from '../../../handlers/ask/codeowners.ts';
import { DOC_EXTENSIONS, titleOf, type DocumentSource, type SourceEntry } from './types.ts';

const run = promisify(execFile);
const SKIPPED_FOLDERS = new Set(['.git', 'node_modules', '.data', 'dist']);

async function walk(root: string, relative = ''): Promise<string[]> {
  const entries = await readdir(path.join(root, relative), { withFileTypes: true });
  const files: string[] = [];
  for (const entry of entries) {
    const child = relative ? `${relative}/${entry.name}` : entry.name;
    if (entry.isDirectory() && !SKIPPED_FOLDERS.has(entry.name)) files.push(...(await walk(root, child)));
    else if (entry.isFile() && DOC_EXTENSIONS.test(entry.name)) files.push(child);
  }
  return files.sort();
}

/** Authors and last change date from git, when the folder is in a git work tree; none otherwise. */
async function gitHistory(root: string, file: string): Promise<{ authors: string[]; updatedAt?: Date }> {
  try {
    const { stdout } = await run('git', ['log', '--format=%aI%x09%an', '--', file], {
      cwd: root,
      timeout: 10_000,
    });
    const lines = stdout.split('\n').filter(Boolean);
    const counts = new Map<string, number>();
    for (const line of lines) {
      const name = line.split('\t')[1];
      if (name) counts.set(name, (counts.get(name) ?? 0) + 1);
    }
    const newest = lines[0]?.split('\t')[0];
    return {
      authors: [...counts].sort((a, b) => b[1] - a[1]).map(([name]) => name),
      updatedAt: newest ? new Date(newest) : undefined,
    };
  } catch {
    return { authors: [] };
  }
}

async function readCodeOwners(root: string): Promise<CodeOwners | undefined> {
  for (const candidate of CODEOWNERS_PATHS) {
    const text = await readFile(path.join(root, candidate), 'utf8').catch(() => undefined);
    if (text !== undefined) return parseCodeOwners(text);
  }
  return undefined;
}

/** Markdown and text files under a folder (DOCS_DIR): for the demo and self-hosted docs. */
export function localFolderSource(folder: string): DocumentSource {
  const root = path.resolve(folder);
  let owners: Promise<CodeOwners | undefined> | undefined;
  return {
    id: `folder:${root}`,
    async list(): Promise<SourceEntry[]> {
      owners = readCodeOwners(root);
      const files = await walk(root);
      return Promise.all(
        files.map(async (file) => ({
          path: file,
          version: createHash('sha256')
            .update(await readFile(path.join(root, file)))
            .digest('hex'),
        })),
      );
    },
    async read(entry) {
      const absolute = path.join(root, entry.path);
      const [text, info, history, codeOwners] = await Promise.all([
        readFile(absolute, 'utf8'),
        stat(absolute),
        gitHistory(root, entry.path),
        owners ?? readCodeOwners(root),
      ]);
      return {
        path: entry.path,
        title: titleOf(entry.path, text),
        text,
        updatedAt: history.updatedAt ?? info.mtime,
        owners: codeOwners?.ownersOf(entry.path) ?? [],
        authors: history.authors,
      };
    },
    lineUrl(file, startLine, endLine) {
      return `${pathToFileURL(path.join(root, file)).href}#L${startLine}-L${endLine}`;
    },
  };
}
