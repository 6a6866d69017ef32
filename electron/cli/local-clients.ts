// The clients feature without a hub, for `mcp-tray clients` and `install --dry-run` when none runs:
// they only read IDE config files (and the install records in the data dir), never write. What
// needs the hub (HTTP URL, tokens, connected sessions) is reported as unknown or refused.
import path from 'node:path';
import { Backups } from '../hub/clients/backups.ts';
import { ConfigEditor } from '../hub/clients/config-access.ts';
import { InstallRecords } from '../hub/clients/install-records.ts';
import { ClientInstaller } from '../hub/clients/installer.ts';
import { ControlError } from '../hub/contract/control-error.ts';
import { dataPaths } from '../hub/paths.ts';
import { ownLauncher } from './own-launcher.ts';

export const HUB_NOT_RUNNING = 'the hub is not running';

export function localInstaller(dataDir: string): ClientInstaller {
  const paths = dataPaths(dataDir);
  const editor = new ConfigEditor(new Backups(path.join(paths.backupsDir, 'clients')));
  return new ClientInstaller(
    {
      dataDir,
      launcher: ownLauncher(),
      http: () => ({ off: HUB_NOT_RUNNING }),
      issueToken: () => Promise.reject(new ControlError('unavailable', `${HUB_NOT_RUNNING}, so no HTTP token can be issued`)),
      tokenIssued: () => false,
      sessions: () => [],
    },
    editor,
    new InstallRecords(dataDir),
  );
}
