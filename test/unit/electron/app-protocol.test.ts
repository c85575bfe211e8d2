import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createAppRequestHandler } from '../../../src/main/electron/app-protocol';
import { appContentSecurityPolicy } from '../../../src/main/electron/app-scheme';

const root = resolve('/srv/renderer');
const files = new Map([
  [join(root, 'index.html'), '<!doctype html><title>x</title>'],
  [join(root, 'assets/app.js'), 'console.log(1)'],
]);
const handler = createAppRequestHandler({
  rootDir: root,
  readFile: async (path) => {
    const text = files.get(path);
    if (text === undefined) throw Object.assign(new Error(`ENOENT: ${path}`), { code: 'ENOENT' });
    return Buffer.from(text);
  },
});

describe('app:// request handler', () => {
  it('serves the bundle with its type and the CSP header', async () => {
    const res = await handler(new Request('app://companion/'));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('content-security-policy')).toBe(appContentSecurityPolicy);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await res.text()).toContain('<!doctype html>');
    const js = await handler(new Request('app://companion/assets/app.js'));
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
  });

  it('answers 404 without file system details for missing files and traversal', async () => {
    for (const url of ['app://companion/missing.js', 'app://companion/..%2f..%2fetc/passwd', 'app://other/index.html']) {
      const res = await handler(new Request(url));
      expect(res.status).toBe(404);
      expect(await res.text()).toBe('');
      expect(res.headers.get('content-security-policy')).toBe(appContentSecurityPolicy);
    }
  });

  it('refuses methods other than GET and HEAD', async () => {
    const res = await handler(new Request('app://companion/index.html', { method: 'POST', body: 'x' }));
    expect(res.status).toBe(405);
    const head = await handler(new Request('app://companion/index.html', { method: 'HEAD' }));
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });
});
