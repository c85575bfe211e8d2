import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import { watchConnectivity, type PowerEventsLike } from '../../../src/main/electron/connectivity-watch';

function setup(initiallyOnline = true) {
  const power = new EventEmitter();
  let online = initiallyOnline;
  let now = 10_000;
  let tick: (() => void) | null = null;
  const reconnectNow = vi.fn();
  const clearInterval = vi.fn();
  const dispose = watchConnectivity({
    power: power as unknown as PowerEventsLike,
    isOnline: () => online,
    reconnectNow,
    setInterval: (fn) => {
      tick = fn;
      return 'timer';
    },
    clearInterval,
    now: () => now,
  });
  return {
    power,
    reconnectNow,
    clearInterval,
    dispose,
    setOnline: (v: boolean) => {
      online = v;
      tick?.();
    },
    advance: (ms: number) => {
      now += ms;
    },
  };
}

describe('watchConnectivity', () => {
  it('reconnects at once on resume and unlock, once for both', () => {
    const t = setup();
    t.power.emit('resume');
    t.power.emit('unlock-screen');
    expect(t.reconnectNow).toHaveBeenCalledTimes(1);
    t.advance(5_000);
    t.power.emit('unlock-screen');
    expect(t.reconnectNow).toHaveBeenCalledTimes(2);
  });

  it('reconnects when the network comes back, not while it stays up or down', () => {
    const t = setup(true);
    t.setOnline(true);
    t.setOnline(false);
    t.setOnline(false);
    expect(t.reconnectNow).not.toHaveBeenCalled();
    t.setOnline(true);
    expect(t.reconnectNow).toHaveBeenCalledTimes(1);
    t.setOnline(true);
    expect(t.reconnectNow).toHaveBeenCalledTimes(1);
  });

  it('lets go of its listeners and timer', () => {
    const t = setup();
    t.dispose();
    expect(t.power.listenerCount('resume')).toBe(0);
    expect(t.power.listenerCount('unlock-screen')).toBe(0);
    expect(t.clearInterval).toHaveBeenCalledWith('timer');
  });
});
