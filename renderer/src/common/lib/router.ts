// Hash routes (`#/servers/git`): the same build loads from file:// in Electron and from the hub in a
// browser, so the path part of the URL is never used.
import { useSyncExternalStore } from 'react';

export const VIEWS = ['servers', 'catalog', 'clients', 'activity', 'approvals', 'settings'] as const;
export type View = (typeof VIEWS)[number];

export interface Route {
  readonly view: View;
  /** The item the view shows, e.g. a server id. */
  readonly item?: string;
}

function parse(hash: string): Route {
  const [view, item] = hash.replace(/^#\/?/, '').split('/');
  const known = VIEWS.find((v) => v === view);
  return known ? { view: known, item: item ? decodeURIComponent(item) : undefined } : { view: 'servers' };
}

let current = parse(window.location.hash);
const listeners = new Set<() => void>();
window.addEventListener('hashchange', () => {
  current = parse(window.location.hash);
  for (const listener of listeners) listener();
});

export function navigate(view: View, item?: string): void {
  window.location.hash = `#/${view}${item ? `/${encodeURIComponent(item)}` : ''}`;
}

export function hrefTo(view: View, item?: string): string {
  return `#/${view}${item ? `/${encodeURIComponent(item)}` : ''}`;
}

export function useRoute(): Route {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => current,
  );
}
