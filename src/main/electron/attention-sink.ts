import type { AttentionSink } from '../core/ports';
import { badgeText, type AttentionSummary } from './tray-model';
import type { DesktopPlatform } from './notification-format';

/** The Electron calls behind tray, badge and attention; fakes in tests. */
export interface AttentionSurfaces {
  platform: DesktopPlatform;
  /** Re-renders the tray icon, tooltip and menu from the summary. */
  renderTray(summary: AttentionSummary): void;
  /** `app.setBadgeCount` (macOS, Linux launchers that support it). */
  setBadgeCount(count: number): void;
  /** `win.setOverlayIcon` on Windows; null clears it. */
  setOverlay(description: string | null): void;
  isWindowFocused(): boolean;
  /** `win.flashFrame(true)` */
  flashFrame(): void;
  /** `app.dock.bounce('critical')` */
  bounceDock(): void;
}

export class ElectronAttentionSink implements AttentionSink {
  #last: AttentionSummary = { state: 'ok', pendingReviews: 0, mostUrgent: [] };

  constructor(private readonly surfaces: AttentionSurfaces) {}

  get last(): AttentionSummary {
    return this.#last;
  }

  update(summary: AttentionSummary): void {
    this.#last = summary;
    this.surfaces.renderTray(summary);
    const count = Math.max(0, summary.pendingReviews);
    if (this.surfaces.platform === 'win32') {
      const text = badgeText(count);
      this.surfaces.setOverlay(text === '' ? null : `${text} reviews waiting`);
    } else {
      this.surfaces.setBadgeCount(count);
    }
  }

  requestAttention(): void {
    // The operator is already looking at the app: nothing to pull them in for.
    if (this.surfaces.isWindowFocused()) return;
    if (this.surfaces.platform === 'darwin') this.surfaces.bounceDock();
    else this.surfaces.flashFrame();
  }

  /** Re-draws with the last summary (e.g. after "pause notifications" changed the tooltip). */
  refresh(): void {
    this.surfaces.renderTray(this.#last);
  }
}
