// A sandbox profile as a macOS Seatbelt profile, run with `sandbox-exec -p PROFILE command…`.
// Everything is denied unless allowed; where rules overlap, the later one wins. The baseline lets a
// program such as Node run (process, sysctl, a few Mach services); it leaves out the keychain's
// services (com.apple.SecurityServer, securityd), reading other processes (kern.proc.all,
// kern.procargs2, the environment `ps eww` shows), and signals outside the sandbox. Then:
//   read: everything, except the denied paths and the data dir (its owned folders allowed again);
//   write: its folders (write mode on), its owned folders (write mode on), its runner's caches, a
//     private temporary folder (TMPDIR), /dev/null and the terminal devices;
//   network: any (standard), or only MCP Tray's proxy on 127.0.0.1 (strict).
// Written from Apple's own profiles and Chromium's sandbox policy; macOS runs it, this file only
// builds it (its tests check the text).
import type { SandboxProfile } from './sandbox-profile.ts';

export interface SeatbeltOptions {
  /** The sandbox's own temporary folder (its TMPDIR): writable. */
  readonly tempDir: string;
  /** strict: the proxy's port on 127.0.0.1, the only address it may connect to. */
  readonly proxyPort?: number;
}

const MACH_SERVICES = [
  'com.apple.system.logger',
  'com.apple.system.notification_center',
  'com.apple.system.opendirectoryd.libinfo',
  'com.apple.system.opendirectoryd.membership',
  'com.apple.bsd.dirhelper',
  'com.apple.logd',
  'com.apple.distributed_notifications@Uv3',
  'com.apple.FontObjectsServer',
  'com.apple.fonts',
  'com.apple.lsd.mapdb',
  'com.apple.coreservices.launchservicesd',
  'com.apple.PowerManagement.control',
];

const SYSCTLS = [
  'hw.activecpu', 'hw.byteorder', 'hw.cachelinesize_compat', 'hw.cpufamily', 'hw.cpufrequency', 'hw.cputype', 'hw.logicalcpu',
  'hw.logicalcpu_max', 'hw.machine', 'hw.memsize', 'hw.ncpu', 'hw.nperflevels', 'hw.pagesize', 'hw.pagesize_compat',
  'hw.physicalcpu', 'hw.physicalcpu_max', 'hw.tbfrequency_compat', 'hw.vectorunit', 'kern.argmax', 'kern.hostname',
  'kern.maxfiles', 'kern.maxfilesperproc', 'kern.maxproc', 'kern.ngroups', 'kern.osproductversion', 'kern.osrelease',
  'kern.ostype', 'kern.osvariant_status', 'kern.osversion', 'kern.secure_kernel', 'kern.usrstack64', 'kern.version',
  'machdep.cpu.brand_string', 'machdep.ptrauth_enabled', 'sysctl.proc_cputype', 'vm.loadavg',
];
const SYSCTL_PREFIXES = ['hw.optional.', 'hw.perflevel', 'machdep.cpu.'];

export function seatbeltProfile(profile: SandboxProfile, options: SeatbeltOptions): string {
  const lines: string[] = [
    '(version 1)',
    '(deny default)',
    '; processes: its own, and only its own',
    '(allow process-exec)',
    '(allow process-fork)',
    '(allow process-info* (target self))',
    '(allow process-info* (target same-sandbox))',
    '(allow signal (target same-sandbox))',
    '(allow user-preference-read)',
    '(allow ipc-posix-shm)',
    '(allow ipc-posix-sem)',
    '(allow iokit-get-properties)',
    '(allow system-socket (require-all (socket-domain AF_SYSTEM) (socket-protocol 2)))',
    `(allow mach-lookup ${MACH_SERVICES.map((name) => `(global-name ${quote(name)})`).join(' ')})`,
    `(allow sysctl-read ${SYSCTLS.map((name) => `(sysctl-name ${quote(name)})`).join(' ')} ${SYSCTL_PREFIXES.map((p) => `(sysctl-name-prefix ${quote(p)})`).join(' ')})`,
    '; files: read everything but what is hidden below',
    '(allow file-read*)',
    '(allow file-ioctl (literal "/dev/null") (literal "/dev/zero") (literal "/dev/random") (literal "/dev/urandom") (literal "/dev/tty"))',
  ];
  const hidden = [...profile.denied, profile.dataDir];
  if (hidden.length > 0) lines.push(`(deny file-read* file-write* ${hidden.map((p) => `(subpath ${quote(p)})`).join(' ')})`);
  // The data dir itself may be passed through (not listed) to reach the folders it owns.
  if (profile.owned.length > 0) {
    lines.push(`(allow file-read-metadata (literal ${quote(profile.dataDir)}))`);
    lines.push(`(allow file-read* ${profile.owned.map((p) => `(subpath ${quote(p)})`).join(' ')})`);
  }
  const writable = [
    ...(profile.writable ? [...profile.folders, ...profile.owned] : []),
    ...profile.caches,
    options.tempDir,
  ];
  lines.push('; files: write only here');
  lines.push(`(allow file-write* ${writable.map((p) => `(subpath ${quote(p)})`).join(' ')} (literal "/dev/null") (regex #"^/dev/tty"))`);
  // A denied path inside a writable folder stays hidden.
  if (profile.denied.length > 0) lines.push(`(deny file-read* file-write* ${profile.denied.map((p) => `(subpath ${quote(p)})`).join(' ')})`);
  lines.push('; network');
  if (profile.level === 'strict') {
    if (options.proxyPort === undefined) throw new Error('a strict sandbox needs the proxy port');
    lines.push(`(allow network-outbound (remote ip ${quote(`localhost:${options.proxyPort}`)}))`);
  } else {
    lines.push('(allow network*)');
    lines.push('(allow mach-lookup (global-name "com.apple.dnssd.service") (global-name "com.apple.trustd.agent"))');
  }
  return lines.join('\n') + '\n';
}

/** A Seatbelt string literal. */
function quote(text: string): string {
  return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}
