// The native notification for a new approval (docs/desktop-app.md): who wants to run what, with Approve and
// Deny buttons where the OS has notification actions (macOS). Argument *values* stay out of it:
// notification centres keep their content on disk, and arguments can hold anything; the window
// shows the exact arguments when the notification is clicked.
import type { NotificationConstructorOptions } from 'electron';
import type { ApprovalInfo } from '../hub/contract/shapes.ts';

export type NotificationDecision = 'approve-once' | 'deny';

/** Electron's notification actions exist on macOS only. */
export function supportsNotificationActions(platform: NodeJS.Platform): boolean {
  return platform === 'darwin';
}

const ACTIONS: readonly NotificationDecision[] = ['approve-once', 'deny'];

export function approvalNotification(approval: ApprovalInfo, platform: NodeJS.Platform): NotificationConstructorOptions {
  const destructive = approval.annotations?.destructiveHint ? ' (destructive)' : '';
  const names = Object.keys(approval.arguments);
  const args = names.length === 0 ? 'no arguments' : `arguments: ${names.slice(0, 6).join(', ')}${names.length > 6 ? ', …' : ''}`;
  return {
    title: `${approval.clientLabel} wants to run ${approval.tool}${destructive}`,
    subtitle: `on ${approval.server}`,
    body: `${approval.server} · ${args}. Click to review.`,
    urgency: 'critical',
    timeoutType: 'never',
    ...(supportsNotificationActions(platform)
      ? { actions: [{ type: 'button', text: 'Approve once' }, { type: 'button', text: 'Deny' }], closeButtonText: 'Later' }
      : {}),
  };
}

/** The decision of the notification's action button at `index`. */
export function decisionForAction(index: number): NotificationDecision | undefined {
  return ACTIONS[index];
}
