// The catalog's search: the entries for the (debounced) query, page after page, and where they came
// from (the registry, or the offline snapshot when it cannot be reached). A newer query replaces an
// older one's answer even when that one arrives later.
import { useCallback, useEffect, useRef, useState } from 'react';
import { control } from '../../../api/control-client.ts';
import type { CatalogEntryInfo, CatalogOrigin, SkippedEntry } from '../../../api/contract-types.ts';

export interface CatalogSearchState {
  readonly loading: boolean;
  readonly error?: string;
  readonly origin?: CatalogOrigin;
  readonly entries: readonly CatalogEntryInfo[];
  readonly skipped: readonly SkippedEntry[];
  readonly nextCursor?: string;
}

export function useCatalogSearch(query: string) {
  const [state, setState] = useState<CatalogSearchState>({ loading: true, entries: [], skipped: [] });
  const generation = useRef(0);

  const load = useCallback(async (cursor?: string) => {
    const mine = cursor ? generation.current : ++generation.current;
    setState((s) => ({ ...s, loading: true, error: undefined, ...(cursor ? {} : { entries: [], skipped: [], nextCursor: undefined }) }));
    try {
      const page = await control.call('catalog.search', { query: query || undefined, cursor });
      if (mine !== generation.current) return;
      const { entries, skipped, nextCursor, ...origin } = page;
      setState((s) => ({
        loading: false,
        origin,
        entries: cursor ? [...s.entries, ...entries] : entries,
        skipped: cursor ? [...s.skipped, ...skipped] : skipped,
        nextCursor,
      }));
    } catch (error) {
      if (mine === generation.current) setState((s) => ({ ...s, loading: false, error: (error as Error).message }));
    }
  }, [query]);

  useEffect(() => {
    void load();
  }, [load]);

  return { ...state, loadMore: () => state.nextCursor && void load(state.nextCursor), reload: () => void load() };
}
