// Native dialogs the shell asks with. A tray app has no window in front, so on macOS it takes the
// focus first (otherwise the dialog can open behind other apps).
import { app, dialog } from 'electron';
import { isConfirmed, writeModeDialog, type WriteModeOn } from './write-mode-confirm.ts';

export async function shownWriteModeDialog(serverName: string, mode: WriteModeOn): Promise<boolean> {
  if (process.platform === 'darwin') app.focus({ steal: true });
  const answer = await dialog.showMessageBox(writeModeDialog(serverName, mode));
  return isConfirmed(mode, answer);
}
