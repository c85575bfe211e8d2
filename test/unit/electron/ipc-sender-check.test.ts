import { describe, expect, it } from 'vitest';
import { checkIpcSender, type IpcSenderFacts } from '../../../src/main/electron/ipc-sender-check';

const policy = { trustedOrigins: ['app://companion'], isOurWebContents: (id: number) => id === 7 };
const good: IpcSenderFacts = { channel: 'state:snapshot', frameUrl: 'app://companion/index.html', isMainFrame: true, webContentsId: 7 };

describe('checkIpcSender', () => {
  it('accepts our window’s main frame on a contract channel', () => {
    expect(checkIpcSender(good, policy)).toEqual({ ok: true });
    expect(checkIpcSender({ ...good, frameUrl: 'app://companion/index.html#/reviews?x=1' }, policy)).toEqual({ ok: true });
  });

  it.each<[string, Partial<IpcSenderFacts>, string]>([
    ['unknown channel', { channel: 'shell:exec' }, 'unknown-channel'],
    ['prototype key as channel', { channel: '__proto__' }, 'unknown-channel'],
    ['non-string channel', { channel: 42 }, 'unknown-channel'],
    ['frame gone', { frameUrl: null }, 'no-frame'],
    ['subframe', { isMainFrame: false }, 'subframe'],
    ['malformed URL', { frameUrl: 'not a url' }, 'malformed-url'],
    ['opaque URL', { frameUrl: 'about:blank' }, 'malformed-url'],
    ['data URL', { frameUrl: 'data:text/html,<script>1</script>' }, 'malformed-url'],
    ['file URL', { frameUrl: 'file:///tmp/evil.html' }, 'malformed-url'],
    ['wrong origin', { frameUrl: 'https://evil.example/index.html' }, 'wrong-origin'],
    ['look-alike host', { frameUrl: 'app://companion.evil/index.html' }, 'wrong-origin'],
    ['other port', { frameUrl: 'app://companion:8080/index.html' }, 'wrong-origin'],
    ['other scheme, same host', { frameUrl: 'http://companion/index.html' }, 'wrong-origin'],
    ['credentials trick', { frameUrl: 'https://app:companion@evil.example/' }, 'wrong-origin'],
    ['foreign webContents', { webContentsId: 8 }, 'foreign-contents'],
  ])('rejects %s', (_name, change, reason) => {
    expect(checkIpcSender({ ...good, ...change }, policy)).toEqual({ ok: false, reason });
  });

  it('checks the frame before the origin, so a subframe of our origin is still refused', () => {
    expect(checkIpcSender({ ...good, isMainFrame: false, frameUrl: 'app://companion/frame.html' }, policy)).toEqual({ ok: false, reason: 'subframe' });
  });

  it('accepts the dev server origin only when it is listed', () => {
    const dev = { ...good, frameUrl: 'http://localhost:5173/' };
    expect(checkIpcSender(dev, policy).ok).toBe(false);
    expect(checkIpcSender(dev, { ...policy, trustedOrigins: ['app://companion', 'http://localhost:5173'] }).ok).toBe(true);
  });
});
