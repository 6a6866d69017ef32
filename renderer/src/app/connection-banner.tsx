// Says when this window has lost the hub, and what that means for what it shows; and what of the
// hub is not working (keychain, HTTP listener, problems it noticed).
import { useHub } from '../common/hooks/use-hub.ts';
import { KeychainBanner } from './keychain-banner.tsx';

export function ConnectionBanner() {
  const connection = useHub((s) => s.connection);
  const http = useHub((s) => s.info?.http);
  const problems = useHub((s) => s.info?.problems);
  // The keychain banner already says it; the hub's own note about sign-ins would repeat it.
  const keychainOff = useHub((s) => s.info?.keychain.available === false);
  return (
    <>
      {connection === 'lost' && (
        <div className="banner banner-warn" role="alert">
          Lost the connection to the MCP Tray hub. Reconnecting… What you see may be out of date.
        </div>
      )}
      {connection === 'unauthorized' && (
        <div className="banner banner-error" role="alert">
          The hub no longer accepts this browser's sign-in (its UI token was rotated, or it restarted without a keychain). Run{' '}
          <code>mcp-tray ui open</code> for a new sign-in link.
        </div>
      )}
      <KeychainBanner />
      {http && !http.available && (
        <div className="banner banner-warn" role="status">
          HTTP is off: {http.reason}. IDEs still connect through the bridge; HTTP installs and the browser UI are unavailable.
        </div>
      )}
      {problems?.filter((problem) => !(keychainOff && problem.includes('keychain is unavailable'))).map((problem) => (
        <div key={problem} className="banner banner-warn" role="status">
          {problem}
        </div>
      ))}
    </>
  );
}
