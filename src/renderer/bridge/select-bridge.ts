import { type Bridge, bridgeGlobalName } from '../../shared/ipc/bridge';
import { alwaysOpenLink, type HostLink } from './host-link';
import { createWebSocketBridge, webIpcUrl } from './web-socket-bridge';

export type HostConnection =
  | { ok: true; bridge: Bridge; link: HostLink }
  | { ok: false; reason: 'missing-token' };

/** Electron's preload exposes the bridge on `window`; in a browser we dial the web host ourselves. */
export function selectBridge(win: Window & typeof globalThis = window): HostConnection {
  const exposed = (win as unknown as Record<string, Bridge | undefined>)[bridgeGlobalName];
  if (exposed) return { ok: true, bridge: exposed, link: alwaysOpenLink() };
  const url = webIpcUrl(win.location);
  if (!url) return { ok: false, reason: 'missing-token' };
  const bridge = createWebSocketBridge({ url });
  return { ok: true, bridge, link: bridge.link };
}
