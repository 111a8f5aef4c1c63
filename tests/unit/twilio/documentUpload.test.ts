import { describe, expect, it } from 'vitest';
import {
  buildMultipartBody,
  checkDocument,
  MAX_DOCUMENT_BYTES,
} from '../../../main/core/twilio/documentUpload';
import { minimalPdf, minimalPng, tinyJpeg } from './documentBytes';

describe('checkDocument', () => {
  it('accepts a PDF, a PNG and a JPEG by their magic bytes', async () => {
    expect(await checkDocument(minimalPdf())).toEqual({ ok: true, mimeType: 'application/pdf' });
    expect(await checkDocument(minimalPng())).toEqual({ ok: true, mimeType: 'image/png' });
    expect(await checkDocument(tinyJpeg())).toEqual({ ok: true, mimeType: 'image/jpeg' });
  });

  it('refuses an empty file', async () => {
    expect(await checkDocument(new Uint8Array())).toMatchObject({
      ok: false,
      reason: 'empty',
      message: 'The file is empty.',
    });
  });

  it('refuses a file over 10 MB and says how big it is', async () => {
    const big = new Uint8Array(11 * 1024 * 1024);
    big.set(minimalPdf());
    expect(await checkDocument(big)).toMatchObject({
      ok: false,
      reason: 'too_large',
      message: 'The file is 11.0 MB; Twilio accepts at most 10 MB.',
    });
  });

  it('accepts a file of exactly 10 MB', async () => {
    const edge = new Uint8Array(MAX_DOCUMENT_BYTES);
    edge.set(minimalPdf());
    expect((await checkDocument(edge)).ok).toBe(true);
  });

  it('refuses another known type and names it', async () => {
    const gif = new TextEncoder().encode('GIF89a\x01\x00\x01\x00\x00\x00\x00;');
    expect(await checkDocument(gif)).toMatchObject({
      ok: false,
      reason: 'unsupported_type',
      message: 'The file is a GIF file; Twilio accepts a PDF, PNG or JPEG bill.',
    });
  });

  it('refuses plain text whatever its name would say', async () => {
    expect(await checkDocument(new TextEncoder().encode('not a bill at all'))).toMatchObject({
      ok: false,
      reason: 'unsupported_type',
      message: 'The file is an unrecognised format; Twilio accepts a PDF, PNG or JPEG bill.',
    });
  });

  it('refuses a password-protected PDF', async () => {
    const encrypted = new TextEncoder().encode(
      '%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<< /Root 1 0 R /Encrypt 2 0 R >>\n%%EOF\n',
    );
    expect(await checkDocument(encrypted)).toMatchObject({ ok: false, reason: 'encrypted_pdf' });
  });
});

describe('buildMultipartBody', () => {
  const bytes = minimalPdf();
  const doc = {
    documentType: 'utility_bill',
    friendlyName: 'March "bill"',
    fileName: 'bill\r\n"march".pdf',
    mimeType: 'application/pdf',
    bytes,
  };

  async function collect(body: AsyncIterable<Uint8Array>): Promise<Buffer> {
    const parts: Uint8Array[] = [];
    for await (const chunk of body) parts.push(chunk);
    return Buffer.concat(parts);
  }

  it('produces a body a standard multipart parser reads back field by field', async () => {
    const body = buildMultipartBody(doc);
    const raw = await collect(body.open());
    expect(raw.byteLength).toBe(body.contentLength);
    const form = await new Response(raw, {
      headers: { 'content-type': body.contentType },
    }).formData();
    expect(form.get('document_type')).toBe('utility_bill');
    expect(form.get('friendly_name')).toBe('March "bill"');
    const file = form.get('File');
    expect(file).toBeInstanceOf(File);
    const uploaded = file as File;
    expect(uploaded.type).toBe('application/pdf');
    expect(Buffer.from(await uploaded.arrayBuffer()).equals(Buffer.from(bytes))).toBe(true);
  });

  it('escapes quotes and line breaks in the file name so the header cannot be split', async () => {
    const raw = (await collect(buildMultipartBody(doc).open())).toString('latin1');
    expect(raw).toContain('filename="bill%0D%0A%22march%22.pdf"');
  });

  it('reports progress up to the full body length', async () => {
    const big = new Uint8Array(200 * 1024);
    big.set(bytes);
    const body = buildMultipartBody({ ...doc, bytes: big });
    const seen: [number, number][] = [];
    await collect(body.open((sent, total) => seen.push([sent, total])));
    expect(seen.length).toBeGreaterThan(3);
    expect(seen.every(([, total]) => total === body.contentLength)).toBe(true);
    expect(seen.map(([sent]) => sent)).toEqual(
      [...seen.map(([sent]) => sent)].sort((a, b) => a - b),
    );
    expect(seen.at(-1)).toEqual([body.contentLength, body.contentLength]);
  });

  it('opens a fresh stream each time, so a retried attempt sends everything again', async () => {
    const body = buildMultipartBody(doc);
    const first = await collect(body.open());
    const second = await collect(body.open());
    expect(second.equals(first)).toBe(true);
  });
});
