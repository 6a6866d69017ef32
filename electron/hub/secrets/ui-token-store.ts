// Where the web UI's token lives: in the OS keychain (account `ui:token`) where there is one, so a
// signed-in browser tab keeps working after the hub restarts; without a keychain, only in memory,
// new at each start (nothing falls back to a file). See http/ui-auth.ts for what the token is.
import { newUiToken } from '../http/ui-auth.ts';
import { accounts, type SecretStore } from './keychain.ts';

export interface UiTokenChoice {
  readonly token: string;
  /** Kept in the keychain (survives a restart). */
  readonly persisted: boolean;
}

const WELL_FORMED = /^[A-Za-z0-9_-]{32,}$/;

export async function loadUiToken(keychain: SecretStore): Promise<UiTokenChoice> {
  if (!(await keychain.status()).available) return { token: newUiToken(), persisted: false };
  try {
    const kept = await keychain.get(accounts.uiToken);
    if (kept && WELL_FORMED.test(kept)) return { token: kept, persisted: true };
    return await storeNew(keychain);
  } catch {
    return { token: newUiToken(), persisted: false };
  }
}

/** A new token, kept where the old one was. */
export async function rotateUiToken(keychain: SecretStore): Promise<UiTokenChoice> {
  if (!(await keychain.status()).available) return { token: newUiToken(), persisted: false };
  return storeNew(keychain);
}

async function storeNew(keychain: SecretStore): Promise<UiTokenChoice> {
  const token = newUiToken();
  try {
    await keychain.set(accounts.uiToken, token);
    return { token, persisted: true };
  } catch {
    // The old token must not come back at the next start.
    await keychain.delete(accounts.uiToken).catch(() => false);
    return { token, persisted: false };
  }
}
