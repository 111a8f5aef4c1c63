import {
  INVOKE_METHODS,
  IpcCommandError,
  type EventMethod,
  type EventPayloadOf,
  type InvokeHandlers,
  type InvokeMethod,
  type PayloadOf,
  type ResponseOf,
} from '../../../shared/ipc';
import { DEFAULT_AGEING_DAYS } from '../../../shared/settings';
import type { SettingsView, SyncStatusView } from '../../../shared/views';
import type { PortdeskCore } from '../../../main/core/app/portdeskCore';
import type { Notice } from '../../../main/core/notify/types';

export type FakeAnswers = {
  [M in InvokeMethod]?: (payload: PayloadOf<M>) => ResponseOf<M> | Promise<ResponseOf<M>>;
};

/** A PortdeskCore that answers from a table and records what hosts did with it. */
export interface FakeCore extends PortdeskCore {
  /** Every handler call that reached the core, with its parsed payload. */
  readonly calls: { method: InvokeMethod; payload: unknown }[];
  readonly networkChanges: boolean[];
  readonly resumes: number;
  readonly syncs: (string | undefined)[];
  readonly started: boolean;
  readonly closed: boolean;
  attention: number;
  emit<E extends EventMethod>(event: E, payload: EventPayloadOf<E>): void;
  emitNotice(notice: Notice): void;
}

export const IDLE_SYNC_STATUS: SyncStatusView = {
  state: 'idle',
  lastSuccessAt: null,
  nextSyncAt: null,
  message: null,
  accounts: [],
  queuedOps: 0,
  failedOps: 0,
};

export const DEFAULT_SETTINGS: SettingsView = {
  syncCadenceMinutes: 15,
  notifications: {
    loa_waiting: true,
    rejected: true,
    port_date: true,
    completed: true,
    canceled: true,
    expired: true,
    ageing: true,
  },
  quietHours: { enabled: false, start: '22:00', end: '07:00' },
  theme: 'system',
  ageingDays: DEFAULT_AGEING_DAYS,
  defaultAccountId: null,
  autoUpdate: true,
};

/**
 * A stand-in for the real core, for proving hosts (the shell's IPC wrapper, the browser host,
 * the end-to-end harness) without a database or a simulator. Methods without an answer throw an
 * IpcCommandError, which every host must turn into an error envelope.
 */
export function createFakeCore(answers: FakeAnswers = {}): FakeCore {
  const listeners = new Map<EventMethod, Set<(payload: unknown) => void>>();
  const noticeListeners = new Set<(notice: Notice) => void>();
  const defaults: FakeAnswers = {
    listAccounts: () => [],
    getSyncStatus: () => IDLE_SYNC_STATUS,
    syncNow: () => IDLE_SYNC_STATUS,
    getSettings: () => DEFAULT_SETTINGS,
    getUpdateOffer: () => null,
    listDrafts: () => [],
    listOutbox: () => [],
    listOrphanBills: () => [],
    listRequests: () => ({
      rows: [],
      total: 0,
      facets: {
        byStatus: {},
        byAttention: {
          action_required: 0,
          loa_unsigned: 0,
          no_port_date: 0,
          queued_offline: 0,
          failed_to_send: 0,
        },
        byAccount: {},
        needsAttention: 0,
        all: 0,
      },
    }),
    focusRequest: ({ sid }) => ({ focused: sid }),
  };
  const table: FakeAnswers = { ...defaults, ...answers };
  const handlers: Record<string, (payload: unknown) => Promise<unknown>> = {};
  const core = {
    calls: [] as { method: InvokeMethod; payload: unknown }[],
    networkChanges: [] as boolean[],
    resumes: 0,
    syncs: [] as (string | undefined)[],
    started: false,
    closed: false,
    attention: 0,
    handlers: handlers as unknown as InvokeHandlers,
    on<E extends EventMethod>(event: E, listener: (payload: EventPayloadOf<E>) => void) {
      let set = listeners.get(event);
      if (!set) listeners.set(event, (set = new Set()));
      const untyped = listener as (payload: unknown) => void;
      set.add(untyped);
      return () => {
        set.delete(untyped);
      };
    },
    onNotice(listener: (notice: Notice) => void) {
      noticeListeners.add(listener);
      return () => {
        noticeListeners.delete(listener);
      };
    },
    networkChanged(online: boolean) {
      core.networkChanges.push(online);
    },
    resumedFromSleep() {
      core.resumes += 1;
    },
    async syncNow(accountId?: string) {
      core.syncs.push(accountId);
    },
    attentionCount() {
      return core.attention;
    },
    async start() {
      core.started = true;
    },
    async close() {
      core.closed = true;
    },
    emit<E extends EventMethod>(event: E, payload: EventPayloadOf<E>) {
      for (const listener of listeners.get(event) ?? []) listener(payload);
    },
    emitNotice(notice: Notice) {
      for (const listener of noticeListeners) listener(notice);
    },
  };
  for (const method of INVOKE_METHODS) {
    handlers[method] = async (payload: unknown) => {
      core.calls.push({ method, payload });
      const answer = table[method] as ((payload: unknown) => unknown) | undefined;
      if (!answer)
        throw new IpcCommandError('not_found', `The fake core has no answer for ${method}`);
      return answer(payload);
    };
  }
  return core;
}
