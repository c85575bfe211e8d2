import { useEffect } from 'react';
import type { Stores } from '../stores/create-stores';
import { useStores } from './useStores';

export const searchInputId = 'global-search';

export const shortcutList: { keys: string; what: string }[] = [
  { keys: 'j / k', what: 'Next / previous item in the queue, feed or list' },
  { keys: 'Enter', what: 'Open the selected item' },
  { keys: '/', what: 'Search messages' },
  { keys: 'r', what: 'Reviews' },
  { keys: 'i', what: 'Inspector' },
  { keys: 's', what: 'Settings' },
  { keys: '[ / ]', what: 'Previous / next channel' },
  { keys: 'a', what: 'Show or hide the agent panel' },
  { keys: '?', what: 'This help' },
  { keys: 'Esc', what: 'Close this help' },
];

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  const tag = target.tagName;
  return tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT' || target.isContentEditable;
}

/** Moves focus among the `[data-nav-item]` elements of the main area (roving focus). */
function moveFocus(step: 1 | -1): void {
  const root = document.getElementById('main') ?? document.body;
  const items = Array.from(root.querySelectorAll<HTMLElement>('[data-nav-item]'));
  if (items.length === 0) return;
  const at = items.findIndex((el) => el === document.activeElement || el.contains(document.activeElement));
  const next = at === -1 ? (step === 1 ? 0 : items.length - 1) : Math.min(items.length - 1, Math.max(0, at + step));
  const el = items[next];
  el?.focus();
  el?.scrollIntoView?.({ block: 'nearest' });
}

function openFocused(): boolean {
  const el = document.activeElement;
  if (!(el instanceof HTMLElement) || !el.hasAttribute('data-nav-item') || el.tagName === 'BUTTON') return false;
  const action = el.querySelector<HTMLElement>('[data-nav-open]');
  if (!action) return false;
  action.click();
  return true;
}

function stepChannel(stores: Stores, step: 1 | -1): void {
  const buttons = Array.from(document.querySelectorAll<HTMLElement>('[data-channel-key]'));
  const sel = stores.ui.getState().selected;
  const current = sel ? buttons.findIndex((b) => b.dataset.channelKey === `${sel.accountId}/${sel.channelId}`) : -1;
  const next = buttons[current === -1 ? 0 : Math.min(buttons.length - 1, Math.max(0, current + step))];
  next?.click();
}

export function handleShortcut(stores: Stores, e: KeyboardEvent): boolean {
  const ui = stores.ui.getState();
  if (e.key === 'Escape' && ui.helpOpen) {
    ui.setHelpOpen(false);
    return true;
  }
  if (e.ctrlKey || e.metaKey || e.altKey || isTyping(e.target)) return false;
  switch (e.key) {
    case '?':
      ui.setHelpOpen(!ui.helpOpen);
      return true;
    case '/':
      document.getElementById(searchInputId)?.focus();
      return true;
    case 'j':
      moveFocus(1);
      return true;
    case 'k':
      moveFocus(-1);
      return true;
    case 'Enter':
      return openFocused();
    case 'r':
      ui.setView('reviews');
      return true;
    case 'i':
      ui.setView('inspector');
      return true;
    case 's':
      ui.setView('settings');
      return true;
    case 'a':
      ui.toggleAgentPanel();
      return true;
    case '[':
      stepChannel(stores, -1);
      return true;
    case ']':
      stepChannel(stores, 1);
      return true;
    default:
      return false;
  }
}

export function useKeyboardShortcuts(): void {
  const stores = useStores();
  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      if (handleShortcut(stores, e)) e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [stores]);
}
