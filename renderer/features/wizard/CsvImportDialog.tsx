import Papa from 'papaparse';
import { useEffect, useMemo, useState } from 'react';
import { checkUsPhoneNumber, parsePhoneList } from '../../../shared/domain/phoneNumbers';
import { Button } from '../../ui/Button';
import { ModalDialog } from '../../ui/Dialog';
import { plural } from '../../ui/format';
import { Select } from '../../ui/Select';
import { Banner, LoadingState } from '../../ui/states';
import type { NotAddedNumber } from '../../store/wizard/wizardState';
import { csvNotAdded } from './csvNotAdded';
import { NotAddedRows } from './NotAddedRows';

const MAX_CSV_BYTES = 5 * 1024 * 1024;
const PREVIEW_ROWS = 8;

interface Parsed {
  rows: string[][];
  hasHeader: boolean;
}

function looksLikeNumber(cell: string | undefined): boolean {
  return cell !== undefined && checkUsPhoneNumber(cell).status !== 'invalid';
}

/** The column with the most phone numbers in it: the likely one to import. */
function guessColumn(rows: string[][]): number {
  const width = Math.max(0, ...rows.map((r) => r.length));
  let best = 0;
  let bestScore = -1;
  for (let column = 0; column < width; column++) {
    const score = rows.slice(0, 50).filter((row) => looksLikeNumber(row[column])).length;
    if (score > bestScore) {
      best = column;
      bestScore = score;
    }
  }
  return best;
}

/** Import numbers (and PINs) from a CSV: pick the column, see a preview, then add. */
export function CsvImportDialog({
  file,
  alreadyListed,
  onClose,
  onImport,
}: {
  file: File;
  alreadyListed: readonly string[];
  onClose: () => void;
  onImport: (
    numbers: string[],
    pins: ReadonlyMap<string, string>,
    notAdded: readonly NotAddedNumber[],
  ) => void;
}) {
  const [parsed, setParsed] = useState<Parsed | null>(null);
  const [readError, setReadError] = useState<string | null>(null);
  const [numberColumn, setNumberColumn] = useState('0');
  const [pinColumn, setPinColumn] = useState('none');
  // A file too big is refused from its size alone, before anything is read.
  const tooBig = file.size > MAX_CSV_BYTES;
  const error = tooBig
    ? `${file.name} is ${(file.size / 1024 / 1024).toFixed(1)} MB; a list of 1,000 numbers is far smaller. Is it the right file?`
    : readError;

  useEffect(() => {
    if (tooBig) return;
    Papa.parse<string[]>(file, {
      skipEmptyLines: 'greedy',
      complete: (result) => {
        const rows = result.data.filter((row) => row.some((cell) => cell.trim() !== ''));
        if (rows.length === 0) {
          setReadError(`${file.name} has no rows.`);
          return;
        }
        const first = rows[0] ?? [];
        const hasHeader = !first.some((cell) => looksLikeNumber(cell));
        const body = hasHeader ? rows.slice(1) : rows;
        setNumberColumn(String(guessColumn(body)));
        const pinIndex = hasHeader ? first.findIndex((cell) => /\bpin\b/i.test(cell)) : -1;
        setPinColumn(pinIndex >= 0 ? String(pinIndex) : 'none');
        setParsed({ rows, hasHeader });
      },
      error: (err) => setReadError(`${file.name} could not be read as CSV: ${err.message}`),
    });
  }, [file, tooBig]);

  const body = useMemo(
    () => (parsed ? (parsed.hasHeader ? parsed.rows.slice(1) : parsed.rows) : []),
    [parsed],
  );
  const header = parsed?.hasHeader ? (parsed.rows[0] ?? []) : null;
  const width = Math.max(0, ...(parsed?.rows ?? []).map((r) => r.length));
  const columns = Array.from({ length: width }, (_, i) => ({
    value: String(i),
    label: header?.[i]?.trim() ? `${header[i]?.trim()} (column ${i + 1})` : `Column ${i + 1}`,
  }));

  const result = useMemo(() => {
    const column = Number(numberColumn);
    const text = body.map((row) => row[column] ?? '').join('\n');
    return parsePhoneList(text, { alreadyListed });
  }, [body, numberColumn, alreadyListed]);

  const pins = useMemo(() => {
    const map = new Map<string, string>();
    if (pinColumn === 'none') return map;
    const column = Number(pinColumn);
    body.forEach((row, index) => {
      const pin = row[column]?.trim();
      const entry = result.lines
        .find((line) => line.lineNumber === index + 1)
        ?.entries.find((e) => e.status === 'ok');
      if (pin && entry?.e164) map.set(entry.e164, pin);
    });
    return map;
  }, [body, pinColumn, result]);

  const notAdded = useMemo(
    () => csvNotAdded(body, Number(numberColumn), result, parsed?.hasHeader ?? false),
    [body, numberColumn, result, parsed?.hasHeader],
  );

  return (
    <ModalDialog
      isOpen
      onOpenChange={(open) => !open && onClose()}
      title={`Import numbers from ${file.name}`}
      wide
    >
      {error ? (
        <Banner tone="danger" title="This file cannot be imported" role="alert">
          {error}
        </Banner>
      ) : !parsed ? (
        <LoadingState label="Reading the file…" />
      ) : (
        <>
          <div className="form-grid form-grid--2">
            <Select
              label="Phone numbers are in"
              value={numberColumn}
              onChange={setNumberColumn}
              options={columns}
            />
            <Select
              label="PINs are in (optional)"
              value={pinColumn}
              onChange={setPinColumn}
              options={[{ value: 'none', label: 'No PIN column' }, ...columns]}
            />
          </div>
          <div
            className="csv-preview"
            role="region"
            aria-label="Preview of the first rows"
            tabIndex={0}
          >
            <table>
              {header ? (
                <thead>
                  <tr>
                    {columns.map((c, i) => (
                      <th
                        key={c.value}
                        scope="col"
                        className={String(i) === numberColumn ? 'is-picked' : ''}
                      >
                        {header[i] ?? ''}
                      </th>
                    ))}
                  </tr>
                </thead>
              ) : null}
              <tbody>
                {body.slice(0, PREVIEW_ROWS).map((row, r) => (
                  <tr key={r}>
                    {columns.map((c, i) => (
                      <td key={c.value} className={String(i) === numberColumn ? 'is-picked' : ''}>
                        {row[i] ?? ''}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p role="status">
            <strong>{plural(result.numbers.length, 'number')}</strong> to add
            {pins.size > 0 ? ` (${plural(pins.size, 'PIN')})` : ''}
            {notAdded.length > 0 ? ` · ${plural(notAdded.length, 'row')} not added` : ''}.
          </p>
          {notAdded.length > 0 ? (
            <div className="csv-not-added" role="region" aria-label="Rows not added" tabIndex={0}>
              <NotAddedRows rows={notAdded} label="Rows not added" />
            </div>
          ) : null}
        </>
      )}
      <div className="dialog__actions">
        <Button onPress={onClose}>Cancel</Button>
        <Button
          variant="primary"
          isDisabled={!parsed || result.numbers.length === 0}
          onPress={() => onImport(result.numbers, pins, notAdded)}
        >
          Add {plural(result.numbers.length, 'number')}
        </Button>
      </div>
    </ModalDialog>
  );
}
