// Connects to a launched server in the era it speaks (docs/protocol-eras.md): a `server/discover`
// probe first (era-probe.ts), then the 2025 client (upstream-connection.ts) or, for a server that
// speaks 2026-07-28, the v2 one (eras/modern-upstream.ts, imported only then). A remote server is
// probed before it is launched, since each era needs its own HTTP client.
import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js';
import { probeHttp, probeStream, type ProbeOutcome } from './era-probe.ts';
import { DualEraUpstream } from './dual-era-upstream.ts';
import { launch, type LaunchPlan, type Launched } from './launch.ts';
import type { ServerLog } from '../supervisor/server-log.ts';
import { UpstreamConnection, type Upstream, type UpstreamHooks } from './upstream-connection.ts';

/**
 * Commands that did not answer the probe, or exited on it: they are spoken to in 2025 without
 * asking again for as long as the hub runs (some servers end on a request before `initialize`).
 */
const silentCommands = new Set<string>();

function commandKey(plan: LaunchPlan): string | undefined {
  return plan.kind === 'process' ? JSON.stringify([plan.spawn.command, plan.spawn.args, plan.spawn.cwd ?? '']) : undefined;
}

/** For a remote server: its era, and the transport to launch it with when that is 2026-07-28. */
export async function remoteEra(plan: LaunchPlan): Promise<{ outcome: ProbeOutcome; transport?: Transport } | undefined> {
  if (plan.kind !== 'remote') return undefined;
  const outcome = await probeHttp(plan.url, plan.headers, plan.auth);
  if (outcome.era !== 'modern') return { outcome };
  const { modernHttpTransport } = await import('./eras/modern-upstream.ts');
  return { outcome, transport: modernHttpTransport(plan.url, plan.headers, plan.auth) as unknown as Transport };
}

/**
 * The connection to a launched server, in its era. `remote` is what `remoteEra` found; a command
 * is probed on its own stdio first. The server's log says which era was chosen, and why when it
 * matters. A remote server that speaks both eras gets a 2025 session beside (dual-era-upstream.ts).
 */
export async function openUpstream(plan: LaunchPlan, run: Launched, hooks: UpstreamHooks, remote: Awaited<ReturnType<typeof remoteEra>>, log: ServerLog): Promise<Upstream> {
  let outcome = remote?.outcome;
  const key = commandKey(plan);
  if (!outcome && key !== undefined && !silentCommands.has(key)) {
    outcome = await probeStream(run.transport);
    if (outcome.era === 'legacy' && outcome.why !== 'answered') {
      silentCommands.add(key);
      if (outcome.why === 'closed') {
        // Most often the process exited (crashed at start, or on the probe): its exit is the error the supervisor reports.
        await Promise.race([run.exited, new Promise((resolve) => setTimeout(resolve, 1_000).unref())]);
        throw new Error('ended its output when asked server/discover; MCP Tray speaks 2025 with it from its next start');
      }
      log.add('hub', 'did not answer server/discover; speaking protocol 2025 with it');
    }
  }
  if (outcome?.era !== 'modern') return UpstreamConnection.open(run.transport, hooks);
  const { ModernUpstream } = await import('./eras/modern-upstream.ts');
  const both = plan.kind === 'remote' ? await legacySession(plan, hooks, log) : undefined;
  if (!both) {
    log.add('hub', 'speaks protocol 2026-07-28 only; MCP Tray speaks it with the server');
    return ModernUpstream.open(run.transport as never, outcome.discover, hooks);
  }
  log.add('hub', "speaks protocol 2025 and 2026-07-28; MCP Tray speaks each client's era with it");
  const modern = await ModernUpstream.open(run.transport as never, outcome.discover, { error: hooks.error, logMessage: hooks.logMessage }, true);
  // The 2025 session's end (a lost session, an unreachable server) ends this run: the supervisor reconnects both.
  void both.run.exited.then(() => run.stop());
  return new DualEraUpstream(both.connection, both.run, modern);
}

/** A 2025 session with a remote server that also speaks 2026-07-28, if it takes one. */
async function legacySession(plan: LaunchPlan, hooks: UpstreamHooks, log: ServerLog): Promise<{ connection: UpstreamConnection; run: Launched } | undefined> {
  const run = await launch(plan, log);
  try {
    return { connection: await UpstreamConnection.open(run.transport, hooks), run };
  } catch {
    await run.stop();
    return undefined;
  }
}
