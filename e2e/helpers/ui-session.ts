// A signed-in web UI session for tests that call /api directly: what a browser would send.
import type { HubStatus } from '../../electron/hub/contract/contract.ts';
import { cliJson } from './hub-process.ts';

export interface UiSession {
  /** Headers that authenticate a request to /api/* as the signed-in UI. */
  readonly headers: Record<string, string>;
}

/** The UI token from the URL the hub reports (`#token=`), as a bearer header. */
export async function loginThroughOneTimeLink(dataDir: string): Promise<UiSession> {
  const status = await cliJson<HubStatus>(dataDir, ['status']);
  const token = new URL(status.endpoints.ui!).hash.replace('#token=', '');
  return { headers: { authorization: `Bearer ${token}` } };
}
