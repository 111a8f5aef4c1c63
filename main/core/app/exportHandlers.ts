import type { InvokeHandlers } from '../../../shared/ipc';
import { IpcCommandError } from '../../../shared/ipc';
import type { CsvFile, PortingUseCases } from '../porting';
import type { CoreHost } from './portdeskCore';

type ExportAndWebhookHandlers = Pick<
  InvokeHandlers,
  | 'exportRequests'
  | 'exportNumbers'
  | 'getWebhookConfiguration'
  | 'setWebhookConfiguration'
  | 'deleteWebhookConfiguration'
>;

/** The export channels hand the prepared file to the host; the webhook ones go to Twilio. */
export function exportAndWebhookHandlers(deps: {
  porting: PortingUseCases;
  host: CoreHost;
}): ExportAndWebhookHandlers {
  const { porting, host } = deps;
  const deliver = (file: CsvFile) => {
    if (!host.saveFile) {
      throw new IpcCommandError('internal', 'This copy of PortDesk cannot save files.');
    }
    return host.saveFile(file);
  };
  return {
    exportRequests: async (payload) => deliver(porting.prepareRequestsExport(payload)),
    exportNumbers: async (payload) => deliver(porting.prepareNumbersExport(payload)),
    getWebhookConfiguration: (payload) => porting.getWebhookConfiguration(payload),
    setWebhookConfiguration: (payload) => porting.setWebhookConfiguration(payload),
    deleteWebhookConfiguration: (payload) => porting.deleteWebhookConfiguration(payload),
  };
}
