import { describe, expect, it } from 'vitest';
import { parsePhoneList } from '../../../shared/domain/phoneNumbers';
import type { PortabilityResultView } from '../../../shared/views';
import { articleFor } from '../../../renderer/features/wizard/billContent';
import { pageSizeWords } from '../../../renderer/features/wizard/pageSize';
import { csvNotAdded } from '../../../renderer/features/wizard/csvNotAdded';
import { portabilityTally } from '../../../renderer/features/wizard/portabilityTally';

function result(
  phoneNumber: string,
  outcome: PortabilityResultView['outcome'],
  pin = false,
): PortabilityResultView {
  return {
    phoneNumber,
    outcome,
    pinAndAccountNumberRequired: pin,
    numberType: null,
    reason: null,
    checkedAt: '2026-12-05T10:00:00Z',
  };
}

describe('portability tallies', () => {
  it('put each number in exactly one group', () => {
    const numbers = [
      '+14155550101',
      '+14155550102',
      '+14155550103',
      '+14155550104',
      '+14155550105',
    ];
    const tally = portabilityTally(
      numbers.map((phoneNumber) => ({ phoneNumber, pin: null })),
      [
        result('+14155550101', 'portable'),
        result('+14155550102', 'portable', true),
        result('+14155550103', 'not_portable'),
        // A failed check that also flags a PIN counts as failed only; …0105 is not checked.
        result('+14155550104', 'failed', true),
      ],
    );
    const sizes = Object.values(tally).map((group) => group.length);
    expect(sizes).toEqual([1, 1, 1, 1, 1]);
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(numbers.length);
  });
});

describe('CSV rows not added', () => {
  it('names each row of the file (header counted) with its reason', () => {
    const body = [['(415) 555-0132'], ['nope'], [''], ['(415) 555-0132']];
    const parsed = parsePhoneList(body.map((row) => row[0] ?? '').join('\n'));
    const rows = csvNotAdded(body, 0, parsed, true);
    expect(rows.map((r) => [r.row, r.text, r.reason])).toEqual([
      [3, 'nope', 'not a phone number'],
      [5, '(415) 555-0132', 'the same number as row 2'],
    ]);
  });
});

describe('words', () => {
  it('"an" before a kind said with a vowel sound', () => {
    expect(['EXE', 'elf', 'MP4', 'SVG', 'XML', 'ISO'].map(articleFor)).toEqual([
      'an',
      'an',
      'an',
      'an',
      'an',
      'an',
    ]);
    expect(['RAR', 'MOV', 'TXT', 'PSD', 'ZIP'].map(articleFor)).toEqual(['a', 'a', 'a', 'a', 'a']);
  });

  it('a page size by its paper name', () => {
    expect(pageSizeWords(612, 792)).toBe('Letter, 8.5 × 11 in');
    expect(pageSizeWords(842, 595)).toBe('A4, 11.7 × 8.3 in');
    expect(pageSizeWords(400, 400)).toBe('5.6 × 5.6 in');
  });
});
