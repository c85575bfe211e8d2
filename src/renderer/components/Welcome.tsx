import { useState } from 'react';
import { useStores } from '../hooks/useStores';
import { AddAccountForm } from './AddAccountForm';

export function Welcome() {
  const stores = useStores();
  const [demo, setDemo] = useState<{ busy: boolean; error: string | null }>({ busy: false, error: null });
  const tryDemo = async (): Promise<void> => {
    setDemo({ busy: true, error: null });
    const r = await stores.accounts.getState().addDemo();
    setDemo({ busy: false, error: r.ok ? null : r.error.message });
  };
  return (
    <div className="view welcome">
      <div className="welcome-card">
        <h2>Connect your first Placet server</h2>
        <p className="lead">
          The companion watches every agent your key can reach, counts down every review, and tells you before anything expires.
        </p>
        <AddAccountForm />
        <div className="welcome-demo">
          <p>No server at hand?</p>
          <button type="button" className="btn" onClick={() => void tryDemo()} disabled={demo.busy}>
            {demo.busy ? 'Starting the demo…' : 'Try the demo'}
          </button>
          {demo.error && (
            <p className="error-text" role="alert">
              Could not start the demo: {demo.error}
            </p>
          )}
        </div>
      </div>
    </div>
  );
}
