import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  contentDisposition,
  DOWNLOAD_TTL_MS,
  OneShotDownloads,
} from '../../../main/browserHost/downloads';
import { startBrowserHost, type RunningBrowserHost } from '../../../main/browserHost/server';
import type { CsvFile } from '../../../main/core/porting';
import { writeCsv } from '../../../main/core/porting/export/csvWriter';
import { createLogger } from '../../../main/host/log/logger';
import { saveWithDialog, type SaveDialogOptions } from '../../../main/shell/system/saveDialog';
import { createFakeCore } from '../../e2e/harness/fakeCore';

const BOM = '\uFEFF';

function aCsvFile(
  rows: string[][] = [
    ['KW1', 'Acme'],
    ['KW2', '=cmd'],
  ],
): CsvFile & {
  writes: number;
} {
  const file = {
    writes: 0,
    suggestedName: 'portdesk-requests-2026-12-05.csv',
    countRows: () => rows.length,
    write: async (sink: Parameters<CsvFile['write']>[0]) => {
      file.writes += 1;
      return writeCsv(sink, ['Request SID', 'Customer'], [rows]);
    },
  };
  return file;
}

describe('Electron: the save dialog, then main writes the file', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'portdesk-save-'));
  });
  afterEach(async () => rm(dir, { recursive: true, force: true }));

  it('suggests the file name in Downloads and writes where the agent chose, 0600', async () => {
    const file = aCsvFile();
    const asked: SaveDialogOptions[] = [];
    const target = join(dir, 'my export.csv');
    const result = await saveWithDialog(file, {
      showSaveDialog: async (options) => {
        asked.push(options);
        return { canceled: false, filePath: target };
      },
      downloadsFolder: '/home/agent/Downloads',
    });
    expect(asked[0]?.defaultPath).toBe('/home/agent/Downloads/portdesk-requests-2026-12-05.csv');
    expect(asked[0]?.filters).toEqual([
      { name: 'CSV (comma-separated values)', extensions: ['csv'] },
    ]);
    expect(result).toEqual({ outcome: 'saved', fileName: 'my export.csv', rows: 2 });
    expect(await readFile(target, 'utf8')).toBe(
      `${BOM}Request SID,Customer\r\nKW1,Acme\r\nKW2,=cmd\r\n`,
    );
    if (process.platform !== 'win32') expect((await stat(target)).mode & 0o777).toBe(0o600);
  });

  it('says in words when the chosen folder cannot be written', async () => {
    const result = saveWithDialog(aCsvFile(), {
      showSaveDialog: async () => ({ canceled: false, filePath: join(dir, 'missing', 'x.csv') }),
      downloadsFolder: dir,
    });
    await expect(result).rejects.toThrow('PortDesk could not write x.csv (ENOENT)');
  });

  it('writes nothing when the agent closes the dialog', async () => {
    const file = aCsvFile();
    const result = await saveWithDialog(file, {
      showSaveDialog: async () => ({ canceled: true }),
      downloadsFolder: dir,
    });
    expect(result).toEqual({ outcome: 'canceled' });
    expect(file.writes).toBe(0);
  });
});

describe('Browser host: a one-time download path', () => {
  let dir: string;
  let host: RunningBrowserHost;
  let downloads: OneShotDownloads;
  let clock: { now: number };

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'portdesk-download-'));
    clock = { now: 1_000_000 };
    const log = createLogger(() => undefined);
    downloads = new OneShotDownloads({ log, now: () => clock.now });
    host = await startBrowserHost({
      core: createFakeCore(),
      rendererRoot: dir,
      bootstrapScript: '',
      log,
      downloads,
    });
  });
  afterEach(async () => {
    await host.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('serves the CSV once as an attachment, then never again', async () => {
    const offer = downloads.offer(aCsvFile());
    expect(offer).toMatchObject({
      outcome: 'download',
      fileName: 'portdesk-requests-2026-12-05.csv',
      rows: 2,
    });
    if (offer.outcome !== 'download') throw new Error('unreachable');
    expect(offer.url).toMatch(/^\/__download\/[A-Za-z0-9_-]{43}$/);
    // The session token is never part of the address.
    expect(offer.url).not.toContain(host.token);

    const first = await fetch(`${host.origin}${offer.url}`);
    expect(first.status).toBe(200);
    expect(first.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(first.headers.get('content-disposition')).toBe(
      `attachment; filename="portdesk-requests-2026-12-05.csv"; filename*=UTF-8''portdesk-requests-2026-12-05.csv`,
    );
    expect(first.headers.get('cache-control')).toBe('no-store');
    // Decoded by hand: Response#text() drops the byte-order mark the file starts with.
    const body = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await first.arrayBuffer());
    expect(body).toBe(`${BOM}Request SID,Customer\r\nKW1,Acme\r\nKW2,=cmd\r\n`);

    const second = await fetch(`${host.origin}${offer.url}`);
    expect(second.status).toBe(404);
  });

  it('refuses an expired path, an unknown one, another method and a foreign Host', async () => {
    const expired = downloads.offer(aCsvFile());
    clock.now += DOWNLOAD_TTL_MS + 1;
    if (expired.outcome !== 'download') throw new Error('unreachable');
    expect((await fetch(`${host.origin}${expired.url}`)).status).toBe(404);
    expect((await fetch(`${host.origin}/__download/${'A'.repeat(43)}`)).status).toBe(404);

    const posted = downloads.offer(aCsvFile());
    if (posted.outcome !== 'download') throw new Error('unreachable');
    expect((await fetch(`${host.origin}${posted.url}`, { method: 'POST' })).status).toBe(405);
    // A POST used it up too: one request per path, whatever it was.
    expect((await fetch(`${host.origin}${posted.url}`)).status).toBe(404);

    const rebound = downloads.offer(aCsvFile());
    if (rebound.outcome !== 'download') throw new Error('unreachable');
    const status = await new Promise<number>((resolve, reject) => {
      const port = Number(new URL(host.origin).port);
      const req = httpRequest(
        { host: '127.0.0.1', port, path: rebound.url, headers: { host: `evil.example:${port}` } },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      req.on('error', reject);
      req.end();
    });
    expect(status).toBe(403);
    // The DNS-rebinding attempt did not use the path up: the page's own GET still works.
    expect((await fetch(`${host.origin}${rebound.url}`)).status).toBe(200);
  });

  it('names a file with other characters safely in Content-Disposition', () => {
    expect(contentDisposition('Café "x".csv')).toBe(
      `attachment; filename="Caf_ _x_.csv"; filename*=UTF-8''Caf%C3%A9%20%22x%22.csv`,
    );
  });
});
