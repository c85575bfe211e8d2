import type { EventChannel, InvokeChannel } from '../shared/ipc/contract';

// The contract's channel names, without the contract's zod schemas: the sandboxed preload is
// one small bundle and cannot load npm packages at run time. The Record types make the compiler
// demand exactly the contract's channels, no more and no fewer; a unit test checks it as well.

const invokeNames: Record<InvokeChannel, true> = {
  'app:info': true,
  'state:snapshot': true,
  'accounts:test': true,
  'accounts:add': true,
  'accounts:add-demo': true,
  'accounts:update': true,
  'accounts:remove': true,
  'accounts:reconnect': true,
  'messages:page': true,
  'messages:search': true,
  'channels:read': true,
  'channels:mute': true,
  'reviews:list': true,
  'reviews:snooze': true,
  'settings:set': true,
  'inspector:list': true,
  'ui:focus': true,
  'links:open': true,
};

const eventNames: Record<EventChannel, true> = {
  'core:batch': true,
  'ui:show-review': true,
};

export const preloadInvokeChannels = Object.freeze(Object.keys(invokeNames)) as readonly InvokeChannel[];
export const preloadEventChannels = Object.freeze(Object.keys(eventNames)) as readonly EventChannel[];

export function isPreloadInvokeChannel(name: unknown): name is InvokeChannel {
  return typeof name === 'string' && Object.hasOwn(invokeNames, name);
}
export function isPreloadEventChannel(name: unknown): name is EventChannel {
  return typeof name === 'string' && Object.hasOwn(eventNames, name);
}
