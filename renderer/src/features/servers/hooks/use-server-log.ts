// A server's stderr log: the last lines from `servers.log`, then each new line as it is written.
import { useEffect, useRef, useState } from 'react';
import { control } from '../../../api/control-client.ts';
import type { LogLineInfo } from '../../../api/contract-types.ts';
import { useHubEvent } from '../../../common/hooks/use-hub-event.ts';

const KEEP = 2000;

export function useServerLog(serverId: string) {
  const [lines, setLines] = useState<readonly LogLineInfo[]>([]);
  const [error, setError] = useState<string | undefined>();
  const early = useRef<LogLineInfo[] | undefined>([]);

  useEffect(() => {
    let live = true;
    early.current = [];
    control.call('servers.log', { id: serverId, lines: 500 }).then(
      (tail) => {
        if (!live) return;
        // Lines that arrived while the tail was loading follow it (unless it already has them).
        const last = tail[tail.length - 1]?.at ?? '';
        setLines([...tail, ...(early.current ?? []).filter((l) => l.at > last)].slice(-KEEP));
        early.current = undefined;
      },
      (e: Error) => live && setError(e.message),
    );
    return () => {
      live = false;
    };
  }, [serverId]);

  useHubEvent((event) => {
    if (event.type !== 'server-log' || event.id !== serverId) return;
    if (early.current) early.current.push(event.line);
    else setLines((prev) => (prev.length >= KEEP ? [...prev.slice(-KEEP + 1), event.line] : [...prev, event.line]));
  });

  return { lines, error };
}
