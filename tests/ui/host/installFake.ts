import { FakePortdesk } from '../../fixtures/fakeBridge';

/**
 * The UI test host's first script: installs the fake bridge as window.portdesk (what the preload
 * does in the app) and exposes the fake's controls as window.__portdeskFake for the specs.
 * Query parameters: scenario=empty|demo, latency=<ms>, online=false, requests=<count>,
 * notices=<count> (the activity feed's history), unseen=<count> (of which new since the agent
 * last looked), popups=page (the page raises pop-ups), and for
 * bench/ui heavyNumbers=<n>&heavyEvents=<n> (one more request with that many numbers and
 * timeline events) and memoList=true (list queries memoised; see FakeOptions.memoiseList).
 * The marks around the fake's construction let bench/ui tell the fake's seeding from the
 * renderer's own time.
 */
const location = (globalThis as { location?: { search: string } }).location;
const params = new URLSearchParams(location?.search ?? '');
const heavyNumbers = Number(params.get('heavyNumbers') ?? '0') || 0;
const heavyEvents = Number(params.get('heavyEvents') ?? '0') || 0;
performance.mark('portdesk-fake:start');
const fake = new FakePortdesk({
  scenario: params.get('scenario') === 'empty' ? 'empty' : 'demo',
  latencyMs: Number(params.get('latency') ?? '0') || 0,
  online: params.get('online') !== 'false',
  requestCount: Number(params.get('requests') ?? '300') || 300,
  heavyRequest:
    heavyNumbers > 0 || heavyEvents > 0
      ? { numberCount: Math.max(1, heavyNumbers), timelineEvents: Math.max(1, heavyEvents) }
      : undefined,
  memoiseList: params.get('memoList') === 'true',
  noticeCount: Number(params.get('notices') ?? '40') || 0,
  unseenNotices: Number(params.get('unseen') ?? '0') || 0,
  popups: params.get('popups') === 'page' ? 'page' : 'os',
});
performance.mark('portdesk-fake:end');
Object.assign(globalThis, { portdesk: fake.bridge, __portdeskFake: fake });
