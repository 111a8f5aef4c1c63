import { request } from '../bridge';
import { takeEarlyFirstPage } from './earlyCalls';
import { createRequestsStore } from './requestPages';

/**
 * The requests list, answered by main through window.portdesk. Its first page is usually asked
 * for before React boots (earlyCalls.ts).
 */
export const useRequests = createRequestsStore(
  (query) => takeEarlyFirstPage(query) ?? request((bridge) => bridge.listRequests(query)),
);
