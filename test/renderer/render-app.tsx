import { render, screen, waitFor } from '@testing-library/react';
import { App } from '../../src/renderer/components/App';
import { StoresContext } from '../../src/renderer/hooks/useStores';
import { createStores, type Stores } from '../../src/renderer/stores/create-stores';
import { connectEventFeed } from '../../src/renderer/stores/event-feed';
import { defaultSettings, type AccountView, type ChannelView, type ReviewItem, type Settings } from '../../src/shared/domain';
import { FakeBridge, FakeLink, ok } from './fake-bridge';

export interface Seed {
  accounts?: AccountView[];
  channels?: ChannelView[];
  reviews?: ReviewItem[];
  settings?: Partial<Settings>;
  invalidEvents?: number;
}

export function seed(bridge: FakeBridge, s: Seed): void {
  bridge.handle('state:snapshot', () =>
    ok({
      accounts: s.accounts ?? [],
      channels: s.channels ?? [],
      reviews: s.reviews ?? [],
      settings: { ...defaultSettings, ...s.settings },
      stats: { invalidEvents: s.invalidEvents ?? 0, quarantinedEvents: 0 },
    }),
  );
}

export function renderApp(s?: Seed, bridge = new FakeBridge()): { bridge: FakeBridge; link: FakeLink; stores: Stores } {
  if (s) seed(bridge, s);
  const link = new FakeLink();
  const stores = createStores(bridge);
  connectEventFeed(stores, link);
  render(
    <StoresContext.Provider value={stores}>
      <App link={link} />
    </StoresContext.Provider>,
  );
  return { bridge, link, stores };
}

/** Waits until the snapshot has loaded (the loading state is gone). */
export async function booted(): Promise<void> {
  await waitFor(() => {
    if (screen.queryByText('Loading the companion…')) throw new Error('still loading');
  });
}
