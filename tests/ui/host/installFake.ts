import { FakePortdesk } from '../../fixtures/fakeBridge';

/**
 * The UI test host's first script: installs the fake bridge as window.portdesk (what the preload
 * does in the app) and exposes the fake's controls as window.__portdeskFake for the specs.
 * Query parameters: scenario=empty|demo, latency=<ms>, online=false, requests=<count>.
 */
const location = (globalThis as { location?: { search: string } }).location;
const params = new URLSearchParams(location?.search ?? '');
const fake = new FakePortdesk({
  scenario: params.get('scenario') === 'empty' ? 'empty' : 'demo',
  latencyMs: Number(params.get('latency') ?? '0') || 0,
  online: params.get('online') !== 'false',
  requestCount: Number(params.get('requests') ?? '300') || 300,
});
Object.assign(globalThis, { portdesk: fake.bridge, __portdeskFake: fake });
