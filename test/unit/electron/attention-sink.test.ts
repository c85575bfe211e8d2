import { describe, expect, it, vi } from 'vitest';
import { ElectronAttentionSink, type AttentionSurfaces } from '../../../src/main/electron/attention-sink';
import type { DesktopPlatform } from '../../../src/main/electron/notification-format';

function surfaces(platform: DesktopPlatform, focused = false) {
  return {
    platform,
    renderTray: vi.fn(),
    setBadgeCount: vi.fn(),
    setOverlay: vi.fn(),
    isWindowFocused: vi.fn(() => focused),
    flashFrame: vi.fn(),
    bounceDock: vi.fn(),
  } satisfies AttentionSurfaces;
}

describe('ElectronAttentionSink', () => {
  it('puts the pending count on the badge (macOS, Linux) and redraws the tray', () => {
    const s = surfaces('linux');
    const sink = new ElectronAttentionSink(s);
    const summary = { state: 'attention' as const, pendingReviews: 3, mostUrgent: [] };
    sink.update(summary);
    expect(s.setBadgeCount).toHaveBeenCalledWith(3);
    expect(s.renderTray).toHaveBeenCalledWith(summary);
    expect(s.setOverlay).not.toHaveBeenCalled();
    sink.refresh();
    expect(s.renderTray).toHaveBeenCalledTimes(2);
  });

  it('uses the overlay icon on Windows, cleared at zero', () => {
    const s = surfaces('win32');
    const sink = new ElectronAttentionSink(s);
    sink.update({ state: 'attention', pendingReviews: 4, mostUrgent: [] });
    sink.update({ state: 'ok', pendingReviews: 0, mostUrgent: [] });
    expect(s.setOverlay.mock.calls).toEqual([['4 reviews waiting'], [null]]);
    expect(s.setBadgeCount).not.toHaveBeenCalled();
  });

  it('bounces the dock on macOS, flashes the frame elsewhere, and stays quiet when focused', () => {
    const mac = surfaces('darwin');
    new ElectronAttentionSink(mac).requestAttention();
    expect(mac.bounceDock).toHaveBeenCalled();
    const win = surfaces('win32');
    new ElectronAttentionSink(win).requestAttention();
    expect(win.flashFrame).toHaveBeenCalled();
    const focused = surfaces('linux', true);
    new ElectronAttentionSink(focused).requestAttention();
    expect(focused.flashFrame).not.toHaveBeenCalled();
  });
});
