import type { PeopleFinder, SuggestedPerson } from '../../handlers/ask/types.ts';
import type { KnowledgeDocumentModel } from '../models/knowledge-document.ts';

const MAX_PEOPLE = 3;

/** Code owners of the closest docs first, then their most frequent authors, as recorded at index time. */
export function createPeopleFinder(documents: KnowledgeDocumentModel): PeopleFinder {
  return {
    async suggest(tenantId, passages) {
      const people: SuggestedPerson[] = [];
      const seen = new Set<string>();
      const add = (name: string, reason: string) => {
        if (seen.has(name) || people.length >= MAX_PEOPLE) return;
        seen.add(name);
        people.push({ name, reason });
      };
      const keys = [
        ...new Map(passages.map((passage) => [`${passage.source}\u0000${passage.path}`, passage])).values(),
      ];
      const found = await Promise.all(
        keys.map((passage) =>
          documents.findOne({ tenantId, source: passage.source, path: passage.path }).lean(),
        ),
      );
      for (const document of found)
        for (const owner of document?.owners ?? []) add(owner, `code owner of ${document!.path}`);
      for (const document of found) {
        const [first, second] = document?.authors ?? [];
        if (first) add(first, `wrote most of ${document!.path}`);
        if (second) add(second, `also edited ${document!.path}`);
      }
      return people;
    },
  };
}
