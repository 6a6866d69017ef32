// The access decision as one table: write mode × the tool's class (from the server's readOnlyHint,
// or the user's override) × the tool's "disabled" switch × an "always" rule. The last column is what
// happens to the call before (or instead of) reaching the server. Nothing the client sends counts.
import { describe, expect, it } from 'vitest';
import { ApprovalQueue, type ApprovalCall, type RuleBook } from '../approvals/approval-gate.ts';
import { ClientSession } from '../gateway/client-session.ts';
import type { ServerDefinition, ToolOverride, WriteMode } from '../settings/schema.ts';
import type { UpstreamTool } from '../upstream/passthrough-schemas.ts';
import { decideAccess, isListed } from './access.ts';
import { classifyTool } from './classify.ts';

type Hint = 'readOnly' | 'notReadOnly' | 'none';
type Override = ToolOverride | undefined;
type Outcome = 'auto-read' | 'allow-mode' | 'waits-for-user' | 'approved-rule' | 'blocked-write-off' | 'blocked-disabled';

// mode, server hint, user override, "always" rule → outcome, listed in tools/list
const TABLE: Array<[WriteMode, Hint, Override, boolean, Outcome, boolean]> = [
  // Read tools run in every mode.
  ['off', 'readOnly', undefined, false, 'auto-read', true],
  ['ask', 'readOnly', undefined, false, 'auto-read', true],
  ['allow', 'readOnly', undefined, false, 'auto-read', true],
  // No hint, or readOnlyHint false: a write tool.
  ['off', 'none', undefined, false, 'blocked-write-off', false],
  ['off', 'notReadOnly', undefined, false, 'blocked-write-off', false],
  ['ask', 'none', undefined, false, 'waits-for-user', true],
  ['ask', 'notReadOnly', undefined, false, 'waits-for-user', true],
  ['allow', 'none', undefined, false, 'allow-mode', true],
  // An "always" rule answers only the question "ask" asks; it never opens write mode.
  ['ask', 'none', undefined, true, 'approved-rule', true],
  ['off', 'none', undefined, true, 'blocked-write-off', false],
  ['allow', 'none', undefined, true, 'allow-mode', true],
  // The user's class wins over the server's hint, both ways.
  ['off', 'notReadOnly', { class: 'read' }, false, 'auto-read', true],
  ['off', 'readOnly', { class: 'write' }, false, 'blocked-write-off', false],
  ['ask', 'readOnly', { class: 'write' }, false, 'waits-for-user', true],
  // Disabled wins over everything.
  ['off', 'readOnly', { disabled: true }, false, 'blocked-disabled', false],
  ['allow', 'none', { disabled: true }, false, 'blocked-disabled', false],
  ['ask', 'none', { disabled: true }, true, 'blocked-disabled', false],
  ['allow', 'notReadOnly', { class: 'read', disabled: true }, false, 'blocked-disabled', false],
];

function toolWith(hint: Hint): UpstreamTool {
  const annotations = hint === 'none' ? undefined : { readOnlyHint: hint === 'readOnly' };
  return { name: 'tool', inputSchema: { type: 'object' }, ...(annotations ? { annotations } : {}) } as UpstreamTool;
}

function definition(writeMode: WriteMode, override: Override): ServerDefinition {
  return { id: 'srv', name: 'Srv', kind: 'stdio', command: 'x', args: [], env: {}, secretEnv: [], enabled: true, startup: 'eager', writeMode, toolOverrides: override ? { tool: override } : {} } as ServerDefinition;
}

/** Double of the settings-backed rule book: answers from a flag. */
function ruleBook(matches: boolean): RuleBook {
  return { matches: () => matches, add: () => undefined };
}

async function outcome(mode: WriteMode, hint: Hint, override: Override, rule: boolean): Promise<Outcome> {
  const def = definition(mode, override);
  const tool = toolWith(hint);
  const access = decideAccess(def, 'tool', classifyTool(tool, def.toolOverrides.tool).class);
  if (access !== 'needs-approval') return access;
  const gate = new ApprovalQueue(() => 60, ruleBook(rule), { requested: () => undefined, resolved: () => undefined });
  const session = new ClientSession({ clientId: 'cursor', label: 'Cursor', transport: 'socket' }, undefined);
  const call: ApprovalCall = { session, serverId: 'srv', tool: 'tool', exposedName: 'tool', args: {}, item: tool };
  const abort = new AbortController();
  // The gate answers at once (an already settled promise, first in the race) or the call waits.
  const decided = await Promise.race([gate.request(call, abort.signal), Promise.resolve(undefined)]);
  abort.abort();
  return decided ? (decided.decision as Outcome) : 'waits-for-user';
}

describe('access decision', () => {
  it.each(TABLE)('write mode %s, hint %s, override %j, rule %s → %s', async (mode, hint, override, rule, expected, listed) => {
    expect(await outcome(mode, hint, override, rule)).toBe(expected);
    const def = definition(mode, override);
    expect(isListed(def, 'tool', classifyTool(toolWith(hint), def.toolOverrides.tool).class)).toBe(listed);
  });

  it('says where the class came from', () => {
    expect(classifyTool(toolWith('readOnly'), undefined)).toEqual({ class: 'read', source: 'server' });
    expect(classifyTool(toolWith('none'), undefined)).toEqual({ class: 'write', source: 'server' });
    expect(classifyTool(toolWith('readOnly'), { class: 'write' })).toEqual({ class: 'write', source: 'user' });
    // A disabled switch alone does not change the class.
    expect(classifyTool(toolWith('readOnly'), { disabled: true })).toEqual({ class: 'read', source: 'server' });
  });
});
