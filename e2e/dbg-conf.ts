import { spawn } from 'node:child_process';
import http from 'node:http';
import path from 'node:path';
import { NODE, REPO, cli, cliJson, clientToken, startHub, tempDir, waitFor, writeSettings } from './helpers/hub-process.ts';
const FIXTURE = path.join(REPO, 'e2e', 'fixtures', 'conformance-server-2026.ts');
const CONF = path.join(REPO, 'node_modules', '@modelcontextprotocol', 'conformance', 'dist', 'index.js');
const child = spawn(NODE, [FIXTURE, '0'], { stdio: ['ignore', 'pipe', 'ignore'] });
const port = await new Promise<string>((r) => { let o = ''; child.stdout.on('data', (c) => { o += c; const m = /listening (\d+)/.exec(o); if (m) r(m[1]!); }); });
const dataDir = tempDir();
writeSettings(dataDir, { servers: [{ id: 'conformance', name: 'conformance', kind: 'http', url: `http://127.0.0.1:${port}/mcp` }] });
const hub = await startHub(dataDir);
try {
  await waitFor('run', async () => (await cliJson<any>(dataDir, ['status'])).servers.every((s: any) => s.state === 'running'));
  const mcp = (await cliJson<any>(dataDir, ['status'])).endpoints.mcp;
  const token = await clientToken(dataDir, 'conf');
  const to = new URL(mcp);
  const server = http.createServer((req, res) => { const u = http.request({ host: to.hostname, port: to.port, path: to.pathname, method: req.method, headers: { ...req.headers, authorization: `Bearer ${token}` } }, (a) => { res.writeHead(a.statusCode ?? 502, a.headers); a.pipe(res); }); u.on('error', () => res.destroy()); req.pipe(u); });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://localhost:${(server.address() as any).port}/mcp`;
  const { Client, StreamableHTTPClientTransport } = await import('@modelcontextprotocol/client');
  const c = new Client({ name: 'd', version: '1' }, { versionNegotiation: { mode: { pin: '2026-07-28' } } });
  await c.connect(new StreamableHTTPClientTransport(new URL(mcp), { requestInit: { headers: { Authorization: `Bearer ${token}` } } }));
  try { console.log('IMG', JSON.stringify(await c.callTool({ name: 'test_image_content', arguments: {} })).slice(0, 400)); } catch (e) { console.log('IMG ERR', e); }
  try { console.log('PROG', JSON.stringify(await c.callTool({ name: 'test_tool_with_progress', arguments: {} }, { onprogress: (p) => console.log('p', p) })).slice(0, 400)); } catch (e) { console.log('PROG ERR', e); }
  for (const sc of process.argv.slice(2)) {
    const out = await new Promise<string>((r) => { const c = spawn(NODE, [CONF, 'server', '--url', url, '--spec-version', '2026-07-28', '--scenario', sc, '-o', tempDir()], { cwd: tempDir() }); let o = ''; c.stdout.on('data', (d) => (o += d)); c.stderr.on('data', (d) => (o += d)); c.on('exit', () => r(o)); });
    console.log(sc, out.split('\n').filter((l) => /✓|✗|FAIL|rror/.test(l)).slice(0, 8).join('\n'));
    const st = await cliJson<any>(dataDir, ['status']);
    console.log('servers', JSON.stringify(st.servers.map((s: any) => [s.id, s.state, s.tools?.length ?? s.toolCount])));
  }
  const log = await cli(dataDir, ['servers', 'log', 'conformance']);
  console.log(log.stdout.slice(-3000));
  server.close();
} finally { await hub.stop(); child.kill(); }
