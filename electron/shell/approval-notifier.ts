// A native notification for each new approval (docs/desktop-app.md): Approve/Deny buttons where the OS has
// them (macOS), a click opens the window on that approval. It goes away when the approval is
// decided anywhere else. Nothing is shown while the window itself has the focus (its modal is up).
import { Notification } from 'electron';
import type { HubEvent } from '../hub/contract/shapes.ts';
import { approvalNotification, decisionForAction, type NotificationDecision } from './approval-notification.ts';
import { routes } from './routes.ts';

export interface ApprovalNotifierDeps {
  subscribe(listener: (event: HubEvent) => void): () => void;
  decide(id: string, decision: NotificationDecision): Promise<unknown>;
  openWindow(route?: string): void;
  windowFocused(): boolean;
}

export function notifyApprovals(deps: ApprovalNotifierDeps): () => void {
  if (!Notification.isSupported()) return () => {};
  const shown = new Map<string, Notification>();
  const unsubscribe = deps.subscribe((event) => {
    if (event.type === 'approval-resolved') {
      shown.get(event.id)?.close();
      shown.delete(event.id);
      return;
    }
    if (event.type !== 'approval-requested' || deps.windowFocused()) return;
    const { id } = event.approval;
    const notification = new Notification(approvalNotification(event.approval, process.platform));
    notification.on('click', () => deps.openWindow(routes.approval(id)));
    notification.on('action', (_event, index) => {
      const decision = decisionForAction(index);
      // The approval may have timed out or been decided elsewhere meanwhile: nothing to do then.
      if (decision) void deps.decide(id, decision).catch(() => undefined);
    });
    notification.on('close', () => shown.delete(id));
    shown.set(id, notification);
    notification.show();
  });
  return () => {
    unsubscribe();
    for (const notification of shown.values()) notification.close();
    shown.clear();
  };
}
