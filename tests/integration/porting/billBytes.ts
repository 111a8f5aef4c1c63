/** Bills for the tests, built in memory so the tests own every byte. */
import { minimalPdf, minimalPng, tinyJpeg } from '../../unit/twilio/documentBytes';

export { minimalPdf, minimalPng, tinyJpeg };

function pdfWith(objects: string[], trailer: string, header = '%PDF-1.4'): Uint8Array {
  let pdf = `${header}\n`;
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(pdf.length);
    pdf += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xrefAt = pdf.length;
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) pdf += `${String(offset).padStart(10, '0')} 00000 n \n`;
  pdf += `trailer\n${trailer}\nstartxref\n${xrefAt}\n%%EOF\n`;
  return Buffer.from(pdf, 'latin1');
}

const PAGE_OBJECTS = [
  '<< /Type /Catalog /Pages 2 0 R >>',
  '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
  '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 100] /Contents 4 0 R >>',
];

function content(text: string): string {
  const stream = `BT /F1 12 Tf 10 50 Td (${text}) Tj ET`;
  return `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`;
}

/** Standard security handler, RC4 40-bit: what "protect with a password" produces. */
export function encryptedPdf(): Uint8Array {
  return pdfWith(
    [
      ...PAGE_OBJECTS,
      content('secret'),
      '<< /Filter /Standard /V 1 /R 2 /O <28bf4e5e4e758a4164004e56fffa0108> /U <28bf4e5e4e758a4164004e56fffa0108> /P -44 >>',
    ],
    '<< /Size 6 /Root 1 0 R /Encrypt 5 0 R /ID [<a1b2c3><a1b2c3>] >>',
  );
}

/** PDF 1.5 style: the trailer is the dictionary of a cross-reference stream. */
export function encryptedPdfWithXrefStream(): Uint8Array {
  const body = [
    '%PDF-1.5',
    '1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj',
    '2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj',
    '3 0 obj\n<< /Filter /Standard /V 2 /R 3 /Length 128 /P -1028 >>\nendobj',
    '4 0 obj\n<< /Type /XRef /Size 5 /W [1 2 1] /Root 1 0 R /Encrypt 3 0 R /ID [<0a0b><0a0b>] /Length 0 >>\nstream\n\nendstream\nendobj',
    'startxref\n120\n%%EOF\n',
  ].join('\n');
  return Buffer.from(body, 'latin1');
}

/** An ordinary PDF whose page text happens to say "/Encrypt": not protected. */
export function pdfMentioningEncrypt(): Uint8Array {
  return pdfWith(
    [...PAGE_OBJECTS, content('see /Encrypt in the manual')],
    '<< /Size 5 /Root 1 0 R >>',
  );
}

/** Plain text, as a .txt file (or a .pdf that is really text). */
export function textFile(): Uint8Array {
  return Buffer.from('Account 123456\nAmount due: $42.00\n', 'utf8');
}

function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k += 1) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

/** A stored (uncompressed) ZIP with a central directory: what Office writes, minus compression. */
function zip(entries: { name: string; data: string }[]): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const data = Buffer.from(entry.data, 'utf8');
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(name.length, 26);
    locals.push(local, name, data);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);
    offset += local.length + name.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** The parts of a .docx that identify it: the content types naming a Word main document. */
export function wordDocument(): Uint8Array {
  return zip([
    {
      name: '[Content_Types].xml',
      data:
        '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    },
    { name: 'word/document.xml', data: '<w:document/>' },
  ]);
}

/** A PDF padded to `megabytes` MB (over the limit for 11). */
export function largePdf(megabytes: number): Uint8Array {
  const pdf = minimalPdf();
  const bytes = new Uint8Array(Math.round(megabytes * 1024 * 1024));
  bytes.set(pdf, 0);
  return bytes;
}
