/** The text package databases and os-release: dpkg status, apk installed, os-release(5). */
import fc from 'fast-check';
import { parseApkInstalled } from '../../../src/pkgdb/apk.js';
import { parseDpkgStatus } from '../../../src/pkgdb/dpkg.js';
import { distroOf, parseOsRelease } from '../../../src/pkgdb/os-release.js';
import type { FuzzTarget } from '../contract.js';

/** Lines of the file's own vocabulary, in any order and number: what byte flips rarely make. */
const linesOf = (vocab: string[]): fc.Arbitrary<Buffer> =>
  fc
    .array(fc.oneof(fc.constantFrom(...vocab), fc.string({ maxLength: 30 })), { maxLength: 60 })
    .map((ls) => Buffer.from(ls.join('\n')));

const DPKG = `Package: libc6
Status: install ok installed
Priority: optional
Installed-Size: 12345
Maintainer: GNU Libc Maintainers <debian-glibc@lists.debian.org>
Architecture: amd64
Multi-Arch: same
Source: glibc (2.36-9+deb12u4)
Version: 2.36-9+deb12u4
Description: GNU C Library: Shared libraries
 Contains the standard libraries that are used by nearly all programs on
 the system.

Package: removed
Status: deinstall ok config-files
Version: 1.0

`;

const APK = `C:Q1abc=
P:musl
V:1.2.5-r0
A:x86_64
S:383152
I:622592
T:the musl c library (libc) implementation
L:MIT
o:musl
m:Natanael Copa <ncopa@alpinelinux.org>

P:busybox
V:1.36.1-r29
`;

const OS_RELEASE = `NAME="Fedora Linux"
VERSION="42 (Adams)"
ID=aurora
ID_LIKE="fedora"
VERSION_ID=42
PRETTY_NAME="Aurora (Version: 42.20250401)"
SUPPORT_URL='https://example.org/'
HOME_URL="https://example.org/\\"quoted\\""
`;

const utf8 = (b: Buffer) => b.toString('utf8');

export const dpkgStatus: FuzzTarget = {
  name: 'dpkg-status',
  parser: 'pkgdb/dpkg.ts',
  promise:
    'A line parser, linear in the text, that never throws: a paragraph without Package or Version is skipped. generate-sbom reads at most 32 MiB of it (a PKGDB error beyond).',
  run: (input) => parseDpkgStatus(utf8(input)),
  seeds: () => [Buffer.from(DPKG)],
  generate: () =>
    linesOf(
      DPKG.split('\n').concat(['', ' ', ' .', 'Status: hold ok installed', 'Installed-Size: 1e308', ':', 'Package:']),
    ),
};

export const apkInstalled: FuzzTarget = {
  name: 'apk-installed',
  parser: 'pkgdb/apk.ts',
  promise: 'As dpkg status: linear, never throws, records without P: or V: skipped; at most 32 MiB read.',
  run: (input) => parseApkInstalled(utf8(input)),
  seeds: () => [Buffer.from(APK)],
  generate: () => linesOf(APK.split('\n').concat(['', ' \t ', 'P:', 'I:-1', 'V:'])),
};

export const osRelease: FuzzTarget = {
  name: 'os-release',
  parser: 'pkgdb/os-release.ts',
  promise:
    'Linear, never throws; unknown or malformed lines are ignored and a missing ID reads as linux. generate-sbom reads at most 64 KiB of it (a PKGDB error beyond).',
  run: (input) => distroOf(parseOsRelease(utf8(input))),
  seeds: () => [Buffer.from(OS_RELEASE)],
  generate: () =>
    linesOf(
      OS_RELEASE.split('\n').concat([
        'ID="',
        "ID='",
        'ID_LIKE=',
        'ID=__proto__',
        'ID_LIKE="constructor toString"',
        'VERSION_ID="\\\\"',
      ]),
    ),
};
