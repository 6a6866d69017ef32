// What can stop a remote server's sign-in, as error types the supervisor and the UIs tell apart:
// the user must sign in (state needs-sign-in), the server wants more scopes than were granted (sign
// in again; the server keeps running), MCP Tray refuses (one of its defences, docs/oauth.md), or the
// authorization server is out of reach for now (tried again; the tokens are kept).

/** No usable tokens (never signed in, signed out, or revoked): the user must sign in. */
export class SignInRequiredError extends Error {
  override readonly name = 'SignInRequiredError';
}

/** The server answered 403 insufficient_scope: signing in again asks for `scope` (granted + new). */
export class MoreScopeRequiredError extends Error {
  override readonly name = 'MoreScopeRequiredError';
  readonly scope: string;

  constructor(message: string, scope: string) {
    super(message);
    this.scope = scope;
  }
}

/** MCP Tray will not sign in this way: the message says which check failed and why it matters. */
export class SignInRefusedError extends Error {
  override readonly name = 'SignInRefusedError';
}

/** The authorization server did not answer (network, 5xx): the sign-in is kept and retried. */
export class AuthServerUnreachableError extends Error {
  override readonly name = 'AuthServerUnreachableError';
}

/**
 * A refresh in the background met a newer sign-in: the tokens it started from were replaced while it
 * ran (its refresh token may be void by then). The newer tokens stay; nothing is forgotten.
 */
export class SignInReplacedError extends Error {
  override readonly name = 'SignInReplacedError';
}

/** Errors that leave a server waiting for the user to sign in. */
export function needsSignIn(error: unknown): error is SignInRequiredError | SignInRefusedError {
  return error instanceof SignInRequiredError || error instanceof SignInRefusedError;
}

/** Any of the above: a call that fails with one gets its message as a tool error the model can read. */
export function isSignInError(error: unknown): error is Error {
  return needsSignIn(error) || error instanceof MoreScopeRequiredError || error instanceof AuthServerUnreachableError || error instanceof SignInReplacedError;
}
