// Which sandbox a server runs in (docs/sandbox.md). Bundled servers are ours and run in `standard`
// unless the user says otherwise. A command server the user adds gets `standard` written into its
// definition when it is added; one defined before sandboxing existed (no `sandbox` in settings)
// keeps running as it did, unsandboxed, until the user chooses. Remote servers run elsewhere.
import type { SandboxLevel, ServerDefinition } from '../settings/schema.ts';

/** The server's sandbox level, or undefined for a remote server (nothing runs here to confine). */
export function sandboxLevel(def: ServerDefinition): SandboxLevel | undefined {
  switch (def.kind) {
    case 'bundled':
      return def.sandbox ?? 'standard';
    case 'stdio':
      return def.sandbox ?? 'off';
    case 'http':
      return undefined;
  }
}

/** What a server added now gets when its definition does not say. */
export const NEW_SERVER_SANDBOX: SandboxLevel = 'standard';
