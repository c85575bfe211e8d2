import type { Namespace } from 'socket.io';
import { type FaultState, malformedPayload } from './faults';

export const channelRoom = (agentId: string): string => `channel:${agentId}`;
export const userRoom = (userId: string): string => `user:${userId}`;

/**
 * Every server → client event goes through here, so stats and the delay/duplicate faults apply
 * to all of them. One `to([rooms])` broadcast reaches a socket in several rooms once (0.10.1).
 */
export class EventBus {
  readonly emitted = new Map<string, number>();
  private readonly pending = new Set<NodeJS.Timeout>();

  constructor(
    private readonly nsp: Namespace,
    private readonly faults: FaultState,
  ) {}

  emit(rooms: string[], event: string, payload: unknown): void {
    const send = () => {
      for (let i = 0; i < this.faults.copies; i++) {
        this.emitted.set(event, (this.emitted.get(event) ?? 0) + 1);
        this.nsp.to(rooms).emit(event, payload);
      }
    };
    if (this.faults.delayMs > 0) {
      const t = setTimeout(() => {
        this.pending.delete(t);
        send();
      }, this.faults.delayMs);
      this.pending.add(t);
    } else send();
  }

  /** One malformed payload of `event`, to a channel room or to every socket of the namespace. */
  emitMalformed(event: string, channelId?: string): void {
    this.emitted.set(event, (this.emitted.get(event) ?? 0) + 1);
    const target = channelId ? this.nsp.to(channelRoom(channelId)) : this.nsp;
    target.emit(event, malformedPayload(event));
  }

  close(): void {
    for (const t of this.pending) clearTimeout(t);
    this.pending.clear();
  }
}
