import type { CursorStore } from './cursor-store.ts';

/** One fetched page of a listing; `notModified` when a conditional request was answered 304. */
export interface ListingPage<T> {
  notModified?: boolean;
  items: T[];
  /** Where the next page is (a URL, an offset, a page token); absent on the last page. */
  next?: string;
  etag?: string;
  /** Pages left after this one, when the provider says (GitHub's rel="last"). */
  remainingPages?: number;
}

export interface Listing<T> {
  /** The cursor key, e.g. `github:acme/api:pulls`. */
  stream: string;
  first: string;
  fetch(position: string, etag: string | undefined): Promise<ListingPage<T>>;
  /** Applies one page's items; true when the listing ends here (what follows is older than the range). */
  apply(items: T[]): Promise<boolean>;
}

export interface ListingTally {
  pages: number;
  notModified: number;
  items: number;
}

export interface WalkOptions {
  /** A resumable walk: the range it covers and the time it covers them through. Absent for a sub-listing
   * (the reviews of one pull request), which its parent page repeats if interrupted. */
  resume?: { range: string; through: Date };
  onPage?(progress: { done: number; total: number }): void;
  /** Hands each page's cursor save to the caller instead of saving it: a sub-listing whose facts the caller
   * applies later, with its parent page's, must not record its ETags before that. */
  deferPageSave?(save: () => Promise<void>): void;
}

/**
 * Walks a listing page by page. A resumable walk starts where the last run for the same range stopped and
 * records its position after every applied page; a page answered 304 is skipped and the walk follows the link
 * it stored when it was applied. A page's ETag is stored only after its facts were applied, so an interrupted
 * page is fetched again in full.
 */
export async function walkListing<T>(
  listing: Listing<T>,
  cursors: CursorStore,
  options: WalkOptions = {},
): Promise<ListingTally> {
  const { resume } = options;
  let position: string | undefined = listing.first;
  if (resume) {
    const cursor = await cursors.stream(listing.stream);
    if (cursor?.position && cursor.range === resume.range) position = cursor.position;
  }
  const tally: ListingTally = { pages: 0, notModified: 0, items: 0 };
  while (position !== undefined) {
    const stored = await cursors.page(listing.stream, position);
    const page = await listing.fetch(position, stored?.etag ?? undefined);
    let next: string | undefined;
    if (page.notModified) {
      tally.notModified += 1;
      next = stored?.next ?? undefined;
    } else {
      const ended = page.items.length > 0 && (await listing.apply(page.items));
      next = ended ? undefined : page.next;
      tally.items += page.items.length;
      if (page.etag) {
        const [at, etag] = [position, page.etag];
        const save = () => cursors.savePage(listing.stream, at, { etag, next: next ?? null });
        if (options.deferPageSave) options.deferPageSave(save);
        else await save();
      }
    }
    tally.pages += 1;
    options.onPage?.({ done: tally.pages, total: tally.pages + (next ? (page.remainingPages ?? 1) : 0) });
    position = next;
    if (resume && position) await cursors.savePosition(listing.stream, resume.range, position);
  }
  if (resume) await cursors.complete(listing.stream, resume.range, resume.through);
  return tally;
}
