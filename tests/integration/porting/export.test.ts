import { existsSync } from 'node:fs';
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import Papa from 'papaparse';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { NUMBER_PAGE, type CsvFile } from '../../../main/core/porting/export/exports';
import { CSV_BOM } from '../../../main/core/porting/export/csvWriter';
import { saveCsvFile } from '../../../main/host/files/saveCsvFile';
import { aNumber, aRequest } from '../../fixtures/portInBuilders';
import { createHarness, NOW, type Harness } from './harness';

const hex = (n: number) => n.toString(16).padStart(32, '0');
const kw = (n: number) => `KW${hex(n)}`;

type NumberFields = Parameters<typeof aNumber>[0];

function numbersOf(request: number, count: number, extra: (i: number) => NumberFields) {
  return Array.from({ length: count }, (_, i) =>
    aNumber({
      sid: `PU${hex(request * 100_000 + i)}`,
      phoneNumber: `+1415${String(request).padStart(2, '0')}${String(i).padStart(5, '0')}`,
      ...extra(i),
    }),
  );
}

/** Writes the file as Electron's save dialog would, reads it back as a spreadsheet would. */
async function exportAndParse(harness: Harness, file: CsvFile, name = 'out.csv') {
  const path = join(harness.dataDir, name);
  const written = await saveCsvFile(file, path);
  const text = await readFile(path, 'utf8');
  expect(text.startsWith(CSV_BOM)).toBe(true);
  const parsed = Papa.parse<string[]>(text.slice(1), { skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  const [header, ...rows] = parsed.data;
  expect(rows).toHaveLength(written);
  return { header, rows, text };
}

/** What a cell must read in the file: ISO instants in UTC, date-only dates as they are. */
const iso = (value: string | null) =>
  value === null ? '' : /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : new Date(value).toISOString();

describe('CSV export (docs/porting.md, "Export")', () => {
  let harness: Harness;
  beforeEach(async () => {
    harness = await createHarness();
    const { store, accountId } = harness;
    const at = new Date(NOW).toISOString();
    store.requests.saveFetchedRequest(
      accountId,
      aRequest({
        sid: kw(1),
        status: 'In Progress',
        dateCreated: '2026-02-20T09:30:00Z',
        losingCarrier: { ...aRequest().losingCarrier, customerName: '=HYPERLINK("http://x","y")' },
        // More than a page, so the keyset paging crosses page boundaries inside one request.
        phoneNumbers: numbersOf(1, NUMBER_PAGE * 2 + 17, (i) =>
          i % 7 === 0
            ? {
                status: 'Rejected',
                rejectionReason:
                  i % 14 === 0 ? '-Account number mismatch' : 'Wrong PIN, see "notes"',
                rejectionReasonCode: 22156,
                statusUpdatedAt: '2026-03-01T10:00:00+02:00',
              }
            : { portDate: '2026-03-20', statusUpdatedAt: '2026-03-01T08:00:00Z' },
        ),
      }),
      at,
    );
    for (let n = 2; n <= 4; n += 1) {
      store.requests.saveFetchedRequest(
        accountId,
        aRequest({
          sid: kw(n),
          status: n === 4 ? 'Completed' : 'In Review',
          losingCarrier: { ...aRequest().losingCarrier, customerName: `Café Nº${n}, "Bros"` },
          phoneNumbers: numbersOf(n, 3, () => ({})),
        }),
        at,
      );
    }
  });
  afterEach(async () => harness.close());

  it('writes every request the filters keep, row by row as the store has it', async () => {
    const file = harness.porting.prepareRequestsExport({ filters: {} });
    expect(file.suggestedName).toBe('portdesk-requests-2026-03-03.csv');
    const { header, rows } = await exportAndParse(harness, file);
    expect(header).toEqual([
      'Request SID',
      'Customer',
      'Status',
      'Twilio status',
      'Numbers requested',
      'Numbers ported',
      'Target port date',
      'Confirmed port date',
      'Created',
      'Last changed',
      'Attention',
      'Account',
    ]);
    const stored = harness.store.requests.listRequests({ limit: 500 }).rows;
    expect(rows).toHaveLength(4);
    expect(file.countRows()).toBe(4);
    stored.forEach((row, index) => {
      const customer = row.customerName ?? '';
      expect(rows[index]).toEqual([
        row.sid,
        customer.startsWith('=') ? `'${customer}` : customer,
        row.status.canonical,
        row.status.raw,
        row.numbersRequested === null ? '' : String(row.numbersRequested),
        row.numbersPorted === null ? '' : String(row.numbersPorted),
        iso(row.targetPortInDate),
        iso(row.firstPortDate),
        iso(row.dateCreated),
        iso(row.lastChangedAt),
        row.attention.join('; '),
        'Acme ops',
      ]);
    });
    // The formula is neutralised; the accented, quoted name survives intact.
    expect(rows.map((r) => r[1])).toContain(`'=HYPERLINK("http://x","y")`);
    expect(rows.map((r) => r[1])).toContain('Café Nº2, "Bros"');
  });

  it('applies the list filters', async () => {
    const file = harness.porting.prepareRequestsExport({
      filters: { statuses: ['in_review'], sort: { field: 'customerName', direction: 'asc' } },
    });
    const { rows } = await exportAndParse(harness, file);
    expect(rows.map((r) => r[0])).toEqual([kw(2), kw(3)]);
  });

  it("writes a request's numbers in Twilio's order, across pages", async () => {
    const file = harness.porting.prepareNumbersExport({ scope: 'request', sid: kw(1) });
    expect(file.suggestedName).toBe(`portdesk-numbers-${kw(1)}-2026-03-03.csv`);
    const { header, rows } = await exportAndParse(harness, file);
    expect(header).toEqual([
      'Request SID',
      'Number',
      'Number SID',
      'Status',
      'Twilio status',
      'Port date',
      'Rejection code',
      'Rejection reason',
      'Last update',
    ]);
    const stored = harness.store.numbers.listNumbers(kw(1));
    expect(rows).toHaveLength(stored.length);
    expect(file.countRows()).toBe(stored.length);
    stored.forEach((number, index) => {
      const reason = number.rejectionReason ?? '';
      expect(rows[index]).toEqual([
        kw(1),
        number.phoneNumber,
        number.sid,
        number.status.canonical,
        number.status.raw,
        iso(number.portDate),
        number.rejectionReasonCode === null ? '' : String(number.rejectionReasonCode),
        reason.startsWith('-') ? `'${reason}` : reason,
        iso(number.statusUpdatedAt),
      ]);
    });
    // E.164 stays E.164: a plus followed by digits is not a formula.
    expect(rows[0]?.[1]).toMatch(/^\+1415\d{7}$/);
  });

  it('writes the numbers of every request the filters keep', async () => {
    const file = harness.porting.prepareNumbersExport({
      scope: 'requests',
      filters: {
        statuses: ['in_review', 'completed'],
        sort: { field: 'customerName', direction: 'asc' },
      },
    });
    const { rows } = await exportAndParse(harness, file);
    expect(file.countRows()).toBe(9);
    expect(rows.map((r) => r[0])).toEqual([
      kw(2),
      kw(2),
      kw(2),
      kw(3),
      kw(3),
      kw(3),
      kw(4),
      kw(4),
      kw(4),
    ]);
  });

  it('refuses a request PortDesk does not have, naming the field', () => {
    expect(() => harness.porting.prepareNumbersExport({ scope: 'request', sid: kw(99) })).toThrow(
      /no port-in request/,
    );
  });

  it('leaves no file behind when writing fails half-way', async () => {
    const file = harness.porting.prepareRequestsExport({ filters: {} });
    let writes = 0;
    const failing: CsvFile = {
      ...file,
      write: (sink) =>
        file.write({
          write: async (chunk) => {
            writes += 1;
            if (writes === 2) throw new Error('disk full');
            await sink.write(chunk);
          },
        }),
    };
    await expect(saveCsvFile(failing, join(harness.dataDir, 'broken.csv'))).rejects.toThrow(
      'disk full',
    );
    const files = await readdir(harness.dataDir);
    expect(files.filter((name) => name.startsWith('broken'))).toEqual([]);
    expect(existsSync(join(harness.dataDir, 'broken.csv'))).toBe(false);
  });
});
