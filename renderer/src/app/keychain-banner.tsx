// The OS keychain is unavailable: one compact line on every view, with "How to fix" for the hub's
// OS and the raw reason behind a second disclosure (it is for bug reports, not for reading).
import { useHub } from '../common/hooks/use-hub.ts';
import { keychainFix } from './lib/keychain-fix.ts';

export function KeychainBanner() {
  const keychain = useHub((s) => s.info?.keychain);
  const platform = useHub((s) => s.info?.platform);
  if (!keychain || keychain.available) return null;
  const fix = keychainFix(platform);
  return (
    <div className="banner banner-error banner-compact" role="alert" data-testid="keychain-banner">
      <span>Keychain unavailable: servers that need a secret do not start, and HTTP tokens cannot be issued. Nothing is stored in a file instead.</span>
      <details className="banner-details">
        <summary>How to fix</summary>
        <p>{fix.summary}</p>
        <ol>
          {fix.steps.map((step) => (
            <li key={step}>{step}</li>
          ))}
        </ol>
        {keychain.reason && (
          <details>
            <summary>What the system said</summary>
            <code className="wrap">{keychain.reason}</code>
          </details>
        )}
      </details>
    </div>
  );
}
