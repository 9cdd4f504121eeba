/**
 * The merged view across layers (find-in-image.ts, merged-view.ts, image-path.ts): whiteouts,
 * opaque directories, symlinks (cycles, `..`, absolute targets), hard links to members that are
 * missing or come later. Besides the contract, what it finds must lie inside the image: a
 * resolved path with a `..` component, or a copy outside the walk's own directory, fails.
 */
import fc from 'fast-check';
import { dirname } from 'node:path';
import { findInImage } from '../../../src/layers/find-in-image.js';
import { normalizeImagePath } from '../../../src/layers/image-path.js';
import type { LayeredImage } from '../../../src/layers/image-source.js';
import type { FuzzTarget } from '../contract.js';
import { chunksOf, descriptorOf } from '../inputs.js';
import { rawTar, type RawMember } from '../tar-writer.js';

const WANTED = [
  '/etc/containers/policy.json',
  '/var/lib/rpm/rpmdb.sqlite',
  '/usr/lib/sysimage/rpm/rpmdb.sqlite',
  '/etc/os-release',
  '/usr/lib/os-release',
];
const DIRS = ['/etc/containers/registries.d', '/var/lib/dpkg/status.d'];

/** Layers are length-prefixed (4 bytes, big-endian); the last takes the rest. */
export function splitLayers(input: Buffer): Buffer[] {
  const layers: Buffer[] = [];
  let at = 0;
  while (at < input.length && layers.length < 7) {
    const n = at + 4 <= input.length ? input.readUInt32BE(at) : 0;
    const start = at + 4;
    const end = Math.min(input.length, start + n);
    layers.push(input.subarray(start, end));
    at = end;
  }
  if (at < input.length) layers.push(input.subarray(at));
  return layers.length ? layers : [Buffer.alloc(0)];
}

export function joinLayers(layers: Buffer[]): Buffer {
  return Buffer.concat(
    layers.flatMap((l) => {
      const length = Buffer.alloc(4);
      length.writeUInt32BE(l.length);
      return [length, l];
    }),
  );
}

async function run(input: Buffer): Promise<void> {
  const layers = splitLayers(input);
  const image: LayeredImage = {
    description: 'fuzz',
    digest: 'sha256:0',
    subjectDigest: 'sha256:0',
    layers: layers.map(descriptorOf),
    openLayer: async (l) => chunksOf(layers[image.layers.indexOf(l)] as Buffer),
    close: async () => undefined,
  };
  const found = await findInImage(image, { paths: WANTED, dirs: DIRS, concurrency: 2 });
  try {
    const all = [...found.files.values(), ...[...found.dirs.values()].flat()];
    const spool = all[0] ? dirname(all[0].file) : undefined;
    for (const f of all) {
      if (normalizeImagePath(f.path) !== f.path.slice(1) || f.path.split('/').includes('..'))
        throw new Error(`found ${f.path}: not a normal path inside the image`);
      if (dirname(f.file) !== spool) throw new Error(`a copy at ${f.file}, outside the walk's directory`);
    }
  } finally {
    await found.close();
  }
}

const SEGMENTS = [
  'etc',
  'containers',
  'policy.json',
  'usr',
  'lib',
  'os-release',
  'var',
  'rpm',
  'rpmdb.sqlite',
  'registries.d',
  'a.yaml',
  'status.d',
  'dpkg',
  'sysimage',
  '..',
  '.',
  '',
  '.wh.etc',
  '.wh..wh..opq',
  '.wh.policy.json',
];
const path = fc.array(fc.constantFrom(...SEGMENTS), { minLength: 1, maxLength: 5 }).map((s) => s.join('/'));
const target = fc.oneof(
  path,
  path.map((p) => `/${p}`),
  fc.constantFrom('/', '..', '../../..', 'policy.json', '.'),
);

const memberOf: fc.Arbitrary<RawMember> = fc.oneof(
  fc.record({ name: path, content: fc.string({ maxLength: 40 }).map((s) => Buffer.from(s)) }),
  fc.record({ name: path, type: fc.constant('5') }),
  fc.record({ name: path, type: fc.constant('2'), linkname: target }),
  fc.record({ name: path, type: fc.constant('1'), linkname: path }),
  fc.record({ name: path, pax: fc.record({ path: path }), content: fc.constant(Buffer.from('{}')) }),
);

export const mergedView: FuzzTarget = {
  name: 'merged-view',
  parser: 'layers/find-in-image.ts, merged-view.ts, image-path.ts (several layers)',
  promise:
    'Paths are normalised with `..` clamped at the image root; symlinks are followed inside the image only (an absolute target restarts at the image root), at most 40 per path, then a LAYER error naming the loop; a hard link resolves within its own layer only (a target missing there, or only in a later layer, leaves the file not found). 8 bytes per path seen; the only files written are copies of wanted members, in a private directory under RUNNER_TEMP, removed on close.',
  run,
  seeds: () => [
    joinLayers([
      rawTar([
        { name: 'etc/os-release', content: Buffer.from('ID=debian\n') },
        { name: 'usr/lib/os-release', type: '2', linkname: '../../etc/os-release' },
      ]),
      rawTar([{ name: 'etc/.wh.os-release' }, { name: 'etc/containers/policy.json', content: Buffer.from('{}') }]),
    ]),
    joinLayers([
      rawTar([
        { name: 'etc', type: '2', linkname: 'etc' },
        { name: 'var/lib/rpm', type: '2', linkname: '/var/lib/rpm' },
      ]),
      rawTar([{ name: '.wh..wh..opq' }, { name: 'x', type: '1', linkname: 'etc/os-release' }]),
    ]),
  ],
  generate: () =>
    fc
      .array(
        fc.array(memberOf, { maxLength: 10 }).map((ms) => rawTar(ms)),
        { minLength: 1, maxLength: 4 },
      )
      .map(joinLayers),
};
