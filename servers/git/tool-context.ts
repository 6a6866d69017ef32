// What every git tool gets (the runner and the guard) and how its outcome becomes a tool result:
// git's output as text, or an isError result carrying the refusal or git's own message.
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { errorResult, textResult } from '../common/tool-results.ts';
import type { GitRunner } from './git-runner.ts';
import type { RepoGuard } from './repo-guard.ts';

export interface GitToolContext {
  readonly git: GitRunner;
  readonly guard: RepoGuard;
}

export async function answer(work: () => Promise<string>): Promise<CallToolResult> {
  try {
    const text = await work();
    return textResult(text.trim() === '' ? '(no output)' : text);
  } catch (error) {
    return errorResult((error as Error).message);
  }
}
