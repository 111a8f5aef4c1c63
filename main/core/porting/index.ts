import { billCommands, type BillCommands } from './bills';
import { cancelCommands, type CancelCommands } from './cancels';
import type { PortingDeps } from './deps';
import { draftCommands, type DraftCommands } from './drafts';
import { exportCommands, type ExportCommands } from './export/exports';
import { fixAndResubmitCommands, type FixAndResubmitCommands } from './fixAndResubmit';
import { outboxCommands, type OutboxCommands } from './outboxCommands';
import { portabilityChecks, type PortabilityChecks } from './portabilityCheck';
import { requestQueries, type RequestQueries } from './requestQueries';
import { submitCommands, type SubmitCommands } from './submit';
import { webhookCommands, type WebhookCommands } from './webhooks';

/**
 * The porting use cases behind IPC. Every method takes the channel's payload (shared/ipc.ts) and
 * answers with the channel's view model, so the handler map can pass them through as they are;
 * expected failures are PortingErrors (./errors.ts) with words and field names.
 */
export interface PortingUseCases
  extends
    DraftCommands,
    BillCommands,
    SubmitCommands,
    CancelCommands,
    FixAndResubmitCommands,
    OutboxCommands,
    RequestQueries,
    ExportCommands,
    WebhookCommands {
  startPortabilityCheck: PortabilityChecks['start'];
  cancelPortabilityCheck: PortabilityChecks['cancel'];
  /** Resolves once the check has ended and sent its last progress event (tests, shutdown). */
  portabilitySettled: PortabilityChecks['settled'];
  /** Stops background work (portability checks). */
  close(): Promise<void>;
}

export function createPortingUseCases(deps: PortingDeps): PortingUseCases {
  const portability = portabilityChecks(deps);
  const cancels = cancelCommands(deps);
  return {
    ...draftCommands(deps, portability),
    ...billCommands(deps, portability),
    ...submitCommands(deps),
    ...cancels,
    ...fixAndResubmitCommands(deps, portability, cancels),
    ...outboxCommands(deps),
    ...requestQueries(deps),
    ...exportCommands(deps),
    ...webhookCommands(deps),
    startPortabilityCheck: (input) => portability.start(input),
    cancelPortabilityCheck: (input) => portability.cancel(input),
    portabilitySettled: (checkId) => portability.settled(checkId),
    close: () => portability.cancelAll(),
  };
}

export type { PortingDeps } from './deps';
export { isEncryptedPdf } from './pdfEncryption';
export { cancelWarning } from './cancelWarning';
export * from './views';
export type { CsvFile } from './export/exports';
export type { TextSink } from './export/csvWriter';
