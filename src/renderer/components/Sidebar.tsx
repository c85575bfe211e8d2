import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { AccountView, ChannelView } from '../../shared/domain';
import { useNow } from '../hooks/useNow';
import { useSlice, useStores } from '../hooks/useStores';
import { connectionProblem, connectionText, distinctAccountLabels } from '../lib/format';
import type { View } from '../stores/ui-store';
import { ChannelRow } from './ChannelRow';
import { effectiveStatus } from './ReviewStatePill';

const byActivity = (a: ChannelView, b: ChannelView): number =>
  (b.lastMessageAt ?? '').localeCompare(a.lastMessageAt ?? '') || a.name.localeCompare(b.name);

function NavButton({ view, label, shortcut, current, badge, onSelect }: { view: View; label: string; shortcut: string; current: View; badge?: string; onSelect: (v: View) => void }) {
  const badgeId = `nav-badge-${view}`;
  return (
    <button
      type="button"
      className="nav-item"
      aria-label={label}
      aria-current={current === view ? 'page' : undefined}
      aria-describedby={badge ? badgeId : undefined}
      aria-keyshortcuts={shortcut}
      onClick={() => onSelect(view)}
    >
      <span className="nav-label">{label}</span>
      {badge && (
        <span id={badgeId} className="badge badge-urgent">
          {badge}
        </span>
      )}
    </button>
  );
}

function AccountGroup({ account, label, channels }: { account: AccountView; label: string; channels: ChannelView[] }) {
  const now = useNow(1_000);
  const problem = connectionProblem(account.connection) || account.connection.status === 'disabled';
  return (
    <section className="account-group" aria-label={`Account ${label}`}>
      <h3 className="account-head">
        <span className="account-label" dir="auto" title={account.serverUrl}>
          {label}
        </span>
        {problem && (
          <span className={`conn-marker conn-${account.connection.status}`}>
            <span aria-hidden="true">⚠ </span>
            {connectionText(account.connection, now)}
          </span>
        )}
      </h3>
      {channels.length === 0 ? (
        <p className="sidebar-empty">{account.connection.status === 'connected' ? 'No agents on this key.' : 'No agents yet.'}</p>
      ) : (
        <ul className="channel-list">
          {channels.map((c) => (
            <ChannelRow key={c.channelId} channel={c} connectionProblem={problem} />
          ))}
        </ul>
      )}
    </section>
  );
}

export function Sidebar() {
  const stores = useStores();
  const view = useSlice((s) => s.ui, (s) => s.view);
  const accounts = useSlice((s) => s.accounts, useShallow((s) => s.order.map((id) => s.byId[id]).filter((a): a is AccountView => !!a)));
  const channels = useSlice((s) => s.channels, useShallow((s) => Object.values(s.byKey)));
  const reviews = useSlice((s) => s.reviews, useShallow((s) => Object.values(s.byKey)));
  const invalid = useSlice((s) => s.inspector, (s) => s.stats.invalidEvents);
  const now = useNow(5_000);
  const pendingCount = reviews.filter((r) => effectiveStatus(r.status, r.expiresAt, now) === 'pending').length;
  const grouped = useMemo(() => {
    const m = new Map<string, ChannelView[]>();
    for (const c of channels) m.set(c.accountId, [...(m.get(c.accountId) ?? []), c]);
    for (const list of m.values()) list.sort(byActivity);
    return m;
  }, [channels]);
  const labels = useMemo(() => distinctAccountLabels(accounts), [accounts]);
  const select = (v: View): void => stores.ui.getState().setView(v);

  return (
    <nav className="sidebar" aria-label="Navigation">
      <div className="brand">
        <span className="brand-mark" aria-hidden="true">
          P
        </span>
        Placet Companion
      </div>
      <div className="nav-views">
        <NavButton view="reviews" label="Reviews" shortcut="r" current={view} badge={pendingCount ? `${pendingCount} pending` : undefined} onSelect={select} />
        <NavButton view="inspector" label="Inspector" shortcut="i" current={view} badge={invalid ? `${invalid} invalid` : undefined} onSelect={select} />
        <NavButton view="settings" label="Settings" shortcut="s" current={view} onSelect={select} />
      </div>
      <div className="sidebar-accounts">
        {accounts.map((a) => (
          <AccountGroup key={a.accountId} account={a} label={labels.get(a.accountId) ?? a.label} channels={grouped.get(a.accountId) ?? []} />
        ))}
      </div>
    </nav>
  );
}
