import { bridgeGlobalName } from '../../../src/shared/ipc/bridge';
import { demoBridge } from './demo-bridge';

// Loads the real renderer with a demo bridge in place of the preload's: `?theme=dark&view=channel`.
const params = new URLSearchParams(location.search);
const theme = params.get('theme') === 'dark' ? 'dark' : 'light';
(window as unknown as Record<string, unknown>)[bridgeGlobalName] = demoBridge(theme);
await import('../../../src/renderer/main');
const view = params.get('view');
setTimeout(() => {
  if (view === 'channel') document.querySelector<HTMLElement>('[data-channel-key="acc1/ch1"]')?.click();
  if (view === 'settings' || view === 'inspector') window.dispatchEvent(new KeyboardEvent('keydown', { key: view[0] }));
}, 300);
