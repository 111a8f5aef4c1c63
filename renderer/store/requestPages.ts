import { create } from 'zustand';
import type { Envelope, IpcError, RequestListQuery, RequestSortField } from '../../shared/ipc';
import type {
  AttentionFlag,
  RequestListFacets,
  RequestListResult,
  RequestListRow,
  RequestStatusFilter,
} from '../../shared/views';

/** Rows are fetched in pages as the virtual list scrolls; 10,000 rows never cross IPC at once. */
export const PAGE_SIZE = 100;

export interface RequestFilters {
  statuses: RequestStatusFilter[];
  accountIds: string[];
  attention: AttentionFlag[];
  search: string;
  sort: { field: RequestSortField; direction: 'asc' | 'desc' };
}

export const DEFAULT_FILTERS: RequestFilters = {
  statuses: [],
  accountIds: [],
  attention: [],
  search: '',
  sort: { field: 'lastChangedAt', direction: 'desc' },
};

export interface RequestsState {
  filters: RequestFilters;
  /** null until the first page of a query arrived, and after a new query's first page failed. */
  total: number | null;
  facets: RequestListFacets | null;
  pages: Record<number, RequestListRow[]>;
  error: IpcError | null;
  /** Bumped on every new query: answers to older queries are dropped. */
  generation: number;
  /**
   * A new query is waiting for its first page: `pages` and `total` are still the previous
   * query's, kept on screen (dimmed, aria-busy) so the list does not blank and remount.
   */
  stale: boolean;
  setFilters(patch: Partial<RequestFilters>): void;
  resetFilters(): void;
  ensureRows(first: number, last: number): void;
  /** Refetch the pages on screen (after a data-changed event); old rows stay until replaced. */
  refresh(): Promise<void>;
  rowAt(index: number): RequestListRow | undefined;
}

export type ListRequests = (
  query: Partial<RequestListQuery>,
) => Promise<Envelope<RequestListResult>>;

function toQuery(filters: RequestFilters, page: number): Partial<RequestListQuery> {
  return {
    statuses: filters.statuses,
    accountIds: filters.accountIds,
    attention: filters.attention,
    search: filters.search.trim(),
    sort: filters.sort,
    offset: page * PAGE_SIZE,
    limit: PAGE_SIZE,
  };
}

/**
 * The requests list's state: filters, the pages fetched so far and the facets, for whatever
 * answers `listRequests` (the bridge in the app, a scripted fake in tests).
 */
export function createRequestsStore(listRequests: ListRequests) {
  return create<RequestsState>()((set, get) => {
    /** One call per generation and page: a refresh while the page is on its way waits for it. */
    const inFlight = new Map<string, Promise<void>>();

    function fetchPage(page: number, generation: number): Promise<void> {
      const key = `${generation}:${page}`;
      const pending = inFlight.get(key);
      if (pending) return pending;
      const call = (async () => {
        const result = await listRequests(toQuery(get().filters, page));
        inFlight.delete(key);
        // An answer to an older query, however late, never touches a newer query's rows.
        if (get().generation !== generation) return;
        const replacing = get().stale && page === 0;
        if (!result.ok) {
          // The kept rows belong to the previous query: an error is all there is to show.
          set(
            replacing
              ? { error: result.error, stale: false, pages: {}, total: null }
              : { error: result.error },
          );
          return;
        }
        set((s) => ({
          error: null,
          stale: false,
          total: result.data.total,
          facets: result.data.facets,
          pages: replacing ? { 0: result.data.rows } : { ...s.pages, [page]: result.data.rows },
        }));
      })();
      inFlight.set(key, call);
      return call;
    }

    function restart(filters: RequestFilters): void {
      const generation = get().generation + 1;
      // With nothing on screen yet there is nothing to keep: the list shows its loading state.
      set((s) => ({ filters, generation, error: null, stale: s.total !== null }));
      void fetchPage(0, generation);
    }

    return {
      filters: DEFAULT_FILTERS,
      total: null,
      facets: null,
      pages: {},
      error: null,
      generation: 0,
      stale: false,

      setFilters(patch) {
        restart({ ...get().filters, ...patch });
      },

      resetFilters() {
        restart({ ...DEFAULT_FILTERS, sort: get().filters.sort });
      },

      ensureRows(first, last) {
        const { pages, generation, stale } = get();
        // The rows shown are the previous query's: other pages of the new one would mix in.
        if (stale) return;
        const from = Math.floor(first / PAGE_SIZE);
        for (let page = from; page <= Math.floor(last / PAGE_SIZE); page++) {
          if (!pages[page]) void fetchPage(page, generation);
        }
      },

      async refresh() {
        const { pages, generation, stale } = get();
        const loaded = stale ? [] : Object.keys(pages).map(Number);
        await Promise.all(
          (loaded.length ? loaded : [0]).map((page) => fetchPage(page, generation)),
        );
      },

      rowAt(index) {
        return get().pages[Math.floor(index / PAGE_SIZE)]?.[index % PAGE_SIZE];
      },
    };
  });
}
