// audit-tags on 1,000 tags over 100 distinct digests vs the shell's audit: `skopeo list-tags`, then
// one `cosign verify --key` process per tag. The targets: <= 0.05x the loop's wall time,
// <= 150 MB peak RSS. The loop spawns 1,000 processes a run, so it is timed once (after a warm-up
// of a few tags); audit-tags gets the usual warm-up, timed runs and a counted run.
import { readFileSync } from 'node:fs';
import { decryptCosignKey, KeySigner, parseRepository, signImage, withDigest, withTag } from '@bydigest/core';
import { peer } from '../../test/harness/peers.js';
import { pushTestImage, testClient } from '../../test/harness/push.js';
import { mapLimit } from '../../packages/core/src/util/map-limit.js';
import { measureTools } from './loop.js';
import { measureAction, runMeasuredOk } from './proc.js';
import { stats } from './stats.js';
import { target, type BenchResult, type Ctx, type Row } from './types.js';

const DIGESTS = 100;
const TAGS_PER_DIGEST = 10;
const REPO = 'bench/audit';

/** 100 images, each signed with the bench key, under 10 tags each. */
async function seed(ctx: Ctx): Promise<string[]> {
  const client = testClient(ctx.reg);
  const repo = parseRepository(`${ctx.reg.host}/${REPO}`);
  const signer = new KeySigner(await decryptCosignKey(readFileSync(ctx.key.keyFile, 'utf8'), ctx.key.password));
  const tags: string[] = [];
  try {
    await mapLimit(
      Array.from({ length: DIGESTS }, (_, i) => i),
      4,
      async (i) => {
        const own = Array.from({ length: TAGS_PER_DIGEST }, (_, j) => `r${i}-t${j}`);
        const img = await pushTestImage(ctx.reg, REPO, own.slice(0, 1), { layerSizes: [256] });
        for (const t of own.slice(1))
          await client.putManifest(withTag(repo, t), { bytes: img.bytes, mediaType: img.mediaType });
        await signImage(client, {
          image: withDigest(repo, img.digest),
          identities: [`${ctx.reg.host}/${REPO}`],
          signer,
        });
        tags.push(...own);
      },
    );
  } finally {
    await client.close();
  }
  return tags;
}

export async function benchAuditTags(ctx: Ctx): Promise<BenchResult> {
  ctx.log(`  seeding ${DIGESTS * TAGS_PER_DIGEST} tags over ${DIGESTS} signed digests`);
  const tags = await seed(ctx);
  const ours = await measureTools(
    ctx,
    [
      {
        name: 'audit-tags',
        command: 'audit-tags with images: REPO, public-key: cosign.pub, require: signature',
        run: async (_label, host) => {
          const r = await measureAction('audit-tags', {
            inputs: { images: `${host}/${REPO}`, 'public-key': ctx.key.pubFile, require: 'signature' },
            env: { REGISTRY_AUTH_FILE: ctx.reg.authFile },
          });
          if (r.step.outputs.failed !== '0' || r.step.outputs.unknown !== '0')
            throw new Error(`audit-tags reported ${r.step.outputs.failed} failed, ${r.step.outputs.unknown} unknown`);
          return r;
        },
      },
    ],
    { runs: ctx.lightRuns },
  );
  const loop = async (n: number) => {
    const started = performance.now();
    const list = ctx.skopeo.job()(['list-tags', '--tls-verify=false', `docker://${ctx.reg.host}/${REPO}`]);
    const listed = await runMeasuredOk(list.cmd, list.args, { env: list.env });
    const pulled = (JSON.parse(listed.stdout) as { Tags: string[] }).Tags.filter((t) => !/^sha256-/.test(t)).slice(
      0,
      n,
    );
    let peak = listed.peakRss;
    for (const t of pulled) {
      const r = await runMeasuredOk(
        peer('cosign-2.5'),
        [
          'verify',
          '--key',
          ctx.key.pubFile,
          '--insecure-ignore-tlog=true',
          '--allow-http-registry',
          `${ctx.reg.host}/${REPO}:${t}`,
        ],
        { env: ctx.peerEnv },
      );
      peak = Math.max(peak, r.peakRss);
    }
    return { ms: performance.now() - started, peakRss: peak, tags: pulled.length };
  };
  ctx.log('  warm-up skopeo list-tags + cosign verify loop (5 tags)');
  await loop(5);
  const timed = await loop(tags.length);
  ctx.log(
    `  run 1/1: skopeo list-tags + ${timed.tags} cosign verify ${timed.ms.toFixed(0)} ms ${(timed.peakRss / 1e6).toFixed(0)} MB`,
  );
  const peerRow: Row = {
    tool: 'skopeo list-tags + cosign verify per tag',
    command: `skopeo list-tags docker://REPO, then cosign verify --key cosign.pub --insecure-ignore-tlog=true --allow-http-registry REPO:TAG for each of the ${timed.tags} tags (one process per tag)`,
    ms: stats([timed.ms]),
    peakRssMB: stats([timed.peakRss / 1e6]),
  };
  const row = ours.rows[0]!;
  const r = row.ms.median / timed.ms;
  return {
    id: 'audit-tags',
    title: 'audit-tags vs skopeo list-tags + a cosign verify process per tag',
    setup: `${tags.length} tags over ${DIGESTS} distinct digests in one repository, each digest signed once (legacy .sig) with the bench key; distribution 2.8 on loopback; cosign 2.5`,
    rows: [row, peerRow],
    targets: [
      target('wall time, audit-tags / cosign loop', r, '<=', 0.05, 'x'),
      target('peak RSS of audit-tags', row.peakRssMB.max, '<=', 150, 'MB'),
    ],
    notes: [
      `ratio audit-tags / cosign loop: ${r.toFixed(4)} (the loop timed once: ${timed.tags} processes)`,
      `requests of audit-tags: ${row.requestsTotal ?? '?'} (${JSON.stringify(row.requests ?? {})})`,
    ],
  };
}
