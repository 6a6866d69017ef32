// The proxy a strict sandbox's only way out (docs/sandbox.md). It runs in the hub, one per server:
// on Linux on a Unix socket mounted into the sandbox (whose network namespace has nothing else),
// on macOS on a 127.0.0.1 port the sandbox profile allows. It speaks plain HTTP proxying and
// CONNECT (what HTTP_PROXY / HTTPS_PROXY clients send) and lets through only the hosts the server's
// `allowedHosts` lists, read at each request so a change applies at once. A name on the list that
// resolves to a loopback or link-local address is refused unless that address is listed itself: a
// name is no way around the list to reach this machine's own services.
import dns from 'node:dns/promises';
import { chmodSync, mkdirSync, rmSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { hostAllowed } from './host-patterns.ts';

export interface EgressProxyOptions {
  /** Listen on this Unix socket (Linux), or else on 127.0.0.1 with a free port (macOS). */
  readonly socketPath?: string;
  readonly allowedHosts: () => readonly string[];
  /** A connection was refused, and why: for the server's log. */
  readonly refused: (target: string, reason: string) => void;
  /** Resolves a name to its addresses; the system's resolver unless a test gives its own. */
  readonly lookup?: (host: string) => Promise<ReadonlyArray<{ readonly address: string }>>;
}

export type ProxyEndpoint = { readonly socketPath: string } | { readonly port: number };

export class EgressProxy {
  readonly #server: http.Server;
  readonly #sockets = new Set<net.Socket>();
  #endpoint: ProxyEndpoint;

  private constructor(server: http.Server, endpoint: ProxyEndpoint) {
    this.#server = server;
    this.#endpoint = endpoint;
  }

  get endpoint(): ProxyEndpoint {
    return this.#endpoint;
  }

  static async listen(options: EgressProxyOptions): Promise<EgressProxy> {
    const server = http.createServer();
    const proxy = new EgressProxy(server, options.socketPath ? { socketPath: options.socketPath } : { port: 0 });
    server.on('connection', (socket) => {
      proxy.#sockets.add(socket);
      socket.once('close', () => proxy.#sockets.delete(socket));
    });
    server.on('request', (req, res) => void proxy.#forward(req, res, options));
    server.on('connect', (req, socket: net.Socket, head) => void proxy.#tunnel(req, socket, head, options));
    server.on('clientError', (_error, socket) => socket.destroy());
    if (options.socketPath) {
      mkdirSync(path.dirname(options.socketPath), { recursive: true, mode: 0o700 });
      rmSync(options.socketPath, { force: true });
    }
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      if (options.socketPath) server.listen(options.socketPath, resolve);
      else server.listen(0, '127.0.0.1', resolve);
    });
    if (options.socketPath) chmodSync(options.socketPath, 0o600);
    else proxy.#endpoint = { port: (server.address() as net.AddressInfo).port };
    return proxy;
  }

  async close(): Promise<void> {
    for (const socket of this.#sockets) socket.destroy();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
    if ('socketPath' in this.endpoint) rmSync(this.endpoint.socketPath, { force: true });
  }

  /** CONNECT host:port: a tunnel, typically for HTTPS. */
  async #tunnel(req: http.IncomingMessage, client: net.Socket, head: Buffer, options: EgressProxyOptions): Promise<void> {
    client.on('error', () => client.destroy());
    const target = splitHostPort(req.url ?? '', 443);
    const decision = target ? await decide(target.host, target.port, options) : { reason: 'not host:port' };
    if (!target || 'reason' in decision) {
      options.refused(req.url ?? '', 'reason' in decision ? decision.reason : 'not host:port');
      client.end(refusal(req.url ?? '', 'reason' in decision ? decision.reason : 'bad request'));
      return;
    }
    const upstream = net.connect({ host: decision.address, port: target.port });
    upstream.once('connect', () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      if (head.length > 0) upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    upstream.on('error', (error) => {
      if (client.writable && upstream.connecting) client.end(`HTTP/1.1 502 Bad Gateway\r\ncontent-type: text/plain\r\nconnection: close\r\n\r\n${error.message}\n`);
      else client.destroy();
    });
    client.once('close', () => upstream.destroy());
  }

  /** A plain HTTP request in absolute form (GET http://host/path). */
  async #forward(req: http.IncomingMessage, res: http.ServerResponse, options: EgressProxyOptions): Promise<void> {
    let url: URL;
    try {
      url = new URL(req.url ?? '');
      if (url.protocol !== 'http:') throw new Error('only http:// is forwarded; https goes through CONNECT');
    } catch (error) {
      res.writeHead(400, { 'content-type': 'text/plain' }).end(`${(error as Error).message}\n`);
      return;
    }
    const port = Number(url.port || 80);
    const host = url.hostname.replace(/^\[|\]$/g, '');
    const decision = await decide(host, port, options);
    if ('reason' in decision) {
      options.refused(`${url.hostname}:${port}`, decision.reason);
      res.writeHead(403, { 'content-type': 'text/plain', 'x-mcp-tray-sandbox': 'refused' }).end(`MCP Tray's sandbox refused ${url.hostname}:${port}: ${decision.reason}\n`);
      return;
    }
    const headers = { ...req.headers };
    for (const name of ['proxy-connection', 'proxy-authorization', 'connection', 'keep-alive']) delete headers[name];
    const upstream = http.request({ host: decision.address, port, method: req.method, path: `${url.pathname}${url.search}`, headers, setHost: false });
    upstream.on('response', (response) => {
      res.writeHead(response.statusCode ?? 502, response.headers);
      response.pipe(res);
    });
    upstream.on('error', (error) => {
      if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain' });
      res.end(`${error.message}\n`);
    });
    req.pipe(upstream);
  }
}

type Decision = { readonly address: string } | { readonly reason: string };

async function decide(host: string, port: number, options: EgressProxyOptions): Promise<Decision> {
  const allowed = options.allowedHosts();
  if (!hostAllowed(allowed, host, port)) return { reason: 'not in allowedHosts' };
  if (net.isIP(host)) return { address: host };
  let addresses: ReadonlyArray<{ readonly address: string }>;
  try {
    addresses = await (options.lookup ?? systemLookup)(host);
  } catch (error) {
    return { reason: `cannot resolve ${host} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})` };
  }
  const usable = addresses.filter(({ address }) => !localAddress(address) || host === 'localhost' || hostAllowed(allowed, address, port));
  if (usable.length === 0) return { reason: `${host} resolves to an address of this machine, which is not listed itself` };
  return { address: usable[0]!.address };
}

function systemLookup(host: string): Promise<ReadonlyArray<{ readonly address: string }>> {
  return dns.lookup(host, { all: true });
}

/** Loopback, unspecified and link-local addresses: this machine and its neighbours' metadata services. */
function localAddress(address: string): boolean {
  const v4 = address.startsWith('::ffff:') ? address.slice(7) : address;
  if (net.isIPv4(v4)) return /^(127\.|0\.|169\.254\.)/.test(v4);
  const lower = address.toLowerCase();
  return lower === '::1' || lower === '::' || lower.startsWith('fe8') || lower.startsWith('fe9') || lower.startsWith('fea') || lower.startsWith('feb');
}

function splitHostPort(target: string, defaultPort: number): { host: string; port: number } | undefined {
  const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(target);
  if (bracketed) return { host: bracketed[1]!, port: Number(bracketed[2] ?? defaultPort) };
  const match = /^([^:]+)(?::(\d+))?$/.exec(target);
  if (!match) return undefined;
  const port = Number(match[2] ?? defaultPort);
  return port > 0 && port < 65536 ? { host: match[1]!, port } : undefined;
}

function refusal(target: string, reason: string): string {
  const body = `MCP Tray's sandbox refused ${target}: ${reason}\n`;
  return `HTTP/1.1 403 Forbidden\r\ncontent-type: text/plain\r\nx-mcp-tray-sandbox: refused\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`;
}
