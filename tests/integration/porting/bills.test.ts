import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isEncryptedPdf } from '../../../main/core/porting';
import {
  encryptedPdf,
  encryptedPdfWithXrefStream,
  largePdf,
  minimalPdf,
  minimalPng,
  pdfMentioningEncrypt,
  textFile,
  tinyJpeg,
  wordDocument,
} from './billBytes';
import { completeForm, createHarness, expectRefusedWithoutChange, type Harness } from './harness';

let h: Harness;
let draftId: number;

beforeEach(async () => {
  h = await createHarness();
  draftId = (await h.porting.createDraft({ accountId: h.accountId, initial: completeForm() })).id;
});

afterEach(async () => {
  await h.close();
});

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

describe('attaching a bill', () => {
  it.each([
    { name: 'bill.pdf', mimeType: 'application/pdf', bytes: minimalPdf() },
    { name: 'bill.png', mimeType: 'image/png', bytes: minimalPng() },
    { name: 'bill.jpg', mimeType: 'image/jpeg', bytes: tinyJpeg() },
    // The content decides, not the name.
    { name: 'scan-without-extension', mimeType: 'application/pdf', bytes: minimalPdf() },
  ])(
    'accepts $name as $mimeType and keeps it under bills/<sha256>',
    async ({ name, bytes, mimeType }) => {
      const view = await h.porting.attachBill({ draftId, name, bytes });
      expect(view.bill).toEqual({ name, sizeBytes: bytes.byteLength, mimeType, uploaded: false });
      const [document] = h.store.documents.list(h.accountId);
      expect(document?.localPath).toBe(join(h.dataDir, 'bills', sha256(bytes)));
      expect(new Uint8Array(await readFile(document?.localPath ?? ''))).toEqual(
        new Uint8Array(bytes),
      );
      expect(await readdir(join(h.dataDir, 'bills'))).toEqual([sha256(bytes)]);
    },
  );

  it('reports progress: checking, then storing', async () => {
    const bytes = minimalPdf();
    await h.porting.attachBill({ draftId, name: 'bill.pdf', bytes });
    expect(h.eventsOf('onUploadProgress').map((e) => [e.phase, e.loadedBytes])).toEqual([
      ['checking', 0],
      ['storing', 0],
      ['storing', bytes.byteLength],
    ]);
  });

  it('keeps only the file name of a path', async () => {
    const view = await h.porting.attachBill({
      draftId,
      name: 'C:\\fakepath\\bill.pdf',
      bytes: minimalPdf(),
    });
    expect(view.bill?.name).toBe('bill.pdf');
  });

  it('stores the same bytes once: one file, one document, for two drafts', async () => {
    const other = await h.porting.createDraft({ accountId: h.accountId });
    const first = await h.porting.attachBill({ draftId, name: 'bill.pdf', bytes: minimalPdf() });
    const second = await h.porting.attachBill({
      draftId: other.id,
      name: 'copy.pdf',
      bytes: minimalPdf(),
    });
    expect(h.store.documents.list(h.accountId)).toHaveLength(1);
    expect(await readdir(join(h.dataDir, 'bills'))).toHaveLength(1);
    // One document, but each draft shows the name it was given (heldNumbers.test.ts).
    expect([first.bill?.name, second.bill?.name]).toEqual(['bill.pdf', 'copy.pdf']);

    // Still used by the other draft: removing it from one keeps the document and the file.
    await h.porting.removeBill({ draftId });
    expect(h.store.documents.list(h.accountId)).toHaveLength(1);
    expect(await readdir(join(h.dataDir, 'bills'))).toHaveLength(1);
  });

  it('replacing a bill detaches the old one and forgets it when nothing else uses it', async () => {
    await h.porting.attachBill({ draftId, name: 'old.pdf', bytes: minimalPdf('March') });
    const view = await h.porting.attachBill({ draftId, name: 'new.png', bytes: minimalPng() });
    expect(view.bill?.name).toBe('new.png');
    expect(h.store.documents.list(h.accountId).map((d) => d.fileName)).toEqual(['new.png']);
    expect(await readdir(join(h.dataDir, 'bills'))).toEqual([sha256(minimalPng())]);
  });

  it('removing the bill leaves the draft without one and clears a stale bill error', async () => {
    await h.porting.validateDraft({ draftId });
    await h.porting.attachBill({ draftId, name: 'bill.pdf', bytes: minimalPdf() });
    const view = await h.porting.removeBill({ draftId });
    expect(view.bill).toBeNull();
    expect(view.fieldErrors.map((e) => e.field)).not.toContain('bill');
    expect(await readdir(join(h.dataDir, 'bills'))).toEqual([]);
    // Removing again is a no-op, not an error.
    expect((await h.porting.removeBill({ draftId })).bill).toBeNull();
  });

  it('an uploaded bill is kept when detached: its Twilio SID belongs to a request', async () => {
    await h.porting.attachBill({ draftId, name: 'bill.pdf', bytes: minimalPdf() });
    const [document] = h.store.documents.list(h.accountId);
    h.store.documents.markUploaded(document?.id ?? 0, `RD${'c'.repeat(32)}`);
    const view = await h.porting.removeBill({ draftId });
    expect(view.bill).toBeNull();
    expect(h.store.documents.list(h.accountId)).toHaveLength(1);
  });
});

