// How a held tool is described to the user, in one line.
import type { HeldToolInfo } from '../../../api/contract-types.ts';

export function heldReason(held: Pick<HeldToolInfo, 'kind' | 'fields' | 'becomesReadOnly' | 'rejected'>): string {
  const what = held.kind === 'new' ? 'New tool, not yet trusted' : `Changed since you trusted it: ${held.fields.join(', ')}`;
  const parts = [what];
  if (held.becomesReadOnly) parts.push('it would now claim to be read-only (callable without write mode)');
  if (held.rejected) parts.push('you rejected this definition');
  return parts.join('; ');
}
