import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './paths.js';

export const DEBIAN_ROOTFS_TAR = join(repoRoot, '.cache', 'debian-bookworm-minbase.tar');

/**
 * A real Debian bookworm minbase root as a tar (scripts/debian-rootfs.sh: debootstrap from
 * deb.debian.org, cached under .cache/). The first run downloads for a minute or three;
 * bounded at 15 minutes.
 */
export function debianRootfsTar(): string {
  if (!existsSync(DEBIAN_ROOTFS_TAR)) {
    execFileSync('bash', [join(repoRoot, 'scripts', 'debian-rootfs.sh'), DEBIAN_ROOTFS_TAR], { stdio: 'pipe', timeout: 15 * 60_000 });
  }
  return DEBIAN_ROOTFS_TAR;
}

export interface DpkgRow {
  name: string;
  version: string;
  arch: string;
}

/** What dpkg-query says is installed in the admin dir (status "ii"-like: install ok installed). */
export function dpkgQueryInstalled(admindir: string): DpkgRow[] {
  const out = execFileSync('dpkg-query', ['--admindir', admindir, '-W', '-f', '${db:Status-Status}\\t${Package}\\t${Version}\\t${Architecture}\\n'], { encoding: 'utf8' });
  return out
    .split('\n')
    .filter((l) => l.startsWith('installed\t'))
    .map((l) => {
      const [, name, version, arch] = l.split('\t') as [string, string, string, string];
      return { name, version, arch };
    })
    .sort((a, b) => a.name.localeCompare(b.name) || a.arch.localeCompare(b.arch));
}
