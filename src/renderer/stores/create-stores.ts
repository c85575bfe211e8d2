import type { Bridge } from '../../shared/ipc/bridge';
import { type AccountsStore, createAccountsStore } from './accounts-store';
import { type ChannelsStore, createChannelsStore } from './channels-store';
import { createInspectorStore, type InspectorStore } from './inspector-store';
import { createMessagesStore, type MessagesStore } from './messages-store';
import { createReviewsStore, type ReviewsStore } from './reviews-store';
import { createSettingsStore, type SettingsStore } from './settings-store';
import { createUiStore, type UiStore } from './ui-store';

export interface Stores {
  bridge: Bridge;
  accounts: AccountsStore;
  channels: ChannelsStore;
  messages: MessagesStore;
  reviews: ReviewsStore;
  inspector: InspectorStore;
  settings: SettingsStore;
  ui: UiStore;
}

export function createStores(bridge: Bridge): Stores {
  return {
    bridge,
    accounts: createAccountsStore(bridge),
    channels: createChannelsStore(bridge),
    messages: createMessagesStore(bridge),
    reviews: createReviewsStore(bridge),
    inspector: createInspectorStore(bridge),
    settings: createSettingsStore(bridge),
    ui: createUiStore(bridge),
  };
}
