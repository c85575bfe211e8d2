import { useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { AccountView } from '../../shared/domain';
import { useSlice } from '../hooks/useStores';
import { AccountRow } from './AccountRow';
import { AddAccountForm } from './AddAccountForm';
import { AppearanceSettings } from './AppearanceSettings';
import { NotificationSettings } from './NotificationSettings';

export function SettingsView() {
  const accounts = useSlice((s) => s.accounts, useShallow((s) => s.order.map((id) => s.byId[id]).filter((a): a is AccountView => !!a)));
  const [adding, setAdding] = useState(false);
  return (
    <div className="view settings-view">
      <header className="view-header">
        <h2>Settings</h2>
      </header>
      <section className="settings-section" aria-labelledby="settings-accounts">
        <div className="section-head">
          <h3 id="settings-accounts">Accounts</h3>
          {!adding && (
            <button type="button" className="btn btn-primary" onClick={() => setAdding(true)}>
              Add account
            </button>
          )}
        </div>
        {adding && <AddAccountForm onSaved={() => setAdding(false)} onCancel={() => setAdding(false)} />}
        {accounts.length === 0 && !adding ? (
          <p className="muted">No accounts yet. Add one to start watching its agents.</p>
        ) : (
          <ul className="account-list">
            {accounts.map((a) => (
              <AccountRow key={a.accountId} account={a} />
            ))}
          </ul>
        )}
      </section>
      <NotificationSettings />
      <AppearanceSettings />
    </div>
  );
}
