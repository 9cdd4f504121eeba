/**
 * Whole images whose content is hostile, through the actions as the runner runs them (issue 25):
 * generate-sbom and check-host-trust read layers whose bases float and whose packages come from
 * third parties. Each case ends within 60 s and 150 MB of peak RSS with a clear error or the
 * right result, and nothing is written outside the runner's temporary directory: the action's
 * TMPDIR and HOME are empty directories of their own that must stay empty, and no spool is left.
 * The parsers' own bounds are fuzzed in packages/core/test/fuzz; a layer of 1,000,000 entries is
 * test/layer-walk-scale.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createGzip, gzipSync, zstdCompressSync } from 'node:zlib';
import { openLayout, parseRepository, pushLayout, selectLayoutManifest } from '@bydigest/core';
import { rawTar, type RawMember } from '../packages/core/test/fuzz/tar-writer.js';
import { bdbFile } from '../packages/core/test/fuzz/targets/rpm-bdb.js';
import { simpleHeader } from '../packages/core/test/fuzz/targets/rpm-header.js';
import { sqliteFile } from '../packages/core/test/fuzz/targets/rpm-sqlite.js';
import { writeOciLayout } from './harness/image.js';
import { imageOfLayers, type BuiltLayer } from './harness/many-files.js';
import { watchPeakRss } from './harness/peak-rss.js';
import { testClient } from './harness/push.js';
import { startRegistry, type RunningRegistry } from './harness/registry.js';
import { errorLines, runAction, type StepResult } from './harness/runner.js';
import { makeKey, type TestKey } from './harness/signing.js';
import { makeTempDir, removeDir } from './harness/tmp.js';
import { writeReport } from './reliability/lib/campaign.js';

const LIMIT_MB = 150;
const LIMIT_MS = 60_000;

let reg: RunningRegistry;
let work: string;
let key: TestKey;
let n = 0;
const cases: { case: string; action: string; code: number; ms: number; peakRssMb: number; error?: string }[] = [];

beforeAll(async () => {
  reg = await startRegistry({ mode: 'none' });
  work = await makeTempDir('bydigest-hostile-');
  key = await makeKey('');
}, 120_000);
afterAll(async () => {
  await reg?.stop();
  await removeDir(work);
  // docs/reliability.md's table of these cases (scripts/reliability-report.ts).
  writeReport('hostile-images', {
    date: new Date().toISOString(),
    command: 'pnpm test test/hostile-images.test.ts',
    cases,
  });
});

const sha = (b: Buffer) => `sha256:${createHash('sha256').update(b).digest('hex')}`;
const gzLayer = (tar: Buffer): BuiltLayer => ({ gz: gzipSync(tar, { level: 1 }), diffId: sha(tar) });

const OS_RELEASE: RawMember = { name: 'etc/os-release', content: Buffer.from('ID=debian\nVERSION_ID=12\n') };
const DPKG: RawMember = {
  name: 'var/lib/dpkg/status',
  content: Buffer.from('Package: hello\nStatus: install ok installed\nVersion: 2.10-3\nArchitecture: amd64\n'),
};
const base = () =>
  gzLayer(rawTar([{ name: 'etc/', type: '5' }, OS_RELEASE, { name: 'var/lib/dpkg/', type: '5' }, DPKG]));

/** Pushes an image of these layers (bottom first); returns its docker:// source. */
async function push(layers: BuiltLayer[], mediaTypes?: string[]): Promise<string> {
  const image = imageOfLayers(layers);
  if (mediaTypes) {
    // imageOfLayers says gzip; a zstd layer's descriptor says zstd, as a real one does.
    const doc = JSON.parse(image.bytes.toString()) as { layers: { mediaType: string }[] };
    doc.layers.forEach((l, i) => (l.mediaType = mediaTypes[i] ?? l.mediaType));
    image.bytes = Buffer.from(JSON.stringify(doc));
    image.digest = sha(image.bytes);
    image.size = image.bytes.length;
  }
  const dir = writeOciLayout(join(work, `layout-${n}`), image);
  const repo = `${reg.host}/hostile/case${n++}`;
  const client = testClient(reg);
  try {
    const l = await openLayout('oci', dir);
    const { digest } = await pushLayout(client, parseRepository(repo), l, await selectLayoutManifest(l), ['latest']);
    await l.close();
    return `docker://${repo}@${digest}`;
  } finally {
    await client.close();
  }
}

interface Bounded {
  step: StepResult;
  peakMb: number;
  errors: string[];
}

