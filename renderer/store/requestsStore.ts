import { create } from 'zustand';
import type { IpcError, RequestListQuery, RequestSortField } from '../../shared/ipc';
import type {
  AttentionFlag,
  RequestListFacets,
  RequestListRow,
  RequestStatusFilter,
} from '../../shared/views';
import { request } from '../bridge';

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

interface RequestsState {
  filters: RequestFilters;
  /** null until the first page of the current query arrived. */
  total: number | null;
  facets: RequestListFacets | null;
  pages: Record<number, RequestListRow[]>;
  error: IpcError | null;
  /** Bumped on every new query: answers to older queries are dropped. */
  generation: number;
  setFilters(patch: Partial<RequestFilters>): void;
  resetFilters(): void;
  ensureRows(first: number, last: number): void;
  /** Refetch the pages on screen (after a data-changed event); old rows stay until replaced. */
  refresh(): Promise<void>;
  rowAt(index: number): RequestListRow | undefined;
}

const inFlight = new Set<string>();

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

export const useRequests = create<RequestsState>()((set, get) => {
  async function fetchPage(page: number, generation: number): Promise<void> {
    const key = `${generation}:${page}`;
    if (inFlight.has(key)) return;
    inFlight.add(key);
    const result = await request((b) => b.listRequests(toQuery(get().filters, page)));
    inFlight.delete(key);
    if (get().generation !== generation) return;
    if (!result.ok) {
      set({ error: result.error });
      return;
    }
    set((s) => ({
      error: null,
      total: result.data.total,
      facets: result.data.facets,
      pages: { ...s.pages, [page]: result.data.rows },
    }));
  }

  function restart(filters: RequestFilters): void {
    const generation = get().generation + 1;
    set({ filters, generation, pages: {}, total: null, error: null });
    void fetchPage(0, generation);
  }

  return {
    filters: DEFAULT_FILTERS,
    total: null,
    facets: null,
    pages: {},
    error: null,
    generation: 0,

    setFilters(patch) {
      restart({ ...get().filters, ...patch });
    },

    resetFilters() {
      restart({ ...DEFAULT_FILTERS, sort: get().filters.sort });
    },

    ensureRows(first, last) {
      const { pages, generation } = get();
      for (let page = Math.floor(first / PAGE_SIZE); page <= Math.floor(last / PAGE_SIZE); page++) {
        if (!pages[page]) void fetchPage(page, generation);
      }
    },

    async refresh() {
      const { pages, generation } = get();
      const loaded = Object.keys(pages).map(Number);
      await Promise.all((loaded.length ? loaded : [0]).map((page) => fetchPage(page, generation)));
    },

    rowAt(index) {
      return get().pages[Math.floor(index / PAGE_SIZE)]?.[index % PAGE_SIZE];
    },
  };
});
