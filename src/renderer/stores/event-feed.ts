import type { Batch, EventPayload } from '../../shared/ipc/contract';
import type { HostLink } from '../bridge/host-link';
import type { Stores } from './create-stores';

// The one place pushed events enter the renderer: batches and show-review requests from main are
// fanned out to the stores here, and nowhere else subscribes to the bridge.

export function applyBatch(stores: Stores, batch: Batch): void {
  if (batch.accounts) stores.accounts.getState().upsert(batch.accounts);
  if (batch.removedAccounts?.length) {
    const ids = batch.removedAccounts;
    stores.accounts.getState().removeLocal(ids);
    stores.channels.getState().removeAccounts(ids);
    stores.reviews.getState().removeAccounts(ids);
    stores.messages.getState().forgetAccounts(ids);
    const sel = stores.ui.getState().selected;
    if (sel && ids.includes(sel.accountId)) stores.ui.getState().setView('reviews');
  }
  if (batch.channels) stores.channels.getState().upsert(batch.channels);
  if (batch.messages) stores.messages.getState().upsert(batch.messages);
  if (batch.reviews) stores.reviews.getState().upsert(batch.reviews);
  if (batch.inspector) stores.inspector.getState().append(batch.inspector);
  if (batch.stats) stores.inspector.getState().setStats(batch.stats);
  if (batch.settings) stores.settings.getState().replace(batch.settings);
  if (batch.notices) stores.ui.getState().addNotices(batch.notices);
}

export async function showReview(stores: Stores, req: EventPayload<'ui:show-review'>): Promise<void> {
  const ref = { accountId: req.accountId, channelId: req.channelId };
  stores.ui.getState().openChannel(ref, req.messageId);
  await stores.messages.getState().reveal(ref, req.messageId);
}

/** Loads the snapshot, then keeps the stores fed. Re-reads the snapshot after the host link recovers. */
export async function loadSnapshot(stores: Stores): Promise<void> {
  const r = await stores.bridge.invoke('state:snapshot', {});
  if (!r.ok) {
    stores.ui.getState().setBoot('error', r.error.message);
    return;
  }
  const s = r.value;
  stores.accounts.getState().replaceAll(s.accounts);
  stores.channels.getState().replaceAll(s.channels);
  stores.reviews.getState().replaceAll(s.reviews);
  stores.settings.getState().replace(s.settings);
  stores.inspector.getState().setStats(s.stats);
  stores.ui.getState().setBoot('ready');
}

export function connectEventFeed(stores: Stores, link: HostLink): () => void {
  const offBatch = stores.bridge.on('core:batch', (batch) => applyBatch(stores, batch));
  const offShow = stores.bridge.on('ui:show-review', (req) => void showReview(stores, req));
  let wasLost = false;
  const offLink = link.subscribe((status) => {
    if (status === 'lost') wasLost = true;
    if (status === 'open' && wasLost) {
      wasLost = false;
      // Batches pushed while the link was down are gone: start again from a snapshot.
      void loadSnapshot(stores).then(() => stores.messages.getState().resync());
    }
  });
  void stores.bridge.invoke('app:info', {}).then((r) => {
    if (r.ok) stores.ui.getState().setHost(r.value);
  });
  void loadSnapshot(stores);
  return () => {
    offBatch();
    offShow();
    offLink();
  };
}
