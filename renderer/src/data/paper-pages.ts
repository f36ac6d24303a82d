/**
 * The table's rows, fetched page by page around what is on screen. Only a bounded number of pages is kept, so the
 * renderer never holds the whole library. Every answer carries the query and generation it was asked for; answers to
 * an older query or an older generation (before the library changed) are dropped.
 */
import type { ContractError } from '../../../shared/contract';
import type { PaperRow } from '../../../shared/types';
import type { Sort } from '../state/view';
import { api } from '../api';

export const PAGE_SIZE = 100;
/** Pages kept around the visible range: enough to scroll back and forth without refetching. */
const MAX_PAGES = 12;
/**
 * While the rows on screen jump by half a screen or more, more often than this (a fling, a dragged scrollbar), no page is
 * fetched: the pages flown past would arrive after they left the screen, and only load the library and the window.
 * The pages where the view comes to rest are fetched this long after the last jump.
 */
export const FLING_MS = 100;

interface Page {
  rows: PaperRow[];
  generation: number;
}

export interface Listing {
  query: string;
  sort: Sort;
  snippets: boolean;
}

export interface PagesSnapshot {
  /** Bumps on every change, for useSyncExternalStore. */
  version: number;
  total: number;
  /** True until the first page of the current query arrived. */
  loading: boolean;
  error: ContractError | null;
  query: string;
  /** Bumps each time a new query or sort is shown (the cursor goes back to the top then). */
  listingId: number;
}

