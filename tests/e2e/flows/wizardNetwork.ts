import { createServer, connect, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';

/**
 * The network between PortDesk and "Twilio" (the test's simulator), as a cable that can be
 * pulled: a TCP relay per simulator listener. Pulled, the relay stops listening and drops its
 * connections, so the core's next call is refused — what a machine with no network sees —
 * while the simulator keeps its state. Put back, it listens on the same port again.
 *
 * `portdesk.setOnline(false)` now pauses sync too (docs/sync.md), but the core probes Twilio
 * while offline (the OS can be wrong), so a spec about working offline cuts the calls as well.
 */
export class NetworkCable {
  readonly #relays: Relay[] = [];

  /** The address to give PortDesk instead of `target` (http://127.0.0.1:port). */
  async route(target: string): Promise<string> {
    const { hostname, port } = new URL(target);
    const relay = new Relay(hostname, Number(port));
    await relay.listen(0);
    this.#relays.push(relay);
    return `http://127.0.0.1:${relay.port}`;
  }

  /** Pulls the cable: nothing reaches the simulator until `plugIn`. */
  async unplug(): Promise<void> {
    await Promise.all(this.#relays.map((relay) => relay.stop()));
  }

  async plugIn(): Promise<void> {
    await Promise.all(this.#relays.map((relay) => relay.listen(relay.port)));
  }

  async close(): Promise<void> {
    await this.unplug();
  }
}

class Relay {
  #server: Server | null = null;
  #sockets = new Set<Socket>();
  port = 0;

  constructor(
    private readonly host: string,
    private readonly targetPort: number,
  ) {}

  listen(port: number): Promise<void> {
    const server = createServer((client) => this.#relay(client));
    this.#server = server;
    return new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => {
        this.port = (server.address() as AddressInfo).port;
        resolve();
      });
    });
  }

  stop(): Promise<void> {
    const server = this.#server;
    this.#server = null;
    for (const socket of this.#sockets) socket.destroy();
    this.#sockets.clear();
    return new Promise((resolve) => (server ? server.close(() => resolve()) : resolve()));
  }

  #relay(client: Socket): void {
    const upstream = connect(this.targetPort, this.host);
    for (const socket of [client, upstream]) {
      this.#sockets.add(socket);
      socket.on('close', () => this.#sockets.delete(socket));
    }
    // A reset on one side resets the other, as the simulator's faults expect.
    client.on('error', () => upstream.destroy());
    upstream.on('error', () => client.destroy());
    client.pipe(upstream).pipe(client);
  }
}
