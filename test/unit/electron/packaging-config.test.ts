import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
// electron-builder's own loader and schema validator (it ships them in app-builder-lib and
// builder-util, its dependencies), so the test reads the config exactly as `npm run dist` will.
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config.js';
import { DebugLogger } from 'builder-util';
import { describe, expect, it } from 'vitest';
import { appId, deepLinkScheme, desktopFileName, executableName, productName } from '../../../src/main/electron/app-identity';

const root = join(import.meta.dirname, '../../..');

describe('electron-builder.yml', async () => {
  const config = await getConfig(root, 'electron-builder.yml', null);

  it('passes electron-builder’s schema', async () => {
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
  });

  it('flips the security fuses', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
      enableCookieEncryption: true,
    });
  });

  it('names the app as the running app does (AppUserModelID, .desktop, deep links)', () => {
    expect(config.appId).toBe(appId);
    expect(config.productName).toBe(productName);
    expect(config.executableName).toBe(executableName);
    expect(config.extraMetadata).toMatchObject({ desktopName: desktopFileName });
    expect(config.protocols).toEqual([expect.objectContaining({ schemes: [deepLinkScheme] })]);
    expect(config.linux?.desktop?.entry).toMatchObject({ StartupWMClass: executableName, MimeType: `x-scheme-handler/${deepLinkScheme};` });
  });

  it('builds AppImage, deb, dmg and nsis', () => {
    expect(config.linux?.target).toEqual(['AppImage', 'deb']);
    expect(config.mac?.target).toBe('dmg');
    expect(config.win?.target).toBe('nsis');
  });

  it('keeps keytar’s native module outside the asar and ships the tray images', () => {
    expect(config.asar).toBe(true);
    expect(config.asarUnpack).toContain('node_modules/keytar/**/*');
    expect(config.extraResources).toContainEqual({ from: 'build/tray', to: 'tray' });
  });

  it('points at icons that exist', () => {
    expect(existsSync(join(root, 'build/icon.png'))).toBe(true);
    for (const size of [16, 32, 48, 128, 256, 512]) expect(existsSync(join(root, `build/icons/${size}x${size}.png`))).toBe(true);
    for (const state of ['ok', 'attention', 'problem']) expect(existsSync(join(root, `build/tray/tray-${state}.png`))).toBe(true);
    const png = readFileSync(join(root, 'build/icon.png'));
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect(png.readUInt32BE(16)).toBeGreaterThanOrEqual(512);
  });
});
