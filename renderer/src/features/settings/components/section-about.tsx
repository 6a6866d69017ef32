import { useHub } from '../../../common/hooks/use-hub.ts';

/** Where this hub lives and how clients reach it. */
export function SectionAbout() {
  const info = useHub((s) => s.info);
  if (!info) return null;
  return (
    <dl className="facts">
      <dt>Version</dt>
      <dd>{info.version}</dd>
      <dt>Data folder</dt>
      <dd>
        <code className="wrap">{info.dataDir}</code>
      </dd>
      <dt>MCP over HTTP</dt>
      <dd>
        <code className="wrap">{info.endpoints.mcp ?? 'not running'}</code>
      </dd>
      <dt>Bridge socket</dt>
      <dd>
        <code className="wrap">{info.endpoints.socket}</code>
      </dd>
      <dt>Keychain</dt>
      <dd>{info.keychain.available ? 'available' : `unavailable: ${info.keychain.reason ?? 'unknown reason'}`}</dd>
    </dl>
  );
}
