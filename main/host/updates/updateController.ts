import type { RestartToUpdateView, UpdateOfferView } from '../../../shared/updates';
import {
  INITIAL_UPDATE_STATE,
  UPDATE_CHECK_INTERVAL_MS,
  decideCheck,
  decideRestart,
  nextUpdateState,
  offerVersion,
  shouldDownload,
  type UpdateEnvironment,
  type UpdateEvent,
  type UpdateState,
} from './updatePolicy';

/** What the controller needs from an updater (electron-updater in main/shell/system/autoUpdate). */
export interface UpdaterPort {
  /** Looks for a newer release; what it finds arrives through `UpdateController.report`. */
  check(): Promise<void>;
  /** Downloads the update found; `downloaded` arrives through `report`. */
  download(): Promise<void>;
  /** Quits PortDesk and starts the installed update. */
  quitAndInstall(): void;
}

export interface UpdateControllerDeps {
  updater: UpdaterPort;
  /** Read at each decision: the setting and the accounts can change at any time. */
  environment(): Promise<UpdateEnvironment>;
  outboxSending(): Promise<boolean>;
  now(): number;
  /** Runs `run` after `ms`; returns a function that cancels it. */
  setTimer(run: () => void, ms: number): () => void;
  /** Pushes the offer to the window (null: no offer, or no longer). */
  publishOffer(offer: UpdateOfferView | null): void;
  log: { info(message: string): void; warn(message: string, detail?: unknown): void };
}

/**
 * Applies updatePolicy.ts over time: a check at start and every 6 hours, a background download
 * of what a check finds, the offer pushed to the window when it changes, and a restart only when
 * the agent asks and nothing would be interrupted. Host-neutral and tested in Node with a fake
 * updater and clock; Electron only appears behind `UpdaterPort`.
 */
export class UpdateController {
  #state: UpdateState = INITIAL_UPDATE_STATE;
  #cancelTimer: (() => void) | null = null;
  /** The version the window was last offered (a window starts with no offer). */
  #published: string | null = null;
  #stopped = false;
  /** A check (and its reports) is under way: `refresh` must not start a second one. */
  #ticking = false;

  constructor(private readonly deps: UpdateControllerDeps) {}

  get state(): UpdateState {
    return this.#state;
  }

  /** The check at start (when updates are on), then the 6-hourly schedule. */
  start(): Promise<void> {
    return this.#tick();
  }

  stop(): void {
    this.#stopped = true;
    this.#cancelTimer?.();
    this.#cancelTimer = null;
  }

  /** An outcome from the updater. */
  async report(event: UpdateEvent): Promise<void> {
    if (this.#stopped) return;
    this.#state = nextUpdateState(this.#state, event);
    if (event.type === 'available') {
      const env = await this.deps.environment();
      if (shouldDownload(this.#state, env)) {
        this.deps.log.info(`updates: downloading ${event.version} in the background`);
        this.deps.updater.download().catch((error: unknown) => {
          this.deps.log.warn('updates: the download failed', error);
          void this.report({ type: 'failed' });
        });
      } else {
        // Turned off while the check ran: leave it, or the next check would wait on it forever.
        this.#state = nextUpdateState(this.#state, { type: 'failed' });
      }
    }
    if (event.type === 'downloaded') this.deps.log.info(`updates: ${event.version} is ready`);
    await this.refresh();
  }

  /**
   * Re-reads the setting, the accounts and the outbox: publishes the offer if it changed, and
   * checks now if a check is due (the setting was just turned on). The shell calls it when
   * settings, data or the sync state change.
   */
  async refresh(): Promise<void> {
    if (this.#stopped) return;
    const version = await this.#offerVersion();
    if (version !== this.#published) {
      this.#published = version;
      this.deps.publishOffer(version === null ? null : { version });
    }
    if (this.#ticking) return;
    const due = decideCheck(this.#state, await this.deps.environment(), this.deps.now());
    if (due.action === 'check') await this.#tick();
  }

  async currentOffer(): Promise<UpdateOfferView | null> {
    const version = await this.#offerVersion();
    return version === null ? null : { version };
  }

  /** The agent pressed "Restart to update". */
  async restart(request: { unsavedDraft: boolean }): Promise<RestartToUpdateView> {
    const decision = decideRestart(this.#state, await this.deps.environment(), {
      outboxSending: await this.deps.outboxSending(),
      unsavedDraft: request.unsavedDraft,
    });
    if (!decision.restart) return { restarting: false, reason: decision.reason };
    this.deps.log.info(`updates: restarting into ${this.#state.version ?? 'the update'}`);
    this.stop();
    this.deps.updater.quitAndInstall();
    return { restarting: true, reason: null };
  }

  async #offerVersion(): Promise<string | null> {
    if (this.#state.phase !== 'ready') return null;
    const env = await this.deps.environment();
    return offerVersion(this.#state, env, { outboxSending: await this.deps.outboxSending() });
  }

  async #tick(): Promise<void> {
    if (this.#stopped || this.#ticking) return;
    this.#ticking = true;
    try {
      await this.#checkIfDue();
    } finally {
      this.#ticking = false;
    }
    if (this.#stopped) return;
    // Updates off (a setting, demo mode) are looked at again at the same pace; `refresh` brings
    // that forward when the setting changes.
    this.#cancelTimer?.();
    const after = this.#state.lastCheckAt ?? this.deps.now();
    const wait = Math.max(0, after + UPDATE_CHECK_INTERVAL_MS - this.deps.now());
    this.#cancelTimer = this.deps.setTimer(() => {
      this.#cancelTimer = null;
      void this.#tick();
    }, wait);
  }

  async #checkIfDue(): Promise<void> {
    const now = this.deps.now();
    const decision = decideCheck(this.#state, await this.deps.environment(), now);
    if (decision.action === 'check') {
      await this.report({ type: 'check-started', at: now });
      try {
        await this.deps.updater.check();
        if (this.#state.phase === 'checking') await this.report({ type: 'up-to-date' });
      } catch (error) {
        this.deps.log.warn('updates: the check failed; trying again in 6 hours', error);
        await this.report({ type: 'failed' });
      }
    }
  }
}
