// The script embedded in the runtime executable (see runtime-main.ts), built to CommonJS: a single
// executable application's main script cannot be an ES module here, so no top-level await.
// There process.argv is [executable, executable as typed, ...arguments].
import { runtimeMain } from './runtime-main.ts';

runtimeMain(process.argv.slice(2), process.execPath).then(
  (code) => {
    if (code !== undefined) process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`mcp-tray-runtime: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
