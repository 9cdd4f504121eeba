import { readFile } from 'node:fs/promises';
import { BydigestError } from '../errors.js';
import type { FindRequest, FoundFile, FoundInImage } from '../layers/find-in-image.js';
import { parseApkInstalled } from './apk.js';
import { parseDpkgStatus } from './dpkg.js';
import { parseOsRelease, type OsRelease } from './os-release.js';
import { readRpmBdb } from './rpm-bdb.js';
import { readRpmNdb } from './rpm-ndb.js';
import { readRpmSqlite } from './rpm-sqlite.js';
import type { InstalledPackage, PackageDbKind } from './types.js';

/** Every rpm database path rpm and syft look at, most recent layout first. */
const RPM_DIRS = ['/usr/lib/sysimage/rpm', '/var/lib/rpm', '/usr/share/rpm'];
const RPM_FILES: [string, PackageDbKind][] = [
  ['rpmdb.sqlite', 'rpm-sqlite'],
  ['Packages.db', 'rpm-ndb'],
  ['Packages', 'rpm-bdb'],
];
const DATABASES: [string, PackageDbKind][] = [
  ...RPM_DIRS.flatMap((d) => RPM_FILES.map(([f, k]): [string, PackageDbKind] => [`${d}/${f}`, k])),
  ['/var/lib/dpkg/status', 'dpkg'],
  ['/lib/apk/db/installed', 'apk'],
];
const DPKG_STATUS_D = '/var/lib/dpkg/status.d';
const OS_RELEASE = ['/etc/os-release', '/usr/lib/os-release'];

/**
 * The text files are read whole, so their size is bounded: a hostile layer's 1 GB os-release
 * would otherwise take the action past its memory. os-release is a few hundred bytes; a dpkg
 * status or apk installed of a full desktop system is a few MB.
 */
const MAX_OS_RELEASE = 64 * 1024;
const MAX_TEXT_DB = 32 * 1024 * 1024;

async function readText(f: FoundFile, max: number, what: string): Promise<string> {
  if (f.size > max) {
    throw new BydigestError(
      'PKGDB',
      `${f.path}${f.layer ? ` in layer ${f.layer}` : ''} is ${f.size} bytes, too large for ${what} (at most ${max})`,
      {
        operation: 'read package database',
        hint: 'the image holds something else at this path; check what its layers install there',
      },
    );
  }
  return readFile(f.file, 'utf8');
}

/** The paths searched, for the "no package database" message. */
export const PACKAGE_DB_PATHS: readonly string[] = [...DATABASES.map(([p]) => p), `${DPKG_STATUS_D}/*`];

/** What generate-sbom asks the layer walk for; it stops at the first layer that completes the picture. */
export function packageDbRequest(): FindRequest {
  return {
    paths: [...DATABASES.map(([p]) => p), ...RPM_DIRS.map((d) => `${d}/rpmdb.sqlite-wal`), ...OS_RELEASE],
    dirs: [DPKG_STATUS_D],
    enough: (f) => OS_RELEASE.some((p) => f.has(p)) && DATABASES.some(([p]) => f.has(p)),
  };
}

export interface Catalog {
  packages: InstalledPackage[];
  /** undefined when there is no database (allow-empty). */
  db?: { kind: PackageDbKind; path: string; layer?: string };
  os?: OsRelease;
}

/** Reads the package database (the first found, in DATABASES order) and os-release out of a walk's result. */
export async function catalogFound(found: FoundInImage, opts: { inPlace: boolean }): Promise<Catalog> {
  const osFile = OS_RELEASE.map((p) => found.files.get(p)).find(Boolean);
  const os = osFile ? parseOsRelease(await readText(osFile, MAX_OS_RELEASE, 'an os-release')) : undefined;
  const withOs = <T extends object>(c: T): T & { os?: OsRelease } => (os ? { ...c, os } : c);
  const where = (f: FoundFile) => `${f.path}${f.layer ? ` in layer ${f.layer}` : ''}`;
  for (const [path, kind] of DATABASES) {
    const f = found.files.get(path);
    if (!f) continue;
    const db = { kind, path: f.path, ...(f.layer ? { layer: f.layer } : {}) };
    return withOs({ packages: await readDb(kind, f, where(f), found, opts), db });
  }
  const statusD = found.dirs.get(DPKG_STATUS_D) ?? [];
  if (statusD.length > 0) {
    const packages: InstalledPackage[] = [];
    for (const f of statusD) packages.push(...parseDpkgStatus(await readText(f, MAX_TEXT_DB, 'a dpkg status file')));
    const first = statusD[0] as FoundFile;
    return withOs({
      packages,
      db: { kind: 'dpkg' as const, path: DPKG_STATUS_D, ...(first.layer ? { layer: first.layer } : {}) },
    });
  }
  return withOs({ packages: [] });
}

async function readDb(
  kind: PackageDbKind,
  f: FoundFile,
  where: string,
  found: FoundInImage,
  opts: { inPlace: boolean },
): Promise<InstalledPackage[]> {
  switch (kind) {
    case 'rpm-sqlite': {
      // The WAL counts only when it came with this database (same layer), never a stale one below.
      const wal = found.files.get(`${f.requested}-wal`);
      const sameWal = wal && wal.layer === f.layer && wal.path === `${f.path}-wal` ? wal.file : '/nonexistent';
      return readRpmSqlite(f.file, where, { inPlace: opts.inPlace, wal: sameWal });
    }
    case 'dpkg':
      return parseDpkgStatus(await readText(f, MAX_TEXT_DB, 'a dpkg status file'));
    case 'apk':
      return parseApkInstalled(await readText(f, MAX_TEXT_DB, 'an apk installed database'));
    case 'rpm-ndb':
      return readRpmNdb(f.file, where);
    case 'rpm-bdb':
      return readRpmBdb(f.file, where);
  }
}
