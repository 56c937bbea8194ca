import type { DocumentSource, SourceDocument, SourceEntry } from './types.ts';

export interface ConfluenceConfig {
  baseUrl: string;
  space: string;
  email: string;
  apiToken: string;
}

interface ConfluencePage {
  id: string;
  title: string;
  version?: { number?: number; createdAt?: string; authorId?: string };
  body?: { storage?: { value?: string } };
  _links?: { webui?: string };
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

function decodeEntities(text: string): string {
  return text.replace(/&(#x?[0-9a-f]+|\w+);/gi, (entity, name: string) => {
    if (name.startsWith('#x') || name.startsWith('#X'))
      return String.fromCodePoint(parseInt(name.slice(2), 16));
    if (name.startsWith('#')) return String.fromCodePoint(Number(name.slice(1)));
    return ENTITIES[name.toLowerCase()] ?? entity;
  });
}

/** Confluence storage format (XHTML) to markdown-like text: headings, code blocks, list items, paragraphs. */
export function storageToMarkdown(html: string): string {
  return decodeEntities(
    html
      .replace(
        /<ac:structured-macro[^>]*ac:name="code"[^>]*>[\s\S]*?<!\[CDATA\[([\s\S]*?)\]\]>[\s\S]*?<\/ac:structured-macro>/g,
        (_m, code: string) => `\n\`\`\`\n${code.replace(/&/g, '&amp;').replace(/</g, '&lt;')}\n\`\`\`\n`,
      )
      .replace(
        /<pre[^>]*>([\s\S]*?)<\/pre>/g,
        (_m, code: string) => `\n\`\`\`\n${code.replace(/<[^>]+>/g, '')}\n\`\`\`\n`,
      )
      .replace(
        /<h([1-6])[^>]*>([\s\S]*?)<\/h\1>/g,
        (_m, level: string, text: string) =>
          `\n${'#'.repeat(Number(level))} ${text.replace(/<[^>]+>/g, '').trim()}\n`,
      )
      .replace(/<li[^>]*>/g, '\n- ')
      .replace(/<br\s*\/?>/g, '\n')
      .replace(/<\/(p|div|ul|ol|table|tr)>/g, '\n')
      .replace(/<[^>]+>/g, ''),
  )
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/**
 * Pages of one Confluence Cloud space through the REST API v2 (`/wiki/api/v2/spaces`, `/spaces/{id}/pages`
 * with `body-format=storage`, following `_links.next`). A page's version number is its hash: an edit bumps it.
 */
export function confluenceSpaceSource(config: ConfluenceConfig): DocumentSource {
  const base = config.baseUrl.replace(/\/$/, '');
  const headers = {
    authorization: `Basic ${Buffer.from(`${config.email}:${config.apiToken}`).toString('base64')}`,
    accept: 'application/json',
  };
  const pages = new Map<string, ConfluencePage>();

  async function get<T>(pathAndQuery: string): Promise<T> {
    const response = await fetch(`${base}${pathAndQuery}`, { headers });
    if (!response.ok)
      throw new Error(`Confluence answered ${response.status} for ${pathAndQuery.split('?')[0]}`);
    return (await response.json()) as T;
  }

  return {
    id: `confluence:${config.space}`,
    async list(): Promise<SourceEntry[]> {
      const spaces = await get<{ results: { id: string; key: string }[] }>(
        `/wiki/api/v2/spaces?keys=${encodeURIComponent(config.space)}`,
      );
      const space = spaces.results.find((candidate) => candidate.key === config.space);
      if (!space) throw new Error(`Confluence space ${config.space} not found`);
      pages.clear();
      let next: string | undefined = `/wiki/api/v2/spaces/${space.id}/pages?limit=100&body-format=storage`;
      while (next) {
        const page: { results: ConfluencePage[]; _links?: { next?: string } } = await get(next);
        for (const item of page.results) pages.set(`${item.id}`, item);
        next = page._links?.next;
      }
      return [...pages.values()].map((page) => ({ path: page.id, version: `v${page.version?.number ?? 0}` }));
    },
    async read(entry): Promise<SourceDocument> {
      const page =
        pages.get(entry.path) ??
        (await get<ConfluencePage>(`/wiki/api/v2/pages/${entry.path}?body-format=storage`));
      const text = `# ${page.title}\n\n${storageToMarkdown(page.body?.storage?.value ?? '')}`;
      return {
        path: entry.path,
        title: page.title,
        text,
        updatedAt: page.version?.createdAt ? new Date(page.version.createdAt) : new Date(),
        owners: [],
        authors: page.version?.authorId ? [page.version.authorId] : [],
      };
    },
    lineUrl(path) {
      const webui = pages.get(path)?._links?.webui;
      // Confluence has no line anchors: the citation links to the page.
      return webui
        ? `${base}/wiki${webui}`
        : `${base}/wiki/pages/viewpage.action?pageId=${encodeURIComponent(path)}`;
    },
  };
}
