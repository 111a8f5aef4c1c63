import Papa from 'papaparse';
import type { CsvCell } from './csvCells';

/** Where CSV text goes: a file (Electron's save dialog) or an HTTP response (browser host). */
export interface TextSink {
  /** Resolves when the sink can take more (back-pressure); rejects when it is gone. */
  write(chunk: string): Promise<void>;
}

/**
 * A byte-order mark first: Excel on Windows reads a CSV without one in the local code page and
 * garbles accented customer names; other readers (LibreOffice, Sheets, papaparse) skip it.
 */
export const CSV_BOM = '\uFEFF';
const NEWLINE = '\r\n';

/**
 * Writes a header row, then each page as papaparse turns it into text, one page at a time: a
 * page is the only part of the file in memory, whatever the size of the export. Resolves with
 * the number of data rows written.
 */
export async function writeCsv(
  sink: TextSink,
  header: readonly string[],
  pages: AsyncIterable<CsvCell[][]> | Iterable<CsvCell[][]>,
): Promise<number> {
  await sink.write(CSV_BOM + Papa.unparse([header as string[]], { newline: NEWLINE }) + NEWLINE);
  let rows = 0;
  for await (const page of pages) {
    if (page.length === 0) continue;
    await sink.write(Papa.unparse(page, { newline: NEWLINE }) + NEWLINE);
    rows += page.length;
  }
  return rows;
}
