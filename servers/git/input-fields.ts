// Input fields several git tools share, with descriptions a model can act on. The `repo` field
// names the allowed repositories, which are fixed when the server starts.
import { z } from 'zod';
import type { RepoGuard } from './repo-guard.ts';

export function repoField(guard: RepoGuard) {
  const allowed = guard.repos.length === 0 ? 'none are configured yet' : guard.repos.join(', ');
  return z
    .string()
    .optional()
    .describe(`Absolute path of the repository (or a folder inside it). Allowed: ${allowed}. May be omitted when exactly one repository is allowed.`);
}

export const pathsField = z
  .array(z.string())
  .max(200)
  .optional()
  .describe('Limit to these files or folders: paths relative to the repository top (or absolute inside it). Taken literally, no globs.');

export const revisionField = (what: string) =>
  z.string().max(256).describe(`${what}: a branch, tag, commit id or expression such as HEAD~2. Must not start with "-".`);
