import { randomUUID } from 'node:crypto';
import { E164_PATTERN } from '../../../shared/domain/identifiers';
import { formatUsPhoneNumber } from '../../../shared/domain/phoneNumbers';
import type { PayloadInput } from '../../../shared/ipc';
import type { PortabilityCheckState, PortabilityResultView } from '../../../shared/views';
import type { PortabilityOutcome as StoredOutcome } from '../store';
import type { PortabilityOutcome as ClientOutcome } from '../twilio';
import { dataChanged, isoNow, type PortingDeps } from './deps';
import { loadDraft, requireEditable } from './draftRecords';
import { readDraftPayload } from './draftPayload';
import { invalid, notFound } from './errors';
import { OFFLINE_WORDS, describeFailure, type FailureWords } from './failureWords';
import { parseInput } from './input';
import { setMaxListeners } from 'node:events';
import { ProgressBatcher } from './progressBatcher';
import { toPortabilityResultView, type PortabilityStatus } from './views/draftView';
import { failureReasonView } from './views/reasonView';

/** The progress event's schema allows at most this many results per event. */
const MAX_RESULTS_PER_EVENT = 100;

interface Answer {
  view: PortabilityResultView;
  /** What is stored for the number; null for "no answer" (offline), which must not overwrite one. */
  stored: StoredOutcome | null;
  offline: boolean;
}

interface CheckRun {
  status: PortabilityStatus;
  draftId: number;
  accountId: string;
  numbers: string[];
  controller: AbortController;
  finished: Promise<void>;
}

export interface PortabilityChecks {
  start(input: PayloadInput<'startPortabilityCheck'>): Promise<{ checkId: string; total: number }>;
  cancel(input: PayloadInput<'cancelPortabilityCheck'>): Promise<{ canceled: true }>;
  /** The check running, or last run, for a draft in this session. */
  statusOf(draftId: number): PortabilityStatus | null;
  /** Resolves when the check has ended and sent its last event. */
  settled(checkId: string): Promise<void>;
  /** Stops the draft's check (the draft is being deleted) and forgets it. */
  forgetDraft(draftId: number): Promise<void>;
  /** Stops every check, for shutdown. */
  cancelAll(): Promise<void>;
}

function failedView(
  phoneNumber: string,
  words: FailureWords,
  checkedAt: string,
): PortabilityResultView {
  return {
    phoneNumber,
    outcome: 'failed',
    pinAndAccountNumberRequired: false,
    numberType: null,
    reason: failureReasonView({
      title: words.title,
      message: words.message,
      fix: words.fix,
      code: words.code,
      field: words.credentials ? 'account' : null,
    }),
    checkedAt,
  };
}

function toAnswer(draftId: number, outcome: ClientOutcome, checkedAt: string): Answer {
  if (outcome.result) {
    const stored: StoredOutcome = { outcome: 'checked', result: outcome.result };
    return {
      stored,
      offline: false,
      view: toPortabilityResultView({
        ...stored,
        draftId,
        phoneNumber: outcome.phoneNumber,
        checkedAt,
      }),
    };
  }
  const words = describeFailure(outcome.error);
  return {
    stored: words.offline
      ? null
      : { outcome: 'failed', error: { message: words.message, code: words.code } },
    offline: words.offline,
    view: failedView(outcome.phoneNumber, words, checkedAt),
  };
}

/** The numbers to check: the draft's own, or the subset asked for, each once. */
function numbersToCheck(
  draftNumbers: readonly string[],
  subset: readonly string[] | undefined,
): string[] {
  const inDraft = new Set(draftNumbers.filter((n) => E164_PATTERN.test(n)));
  if (subset === undefined) {
    if (inDraft.size === 0) {
      throw invalid(
        'phoneNumbers',
        'Add at least one phone number to the draft before checking portability.',
      );
    }
    return [...inDraft];
  }
  subset.forEach((phoneNumber, index) => {
    if (!inDraft.has(phoneNumber)) {
      throw invalid(
        `phoneNumbers.${index}`,
        `${formatUsPhoneNumber(phoneNumber)} is not one of this draft's numbers; add it to the draft first.`,
      );
    }
  });
  return [...new Set(subset)];
}

/**
 * Portability checks of a draft's numbers, in the background: bounded concurrency (the client's
 * checkPortabilityMany), answers stored per number as they arrive, progress events in batches,
 * one check per draft at a time (a new one cancels the old), cancellable.
 */
