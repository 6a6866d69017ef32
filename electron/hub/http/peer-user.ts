// Which OS user is on the other end of a loopback TCP connection (Linux). Used for one thing: a
// one-time sign-in code is redeemed only by a browser that runs as the hub's own user (or root).
//
// Why: the code must reach the browser through the desktop's opener (xdg-open), and the opener's
// command line, like the browser's, is readable by every local user in /proc/*/cmdline. Another
// user could copy the code and race the browser to the 60 s window. The kernel knows who owns each
// socket: /proc/net/tcp lists every TCP socket of this network namespace with its owner's uid and
// inode. The browser's end of our connection is the entry whose local address is our peer's and
// whose remote address is ours. An entry with inode 0 is a socket no process holds any more (it
// could not read our answer anyway), and is refused too. A refused attempt does not use the code up,
// so another user cannot even spoil it.
//
// Elsewhere there is no /proc/net/tcp to ask; there the code is only single-use and short-lived, and
// docs/security.md says what remains. Under WSL the browser runs on the Windows side, and its
// connections arrive through WSL's own relay, so the check is skipped there too.
import { readFile } from 'node:fs/promises';
import os from 'node:os';
import type { Socket } from 'node:net';

export type PeerCheck = { readonly ok: true; readonly checked: boolean } | { readonly ok: false; readonly reason: string };

export interface PeerCheckOptions {
  /** The hub's uid; undefined where there are no uids (Windows). */
  readonly uid?: number;
  readonly readTable?: (file: string) => Promise<string>;
  readonly platform?: NodeJS.Platform;
  readonly release?: string;
  readonly endianness?: 'BE' | 'LE';
}

/** `0100007F:1F90`: how /proc/net/tcp writes an IPv4 address and port. */
export function procNetAddress(ip: string, port: number, endianness: 'BE' | 'LE' = os.endianness()): string | undefined {
  const octets = ip.startsWith('::ffff:') ? ip.slice(7).split('.') : ip.split('.');
  if (octets.length !== 4 || octets.some((o) => !/^\d{1,3}$/.test(o))) return undefined;
  const bytes = Buffer.from(octets.map(Number));
  // The kernel prints the address as one 32-bit word in host byte order.
  const word = endianness === 'LE' ? bytes.readUInt32LE(0) : bytes.readUInt32BE(0);
  return `${word.toString(16).toUpperCase().padStart(8, '0')}:${port.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** The owner (uid, inode) of the socket at `local` connected to `remote`, from /proc/net/tcp text. */
export function findSocketOwner(table: string, local: string, remote: string): { uid: number; inode: string } | undefined {
  for (const line of table.split('\n').slice(1)) {
    const fields = line.trim().split(/\s+/);
    // sl local_address rem_address st tx_queue:rx_queue tr:tm->when retrnsmt uid timeout inode …
    if (fields[1] === local && fields[2] === remote) return { uid: Number(fields[7]), inode: fields[9] ?? '0' };
  }
  return undefined;
}

export async function peerIsThisUser(socket: Socket, options: PeerCheckOptions = {}): Promise<PeerCheck> {
  const platform = options.platform ?? process.platform;
  const uid = 'uid' in options ? options.uid : process.getuid?.();
  const release = (options.release ?? os.release()).toLowerCase();
  if (platform !== 'linux' || uid === undefined || release.includes('microsoft')) return { ok: true, checked: false };
  const { remoteAddress, remotePort, localAddress, localPort } = socket;
  if (!remoteAddress || !remotePort || !localAddress || !localPort) return { ok: false, reason: 'the connection closed before its owner could be checked' };
  const peer = procNetAddress(remoteAddress, remotePort, options.endianness);
  const self = procNetAddress(localAddress, localPort, options.endianness);
  if (!peer || !self) return { ok: false, reason: `cannot check who is connecting from ${remoteAddress}` };
  let table: string;
  try {
    table = await (options.readTable ?? ((file) => readFile(file, 'utf8')))('/proc/net/tcp');
  } catch {
    // No /proc (a hardened container): nothing to ask; the code stays single-use and short-lived.
    return { ok: true, checked: false };
  }
  const owner = findSocketOwner(table, peer, self);
  if (!owner) return { ok: false, reason: 'the connection is not in /proc/net/tcp, so its user cannot be checked' };
  if (owner.inode === '0') return { ok: false, reason: 'the connecting socket belongs to no process any more' };
  if (owner.uid !== uid && owner.uid !== 0) return { ok: false, reason: `the browser that opened it runs as another user (uid ${owner.uid})` };
  return { ok: true, checked: true };
}
