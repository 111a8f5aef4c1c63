import { describe, expect, it } from 'vitest';
import { parseInvokePayload, type InvokeMethod } from '../../../shared/ipc';

const accountSid = `AC${'a'.repeat(32)}`;
const credential = { kind: 'auth_token', authToken: 'x'.repeat(32) } as const;

function refusal(method: InvokeMethod, payload: unknown) {
  const result = parseInvokePayload(method, payload);
  if (result.ok) throw new Error(`${method} accepted ${JSON.stringify(payload)}`);
  return result.error;
}

function accepted<M extends InvokeMethod>(method: M, payload: unknown) {
  const result = parseInvokePayload(method, payload);
  if (!result.ok) throw new Error(`${method} refused: ${result.error.message}`);
  return result.data;
}

describe("the contract's free-text fields", () => {
  it('refuse a NUL in a search with a field error naming the search (it broke FTS5)', () => {
    const error = refusal('listRequests', { search: 'abc\u0000def' });
    expect(error.code).toBe('invalid_payload');
    expect(error.fields).toEqual([
      {
        field: 'search',
        message: expect.stringContaining('NUL character (U+0000) at character 4'),
      },
    ]);
    expect(error.message).toMatch(/^search: Remove a NUL character/);
  });

  it.each([
    ['escape', '\u001b[31m'],
    ['tab', 'a\tb'],
    ['line break', 'a\nb'],
    ['carriage return', 'a\rb'],
    ['delete', 'a\u007fb'],
    ['C1 next-line', 'a\u0085b'],
    ['C1 CSI', 'a\u009bb'],
  ])('refuse a %s in a one-line field', (_name, text) => {
    expect(refusal('listRequests', { search: text }).fields?.[0]?.field).toBe('search');
    expect(
      refusal('updateDraft', { draftId: 1, patch: { losingCarrier: { accountNumber: text } } })
        .fields?.[0]?.field,
    ).toBe('patch.losingCarrier.accountNumber');
  });

  it('take ordinary text, accents and emoji as typed', () => {
    expect(accepted('listRequests', { search: 'Müller & Söhne 🚀' }).search).toBe(
      'Müller & Söhne 🚀',
    );
  });

  it('allow tab and newline only where a field is multi-line (the clipboard)', () => {
    expect(accepted('copyToClipboard', { text: 'KW1\tPU1\nKW2\tPU2' }).text).toBe(
      'KW1\tPU1\nKW2\tPU2',
    );
    expect(refusal('copyToClipboard', { text: 'a\u0000b' }).fields?.[0]?.field).toBe('text');
    expect(refusal('copyToClipboard', { text: 'a\rb' }).fields?.[0]?.field).toBe('text');
  });

  it('check every field of a draft patch, naming its path', () => {
    const error = refusal('updateDraft', {
      draftId: 1,
      patch: {
        phoneNumbers: [{ phoneNumber: '+14155550101', pin: '12\u000034' }],
        notificationEmails: ['ops@acme.example\n'],
        losingCarrier: { address: { zip: '62701\u0000' } },
      },
    });
    expect(error.fields?.map((f) => f.field).sort()).toEqual([
      'patch.losingCarrier.address.zip',
      'patch.notificationEmails.0',
      'patch.phoneNumbers.0.pin',
    ]);
  });
});

describe('single-line names', () => {
  const label = (text: string) => refusal('addAccount', { label: text, accountSid, credential });

  it.each([
    ['NUL', 'Acme\u0000'],
    ['escape', 'Acme \u001b[2J'],
    ['newline', 'Acme\nInc'],
    ['right-to-left override', 'Acme \u202Egnp.exe'],
    ['left-to-right embedding', '\u202AAcme'],
    ['pop directional formatting', 'Acme\u202C'],
    ['first-strong isolate', 'Acme \u2068x\u2069'],
    ['right-to-left isolate', '\u2067Acme'],
    ['lone high surrogate', 'Acme \uD83D'],
    ['lone low surrogate', '\uDE80 Acme'],
  ])('refuse a %s in an account label', (_name, text) => {
    const error = label(text);
    expect(error.fields?.[0]?.field).toBe('label');
    expect(error.fields?.[0]?.message).toMatch(/^Remove /);
  });

  it('say which direction character and where', () => {
    expect(label('Acme \u202Egnp.exe').fields?.[0]?.message).toContain(
      'text-direction character U+202E at character 6',
    );
  });

  it('keep a whole emoji and store labels composed (NFC)', () => {
    const added = accepted('addAccount', {
      label: 'Cafe\u0301 🚀',
      accountSid,
      credential,
    });
    expect(added.label).toBe('Caf\u00e9 🚀');
    const renamed = accepted('renameAccount', { accountId: 'a1', label: '  Cafe\u0301  ' });
    expect(renamed.label).toBe('Café');
  });

  it('apply to the customer, the representative, the address lines and the bill name', () => {
    const error = refusal('updateDraft', {
      draftId: 1,
      patch: {
        losingCarrier: {
          customerName: 'Acme\u202E',
          authorizedRepresentative: 'Jane\uD800',
          address: { street: '1 Main\nSt', street2: 'x\u2066', city: 'Spring\u0007field' },
        },
      },
    });
    expect(error.fields?.map((f) => f.field).sort()).toEqual([
      'patch.losingCarrier.address.city',
      'patch.losingCarrier.address.street',
      'patch.losingCarrier.address.street2',
      'patch.losingCarrier.authorizedRepresentative',
      'patch.losingCarrier.customerName',
    ]);
    const bill = refusal('attachBill', {
      draftId: 1,
      name: 'bill\n.pdf',
      bytes: new Uint8Array([1]),
    });
    expect(bill.fields?.[0]?.field).toBe('name');
  });

  it('normalise names in a draft patch to NFC', () => {
    const patch = accepted('updateDraft', {
      draftId: 1,
      patch: { losingCarrier: { customerName: 'Jose\u0301 Mu\u0308ller' } },
    }).patch;
    expect(patch.losingCarrier?.customerName).toBe('José Müller');
  });
});
