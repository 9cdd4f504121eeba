import { describe, expect, it, afterAll } from '@jest/globals';
import { copyFileSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseRpmHeader } from '../../src/pkgdb/rpm-header.js';
import { readRpmSqlite } from '../../src/pkgdb/rpm-sqlite.js';
import {
  asRpmRows,
  buildRpms,
  RPM_DBPATH,
  RPM_SET_1,
  RPM_SET_2,
  rpmErase,
  rpmInitDb,
  rpmQueryAll,
  rpmUpgrade,
} from '../../../../test/harness/rpm.js';
import { makeTempDir, removeDir } from '../../../../test/harness/tmp.js';
import { rejection, thrown } from '../bydigest-error.js';

const fixtures = fileURLToPath(new URL('../fixtures/rpmdb/', import.meta.url));
const dirs: string[] = [];
const tmp = async () => {
  const d = await makeTempDir('bydigest-rpmtest-');
  dirs.push(d);
  return d;
};
afterAll(async () => {
  for (const d of dirs) await removeDir(d);
});

describe('rpm header blob', () => {
  it('reads a Fedora 35 header (go-rpmdb blob.bin)', () => {
    const p = parseRpmHeader(readFileSync(join(fixtures, 'blob.bin')), 'blob.bin');
    expect(p).toEqual({
      name: 'publicsuffix-list-dafsa',
      version: '20210518',
      release: '2.fc35',
      arch: 'noarch',
      license: 'MPLv2.0',
      supplier: 'Fedora Project',
      source: 'publicsuffix-list-20210518-2.fc35.src.rpm',
      size: 68815,
    });
  });

  it('names the blob when it is truncated or its counts are absurd', () => {
    const blob = readFileSync(join(fixtures, 'blob.bin'));
    const cut = thrown(() => parseRpmHeader(blob.subarray(0, 2000), 'db (hnum 7)'));
    expect(cut.code).toBe('PKGDB');
    expect(cut.message).toMatch(/^db \(hnum 7\): malformed rpm header: .*truncated/);
    const huge = Buffer.from(blob);
    huge.writeUInt32BE(0x7fffffff, 0);
    expect(thrown(() => parseRpmHeader(huge, 'x')).message).toMatch(/index count/);
    expect(thrown(() => parseRpmHeader(Buffer.alloc(4), 'x')).message).toMatch(/shorter than the 8-byte preamble/);
    // An entry whose offset points past the data store.
    const bad = Buffer.from(blob);
    bad.writeInt32BE(bad.readUInt32BE(4) + 100, 8 + 16 + 8);
    expect(thrown(() => parseRpmHeader(bad, 'x')).message).toMatch(/outside the data store/);
  });
});

describe('rpm sqlite database', () => {
  it('lists what Debian rpm -qa lists for the CBL-Mariner fixture (129 packages)', async () => {
    const d = await tmp();
    copyFileSync(join(fixtures, 'cbl-mariner-2.0__rpmdb.sqlite'), join(d, 'rpmdb.sqlite'));
    const ours = await readRpmSqlite(join(d, 'rpmdb.sqlite'), 'mariner');
    expect(ours).toHaveLength(129);
    // Read from a private copy without side files: nothing appears beside the original.
    expect(readdirSync(d)).toEqual(['rpmdb.sqlite']);
    expect(asRpmRows(ours)).toEqual(rpmQueryAll(d));
  });

  it('matches rpm -qa on databases Debian rpm built: epochs, licenses, an upgrade and an erase', async () => {
    const d = await tmp();
    const root = join(d, 'root');
    const [first, second] = [buildRpms(join(d, 'b1'), RPM_SET_1), buildRpms(join(d, 'b2'), RPM_SET_2)];
    rpmInitDb(root);
    rpmUpgrade(root, first!);
    const db = join(root, RPM_DBPATH);
    const one = await readRpmSqlite(join(db, 'rpmdb.sqlite'), 'one');
    expect(asRpmRows(one)).toEqual(rpmQueryAll(db));
    expect(one.find((p) => p.name === 'shadow-lite')?.epoch).toBe(2);
    expect(one.find((p) => p.name === 'zlib-lite')?.epoch).toBe(0);
    expect(one.find((p) => p.name === 'bash-lite')?.epoch).toBeUndefined();
    rpmUpgrade(root, second!);
    rpmErase(root, ['to-be-erased']);
    const two = await readRpmSqlite(join(db, 'rpmdb.sqlite'), 'two');
    expect(asRpmRows(two)).toEqual(rpmQueryAll(db));
    expect(two.map((p) => `${p.name}-${p.version}`).sort()).toEqual([
      'bash-lite-5.2.37',
      'oddly-licensed-0.1',
      'shadow-lite-4.15.1',
      'zlib-lite-1.3.1',
    ]);
  });

  it('replays a non-empty -wal beside the database', async () => {
    const d = await tmp();
    const { DatabaseSync } = await import('node:sqlite');
    copyFileSync(join(fixtures, 'cbl-mariner-2.0__rpmdb.sqlite'), join(d, 'rpmdb.sqlite'));
    // A writer that leaves its last transaction in the WAL (no checkpoint), as a killed rpm would.
    const w = new DatabaseSync(join(d, 'rpmdb.sqlite'), { enableForeignKeyConstraints: false });
    w.exec('PRAGMA journal_mode=WAL; PRAGMA wal_autocheckpoint=0;');
    w.exec('DELETE FROM Packages WHERE hnum IN (SELECT hnum FROM Packages ORDER BY hnum LIMIT 3)');
    const snapshot = join(await tmp(), 'x');
    copyFileSync(join(d, 'rpmdb.sqlite'), `${snapshot}.sqlite`);
    copyFileSync(join(d, 'rpmdb.sqlite-wal'), `${snapshot}.sqlite-wal`);
    w.close();
    expect((await readRpmSqlite(`${snapshot}.sqlite`, 'wal')).length).toBe(126);
  });

  it('fails naming the file for a truncated or non-rpm database', async () => {
    const d = await tmp();
    const full = readFileSync(join(fixtures, 'cbl-mariner-2.0__rpmdb.sqlite'));
    writeFileSync(join(d, 'cut.sqlite'), full.subarray(0, 100_000));
    const cut = await rejection(
      readRpmSqlite(join(d, 'cut.sqlite'), '/usr/lib/sysimage/rpm/rpmdb.sqlite in layer sha256:ab'),
    );
    expect(cut.code).toBe('PKGDB');
    expect(cut.message).toMatch(/^\/usr\/lib\/sysimage\/rpm\/rpmdb.sqlite in layer sha256:ab: /);
    writeFileSync(join(d, 'text.sqlite'), 'not a database at all, just text\n'.repeat(200));
    expect((await rejection(readRpmSqlite(join(d, 'text.sqlite'), 'text'))).code).toBe('PKGDB');
  });
});
