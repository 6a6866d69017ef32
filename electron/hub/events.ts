// The hub's event bus: one typed stream that every UI (window, tray, web UI, CLI --follow)
// subscribes to through the control API.
import { EventEmitter } from 'node:events';
import type { HubEvent } from './contract/contract.ts';

export class HubEvents {
  readonly #emitter = new EventEmitter();
  readonly #onListenerError: (error: unknown) => void;

  /** A listener that throws is reported there; the others still get the event, the emitter goes on. */
  constructor(onListenerError: (error: unknown) => void = () => undefined) {
    this.#emitter.setMaxListeners(0);
    this.#onListenerError = onListenerError;
  }

  emit(event: HubEvent): void {
    this.#emitter.emit('event', event);
  }

  subscribe(listener: (event: HubEvent) => void): () => void {
    const contained = (event: HubEvent) => {
      try {
        listener(event);
      } catch (error) {
        this.#onListenerError(error);
      }
    };
    this.#emitter.on('event', contained);
    return () => this.#emitter.off('event', contained);
  }
}
