import { request } from '../bridge';
import { createRequestsStore } from './requestPages';

/** The requests list, answered by main through window.portdesk. */
export const useRequests = createRequestsStore((query) =>
  request((bridge) => bridge.listRequests(query)),
);
