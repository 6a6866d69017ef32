/** Shown in a browser that has not signed in to this hub: how to get a sign-in link. */
export function SignInNeeded() {
  return (
    <main className="sign-in-needed">
      <h1>Sign in to MCP Tray</h1>
      <p>
        This browser is not signed in to the MCP Tray hub. Run <code>mcp-tray ui open</code> on this computer: it opens a one-time sign-in link (it works
        once, within 60 seconds). <code>mcp-tray serve</code> prints one when it starts, too.
      </p>
    </main>
  );
}
