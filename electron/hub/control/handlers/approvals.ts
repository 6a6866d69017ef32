// Control handlers: deciding approvals, listing and revoking "always" rules.
import type { ApprovalResults } from '../../contract/api/approvals.ts';
import { ControlError, type Handlers } from '../../contract/contract.ts';
import type { Hub } from '../../hub.ts';

type ApprovalHandlers = Pick<Handlers, keyof ApprovalResults>;

export function approvalHandlers(hub: Hub): ApprovalHandlers {
  return {
    async 'approvals.list'() {
      return hub.approvals.list();
    },
    async 'approvals.decide'({ id, decision, reason }) {
      if (!hub.approvals.decide(id, decision, reason)) {
        throw new ControlError('not-found', `no pending approval "${id}" (already decided, timed out, or the client cancelled it)`);
      }
      return { id, decision };
    },
    async 'rules.list'() {
      return hub.rules.list();
    },
    async 'rules.revoke'({ id }) {
      if (!hub.rules.revoke(id)) throw new ControlError('not-found', `no rule "${id}"; see: mcp-tray rules list`);
      return { id, revoked: true as const };
    },
  };
}
