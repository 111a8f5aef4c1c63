import { describe, expect, it } from 'vitest';
import { billContentRefusal } from '../../../renderer/features/wizard/billContent';
import { minimalPdf, minimalPng, tinyJpeg } from '../twilio/documentBytes';

function aFile(bytes: Uint8Array | string, name: string, type = 'application/pdf'): File {
  return new File([bytes], name, { type });
}

describe('the drop zone’s check of a bill’s content', () => {
  it('lets a PDF, a PNG and a JPEG through, whatever they are called', async () => {
    expect(await billContentRefusal(aFile(minimalPdf(), 'bill.pdf'))).toBeNull();
    expect(await billContentRefusal(aFile(minimalPng(), 'scan.pdf'))).toBeNull();
    expect(await billContentRefusal(aFile(tinyJpeg(), 'photo.jpg', 'image/jpeg'))).toBeNull();
  });

  it('refuses a text file renamed .pdf, naming the file and what it is', async () => {
    const refusal = await billContentRefusal(aFile('Account 88812345 - call notes', 'scan.pdf'));
    expect(refusal).toBe(
      'scan.pdf is not a PDF, JPEG or PNG by its content (it is text or a format PortDesk does not recognise), whatever its name says. Twilio accepts a utility bill as a PDF or an image.',
    );
  });

  it('says which format a misnamed file really is', async () => {
    const gif = new TextEncoder().encode('GIF89a\x01\x00\x01\x00\x00\x00\x00;');
    expect(await billContentRefusal(aFile(gif, 'bill.png', 'image/png'))).toContain(
      'bill.png is not a PDF, JPEG or PNG by its content (it is a GIF image)',
    );
  });

  it('refuses an empty file', async () => {
    expect(await billContentRefusal(aFile(new Uint8Array(0), 'empty.pdf'))).toBe(
      'empty.pdf is empty (0 bytes): attach the bill itself.',
    );
  });
});
