import { describe, expect, it } from 'vitest';
import { isoCell, safeCell } from '../../../main/core/porting/export/csvCells';
import { parseInvokePayload, webhookUrlProblem } from '../../../shared/ipc';

describe('CSV cells', () => {
  it('neutralises cells a spreadsheet would run as a formula', () => {
    for (const hostile of ['=1+1', '+SUM(A1)', '-2+3', '@cmd', '\t=1', '\r=1']) {
      expect(safeCell(hostile)).toBe(`'${hostile}`);
    }
    expect(safeCell('Acme = good')).toBe('Acme = good');
  });

  it('keeps E.164 numbers as they are, and only those among plus-signed cells', () => {
    expect(safeCell('+14155550123')).toBe('+14155550123');
    expect(safeCell('+1 415 555 0123')).toBe(`'+1 415 555 0123`);
    expect(safeCell('+14155550123+cmd')).toBe(`'+14155550123+cmd`);
  });

  it('writes instants as ISO UTC, dates as they are, and keeps what is not a date', () => {
    expect(isoCell('2026-03-01T10:00:00+02:00')).toBe('2026-03-01T08:00:00.000Z');
    expect(isoCell('2026-03-20')).toBe('2026-03-20');
    expect(isoCell(null)).toBe('');
    expect(isoCell('=not a date')).toBe(`'=not a date`);
  });
});

describe('webhook addresses', () => {
  it('takes https addresses only, without credentials', () => {
    expect(webhookUrlProblem('https://backoffice.example.com/twilio')).toBeNull();
    expect(webhookUrlProblem('http://backoffice.example.com')).toMatch(/https only/);
    expect(webhookUrlProblem('backoffice.example.com')).toMatch(/full address/);
    expect(webhookUrlProblem('https://user:pw@backoffice.example.com')).toMatch(/password/);
  });

  it('names the field in the contract', () => {
    const parsed = parseInvokePayload('setWebhookConfiguration', {
      accountId: 'a',
      portInTargetUrl: 'https://ok.example.com',
      portOutTargetUrl: 'ftp://x.example.com',
      notificationsOf: [],
    });
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error.fields?.[0]?.field).toBe('portOutTargetUrl');
  });

  it('export payloads take the list filters but no paging', () => {
    expect(parseInvokePayload('exportRequests', { filters: { offset: 5 } }).ok).toBe(false);
    expect(parseInvokePayload('exportRequests', {}).ok).toBe(true);
    expect(parseInvokePayload('exportNumbers', { scope: 'requests', filters: {} }).ok).toBe(true);
    expect(parseInvokePayload('exportNumbers', { scope: 'request' }).ok).toBe(false);
  });
});
