import { describe, expect, it } from 'vitest';
import { resolveStaticPath } from '../../../src/main/web/static-files';
import { checkHost, checkUpgrade } from '../../../src/main/web/web-access';

const port = 4321;
const token = 'tok_abcdefghijklmnop';
const ok = { url: `/ipc?token=${token}`, origin: `http://127.0.0.1:${port}`, host: `127.0.0.1:${port}` };

describe('web host access', () => {
  it('accepts only the page it served: path, Host, Origin and token', () => {
    expect(checkUpgrade(ok, port, token)).toEqual({ ok: true });
    expect(checkUpgrade({ ...ok, origin: `http://localhost:${port}`, host: `localhost:${port}` }, port, token)).toEqual({ ok: true });
  });

  it.each([
    ['a foreign origin', { ...ok, origin: 'https://evil.example' }, /foreign Origin/],
    ['no origin', { ...ok, origin: undefined }, /foreign Origin/],
    ['another port', { ...ok, origin: `http://127.0.0.1:${port + 1}` }, /foreign Origin/],
    ['no token', { ...ok, url: '/ipc' }, /token/],
    ['a wrong token', { ...ok, url: '/ipc?token=tok_abcdefghijklmnoX' }, /token/],
    ['a longer token', { ...ok, url: `/ipc?token=${token}x` }, /token/],
    ['another path', { ...ok, url: `/other?token=${token}` }, /unexpected path/],
    ['a rebinding Host', { ...ok, host: `evil.example:${port}` }, /Host/],
    ['no Host', { ...ok, host: undefined }, /Host/],
  ])('refuses %s', (_name, req, reason) => {
    const decision = checkUpgrade(req, port, token);
    expect(decision.ok).toBe(false);
    expect(decision.ok ? '' : decision.reason).toMatch(reason);
  });

  it('refuses plain HTTP under a foreign Host', () => {
    expect(checkHost(`127.0.0.1:${port}`, port).ok).toBe(true);
    expect(checkHost('attacker.test', port).ok).toBe(false);
  });

  it.each(['/../../etc/passwd', '/%2e%2e/%2e%2e/etc/passwd', '/assets/../../secret', '/a\0b', '/%E0%A4%A'])('never serves outside the renderer folder: %s', (path) => {
    const resolved = resolveStaticPath('/srv/renderer', path);
    expect(resolved === null || resolved.startsWith('/srv/renderer/')).toBe(true);
  });

  it('serves index.html for / and files below the root', () => {
    expect(resolveStaticPath('/srv/renderer', '/')).toBe('/srv/renderer/index.html');
    expect(resolveStaticPath('/srv/renderer', '/assets/app.js?v=1')).toBe('/srv/renderer/assets/app.js');
  });
});
