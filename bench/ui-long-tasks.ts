// `npm run bench:ui`: how the Activity view copes with a burst of calls. Debian's Chromium opens the
// web UI of a real `mcp-tray serve` on the Activity view; two real SDK clients push 5,000 calls
// through the bridge as fast as the hub takes them (16 in flight each); the page counts main-thread
// long tasks (PerformanceObserver "longtask": tasks over 50 ms) and frames painted, from before the
// burst until every call is on screen. Runs twice: unfiltered, and with a search filtering the
// live stream. Prints a small table; takes well under a minute.
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { chromium, type Page } from '@playwright/test';
import { connectBridge, startHub, tempDir, testServerDefinition, waitFor, writeSettings, type HubProcess } from '../e2e/helpers/hub-process.ts';
import globalSetup from '../e2e/ui/helpers/global-setup.ts';
import { loginLink } from '../e2e/helpers/ui-session.ts';

const CALLS = Number(process.env.BENCH_UI_CALLS ?? 5000);
const IN_FLIGHT = 16;
const log = (message: string) => process.stderr.write(`bench:ui: ${message}\n`);

interface Row {
  readonly scenario: string;
  readonly calls: number;
  readonly seconds: number;
  readonly longTasks: number;
  readonly longTaskMs: number;
  readonly maxTaskMs: number;
  readonly fps: number;
}

/** Installed before the page's own scripts: long tasks and painted frames since the last reset. */
const PROBE = `
  window.__bench = { tasks: [], frames: 0 };
  new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__bench.tasks.push(e.duration); }).observe({ type: 'longtask', buffered: true });
  const tick = () => { window.__bench.frames++; requestAnimationFrame(tick); };
  requestAnimationFrame(tick);
`;

async function callMany(client: Client, tool: string, n: number, args: (i: number) => Record<string, unknown>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: IN_FLIGHT }, async () => {
      while (next < n) {
        const i = next++;
        await client.callTool({ name: tool, arguments: args(i) });
      }
    }),
  );
}

async function burst(page: Page, scenario: string, a: Client, b: Client, expectRows: number): Promise<Row> {
  // Strings, not functions: this file is type-checked for Node, without the DOM's names.
  await page.evaluate('window.__bench.tasks = []; window.__bench.frames = 0;');
  const before = Number(await page.getByTestId('call-count').getAttribute('data-count'));
  const started = Date.now();
  const half = CALLS / 2;
  await Promise.all([callMany(a, 'peek', half, () => ({})), callMany(b, 'bump', half, (i) => ({ by: 1, note: `burst ${i}` }))]);
  await waitFor('every call on screen', async () => Number(await page.getByTestId('call-count').getAttribute('data-count')) >= before + expectRows, 60_000, 25);
  const seconds = (Date.now() - started) / 1000;
  const { tasks, frames } = (await page.evaluate('window.__bench')) as { tasks: number[]; frames: number };
  return {
    scenario,
    calls: CALLS,
    seconds,
    longTasks: tasks.length,
    longTaskMs: tasks.reduce((sum, d) => sum + d, 0),
    maxTaskMs: tasks.reduce((max, d) => Math.max(max, d), 0),
    fps: frames / seconds,
  };
}

function table(rows: readonly Row[]): string {
  const head = ['scenario', 'calls', 'seconds', 'calls/s', 'long tasks', 'long-task ms', 'longest ms', 'frames/s'];
  const body = rows.map((r) => [r.scenario, String(r.calls), r.seconds.toFixed(1), String(Math.round(r.calls / r.seconds)), String(r.longTasks), String(Math.round(r.longTaskMs)), String(Math.round(r.maxTaskMs)), r.fps.toFixed(0)]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line)].join('\n');
}

async function main(): Promise<void> {
  globalSetup();
  const dataDir = tempDir('mcp-tray-bench-ui-');
  writeSettings(dataDir, { servers: [testServerDefinition('counter')] });
  let hub: HubProcess | undefined;
  const clients: Client[] = [];
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  try {
    hub = await startHub(dataDir);
    const running = hub;
    await waitFor('the UI line', () => /UI:\s+http:\/\/\S+/.test(running.output()), 10_000);
    const url = await loginLink(dataDir);
    clients.push(await connectBridge(dataDir, 'cursor'), await connectBridge(dataDir, 'vscode'));
    const [a, b] = clients as [Client, Client];

    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.addInitScript(PROBE);
    await page.goto(url);
    await page.getByRole('link', { name: /^Activity/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Activity' }).waitFor();
    await page.getByTestId('call-count').waitFor();

    const rows: Row[] = [];
    log(`${CALLS} calls, Activity view unfiltered`);
    rows.push(await burst(page, 'activity, all calls', a, b, CALLS));
    log(`${CALLS} calls, Activity view searching "burst 1"`);
    await page.getByLabel('Search calls').fill('burst 1');
    await page.waitForTimeout(600);
    // Matches among the new bump notes "burst 0".."burst 2499": 1, 10-19, 100-199, 1000-1999.
    rows.push(await burst(page, 'activity, live search', a, b, 1 + 10 + 100 + 1000));
    process.stdout.write(`\nActivity view under a burst of calls (Chromium ${browser.version()}, ${IN_FLIGHT * 2} calls in flight)\n\n${table(rows)}\n\n`);
    process.stdout.write('Long tasks: main-thread tasks over 50 ms (PerformanceObserver "longtask"), from the first call until the last is on screen.\n');
  } finally {
    await Promise.allSettled(clients.map((c) => c.close()));
    await browser.close();
    await hub?.stop();
  }
}

await main();
