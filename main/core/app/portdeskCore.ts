import type { EventMethod, EventPayloadOf, InvokeHandlers } from '../../../shared/ipc';
import type { DemoProviderFactory } from '../accounts/demoProvider';
import type { Logger } from '../log/logger';
import type { PopupMode } from '../../../shared/feed';
import type { RestartToUpdateView, UpdateOfferView } from '../../../shared/updates';
import type { Notice } from '../notify/types';
import type { ExportResultView } from '../../../shared/ipc';
import type { CsvFile } from '../porting';
import type { SyncTiming } from '../sync/engine';

/**
 * What a host (the Electron shell, the browser host, the end-to-end harness) gets from the core:
 * one handler per invoke channel of shared/ipc.ts, the pushed events, and the notices the
 * notification policy decided on. Hosts only move bytes and show pop-ups; the core decides.
 */
export interface PortdeskCore {
  readonly handlers: InvokeHandlers;
  /** Subscribe to an event channel of the contract; returns an unsubscribe function. */
  on<E extends EventMethod>(event: E, listener: (payload: EventPayloadOf<E>) => void): () => void;
  /** Notices for OS pop-ups (already filtered by settings; `silent` ones are in-app only). */
  onNotice(listener: (notice: Notice) => void): () => void;
  /**
   * OS signals the host forwards: sync runs on resume from sleep and on reconnect; while the OS
   * says offline nothing is sent or fetched (docs/sync.md, "When the host says offline").
   */
  networkChanged(online: boolean): void;
  resumedFromSleep(): void;
  /** Runs a full sync now (all accounts, or one) and resolves when it has finished. */
  syncNow(accountId?: string): Promise<void>;
  /** Counts for the tray/dock badge. */
  attentionCount(): number;
  /** Starts sync loops and the outbox; idempotent. */
  start(): Promise<void>;
  /** Stops loops and demo mode, and closes the database. */
  close(): Promise<void>;
}

/** Capabilities only a host has, used by a few commands (open a link, write the clipboard). */
export interface CoreHost {
  /** Opens an already-vetted https URL in the system browser. The host checks it again. */
  openExternal(url: string): Promise<void>;
  writeClipboard(text: string): Promise<void> | void;
  /**
   * Delivers an export (docs/porting.md, "Export"): Electron asks where to save it and writes it;
   * the browser host offers it as a one-time download. Without it, export says it is unavailable.
   */
  saveFile?(file: CsvFile): Promise<ExportResultView>;
  /** Only a host that updates itself (the Electron shell; main/host/updates). */
  updates?: {
    currentOffer(): Promise<UpdateOfferView | null>;
    restart(request: { unsavedDraft: boolean }): Promise<RestartToUpdateView>;
  };
}

export interface CoreOptions {
  /** Folder for the database and stored bills (Electron: app.getPath('userData')). */
  dataDir: string;
  host: CoreHost;
  /** better-sqlite3 binding built for Electron's ABI, when running under Electron. */
  nativeBinding?: string;
  /** Keychain service name; tests use a unique one. Default 'PortDesk'. */
  keychainService?: string;
  /** Clock seam for tests. */
  now?: () => number;
  /**
   * Who shows the notify policy's pop-ups: 'os' (default) — the host itself, through
   * `onNotice` (Electron); 'page' — the renderer, through the Web Notifications API, from
   * `onNoticesChanged` (the browser host, where no native pop-up exists).
   */
  popups?: PopupMode;
  /** IANA time zone for quiet hours; default the system's. */
  timeZone?: string;
  /**
   * Demo mode, injected by the composition root (main/demo's createCoreWithDemo), so the core never
   * imports the simulator. Without it, "Explore with the built-in simulator" answers that it is
   * not available.
   */
  demo?: DemoProviderFactory;
  /** Where the core logs (the host's redacting logger); default the console. */
  logger?: Logger;
  /** Test seam: where "Twilio" accounts live (tests point them at a simulator). */
  twilioEndpoints?: { baseUrl: string; uploadBaseUrl: string };
  /** Test seam: shorter sync timings. */
  syncTiming?: Partial<SyncTiming>;
}
