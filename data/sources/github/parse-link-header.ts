/** GitHub's `Link` header: the next page's URL, and how many pages follow the current one when rel="last" says. */
export function parseLinkHeader(link: string | undefined): { next?: string; remainingPages?: number } {
  const rels: Record<string, string> = {};
  for (const [, url, rel] of (link ?? '').matchAll(/<([^>]+)>;\s*rel="([^"]+)"/g)) rels[rel!] = url!;
  const pageOf = (url: string | undefined) =>
    url ? Number(new URL(url).searchParams.get('page') ?? Number.NaN) : Number.NaN;
  const remaining = pageOf(rels.last) - pageOf(rels.next) + 1;
  return { next: rels.next, remainingPages: Number.isFinite(remaining) ? remaining : undefined };
}
