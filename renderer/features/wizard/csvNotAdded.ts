import type { PhoneListResult } from '../../../shared/domain/phoneNumbers';
import type { NotAddedNumber } from '../../store/wizard/wizardState';

/**
 * Every row of a CSV whose number is not added, with its row in the file (the header counts,
 * as in a spreadsheet) and the reason in words — the CSV's counterpart of the paste box's
 * line-by-line list. `result` is parsePhoneList over the picked column, one line per body row.
 */
export function csvNotAdded(
  body: readonly (readonly string[])[],
  column: number,
  result: PhoneListResult,
  hasHeader: boolean,
): NotAddedNumber[] {
  const rowOf = (line: number) => line + (hasHeader ? 1 : 0);
  const lines = new Map(result.lines.map((line) => [line.lineNumber, line]));
  const notAdded: NotAddedNumber[] = [];
  body.forEach((cells, index) => {
    const row = rowOf(index + 1);
    const line = lines.get(index + 1);
    if (!line) {
      // parsePhoneList skips blank lines: the row has nothing in the picked column.
      if (cells.some((cell) => cell.trim() !== '')) {
        notAdded.push({ text: '', status: 'no_number', reason: 'the phone column is empty', row });
      }
      return;
    }
    if (line.entries.length === 0) {
      notAdded.push({
        text: (cells[column] ?? '').trim(),
        status: 'no_number',
        reason: 'not a phone number',
        row,
      });
      return;
    }
    for (const entry of line.entries) {
      if (entry.status === 'ok') continue;
      const reason =
        entry.status === 'duplicate' && entry.duplicateOfLine !== null
          ? `the same number as row ${rowOf(entry.duplicateOfLine)}`
          : (entry.reason ?? 'not added');
      notAdded.push({ text: entry.text.trim(), status: entry.status, reason, row });
    }
  });
  return notAdded;
}
