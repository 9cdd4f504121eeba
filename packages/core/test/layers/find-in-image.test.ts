import { afterAll, describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { findInImage, type FindRequest } from '../../src/layers/find-in-image.js';
import { resolveInRoot } from '../../src/layers/image-path.js';
import { openLayoutImage } from '../../src/layers/image-source.js';
import { writeOciLayout, type BuiltManifest } from '../../../../test/harness/image.js';
import { imageOfTars, tarOf, type Compression, type TarMember } from '../../../../test/harness/layers.js';
import { makeTempDir, removeDir } from '../../../../test/harness/tmp.js';
import { rejection } from '../bydigest-error.js';

const dirs: string[] = [];
afterAll(async () => {
  for (const d of dirs) await removeDir(d);
});

async function layoutOf(
  layers: { members: TarMember[]; compression?: Compression }[],
): Promise<{ dir: string; image: BuiltManifest }> {
  const tars = await Promise.all(
    layers.map(async (l) => ({ tar: await tarOf(l.members), compression: l.compression ?? 'gzip' })),
  );
  const image = imageOfTars(tars);
  const dir = await makeTempDir('bydigest-walk-');
  dirs.push(dir);
  writeOciLayout(dir, image);
  return { dir, image };
}

const RPM_PATHS = ['/usr/lib/sysimage/rpm/rpmdb.sqlite', '/var/lib/rpm/rpmdb.sqlite', '/usr/share/rpm/rpmdb.sqlite'];
const REQ: FindRequest = {
  paths: [...RPM_PATHS, '/etc/os-release'],
  enough: (f) => f.has('/etc/os-release') && RPM_PATHS.some((p) => f.has(p)),
};

async function find(dir: string, req: FindRequest = REQ) {
  const image = await openLayoutImage({ kind: 'oci', path: dir }, { os: 'linux', architecture: 'amd64' });
  try {
    const found = await findInImage(image, req);
    const texts = new Map([...found.files].map(([k, v]) => [k, readFileSync(v.file, 'utf8')]));
    const text = (p: string) => texts.get(p);
    const result = { text, found, paths: Object.fromEntries([...found.files].map(([k, v]) => [k, v.path])) };
    await found.close();
    return result;
  } finally {
    await image.close();
  }
}

const fedoraBase: TarMember[] = [
  { name: 'usr/', dir: true },
  { name: 'usr/lib/os-release', content: 'ID=fedora\nVERSION_ID=42\n' },
  { name: 'etc/os-release', symlink: '../usr/lib/os-release' },
  { name: 'usr/lib/sysimage/rpm/rpmdb.sqlite', content: 'db v1' },
  { name: 'var/lib/rpm', symlink: '../../usr/lib/sysimage/rpm' },
];

describe('findInImage (oci: layouts built at test time)', () => {
  it('follows the Fedora symlinks and takes the upper layer’s copy (gzip, zstd, plain)', async () => {
    const { dir } = await layoutOf([
      { members: fedoraBase, compression: 'gzip' },
      { members: [{ name: 'usr/lib/sysimage/rpm/rpmdb.sqlite', content: 'db v2' }], compression: 'zstd' },
      {
        members: [
          { name: 'opt/.wh.unrelated', content: '' },
          { name: 'opt/app/.wh..wh..opq', content: '' },
        ],
        compression: 'none',
      },
    ]);
    const r = await find(dir);
    expect(r.text('/var/lib/rpm/rpmdb.sqlite')).toBe('db v2');
    expect(r.paths['/var/lib/rpm/rpmdb.sqlite']).toBe('/usr/lib/sysimage/rpm/rpmdb.sqlite');
    expect(r.text('/etc/os-release')).toBe('ID=fedora\nVERSION_ID=42\n');
    expect(r.paths['/etc/os-release']).toBe('/usr/lib/os-release');
    expect(r.found.layersRead).toBe(3);
  });

  it('gives the same answer with several layers streaming at once', async () => {
    const { dir } = await layoutOf([
      { members: fedoraBase },
      {
        members: [
          { name: 'usr/lib/sysimage/rpm/rpmdb.sqlite', content: 'db v2' },
          { name: 'etc/.wh.os-release', content: '' },
        ],
      },
      { members: [{ name: 'etc/os-release', content: 'ID=top\n' }] },
      { members: [{ name: 'srv/data', content: 'y' }] },
    ]);
    for (const concurrency of [1, 3]) {
      const r = await find(dir, { ...REQ, concurrency });
      // Found three layers down; the /var/lib/rpm symlink below is never read.
      expect(r.text('/usr/lib/sysimage/rpm/rpmdb.sqlite')).toBe('db v2');
      expect(r.text('/var/lib/rpm/rpmdb.sqlite')).toBeUndefined();
      expect(r.text('/etc/os-release')).toBe('ID=top\n');
      expect(r.found.layersRead).toBe(3);
    }
  });

  it('stops reading once what it needs is found in the upper layers', async () => {
    const { dir } = await layoutOf([
      { members: [{ name: 'usr/lib/sysimage/rpm/rpmdb.sqlite', content: 'old' }] },
      { members: [{ name: 'bin/sh', content: 'x' }] },
      { members: fedoraBase },
      { members: [{ name: 'srv/data', content: 'y' }] },
    ]);
    const r = await find(dir);
    expect(r.text('/usr/lib/sysimage/rpm/rpmdb.sqlite')).toBe('db v1');
    expect(r.found.layersRead).toBe(2);
    expect(r.found.layersTotal).toBe(4);
  });

  it('follows the RHEL-family bootc chain /var/lib/rpm → /usr/lib/sysimage/rpm → /usr/share/rpm', async () => {
    const { dir } = await layoutOf([
      {
        members: [
          { name: 'usr/share/rpm/rpmdb.sqlite', content: 'rhel db' },
          { name: 'etc/os-release', content: 'ID="rhel"\n' },
        ],
      },
      {
        members: [
          { name: 'usr/lib/sysimage/rpm', symlink: '../../share/rpm' },
          { name: 'var/lib/rpm', symlink: '../../usr/lib/sysimage/rpm' },
        ],
      },
    ]);
    const r = await find(dir);
    for (const p of RPM_PATHS) expect(r.paths[p]).toBe('/usr/share/rpm/rpmdb.sqlite');
    expect(r.text('/var/lib/rpm/rpmdb.sqlite')).toBe('rhel db');
  });

  it('reads a file an ostree-style layer hard-links to its object store', async () => {
    const object = 'sysroot/ostree/repo/objects/3f/9a1c0e.file';
    const { dir } = await layoutOf([
      {
        members: [
          { name: 'usr/lib/os-release', content: 'ID=fedora\n' },
          { name: 'etc/os-release', symlink: '../usr/lib/os-release' },
        ],
      },
      {
        members: [
          { name: object, content: 'ostree db' },
          { name: 'usr/lib/sysimage/rpm/rpmdb.sqlite', hardlink: object },
        ],
      },
    ]);
    const r = await find(dir);
    expect(r.text('/usr/lib/sysimage/rpm/rpmdb.sqlite')).toBe('ostree db');
  });

  it('applies whiteouts and opaque directories of upper layers', async () => {
    const { dir } = await layoutOf([
      { members: fedoraBase },
      {
        members: [
          { name: 'usr/lib/sysimage/rpm/.wh.rpmdb.sqlite', content: '' },
          { name: 'usr/share/rpm/rpmdb.sqlite', content: 'elsewhere' },
        ],
      },
    ]);
    const r = await find(dir);
    expect(r.text('/usr/lib/sysimage/rpm/rpmdb.sqlite')).toBeUndefined();
    expect(r.text('/var/lib/rpm/rpmdb.sqlite')).toBeUndefined();
    expect(r.text('/usr/share/rpm/rpmdb.sqlite')).toBe('elsewhere');

    const opaque = await layoutOf([
      { members: [...fedoraBase, { name: 'usr/lib/sysimage/rpm/Packages', content: 'bdb' }] },
      {
        members: [
          { name: 'usr/lib/sysimage/rpm/.wh..wh..opq', content: '' },
          { name: 'usr/lib/sysimage/rpm/Packages', content: 'new bdb' },
        ],
      },
    ]);
    const o = await find(opaque.dir, { paths: ['/var/lib/rpm/rpmdb.sqlite', '/var/lib/rpm/Packages'] });
    expect(o.text('/var/lib/rpm/rpmdb.sqlite')).toBeUndefined();
    expect(o.text('/var/lib/rpm/Packages')).toBe('new bdb');
  });

  it('hides everything under a path an upper layer replaced with a file or symlink', async () => {
    const { dir } = await layoutOf([
      { members: fedoraBase },
      { members: [{ name: 'usr/lib/sysimage/rpm', symlink: '/nowhere' }] },
    ]);
    const r = await find(dir);
    expect(r.text('/usr/lib/sysimage/rpm/rpmdb.sqlite')).toBeUndefined();
  });

  it('never resolves a path out of the image root', async () => {
    const links: Record<string, string> = {
      'var/lib/rpm': '../../../../../../../etc/secrets',
      'etc/os-release': '/../../../proc/self/environ',
    };
    expect(resolveInRoot('/var/lib/rpm/rpmdb.sqlite', (p) => links[p])).toBe('etc/secrets/rpmdb.sqlite');
    expect(resolveInRoot('/etc/os-release', (p) => links[p])).toBe('proc/self/environ');
    const loop: Record<string, string> = { a: 'b', b: 'a' };
    expect(() => resolveInRoot('/a/x', (p) => loop[p])).toThrow(/more than 40 symlinks/);
  });

  it('checks the digest of layers of many chunks, walked at once, and finds a byte changed deep inside one', async () => {
    // Each layer spans dozens of read buffers, and several are read at once with their digests taken
    // on a worker thread: a buffer reused before the digest had read it would fail a good layer here.
    const noise = (i: number) => ({ name: `data/${i}.bin`, content: randomBytes(3 * 1024 * 1024 + i) });
    const layers = Array.from({ length: 6 }, (_, i) => ({ members: [noise(i)], compression: 'none' as const }));
    const { dir, image } = await layoutOf([{ members: fedoraBase }, ...layers]);
    expect((await find(dir)).text('/etc/os-release')).toContain('ID=fedora');
    const middle = image.layers[3]!;
    const path = join(dir, 'blobs', 'sha256', middle.digest.slice(7));
    const flipped = readFileSync(path);
    flipped[2 * 1024 * 1024 + 3] = flipped[2 * 1024 * 1024 + 3]! ^ 1;
    writeFileSync(path, flipped);
    const e = await rejection(find(dir));
    expect(e.code).toBe('DIGEST_MISMATCH');
    expect(e.message).toContain(middle.digest);
  });

  it('names the layer whose bytes do not match its digest, and a member cut short', async () => {
    const { dir, image } = await layoutOf([
      { members: fedoraBase, compression: 'none' },
      { members: [{ name: 'a', content: 'b' }] },
    ]);
    const bottom = image.layers[0]!;
    const path = join(dir, 'blobs', 'sha256', bottom.digest.slice(7));
    const bytes = readFileSync(path);
    const flipped = Buffer.from(bytes);
    flipped[600] = flipped[600]! ^ 1;
    writeFileSync(path, flipped);
    const e = await rejection(find(dir));
    expect(e.code).toBe('DIGEST_MISMATCH');
    expect(e.message).toContain(`layer 1 of 2`);
    expect(e.message).toContain(bottom.digest);

    // A layer that is what its descriptor says, but whose tar stops inside a member.
    const whole = await tarOf([{ name: 'usr/lib/sysimage/rpm/rpmdb.sqlite', content: 'x'.repeat(2000) }]);
    const cutImage = imageOfTars([{ tar: whole.subarray(0, 512 + 700) }]);
    const cutDir = await makeTempDir('bydigest-walk-');
    dirs.push(cutDir);
    writeOciLayout(cutDir, cutImage);
    const cut = await rejection(find(cutDir));
    expect(cut.code).toBe('LAYER');
    expect(cut.message).toContain(cutImage.layers[0]!.digest);
    expect(cut.message).toContain('usr/lib/sysimage/rpm/rpmdb.sqlite');
  });
});