/** Runs the action with a TMPDIR and HOME of its own, measures it, and checks what it left behind. */
async function runBounded(
  action: 'generate-sbom' | 'check-host-trust',
  inputs: Record<string, string>,
  what: string,
): Promise<Bounded> {
  const outside = join(work, `outside-${n}`);
  const home = join(work, `home-${n}`);
  const runnerTemp = join(work, `runner-${n++}`);
  for (const d of [outside, home, runnerTemp]) mkdirSync(d, { recursive: true });
  const rss = watchPeakRss();
  const run = await runAction(action, {
    inputs,
    runnerTemp,
    env: { GITHUB_WORKSPACE: runnerTemp, REGISTRY_AUTH_FILE: reg.authFile, TMPDIR: outside, HOME: home },
    onSpawn: rss.onSpawn,
    timeoutMs: 3 * LIMIT_MS,
  });
  const peakMb = rss.stop() / 1024;
  const errors = errorLines(run.main);
  const record = {
    case: what,
    action,
    code: run.main.code,
    ms: run.main.durationMs,
    peakRssMb: Math.round(peakMb),
    ...(errors[0] ? { error: errors[0].replace(/docker:\/\/\S+|sha256:[0-9a-f]{64}/g, '…').slice(0, 200) } : {}),
  };
  cases.push(record);
  console.log(JSON.stringify(record));
  expect(run.main.durationMs).toBeLessThan(LIMIT_MS);
  expect(peakMb).toBeGreaterThan(20);
  expect(peakMb).toBeLessThan(LIMIT_MB);
  expect(readdirSync(outside)).toEqual([]);
  expect(readdirSync(home)).toEqual([]);
  // The walk's spool (bydigest-layers-*) and database copies are removed; the runner's own files stay.
  expect(readdirSync(runnerTemp).filter((f) => f.startsWith('bydigest-'))).toEqual([]);
  // A crash prints a stack, not an ::error:: line naming the image.
  expect(run.main.stderr).not.toMatch(/\n\s+at .+\(.+:\d+:\d+\)/);
  return { step: run.main, peakMb, errors };
}

const sbom = (source: string, what: string) => runBounded('generate-sbom', { source, output: 'sbom.spdx.json' }, what);

