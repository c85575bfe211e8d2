import { useEffect } from 'react';
import type { HostLink } from '../bridge/host-link';
import { useFocusReporter } from '../hooks/useFocusReporter';
import { useKeyboardShortcuts } from '../hooks/useKeyboardShortcuts';
import { useSlice, useStores } from '../hooks/useStores';
import { loadSnapshot } from '../stores/event-feed';
import { Announcer } from './Announcer';
import { ChannelView } from './ChannelView';
import { ConnectionBanner } from './ConnectionBanner';
import { HelpOverlay } from './HelpOverlay';
import { InspectorView } from './InspectorView';
import { ReviewQueue } from './ReviewQueue';
import { SearchView } from './SearchView';
import { SettingsView } from './SettingsView';
import { Sidebar } from './Sidebar';
import { StatusBar } from './StatusBar';
import { TopBar } from './TopBar';
import { Welcome } from './Welcome';

function useTheme(): void {
  const theme = useSlice((s) => s.settings, (s) => s.settings.theme);
  useEffect(() => {
    document.documentElement.dataset.theme = theme;
  }, [theme]);
}

function MainView() {
  const stores = useStores();
  const view = useSlice((s) => s.ui, (s) => s.view);
  const selected = useSlice((s) => s.ui, (s) => s.selected);
  const boot = useSlice((s) => s.ui, (s) => s.boot);
  const bootError = useSlice((s) => s.ui, (s) => s.bootError);
  const noAccounts = useSlice((s) => s.accounts, (s) => s.order.length === 0);

  if (boot === 'loading')
    return (
      <div className="view-state boot" role="status">
        Loading the companion…
      </div>
    );
  if (boot === 'error')
    return (
      <div className="view-state error" role="alert">
        <h2>Could not load the companion’s state</h2>
        <p>{bootError}</p>
        <button type="button" className="btn" onClick={() => void loadSnapshot(stores)}>
          Try again
        </button>
      </div>
    );
  if (view === 'inspector') return <InspectorView />;
  if (view === 'settings') return <SettingsView />;
  if (noAccounts) return <Welcome />;
  if (view === 'search') return <SearchView />;
  if (view === 'channel' && selected) return <ChannelView key={`${selected.accountId}/${selected.channelId}`} selected={selected} />;
  return <ReviewQueue />;
}

export function App({ link }: { link: HostLink }) {
  useKeyboardShortcuts();
  useFocusReporter();
  useTheme();
  return (
    <div className="app">
      <ConnectionBanner link={link} />
      <div className="app-body">
        <Sidebar />
        <main className="main" id="main">
          <TopBar />
          <MainView />
        </main>
      </div>
      <StatusBar />
      <Announcer />
      <HelpOverlay />
    </div>
  );
}
