import type { FakeBotConnector } from '../fakes/bot-connector.ts';

/** A message as the Bot Framework Emulator sends it: no Teams tenant, so demo mode serves the demo tenant. */
export function emulatorMessage(connector: FakeBotConnector, text: string) {
  const id = `act-${Math.random().toString(36).slice(2)}`;
  return {
    type: 'message',
    id,
    timestamp: new Date().toISOString(),
    serviceUrl: connector.serviceUrl,
    channelId: 'emulator',
    from: { id: 'user-1', name: 'Demo User' },
    conversation: { id: `conv-${id}` },
    recipient: { id: 'bot-1', name: 'em-agent' },
    text,
    textFormat: 'plain',
    locale: 'en-US',
  };
}
