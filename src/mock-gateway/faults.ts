// Fault injection state, set through `POST /mock/faults`. Durations are real milliseconds: they
// shape what a client sees on the wire, not what the virtual clock says.

export interface FaultRequest {
  /** Kick every socket (`io server disconnect` on the client). */
  disconnectAll?: boolean;
  /** Refuse new connections at the transport level for this long. */
  refuseConnectionsMs?: number;
  /** Accept handshakes then drop them at once, for this long (ms). 0 clears. */
  acceptThenDropMs?: number;
  /** Delay every outgoing server event by this many ms. 0 clears. */
  delayEventsMs?: number;
  /** Send every outgoing server event this many times in all (1 = normal). */
  duplicateEvents?: number;
  /** Send one malformed payload of this event, to a channel room or to every socket. */
  malformed?: { event: string; channelId?: string };
  /** Answer REST `/api/v1` with this status until cleared (`null`), for `count` requests or `durationMs`. */
  rest?: { status: 500 | 429; count?: number; durationMs?: number } | null;
  /** Clear every standing fault first. */
  clear?: boolean;
}

export class FaultState {
  refuseUntil = 0;
  dropUntil = 0;
  delayMs = 0;
  copies = 1;
  rest: { status: 500 | 429; remaining: number; until: number } | null = null;

  apply(f: FaultRequest): void {
    const now = Date.now();
    if (f.clear) {
      this.refuseUntil = this.dropUntil = this.delayMs = 0;
      this.copies = 1;
      this.rest = null;
    }
    if (f.refuseConnectionsMs !== undefined) this.refuseUntil = now + Math.max(0, f.refuseConnectionsMs);
    if (f.acceptThenDropMs !== undefined) this.dropUntil = now + Math.max(0, f.acceptThenDropMs);
    if (f.delayEventsMs !== undefined) this.delayMs = Math.max(0, f.delayEventsMs);
    if (f.duplicateEvents !== undefined) this.copies = Math.max(1, Math.floor(f.duplicateEvents));
    if (f.rest !== undefined) {
      this.rest = f.rest
        ? { status: f.rest.status, remaining: f.rest.count ?? Infinity, until: f.rest.durationMs ? now + f.rest.durationMs : Infinity }
        : null;
    }
  }

  refusing(): boolean {
    return Date.now() < this.refuseUntil;
  }

  dropping(): boolean {
    return Date.now() < this.dropUntil;
  }

  /** The status a REST request should fail with now, if any; consumes one count. */
  takeRestFault(): 500 | 429 | null {
    const r = this.rest;
    if (!r) return null;
    if (r.remaining <= 0 || Date.now() >= r.until) {
      this.rest = null;
      return null;
    }
    r.remaining--;
    return r.status;
  }

  describe(): Record<string, unknown> {
    const now = Date.now();
    return {
      refusingForMs: Math.max(0, this.refuseUntil - now),
      droppingForMs: Math.max(0, this.dropUntil - now),
      delayEventsMs: this.delayMs,
      duplicateEvents: this.copies,
      rest: this.rest ? { status: this.rest.status } : null,
    };
  }
}

/** Payloads that break the wire schemas in a way a client must survive. */
export function malformedPayload(event: string): unknown {
  switch (event) {
    case 'review:expired':
    case 'message:delivery':
      return { messageId: 42, deliveryStatus: 'teleported' };
    case 'agent:status':
      return { agentId: null, status: 'sleeping', statusSince: 'yesterday' };
    default:
      return { id: 12345, channelId: null, senderType: 'robot', text: { nested: true }, createdAt: 'not a date', __proto__x: 1 };
  }
}
