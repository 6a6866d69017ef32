// Which servers sign in with OAuth: every remote server, unless the user gave it an Authorization
// header of their own (a static token, the older way); its sign-in starts only if the server asks
// (a 401 with a Bearer challenge), so a server without sign-in works as before.
import type { HttpServerDefinition, ServerDefinition } from '../settings/schema.ts';

export function usesSignIn(def: ServerDefinition): def is HttpServerDefinition {
  if (def.kind !== 'http') return false;
  const named = [...Object.keys(def.headers), ...def.secretHeaders].map((name) => name.toLowerCase());
  return !named.includes('authorization');
}
