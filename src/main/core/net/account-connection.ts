import { io, type Socket } from 'socket.io-client';
import type { ConnectionState } from '../../../shared/domain';
import type { Clock, Logger } from '../ports';
import { backoffDelay } from './backoff';

export interface ConnectionTiming {
  heartbeatMs: number;
  pongTimeoutMs: number;
  backoffBaseMs: number;
  backoffMaxMs: number;
  /** A connection that lasted less than this counts as a failed attempt (accept-then-drop breaker). */
  stableAfterMs: number;
  /** After a rejected key: one more check after this long, then nothing until the key is edited. */
  rejectedRecheckMs: number;
}

export interface AccountConnectionOptions {
  accountId: string;
  serverUrl: string;
  getKey: () => Promise<string | null>;
  clock: Clock;
  logger: Logger;
  timing: ConnectionTiming;
  channels: () => Iterable<string>;
  onState: (state: ConnectionState) => void;
  /** Every server event except `pong`, unvalidated: the ingest validates. */
  onEvent: (event: string, payload: unknown) => void;
  onConnected: () => void;
  random?: () => number;
}

/**
 * One Socket.IO connection for one API key. socket.io-client's own reconnection is off: we run our
 * own backoff (jittered, capped, with a breaker for accept-then-drop) and our own heartbeat, and a
 * rejected key stops retrying instead of hammering the server.
 */
export class AccountConnection {
  private socket: Socket | null = null;
  private state: ConnectionState;
  private attempt = 0;
  private connectedAt: number | null = null;
  private retryTimer: unknown = null;
  private heartbeatTimer: unknown = null;
  private pongTimer: unknown = null;
  private rejectedChecks = 0;
  private stopped = true;

  constructor(private readonly o: AccountConnectionOptions) {
    this.state = { status: 'offline', since: o.clock.now() };
  }

  get current(): ConnectionState {
    return this.state;
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.rejectedChecks = 0;
    this.attempt = 0;
    this.open();
  }

  /** Disconnects and stays down (account disabled or removed, app quitting). */
  stop(status: 'disabled' | 'offline' = 'offline'): void {
    this.stopped = true;
    this.clearTimers();
    this.closeSocket();
    this.setState({ status });
  }

  /** Resume from sleep or network back: try now instead of waiting for the backoff or heartbeat. */
  reconnectNow(): void {
    if (this.stopped || this.state.status === 'key-rejected') return;
    if (this.state.status === 'connected') {
      this.sendPing();
      return;
    }
    this.clearTimers();
    this.closeSocket();
    this.open();
  }

  subscribe(channelId: string): void {
    this.socket?.emit('subscribe:channel', channelId);
  }

  markRead(channelId: string): void {
    this.socket?.emit('channel:read', channelId);
  }

  private open(): void {
    this.setState(this.attempt === 0 ? { status: 'connecting' } : { status: 'reconnecting', attempt: this.attempt });
    const socket = io(`${this.o.serverUrl}/ws`, {
      forceNew: true,
      transports: ['websocket'],
      reconnection: false,
      timeout: 10_000,
      // Read at each connect, so an edited key is used and nothing lingers in options.
      auth: (cb) => {
        this.o.getKey().then(
          (apiKey) => cb({ apiKey: apiKey ?? '' }),
          () => cb({ apiKey: '' }),
        );
      },
    });
    this.socket = socket;
    socket.on('connect', () => this.onConnect());
    socket.on('connect_error', (err: Error) => this.onConnectError(err));
    socket.on('disconnect', (reason: string) => this.onDisconnect(reason));
    socket.on('pong', () => this.onPong());
    socket.onAny((event: string, payload: unknown) => {
      if (event !== 'pong') this.o.onEvent(event, payload);
    });
  }

  private onConnect(): void {
    this.connectedAt = this.o.clock.now();
    this.rejectedChecks = 0;
    this.setState({ status: 'connected' });
    for (const channelId of this.o.channels()) this.subscribe(channelId);
    this.scheduleHeartbeat();
    this.o.onConnected();
  }

