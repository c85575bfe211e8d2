import { isSafeExternalUrl } from './external-url';

export interface NavigationEvent {
  preventDefault(): void;
  url?: string;
  isMainFrame?: boolean;
}
export type GuardedEvent = 'will-navigate' | 'will-redirect' | 'will-frame-navigate' | 'will-attach-webview';
export type BlockedKind = 'navigation' | 'redirect' | 'frame-navigation' | 'window-open' | 'webview';

/** The part of webContents the guard uses; an EventEmitter-based fake in tests. */
export interface GuardedContents {
  on(event: GuardedEvent, listener: (event: NavigationEvent) => void): unknown;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
}

export interface GuardDeps {
  openExternal(url: string): void;
  onBlocked(what: BlockedKind, url: string): void;
}

/**
 * Applied to every webContents the app creates (app 'web-contents-created'): the window shows
 * our bundle and nothing else. Navigation, redirects and subframe navigation are refused; new
 * windows are refused, and an http(s)/mailto target goes to the system browser instead, after
 * the one URL check; <webview> is refused outright. Programmatic loadURL from main is not a
 * "will-navigate", so our own page still loads.
 */
export function guardWebContents(contents: GuardedContents, deps: GuardDeps): void {
  const refuse = (what: BlockedKind) => (event: NavigationEvent) => {
    event.preventDefault();
    deps.onBlocked(what, String(event.url ?? ''));
  };
  contents.on('will-navigate', refuse('navigation'));
  contents.on('will-redirect', refuse('redirect'));
  const refuseFrame = refuse('frame-navigation');
  // Main-frame navigations are will-navigate's; this one catches iframes (CSP forbids them too).
  contents.on('will-frame-navigate', (event) => {
    if (event.isMainFrame !== true) refuseFrame(event);
  });
  contents.on('will-attach-webview', refuse('webview'));
  contents.setWindowOpenHandler(({ url }) => {
    if (isSafeExternalUrl(url)) deps.openExternal(url);
    else deps.onBlocked('window-open', url);
    return { action: 'deny' };
  });
}
