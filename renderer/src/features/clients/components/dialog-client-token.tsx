// A client's HTTP bearer token, for clients configured by hand: shown only on request, in this
// dialog, and revocable.
import { useState } from 'react';
import { control } from '../../../api/control-client.ts';
import type { ClientRow, TokenResult } from '../../../api/contract-types.ts';
import { Dialog } from '../../../common/components/dialog.tsx';
import { useAction } from '../../../common/hooks/use-action.ts';
import { useHub } from '../../../common/hooks/use-hub.ts';

export function DialogClientToken({ row, onClose, onDone }: { readonly row: ClientRow; readonly onClose: () => void; readonly onDone: () => void }) {
  const [token, setToken] = useState<TokenResult | undefined>();
  const keychain = useHub((s) => s.info?.keychain);
  const noKeychain = keychain?.available === false;
  const reveal = useAction(async () => {
    setToken(await control.call('clients.token', { client: row.id }));
    onDone();
  });
  const revoke = useAction(async () => {
    const result = await control.call('clients.revokeToken', { client: row.id });
    setToken(undefined);
    onDone();
    return result;
  }, (r) => (r.revoked ? `Revoked ${row.label}'s token; its HTTP sessions must use a new one` : 'There was no token to revoke'));

  return (
    <Dialog title={`HTTP token of ${row.label}`} onClose={onClose} size="medium" testId="token-dialog" footer={<button type="button" className="btn" onClick={onClose}>Close</button>}>
      <div className="stack">
        <p>
          Clients that connect over HTTP send this token as <code>Authorization: Bearer …</code>. It is kept in the OS keychain. Installing with the HTTP option writes it
          for you; revoke it if it leaked.
        </p>
        {token ? (
          <dl className="facts">
            <dt>URL</dt>
            <dd>
              <code className="wrap">{token.url ?? 'the HTTP endpoint is not running'}</code>
            </dd>
            <dt>Token</dt>
            <dd>
              <code className="wrap" data-testid="client-token">
                {token.token}
              </code>
            </dd>
          </dl>
        ) : noKeychain ? (
          <p className="callout callout-warn" role="status" data-testid="token-no-keychain">
            MCP Tray cannot issue a token now: tokens are kept only in the OS keychain, and it is unavailable. See “How to fix” in the banner at the top; nothing is ever
            written to a file instead.
          </p>
        ) : (
          <p className="muted">{row.http.tokenIssued ? 'A token is issued.' : 'No token issued yet.'}</p>
        )}
        <div className="button-row">
          <button type="button" className="btn" disabled={reveal.busy || noKeychain} onClick={() => void reveal.run()}>
            {row.http.tokenIssued ? 'Show token' : 'Issue token'}
          </button>
          {(row.http.tokenIssued || token) && (
            <button type="button" className="btn btn-ghost-danger" disabled={revoke.busy} onClick={() => void revoke.run()}>
              Revoke token
            </button>
          )}
        </div>
      </div>
    </Dialog>
  );
}
