// The renderer imports the hub's contract types only (`import type`), but TypeScript still checks
// the hub files those types live in, and one of them (calllog/call-log-store.ts) imports Node
// modules. These loose declarations let that check pass without giving the renderer Node's
// globals; no renderer code may import them (Vite would refuse to bundle them for the browser).
declare module 'node:fs';
declare module 'node:path';
declare module 'node:sqlite' {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  export type StatementSync = any;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  export const DatabaseSync: any;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  export type DatabaseSync = any;
}
