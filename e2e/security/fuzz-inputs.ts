// Deterministic malformed HTTP requests for the fuzz test: a seeded generator (mulberry32), so a
// failing run can be replayed with the same seed. Raw requests are bytes for a plain TCP socket (they
// may break HTTP itself); fetch requests are what a browser or HTTP library can still send.

export type Random = () => number;

/** mulberry32: small, fast, and the same sequence for the same seed on every machine. */
export function seeded(seed: number): Random {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
const int = (random: Random, max: number): number => Math.floor(random() * max);

function randomBytes(random: Random, length: number): Buffer {
  const bytes = Buffer.alloc(length);
  for (let i = 0; i < length; i++) bytes[i] = int(random, 256);
  return bytes;
}

const ROUTES = ['/', '/api/call', '/api/events', '/api/', '/api/x', '/mcp', '/mcp/', '/sse', '/messages', '/login', '/index.html', '/assets/', '/favicon.ico', '//', ''];

/** Percent-encodings that are malformed, overlong, or decode to something a path must not contain. */
const BAD_ESCAPES = ['%E0%A4%A', '%', '%%', '%zz', '%0', '%00', '%C0%AF', '%C0%AE%C0%AE/', '%2e%2e/', '%2F', '%5C', '%FF', '%ED%A0%80', '%F4%90%80%80', '%u0041', '%E2%82', '%25', '%0d%0a', '%7f'];

function fuzzPath(random: Random): string {
  let path = pick(random, ROUTES);
  const parts = 1 + int(random, 4);
  for (let i = 0; i < parts; i++) {
    switch (int(random, 7)) {
      case 0:
        path += pick(random, BAD_ESCAPES);
        break;
      case 1:
        path += '../'.repeat(1 + int(random, 6));
        break;
      case 2:
        path += encodeURIComponent(String.fromCharCode(...Array.from({ length: 1 + int(random, 6) }, () => int(random, 0x3000))));
        break;
      case 3:
        path += `?${pick(random, ['token', 'code', 'key', 'a'])}=${pick(random, BAD_ESCAPES)}&&=&${'x'.repeat(int(random, 50))}`;
        break;
      case 4:
        path += pick(random, ['#frag', '\\..\\', ';x', '/./', '//', '*', '~', '..%2f', '.', '%2e']);
        break;
      case 5:
        path += '/' + 'a'.repeat(int(random, 3) === 0 ? 8000 + int(random, 4000) : int(random, 300));
        break;
      default:
        path += pick(random, BAD_ESCAPES) + pick(random, BAD_ESCAPES);
    }
  }
  return path.startsWith('/') ? path : `/${path}`;
}

const METHODS = ['GET', 'POST', 'HEAD', 'PUT', 'DELETE', 'OPTIONS', 'PATCH', 'TRACE', 'CONNECT', 'PROPFIND', 'get', 'G E T', 'POST\x00', 'BREW', 'ÄÖÜ', ''];

function headerLines(random: Random, port: number, host = true): string[] {
  const lines: string[] = [];
  if (host) lines.push(pick(random, [`Host: 127.0.0.1:${port}`, `Host: localhost:${port}`, 'Host: evil.example', 'Host: ', `Host: 127.0.0.1:${port}\r\nHost: evil.example`, 'Host: [::1', `Host: 127.0.0.1:${port}`]));
  const extra = int(random, 6);
  for (let i = 0; i < extra; i++) {
    lines.push(
      pick(random, [
        `X-Big: ${'y'.repeat(int(random, 3) === 0 ? 20_000 + int(random, 60_000) : int(random, 2000))}`,
        'Content-Length: -1',
        'Content-Length: abc',
        'Content-Length: 99999999999999999999',
        'Content-Length: 5\r\nContent-Length: 7',
        'Content-Length: 1e3',
        'Transfer-Encoding: chunked',
        'Transfer-Encoding: chunked, identity',
        'Transfer-Encoding: gzip',
        'Transfer-Encoding: chunked\r\nContent-Length: 10',
        'Origin: null',
        `Origin: http://127.0.0.1:${port}`,
        'Origin: http://evil.example',
        'Origin: \x01\x02',
        'Authorization: Bearer ',
        `Authorization: Bearer ${'k'.repeat(int(random, 5000))}`,
        'Authorization: Basic Zm9vOmJhcg==',
        'Authorization: Bearer a b c',
        'Cookie: =; ; ==; a=%E0%A4%A; mcp-tray-ui=%ZZ',
        `Cookie: ${Array.from({ length: 200 }, (_, k) => `c${k}=${k}`).join('; ')}`,
        `Cookie: mcp-tray-ui-${port}=${'z'.repeat(int(random, 500))}.x`,
        'Mcp-Session-Id: ../../etc/passwd',
        'Mcp-Session-Id: \x7f',
        'Mcp-Protocol-Version: 1999-01-01',
        'Accept: */*;q=oops',
        'Content-Type: application/json; charset=ebcdic',
        'Content-Type: multipart/form-data; boundary=',
        'Expect: 100-continue',
        'Connection: Upgrade\r\nUpgrade: websocket',
        'Connection: keep-alive, close, upgrade',
        'Range: bytes=-1-2,5-',
        'If-None-Match: *',
        'X-Header-With-Bad\x00Name: 1',
        'Bad Header Name: 1',
        ': no name',
        'X-Ctl: a\x7fb\x01c',
        'X-Utf8: \xff\xfe\xc3\x28',
        ' folded-continuation',
        'X-MCP-Tray-Key: %E0%A4%A',
      ]),
    );
  }
  return lines;
}

function fuzzBody(random: Random): Buffer {
  switch (int(random, 8)) {
    case 0:
      return Buffer.alloc(0);
    case 1:
      return randomBytes(random, int(random, 4096));
    case 2:
      return Buffer.from('['.repeat(5000 + int(random, 50_000)));
    case 3:
      return Buffer.from(`{"method":"${pick(random, ['status', 'servers.add', 'x', '__proto__', 'constructor'])}","params":${pick(random, ['null', '[]', '{"__proto__":{"polluted":1}}', '"str"', '{"id":{"$gt":1}}', '1e400', '{'])}}`);
    case 4:
      return Buffer.from(JSON.stringify({ jsonrpc: '2.0', id: pick(random, [1, null, {}, 'x'.repeat(100)]), method: pick(random, ['initialize', 'tools/call', 'ping', '']), params: pick(random, [{}, [], 'p', { name: '\u0000' }]) }));
    case 5:
      return Buffer.from(`[${Array.from({ length: 1 + int(random, 200) }, () => '{"jsonrpc":"2.0","id":1,"method":"ping"}').join(',')}]`);
    case 6:
      return Buffer.from('{"a":'.repeat(2000 + int(random, 20_000)));
    default:
      return Buffer.from('\uFFFD\u0000\uD800'.repeat(int(random, 500)), 'utf8');
  }
}

function chunkedGarbage(random: Random): Buffer {
  return Buffer.from(
    pick(random, [
      'zz\r\nhello\r\n0\r\n\r\n',
      '5\r\nhi\r\n0\r\n\r\n',
      'fffffffffffffffff\r\n',
      '-1\r\n\r\n',
      '3;ext="\x00"\r\nabc\r\n0\r\n\r\n',
      '4\r\nabcd',
      '0\r\nTrailer: x\r\n\r\n',
      '1\r\na\r\n1\r\nb\r\n0\r\n\r\nGET / HTTP/1.1\r\n\r\n',
    ]),
  );
}

/** One raw request: request line, headers, body; often not valid HTTP. */
export function rawRequest(random: Random, port: number): Buffer {
  const kind = int(random, 10);
  if (kind === 0) return randomBytes(random, 1 + int(random, 2000));
  if (kind === 1) return Buffer.from(`${pick(random, METHODS)} ${fuzzPath(random)}\r\n\r\n`);
  const version = pick(random, ['HTTP/1.1', 'HTTP/1.1', 'HTTP/1.1', 'HTTP/1.0', 'HTTP/2.0', 'HTTP/9', 'HTTX/1.1', '']);
  const method = kind < 5 ? pick(random, ['GET', 'POST', 'POST', 'HEAD']) : pick(random, METHODS);
  const target = int(random, 12) === 0 ? pick(random, ['*', 'http://evil.example/', `http://127.0.0.1:${port}/mcp`, 'mcp', '/\xff\xfe', '/%E0%A4%A']) : fuzzPath(random);
  const lines = [`${method} ${target} ${version}`, ...headerLines(random, port, int(random, 8) !== 0)];
  const chunked = lines.some((l) => /transfer-encoding: chunked/i.test(l));
  const body = chunked ? chunkedGarbage(random) : method === 'GET' && int(random, 2) === 0 ? Buffer.alloc(0) : fuzzBody(random);
  if (!chunked && !lines.some((l) => /content-length/i.test(l)) && int(random, 3) !== 0) lines.push(`Content-Length: ${body.length + pick(random, [0, 0, 0, -1, 1, 100])}`);
  if (int(random, 2) === 0) lines.push('Connection: close');
  return Buffer.concat([Buffer.from(lines.join('\r\n') + '\r\n\r\n', 'latin1'), body]);
}

export interface FetchRequest {
  readonly path: string;
  readonly method: string;
  readonly headers: Record<string, string>;
  readonly body?: Buffer;
  /** Abort after this many ms (streams). */
  readonly abortAfterMs: number;
}

/** A request a real HTTP client can send: odd but well-formed. */
export function fetchRequest(random: Random): FetchRequest {
  const method = pick(random, ['GET', 'POST', 'POST', 'POST', 'PUT', 'DELETE', 'OPTIONS', 'PATCH']);
  const headers: Record<string, string> = {};
  if (int(random, 2) === 0) headers['content-type'] = pick(random, ['application/json', 'text/plain', 'application/x-www-form-urlencoded', 'text/event-stream']);
  if (int(random, 2) === 0) headers.accept = pick(random, ['application/json, text/event-stream', 'text/event-stream', '*/*', 'text/html']);
  if (int(random, 3) === 0) headers['mcp-session-id'] = pick(random, ['x', '00000000-0000-0000-0000-000000000000', 'a'.repeat(500)]);
  if (int(random, 4) === 0) headers.origin = pick(random, ['http://evil.example', 'null', 'http://127.0.0.1:1']);
  const path = int(random, 3) === 0 ? fuzzPath(random) : pick(random, ['/api/call', '/mcp', '/api/events', '/', '/login?code=' + 'c'.repeat(int(random, 64)), '/sse', '/messages?sessionId=x']);
  return {
    path,
    method,
    headers,
    body: method === 'GET' || method === 'HEAD' ? undefined : fuzzBody(random),
    abortAfterMs: 50 + int(random, 400),
  };
}
