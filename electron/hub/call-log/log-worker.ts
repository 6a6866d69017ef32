// The call log's database runs in a worker thread: inserts (with their full-text index) are
// batched there, off the thread that answers MCP calls, and use the machine's second core.
import { parentPort, workerData } from 'node:worker_threads';
import { CallLogStore } from './call-log-store.ts';
import type { CallRecord } from '../contract/call-log-shapes.ts';
import type { WorkerRequest, WorkerMessage } from './log-worker-protocol.ts';

const store = new CallLogStore((workerData as { file: string }).file);
const port = parentPort!;
let pending: Array<{ n: number; entry: CallRecord }> = [];
let flushScheduled = false;

const send = (message: WorkerMessage) => port.postMessage(message);

function flush(): void {
  flushScheduled = false;
  if (pending.length === 0) return;
  const batch = pending;
  pending = [];
  try {
    const seqs = store.insertBatch(batch.map((b) => b.entry));
    const stored: Array<[number, number]> = [];
    batch.forEach((b, i) => seqs[i] !== undefined && stored.push([b.n, seqs[i]]));
    // The hub has the entries: only their sequence numbers go back.
    send({ t: 'committed', upTo: batch[batch.length - 1]!.n, stored });
  } catch (error) {
    send({ t: 'failed', message: (error as Error).message, upTo: batch[batch.length - 1]!.n });
  }
}

port.on('message', (request: WorkerRequest) => {
  if (request.t === 'records') {
    pending.push(...request.records);
    if (!flushScheduled) {
      flushScheduled = true;
      // The hub already gathers records for a while; this only joins messages that arrived together.
      setImmediate(flush);
    }
    return;
  }
  // Every read sees every entry recorded before it.
  flush();
  try {
    switch (request.t) {
      case 'query':
        return send({ t: 'reply', id: request.id, result: store.query(request.query) });
      case 'count':
        return send({ t: 'reply', id: request.id, result: store.count(request.query) });
      case 'retention':
        return send({ t: 'reply', id: request.id, result: store.applyRetention(request.days, request.maxBytes) });
      case 'flush':
        return send({ t: 'reply', id: request.id, result: true });
      case 'close':
        store.close();
        send({ t: 'reply', id: request.id, result: true });
        return port.close();
    }
  } catch (error) {
    send({ t: 'reply', id: request.id, error: (error as Error).message });
  }
});
