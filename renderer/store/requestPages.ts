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
  /**
   * The agent is looking at rows (pointer or focus in the list, or scrolled down): a refresh
   * updates the rows in place and holds back any new order (docs/ui.md, "A list that stays
   * still"). Set by the list.
   */
  holdOrder: boolean;
  /** Requests whose change would move or add rows, waiting for "Show" (0: nothing waits). */
  heldUpdates: number;
  setHoldOrder(hold: boolean): void;
  /** Applies the held order: the same query again, from its top. */
  showUpdates(): void;
  setFilters(patch: Partial<RequestFilters>): void;
  /**
   * The first view's query (the default filters), unless a query ran already; resolves when its
   * first page is in (or failed), so the shell can show with its rows in one render.
   */
  startList(): Promise<void>;
  resetFilters(): void;
  ensureRows(first: number, last: number): void;
  /** Refetch the pages on screen (after a data-changed event); old rows stay until replaced. */
  refresh(): Promise<void>;
  rowAt(index: number): RequestListRow | undefined;
}

export type ListRequests = (
  query: Partial<RequestListQuery>,
) => Promise<Envelope<RequestListResult>>;

function rowsOf(answer: Envelope<RequestListResult> | undefined): RequestListRow[] {
  return answer?.ok ? answer.data.rows : [];
}

export function toQuery(filters: RequestFilters, page: number): Partial<RequestListQuery> {
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
    /** SIDs of the held changes; their count is `heldUpdates`. Emptied by every new query. */
    let heldSids = new Set<string>();

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

    /**
     * A refresh while the agent looks at the rows: every row on screen takes its new content in
     * place (a status word may change), but no row moves, none is added or removed, and the
     * total stays; what would move is counted for the "N updated — Show" bar.
     */
    async function refreshHeld(generation: number, loaded: number[]): Promise<void> {
      const filters = get().filters;
      const answers = await Promise.all(loaded.map((page) => listRequests(toQuery(filters, page))));
      if (get().generation !== generation) return;
      const current = get().pages;
      const fresh = new Map<string, RequestListRow>();
      let sameOrder = true;
      let total = get().total;
      let facets = get().facets;
      for (const [i, answer] of answers.entries()) {
        // A failed refresh changes nothing: the rows shown are still the last good answer.
        if (!answer.ok) return;
        const page = loaded[i] ?? 0;
        const shown = current[page] ?? [];
        const rows = answer.data.rows;
        if (rows.length !== shown.length || rows.some((row, at) => row.sid !== shown[at]?.sid)) {
          sameOrder = false;
        }
        for (const row of rows) fresh.set(row.sid, row);
        total = answer.data.total;
        facets = answer.data.facets;
      }
      if (sameOrder && total === get().total) {
        heldSids = new Set();
        set({
          pages: Object.fromEntries(loaded.map((p, i) => [p, rowsOf(answers[i])])),
          facets,
          heldUpdates: 0,
        });
        return;
      }
      const shownSids = new Set<string>();
      const pages: Record<number, RequestListRow[]> = {};
      for (const [key, rows] of Object.entries(current)) {
        pages[Number(key)] = rows.map((row) => {
          shownSids.add(row.sid);
          const next = fresh.get(row.sid);
          if (next && next.lastChangedAt !== row.lastChangedAt) heldSids.add(row.sid);
          return next ?? row;
        });
      }
      for (const sid of fresh.keys()) if (!shownSids.has(sid)) heldSids.add(sid);
      set({ pages, facets, heldUpdates: Math.max(1, heldSids.size) });
    }

    function restart(filters: RequestFilters): Promise<void> {
      const generation = get().generation + 1;
      heldSids = new Set();
      // With nothing on screen yet there is nothing to keep: the list shows its loading state.
      set((s) => ({
        filters,
        generation,
        error: null,
        stale: s.total !== null,
        heldUpdates: 0,
      }));
      return fetchPage(0, generation);
    }

    return {
      filters: DEFAULT_FILTERS,
      total: null,
      facets: null,
      pages: {},
      error: null,
      generation: 0,
      stale: false,
      holdOrder: false,
      heldUpdates: 0,

      setHoldOrder(hold) {
        if (get().holdOrder !== hold) set({ holdOrder: hold });
      },

      showUpdates() {
        void restart(get().filters);
      },

      setFilters(patch) {
        void restart({ ...get().filters, ...patch });
      },

      startList() {
        return get().generation === 0 ? restart(get().filters) : Promise.resolve();
      },

      resetFilters() {
        void restart({ ...DEFAULT_FILTERS, sort: get().filters.sort });
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
        const { pages, generation, stale, holdOrder } = get();
        const loaded = stale ? [] : Object.keys(pages).map(Number);
        if (holdOrder && loaded.length > 0) {
          await refreshHeld(generation, loaded);
          return;
        }
        if (get().heldUpdates > 0) {
          // Nobody is looking at the rows: the new order is applied at once, bar and all.
          heldSids = new Set();
          set({ heldUpdates: 0 });
        }
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
