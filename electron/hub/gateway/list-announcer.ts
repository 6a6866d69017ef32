// Telling sessions that a list changed (docs/gateway.md): after any change (a server's lists, its
// state, policy, a client's own lane), each session's tools, prompts and resources are compared
// with what it could list before, and only the lists that differ are announced, only to the
// sessions they differ for. Changes that come together are looked at once.
import { createHash } from 'node:crypto';
import type { ClientSession } from './client-session.ts';

export interface ListView {
  readonly tools: unknown;
  readonly prompts: unknown;
  readonly resources: unknown;
}

type Kind = keyof ListView;
type Prints = Record<Kind, string>;

const KINDS: readonly Kind[] = ['tools', 'prompts', 'resources'];


export class ListAnnouncer {
  readonly #sessions: () => Iterable<ClientSession>;
  /** What a session sees; `key` lets sessions with the same view share one computation per round. */
  readonly #view: (session: ClientSession) => { readonly key: object; readonly view: () => ListView };
  readonly #seen = new WeakMap<ClientSession, Prints>();
  #scheduled = false;

  constructor(sessions: () => Iterable<ClientSession>, view: (session: ClientSession) => { readonly key: object; readonly view: () => ListView }) {
    this.#sessions = sessions;
    this.#view = view;
  }

  /** A new session: what it sees now is the baseline. */
  track(session: ClientSession): void {
    this.#seen.set(session, this.#prints(session, new Map()));
  }

  /** Something may have changed: compare soon (once for a burst of changes). */
  changed(): void {
    if (this.#scheduled) return;
    this.#scheduled = true;
    setImmediate(() => {
      this.#scheduled = false;
      this.announce();
    });
  }

  /** Compares now and sends list_changed for each list that differs, per session. */
  announce(): void {
    const round = new Map<object, Prints>();
    for (const session of this.#sessions()) {
      if (session.closed) continue;
      const before = this.#seen.get(session);
      const now = this.#prints(session, round);
      this.#seen.set(session, now);
      if (!before) continue;
      for (const kind of KINDS) if (before[kind] !== now[kind]) void session.announce(kind).catch(() => undefined);
    }
  }

  #prints(session: ClientSession, round: Map<object, Prints>): Prints {
    const { key, view } = this.#view(session);
    const known = round.get(key);
    if (known) return known;
    const lists = view();
    const prints = { tools: digest(lists.tools), prompts: digest(lists.prompts), resources: digest(lists.resources) };
    round.set(key, prints);
    return prints;
  }
}

function digest(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('base64');
}
