// Every suite `npm test` runs, in order. The runner (run-suites.ts) runs each one even when an earlier
// one failed, reads its report, and fails the run when any suite failed, ran no test, or left no
// report.
import type { Suite } from './suite-types.ts';

function electronCommand(env: NodeJS.ProcessEnv): string[] {
  const playwright = ['npx', 'playwright', 'test', '-c', 'playwright.electron.config.ts', '--reporter=list,json'];
  // The desktop app needs a display: Xvfb when there is none.
  return !env.DISPLAY && !env.WAYLAND_DISPLAY ? ['xvfb-run', '-a', ...playwright] : playwright;
}

export function suites(env: NodeJS.ProcessEnv = process.env): Suite[] {
  return [
    { name: 'typecheck: hub, CLI, servers, tests', command: ['npx', 'tsc', '--noEmit', '-p', 'tsconfig.json'], report: 'exit-code' },
    { name: 'typecheck: renderer', command: ['npx', 'tsc', '--noEmit', '-p', 'renderer/tsconfig.json'], report: 'exit-code' },
    { name: 'typecheck: electron shell', command: ['npx', 'tsc', '--noEmit', '-p', 'electron/tsconfig.json'], report: 'exit-code' },
    { name: 'lint', command: ['npx', 'eslint', '.', '--max-warnings', '0'], report: 'exit-code' },
    { name: 'vitest: unit', command: ['npx', 'vitest', 'run', '--project', 'unit', '--reporter=default', '--reporter=json', '--outputFile.json={report}'], report: 'vitest' },
    { name: 'vitest: integration', command: ['npx', 'vitest', 'run', '--project', 'integration', '--reporter=default', '--reporter=json', '--outputFile.json={report}'], report: 'vitest' },
    { name: 'playwright: ui', command: ['npx', 'playwright', 'test', '--reporter=list,json'], report: 'playwright' },
    { name: 'playwright: electron', command: electronCommand(env), report: 'playwright' },
    // Last: no secret a test stored is left in a data dir, log or HOME the run wrote.
    { name: 'secret sweep', command: [process.execPath, 'e2e/setup/secret-sweep.ts'], report: 'exit-code' },
  ];
}
