// The control API over the local socket, for the CLI: one JSON request per line,
// `{"id":1,"method":"servers.list","params":{}}` → `{"id":1,"result":[…]}` or
// `{"id":1,"error":{"code":"not-found","message":"…"}}`; `{"id":2,"method":"events.subscribe"}`
// turns the connection into a stream of `{"event":{…}}` lines as well.
import type { Socket } from 'node:net';
import { LineReader } from '../jsonrpc/line-reader.ts';
import type { HubEvent } from '../contract/contract.ts';
import type { ControlDispatcher } from './dispatcher.ts';
import type { ErrorReporter } from '../util/last-resort.ts';

const MAX_REQUEST_BYTES = 1024 * 1024;
const MAX_UNREAD_BYTES = 64 * 1024 * 1024;

export function serveControlSocket(
  socket: Socket,
  dispatcher: ControlDispatcher,
  subscribe: (listener: (event: HubEvent) => void) => () => void,
  report: ErrorReporter = () => undefined,
): void {
  let unsubscribe: (() => void) | undefined;
  const write = (message: unknown) => {
    if (socket.destroyed) return;
    // A follower that stopped reading is dropped rather than buffered without bound.
    if (socket.writableLength > MAX_UNREAD_BYTES) return void socket.destroy();
    socket.write(JSON.stringify(message) + '\n');
  };
  const reader = new LineReader(MAX_REQUEST_BYTES, {
    oversized: () => write({ id: null, error: { code: 'invalid-params', message: 'request larger than 1 MiB' } }),
    line: (text) => {
      let request: { id?: unknown; method?: unknown; params?: unknown } | null;
      try {
        request = JSON.parse(text) as typeof request;
      } catch {
        return write({ id: null, error: { code: 'invalid-params', message: 'not JSON' } });
      }
      if (typeof request !== 'object' || request === null) return write({ id: null, error: { code: 'invalid-params', message: 'a request is a JSON object: {"id","method","params"}' } });
      const id = typeof request.id === 'number' || typeof request.id === 'string' ? request.id : null;
      if (request.method === 'events.subscribe') {
        unsubscribe ??= subscribe((event) => write({ event }));
        return write({ id, result: { subscribed: true } });
      }
      dispatcher
        .dispatch(request.method, request.params)
        .then((reply) => write({ id, ...reply }))
        .catch((error: unknown) => report('a control request on the local socket', error));
    },
  });
  socket.on('data', (chunk: Buffer) => {
    try {
      reader.push(chunk);
    } catch (error) {
      report('the control socket', error);
      socket.destroy();
    }
  });
  socket.on('close', () => unsubscribe?.());
  socket.on('error', () => socket.destroy());
}
