import { localDateString } from '../../../../shared/domain/portDates';
import type { PayloadInput, PayloadOf } from '../../../../shared/ipc';
import { APP_SETTINGS_KEY, storedAgeingDays } from '../../../../shared/settings';
import type { RequestListQuery, RequestListRow, Store } from '../../store';
import { ageingClockAt, type PortingDeps } from '../deps';
import { notFound } from '../errors';
import { parseInput } from '../input';
import type { CsvCell } from './csvCells';
import { NUMBER_CSV_HEADER, numberCsvRow, REQUEST_CSV_HEADER, requestCsvRow } from './csvColumns';
import { writeCsv, type TextSink } from './csvWriter';

/** Requests read from the store per page (the store's maximum). */
const REQUEST_PAGE = 500;
/** Numbers per page: papaparse turns each into one string (~0.5 MB); the bench measures it. */
export const NUMBER_PAGE = 5_000;

/**
 * A CSV file not written yet. The host decides where it goes (a save dialog, a download) and
 * then calls `write`, which reads the store a page at a time. A sync may change rows while the
 * file is written: each row is one consistent read, the file as a whole is not a snapshot.
 */
export interface CsvFile {
  /** e.g. `portdesk-requests-2026-12-05.csv` (the agent's local date). */
  suggestedName: string;
  /** Rows the file would hold now (a count query; the browser host says it before serving). */
  countRows(): number;
  /** Writes header and rows to the sink; resolves with the data rows written. */
  write(sink: TextSink): Promise<number>;
}

export interface ExportCommands {
  prepareRequestsExport(input: PayloadInput<'exportRequests'>): CsvFile;
  prepareNumbersExport(input: PayloadInput<'exportNumbers'>): CsvFile;
}

type Filters = PayloadOf<'exportRequests'>['filters'];

export function exportCommands(deps: PortingDeps): ExportCommands {
  const { store } = deps;
  const ageingDays =
    deps.ageingDays ?? (() => storedAgeingDays(store.settings.get(APP_SETTINGS_KEY, {})));
  const fileName = (what: string) =>
    `portdesk-${what}-${localDateString(new Date(deps.now()))}.csv`;
  const listQuery = (filters: Filters): RequestListQuery => ({
    ...filters,
    ageing: ageingClockAt(deps, deps.now(), ageingDays()),
  });

  return {
    prepareRequestsExport(input) {
      const { filters } = parseInput('exportRequests', input);
      const query = listQuery(filters);
      return {
        suggestedName: fileName('requests'),
        countRows: () => store.requests.listRequests({ ...query, limit: 1 }).total,
        write: (sink) =>
          writeCsv(sink, REQUEST_CSV_HEADER, mapPages(requestPages(store, query), requestCsvRow)),
      };
    },

    prepareNumbersExport(input) {
      const payload = parseInput('exportNumbers', input);
      if (payload.scope === 'request') {
        const { sid } = payload;
        if (!store.requests.getRequest(sid)) {
          throw notFound('sid', `PortDesk has no port-in request ${sid}; sync, then try again.`);
        }
        return {
          suggestedName: fileName(`numbers-${sid}`),
          countRows: () => store.exportPages.countNumbers([sid]),
          write: (sink) => writeCsv(sink, NUMBER_CSV_HEADER, numberPages(store, [[sid]])),
        };
      }
      const query = listQuery(payload.filters);
      const sidPages = () => mapPages(requestPages(store, query), (row) => row.sid);
      return {
        suggestedName: fileName('numbers'),
        countRows: () => {
          let total = 0;
          for (const sids of sidPages()) total += store.exportPages.countNumbers(sids);
          return total;
        },
        write: (sink) => writeCsv(sink, NUMBER_CSV_HEADER, numberPages(store, sidPages())),
      };
    },
  };
}

/** The list query's rows, a store page at a time, in the list's order. */
function* requestPages(store: Store, query: RequestListQuery): Generator<RequestListRow[]> {
  for (let offset = 0; ; offset += REQUEST_PAGE) {
    const page = store.requests.listRequests({ ...query, limit: REQUEST_PAGE, offset }).rows;
    if (page.length > 0) yield page;
    if (page.length < REQUEST_PAGE) return;
  }
}

function* mapPages<T, U>(pages: Iterable<T[]>, map: (row: T) => U): Generator<U[]> {
  for (const page of pages) yield page.map(map);
}

/**
 * Numbers of the requests in order, NUMBER_PAGE rows at a time: a big request is read in
 * keyset pages, small ones are gathered into one page.
 */
function* numberPages(store: Store, sidPages: Iterable<string[]>): Generator<CsvCell[][]> {
  let batch: CsvCell[][] = [];
  for (const sids of sidPages) {
    for (const sid of sids) {
      let after = -1;
      for (;;) {
        const wanted = NUMBER_PAGE - batch.length;
        const rows = store.exportPages.numbersPage(sid, after, wanted);
        for (const row of rows) batch.push(numberCsvRow(row));
        if (batch.length >= NUMBER_PAGE) {
          yield batch;
          batch = [];
        }
        const last = rows.at(-1);
        // A short page is the request's last.
        if (last === undefined || rows.length < wanted) break;
        after = last[0];
      }
    }
  }
  if (batch.length > 0) yield batch;
}
