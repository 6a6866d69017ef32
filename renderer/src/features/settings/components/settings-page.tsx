import type { ReactNode } from 'react';
import { PageHeader } from '../../../common/components/page-header.tsx';
import { useHub } from '../../../common/hooks/use-hub.ts';
import { ControlTheme } from './control-theme.tsx';
import { FormSettings } from './form-settings.tsx';
import { SectionDeniedPaths } from './section-denied-paths.tsx';
import { SectionAbout } from './section-about.tsx';
import { SectionCliTool } from './section-cli-tool.tsx';
import { SectionUpdates } from './section-updates.tsx';
import { TableRules } from './table-rules.tsx';
import { SectionLimits } from './section-limits.tsx';
import { FormTelemetry } from './form-telemetry.tsx';
import '../settings.css';

/** Settings: the hub's own settings, rate limits, telemetry, the persisted approval rules, and where things are. */
export function SettingsPage() {
  const settings = useHub((s) => s.settings);
  return (
    <div className="page page-narrow">
      <PageHeader title="Settings" />
      <Panel id="appearance" title="Appearance">
        {settings && <ControlTheme theme={settings.theme} />}
      </Panel>
      <Panel id="hub" title="Hub">
        {settings && <FormSettings key={JSON.stringify({ ...settings, theme: undefined, deniedPaths: undefined, updateChannel: undefined })} settings={settings} />}
      </Panel>
      <Panel id="denied-paths" title="Protected paths">
        {settings && <SectionDeniedPaths deniedPaths={settings.deniedPaths} />}
      </Panel>
      <Panel id="limits" title="Rate limits">
        <SectionLimits />
      </Panel>
      <Panel id="telemetry" title="Telemetry (OpenTelemetry)">
        <FormTelemetry />
      </Panel>
      <Panel id="cli-tool" title="Command-line tool">
        <SectionCliTool />
      </Panel>
      <Panel id="updates" title="Updates">
        {settings && <SectionUpdates channel={settings.updateChannel} />}
      </Panel>
      <Panel id="rules" title="Always-approve rules">
        <TableRules />
      </Panel>
      <Panel id="about" title="About this hub">
        <SectionAbout />
      </Panel>
    </div>
  );
}

function Panel({ id, title, children }: { readonly id: string; readonly title: string; readonly children: ReactNode }) {
  return (
    <section className="panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="panel-title">
        {title}
      </h2>
      <div className="panel-body">{children}</div>
    </section>
  );
}
