// `node bench/lib/http-floor-server.ts`: a do-nothing Streamable HTTP MCP server on 127.0.0.1 for the
// bench's floor row. It answers initialize and tools/call with canned results, one JSON body per
// request, accepts notifications with 202 and refuses the GET stream; it prints its port. What an SDK
// client takes against it is what the client's own HTTP stack and one loopback round trip cost,
// with no server work at all.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

const SESSION = 'floor-session';
const ECHO = { content: [{ type: 'text', text: 'Echo: benchmark' }] };

function result(message: { method?: string; params?: { protocolVersion?: string } }): unknown {
  if (message.method === 'initialize') {
    return { protocolVersion: message.params?.protocolVersion, capabilities: { tools: {} }, serverInfo: { name: 'http-floor', version: '1' } };
  }
  return message.method === 'tools/call' ? ECHO : {};
}

const server = http.createServer((req, res) => {
  if (req.method !== 'POST') {
    res.writeHead(req.method === 'DELETE' ? 200 : 405).end();
    return;
  }
  const chunks: Buffer[] = [];
  req.on('data', (chunk: Buffer) => chunks.push(chunk));
  req.on('end', () => {
    const message = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { id?: string | number; method?: string };
    if (message.id === undefined) {
      res.writeHead(202, { 'mcp-session-id': SESSION }).end();
      return;
    }
    const body = JSON.stringify({ jsonrpc: '2.0', id: message.id, result: result(message) });
    res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body), 'mcp-session-id': SESSION });
    res.end(body);
  });
});
server.listen(0, '127.0.0.1', () => process.stdout.write(`${(server.address() as AddressInfo).port}\n`));
process.stdin.on('end', () => process.exit(0)).resume();
