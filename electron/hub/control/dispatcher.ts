// The hub side of every control carrier: validate params against the contract, run the handler,
// and turn any failure into an error a UI can show. Carriers only move bytes.
import { ControlError, isMethod, parseParams, type CallArgs, type ControlErrorCode, type Handlers, type Method, type Result } from '../contract/contract.ts';

export type ControlReply = { result: unknown } | { error: { code: ControlErrorCode; message: string } };

export class ControlDispatcher {
  readonly #handlers: Handlers;

  constructor(handlers: Handlers) {
    this.#handlers = handlers;
  }

  /** For carriers: method and params are untrusted input, checked here. */
  async dispatch(method: unknown, rawParams: unknown): Promise<ControlReply> {
    try {
      if (!isMethod(method)) throw new ControlError('not-found', `unknown control method ${JSON.stringify(method)}`);
      const params = parseParams(method, rawParams);
      const handler = this.#handlers[method] as (p: typeof params) => Promise<unknown>;
      return { result: await handler(params) };
    } catch (error) {
      if (error instanceof ControlError) return { error: { code: error.code, message: error.message } };
      return { error: { code: 'failed', message: error instanceof Error ? error.message : String(error) } };
    }
  }

  /** For in-process callers (Electron main, `serve`): typed, and throws instead of returning an error reply. */
  async call<M extends Method>(method: M, ...[params]: CallArgs<M>): Promise<Result<M>> {
    const reply = await this.dispatch(method, params);
    if ('error' in reply) throw new ControlError(reply.error.code, reply.error.message);
    return reply.result as Result<M>;
  }
}
