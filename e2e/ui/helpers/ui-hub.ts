// A real `mcp-tray serve` for the browser tests: its own data dir and HOME (so IDE detection sees a
// known machine), the UI address it printed, and real SDK clients over the bridge as the IDEs. The
// browser signs in the way a user does: a one-time link from `mcp-tray ui open`. stop() closes
// every client and waits for the hub (and so every server it supervises) to exit.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { cli, connectBridge, startHub, tempDir, waitFor, writeSettings, type CliResult, type HubProcess } from '../../helpers/hub-process.ts';
import { loginLink } from '../../helpers/ui-session.ts';

export interface UiHub {
  readonly dataDir: string;
  readonly home: string;
  readonly process: HubProcess;
  /** The UI address `serve` printed: http://127.0.0.1:PORT/ (nothing secret in it). */
  readonly url: string;
  /** http://127.0.0.1:PORT */
  readonly origin: string;
  /** A fresh one-time sign-in link (`mcp-tray ui open --no-open`). */
  signInLink(): Promise<string>;
  connect(clientId: string, clientInfo?: { name: string; version: string }): Promise<Client>;
  cli(args: string[], input?: string): Promise<CliResult>;
  stop(): Promise<void>;
}

export interface UiHubOptions {
  readonly servers?: Record<string, unknown>[];
  readonly settings?: Record<string, unknown>;
  /** IDE config files to create in the fake HOME, so those IDEs are "detected". */
  readonly ideFiles?: Record<string, string>;
  /** More environment for the hub (say, no D-Bus: no keychain). */
  readonly env?: NodeJS.ProcessEnv;
}

export async function startUiHub(options: UiHubOptions = {}): Promise<UiHub> {
  const dataDir = tempDir('mcp-tray-ui-');
  const home = path.join(dataDir, 'home');
  mkdirSync(home, { recursive: true });
  for (const [file, content] of Object.entries(options.ideFiles ?? {})) {
    mkdirSync(path.dirname(path.join(home, file)), { recursive: true });
    writeFileSync(path.join(home, file), content);
  }
  writeSettings(dataDir, { ...options.settings, servers: options.servers ?? [] });
  const hub = await startHub(dataDir, { env: { ...options.env, HOME: home } });
  // "is running" comes first; the UI line may follow in a later chunk of output.
  const url = await waitFor('the UI line of mcp-tray serve', () => /UI:\s+(http:\/\/\S+)/.exec(hub.output())?.[1], 10_000).catch(async (error: Error) => {
    await hub.stop();
    throw new Error(`${error.message}:\n${hub.output()}`);
  });
  const parsed = new URL(url);
  const clients: Client[] = [];
  return {
    dataDir,
    home,
    process: hub,
    url,
    origin: parsed.origin,
    signInLink: () => loginLink(dataDir),
    async connect(clientId, clientInfo) {
      const client = await connectBridge(dataDir, clientId, clientInfo);
      clients.push(client);
      return client;
    },
    cli: (args, input) => cli(dataDir, args, input === undefined ? {} : { input }),
    async stop() {
      await Promise.allSettled(clients.map((c) => c.close()));
      await hub.stop();
    },
  };
}

export type View = 'servers' | 'catalog' | 'clients' | 'activity' | 'approvals' | 'settings';

/** Opens the UI the way a user does (a one-time sign-in link), then the view through the navigation. */
export async function openUi(page: Page, hub: UiHub, view?: View): Promise<void> {
  await page.goto(await hub.signInLink());
  await page.getByRole('navigation', { name: 'Main' }).waitFor();
  await page.locator('.loading').waitFor({ state: 'detached' });
  if (view) await goTo(page, view);
}

export async function goTo(page: Page, view: View): Promise<void> {
  const label = view[0]!.toUpperCase() + view.slice(1);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: new RegExp(`^${label}`) }).click();
  await page.getByRole('heading', { level: 1, name: label }).waitFor();
}
