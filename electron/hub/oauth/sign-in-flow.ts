// One sign-in in the browser (docs/oauth.md): ask the server without a token to learn where its
// metadata is and which scopes it wants (its 401 challenge), listen on the loopback, let the SDK
// discover, register and build the authorization URL (our provider checks each step), hand the URL
// out, then wait for the browser to come back and exchange the code. The PKCE verifier and the
// state live only in this object; the tokens go straight to the keychain.
import { auth, extractWWWAuthenticateParams } from '@modelcontextprotocol/sdk/client/auth.js';
import type { FetchLike } from '@modelcontextprotocol/sdk/shared/transport.js';
import { LATEST_PROTOCOL_VERSION } from '@modelcontextprotocol/sdk/types.js';
import { HUB_VERSION } from '../version.ts';
import { KeychainOAuthProvider, type SignInState } from './keychain-oauth-provider.ts';
import { listenLoopback, type LoopbackReceiver } from './loopback-receiver.ts';
import { SignInRefusedError } from './sign-in-errors.ts';

export interface SignInFlowOptions {
  readonly state: SignInState;
  /** The server's fetch (static headers to its own origin only; oauth-fetch.ts). */
  readonly fetch: FetchLike;
  /** Scopes to ask for; else what the server's challenge names, else its metadata, else oauthScopes. */
  readonly scope?: string;
  /** A fixed loopback port (a client registered with one), else the port used before, else any. */
  readonly redirectPort?: number;
  readonly preferredPort?: number;
  /** Where the server's metadata is, when its challenge said. */
  readonly resourceMetadataUrl: (url: string | undefined) => void;
  readonly log: (text: string) => void;
  readonly timeoutMs?: number;
}

export interface Challenge {
  readonly resourceMetadataUrl?: URL;
  readonly scope?: string;
}

export class SignInFlow {
  readonly startedAt = new Date().toISOString();
  readonly authorizationUrl: string;
  /** Resolves when the tokens are stored; rejects with what went wrong. */
  readonly done: Promise<void>;
  readonly #receiver: LoopbackReceiver;

  private constructor(authorizationUrl: string, done: Promise<void>, receiver: LoopbackReceiver) {
    this.authorizationUrl = authorizationUrl;
    this.done = done;
    this.#receiver = receiver;
  }

  /** Resolves once the authorization URL exists; rejects when the sign-in is refused before that. */
  static async start(options: SignInFlowOptions): Promise<SignInFlow> {
    const serverUrl = options.state.serverUrl;
    const challenge = await probeChallenge(serverUrl, options.fetch);
    options.resourceMetadataUrl(challenge.resourceMetadataUrl?.href);
    const receiver = await listenLoopback({
      port: options.redirectPort ?? options.preferredPort ?? 0,
      strictPort: options.redirectPort !== undefined,
      timeoutMs: options.timeoutMs,
      refused: options.log,
    }).catch((error: NodeJS.ErrnoException) => {
      throw new SignInRefusedError(
        error.code === 'EADDRINUSE' ? `port ${options.redirectPort} (oauthRedirectPort) is in use, so the browser cannot come back to MCP Tray` : `cannot listen on 127.0.0.1: ${error.message}`,
      );
    });
    let authorizationUrl: URL | undefined;
    let code: Promise<string> | undefined;
    const scope = options.scope ?? challenge.scope;
    const provider = new KeychainOAuthProvider(options.state, {
      receiver,
      scope: options.scope,
      authorize: (url, state, issuer) => {
        authorizationUrl = url;
        code = receiver.expect(state, issuer);
        code.catch(() => undefined);
      },
    });
    const params = { serverUrl, scope, resourceMetadataUrl: challenge.resourceMetadataUrl, fetchFn: options.fetch };
    try {
      const first = await auth(provider, params);
      if (first !== 'REDIRECT' || !authorizationUrl || !code) throw new Error('the authorization server gave no sign-in page');
    } catch (error) {
      await receiver.close();
      throw error;
    }
    const waiting = code;
    const done = (async () => {
      try {
        const authorizationCode = await waiting;
        if ((await auth(provider, { ...params, authorizationCode })) !== 'AUTHORIZED') throw new Error('the authorization server did not issue tokens');
      } finally {
        await receiver.close();
      }
    })();
    done.catch(() => undefined);
    return new SignInFlow(authorizationUrl.href, done, receiver);
  }

  cancel(reason?: string): Promise<void> {
    return this.#receiver.close(reason);
  }
}

/**
 * An initialize without a token: a server that wants a sign-in answers 401 with a challenge naming
 * its metadata (RFC 9728) and maybe the scopes. A server that answers otherwise may still publish
 * its metadata at the well-known address, which the SDK tries next.
 */
export async function probeChallenge(serverUrl: string, fetchFn: FetchLike): Promise<Challenge> {
  let response: Response;
  try {
    response = await fetchFn(serverUrl, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream' },
      body: JSON.stringify({
        jsonrpc: '2.0',
        id: 0,
        method: 'initialize',
        params: { protocolVersion: LATEST_PROTOCOL_VERSION, capabilities: {}, clientInfo: { name: 'mcp-tray', version: HUB_VERSION } },
      }),
    });
  } catch (error) {
    if (error instanceof SignInRefusedError) throw error;
    throw new Error(`cannot reach ${serverUrl}: ${(error as { cause?: { code?: string } }).cause?.code ?? (error as Error).message}`, { cause: error });
  }
  await response.body?.cancel().catch(() => undefined);
  if (response.status !== 401) return {};
  const { resourceMetadataUrl, scope } = extractWWWAuthenticateParams(response);
  return { resourceMetadataUrl, scope };
}
