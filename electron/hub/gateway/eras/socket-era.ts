// Which era a bridge connection speaks (docs/protocol-eras.md): its first JSON-RPC message decides,
// for the whole connection. A 2025 client opens with initialize (or anything without an envelope)
// and gets today's session; a 2026-07-28 client opens with an enveloped request, normally
// server/discover, and is served by the v2 SDK, loaded only then (modern-socket.ts). The first
// message is read here and put back, so whichever side serves the connection reads it first.
import type net from 'node:net';

/** The first line a connection may send before its era is known; past it the connection is treated as legacy. */
const FIRST_FRAME_LIMIT = 4 * 1024 * 1024;
export const PROTOCOL_VERSION_META = 'io.modelcontextprotocol/protocolVersion';

export type Era = 'legacy' | 'modern';

/** Whether a message claims 2026-07-28 or later: an envelope in its `_meta`. */
export function claimsModern(message: unknown): boolean {
  const meta = (message as { params?: { _meta?: Record<string, unknown> } } | null)?.params?._meta;
  return typeof meta === 'object' && meta !== null && PROTOCOL_VERSION_META in meta;
}

export function eraOfFirstMessage(line: string): Era {
  try {
    return claimsModern(JSON.parse(line)) ? 'modern' : 'legacy';
  } catch {
    return 'legacy';
  }
}

/** Waits for the socket's first line, puts it back, and says which era it is; a socket that closes first gets `undefined`. */
export function peekEra(socket: net.Socket): Promise<Era | undefined> {
  return new Promise((resolve) => {
    let buffered = Buffer.alloc(0);
    const finish = (era: Era | undefined) => {
      socket.off('data', onData);
      socket.off('close', onClose);
      socket.pause();
      if (buffered.length > 0) socket.unshift(buffered);
      resumeOnRead(socket);
      resolve(era);
    };
    const onData = (chunk: Buffer) => {
      buffered = Buffer.concat([buffered, chunk]);
      const newline = buffered.indexOf(10);
      if (newline !== -1) finish(eraOfFirstMessage(buffered.subarray(0, newline).toString('utf8')));
      else if (buffered.length > FIRST_FRAME_LIMIT) finish('legacy');
    };
    const onClose = () => finish(undefined);
    socket.on('data', onData);
    socket.once('close', onClose);
    socket.resume();
  });
}

/** The socket flows again once whoever serves it listens for data (a paused stream stays paused otherwise). */
function resumeOnRead(socket: net.Socket): void {
  const watch = (event: string | symbol) => {
    if (event !== 'data') return;
    socket.off('newListener', watch);
    setImmediate(() => socket.resume());
  };
  socket.on('newListener', watch);
}
