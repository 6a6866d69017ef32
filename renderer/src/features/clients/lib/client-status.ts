import type { ClientInstallStatus } from '../../../api/contract-types.ts';
import type { Tone } from '../../../common/components/status-pill.tsx';

export const INSTALL_STATUS: Readonly<Record<ClientInstallStatus, { label: string; tone: Tone }>> = {
  'not-detected': { label: 'Not detected', tone: 'off' },
  detected: { label: 'Detected', tone: 'info' },
  installed: { label: 'Installed', tone: 'ok' },
  outdated: { label: 'Outdated', tone: 'warn' },
  unreadable: { label: 'Config unreadable', tone: 'error' },
};
