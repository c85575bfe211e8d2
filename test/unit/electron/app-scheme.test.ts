import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { appContentSecurityPolicy, appOrigin, appSchemePrivileges, contentTypeFor, resolveAppPath } from '../../../src/main/electron/app-scheme';

const root = resolve('/srv/app/out/renderer');

describe('resolveAppPath', () => {
  it.each([
    ['app://companion/', 'index.html'],
    ['app://companion', 'index.html'],
    ['app://companion/index.html', 'index.html'],
    ['app://companion/assets/index-abc.js', 'assets/index-abc.js'],
    ['app://companion/assets/a%20b.css', 'assets/a b.css'],
    ['app://companion/assets/x.js?v=1#h', 'assets/x.js'],
    ['app://companion/a/../index.html', 'index.html'],
  ])('serves %s from the root', (url, rel) => {
    expect(resolveAppPath(root, url)).toEqual({ ok: true, filePath: join(root, rel) });
  });

  it.each([
    // The URL parser removes dot segments (encoded ones too): what is left stays in the root.
    ['app://companion/../../etc/passwd', 200],
    ['app://companion/%2e%2e/%2e%2e/etc/passwd', 200],
    ['app://companion/assets/%2e%2e%2f%2e%2e%2f%2e%2e%2fetc/passwd', 404],
    ['app://companion/..%2f..%2fsecret', 404],
    ['app://companion/%2Fetc%2Fpasswd', 200],
    ['app://companion/..%5c..%5cwindows', 400],
    ['app://companion/a\\..\\..\\b', 400],
    ['app://companion/index.html%00.png', 400],
    ['app://companion/%E0%A4%A', 400],
    ['app://evil/index.html', 404],
    ['app://companion.evil/index.html', 404],
    ['file:///etc/passwd', 404],
    ['https://companion/index.html', 404],
    ['not a url', 400],
  ])('refuses or contains %s', (url, status) => {
    const result = resolveAppPath(root, url);
    if (status === 200) {
      expect(result.ok && result.filePath.startsWith(`${root}/`)).toBe(true);
    } else {
      expect(result).toEqual({ ok: false, status });
    }
  });

  it('never resolves outside the root, whatever the path', () => {
    const tricks = ['..', '%2e.', '.%2e', '%2E%2E', '....//', '..;/', '%252e%252e'];
    for (const t of tricks) {
      const result = resolveAppPath(root, `app://companion/${t}/${t}/${t}/etc/passwd`);
      if (result.ok) expect(result.filePath.startsWith(`${root}/`)).toBe(true);
    }
  });
});

describe('app scheme', () => {
  it('is a privileged standard, secure scheme with a real origin', () => {
    expect(appSchemePrivileges).toEqual({ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) });
    expect(appOrigin).toBe('app://companion');
  });

  it('has a strict CSP: no inline or remote script, no frames, no plugins', () => {
    const directives = Object.fromEntries(appContentSecurityPolicy.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1)]));
    expect(directives['default-src']).toEqual(["'none'"]);
    expect(directives['script-src']).toEqual(["'self'"]);
    expect(directives['object-src']).toEqual(["'none'"]);
    expect(directives['frame-ancestors']).toEqual(["'none'"]);
    expect(directives['base-uri']).toEqual(["'none'"]);
    expect(directives['connect-src']).toEqual(["'self'"]);
    expect(appContentSecurityPolicy).not.toMatch(/unsafe-eval|unsafe-inline/);
  });

  it('types what the renderer bundle contains', () => {
    expect(contentTypeFor('/x/index.html')).toBe('text/html; charset=utf-8');
    expect(contentTypeFor('/x/a.JS')).toBe('text/javascript; charset=utf-8');
    expect(contentTypeFor('/x/a.woff2')).toBe('font/woff2');
    expect(contentTypeFor('/x/unknown.bin')).toBe('application/octet-stream');
  });
});
