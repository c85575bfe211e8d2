import { fillerText, loadBodySize } from '../../../src/mock-gateway/scenarios/load-generator';
import { createIdFactory, createRandom } from '../../../src/mock-gateway/random';

export type BodyKind = 'mix' | number;

/**
 * Makes messages in the wire shape the mock gateway emits (`message:created`), with the load
 * scenario's seeded body-size mix (80 % ~200 B, 19 % ~2 KB, 1 % ~20 KB) or a fixed event size.
 */
export function wireMessageFactory(seed: number, channels: readonly string[], body: BodyKind) {
  const random = createRandom(seed);
  const newId = createIdFactory(random, () => Date.now());
  let n = 0;
  // A fixed size is the size of the whole serialised event, as P1 is specified.
  const envelope = JSON.stringify(make('', channels[0]!, 'x'.repeat(25), new Date(0).toISOString())).length;
  return (at = Date.now()): Record<string, unknown> => {
    const size = body === 'mix' ? loadBodySize(random) : Math.max(1, body - envelope);
    const channelId = channels[n % channels.length]!;
    const text = `#${n} ${fillerText(random, size)}`;
    n++;
    return make(text, channelId, newId(), new Date(at).toISOString());
  };
}

function make(text: string, channelId: string, id: string, iso: string): Record<string, unknown> {
  return {
    id,
    channelId,
    senderType: 'agent',
    senderId: channelId,
    text,
    status: null,
    review: null,
    metadata: null,
    clientId: null,
    streamId: null,
    streamState: null,
    deliveryStatus: 'sent',
    iterationGroupId: null,
    iteration: null,
    createdAt: iso,
    updatedAt: iso,
    attachments: [],
    agentName: 'Agent',
  };
}
