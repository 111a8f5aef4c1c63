import { describe, expect, it } from 'vitest';
import { parseEventPayload, parseInvokePayload } from '../../../shared/ipc';

const SID = `KW${'c'.repeat(32)}`;
const NUMBER = `PU${'d'.repeat(32)}`;

describe('the activity feed’s channels', () => {
  it('fills a bare feed query with its defaults', () => {
    const result = parseInvokePayload('listNotices', {});
    expect(result).toEqual({
      ok: true,
      data: { kinds: [], accountIds: [], unreadOnly: false, offset: 0, limit: 100 },
    });
  });

  it('refuses an unknown kind, a page too large and extra keys, naming each field', () => {
    const result = parseInvokePayload('listNotices', {
      kinds: ['action_required', 'gossip'],
      limit: 501,
      sort: 'oldest',
    });
    expect(result.ok).toBe(false);
    const fields = result.ok ? [] : (result.error.fields ?? []).map((f) => f.field);
    expect(fields).toEqual(expect.arrayContaining(['kinds.1', 'limit']));
    expect(result.ok ? '' : result.error.code).toBe('invalid_payload');
  });

  it('refuses marking nothing read, and a notice id that is not one', () => {
    expect(parseInvokePayload('markNoticesRead', { ids: [] }).ok).toBe(false);
    const bad = parseInvokePayload('markNoticesRead', { ids: [3, -1] });
    expect(bad.ok ? [] : bad.error.fields?.map((f) => f.field)).toEqual(['ids.1']);
    expect(parseInvokePayload('markRequestNoticesRead', { sid: 'KW123' }).ok).toBe(false);
    expect(parseInvokePayload('markFeedSeen', { upToId: 12 }).ok).toBe(true);
  });

  it('checks what main pushes: a change with a pop-up to raise, and a click target', () => {
    const change = {
      unread: 3,
      added: [
        {
          id: 7,
          key: `${SID}:events:1-2`,
          title: 'Acme Inc: 1 number rejected',
          body: 'Invalid PIN (1). Open the request to fix and resubmit.',
          urgency: 'critical',
          silent: false,
          target: { screen: 'request', sid: SID, tab: 'numbers', numberSid: NUMBER },
        },
      ],
    };
    expect(parseEventPayload('onNoticesChanged', change).ok).toBe(true);
    expect(
      parseEventPayload('onNoticesChanged', {
        ...change,
        added: [{ ...change.added[0], target: { screen: 'request', sid: SID, tab: 'timeline' } }],
      }).ok,
    ).toBe(false);
    expect(parseEventPayload('onNavigate', { screen: 'feed' }).ok).toBe(true);
    expect(
      parseEventPayload('onNavigate', {
        screen: 'request',
        sid: SID,
        tab: 'numbers',
        numberSid: NUMBER,
      }).ok,
    ).toBe(true);
  });
});
