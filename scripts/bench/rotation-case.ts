// check-rotation over a repository of 10 distinct releases under 50 live dated tags, against
// check-host-trust run once per distinct digest (what a maintainer scripts without the gate:
// it reads the same trust files, and judges one release each). The gate also reads each
// release's package database (keyPaths: the podman/skopeo versions), in the same walk.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
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
import { testClient } from '../../test/harness/push.js';
import { makeKey } from '../../test/harness/signing.js';
import { sbomImageFixture } from './sbom-fixture.js';
import { withTrustLayer } from './host-trust-case.js';
import { measureTools, ratio } from './loop.js';
import { measureAction } from './proc.js';
import { MiB } from './stats.js';
import { target, type BenchResult, type Ctx, type Sample, type Tool } from './types.js';
import { REPO_ROOT } from '../../test/harness/runner.js';

const RELEASES = 10;
const TAGS_PER_RELEASE = 5;
const VARIANTS = ['stable', '41', 'latest', 'gts', 'nvidia'];

export async function benchRotation(ctx: Ctx): Promise<BenchResult> {
  // generate-sbom's small image (12 layers, the rpm database in the middle): ten releases of it
  // cost a walk of every layer each, which is what both tools pay per digest.
  const rpmdb = join(REPO_ROOT, 'packages/core/test/fixtures/rpmdb/cbl-mariner-2.0__rpmdb.sqlite');
  const base = await sbomImageFixture(ctx.fixtures, 'sbom-12x4m', {
    layers: 12,
    filesPerLayer: 4,
    fileSize: 1 * MiB,
    dbLayer: 6,
    rpmdb,
    packages: 129,
  });
  const repo = `${ctx.reg.host}/bench/rotation`;
  const next = await makeKey('');
  const pems = [readFileSync(ctx.key.pubFile, 'utf8'), next.publicKeyPem];
  const signers = [
    new KeySigner(await decryptCosignKey(readFileSync(ctx.key.keyFile, 'utf8'), ctx.key.password)),
    new KeySigner(await decryptCosignKey(next.privateKeyPem, '')),
  ];
  const digests: string[] = [];
  const client = testClient(ctx.reg);
  try {
    ctx.log(
      `  pushing ${RELEASES} releases (${base.layers + 1} layers each, the base layers shared) under ${RELEASES * TAGS_PER_RELEASE} dated tags, each signed with both keys`,
    );
    for (let i = 1; i <= RELEASES; i++) {
      const day = `202611${String(i).padStart(2, '0')}`;
      const img = await withTrustLayer(
        base.dir,
        join(ctx.fixtures, `rotation-layout-${i}`),
        repo,
        pems,
        `release ${day}`,
      );
      const layout = await openLayout('oci', img.dir);
      const tags = VARIANTS.map((v) => `${v}-${day}`);
      await pushLayout(
        client,
        parseRepository(repo),
        layout,
        await selectLayoutManifest(layout),
        i === RELEASES ? [...tags, 'stable'] : tags,
      );
      await layout.close();
      await signImage(client, {
        image: parseDigestReference(`${repo}@${img.digest}`),
        identities: [repo],
        signer: signers,
        recursive: true,
      });
      digests.push(img.digest);
    }
  } finally {
    await client.close();
  }
  const candidate = `${repo}@${digests[RELEASES - 1]}`;
  const env = { REGISTRY_AUTH_FILE: ctx.reg.authFile };
  const tools: Tool[] = [
    {
      name: 'check-rotation',
      command: `check-rotation with candidate: REPO@DIGEST, channels: stable, phase: overlap, strategy: keyPaths, live-window: 90d (${RELEASES * TAGS_PER_RELEASE + 1} live tags, ${RELEASES} digests)`,
      run: async () => {
        const r = await measureAction('check-rotation', {
          inputs: {
            candidate,
            channels: 'stable',
            'current-key': ctx.key.pubFile,
            'next-key': next.pubFile,
            phase: 'overlap',
            'live-window': '90d',
            'as-of': '2026-11-10',
          },
          env,
        });
        if (r.step.outputs.safe !== 'true')
          throw new Error(`check-rotation did not find the bench rotation safe:\n${r.step.stdout.slice(-3000)}`);
        if (!r.step.stdout.includes(`${RELEASES} digest(s) read`))
          throw new Error('check-rotation did not read each digest once');
        return r;
      },
    },
    {
      name: `check-host-trust × ${RELEASES}`,
      command: `check-host-trust with source: docker://REPO@DIGEST, once per distinct digest, in turn`,
      run: async (): Promise<Sample> => {
        let ms = 0;
        let peakRss = 0;
        for (const d of digests) {
          const r = await measureAction('check-host-trust', {
            inputs: { source: `docker://${repo}@${d}`, 'pull-ref': `${repo}:stable`, 'public-key': ctx.key.pubFile },
            env,
          });
          if (r.step.outputs.trusted !== 'true') throw new Error('check-host-trust did not trust a bench release');
          ms += r.ms;
          peakRss = Math.max(peakRss, r.peakRss);
        }
        return { ms, peakRss };
      },
    },
  ];
  const m = await measureTools(ctx, tools, { runs: Math.min(ctx.runs, 3), countRequests: false });
  return {
    id: 'check-rotation',
    title: `check-rotation over ${RELEASES * TAGS_PER_RELEASE} live tags and ${RELEASES} digests vs check-host-trust once per digest`,
    setup: `${RELEASES} releases of generate-sbom's small image (${base.layers} layers, the rpm database in the middle) plus each its own trust layer (policy.json with keyPaths, registries.d, both keys), ${TAGS_PER_RELEASE} dated tags each, signed with both keys; the registry on loopback.`,
    rows: m.rows,
    targets: [
      target(
        `wall time, check-rotation / check-host-trust × ${RELEASES}`,
        ratio(m.rows, 'check-rotation', `check-host-trust × ${RELEASES}`),
        '<=',
        1.2,
        'x',
      ),
      target(
        'peak RSS of check-rotation',
        m.rows.find((r) => r.tool === 'check-rotation')!.peakRssMB.max,
        '<=',
        150,
        'MB',
      ),
    ],
    notes: [
      'the gate reads each distinct digest once (trust files, keys and package database in one walk; test/check-rotation.test.ts counts the requests) and each live tag with one HEAD.',
    ],
  };
}
