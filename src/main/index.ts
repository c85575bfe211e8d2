import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { app, ipcMain, nativeImage, net, powerMonitor, protocol, session, shell, type BrowserWindow } from 'electron';
import type { Settings } from '../shared/domain';
import { dispatchInvoke, type InvokeHandlers } from '../shared/ipc/dispatch';
import { createCore } from './core/core';
import { createAppRequestHandler } from './electron/app-protocol';
import { appEntryUrl, appOrigin, appScheme, appSchemePrivileges } from './electron/app-scheme';
import { appId, deepLinkScheme, desktopFileName } from './electron/app-identity';
import { ElectronAttentionSink } from './electron/attention-sink';
import { watchConnectivity } from './electron/connectivity-watch';
import { findDeepLinkInArgv, parseDeepLink } from './electron/deep-link';
import { createDemoGateway } from './electron/demo-gateway';
import { e2eHooksEnabled, recordNotifications } from './electron/e2e-hooks';
import { createElectronNotification, notificationsSupported } from './electron/electron-notification';
import { createHostHandlers } from './electron/host-handlers';
import { parseLaunchArgs } from './electron/launch-args';
import { createMainLogger } from './electron/main-logger';
import { createMainWindow, showAndFocus } from './electron/main-window';
import { NativeNotifier } from './electron/native-notifier';
import type { DesktopPlatform } from './electron/notification-format';
import { originOf } from './electron/origin';
import { decidePermission } from './electron/permission-policy';
import { pushEvent, registerIpc } from './electron/register-ipc';
import { createReviewOpener, type ReviewRef } from './electron/review-opener';
import { setUpSecretStore } from './electron/secret-store-setup';
import { loadShellPrefs, saveShellPrefs } from './electron/shell-prefs';
import { applyStartAtLogin } from './electron/start-at-login';
import { createTrayController } from './electron/tray-controller';
import { pausedUntil, type TrayAction } from './electron/tray-model';
import { guardWebContents } from './electron/web-contents-guard';

// The Electron entry and composition root: parse the launch, build the core from its ports, and
// wire the window, IPC, notifications, tray and lifecycle around it. Logic lives in ./electron.

const args = parseLaunchArgs(process.argv);
if (args.dataDir) app.setPath('userData', resolve(args.dataDir));
protocol.registerSchemesAsPrivileged([appSchemePrivileges]);
if (process.platform === 'win32') app.setAppUserModelId(appId);
if (process.platform === 'linux') app.setDesktopName(desktopFileName);

const logger = createMainLogger();
const platform = process.platform as DesktopPlatform;
const devServerUrl = !app.isPackaged ? process.env['ELECTRON_RENDERER_URL'] : undefined;
const trustedOrigins = [appOrigin, ...(devServerUrl ? [originOf(devServerUrl) ?? appOrigin] : [])];

// Deep links that arrive before the window exists wait here.
const pendingLinks: string[] = args.deepLink ? [args.deepLink] : [];
let openLink = (raw: string): void => void pendingLinks.push(raw);
let win: BrowserWindow | null = null;

if (!app.requestSingleInstanceLock()) {
  // The first instance gets our argv (and its deep link) through 'second-instance'.
  app.quit();
} else {
  app.on('second-instance', (_event, argv) => {
    showAndFocus(win);
    const link = findDeepLinkInArgv(argv);
    if (link) openLink(link);
  });
  app.on('open-url', (event, url) => {
    event.preventDefault();
    openLink(url);
  });
  // Every shell.openExternal in the app is reached only after isSafeExternalUrl (electronegativity
  // OPEN_EXTERNAL_JS_CHECK, reviewed): here through the guard's window-open handler, and in
  // createHostHandlers for `links:open`.
  app.on('web-contents-created', (_event, contents) => {
    guardWebContents(contents, {
      openExternal: (url) => void shell.openExternal(url).catch((err) => logger.warn('could not open link', { error: String(err) })),
      onBlocked: (what) => logger.warn('blocked in window', { what }),
    });
  });
  app.whenReady().then(start, (err) => fail(err));
}

