// The native dialog that turning write mode on from the tray asks first (docs/write-mode-and-approvals.md): "ask" needs a
// yes, "allow" (writes run with no approval) a stronger warning and an explicit checkbox too.
// Cancel is the default button, so Enter or Escape never turns write mode on.
import type { MessageBoxOptions, MessageBoxReturnValue } from 'electron';

export type WriteModeOn = 'ask' | 'allow';

export function writeModeDialog(serverName: string, mode: WriteModeOn): MessageBoxOptions {
  if (mode === 'ask') {
    return {
      type: 'question',
      title: 'Turn on write mode',
      message: `Turn on write mode for "${serverName}"?`,
      detail:
        `Connected clients will see ${serverName}'s write tools and may ask to run them. ` +
        'Each write call waits for your approval, in the window, the tray or a notification.',
      buttons: ['Cancel', 'Turn on (ask each time)'],
      defaultId: 0,
      cancelId: 0,
      noLink: true,
    };
  }
  return {
    type: 'warning',
    title: 'Allow writes without asking',
    message: `Let every client run "${serverName}"'s write tools without asking you?`,
    detail:
      `Any connected client, and any prompt or document its model reads, could then change data through ${serverName} ` +
      'with no approval from you. Calls are still logged. Choose "ask" unless you trust every client and everything it reads.',
    buttons: ['Cancel', 'Allow without asking'],
    checkboxLabel: 'I understand that write calls will run without my approval',
    checkboxChecked: false,
    defaultId: 0,
    cancelId: 0,
    noLink: true,
  };
}

/** Whether the user's answer turns the mode on: the confirm button, and for "allow" the checkbox. */
export function isConfirmed(mode: WriteModeOn, answer: Pick<MessageBoxReturnValue, 'response' | 'checkboxChecked'>): boolean {
  return answer.response === 1 && (mode === 'ask' || answer.checkboxChecked);
}
