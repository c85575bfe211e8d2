import { originOf } from './origin';

export interface PermissionQuery {
  permission: string;
  /** The URL (request handler) or origin (check handler) asking. */
  requestingUrl: string;
  /** False for requests from subframes; unknown counts as false. */
  isMainFrame: boolean;
}

/**
 * Permissions the UI actually uses. Copy buttons write to the clipboard; everything else
 * (camera, microphone, geolocation, notifications from the page — main shows those natively —,
 * MIDI, HID, serial, screen capture, pointer lock, fullscreen, …) is denied.
 */
const allowedPermissions = new Set(['clipboard-sanitized-write']);

/** Used for both session.setPermissionRequestHandler and setPermissionCheckHandler. */
export function decidePermission(query: PermissionQuery, trustedOrigins: readonly string[]): boolean {
  if (!allowedPermissions.has(query.permission)) return false;
  if (!query.isMainFrame) return false;
  const origin = originOf(query.requestingUrl);
  return origin !== null && trustedOrigins.includes(origin);
}
