import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import { guardWebContents, type GuardedContents, type NavigationEvent } from '../../../src/main/electron/web-contents-guard';

function fakeContents() {
  const emitter = new EventEmitter();
  let openHandler: ((d: { url: string }) => { action: 'deny' }) | null = null;
  const contents: GuardedContents = {
    on: (event, listener) => emitter.on(event, listener),
    setWindowOpenHandler: (h) => {
      openHandler = h;
    },
  };
  const fire = (name: string, extra: Partial<NavigationEvent> = {}) => {
    const event = { preventDefault: vi.fn(), ...extra };
    emitter.emit(name, event);
    return event.preventDefault;
  };
  return { contents, fire, open: (url: string) => openHandler?.({ url }) };
}

describe('guardWebContents', () => {
  const setup = () => {
    const fake = fakeContents();
    const deps = { openExternal: vi.fn(), onBlocked: vi.fn() };
    guardWebContents(fake.contents, deps);
    return { ...fake, deps };
  };

  it('refuses navigation, redirects and webviews', () => {
    const { fire, deps } = setup();
    expect(fire('will-navigate', { url: 'https://evil.example/' })).toHaveBeenCalled();
    expect(fire('will-redirect', { url: 'https://evil.example/' })).toHaveBeenCalled();
    expect(fire('will-attach-webview')).toHaveBeenCalled();
    expect(deps.onBlocked.mock.calls.map((c) => c[0])).toEqual(['navigation', 'redirect', 'webview']);
  });

  it('refuses subframe navigation and leaves main-frame ones to will-navigate', () => {
    const { fire } = setup();
    expect(fire('will-frame-navigate', { url: 'https://evil.example/', isMainFrame: false })).toHaveBeenCalled();
    expect(fire('will-frame-navigate', { url: 'app://companion/index.html', isMainFrame: true })).not.toHaveBeenCalled();
  });

  it('denies every new window; safe links go to the browser, others nowhere', () => {
    const { open, deps } = setup();
    expect(open('https://docs.placet.io/')).toEqual({ action: 'deny' });
    expect(deps.openExternal).toHaveBeenCalledWith('https://docs.placet.io/');
    for (const url of ['javascript:alert(1)', 'file:///etc/passwd', 'app://companion/index.html', 'about:blank', 'https://a@evil.example/']) {
      expect(open(url)).toEqual({ action: 'deny' });
    }
    expect(deps.openExternal).toHaveBeenCalledTimes(1);
    expect(deps.onBlocked).toHaveBeenCalledTimes(5);
  });
});
