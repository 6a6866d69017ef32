// A local server's sandbox on its card: sandboxed (level, mechanism) and what it may reach, or not
// sandboxed and why (its sandbox is off, this machine cannot sandbox and what to do, Windows).
import type { ServerStatus } from '../../../api/contract-types.ts';

export function PanelSandbox({ server }: { readonly server: ServerStatus }) {
  const box = server.sandbox;
  if (!box.settable) return null;
  return (
    <section aria-label="Sandbox" data-testid="sandbox">
      <h3 className="section-label">Sandbox</h3>
      {box.sandboxed ? (
        <>
          <p>
            <strong>Sandboxed</strong> ({box.level}, {box.mechanism})
          </p>
          <ul className="plain-list" aria-label="What it may reach">
            {box.reach.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
          {box.gaps.map((gap) => (
            <p key={gap} className="callout callout-warn">
              {gap}
            </p>
          ))}
        </>
      ) : (
        <p className={box.level === 'off' ? 'muted' : 'callout callout-warn'} role={box.level === 'off' ? undefined : 'status'}>
          <strong>Not sandboxed:</strong> {box.reason}
          {box.level === 'off' && '. It can reach everything you can; choose a sandbox in its Settings tab.'}
        </p>
      )}
    </section>
  );
}
