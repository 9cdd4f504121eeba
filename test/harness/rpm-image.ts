import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BuiltManifest } from './image.js';
import { imageOfTars, tarOf, type TarMember } from './layers.js';
import {
  buildRpms,
  RPM_DBPATH,
  RPM_SET_1,
  RPM_SET_2,
  rpmErase,
  rpmInitDb,
  rpmQueryAll,
  rpmUpgrade,
  type RpmRow,
} from './rpm.js';

/**
 * A two-layer Fedora-like image whose rpm database Debian's rpm made: layer 1 the first
 * install (gzip), layer 2 an upgrade and an erase with the whole database rewritten, stored
 * ostree-style (object store + hard link) with the /var/lib/rpm symlink (zstd). os-release as
 * Aurora writes it. `expected` is what `rpm -qa` says of the final database.
 */
export async function buildRpmImage(work: string): Promise<{ image: BuiltManifest; expected: RpmRow[] }> {
  const root = join(work, 'root');
  rpmInitDb(root);
  rpmUpgrade(root, buildRpms(join(work, 'b1'), RPM_SET_1));
  const db1 = readFileSync(join(root, RPM_DBPATH, 'rpmdb.sqlite'));
  rpmUpgrade(root, buildRpms(join(work, 'b2'), RPM_SET_2));
  rpmErase(root, ['to-be-erased']);
  const db2 = readFileSync(join(root, RPM_DBPATH, 'rpmdb.sqlite'));
  const expected = rpmQueryAll(join(root, RPM_DBPATH));
  const layer1: TarMember[] = [
    { name: 'usr/lib/os-release', content: 'NAME="Aurora"\nID=aurora\nID_LIKE="fedora"\nVERSION_ID=42\n' },
    { name: 'etc/os-release', symlink: '../usr/lib/os-release' },
    { name: 'usr/lib/sysimage/rpm/rpmdb.sqlite', content: db1 },
    { name: 'usr/lib/sysimage/rpm/rpmdb.sqlite-wal', content: '' },
    { name: 'usr/lib/sysimage/rpm/to-be-hidden', content: 'x' },
  ];
  const object = 'sysroot/ostree/repo/objects/8c/2f0e.file';
  const layer2: TarMember[] = [
    { name: object, content: db2 },
    { name: 'usr/lib/sysimage/rpm/rpmdb.sqlite', hardlink: object },
    { name: 'usr/lib/sysimage/rpm/.wh.to-be-hidden', content: '' },
    { name: 'var/lib/rpm', symlink: '../../usr/lib/sysimage/rpm' },
  ];
  const image = imageOfTars([
    { tar: await tarOf(layer1), compression: 'gzip' },
    { tar: await tarOf(layer2), compression: 'zstd' },
  ]);
  return { image, expected };
}
