// A remote server's sign-in (docs/oauth.md): a Sign in button when it waits for one, the page to
// open while the browser is out, "Signed in as … · token expires in …" with Sign in again and Sign
// out once signed in. In the app the hub opens the page in the default browser; in a browser tab
// the page opens in a new tab (and is offered as a link in case that was blocked).
import { control } from '../../../api/control-client.ts';
import type { ServerStatus } from '../../../api/contract-types.ts';
import { useAction } from '../../../common/hooks/use-action.ts';
import { useNow } from '../../../common/hooks/use-now.ts';
import { hubStore } from '../../../common/state/hub-store.ts';
import { signInView } from '../lib/sign-in-view.ts';

const inApp = typeof window !== 'undefined' && window.mcpTray !== undefined;

export function PanelSignIn({ server }: { readonly server: ServerStatus }) {
  const now = useNow(1000);
  const view = signInView(server, now);
  const signIn = useAction(async () => {
    const started = await control.call('servers.login', { id: server.id, open: inApp });
    if (!started.opened && !inApp) window.open(started.authorizationUrl, '_blank', 'noopener,noreferrer');
  });
  const cancel = useAction(async () => hubStore.upsertServer(await control.call('servers.cancelLogin', { id: server.id })));
  const signOut = useAction(async () => control.call('servers.logout', { id: server.id }), `Signed out of ${server.name}`);
  if (!view) return null;

  const signInButton = (label: string, primary: boolean) => (
    <button type="button" className={`btn btn-small${primary ? ' btn-primary' : ''}`} disabled={signIn.busy || !server.enabled} onClick={() => void signIn.run()}>
      {label}
    </button>
  );

  return (
    <section className="sign-in" aria-label="Sign-in" data-testid="sign-in">
      {view.kind === 'needed' && (
        <div className="callout callout-warn sign-in-row" role="status">
          <span>
            <strong>{server.name} needs you to sign in.</strong> {view.error ? <>The last sign-in failed: {view.error}</> : 'Its tools work once you have.'}
          </span>
          {signInButton('Sign in', true)}
        </div>
      )}
      {view.kind === 'waiting' && (
        <div className="callout sign-in-row sign-in-waiting" role="status">
          <span>
            Waiting for you to finish signing in in the browser.{' '}
            {view.url && (
              <a href={view.url} target="_blank" rel="noopener noreferrer">
                Open the sign-in page
              </a>
            )}
          </span>
          <button type="button" className="btn btn-small" disabled={cancel.busy} onClick={() => void cancel.run()}>
            Cancel
          </button>
        </div>
      )}
      {view.kind === 'signed-in' && (
        <div className="sign-in-row">
          <span className="sign-in-line" data-testid="sign-in-line">
            {view.line}
          </span>
          {signInButton('Sign in again', view.moreScope !== undefined)}
          <button type="button" className="btn btn-small" disabled={signOut.busy} onClick={() => void signOut.run()}>
            Sign out
          </button>
        </div>
      )}
      {view.kind === 'signed-in' && view.moreScope && (
        <p className="callout callout-warn" role="status">
          The server asks for more permission ({view.moreScope}) than you granted: sign in again to allow it.
        </p>
      )}
    </section>
  );
}