describe('refusing a bill names the file and the problem, and stores nothing', () => {
  it.each([
    {
      what: 'a text file',
      name: 'notes.txt',
      bytes: textFile(),
      code: 'unsupported_file',
      message: /“notes\.txt” is not a PDF, JPEG or PNG.*Twilio accepts PDF, JPEG or PNG/,
    },
    {
      what: 'a text file named .pdf',
      name: 'bill.pdf',
      bytes: textFile(),
      code: 'unsupported_file',
      message: /“bill\.pdf” is not a PDF, JPEG or PNG/,
    },
    {
      what: 'a Word document',
      name: 'bill.docx',
      bytes: wordDocument(),
      code: 'unsupported_file',
      message: /“bill\.docx” is a Word document; Twilio accepts PDF, JPEG or PNG/,
    },
    {
      what: 'an empty file',
      name: 'bill.pdf',
      bytes: new Uint8Array(0),
      code: 'unsupported_file',
      message: /“bill\.pdf” is empty/,
    },
    {
      what: 'an 11 MB PDF',
      name: 'scan.pdf',
      bytes: largePdf(11),
      code: 'too_large',
      message: /“scan\.pdf” is 11\.0 MB; the limit is 10 MB/,
    },
    {
      what: 'a password-protected PDF',
      name: 'bill.pdf',
      bytes: encryptedPdf(),
      code: 'unsupported_file',
      message:
        /“bill\.pdf” is password-protected; Twilio cannot read it — save an unprotected copy/,
    },
    {
      what: 'a password-protected PDF 1.5 (cross-reference stream)',
      name: 'new.pdf',
      bytes: encryptedPdfWithXrefStream(),
      code: 'unsupported_file',
      message: /password-protected/,
    },
  ] as const)('$what', async ({ name, bytes, code, message }) => {
    await expectRefusedWithoutChange(h, () => h.porting.attachBill({ draftId, name, bytes }), {
      code,
      field: 'bytes',
      message,
    });
    const last = h.eventsOf('onUploadProgress').at(-1);
    expect(last?.phase).toBe('failed');
    expect(last?.message).toMatch(message);
  });

  it('a PDF that only mentions /Encrypt in its text is not taken for a protected one', async () => {
    expect(isEncryptedPdf(pdfMentioningEncrypt())).toBe(false);
    const view = await h.porting.attachBill({
      draftId,
      name: 'manual.pdf',
      bytes: pdfMentioningEncrypt(),
    });
    expect(view.bill?.mimeType).toBe('application/pdf');
  });

  it('a bill for a draft that is queued or unknown', async () => {
    await expectRefusedWithoutChange(
      h,
      () => h.porting.attachBill({ draftId: 999, name: 'bill.pdf', bytes: minimalPdf() }),
      { code: 'not_found', field: 'draftId' },
    );
    h.store.drafts.update(draftId, { status: 'queued' });
    await expectRefusedWithoutChange(
      h,
      () => h.porting.attachBill({ draftId, name: 'bill.pdf', bytes: minimalPdf() }),
      { code: 'conflict', field: 'draftId' },
    );
    await expectRefusedWithoutChange(h, () => h.porting.removeBill({ draftId }), {
      code: 'conflict',
      field: 'draftId',
    });
  });

  it('bytes that are not bytes, and a missing name', async () => {
    await expectRefusedWithoutChange(
      h,
      () =>
        h.porting.attachBill({
          draftId,
          name: 'bill.pdf',
          bytes: 'JVBERi0=' as unknown as Uint8Array,
        }),
      { code: 'invalid_payload', field: 'bytes' },
    );
    await expectRefusedWithoutChange(
      h,
      () => h.porting.attachBill({ draftId, name: '', bytes: minimalPdf() }),
      { code: 'invalid_payload', field: 'name' },
    );
  });
});
