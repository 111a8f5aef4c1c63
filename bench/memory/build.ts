/**
 * Builds the memory bench's desk in its own process, so that generating a million numbers does
 * not weigh on the process that is measured: 1,000 requests of 1,000 numbers and 9,000 of 1–5
 * (10,000 requests, 1,027,000 numbers) through the store's batched path, and next to the file
 * the list endpoint's rows for them (one JSON summary a line), which the measured process pages
 * through as a sync would.
 *
 *   tsx bench/memory/build.ts <file> [big] [small]
 */
import { writeFileSync } from 'node:fs';
import type { PortInRequest } from '../../shared/domain/portIn';
import type { PortInRequestSummary } from '../../shared/domain/portIn';
import { chunkWithin } from '../../main/core/store';
import { freshStore } from '../store/bulkWrite';
import { Portfolio } from '../store/portfolio';

const [file, bigArg = '1000', smallArg = '9000'] = process.argv.slice(2);
if (!file) throw new Error('usage: build.ts <file> [big] [small]');
const big = Number(bigArg);
const small = Number(smallArg);

const accountSids = [1, 2].map((i) => `AC${String(i).padStart(32, '0')}`);
const { store, accountIds } = freshStore(file, accountSids);
const portfolio = new Portfolio();
const summaries: string[] = [];
let clock = Date.parse('2026-11-27T08:00:00Z');

const sizes = Array.from({ length: big + small }, (_, i) => (i < big ? 1000 : 1 + (i % 5)));
let index = 0;
for (const chunk of chunkWithin(sizes, (size) => size)) {
  const items = chunk.map((size) => {
    const i = index;
    index += 1;
    const request: PortInRequest = portfolio.request(i, size, accountSids[i % 2] ?? '');
    const summary: PortInRequestSummary & { accountId: string } = {
      accountId: accountIds[i % 2] ?? '',
      sid: request.sid,
      status: request.status,
      statusUpdatedAt: null,
      numbersRequested: request.phoneNumbers.length,
      numbersPorted: request.phoneNumbers.filter((n) => n.status.canonical === 'completed').length,
      suggestedAction: null,
    };
    summaries.push(JSON.stringify(summary));
    return {
      accountId: accountIds[i % 2] ?? '',
      request,
      observedAt: new Date((clock += 1000)).toISOString(),
    };
  });
  store.requests.saveFetchedRequests(items);
}
store.close();
writeFileSync(`${file}.summaries.jsonl`, summaries.join('\n'));
console.log(`built ${index} requests in ${file}`);
