import { useMemo } from 'react';
import { useSlice } from './useStores';

/** `{id, label}` per account, for filter menus. */
export function useAccountOptions(): { id: string; label: string }[] {
  const order = useSlice((s) => s.accounts, (s) => s.order);
  const byId = useSlice((s) => s.accounts, (s) => s.byId);
  return useMemo(() => order.map((id) => ({ id, label: byId[id]?.label ?? id })), [order, byId]);
}
