/** Shown in a browser opened without the UI token: how to get the right URL. */
export function TokenMissing() {
  return (
    <main className="token-missing">
      <h1>Open MCP Tray from the address it printed</h1>
      <p>
        This page needs the UI token that <code>mcp-tray serve</code> prints (the <code>UI:</code> line, ending in <code>#token=…</code>). You can also
        get it with <code>mcp-tray status --json</code> (<code>endpoints.ui</code>).
      </p>
    </main>
  );
}
