import { join } from 'node:path';
import { Menu, Tray, nativeImage, type MenuItemConstructorOptions } from 'electron';
import type { AttentionState } from '../core/ports';
import { productName } from './app-identity';
import { buildTrayMenu, trayIconState, trayTooltip, type AttentionSummary, type TrayAction, type TrayContext, type TrayMenuItem } from './tray-model';
import type { ReviewRef } from './review-opener';

export interface TrayControllerDeps {
  /** build/tray in development, resources/tray when packaged. */
  iconDir: string;
  context(): TrayContext;
  onAction(action: TrayAction): void;
  onReview(ref: ReviewRef): void;
}

/** The Electron Tray, drawn from the pure model in tray-model.ts. */
export function createTrayController(deps: TrayControllerDeps): { render(summary: AttentionSummary): void; dispose(): void } {
  const images = new Map<AttentionState, Electron.NativeImage>();
  const image = (state: AttentionState): Electron.NativeImage => {
    let img = images.get(state);
    if (!img) {
      img = nativeImage.createFromPath(join(deps.iconDir, `tray-${state}.png`));
      images.set(state, img);
    }
    return img;
  };
  const tray = new Tray(image('ok'));
  tray.setToolTip(productName);
  // Left click opens the window on Windows and Linux; macOS shows the menu, as users expect there.
  if (process.platform !== 'darwin') tray.on('click', () => deps.onAction('open'));

  const toTemplate = (item: TrayMenuItem): MenuItemConstructorOptions => {
    switch (item.kind) {
      case 'separator':
        return { type: 'separator' };
      case 'label':
        return { label: item.label, enabled: false };
      case 'review':
        return { label: item.label, click: () => deps.onReview(item.review) };
      case 'checkbox':
        return { label: item.label, type: 'checkbox', checked: item.checked, click: () => deps.onAction(item.action) };
      case 'action':
        return { label: item.label, click: () => deps.onAction(item.action) };
    }
  };

  return {
    render(summary) {
      if (tray.isDestroyed()) return;
      const ctx = deps.context();
      tray.setImage(image(trayIconState(summary)));
      tray.setToolTip(trayTooltip(summary, ctx));
      tray.setContextMenu(Menu.buildFromTemplate(buildTrayMenu(summary, ctx).map(toTemplate)));
    },
    dispose() {
      if (!tray.isDestroyed()) tray.destroy();
    },
  };
}
