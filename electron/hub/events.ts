// The hub's event bus: one typed stream that every UI (window, tray, web UI, CLI --follow)
// subscribes to through the control API.
import { EventEmitter } from 'node:events';
import type { HubEvent } from './contract/contract.ts';

export class HubEvents {
  readonly #emitter = new EventEmitter();

  constructor() {
    this.#emitter.setMaxListeners(0);
  }

  emit(event: HubEvent): void {
    this.#emitter.emit('event', event);
  }

  subscribe(listener: (event: HubEvent) => void): () => void {
    this.#emitter.on('event', listener);
    return () => this.#emitter.off('event', listener);
  }
}
