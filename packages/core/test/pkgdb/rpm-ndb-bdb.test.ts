import { afterAll, describe, expect, it } from '@jest/globals';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readRpmBdb } from '../../src/pkgdb/rpm-bdb.js';
import { readRpmNdb } from '../../src/pkgdb/rpm-ndb.js';
import { asRpmRows, rpmQueryAll } from '../../../../test/harness/rpm.js';
import { makeTempDir, removeDir } from '../../../../test/harness/tmp.js';
import { rejection } from '../bydigest-error.js';

const fixtures = fileURLToPath(new URL('../fixtures/rpmdb/', import.meta.url));
const dirs: string[] = [];
afterAll(async () => {
  for (const d of dirs) await removeDir(d);
});

/**
 * The sle15-bci database's packages as go-rpmdb's own test case lists them (SUSE's `rpm -qa` on
 * the image they came from; Debian's rpm has no ndb backend to ask): arch, name, version-release,
 * in database order; no package has an epoch.
 */
const SLE15_BCI = `noarch system-user-root 20190513-3.3.1
x86_64 filesystem 15.0-11.3.2
x86_64 glibc 2.31-9.3.2
x86_64 libpcre1 8.45-20.10.1
x86_64 libgmp10 6.1.2-4.6.1
x86_64 libgcc_s1 11.2.1+git610-1.3.9
x86_64 libcap2 2.26-4.6.1
x86_64 libstdc++6 11.2.1+git610-1.3.9
x86_64 libncurses6 6.1-5.9.1
x86_64 terminfo-base 6.1-5.9.1
x86_64 libattr1 2.4.47-2.19
x86_64 libselinux1 3.0-1.31
x86_64 libreadline7 7.0-19.6.1
x86_64 bash 4.4-19.6.1
x86_64 libacl1 2.2.52-4.3.1
x86_64 coreutils 8.32-3.2.1
x86_64 sles-release 15.3-55.4.1
noarch ca-certificates-mozilla-prebuilt 2.44-21.1
x86_64 libgpg-error0 1.29-1.8
x86_64 libpopt0 1.16-3.22
noarch file-magic 5.32-7.14.1
x86_64 libbz2-1 1.0.6-5.11.1
x86_64 liblua5_3-5 5.3.6-3.6.1
x86_64 liblzma5 5.2.3-4.3.1
x86_64 libz1 1.2.11-3.21.1
x86_64 libzstd1 1.4.4-1.6.1
x86_64 libmagic1 5.32-7.14.1
x86_64 libdw1 0.168-4.5.3
x86_64 libebl-plugins 0.168-4.5.3
x86_64 libelf1 0.168-4.5.3
x86_64 libcrypt1 4.4.15-2.51
x86_64 perl-base 5.26.1-15.87
x86_64 libgcrypt20 1.8.2-8.39.1
noarch rpm-config-SUSE 1-5.6.1
x86_64 rpm-ndb 4.14.3-40.1`;

describe('rpm ndb (SUSE Packages.db)', () => {
  it("lists the sle15-bci database as go-rpmdb's test case does, in its order", async () => {
    const pkgs = await readRpmNdb(join(fixtures, 'sle15-bci__Packages.db'), 'sle15');
    expect(pkgs.map((p) => `${p.arch} ${p.name} ${p.version}-${p.release}`).join('\n')).toBe(SLE15_BCI);
    expect(pkgs.find((p) => p.name === 'libcap2')?.license).toBe('BSD-3-Clause or GPL-2.0');
    expect(pkgs.every((p) => p.epoch === undefined && p.supplier === 'SUSE LLC <https://www.suse.com/>')).toBe(true);
  });

  it('fails naming the file when it is truncated or not ndb', async () => {
    const d = await makeTempDir('bydigest-ndb-');
    dirs.push(d);
    writeFileSync(join(d, 'cut.db'), readFileSync(join(fixtures, 'sle15-bci__Packages.db')).subarray(0, 300_000));
    const e = await rejection(readRpmNdb(join(d, 'cut.db'), '/var/lib/rpm/Packages.db in layer sha256:ee'));
    expect(e.code).toBe('PKGDB');
    expect(e.message).toMatch(/^\/var\/lib\/rpm\/Packages.db in layer sha256:ee: .*truncated/);
    expect((await rejection(readRpmNdb(join(fixtures, 'blob.bin'), 'x'))).message).toMatch(/no RpmP header magic/);
  });
});

describe('rpm Berkeley DB (EL ≤ 8 Packages)', () => {
  it("lists what Debian's rpm (bdb_ro backend) lists for the libuuid database", async () => {
    const d = await makeTempDir('bydigest-bdb-');
    dirs.push(d);
    copyFileSync(join(fixtures, 'libuuid__Packages'), join(d, 'Packages'));
    const ours = await readRpmBdb(join(d, 'Packages'), 'libuuid');
    expect(ours.map((p) => p.name)).toEqual(['libuuid']);
    expect(asRpmRows(ours)).toEqual(rpmQueryAll(d, { backend: 'bdb_ro' }));
  });

  it('fails naming the file when it is truncated or not a hash database', async () => {
    const d = await makeTempDir('bydigest-bdb-');
    dirs.push(d);
    writeFileSync(join(d, 'cut'), readFileSync(join(fixtures, 'libuuid__Packages')).subarray(0, 20_000));
    const e = await rejection(readRpmBdb(join(d, 'cut'), '/var/lib/rpm/Packages'));
    expect(e.code).toBe('PKGDB');
    expect(e.message).toMatch(/truncated/);
    expect((await rejection(readRpmBdb(join(fixtures, 'sle15-bci__Packages.db'), 'x'))).message).toMatch(
      /no hash database magic/,
    );
  });
});
