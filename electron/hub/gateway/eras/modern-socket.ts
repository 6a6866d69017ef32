// A 2026-07-28 client on the bridge (docs/protocol-eras.md): the v2 SDK's stdio serving over the
// local socket, one v2 Server for the connection (the SDK pins it), answering with the gateway's
// methods (modern-dispatch.ts). The connection is the session: it is opened at the first request
// that is not server/discover (a probe never shows up as a client) and ends with the socket.
import type net from 'node:net';
import { serveStdio, StdioServerTransport } from '@modelcontextprotocol/server/stdio';
import type { Server } from '@modelcontextprotocol/server';
import type { ListKind, SessionIdentity } from '../client-session.ts';
import { modernServer, type ModernGateway } from './modern-dispatch.ts';
import { InputRequiredCalls } from './modern-input-required.ts';
import { ModernSessions, type ModernSessionHost } from './modern-sessions.ts';

/** Above this a frame from the client is refused (the same bound as the 2025 bridge path). */
export function serveModernSocket(socket: net.Socket, gateway: ModernGateway & ModernSessionHost, identity: SessionIdentity, maxFrameBytes: number): void {
  const sessions = new ModernSessions({
    openModernSession: (id) => {
      const session = gateway.openModernSession(id);
      // "Disconnect" in a UI ends the connection.
      session.endConnection = () => socket.destroy();
      return session;
    },
    closeModernSession: (session) => gateway.closeModernSession(session),
  });
  // A retry's requestState is bound to the client the hello named (and lives as long as this connection).
  const calls = new InputRequiredCalls(() => `socket\0${identity.clientId}`);
  sessions.ended = (session) => calls.endSession(session);
  let pinned: Server | undefined;
  const announce: Record<ListKind, () => Promise<void>> = {
    tools: () => pinned?.sendToolListChanged() ?? Promise.resolve(),
    prompts: () => pinned?.sendPromptListChanged() ?? Promise.resolve(),
    resources: () => pinned?.sendResourceListChanged() ?? Promise.resolve(),
  };
  sessions.listChanged = (kind) => void announce[kind]().catch(() => undefined);
  const handle = serveStdio(
    () => {
      pinned = modernServer(gateway, sessions, calls, () => identity);
      return pinned;
    },
    { legacy: 'reject', transport: new StdioServerTransport(socket, socket, { maxBufferSize: maxFrameBytes }) },
  );
  socket.once('close', () => {
    calls.close();
    sessions.close();
    void handle.close().catch(() => undefined);
  });
}
