import type { WebPreferences } from 'electron';

export interface WebPreferencesOptions {
  /** Absolute path of the sandboxed preload bundle (out/preload/index.cjs). */
  preloadPath: string;
  /** DevTools only in unpackaged builds. */
  devTools: boolean;
}

/**
 * The one webPreferences preset for every window (QUALITY.md 15). Every security-relevant
 * option is spelled out, even where it equals Electron's default, so a changed default in a
 * future Electron, or a stray override, cannot weaken a window silently.
 */
export function secureWebPreferences(options: WebPreferencesOptions): Readonly<WebPreferences> {
  return Object.freeze({
    preload: options.preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    // Dropping a file on the window must not navigate it away from the app.
    navigateOnDragDrop: false,
    // A page cannot trap the user in a loop of alert() dialogs.
    safeDialogs: true,
    // Middle-click must not open links in new windows behind the open handler's back.
    disableBlinkFeatures: 'Auxclick',
    devTools: options.devTools,
    spellcheck: false,
  } satisfies WebPreferences);
}
