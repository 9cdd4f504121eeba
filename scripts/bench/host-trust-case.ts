// check-host-trust on a many-layer OS image: the trust files (policy.json, registries.d, the key)
// in a layer on top of generate-sbom's benchmark image, read by digest from the registry (every
// layer streamed once for registries.d, then top-down until the keys are found) and from the
// OCI layout. The target is the issue's: peak RSS <= 150 MB whatever the image size.
import { linkSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import {
  KeySigner,
  decryptCosignKey,
  openLayout,
  parseDigestReference,
  parseRepository,
  pushLayout,
  selectLayoutManifest,
  signImage,
} from '@bydigest/core';
import { tarOf } from '../../test/harness/layers.js';
import { testClient } from '../../test/harness/push.js';
import { REPO_ROOT } from '../../test/harness/runner.js';
import { measureTools } from './loop.js';
import { measureAction } from './proc.js';
import { sbomImageFixture } from './sbom-fixture.js';
import { MiB } from './stats.js';
import { target, type BenchResult, type Ctx, type Tool } from './types.js';

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/**
 * A layout of `base`'s layers plus one layer of trust files (one key: keyPath; several: keyPaths);
 * blobs are hard links, not copies. `release` makes the layer, and so the digest, its own.
 */
export async function withTrustLayer(
  base: string,
  dir: string,
  repo: string,
  publicKeyPems: string[],
  release = 'bench',
): Promise<{ dir: string; digest: string; layers: number }> {
  rmSync(dir, { recursive: true, force: true });
  const blobs = join(dir, 'blobs', 'sha256');
  mkdirSync(blobs, { recursive: true });
  for (const b of readdirSync(join(base, 'blobs', 'sha256')))
    if (!b.startsWith('.')) linkSync(join(base, 'blobs', 'sha256', b), join(blobs, b));
  const index = JSON.parse(readFileSync(join(base, 'index.json'), 'utf8')) as { manifests: { digest: string }[] };
  const manifest = JSON.parse(readFileSync(join(blobs, index.manifests[0]!.digest.slice(7)), 'utf8')) as {
    config: { digest: string };
    layers: { mediaType: string; digest: string; size: number }[];
  };
  const config = JSON.parse(readFileSync(join(blobs, manifest.config.digest.slice(7)), 'utf8')) as {
    rootfs: { diff_ids: string[] };
  };
  const keyPaths = publicKeyPems.map((_, i) => `/etc/pki/containers/bench${i === 0 ? '' : `-${i}`}.pub`);
  const keySource = keyPaths.length === 1 ? { keyPath: keyPaths[0] } : { keyPaths };
  const policy = {
    default: [{ type: 'insecureAcceptAnything' }],
    transports: {
      docker: { [repo]: [{ type: 'sigstoreSigned', ...keySource, signedIdentity: { type: 'matchRepository' } }] },
    },
  };
  const tar = await tarOf([
    { name: 'etc/containers/policy.json', content: JSON.stringify(policy) },
    {
      name: 'etc/containers/registries.d/bench.yaml',
      content: `docker:\n  ${repo}:\n    use-sigstore-attachments: true\n`,
    },
    ...publicKeyPems.map((content, i) => ({ name: keyPaths[i]!.slice(1), content })),
    { name: 'etc/bench-release', content: `${release}\n` },
  ]);
  const gz = gzipSync(tar);
  writeFileSync(join(blobs, sha(gz)), gz);
  config.rootfs.diff_ids.push(`sha256:${sha(tar)}`);
  const configBytes = Buffer.from(JSON.stringify(config));
  writeFileSync(join(blobs, sha(configBytes)), configBytes);
  manifest.config = {
    ...manifest.config,
    digest: `sha256:${sha(configBytes)}`,
    size: configBytes.length,
  } as typeof manifest.config;
  manifest.layers.push({
    mediaType: 'application/vnd.oci.image.layer.v1.tar+gzip',
    digest: `sha256:${sha(gz)}`,
    size: gz.length,
  });
  const manifestBytes = Buffer.from(JSON.stringify(manifest));
  writeFileSync(join(blobs, sha(manifestBytes)), manifestBytes);
  writeFileSync(join(dir, 'oci-layout'), JSON.stringify({ imageLayoutVersion: '1.0.0' }));
  const digest = `sha256:${sha(manifestBytes)}`;
  writeFileSync(
    join(dir, 'index.json'),
    JSON.stringify({
      schemaVersion: 2,
      manifests: [
        {
          mediaType: 'application/vnd.oci.image.manifest.v1+json',
          digest,
          size: manifestBytes.length,
          annotations: { 'org.opencontainers.image.ref.name': 'stable' },
        },
      ],
    }),
  );
  return { dir, digest, layers: manifest.layers.length };
}

/** The generate-sbom image (4 GiB unpacked in the full run), reused when present. */
export function sbomBase(ctx: Ctx) {
  const rpmdb = join(REPO_ROOT, 'packages/core/test/fixtures/rpmdb/cbl-mariner-2.0__rpmdb.sqlite');
  const spec = ctx.quick
    ? { layers: 12, filesPerLayer: 4, fileSize: 1 * MiB, dbLayer: 6, rpmdb, packages: 129 }
    : { layers: 62, filesPerLayer: 67, fileSize: 1 * MiB, dbLayer: 31, rpmdb, packages: 129 };
  return sbomImageFixture(ctx.fixtures, ctx.quick ? 'sbom-12x4m' : `sbom-${spec.layers}x${spec.filesPerLayer}m`, spec);
}

export async function benchHostTrust(ctx: Ctx): Promise<BenchResult> {
  const base = await sbomBase(ctx);
  const repo = `${ctx.reg.host}/bench/trust`;
  const img = await withTrustLayer(base.dir, join(ctx.fixtures, 'trust-layout'), repo, [
    readFileSync(ctx.key.pubFile, 'utf8'),
  ]);
  const client = testClient(ctx.reg);
  try {
    ctx.log(`  pushing ${img.layers} layers (${(base.blobBytes / MiB).toFixed(0)} MiB)`);
    const layout = await openLayout('oci', img.dir);
    await pushLayout(client, parseRepository(repo), layout, await selectLayoutManifest(layout), ['stable']);
    await layout.close();
    const signing = await decryptCosignKey(readFileSync(ctx.key.keyFile, 'utf8'), ctx.key.password);
    await signImage(client, {
      image: parseDigestReference(`${repo}@${img.digest}`),
      identities: [`${repo}:stable`],
      signer: new KeySigner(signing),
      recursive: true,
    });
  } finally {
    await client.close();
  }
  const run = (source: string) => async () => {
    const r = await measureAction('check-host-trust', {
      inputs: { source, 'pull-ref': `${repo}:stable`, 'public-key': ctx.key.pubFile },
      env: { REGISTRY_AUTH_FILE: ctx.reg.authFile },
    });
    if (r.step.outputs.trusted !== 'true') throw new Error('check-host-trust did not trust the bench image');
    return r;
  };
  const tools: Tool[] = [
    {
      name: 'check-host-trust docker://',
      command: 'check-host-trust with source: docker://REPO@DIGEST (layers streamed from the registry)',
      run: run(`docker://${repo}@${img.digest}`),
    },
    {
      name: 'check-host-trust oci:',
      command: 'check-host-trust with source: oci:DIR:stable',
      run: run(`oci:${img.dir}:stable`),
    },
  ];
  const m = await measureTools(ctx, tools, { runs: Math.min(ctx.runs, ctx.quick ? 2 : 3), countRequests: false });
  return {
    id: 'check-host-trust',
    title: 'check-host-trust on a many-layer OS image',
    setup: `generate-sbom's image (${base.layers} layers, ${(base.tarBytes / MiB / 1024).toFixed(2)} GiB unpacked, ${(base.blobBytes / MiB / 1024).toFixed(2)} GiB tar+gzip) plus a top layer with policy.json, registries.d and the key, signed; the registry on loopback.`,
    rows: m.rows,
    targets: m.rows.map((r) => target(`peak RSS of ${r.tool}`, r.peakRssMB.max, '<=', 150, 'MB')),
    notes: [
      'every layer is read once for registries.d (a directory is complete only at the bottom), then the key pass stops at the top layer.',
    ],
  };
}
