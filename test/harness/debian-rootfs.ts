import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BuiltManifest } from './image.js';
import { imageOfTars, tarOf } from './layers.js';
import { repoRoot } from './paths.js';

export const DEBIAN_ROOTFS_TAR = join(repoRoot, '.cache', 'debian-bookworm-minbase.tar');

/**
 * A real Debian bookworm minbase root as a tar (scripts/debian-rootfs.sh: debootstrap from
 * deb.debian.org, cached under .cache/). The first run downloads for a minute or three;
 * bounded at 15 minutes.
 */
export function debianRootfsTar(): string {
  if (!existsSync(DEBIAN_ROOTFS_TAR)) {
    execFileSync('bash', [join(repoRoot, 'scripts', 'debian-rootfs.sh'), DEBIAN_ROOTFS_TAR], {
      stdio: 'pipe',
      timeout: 15 * 60_000,
    });
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
  const out = execFileSync(
    'dpkg-query',
    ['--admindir', admindir, '-W', '-f', '${db:Status-Status}\\t${Package}\\t${Version}\\t${Architecture}\\n'],
    { encoding: 'utf8' },
  );
  return out
    .split('\n')
    .filter((l) => l.startsWith('installed\t'))
    .map((l) => {
      const [, name, version, arch] = l.split('\t') as [string, string, string, string];
      return { name, version, arch };
    })
    .sort((a, b) => a.name.localeCompare(b.name) || a.arch.localeCompare(b.arch));
}

/**
 * A two-layer image of the Debian root: the root as debootstrap made it (zstd), then a layer
 * that rewrites the dpkg status as an apt layer would, with one package (e2fsprogs) purged (gzip).
 * `expected` is what dpkg-query says of the final status.
 */
export async function buildDebianImage(work: string): Promise<{ image: BuiltManifest; expected: DpkgRow[] }> {
  const rootfs = debianRootfsTar();
  const status = execFileSync('tar', ['-xOf', rootfs, './var/lib/dpkg/status'], { maxBuffer: 64 * 1024 * 1024 });
  const paragraphs = status.toString('utf8').trimEnd().split('\n\n');
  const gone = paragraphs.findIndex((p) => p.startsWith('Package: e2fsprogs\n'));
  if (gone < 0) throw new Error('the Debian root has no e2fsprogs to purge');
  paragraphs.splice(gone, 1);
  const status2 = `${paragraphs.join('\n\n')}\n`;
  const admin = join(work, 'dpkg-admin');
  mkdirSync(join(admin, 'updates'), { recursive: true });
  writeFileSync(join(admin, 'status'), status2);
  const expected = dpkgQueryInstalled(admin);
  const upper = await tarOf([
    { name: 'var/lib/dpkg/status', content: status2 },
    { name: 'var/lib/dpkg/.wh.status-old', content: '' },
  ]);
  const image = imageOfTars([
    { tar: readFileSync(rootfs), compression: 'zstd' },
    { tar: upper, compression: 'gzip' },
  ]);
  return { image, expected };
}