  private onConnectError(err: Error): void {
    this.closeSocket();
    if (this.stopped) return;
    if (err.message === 'unauthorized') {
      this.rejectedChecks++;
      const recheck = this.rejectedChecks <= 1;
      this.setState({
        status: 'key-rejected',
        error: 'The server rejected this API key. Edit the key to try again.',
        ...(recheck ? { nextRetryAt: this.o.clock.now() + this.o.timing.rejectedRecheckMs } : {}),
      });
      if (recheck) this.retryTimer = this.o.clock.setTimeout(() => this.open(), this.o.timing.rejectedRecheckMs);
      return;
    }
    this.scheduleRetry(describeError(err));
  }

  private onDisconnect(reason: string): void {
    this.clearHeartbeat();
    if (this.stopped || reason === 'io client disconnect') return;
    const lasted = this.connectedAt === null ? 0 : this.o.clock.now() - this.connectedAt;
    // A connection that dropped soon after it opened does not reset the backoff (accept-then-drop).
    if (lasted >= this.o.timing.stableAfterMs) this.attempt = 0;
    this.closeSocket();
    this.scheduleRetry(reason === 'io server disconnect' ? 'The server closed the connection' : 'Connection lost');
  }

  private scheduleRetry(error: string): void {
    this.attempt++;
    const delay = backoffDelay(this.attempt, this.o.timing.backoffBaseMs, this.o.timing.backoffMaxMs, this.o.random);
    this.setState({ status: 'reconnecting', attempt: this.attempt, nextRetryAt: this.o.clock.now() + delay, error });
    this.o.clock.clearTimeout(this.retryTimer);
    this.retryTimer = this.o.clock.setTimeout(() => {
      this.retryTimer = null;
      if (!this.stopped) this.open();
    }, delay);
  }

  private scheduleHeartbeat(): void {
    this.clearHeartbeat();
    this.heartbeatTimer = this.o.clock.setTimeout(() => this.sendPing(), this.o.timing.heartbeatMs);
  }

  private sendPing(): void {
    if (!this.socket?.connected || this.pongTimer) return;
    this.socket.emit('ping');
    this.pongTimer = this.o.clock.setTimeout(() => this.onPongTimeout(), this.o.timing.pongTimeoutMs);
  }

  private onPong(): void {
    this.o.clock.clearTimeout(this.pongTimer);
    this.pongTimer = null;
    if (this.state.status === 'degraded') this.setState({ status: 'connected' });
    this.scheduleHeartbeat();
  }

  private onPongTimeout(): void {
    this.pongTimer = null;
    this.setState({ status: 'degraded', error: 'The server stopped answering' });
    this.o.logger.warn('heartbeat missed; reconnecting', { accountId: this.o.accountId });
    this.closeSocket();
    this.scheduleRetry('The server stopped answering');
  }

  private setState(next: Omit<ConnectionState, 'since'>): void {
    const same = this.state.status === next.status && this.state.attempt === next.attempt && this.state.error === next.error && this.state.nextRetryAt === next.nextRetryAt;
    if (same) return;
    this.state = { ...next, since: this.o.clock.now() };
    this.o.onState(this.state);
  }

  private clearHeartbeat(): void {
    this.o.clock.clearTimeout(this.heartbeatTimer);
    this.o.clock.clearTimeout(this.pongTimer);
    this.heartbeatTimer = null;
    this.pongTimer = null;
  }

  private clearTimers(): void {
    this.clearHeartbeat();
    this.o.clock.clearTimeout(this.retryTimer);
    this.retryTimer = null;
  }

  private closeSocket(): void {
    const socket = this.socket;
    this.socket = null;
    this.connectedAt = null;
    if (!socket) return;
    socket.removeAllListeners();
    socket.offAny();
    socket.disconnect();
  }
}

function describeError(err: Error): string {
  const text = err.message || 'connection failed';
  if (/ECONNREFUSED/.test(text) || text === 'websocket error') return 'The server could not be reached';
  if (text === 'timeout') return 'The server did not answer in time';
  return `Connection failed: ${text.slice(0, 120)}`;
}
