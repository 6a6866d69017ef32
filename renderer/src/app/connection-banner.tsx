// Says when this window has lost the hub, and what that means for what it shows.
import { useHub } from '../common/hooks/use-hub.ts';

export function ConnectionBanner() {
  const connection = useHub((s) => s.connection);
  const keychain = useHub((s) => s.info?.keychain);
  const problems = useHub((s) => s.info?.problems);
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
      {keychain && !keychain.available && (
        <div className="banner banner-error" role="alert">
          Keychain unavailable: {keychain.reason ?? 'no Secret Service'}. Servers that need a secret will not start; nothing falls back to plaintext.
        </div>
      )}
      {problems?.map((problem) => (
        <div key={problem} className="banner banner-warn" role="status">
          {problem}
        </div>
      ))}
    </>
  );
}
