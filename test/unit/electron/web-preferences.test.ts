import { describe, expect, it } from 'vitest';
import { secureWebPreferences } from '../../../src/main/electron/web-preferences';

describe('secureWebPreferences', () => {
  const prefs = secureWebPreferences({ preloadPath: '/app/out/preload/index.cjs', devTools: false });

  it('locks the renderer down (QUALITY.md 15)', () => {
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      devTools: false,
    });
  });

  it('sets exactly the reviewed options, so nothing unreviewed slips in', () => {
    expect(Object.keys(prefs).sort()).toEqual(
      [
        'allowRunningInsecureContent',
        'contextIsolation',
        'devTools',
        'disableBlinkFeatures',
        'experimentalFeatures',
        'navigateOnDragDrop',
        'nodeIntegration',
        'nodeIntegrationInSubFrames',
        'nodeIntegrationInWorker',
        'preload',
        'safeDialogs',
        'sandbox',
        'spellcheck',
        'webSecurity',
        'webviewTag',
      ].sort(),
    );
    expect(prefs).not.toHaveProperty('enableBlinkFeatures');
    expect(prefs).not.toHaveProperty('additionalArguments');
  });

  it('uses the given preload bundle and cannot be changed afterwards', () => {
    expect(prefs.preload).toBe('/app/out/preload/index.cjs');
    expect(Object.isFrozen(prefs)).toBe(true);
    expect(() => {
      (prefs as { sandbox: boolean }).sandbox = false;
    }).toThrow(TypeError);
  });

  it('allows DevTools only when asked (unpackaged builds)', () => {
    expect(secureWebPreferences({ preloadPath: 'x', devTools: true }).devTools).toBe(true);
  });
});
