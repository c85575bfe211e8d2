import { describe, expect, it } from 'vitest';
import { decidePermission } from '../../../src/main/electron/permission-policy';

const trusted = ['app://companion'];
const ask = (permission: string, requestingUrl = 'app://companion/index.html', isMainFrame = true) => decidePermission({ permission, requestingUrl, isMainFrame }, trusted);

describe('decidePermission', () => {
  it('allows clipboard writes from our main frame (copy buttons)', () => {
    expect(ask('clipboard-sanitized-write')).toBe(true);
    expect(ask('clipboard-sanitized-write', 'app://companion')).toBe(true);
  });

  it.each([
    'media',
    'geolocation',
    'notifications',
    'midi',
    'midiSysex',
    'pointerLock',
    'fullscreen',
    'openExternal',
    'display-capture',
    'clipboard-read',
    'hid',
    'serial',
    'usb',
    'idle-detection',
    'storage-access',
    'window-management',
    'unknown',
    'speaker-selection',
    'keyboardLock',
    'fileSystem',
  ])('denies %s', (permission) => {
    expect(ask(permission)).toBe(false);
  });

  it('denies even allowed permissions to other origins and subframes', () => {
    expect(ask('clipboard-sanitized-write', 'https://evil.example/')).toBe(false);
    expect(ask('clipboard-sanitized-write', 'app://companion.evil/')).toBe(false);
    expect(ask('clipboard-sanitized-write', 'not a url')).toBe(false);
    expect(ask('clipboard-sanitized-write', '')).toBe(false);
    expect(ask('clipboard-sanitized-write', 'app://companion/index.html', false)).toBe(false);
  });
});
