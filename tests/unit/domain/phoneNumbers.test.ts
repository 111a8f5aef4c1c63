import { describe, expect, it } from 'vitest';
import {
  MAX_NUMBERS_PER_REQUEST,
  checkUsPhoneNumber,
  formatUsPhoneNumber,
  isTollFreeE164,
  parsePhoneList,
} from '../../../shared/domain';

describe('one US number in any common format', () => {
  it.each([
    ['(415) 555-0132'],
    ['415.555.0132'],
    ['+1 415 555 0132'],
    ['1-415-555-0132'],
    ['4155550132'],
    ['14155550132'],
    ['+14155550132'],
    ['+1.415.555.0132'],
    ['1 (415) 555-0132'],
    ['(415)555-0132'],
    ['415/555-0132'],
    ['415–555–0132'],
    ['011 1 415 555 0132'],
    ['415-555-0132 ext. 12'],
    ['tel:+14155550132'],
    ['  4155550132  '],
  ])('reads %j as +14155550132', (text) => {
    expect(checkUsPhoneNumber(text)).toEqual({ status: 'ok', e164: '+14155550132', caution: null });
  });

  it.each([
    ['+14155550100'],
    ['+14155550199'],
    ['+14155551234'],
    ['+16175551212'],
    ['+12125550199'],
  ])('accepts the 555 test and demo number %s without a caution', (e164) => {
    expect(checkUsPhoneNumber(e164)).toEqual({ status: 'ok', e164, caution: null });
  });

  it('accepts a number whose area code the numbering data does not know, with a caution', () => {
    const verdict = checkUsPhoneNumber('+1 555 555 0100');
    expect(verdict.status).toBe('ok');
    expect(verdict.e164).toBe('+15555550100');
    expect(verdict.status === 'ok' && verdict.caution).toMatch(/Area code 555 .*portability check/);
  });

  it.each([
    ['415555013', /has 9 digits: a US number has 10 digits/],
    ['+1 415 555 013', /9 digits after the leading 1/],
    ['41555501322', /11 digits: too long/],
    ['4155550132999', /13 digits: too long/],
    ['4151234567', /exchange .* 123\) can't start with 0 or 1/],
    ['0415555013', /area code can't start with 0 or 1/],
    ['1415555013', /area code can't start with 0 or 1\. If the leading 1 .* a digit is missing/],
    ['9115550100', /911 is a service code/],
    ['2905550100', /reserved and never assigned/],
    ['+44 12', /not a complete phone number for country code \+44/],
    ['+999 1234567', /known country code/],
    ['call me', /no digits/],
    ['', /No phone number given/],
  ])('rejects %j: %s', (text, reason) => {
    const verdict = checkUsPhoneNumber(text);
    expect(verdict.status).toBe('invalid');
    expect(verdict.e164).toBeNull();
    expect(verdict.status === 'invalid' && verdict.reason).toMatch(reason);
  });

  it.each([
    ['1-800-356-9377', '+18003569377'],
    ['(888) 555-0100', '+18885550100'],
    ['+1 833 555 0100', '+18335550100'],
    ['8001234567', '+18001234567'],
  ])('flags %j as toll-free', (text, e164) => {
    const verdict = checkUsPhoneNumber(text);
    expect(verdict.status).toBe('toll_free');
    expect(verdict.e164).toBe(e164);
    expect(verdict.status === 'toll_free' && verdict.reason).toMatch(/does not port toll-free/);
  });

  it.each([
    ['+44 20 7946 0958', 'GB', /United Kingdom/],
    ['+442079460958', 'GB', /\+44/],
    ['011 44 20 7946 0958', 'GB', /United Kingdom/],
    ['+52 55 1234 5678', 'MX', /Mexico/],
    ['+1 204 234 5678', 'CA', /Canada/],
    ['+1 787 555 0100', 'PR', /Puerto Rico/],
  ])('flags %j as not a US number (%s)', (text, country, reason) => {
    const verdict = checkUsPhoneNumber(text);
    expect(verdict.status).toBe('non_us');
    expect(verdict.status === 'non_us' && verdict.country).toBe(country);
    expect(verdict.status === 'non_us' && verdict.reason).toMatch(reason);
    expect(verdict.status === 'non_us' && verdict.reason).toMatch(/US numbers only/);
  });

  it('formats E.164 the way agents read it', () => {
    expect(formatUsPhoneNumber('+14155550132')).toBe('(415) 555-0132');
    expect(formatUsPhoneNumber('+442079460958')).toBe('+442079460958');
  });

  it('knows toll-free area codes', () => {
    expect(isTollFreeE164('+18665550100')).toBe(true);
    expect(isTollFreeE164('+14155550100')).toBe(false);
  });
});

describe('a pasted list', () => {
  it('reads several numbers per line separated by commas, tabs, semicolons, pipes or spaces', () => {
    const result = parsePhoneList(
      [
        '(415) 555-0101, 415.555.0102',
        '+1 415 555 0103\t1-415-555-0104',
        '4155550105; 4155550106 | 4155550107',
        '4155550108 4155550109',
        '415-555-0110 and 415-555-0111',
      ].join('\n'),
    );
    expect(result.numbers).toEqual(
      Array.from({ length: 11 }, (_, i) => `+1415555${String(101 + i).padStart(4, '0')}`),
    );
    expect(result.counts.ok).toBe(11);
  });

  it('reads CSV-ish lines with labels, extensions and other columns around the number', () => {
    const result = parsePhoneList(
      [
        'name,phone,zip',
        'Acme Inc,"(415) 555-0132 x12",62701',
        'Main line: 415.555.0133 (front desk)',
        'Acme Inc,4155550134,1 Main St,Springfield,IL,62701-1234,2026-06-01',
      ].join('\r\n'),
    );
    expect(result.numbers).toEqual(['+14155550132', '+14155550133', '+14155550134']);
    expect(result.lines[0]).toMatchObject({ lineNumber: 1, entries: [], note: /No phone number/ });
    expect(result.lines[1]?.entries).toMatchObject([
      { status: 'ok', e164: '+14155550132', extension: '12' },
    ]);
    // Neither the ZIP+4 nor the date is taken for a mistyped phone number.
    expect(result.lines[3]?.entries).toHaveLength(1);
  });

  it('gives every line its own verdicts, in the order typed', () => {
    const result = parsePhoneList(
      ['4155550132', '', '415555013', '1-800-356-9377 or +44 20 7946 0958', '   '].join('\n'),
    );
    expect(result.lines.map((l) => l.lineNumber)).toEqual([1, 3, 4]);
    expect(result.lines.map((l) => l.entries.map((e) => e.status))).toEqual([
      ['ok'],
      ['invalid'],
      ['toll_free', 'non_us'],
    ]);
    expect(result.lines[1]?.entries[0]?.reason).toMatch(/9 digits/);
    expect(result.counts).toEqual({
      ok: 1,
      invalid: 1,
      toll_free: 1,
      non_us: 1,
      duplicate: 0,
      over_limit: 0,
    });
  });

  it('treats two short runs separated by a space as two mistyped numbers', () => {
    const entries = parsePhoneList('415555013 415555014').lines[0]?.entries ?? [];
    expect(entries.map((e) => [e.status, e.text])).toEqual([
      ['invalid', '415555013'],
      ['invalid', '415555014'],
    ]);
  });

  it('merges duplicates and says on which line the number first appeared', () => {
    const result = parsePhoneList('(415) 555-0132\n415.555.0133\n+1 415 555 0132, 4155550133');
    expect(result.numbers).toEqual(['+14155550132', '+14155550133']);
    expect(result.lines[2]?.entries).toMatchObject([
      { status: 'duplicate', e164: '+14155550132', duplicateOfLine: 1, reason: /line 1/ },
      { status: 'duplicate', e164: '+14155550133', duplicateOfLine: 2, reason: /line 2/ },
    ]);
    expect(result.counts.duplicate).toBe(2);
  });

  it('reports numbers already in the draft as duplicates of the request', () => {
    const result = parsePhoneList('4155550132\n4155550133', { alreadyListed: ['+14155550132'] });
    expect(result.numbers).toEqual(['+14155550133']);
    expect(result.lines[0]?.entries[0]).toMatchObject({
      status: 'duplicate',
      duplicateOfLine: null,
      reason: /already in this request/,
    });
  });

  it('takes 1,000 numbers and flags the 1,001st and later with a reason', () => {
    const lines = Array.from({ length: 1002 }, (_, i) => `+1212555${String(i).padStart(4, '0')}`);
    const result = parsePhoneList(lines.join('\n'));
    expect(MAX_NUMBERS_PER_REQUEST).toBe(1000);
    expect(result.numbers).toHaveLength(1000);
    expect(result.numbers.at(-1)).toBe('+12125550999');
    expect(result.counts.over_limit).toBe(2);
    expect(result.lines[1000]?.entries[0]).toMatchObject({
      status: 'over_limit',
      e164: '+12125551000',
      reason: /at most 1,000 numbers; this would be number 1,001/,
    });
  });

  it('counts numbers already in the draft toward the limit', () => {
    const result = parsePhoneList('4155550133\n4155550134', {
      alreadyListed: ['+14155550132'],
      limit: 2,
    });
    expect(result.numbers).toEqual(['+14155550133']);
    expect(result.lines[1]?.entries[0]?.status).toBe('over_limit');
  });

  it('does not count a duplicate toward the limit', () => {
    const result = parsePhoneList('4155550132\n4155550132\n4155550133', { limit: 2 });
    expect(result.numbers).toEqual(['+14155550132', '+14155550133']);
    expect(result.counts).toMatchObject({ duplicate: 1, over_limit: 0 });
  });

  it('returns nothing for empty text', () => {
    expect(parsePhoneList('')).toMatchObject({ lines: [], numbers: [] });
  });
});
