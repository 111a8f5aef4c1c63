import { portdesk } from '../bridge';
import { useApp } from './appStore';
import { useDetail } from './detailStore';
import { pagePopups, useFeed } from './feedStore';
import { useOutbox } from './outboxStore';
import { useRequests } from './requestsStore';
import { loadedWizard } from './wizardLink';

/**
 * Routes what main pushes to the stores that show it. Returns one function that unsubscribes
 * everything (the app shell calls it on unmount).
 */
export function subscribeToMain(): () => void {
  const bridge = portdesk();
  const unsubscribers = [
    bridge.onSyncStatus((status) => useApp.getState().setSync(status)),

    bridge.onNavigate((event) => useApp.getState().applyNavigateEvent(event)),

    bridge.onNoticesChanged((change) => {
      useFeed.getState().noticesChanged(change);
      // Where the host shows pop-ups itself (Electron), the page must not show them twice.
      if (useFeed.getState().popups === 'page') pagePopups.show(change.added);
    }),

    bridge.onPortabilityProgress((event) => loadedWizard()?.applyPortabilityProgress(event)),

    bridge.onUploadProgress((event) => loadedWizard()?.applyUploadProgress(event)),

    bridge.onDataChanged((change) => {
      const kinds = new Set(change.kinds);
      if (kinds.has('requests') || kinds.has('outbox')) {
        void useRequests.getState().refresh();
        const { sid } = useDetail.getState();
        const touchesOpenRequest =
          sid !== null && (change.requestSids.length === 0 || change.requestSids.includes(sid));
        if (touchesOpenRequest || (kinds.has('outbox') && sid !== null)) {
          void useDetail.getState().reload();
        }
      }
      if (kinds.has('outbox') && useOutbox.getState().items !== null) {
        void useOutbox.getState().load();
      }
      if (kinds.has('accounts')) void useApp.getState().loadAccounts();
      if (kinds.has('settings')) void useApp.getState().loadSettings();
      if (kinds.has('drafts')) loadedWizard()?.draftsChanged(change.draftIds);
    }),
  ];
  return () => {
    for (const unsubscribe of unsubscribers) unsubscribe();
  };
}
