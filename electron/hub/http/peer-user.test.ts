import type { Socket } from 'node:net';
import { describe, expect, it } from 'vitest';
import { findSocketOwner, peerIsThisUser, procNetAddress } from './peer-user.ts';

// The hub listens on 127.0.0.1:8123; a browser connects from port 51000.
const TABLE = `  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode
   0: 0100007F:1FBB 00000000:0000 0A 00000000:00000000 00:00000000 00000000  1000        0 111 1 0000000000000000 100 0 0 10 0
   1: 0100007F:C738 0100007F:1FBB 01 00000000:00000000 00:00000000 00000000  UID        0 INODE 1 0000000000000000 20 4 30 10 -1
   2: 0100007F:1FBB 0100007F:C738 01 00000000:00000000 00:00000000 00000000  1000        0 333 1 0000000000000000 20 4 30 10 -1
`;
const socket = { remoteAddress: '127.0.0.1', remotePort: 51000, localAddress: '127.0.0.1', localPort: 8123 } as Socket;
const check = (uid: string, inode = '222') =>
  peerIsThisUser(socket, { uid: 1000, platform: 'linux', release: '6.8.0-generic', endianness: 'LE', readTable: async () => TABLE.replace('UID', uid).replace('INODE', inode) });

describe('who is on the other end of a loopback connection', () => {
  it('writes addresses the way /proc/net/tcp does', () => {
    expect(procNetAddress('127.0.0.1', 8123, 'LE')).toBe('0100007F:1FBB');
    expect(procNetAddress('127.0.0.1', 8123, 'BE')).toBe('7F000001:1FBB');
    expect(procNetAddress('::ffff:127.0.0.1', 51000, 'LE')).toBe('0100007F:C738');
    expect(procNetAddress('::1', 1, 'LE')).toBeUndefined();
  });

  it("finds the browser's end of our connection, not ours", () => {
    expect(findSocketOwner(TABLE.replace('UID', '1000').replace('INODE', '222'), '0100007F:C738', '0100007F:1FBB')).toEqual({ uid: 1000, inode: '222' });
  });

  it('accepts the same user and root, refuses another user and orphaned sockets', async () => {
    expect(await check('1000')).toEqual({ ok: true, checked: true });
    expect(await check('0')).toEqual({ ok: true, checked: true });
    expect(await check('65534')).toMatchObject({ ok: false, reason: expect.stringContaining('uid 65534') });
    expect(await check('1000', '0')).toMatchObject({ ok: false });
  });

  it('refuses when the connection is not listed; does not check where there is nothing to ask', async () => {
    const elsewhere = { ...socket, remotePort: 51001 } as Socket;
    expect(await peerIsThisUser(elsewhere, { uid: 1000, platform: 'linux', release: '6.8', endianness: 'LE', readTable: async () => TABLE })).toMatchObject({ ok: false });
    expect(await peerIsThisUser(socket, { uid: 501, platform: 'darwin' })).toEqual({ ok: true, checked: false });
    expect(await peerIsThisUser(socket, { uid: 1000, platform: 'linux', release: '5.15.153.1-microsoft-standard-WSL2' })).toEqual({ ok: true, checked: false });
    expect(await peerIsThisUser(socket, { uid: 1000, platform: 'linux', release: '6.8', readTable: async () => Promise.reject(new Error('ENOENT')) })).toEqual({ ok: true, checked: false });
  });
});
