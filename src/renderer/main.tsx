import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { selectBridge } from './bridge/select-bridge';
import { App } from './components/App';
import { MissingToken } from './components/MissingToken';
import { StoresContext } from './hooks/useStores';
import { createStores } from './stores/create-stores';
import { connectEventFeed } from './stores/event-feed';
import './styles/theme.css';
import './styles/layout.css';
import './styles/components.css';

const root = createRoot(document.getElementById('root') as HTMLElement);
const host = selectBridge();
if (!host.ok) {
  root.render(<MissingToken />);
} else {
  const stores = createStores(host.bridge);
  connectEventFeed(stores, host.link);
  root.render(
    <StrictMode>
      <StoresContext.Provider value={stores}>
        <App link={host.link} />
      </StoresContext.Provider>
    </StrictMode>,
  );
}
