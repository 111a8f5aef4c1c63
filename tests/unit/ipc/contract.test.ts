import { describe, expect, expectTypeOf, it } from 'vitest';
import { z } from 'zod';
import {
  BILL_MAX_BYTES,
  BILL_TRANSPORT_MAX_BYTES,
  EVENT_METHODS,
  INVOKE_METHODS,
  IpcCommandError,
  MAX_ECHOED_KEY_LENGTH,
  MAX_FIELD_ERRORS,
  eventContract,
  invokeContract,
  parseEventPayload,
  parseInvokePayload,
  toIpcError,
  type DraftPatch,
} from '../../../shared/ipc';
import type {
  DraftAddress,
  DraftLosingCarrier,
  DraftPayload,
} from '../../../shared/domain/draftForm';

const accountSid = `AC${'a'.repeat(32)}`;
const keySid = `SK${'b'.repeat(32)}`;

describe('the IPC contract', () => {
  it('gives every invoke and event method its own channel name and a zod schema', () => {
    const channels = [
      ...INVOKE_METHODS.map((m) => invokeContract[m].channel),
      ...EVENT_METHODS.map((e) => eventContract[e].channel),
    ];
    expect(new Set(channels).size).toBe(channels.length);
    for (const m of INVOKE_METHODS) expect(invokeContract[m].payload).toBeInstanceOf(z.ZodType);
    for (const e of EVENT_METHODS) expect(eventContract[e].payload).toBeInstanceOf(z.ZodType);
  });

  it('refuses a __proto__ key smuggled in through JSON, naming it', () => {
    const hostile = JSON.parse('{"search":"acme","__proto__":{"polluted":true}}') as unknown;
    const result = parseInvokePayload('listRequests', hostile);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.fields?.[0]?.field).toBe('__proto__');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses unknown keys in nested objects such as a draft patch', () => {
    const result = parseInvokePayload('updateDraft', {
      draftId: 1,
      patch: { losingCarrier: { address: { constructor: 'x' } } },
    });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('invalid_payload');
      expect(result.error.fields?.[0]?.field).toBe('patch.losingCarrier.address.constructor');
    }
  });

  it('lists at most 50 field errors however many unknown keys a payload carries', () => {
    const hostile = Object.fromEntries(
      Array.from({ length: 5_000 }, (_, i) => [`k${i}${'x'.repeat(1_000)}`, 1]),
    );
    const result = parseInvokePayload('updateDraft', { draftId: 1, patch: {}, ...hostile });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const fields = result.error.fields ?? [];
    expect(fields).toHaveLength(MAX_FIELD_ERRORS);
    expect(fields.at(-1)).toEqual({
      field: '(payload)',
      message: '4,951 more problems not listed',
    });
    // 5 MB of key names in, a few kilobytes out.
    expect(JSON.stringify(result.error).length).toBeLessThan(10_000);
  });

  it('cuts an echoed key name to 64 characters and escapes its line breaks', () => {
    const name = `evil\n[error] forged log line${'y'.repeat(1_000_000)}`;
    const result = parseInvokePayload('updateDraft', { draftId: 1, patch: { [name]: true } });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const [field] = result.error.fields ?? [];
    const echoed = `evil\\n[error] forged log line${'y'.repeat(MAX_ECHOED_KEY_LENGTH - 28)}…`;
    expect(field).toEqual({ field: `patch.${echoed}`, message: `Unexpected field "${echoed}"` });
    expect(result.error.message).not.toContain('\n');
    expect(result.error.message.length).toBeLessThan(200);
  });

  it('patches exactly the fields of the draft form, losingCarrier and its address key by key', () => {
    // Checked by the type checker (npm run typecheck): the form in shared/domain/draftForm.ts is
    // the one place the draft's fields are named, and the patch schema must follow it.
    type FormPatch = {
      [K in keyof DraftPayload]?: K extends 'losingCarrier'
        ? {
            [C in keyof DraftLosingCarrier]?: C extends 'address'
              ? Partial<DraftAddress>
              : DraftLosingCarrier[C];
          }
        : DraftPayload[K];
    };
    expectTypeOf<DraftPatch>().toEqualTypeOf<FormPatch>();
    const patch: DraftPatch = { losingCarrier: { address: { zip: '62701' } } };
    expect(parseInvokePayload('updateDraft', { draftId: 1, patch }).ok).toBe(true);
  });

  it('fills the list query defaults so main always gets a complete query', () => {
    const result = parseInvokePayload('listRequests', { search: '(415) 555-0101' });
    expect(result).toEqual({
      ok: true,
      data: {
        statuses: [],
        accountIds: [],
        attention: [],
        search: '(415) 555-0101',
        sort: { field: 'lastChangedAt', direction: 'desc' },
        offset: 0,
        limit: 100,
      },
    });
  });

  it('caps strings and arrays: a huge search and 1,001 numbers are refused', () => {
    expect(parseInvokePayload('listRequests', { search: 'x'.repeat(201) }).ok).toBe(false);
    const numbers = Array.from({ length: 1001 }, (_, i) => ({
      phoneNumber: `+1415555${String(i).padStart(4, '0')}`,
      pin: null,
    }));
    const result = parseInvokePayload('updateDraft', {
      draftId: 1,
      patch: { phoneNumbers: numbers },
    });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toContain('1,000');
  });

  it('says in words why credentials are malformed, field by field', () => {
    const result = parseInvokePayload('addAccount', {
      label: 'Acme',
      accountSid,
      credential: { kind: 'api_key', keySid: 'SK123', secret: 'has a space' },
    });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.fields?.map((f) => f.field)).toEqual([
        'credential.keySid',
        'credential.secret',
      ]);
      expect(result.error.message).toContain('SK');
    }
    const good = parseInvokePayload('addAccount', {
      label: '  Acme  ',
      accountSid,
      credential: { kind: 'api_key', keySid, secret: 'c'.repeat(32) },
    });
    expect(good.ok && good.data.label).toBe('Acme');
  });

  it('leaves empty and over-10 MB bills to the use case, and refuses beyond the transport cap', () => {
    // The use case refuses these naming the file (tests/integration/app/billRefusals.test.ts).
    for (const size of [0, BILL_MAX_BYTES + 1, BILL_TRANSPORT_MAX_BYTES]) {
      const parsed = parseInvokePayload('attachBill', {
        draftId: 3,
        name: 'bill.pdf',
        bytes: new Uint8Array(size),
      });
      expect(parsed.ok, `${size} bytes`).toBe(true);
    }
    const absurd = parseInvokePayload('attachBill', {
      draftId: 3,
      name: 'bill.pdf',
      bytes: new Uint8Array(BILL_TRANSPORT_MAX_BYTES + 1),
    });
    expect(absurd.ok).toBe(false);
    if (!absurd.ok) {
      expect(absurd.error.fields?.map((f) => f.field)).toEqual(['bytes']);
      expect(absurd.error.message).toContain('at most 10 MB');
    }
    expect(
      parseInvokePayload('attachBill', { draftId: 3, name: 'bill.pdf', bytes: '/etc/passwd' }).ok,
    ).toBe(false);
  });

  it('lets channels without required fields be called with no payload', () => {
    expect(parseInvokePayload('listAccounts', undefined)).toEqual({ ok: true, data: {} });
    expect(parseInvokePayload('listAccounts', { extra: 1 }).ok).toBe(false);
  });

  it('validates pushed events, e.g. a navigate to a request needs a real SID', () => {
    expect(
      parseEventPayload('onNavigate', { screen: 'request', sid: `KW${'1'.repeat(32)}` }).ok,
    ).toBe(true);
    expect(parseEventPayload('onNavigate', { screen: 'request', sid: '../etc' }).ok).toBe(false);
    expect(parseEventPayload('onNavigate', { screen: 'devtools' }).ok).toBe(false);
  });

  it('keeps typed command errors and hides everything else behind a generic message', () => {
    expect(toIpcError(new IpcCommandError('not_found', 'No such request'))).toEqual({
      code: 'not_found',
      message: 'No such request',
    });
    const hidden = toIpcError(new Error('SQLITE_CORRUPT at /home/agent/secret/path'));
    expect(hidden.code).toBe('internal');
    expect(hidden.message).not.toContain('/home');
  });
});
