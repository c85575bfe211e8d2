import { BrowserWindow, screen } from 'electron';
import { productName } from './app-identity';
import { minWindowSize, windowBoundsFor, type SavedWindowState } from './window-bounds';
import { secureWebPreferences } from './web-preferences';

export interface MainWindowOptions {
  preloadPath: string;
  entryUrl: string;
  devTools: boolean;
  icon?: string;
  saved: SavedWindowState | null;
  onStateChange(state: SavedWindowState): void;
  /** Close-to-tray: hide instead of closing while this says so (and the app is not quitting). */
  hideOnClose(): boolean;
}

export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const primary = screen.getPrimaryDisplay();
  const areas = [primary, ...screen.getAllDisplays().filter((d) => d.id !== primary.id)].map((d) => d.workArea);
  const bounds = windowBoundsFor(options.saved?.bounds ?? null, areas);
  // Electronegativity flags this constructor (CONTEXT_ISOLATION_JS_CHECK high, SANDBOX_JS_CHECK,
  // AUXCLICK_JS_CHECK) because it cannot follow the call to secureWebPreferences(); the preset
  // sets contextIsolation, sandbox and disableBlinkFeatures: 'Auxclick', its unit test pins every
  // key, and test/e2e/electron/security.spec.ts asserts the effective values on this window.
  const win = new BrowserWindow({
    ...bounds,
    minWidth: minWindowSize.width,
    minHeight: minWindowSize.height,
    show: false,
    title: productName,
    autoHideMenuBar: true,
    ...(options.icon ? { icon: options.icon } : {}),
    webPreferences: secureWebPreferences({ preloadPath: options.preloadPath, devTools: options.devTools }),
  });
  if (options.saved?.maximized) win.maximize();
  win.once('ready-to-show', () => win.show());

  let saveTimer: ReturnType<typeof setTimeout> | undefined;
  const save = (): void => {
    if (win.isDestroyed() || win.isMinimized()) return;
    options.onStateChange({ bounds: win.getNormalBounds(), maximized: win.isMaximized() });
  };
  const saveSoon = (): void => {
    clearTimeout(saveTimer);
    saveTimer = setTimeout(save, 500);
  };
  for (const event of ['resize', 'move', 'maximize', 'unmaximize'] as const) win.on(event as 'resize', saveSoon);
  win.on('close', (event) => {
    clearTimeout(saveTimer);
    save();
    if (options.hideOnClose()) {
      event.preventDefault();
      win.hide();
    }
  });
  void win.loadURL(options.entryUrl);
  return win;
}

export function showAndFocus(win: BrowserWindow | null): void {
  if (!win || win.isDestroyed()) return;
  if (win.isMinimized()) win.restore();
  win.show();
  win.focus();
}
