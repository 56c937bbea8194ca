import path from 'node:path';
import { localFolderSource } from '../knowledge/sources/local-folder.ts';
import type { DocumentSource } from '../knowledge/sources/types.ts';

/** The canned team's handbook: runbooks, on-call and onboarding guides, ADRs and their CODEOWNERS. */
export const DEMO_DOCS_DIR = path.join(import.meta.dirname, 'docs');

/** The handbook as a docs source. Its owners come from its CODEOWNERS (the demo's people, linked across tools). */
export function demoDocsSource(): DocumentSource {
  const folder = localFolderSource(DEMO_DOCS_DIR);
  return {
    ...folder,
    // Git would name em-agent's own committers as the authors, who are nobody in the demo team.
    read: async (entry) => ({ ...(await folder.read(entry)), authors: [] }),
  };
}
