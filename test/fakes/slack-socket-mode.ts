import { randomUUID } from 'node:crypto';
import { WebSocketServer, type WebSocket } from 'ws';

/**
 * Slack's Socket Mode endpoint: greets with `hello`, delivers envelopes, and hands back the app's ack
 * (`{ envelope_id }`). The fake Web API's `apps.connections.open` answers with `url`.
 */
export class FakeSocketMode {
  #server?: WebSocketServer;
  #sockets = new Set<WebSocket>();
  #acks = new Map<string, (ack: Record<string, unknown>) => void>();
  #connected?: Promise<WebSocket>;
  url = '';

  async start(): Promise<this> {
    const server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
    this.#server = server;
    await new Promise<void>((resolve) => server.once('listening', () => resolve()));
    const { port } = server.address() as { port: number };
    this.url = `ws://127.0.0.1:${port}/link/?ticket=fake-ticket`;
    this.#connected = new Promise((resolve) => {
      server.on('connection', (socket) => {
        this.#sockets.add(socket);
        socket.on('close', () => this.#sockets.delete(socket));
        socket.on('message', (data) => {
          const ack = JSON.parse(String(data)) as { envelope_id?: string };
          if (ack.envelope_id) this.#acks.get(ack.envelope_id)?.(ack);
        });
        socket.send(
          JSON.stringify({
            type: 'hello',
            num_connections: 1,
            debug_info: { host: 'applink-fake', build_number: 1, approximate_connection_time: 18060 },
            connection_info: { app_id: 'A0EMAGENT' },
          }),
        );
        resolve(socket);
      });
    });
    return this;
  }

  /** Sends a slash command envelope and resolves with the app's ack, or rejects after `timeoutMs`. */
  async sendSlashCommand(
    payload: Record<string, string>,
    timeoutMs = 3_000,
  ): Promise<Record<string, unknown>> {
    const socket = await this.#connected!;
    const envelopeId = randomUUID();
    const acked = new Promise<Record<string, unknown>>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('no ack within the time Slack allows')), timeoutMs);
      this.#acks.set(envelopeId, (ack) => {
        clearTimeout(timer);
        resolve(ack);
      });
    });
    socket.send(
      JSON.stringify({
        envelope_id: envelopeId,
        payload,
        type: 'slash_commands',
        accepts_response_payload: true,
      }),
    );
    return acked;
  }

  async stop(): Promise<void> {
    for (const socket of this.#sockets) socket.terminate();
    await new Promise<void>((resolve) => (this.#server ? this.#server.close(() => resolve()) : resolve()));
  }
}