export function portabilityChecks(deps: PortingDeps): PortabilityChecks {
  const byId = new Map<string, CheckRun>();
  const latestByDraft = new Map<number, CheckRun>();
  const intervalMs = deps.progressIntervalMs ?? 100;
  const batchSize = deps.progressBatchSize ?? 50;

  function emitProgress(
    run: CheckRun,
    results: PortabilityResultView[],
    state: PortabilityCheckState,
  ): void {
    const chunks: PortabilityResultView[][] = [];
    for (let i = 0; i < results.length; i += MAX_RESULTS_PER_EVENT) {
      chunks.push(results.slice(i, i + MAX_RESULTS_PER_EVENT));
    }
    if (chunks.length === 0) chunks.push([]);
    chunks.forEach((chunk, index) => {
      deps.emit('onPortabilityProgress', {
        checkId: run.status.checkId,
        draftId: run.draftId,
        state: index === chunks.length - 1 ? state : 'running',
        done: run.status.done,
        total: run.status.total,
        results: chunk,
      });
    });
  }

  /** One transaction per batch; a failure that would replace a real answer is not stored. */
  function storeAnswers(run: CheckRun, answers: readonly Answer[]): void {
    const { store } = deps;
    try {
      store.transaction(() => {
        for (const answer of answers) {
          if (answer.stored === null) continue;
          const { phoneNumber, checkedAt } = answer.view;
          if (answer.stored.outcome === 'failed') {
            const previous = store.portabilityChecks.get(run.draftId, phoneNumber);
            if (previous?.outcome === 'checked') continue;
          }
          store.portabilityChecks.save(run.draftId, phoneNumber, answer.stored, checkedAt);
        }
      });
    } catch {
      // The draft was deleted under the check: nothing left to store for.
      run.controller.abort();
    }
  }

  function publish(run: CheckRun, answers: Answer[], state: PortabilityCheckState): void {
    storeAnswers(run, answers);
    run.status = { ...run.status, state };
    emitProgress(
      run,
      answers.map((answer) => answer.view),
      state,
    );
  }

  async function execute(run: CheckRun): Promise<void> {
    const { signal } = run.controller;
    const concurrency = deps.portabilityConcurrency ?? 8;
    // Every call in flight listens on this one signal (a few listeners each): room for them all,
    // so Node prints no MaxListenersExceededWarning on a long check (as in sync's account cycle).
    setMaxListeners(Math.max(10, concurrency * 3 + 10), signal);
    const answered = new Set<string>();
    let offlineAnswers = 0;
    const batcher = new ProgressBatcher<Answer>({
      intervalMs,
      batchSize,
      now: deps.now,
      flush: (answers) => publish(run, answers, 'running'),
    });
    let state: PortabilityCheckState = 'done';
    let failure: FailureWords | null = null;
    try {
      if (!deps.isOnline()) {
        failure = OFFLINE_WORDS;
      } else {
        const client = await deps.clients.clientFor(run.accountId);
        if (!signal.aborted) {
          await client.checkPortabilityMany(run.numbers, {
            concurrency,
            signal,
            onProgress: ({ outcome }) => {
              // Checks cut short by a cancel answer with an abort error: not a result.
              if (signal.aborted) return;
              const answer = toAnswer(run.draftId, outcome, isoNow(deps));
              answered.add(outcome.phoneNumber);
              if (answer.offline) offlineAnswers += 1;
              run.status = { ...run.status, done: run.status.done + 1 };
              batcher.add(answer);
            },
          });
        }
      }
    } catch (error) {
      if (!signal.aborted) failure = describeFailure(error);
    }
    if (signal.aborted) state = 'canceled';
    else if (failure || (answered.size > 0 && offlineAnswers === answered.size)) state = 'failed';

    const rest = batcher.finish();
    if (failure && state === 'failed') {
      // Nothing could be asked: every number says why, in words (not stored, no answer).
      const checkedAt = isoNow(deps);
      for (const phoneNumber of run.numbers) {
        if (!answered.has(phoneNumber)) {
          rest.push({
            view: failedView(phoneNumber, failure, checkedAt),
            stored: null,
            offline: true,
          });
        }
      }
    }
    publish(run, rest, state);
    dataChanged(deps, { kinds: ['drafts'], draftIds: [run.draftId] });
  }

  function settle(run: CheckRun): void {
    if (latestByDraft.get(run.draftId) !== run) byId.delete(run.status.checkId);
  }

  async function stop(run: CheckRun | undefined): Promise<void> {
    if (!run) return;
    run.controller.abort();
    await run.finished;
  }

  return {
    async start(input) {
      const { draftId, phoneNumbers } = parseInput('startPortabilityCheck', input);
      const draft = loadDraft(deps.store, draftId);
      requireEditable(draft);
      const draftNumbers = readDraftPayload(draft.payload).phoneNumbers.map((n) => n.phoneNumber);
      const numbers = numbersToCheck(draftNumbers, phoneNumbers);

      const previous = latestByDraft.get(draftId);
      if (previous) {
        previous.controller.abort();
        if (previous.status.state !== 'running') byId.delete(previous.status.checkId);
      }
      const checkId = randomUUID();
      const run: CheckRun = {
        status: { checkId, state: 'running', done: 0, total: numbers.length },
        draftId,
        accountId: draft.accountId,
        numbers,
        controller: new AbortController(),
        finished: Promise.resolve(),
      };
      byId.set(checkId, run);
      latestByDraft.set(draftId, run);
      emitProgress(run, [], 'running');
      run.finished = execute(run)
        .catch(() => undefined)
        .finally(() => settle(run));
      return { checkId, total: numbers.length };
    },

    async cancel(input) {
      const { checkId } = parseInput('cancelPortabilityCheck', input);
      const run = byId.get(checkId);
      if (!run) {
        throw notFound(
          'checkId',
          `There is no portability check ${checkId}; it may have ended before PortDesk restarted.`,
        );
      }
      await stop(run);
      return { canceled: true };
    },

    statusOf(draftId) {
      const run = latestByDraft.get(draftId);
      return run ? { ...run.status } : null;
    },

    async settled(checkId) {
      await byId.get(checkId)?.finished;
    },

    async forgetDraft(draftId) {
      const run = latestByDraft.get(draftId);
      await stop(run);
      latestByDraft.delete(draftId);
      if (run) byId.delete(run.status.checkId);
    },

    async cancelAll() {
      await Promise.all([...byId.values()].map(stop));
    },
  };
}
