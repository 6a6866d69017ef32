import { useEffect, useRef } from 'react';
import { control } from '../../api/control-client.ts';
import type { HubEvent } from '../../api/contract-types.ts';

/** Calls the handler for every hub event while the component is mounted. */
export function useHubEvent(handler: (event: HubEvent) => void): void {
  const ref = useRef(handler);
  useEffect(() => {
    ref.current = handler;
  });
  useEffect(() => control.subscribe((event) => ref.current(event)), []);
}
