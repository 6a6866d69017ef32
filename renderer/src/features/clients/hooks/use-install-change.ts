// The flow both install dialogs share: a dry run shows the exact change for what the user asked,
// and only a confirmation applies it, for exactly what the dry run was made for.
import { useEffect, useState } from 'react';
import { control } from '../../../api/control-client.ts';
import type { CallParams, InstallResult, UninstallResult } from '../../../api/contract-types.ts';

export type InstallChange =
  | { readonly mode: 'install'; readonly params: Omit<CallParams<'clients.install'>, 'dryRun'> }
  | { readonly mode: 'uninstall'; readonly params: Omit<CallParams<'clients.uninstall'>, 'dryRun'> };

export interface InstallChangeState {
  /** The dry run's answer for the change asked, once it is in. */
  readonly preview: InstallResult | UninstallResult | undefined;
  readonly error: string | undefined;
  readonly busy: boolean;
  /** Applies the change; resolves to its result, or to undefined when it failed (then `error` says why). */
  apply(): Promise<InstallResult | UninstallResult | undefined>;
}

const run = (change: InstallChange, dryRun: boolean) =>
  change.mode === 'install' ? control.call('clients.install', { ...change.params, dryRun }) : control.call('clients.uninstall', { ...change.params, dryRun });

/** `change` undefined: nothing asked yet. A new change (by value) makes a new dry run. */
export function useInstallChange(change: InstallChange | undefined): InstallChangeState {
  const [preview, setPreview] = useState<InstallResult | UninstallResult | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const key = change && JSON.stringify(change);

  useEffect(() => {
    setPreview(undefined);
    setError(undefined);
    if (!key) return;
    let live = true;
    // Rebuilt from the key: a parent passing a new but equal object asks nothing new.
    run(JSON.parse(key) as InstallChange, true).then(
      (result) => live && setPreview(result),
      (e: Error) => live && setError(e.message),
    );
    return () => {
      live = false;
    };
  }, [key]);

  const apply = async () => {
    if (!change) return undefined;
    setBusy(true);
    try {
      return await run(change, false);
    } catch (e) {
      setError((e as Error).message);
      return undefined;
    } finally {
      setBusy(false);
    }
  };

  return { preview, error, busy, apply };
}