describe('hostile layers through generate-sbom', () => {
  it('a gzip bomb (≈ 10 MiB that inflates to 10 GiB) above the database: read through with flat memory', async () => {
    // Multi-member gzip, as `cat a.gz b.gz` makes: the tar header, ten members of 1 GiB of zeros
    // each (the same bytes: deflate tops out near 1,030:1), then the end blocks.
    const GiB = 2 ** 30;
    const zeros = Buffer.alloc(16 * 2 ** 20);
    const gib = await new Promise<Buffer>((resolve, reject) => {
      const gz = createGzip({ level: 9 });
      const parts: Buffer[] = [];
      gz.on('data', (b: Buffer) => parts.push(b));
      gz.on('end', () => resolve(Buffer.concat(parts)));
      gz.on('error', reject);
      for (let i = 0; i < GiB / zeros.length; i++) gz.write(zeros);
      gz.end();
    });
    const header = rawTar([{ name: 'usr/share/bomb.img', size: 10 * GiB }], { end: false });
    const diff = createHash('sha256').update(header);
    for (let i = 0; i < (10 * GiB) / zeros.length; i++) diff.update(zeros);
    diff.update(Buffer.alloc(1024));
    const bomb: BuiltLayer = {
      gz: Buffer.concat([gzipSync(header), ...Array<Buffer>(10).fill(gib), gzipSync(Buffer.alloc(1024))]),
      diffId: `sha256:${diff.digest('hex')}`,
    };
    expect(bomb.gz.length).toBeLessThan(12 * 2 ** 20);
    const r = await sbom(await push([base(), bomb]), 'gzip bomb');
    expect(r.errors).toEqual([]);
    expect(r.step.outputs.packages).toBe('1');
  }, 240_000);

  it('a 100 MB pax header: refused at once, naming its size and that hosts refuse it too', async () => {
    const size = 100_000_000;
    const layer = rawTar([{ name: '././@PaxHeader', type: 'x', size, content: Buffer.alloc(size, 0x61) }]);
    const r = await sbom(await push([base(), gzLayer(layer)]), '100 MB pax header');
    expect(r.step.code).toBe(1);
    expect(r.errors.join('\n')).toMatch(/a pax header of 100000000 bytes, over the 1 MiB that Go's archive\/tar reads/);
  }, 120_000);

  it('a symlink cycle on the path to the database: a clear error naming the loop', async () => {
    const top = rawTar([
      { name: 'var/lib/dpkg', type: '2', linkname: 'dpkg2' },
      { name: 'var/lib/dpkg2', type: '2', linkname: '/var/lib/dpkg' },
    ]);
    const r = await sbom(await push([base(), gzLayer(top)]), 'symlink cycle');
    expect(r.step.code).toBe(1);
    expect(r.errors.join('\n')).toMatch(/more than 40 symlinks \(a loop at \/var\/lib\/dpkg2?\?\)/);
  }, 120_000);

  it('a hard link to a file that only a later layer holds: not the database, and said so', async () => {
    const bottom = rawTar([
      OS_RELEASE,
      { name: 'var/lib/dpkg/status', type: '1', linkname: 'var/lib/dpkg/status.real' },
    ]);
    const upper = rawTar([{ name: 'var/lib/dpkg/status.real', content: DPKG.content }]);
    const r = await sbom(await push([gzLayer(bottom), gzLayer(upper)]), 'hard link to a later layer');
    expect(r.step.code).toBe(1);
    expect(r.errors.join('\n')).toMatch(/no package database/i);
  }, 120_000);

  it('a whiteout of / (an opaque root and a whiteout of every top directory): nothing below is read', async () => {
    const top = rawTar([{ name: '.wh..wh..opq' }, { name: '.wh.var' }, { name: '.wh.etc' }]);
    const r = await sbom(await push([base(), gzLayer(top)]), 'whiteout of /');
    expect(r.step.code).toBe(1);
    expect(r.errors.join('\n')).toMatch(/no package database/i);
  }, 120_000);

  it('an rpmdb.sqlite that is a valid SQLite file with a hostile Packages (an endless recursive view): refused at once', async () => {
    const db = sqliteFile('endlessView', []);
    const layer = rawTar([OS_RELEASE, { name: 'usr/lib/sysimage/rpm/rpmdb.sqlite', content: db }]);
    const r = await sbom(await push([gzLayer(layer)]), 'hostile rpmdb.sqlite');
    expect(r.step.code).toBe(1);
    expect(r.errors.join('\n')).toMatch(/rpmdb\.sqlite.*not an rpm database: Packages is a view, not a table/);
  }, 120_000);

  it('a Berkeley DB whose overflow chain loops: refused, naming the page', async () => {
    const db = bdbFile({
      hashItems: [[2]],
      overflow: [
        { next: 3, data: simpleHeader('bash') },
        { next: 2, data: Buffer.alloc(100) },
      ],
    });
    const layer = rawTar([OS_RELEASE, { name: 'var/lib/rpm/Packages', content: db }]);
    const r = await sbom(await push([gzLayer(layer)]), 'looping BDB overflow chain');
    expect(r.step.code).toBe(1);
    expect(r.errors.join('\n')).toMatch(/Packages.*overflow chain reaches page 2, read already/);
  }, 120_000);

  it('`..` paths, absolute link targets and a hard link out of the image: read inside the image, nothing written outside', async () => {
    const layer = rawTar([
      { name: '../../../../../../tmp/bydigest-evil', content: Buffer.from('x') },
      { name: '/etc/../../var/lib/dpkg/status', content: DPKG.content },
      { name: 'etc/os-release', type: '2', linkname: '/../../../../usr/lib/os-release' },
      { name: 'usr/lib/os-release', content: Buffer.from('ID=debian\nVERSION_ID=12\n') },
      { name: 'var/lib/dpkg/status.d/evil', type: '1', linkname: '../../../../../../etc/passwd' },
    ]);
    const r = await sbom(await push([gzLayer(layer)]), '.. paths and absolute links');
    expect(r.errors).toEqual([]);
    expect(r.step.outputs.packages).toBe('1');
    expect(existsSync(join(tmpdir(), 'bydigest-evil'))).toBe(false);
  }, 120_000);

  it('a bootc-style zstd:chunked layer with security.selinux pax xattrs and a GNU sparse member: read as a host reads it', async () => {
    const xattr = { 'SCHILY.xattr.security.selinux': 'system_u:object_r:etc_t:s0' };
    const tar = rawTar([
      { name: 'usr/lib/sparse.img', type: 'S', content: Buffer.alloc(2048, 1), sparseExtensions: 2 },
      { ...OS_RELEASE, pax: xattr },
      { ...DPKG, pax: { ...xattr, 'SCHILY.xattr.user.ostree': 'x' } },
    ]);
    // zstd:chunked: the zstd frames, then skippable frames holding the table of contents and its footer.
    const skippable = (payload: Buffer) =>
      Buffer.concat([
        Buffer.from([0x50, 0x2a, 0x4d, 0x18]),
        Buffer.from(Uint32Array.of(payload.length).buffer),
        payload,
      ]);
    const zst = Buffer.concat([
      zstdCompressSync(tar),
      skippable(Buffer.from('{"version":1,"entries":[]}')),
      skippable(Buffer.alloc(64)),
    ]);
    const r = await sbom(
      await push([{ gz: zst, diffId: sha(tar) }], ['application/vnd.oci.image.layer.v1.tar+zstd']),
      'zstd:chunked, xattrs, sparse',
    );
    expect(r.errors).toEqual([]);
    expect(r.step.outputs.packages).toBe('1');
  }, 120_000);
});

describe('hostile trust files through check-host-trust', () => {
  it('a 50 MB policy.json: refused without reading it into memory', async () => {
    const policy = Buffer.concat([
      Buffer.from('{"default":[{"type":"reject"}],"x":"'),
      Buffer.alloc(50 * 2 ** 20, 0x61),
      Buffer.from('"}'),
    ]);
    const layer = rawTar([{ name: 'etc/containers/policy.json', content: policy }]);
    const source = await push([gzLayer(layer)]);
    const r = await runBounded(
      'check-host-trust',
      { source, 'pull-ref': `${reg.host}/hostile/os:stable`, 'public-key': key.pubFile },
      '50 MB policy.json',
    );
    expect(r.step.code).toBe(1);
    expect(r.errors.join('\n')).toMatch(/\/etc\/containers\/policy\.json is 52428838 bytes, not a trust file/);
  }, 120_000);
});