async function start(): Promise<void> {
  if (app.isPackaged) app.setAsDefaultProtocolClient(deepLinkScheme);
  const userData = app.getPath('userData');
  const prefsFile = join(userData, 'shell.json');
  const prefs = await loadShellPrefs(prefsFile);
  const savePrefs = (): void => void saveShellPrefs(prefsFile, prefs).catch((err) => logger.warn('could not save preferences', { error: String(err) }));
  const demoOn = args.demo ?? !prefs.launchedBefore;

  const permissions = session.defaultSession;
  permissions.setPermissionRequestHandler((_wc, permission, callback, details) =>
    callback(decidePermission({ permission, requestingUrl: details.requestingUrl, isMainFrame: details.isMainFrame }, trustedOrigins)),
  );
  permissions.setPermissionCheckHandler((_wc, permission, requestingOrigin, details) =>
    decidePermission({ permission, requestingUrl: details.requestingUrl ?? requestingOrigin, isMainFrame: details.isMainFrame ?? false }, trustedOrigins),
  );
  // Serves out/renderer only; resolveAppPath refuses anything outside it (PROTOCOL_HANDLER_JS_CHECK, reviewed).
  protocol.handle(appScheme, createAppRequestHandler({ rootDir: join(import.meta.dirname, '../renderer'), readFile }));

  const secrets = await setUpSecretStore({ file: join(userData, 'keys.enc.json'), allowBasicText: prefs.allowBasicTextSecrets, logger });
  const demo = createDemoGateway(logger);
  let handlers: InvokeHandlers | null = null;
  let pausedUntilMs: number | null = null;
  const buildDir = app.isPackaged ? process.resourcesPath : join(app.getAppPath(), 'build');

  const focus = (): void => showAndFocus(win);
  const openReview = createReviewOpener({
    reviewsList: (input) => core.handlers['reviews:list'](input),
    focusWindow: focus,
    showReview: (payload) => void pushEvent(win?.webContents ?? null, 'ui:show-review', payload),
    logger,
  });
  const refOf = (n: { accountId?: string; channelId?: string; messageId?: string }): ReviewRef | null =>
    n.accountId && n.messageId ? { accountId: n.accountId, messageId: n.messageId, ...(n.channelId ? { channelId: n.channelId } : {}) } : null;
  const call = (channel: 'settings:set' | 'reviews:snooze', input: unknown): void => {
    if (handlers) void dispatchInvoke(handlers, channel, input).then((r) => r.ok || logger.warn('tray action failed', { channel, code: r.error.code }));
  };

  const createNotification = (options: Parameters<typeof createElectronNotification>[0]) => createElectronNotification(options, undefined);
  if (e2eHooksEnabled(process.env, app.isPackaged)) globalThis.__placetE2E = { notifications: [] };
  const notifier = new NativeNotifier({
    platform,
    isSupported: () => globalThis.__placetE2E !== undefined || notificationsSupported(),
    create: globalThis.__placetE2E ? recordNotifications(globalThis.__placetE2E, createNotification) : createNotification,
    onOpen: (notice) => {
      const ref = refOf(notice);
      if (ref) void openReview(ref);
      else focus();
    },
    onSnooze: (notice) => call('reviews:snooze', { accountId: notice.accountId, messageId: notice.messageId, minutes: 15 }),
    sound: () => true,
    logger,
  });
  const tray = createTrayController({
    iconDir: join(buildDir, 'tray'),
    context: () => ({ now: Date.now(), notificationsPausedUntil: pausedUntilMs, closeToTray: prefs.closeToTray, startAtLogin: prefs.startAtLogin, formatTime: (ms) => new Date(ms).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' }) }),
    onAction: (action) => onTrayAction(action),
    onReview: (ref) => void openReview(ref),
  });
  const attention = new ElectronAttentionSink({
    platform,
    renderTray: (summary) => tray.render(summary),
    setBadgeCount: (count) => void app.setBadgeCount(count),
    setOverlay: (description) => win?.setOverlayIcon(description ? nativeImage.createFromPath(join(buildDir, 'tray', 'overlay-attention.png')) : null, description ?? ''),
    isWindowFocused: () => win?.isFocused() ?? false,
    flashFrame: () => win?.flashFrame(true),
    bounceDock: () => void app.dock?.bounce('critical'),
  });

  const core = await createCore({ dataDir: userData, secrets: secrets.store, logger, notifier, attention, demo: () => demo.account() });
  handlers = { ...core.handlers, ...createHostHandlers({ version: app.getVersion(), demo: () => demoOn, openExternal: (url) => shell.openExternal(url) }) };
  const snapshot = await dispatchInvoke(handlers, 'state:snapshot', {});
  pausedUntilMs = snapshot.ok ? ((snapshot.value as { settings: Settings }).settings.notificationsPausedUntil ?? null) : null;

  let quitting = false;
  win = createMainWindow({
    preloadPath: join(import.meta.dirname, '../preload/index.cjs'),
    entryUrl: devServerUrl ?? appEntryUrl,
    devTools: !app.isPackaged,
    ...(app.isPackaged ? {} : { icon: join(buildDir, 'icon.png') }),
    saved: prefs.window,
    onStateChange: (state) => {
      prefs.window = state;
      savePrefs();
    },
    hideOnClose: () => !quitting && (prefs.closeToTray || platform === 'darwin'),
  });
  if (args.hidden) win.once('ready-to-show', () => win?.hide());
  win.on('focus', () => win?.flashFrame(false));
  const unregisterIpc = registerIpc({ ipcMain, handlers, policy: { trustedOrigins, isOurWebContents: (id) => win?.webContents.id === id }, logger });
  const stopBatches = core.onBatch((batch) => {
    if (batch.settings) pausedUntilMs = batch.settings.notificationsPausedUntil;
    pushEvent(win?.webContents ?? null, 'core:batch', batch);
  });
  const stopWatching = watchConnectivity({ power: powerMonitor, isOnline: () => net.isOnline(), reconnectNow: () => core.reconnectNow(), setInterval, clearInterval, now: Date.now });

  openLink = (raw) => {
    const link = parseDeepLink(raw);
    if (link) void openReview(link);
    else focus(); // A bogus link only brings the window up.
  };
  win.webContents.once('did-finish-load', () => pendingLinks.splice(0).forEach(openLink));
  if (demoOn) void dispatchInvoke(handlers, 'accounts:add-demo', {}).then((r) => r.ok || logger.warn('demo account not added', { code: r.error.code }));
  prefs.launchedBefore = true;
  savePrefs();

  function onTrayAction(action: TrayAction): void {
    if (action === 'open') focus();
    else if (action === 'quit') app.quit();
    else if (action === 'pause-1h' || action === 'pause-tomorrow') call('settings:set', { notificationsPausedUntil: pausedUntil(action, Date.now()) });
    else if (action === 'resume-notifications') call('settings:set', { notificationsPausedUntil: null });
    else if (action === 'toggle-close-to-tray') prefs.closeToTray = !prefs.closeToTray;
    else if (action === 'toggle-start-at-login') {
      prefs.startAtLogin = !prefs.startAtLogin;
      void applyStartAtLogin(prefs.startAtLogin).catch((err) => logger.warn('start at login not changed', { error: String(err) }));
    }
    savePrefs();
    attention.refresh();
  }

  app.on('activate', focus);
  app.on('window-all-closed', () => {
    if (platform !== 'darwin') app.quit();
  });
  let disposed = false;
  app.on('before-quit', (event) => {
    quitting = true;
    if (disposed) return;
    // Hold the quit until the core has closed its sockets and the store.
    event.preventDefault();
    disposed = true;
    stopWatching();
    stopBatches();
    unregisterIpc();
    notifier.dispose();
    tray.dispose();
    void Promise.allSettled([core.dispose(), demo.close()]).finally(() => app.quit());
  });
}

function fail(err: unknown): void {
  logger.error('start-up failed', { error: err instanceof Error ? err.message : String(err) });
  app.exit(1);
}

process.on('unhandledRejection', (err) => logger.error('unhandled rejection', { error: String(err) }));
