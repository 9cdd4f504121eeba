import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** A tiny real package made by Debian's rpmbuild (no files; the header is what matters here). */
export interface RpmSpec {
  name: string;
  version: string;
  release: string;
  epoch?: number;
  license: string;
  vendor?: string;
  arch?: string;
}

export const RPM_DBPATH = '/usr/lib/sysimage/rpm';

/** Builds one .rpm per spec under `dir`; returns their paths in spec order. */
export function buildRpms(dir: string, specs: RpmSpec[]): string[] {
  const top = join(dir, 'rpmbuild');
  mkdirSync(top, { recursive: true });
  return specs.map((s) => {
    const spec = join(dir, `${s.name}-${s.version}.spec`);
    const arch = s.arch ?? 'noarch';
    writeFileSync(
      spec,
      [
        `Name: ${s.name}`,
        `Version: ${s.version}`,
        `Release: ${s.release}`,
        ...(s.epoch !== undefined ? [`Epoch: ${s.epoch}`] : []),
        'Summary: bydigest test package',
        `License: ${s.license}`,
        ...(s.vendor ? [`Vendor: ${s.vendor}`] : []),
        ...(arch === 'noarch' ? ['BuildArch: noarch'] : []),
        '%description',
        'bydigest test package',
        '%files',
        '',
      ].join('\n'),
    );
    const target = arch === 'noarch' ? [] : ['--target', arch];
    execFileSync('rpmbuild', ['--quiet', '-bb', ...target, '--define', `_topdir ${top}`, spec], { stdio: 'pipe' });
    const out = join(top, 'RPMS', arch);
    const file = readdirSync(out).find((f) => f.startsWith(`${s.name}-${s.version}-${s.release}.`));
    if (!file) throw new Error(`rpmbuild made no package for ${s.name}`);
    return join(out, file);
  });
}

const rpmArgs = (root: string) => ['--root', root, '--dbpath', RPM_DBPATH];

export function rpmInitDb(root: string): void {
  execFileSync('rpmdb', [...rpmArgs(root), '--initdb'], { stdio: 'pipe' });
}

/** `rpm -U` (install or upgrade) without scripts or dependency checks. */
export function rpmUpgrade(root: string, rpms: string[]): void {
  execFileSync('rpm', [...rpmArgs(root), '-U', '--nodeps', '--noscripts', '--ignorearch', '--ignoreos', ...rpms], {
    stdio: 'pipe',
  });
}

export function rpmErase(root: string, names: string[]): void {
  execFileSync('rpm', [...rpmArgs(root), '-e', '--nodeps', '--noscripts', ...names], { stdio: 'pipe' });
}

export interface RpmRow {
  name: string;
  epoch?: number;
  version: string;
  release: string;
  arch: string;
  license: string;
}

/** What Debian's rpm itself says the database at `dbpath` holds (gpg-pubkey keys left out). */
export function rpmQueryAll(dbpath: string, opts: { backend?: 'sqlite' | 'bdb_ro' } = {}): RpmRow[] {
  const backend = opts.backend ? ['--define', `_db_backend ${opts.backend}`] : [];
  const out = execFileSync(
    'rpm',
    [
      '--dbpath',
      dbpath,
      ...backend,
      '-qa',
      '--qf',
      '%{NAME}\\t%{EPOCH}\\t%{VERSION}\\t%{RELEASE}\\t%{ARCH}\\t%{LICENSE}\\n',
    ],
    {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  return out
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const [name, epoch, version, release, arch, license] = line.split('\t') as [
        string,
        string,
        string,
        string,
        string,
        string,
      ];
      const row: RpmRow = { name, version, release, arch, license };
      if (epoch !== '(none)') row.epoch = Number(epoch);
      return row;
    })
    .filter((r) => r.name !== 'gpg-pubkey')
    .sort(byNevra);
}

export function byNevra(
  a: { name: string; version: string; arch?: string },
  b: { name: string; version: string; arch?: string },
): number {
  return `${a.name} ${a.version} ${a.arch}`.localeCompare(`${b.name} ${b.version} ${b.arch}`);
}

/** The fields rpm -qa reports, from our reader's packages, in the same order. */
export function asRpmRows(
  pkgs: { name: string; epoch?: number; version: string; release?: string; arch?: string; license?: string }[],
): RpmRow[] {
  return pkgs
    .map((p) => {
      const row: RpmRow = {
        name: p.name,
        version: p.version,
        release: p.release ?? '',
        arch: p.arch ?? '(none)',
        license: p.license ?? '(none)',
      };
      if (p.epoch !== undefined) row.epoch = p.epoch;
      return row;
    })
    .sort(byNevra);
}

/** The packages the rpm tests install: epochs set and unset, legacy and SPDX licenses, two arches. */
export const RPM_SET_1: RpmSpec[] = [
  {
    name: 'bash-lite',
    version: '5.2.26',
    release: '3.fc42',
    license: 'GPLv3+',
    vendor: 'Fedora Project',
    arch: 'x86_64',
  },
  {
    name: 'shadow-lite',
    version: '4.15.1',
    release: '8.fc42',
    epoch: 2,
    license: 'BSD-3-Clause AND GPL-2.0-or-later',
    vendor: 'Fedora Project',
  },
  {
    name: 'zlib-lite',
    version: '1.3.1',
    release: '1.fc42',
    epoch: 0,
    license: 'zlib and Boost',
    vendor: 'Fedora Project',
    arch: 'x86_64',
  },
  { name: 'oddly-licensed', version: '0.1', release: '1', license: 'Some Custom Terms v1', vendor: 'Example Corp' },
  { name: 'to-be-erased', version: '1.0', release: '1.fc42', license: 'MIT' },
];
/** A later layer: an upgrade of bash-lite (and the erase of to-be-erased). */
export const RPM_SET_2: RpmSpec[] = [
  {
    name: 'bash-lite',
    version: '5.2.37',
    release: '1.fc42',
    license: 'GPL-3.0-or-later',
    vendor: 'Fedora Project',
    arch: 'x86_64',
  },
];
