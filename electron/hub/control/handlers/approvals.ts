// Control handlers: deciding approvals, listing and revoking "always" rules.
import type { ApprovalResults } from '../../contract/api/approvals.ts';
import { ControlError, type Handlers } from '../../contract/contract.ts';
import { EditedArgumentsError, type ApprovalQueue } from '../../approvals/approval-gate.ts';
import type { SettingsRuleBook } from '../../approvals/rule-book.ts';

type ApprovalHandlers = Pick<Handlers, keyof ApprovalResults>;

export interface ApprovalHandlerDeps {
  readonly approvals: Pick<ApprovalQueue, 'list' | 'decide'>;
  readonly rules: Pick<SettingsRuleBook, 'list' | 'revoke'>;
}

export function approvalHandlers(deps: ApprovalHandlerDeps): ApprovalHandlers {
  return {
    async 'approvals.list'() {
      return deps.approvals.list();
    },
    async 'approvals.decide'({ id, decision, reason, arguments: edited }) {
      let found: boolean;
      try {
        found = deps.approvals.decide(id, decision, reason, edited);
      } catch (error) {
        if (error instanceof EditedArgumentsError) throw new ControlError('invalid-params', error.message);
        throw error;
      }
      if (!found) {
        throw new ControlError('not-found', `no pending approval "${id}" (already decided, timed out, or the client cancelled it)`);
      }
      return { id, decision };
    },
    async 'rules.list'() {
      return deps.rules.list();
    },
    async 'rules.revoke'({ id }) {
      if (!deps.rules.revoke(id)) throw new ControlError('not-found', `no rule "${id}"; see: mcp-tray rules list`);
      return { id, revoked: true as const };
    },
  };
}