export class PaperPages {
  private pages = new Map<number, Page>();
  private listing: Listing = { query: '\u0000', sort: { field: 'relevance' }, snippets: false };
  private requested: Listing = this.listing;
  private generation = 0;
  private latestListingRequest = 0;
  private nextRequest = 1;
  /** Page number → generation of the request in flight for it. */
  private inflight = new Map<number, number>();
  private range = { start: 0, end: 0 };
  private lastJump = -Infinity;
  private settle: ReturnType<typeof setTimeout> | null = null;
  private listeners = new Set<() => void>();
  snapshot: PagesSnapshot = { version: 0, total: 0, loading: true, error: null, query: '', listingId: 0 };

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): PagesSnapshot => this.snapshot;

  private changed(patch: Partial<PagesSnapshot>): void {
    this.snapshot = { ...this.snapshot, ...patch, version: this.snapshot.version + 1 };
    for (const l of this.listeners) l();
  }

  rowAt(index: number): PaperRow | undefined {
    return this.pages.get(Math.floor(index / PAGE_SIZE))?.rows[index % PAGE_SIZE];
  }

  /** Index of a paper among the loaded pages, or -1. */
  indexOf(id: number): number {
    for (const [n, page] of this.pages) {
      const i = page.rows.findIndex((r) => r.id === id);
      if (i >= 0) return n * PAGE_SIZE + i;
    }
    return -1;
  }

  /**
   * Shows another query or sort. The old rows stay on screen until the first page of the new listing arrives, so
   * typing in the search box never flashes an empty table.
   */
  setListing(listing: Listing, firstIndex = 0): void {
    // Compared with the last one asked for (not the one shown): switching away and straight back must win.
    const last = this.requested;
    const same =
      listing.query === last.query &&
      listing.sort.field === last.sort.field &&
      listing.sort.direction === last.sort.direction &&
      listing.snippets === last.snippets;
    if (same) return;
    this.requested = listing;
    const request = this.nextRequest++;
    this.latestListingRequest = request;
    const pageNumber = Math.floor(firstIndex / PAGE_SIZE);
    void this.fetchPage(listing, pageNumber).then((result) => {
      if (request !== this.latestListingRequest) return;
      this.listing = listing;
      this.generation++;
      this.pages.clear();
      this.inflight.clear();
      if (result.ok) {
        this.pages.set(pageNumber, { rows: result.value.rows, generation: this.generation });
        this.changed({
          total: result.value.total,
          loading: false,
          error: null,
          query: listing.query,
          listingId: this.snapshot.listingId + 1,
        });
        this.fill();
      } else {
        this.changed({
          total: 0,
          loading: false,
          error: result.error,
          query: listing.query,
          listingId: this.snapshot.listingId + 1,
        });
      }
    });
  }

  /** The library changed: refetch what is on screen, keeping the old rows until the new ones arrive. */
  refresh(): void {
    this.generation++;
    this.inflight.clear();
    this.fill();
  }

  /** The rows on screen are start..end (exclusive); fetch the pages they need and one either side. */
  setRange(start: number, end: number): void {
    if (start === this.range.start && end === this.range.end) return;
    const before = this.range;
    this.range = { start, end };
    if (this.settle !== null) clearTimeout(this.settle);
    this.settle = null;
    // A jump moves the view by half a screen or more at once; a second jump soon after the first is a fling.
    const now = performance.now();
    const jumped = Math.abs(start - before.start) * 2 >= Math.max(2, end - start);
    const flinging = jumped && now - this.lastJump < FLING_MS;
    if (jumped) this.lastJump = now;
    if (!flinging) {
      this.fill();
      return;
    }
    this.settle = setTimeout(() => {
      this.settle = null;
      this.fill();
    }, FLING_MS);
  }

  private wantedPages(): number[] {
    const total = this.snapshot.total;
    const first = Math.max(0, Math.floor(this.range.start / PAGE_SIZE) - 1);
    const lastIndex = Math.max(0, Math.min(total, this.range.end + PAGE_SIZE) - 1);
    const last = Math.max(first, Math.floor(lastIndex / PAGE_SIZE));
    const wanted: number[] = [];
    for (let n = first; n <= last; n++) wanted.push(n);
    return wanted;
  }

  private fill(): void {
    if (this.listing.query === '\u0000') return;
    const wanted = this.wantedPages();
    // Pages on screen first, then the neighbours.
    const onScreen = Math.floor(this.range.start / PAGE_SIZE);
    wanted.sort((a, b) => Math.abs(a - onScreen) - Math.abs(b - onScreen));
    for (const n of wanted) {
      const page = this.pages.get(n);
      if (page && page.generation === this.generation) continue;
      if (this.inflight.get(n) === this.generation) continue;
      this.load(n);
    }
    this.evict(wanted);
  }

  private evict(wanted: number[]): void {
    if (this.pages.size <= MAX_PAGES) return;
    const centre = wanted[0] ?? 0;
    const far = [...this.pages.keys()]
      .filter((n) => !wanted.includes(n))
      .sort((a, b) => Math.abs(b - centre) - Math.abs(a - centre));
    for (const n of far.slice(0, this.pages.size - MAX_PAGES)) this.pages.delete(n);
  }

  private load(pageNumber: number): void {
    const generation = this.generation;
    const listing = this.listing;
    this.inflight.set(pageNumber, generation);
    void this.fetchPage(listing, pageNumber).then((result) => {
      if (this.inflight.get(pageNumber) === generation) this.inflight.delete(pageNumber);
      // An answer for an older listing or an older state of the library is stale: drop it.
      if (listing !== this.listing || generation !== this.generation) return;
      if (!result.ok) {
        this.changed({ error: result.error });
        return;
      }
      this.pages.set(pageNumber, { rows: result.value.rows, generation });
      // Pages past the new end are gone (papers were removed from the view).
      const lastPage = Math.floor(Math.max(0, result.value.total - 1) / PAGE_SIZE);
      for (const n of this.pages.keys()) if (n > lastPage) this.pages.delete(n);
      const totalChanged = result.value.total !== this.snapshot.total;
      this.changed({ total: result.value.total, error: null });
      if (totalChanged) this.fill();
    });
  }

  private fetchPage(listing: Listing, pageNumber: number) {
    return api.call('papers.list', {
      query: listing.query,
      sort: listing.sort.field,
      ...(listing.sort.direction ? { direction: listing.sort.direction } : {}),
      offset: pageNumber * PAGE_SIZE,
      limit: PAGE_SIZE,
      snippets: listing.snippets,
    });
  }
}

/** The one listing the window shows. */
export const paperPages = new PaperPages();
