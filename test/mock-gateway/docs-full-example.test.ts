import { io } from 'socket.io-client';
import { afterEach, describe, expect, it } from 'vitest';
import { type Harness, startHarness } from './mock-client';

let h: Harness;
afterEach(async () => h?.close());

describe('the public page’s TypeScript "Full Example" against the mock', () => {
  it('connects, subscribes, and receives message:created and review:responded', async () => {
    h = await startHarness();
    const BASE_URL = h.gw.url;
    const API_KEY = h.key;
    const CHANNEL = h.agentId;
    const log: string[] = [];
    const console = { log: (line: string) => log.push(line) };

    // --- the example, verbatim apart from `forceNew` (several clients share this process) ---
    const socket = io(`${BASE_URL}/ws`, {
      auth: { apiKey: API_KEY },
      transports: ['websocket'],
      forceNew: true,
    });

    socket.on('connect', () => {
      console.log('Connected');
      socket.emit('subscribe:channel', CHANNEL);
    });

    socket.on('message:created', (data) => {
      if (data.senderType === 'user') {
        console.log(`User said: ${data.text}`);
      }
    });

    socket.on('review:responded', (data) => {
      const response = data.review?.response;
      if (response?.selectedOption) {
        console.log(`Review decision: ${response.selectedOption}`);
      }
    });

    socket.on('review:expired', (data) => {
      console.log(`Review ${data.messageId} expired`);
    });

    socket.on('disconnect', () => {
      console.log('Disconnected');
    });
    // --- end of the example ---

    try {
      await until(() => log.includes('Connected'));
      // The subscribe is checked asynchronously: wait until the room exists before acting.
      await until(async () => (await h.mock('/stats')).body.rooms[`channel:${CHANNEL}`] === 1);
      await h.mock('/messages', { channelId: CHANNEL, text: 'Looks good, ship it!' });
      const { body: m } = await h.api('/messages', { body: { channelId: CHANNEL, text: 'Deploy to production?', review: { type: 'approval', payload: {} } } });
      await h.mock(`/reviews/${m.id}/respond`, { response: { selectedOption: 'approve', comment: 'Go ahead' } });
      const short = await h.api('/messages', { body: { channelId: CHANNEL, text: 'quick', review: { type: 'approval', expiresInSeconds: 1 } } });
      await h.mock('/clock/advance', { ms: 61_000 });
      await until(() => log.length >= 4);
      expect(log).toEqual(['Connected', 'User said: Looks good, ship it!', 'Review decision: approve', `Review ${short.body.id} expired`]);
    } finally {
      socket.disconnect();
    }
  });
});

async function until(check: () => boolean | Promise<boolean>, timeoutMs = 3000): Promise<void> {
  const start = Date.now();
  while (!(await check())) {
    if (Date.now() - start > timeoutMs) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 10));
  }
}
