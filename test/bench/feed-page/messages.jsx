const WORDS = 'agent deploy review status queue build metric latency shard cache token pipeline report retry alert window batch index trace'.split(' ');

/** Seeded MessageViews with the load mix (80 % ~200 B, 19 % ~2 KB, 1 % ~20 KB), oldest first. */
export function makeMessages(n, seed, startMs, prefix) {
  let s = seed >>> 0;
  const random = () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
  const out = [];
  for (let i = 0; i < n; i++) {
    const r = random();
    const size = r < 0.8 ? 200 : r < 0.99 ? 2_000 : 20_000;
    let text = `${prefix}${i} `;
    while (text.length < size) text += `${WORDS[Math.floor(random() * WORDS.length)]} `;
    const at = new Date(startMs + i * 1_000).toISOString();
    out.push({
      accountId: 'bench', channelId: 'bench-channel', id: `${prefix}${String(i).padStart(7, '0')}`, senderType: 'agent', text, tone: null, review: null,
      deliveryStatus: 'sent', streamState: null, iterationGroupId: null, iteration: null, iterationCount: null, attachments: [], createdAt: at, updatedAt: at,
    });
  }
  return out;
}
