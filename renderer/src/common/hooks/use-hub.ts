import { useSyncExternalStore } from 'react';
import { hubStore, type HubState } from '../state/hub-store.ts';

/** The part of the hub state a component needs; re-renders when that part changes. */
export function useHub<T>(select: (state: HubState) => T): T {
  return useSyncExternalStore(hubStore.subscribe, () => select(hubStore.getState()));
}
