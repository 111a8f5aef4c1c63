import type { FeedDigestView, FeedSummaryView } from '../../shared/feed';
import type { Envelope, PortdeskBridge, RequestListQuery } from '../../shared/ipc';
import type {
  AccountView,
  RequestListResult,
  SettingsView,
  SyncStatusView,
} from '../../shared/views';
import { DEFAULT_FILTERS, toQuery } from './requestPages';

/**
 * The first view's questions to main, asked when the bundle has loaded (main.tsx, before React
 * renders anything): in the app main answers from another
 * process, so it works while React boots instead of after (docs/ui.md, "Bundle"). The stores
 * adopt these answers once (`takeEarly`, `takeEarlyFirstPage`); a second start, a retry or any
 * other query asks main afresh.
 *
 * The stores subscribe to main's events only when the shell mounts: what main announces before
 * then asks the affected question again here, and what it pushes replaces the answer, so an
 * adopted answer is never older than a change main announced.
 */
interface EarlyCalls {
  accounts: Promise<Envelope<AccountView[]>>;
  settings: Promise<Envelope<SettingsView>>;
  sync: Promise<Envelope<SyncStatusView>>;
  /** The list's first page with the default filters, as `useRequests` asks for it. */
  firstPage: Promise<Envelope<RequestListResult>>;
  /** The feed's unread count and "since you last looked" line (the sidebar, the digest line). */
  feedSummary: Promise<Envelope<FeedSummaryView>>;
  feedDigest: Promise<Envelope<FeedDigestView>>;
}

const FIRST_PAGE_KEY = JSON.stringify(toQuery(DEFAULT_FILTERS, 0));

let early: Partial<EarlyCalls> = {};
let stopWatching: (() => void) | null = null;
let started = false;

function drop(): void {
  early = {};
  stopWatching?.();
  stopWatching = null;
}

/** renderer/bridge.ts#request: a call that always resolves to an envelope. */
type Request = <T>(call: (bridge: PortdeskBridge) => Promise<Envelope<T>>) => Promise<Envelope<T>>;

/**
 * Asks the questions (once); main.tsx calls it with window.portdesk and bridge.ts#request
 * before React renders anything.
 */
export function startEarlyCalls(bridge: PortdeskBridge | undefined, request: Request): void {
  if (started) return;
  started = true;
  // Outside a PortDesk host: the shell's own start says so in words.
  if (!bridge) return;
  const ask = {
    accounts: () => request((b) => b.listAccounts()),
    settings: () => request((b) => b.getSettings()),
    sync: () => request((b) => b.getSyncStatus()),
    firstPage: () =>
      request((b) => b.listRequests(JSON.parse(FIRST_PAGE_KEY) as Partial<RequestListQuery>)),
    feedSummary: () => request((b) => b.getFeedSummary()),
    feedDigest: () => request((b) => b.getFeedDigest()),
  };
  early = {
    accounts: ask.accounts(),
    settings: ask.settings(),
    sync: ask.sync(),
    firstPage: ask.firstPage(),
    feedSummary: ask.feedSummary(),
    feedDigest: ask.feedDigest(),
  };
  const unsubscribers = [
    bridge.onDataChanged(({ kinds }) => {
      if (early.accounts && kinds.includes('accounts')) early.accounts = ask.accounts();
      if (early.settings && kinds.includes('settings')) early.settings = ask.settings();
      if (early.firstPage && (kinds.includes('requests') || kinds.includes('outbox'))) {
        early.firstPage = ask.firstPage();
      }
    }),
    bridge.onNoticesChanged(() => {
      if (early.feedSummary) early.feedSummary = ask.feedSummary();
      if (early.feedDigest) early.feedDigest = ask.feedDigest();
    }),
    bridge.onSyncStatus((status) => {
      if (early.sync) early.sync = Promise.resolve({ ok: true, data: status });
    }),
  ];
  stopWatching = () => {
    for (const unsubscribe of unsubscribers) unsubscribe();
  };
}

function done(): void {
  if (Object.values(early).every((answer) => answer === undefined)) drop();
}

/** The early answer to one of the shell's start-up questions, once; undefined afterwards. */
export function takeEarly<K extends Exclude<keyof EarlyCalls, 'firstPage'>>(
  key: K,
): EarlyCalls[K] | undefined {
  const answer = early[key];
  early[key] = undefined;
  done();
  return answer;
}

/** The early first page, once, if `query` is the query it answers; undefined otherwise. */
export function takeEarlyFirstPage(
  query: Partial<RequestListQuery>,
): Promise<Envelope<RequestListResult>> | undefined {
  if (!early.firstPage || JSON.stringify(query) !== FIRST_PAGE_KEY) return undefined;
  const answer = early.firstPage;
  early.firstPage = undefined;
  done();
  return answer;
}

/** Forgets what was not adopted (a desk without an account never asks for its list). */
export function dropEarlyCalls(): void {
  drop();
}
