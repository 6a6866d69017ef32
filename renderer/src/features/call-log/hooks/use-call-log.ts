import { useCallback, useEffect, useState, useSyncExternalStore } from 'react';
import { CallLogList, type CallLogSnapshot } from '../lib/call-log-list.ts';
import type { LogFilters } from '../lib/log-filters.ts';

/** The call log for these filters, live; a new list (and first page) whenever the filters change. */
export function useCallLog(filters: LogFilters): { snapshot: CallLogSnapshot; loadMore: () => void } {
  const key = JSON.stringify(filters);
  const [list, setList] = useState(() => new CallLogList(filters));
  useEffect(() => {
    const next = new CallLogList(JSON.parse(key) as LogFilters);
    setList(next);
    next.start();
    return () => next.stop();
  }, [key]);
  const snapshot = useSyncExternalStore(list.subscribe, list.getSnapshot);
  const loadMore = useCallback(() => void list.loadMore(), [list]);
  return { snapshot, loadMore };
}
