// The five benchmarks (docs/benchmarks.md reports them). Each compares our action, started as the
// runner starts it, with the peer commands a pipeline runs today, on the same registry.
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startFaultProxy } from '../../test/harness/fault-proxy.js';
import { peer } from '../../test/harness/peers.js';
import { pushTestImage } from '../../test/harness/push.js';
import { REPO_ROOT } from '../../test/harness/runner.js';
import { benchSbom, benchSbomBottom } from './sbom-case.js';
import { benchHostTrust } from './host-trust-case.js';
import { benchRotation } from './rotation-case.js';
import { benchAuditTags } from './audit-case.js';
import { layoutFixture, spdxFixture, spreadSizes, type LayoutFixture } from './fixtures.js';
import { measureTools, pairedRatio, ratio } from './loop.js';
import { measureAction, runMeasuredOk, timed } from './proc.js';
import { MB, MiB } from './stats.js';
import { target, type BenchResult, type Ctx, type Sample, type Tool } from './types.js';

const TAGS = ['1.0.0', '1.0', 'latest'];

function actionEnv(ctx: Ctx, extra: Record<string, string> = {}): Record<string, string> {
  // Only this registry's (empty) auth file: no credentials from the machine's own files.
  return { REGISTRY_AUTH_FILE: ctx.reg.authFile, DOCKER_CONFIG: ctx.reg.dockerConfigDir, ...extra };
}

/** Images with 60 layers of a few MB, like a rechunked bootc image's smaller cousin. */
function realisticLayers(ctx: Ctx): number[] {
  return ctx.quick ? spreadSizes(12, 256 * 1024, 1 * MiB) : spreadSizes(60, 1 * MiB, 5 * MiB);
}

function describeLayout(l: LayoutFixture): string {
  return `${l.layers} layers, ${(l.bytes / MiB).toFixed(0)} MiB of incompressible tar+gzip`;
}

// ---------------------------------------------------------------------------------------------
// 1. Push from an OCI layout
// ---------------------------------------------------------------------------------------------
export async function benchPush(ctx: Ctx): Promise<BenchResult> {
  const sizes = ctx.quick ? Array(4).fill(8 * MiB) : Array(8).fill(128 * MiB);
  ctx.log(`  preparing layout (${sizes.length} x ${sizes[0] / MiB} MiB; reused when present)`);
  const layout = await layoutFixture(ctx.fixtures, ctx.quick ? 'layout-4x8m' : 'layout-8x128m', sizes);
  const skopeoArgs = (host: string, label: string) => [
    'copy',
    '--insecure-policy',
    '--dest-tls-verify=false',
    `oci:${layout.dir}`,
    `docker://${host}/push/skopeo-${label}:latest`,
  ];
  const tools: Tool[] = [
    {
      name: 'capture-digest',
      command: 'capture-digest with source: oci:DIR, tags: latest (node dist/capture-digest/index.js)',
      run: async (label, host) => {
        const r = await measureAction('capture-digest', {
          inputs: { image: `${host}/push/ours-${label}`, tags: 'latest', source: `oci:${layout.dir}` },
          env: actionEnv(ctx),
        });
        if (r.step.outputs.digest !== layout.digest)
          throw new Error(`capture-digest reported ${r.step.outputs.digest}, layout has ${layout.digest}`);
        return r;
      },
    },
    {
      name: 'skopeo',
      command: 'skopeo copy --insecure-policy --dest-tls-verify=false oci:DIR docker://REG/REPO:latest',
      run: async (label, host) => {
        const c = ctx.skopeo.job()(skopeoArgs(host, label));
        return runMeasuredOk(c.cmd, c.args, { env: c.env });
      },
    },
  ];
  const m = await measureTools(ctx, tools, { runs: ctx.runs });
  const ours = m.rows[0]!;
  return {
    id: 'push-oci-layout',
    title: 'Push from an OCI layout',
    setup: `${describeLayout(layout)} in an OCI layout on disk (page cache warm), pushed to a fresh repository each run; ${ctx.skopeo.how}`,
    rows: m.rows,
    targets: [
      target('wall time, capture-digest / skopeo copy', ratio(m.rows, 'capture-digest', 'skopeo'), '<=', 1.0, 'x'),
      target('peak RSS of capture-digest', ours.peakRssMB.max, '<=', 150, 'MB'),
    ],
    notes: [`paired ratio (median of per-round ratios): ${pairedRatio(m, 'capture-digest', 'skopeo').toFixed(2)}`],
  };
}

// ---------------------------------------------------------------------------------------------
// 2. Three tags in one run vs the chapter's loop of skopeo copy --digestfile per tag
// ---------------------------------------------------------------------------------------------
export async function benchTags(ctx: Ctx): Promise<BenchResult> {
  const layout = await layoutFixture(
    ctx.fixtures,
    ctx.quick ? 'layout-12-small' : 'layout-60-realistic',
    realisticLayers(ctx),
  );
  const work = mkdtempSync(join(tmpdir(), 'bench-digestfile-'));
  const tools: Tool[] = [
    {
      name: 'capture-digest',
      command: `capture-digest with source: oci:DIR, tags: ${TAGS.join(', ')}`,
      run: async (label, host) => {
        const r = await measureAction('capture-digest', {
          inputs: { image: `${host}/tags/ours-${label}`, tags: TAGS.join('\n'), source: `oci:${layout.dir}` },
          env: actionEnv(ctx),
        });
        if (r.step.outputs.digest !== layout.digest)
          throw new Error(`capture-digest reported ${r.step.outputs.digest}`);
        return r;
      },
    },
    {
      name: 'skopeo loop',
      command: `for tag in ${TAGS.join(' ')}; do skopeo copy --insecure-policy --dest-tls-verify=false --digestfile FILE oci:DIR docker://REG/REPO:$tag; done`,
      run: async (label, host) => {
        const job = ctx.skopeo.job();
        const steps: Record<string, number> = {};
        let peakRss = 0;
        const { ms } = await timed(async () => {
          for (const tag of TAGS) {
            const file = join(work, `${label}-${tag}`);
            const c = job([
              'copy',
              '--insecure-policy',
              '--dest-tls-verify=false',
              '--digestfile',
              file,
              `oci:${layout.dir}`,
              `docker://${host}/tags/skopeo-${label}:${tag}`,
            ]);
            const r = await runMeasuredOk(c.cmd, c.args, { env: c.env });
            steps[`skopeo :${tag}`] = r.ms;
            peakRss = Math.max(peakRss, r.peakRss);
            const digest = readFileSync(file, 'utf8').trim();
            if (digest !== layout.digest)
              throw new Error(`skopeo --digestfile wrote ${digest}, layout has ${layout.digest}`);
          }
        });
        return { ms, peakRss, steps } satisfies Sample;
      },
    },
  ];
  const m = await measureTools(ctx, tools, { runs: ctx.lightRuns });
  return {
    id: 'three-tags',
    title: 'Three tags: one capture-digest run vs a skopeo copy --digestfile loop',
    setup: `${describeLayout(layout)}; each run pushes to a fresh repository; the first skopeo call uploads, the next two find every blob present; ${ctx.skopeo.how}`,
    rows: m.rows,
    targets: [
      target('wall time, capture-digest / skopeo loop', ratio(m.rows, 'capture-digest', 'skopeo loop'), '<=', 0.5, 'x'),
    ],
    notes: [`paired ratio: ${pairedRatio(m, 'capture-digest', 'skopeo loop').toFixed(2)}`],
  };
}

// ---------------------------------------------------------------------------------------------
// 3. Promotion in the same repository, three tags
// ---------------------------------------------------------------------------------------------
export async function benchPromote(ctx: Ctx): Promise<BenchResult> {
  const layout = await layoutFixture(
    ctx.fixtures,
    ctx.quick ? 'layout-12-small' : 'layout-60-realistic',
    realisticLayers(ctx),
  );
  await measureAction('capture-digest', {
    inputs: { image: `${ctx.reg.host}/promote/app`, tags: 'candidate', source: `oci:${layout.dir}` },
    env: actionEnv(ctx),
  });
  const src = (host: string) => `${host}/promote/app@${layout.digest}`;
  const tags = (who: string, label: string) => TAGS.map((t) => `${who}-${label}-${t}`);
  const tools: Tool[] = [
    {
      name: 'promote-preserve-digest',
      command: 'promote-preserve-digest with source: REPO@DIGEST, tags: three tags',
      run: async (label, host) => {
        const r = await measureAction('promote-preserve-digest', {
          inputs: { source: src(host), tags: tags('o', label).join('\n') },
          env: actionEnv(ctx),
        });
        if (r.step.outputs.digest !== layout.digest) throw new Error(`promote reported ${r.step.outputs.digest}`);
        return r;
      },
    },
    {
      name: 'skopeo x3',
      command:
        'skopeo copy --insecure-policy --preserve-digests --src-tls-verify=false --dest-tls-verify=false docker://REPO@DIGEST docker://REPO:TAG (x3)',
      run: async (label, host) => {
        const job = ctx.skopeo.job();
        return sequence(
          tags('s', label).map((tag) => {
            const c = job([
              'copy',
              '--insecure-policy',
              '--preserve-digests',
              '--src-tls-verify=false',
              '--dest-tls-verify=false',
              `docker://${src(host)}`,
              `docker://${host}/promote/app:${tag}`,
            ]);
            return { name: `skopeo :${tag.split('-').pop()}`, cmd: c.cmd, args: c.args, env: c.env };
          }),
        );
      },
    },
    {
      name: 'crane x3',
      command: 'crane copy --insecure REPO@DIGEST REPO:TAG (x3)',
      run: (label, host) =>
        sequence(
          tags('c', label).map((tag) => ({
            name: `crane :${tag.split('-').pop()}`,
            cmd: peer('crane'),
            args: ['copy', '--insecure', src(host), `${host}/promote/app:${tag}`],
            env: ctx.peerEnv,
          })),
        ),
    },
  ];
  const m = await measureTools(ctx, tools, { runs: ctx.lightRuns });
  const ours = m.rows[0]!;
  return {
    id: 'promote',
    title: 'Promotion: three tags in the same repository',
    setup: `${describeLayout(layout)}, already in the repository; fresh tags each run`,
    rows: m.rows,
    targets: [
      target('wall time, promote / skopeo x3', ratio(m.rows, 'promote-preserve-digest', 'skopeo x3'), '<=', 0.3, 'x'),
      target('wall time, promote / crane x3', ratio(m.rows, 'promote-preserve-digest', 'crane x3'), '<', 1.0, 'x'),
      target('HTTP requests of promote (1 GET + 3 PUT + 3 HEAD)', ours.requestsTotal ?? NaN, '==', 7, 'requests'),
    ],
    notes: [
      `paired ratios: vs skopeo ${pairedRatio(m, 'promote-preserve-digest', 'skopeo x3').toFixed(2)}, vs crane ${pairedRatio(m, 'promote-preserve-digest', 'crane x3').toFixed(2)}`,
    ],
  };
}

async function sequence(
  cmds: { name: string; cmd: string; args: string[]; env: NodeJS.ProcessEnv; cwd?: string }[],
): Promise<Sample> {
  const steps: Record<string, number> = {};
  let peakRss = 0;
  const { ms } = await timed(async () => {
    for (const c of cmds) {
      const r = await runMeasuredOk(c.cmd, c.args, { env: c.env, ...(c.cwd ? { cwd: c.cwd } : {}) });
      steps[c.name] = r.ms;
      peakRss = Math.max(peakRss, r.peakRss);
    }
  });
  return { ms, peakRss, steps };
}

// ---------------------------------------------------------------------------------------------
// 4. sign-digest vs cosign sign; verify-digest vs cosign verify
// ---------------------------------------------------------------------------------------------
async function freshImage(ctx: Ctx, repo: string): Promise<{ repo: string; digest: string }> {
  const img = await pushTestImage(ctx.reg, repo, ['latest'], { layerSizes: [64 * 1024, 256 * 1024] });
  return { repo, digest: img.digest };
}

function signTools(ctx: Ctx): Tool[] {
  const { keyFile, password } = ctx.key;
  const cosignEnv = { ...ctx.peerEnv, COSIGN_PASSWORD: password };
  return [
    {
      name: 'sign-digest',
      command: 'sign-digest with image-ref: REPO@DIGEST, key: cosign.key (N=65536), COSIGN_PASSWORD set',
      run: async (label, host) => {
        const img = await freshImage(ctx, `sign/ours-${label}`);
        return measureAction('sign-digest', {
          inputs: { 'image-ref': `${host}/${img.repo}@${img.digest}`, key: keyFile },
          env: actionEnv(ctx, { COSIGN_PASSWORD: password }),
        });
      },
    },
    {
      name: 'cosign 2.5 sign',
      command: 'cosign sign --key cosign.key --tlog-upload=false --allow-http-registry -y REPO@DIGEST',
      run: async (label, host) => {
        const img = await freshImage(ctx, `sign/cosign-${label}`);
        return runMeasuredOk(
          peer('cosign-2.5'),
          [
            'sign',
            '--key',
            keyFile,
            '--tlog-upload=false',
            '--allow-http-registry',
            '-y',
            `${host}/${img.repo}@${img.digest}`,
          ],
          { env: cosignEnv },
        );
      },
    },
  ];
}

export async function benchSign(ctx: Ctx): Promise<BenchResult> {
  const m = await measureTools(ctx, signTools(ctx), { runs: ctx.lightRuns });
  const [ours, cosign] = m.rows as [(typeof m.rows)[0], (typeof m.rows)[0]];
  return {
    id: 'sign',
    title: 'sign-digest vs cosign sign --key',
    setup:
      'a fresh two-layer image per run (neither tool can skip); the same key file (ECDSA P-256, scrypt N=65536, password set) and registry',
    rows: m.rows,
    targets: [
      target('wall time, sign-digest / cosign sign', ratio(m.rows, 'sign-digest', 'cosign 2.5 sign'), '<', 1.0, 'x'),
    ],
    notes: [
      `paired ratio: ${pairedRatio(m, 'sign-digest', 'cosign 2.5 sign').toFixed(2)}`,
      `peak RSS: sign-digest ${ours.peakRssMB.median.toFixed(0)} MB, cosign ${cosign.peakRssMB.median.toFixed(0)} MB (medians)`,
    ],
  };
}

/** Round trip added by the proxy in the remote variants: GHCR seen from a hosted runner is ~10-40 ms. */
const REMOTE_RTT_MS = 20;

/**
 * The same job with the registry one 20 ms round trip away, where request count and overlap matter more than start-up.
 */
export async function benchSignRemote(ctx: Ctx): Promise<BenchResult> {
  const proxy = await startFaultProxy({ target: ctx.reg.url, faultRate: 0, latencyMs: REMOTE_RTT_MS });
  try {
    const m = await measureTools(ctx, signTools(ctx), { runs: ctx.lightRuns, host: proxy.host, countRequests: false });
    return {
      id: 'sign-remote',
      title: `sign-digest vs cosign sign --key, registry ${REMOTE_RTT_MS} ms away`,
      setup: `as above, through a proxy on loopback that holds every request ${REMOTE_RTT_MS} ms before forwarding it (test/harness/fault-proxy.ts latencyMs)`,
      rows: m.rows,
      targets: [],
      notes: [
        `ratio sign-digest / cosign sign: ${ratio(m.rows, 'sign-digest', 'cosign 2.5 sign').toFixed(2)} (no target: the issue's target is the loopback figure)`,
        `paired ratio: ${pairedRatio(m, 'sign-digest', 'cosign 2.5 sign').toFixed(2)}`,
      ],
    };
  } finally {
    await proxy.stop();
  }
}

export async function benchVerify(ctx: Ctx): Promise<BenchResult> {
  const title = 'verify-digest vs cosign verify --key';
  const bundle = join(REPO_ROOT, 'dist', 'verify-digest', 'index.js');
  const actionYml = join(REPO_ROOT, 'actions', 'verify-digest', 'action.yml');
  if (!existsSync(bundle) || !existsSync(actionYml)) {
    return {
      id: 'verify',
      title,
      setup: '',
      rows: [],
      targets: [],
      notes: [],
      skipped: `dist/verify-digest/index.js is not built yet (verify-digest is in progress); rerun pnpm bench once it exists`,
    };
  }
  const { keyFile, pubFile, password } = ctx.key;
  // Images signed once by sign-digest; both verifiers check the same signature.
  const images: { repo: string; digest: string }[] = [];
  const signed = async (label: string) => {
    const img = await freshImage(ctx, `verify/${label}`);
    await measureAction('sign-digest', {
      inputs: { 'image-ref': `${ctx.reg.host}/${img.repo}@${img.digest}`, key: keyFile },
      env: actionEnv(ctx, { COSIGN_PASSWORD: password }),
    });
    images.push(img);
    return img;
  };
  const byLabel = new Map<string, { repo: string; digest: string }>();
  const imageFor = async (label: string) => byLabel.get(label) ?? byLabel.set(label, await signed(label)).get(label)!;
  const tools: Tool[] = [
    {
      name: 'verify-digest',
      command: 'verify-digest with image-ref: REPO@DIGEST, public-key: cosign.pub',
      run: async (label, host) => {
        const img = await imageFor(label);
        return measureAction('verify-digest', {
          inputs: { 'image-ref': `${host}/${img.repo}@${img.digest}`, 'public-key': pubFile },
          env: actionEnv(ctx),
        });
      },
    },
    {
      name: 'cosign 2.5 verify',
      command: 'cosign verify --key cosign.pub --insecure-ignore-tlog=true --allow-http-registry REPO@DIGEST',
      run: async (label, host) => {
        const img = await imageFor(label);
        return runMeasuredOk(
          peer('cosign-2.5'),
          [
            'verify',
            '--key',
            pubFile,
            '--insecure-ignore-tlog=true',
            '--allow-http-registry',
            `${host}/${img.repo}@${img.digest}`,
          ],
          { env: ctx.peerEnv },
        );
      },
    },
  ];
  try {
    const m = await measureTools(ctx, tools, { runs: ctx.lightRuns });
    return {
      id: 'verify',
      title,
      setup:
        'images signed once by sign-digest (legacy .sig); both tools verify the same signature with the same cosign.pub',
      rows: m.rows,
      // The issue asks for this comparison but sets no target: Node's start-up alone (~20-40 ms)
      // is most of what cosign's whole verification takes on loopback.
      targets: [],
      notes: [
        `ratio verify-digest / cosign verify: ${ratio(m.rows, 'verify-digest', 'cosign 2.5 verify').toFixed(2)} (reported, no target)`,
        `paired ratio: ${pairedRatio(m, 'verify-digest', 'cosign 2.5 verify').toFixed(2)}`,
      ],
    };
  } catch (e) {
    return {
      id: 'verify',
      title,
      setup: '',
      rows: [],
      targets: [],
      notes: [],
      skipped: `verify-digest did not complete: ${(e as Error).message.split('\n').slice(0, 6).join(' / ')}`,
    };
  }
}

// ---------------------------------------------------------------------------------------------
// 5. attach-sbom (+ sign) vs oras attach + oras discover + cosign sign
// ---------------------------------------------------------------------------------------------
export async function benchAttach(ctx: Ctx): Promise<BenchResult> {
  const spdx = await spdxFixture(ctx.fixtures, ctx.quick ? 512 * 1024 : 4 * MB);
  const { keyFile, password } = ctx.key;
  const cosignEnv = { ...ctx.peerEnv, COSIGN_PASSWORD: password };
  const tools: Tool[] = [
    {
      name: 'attach-sbom',
      command: `attach-sbom with image-ref: REPO@DIGEST, sbom: ${spdx.name}, sign: true, key: cosign.key`,
      run: async (label, host) => {
        const img = await freshImage(ctx, `attach/ours-${label}`);
        return measureAction('attach-sbom', {
          inputs: { 'image-ref': `${host}/${img.repo}@${img.digest}`, sbom: spdx.file, key: keyFile },
          env: actionEnv(ctx, { COSIGN_PASSWORD: password }),
        });
      },
    },
    {
      name: 'oras + cosign',
      command: `oras attach --plain-http --artifact-type application/vnd.spdx+json --format json REPO@DIGEST ${spdx.name}:application/spdx+json; oras discover --plain-http --format json REPO@DIGEST; cosign sign --key cosign.key --tlog-upload=false --allow-http-registry -y REPO@SBOM_DIGEST`,
      run: async (label, host) => {
        const img = await freshImage(ctx, `attach/oras-${label}`);
        const ref = `${host}/${img.repo}@${img.digest}`;
        const steps: Record<string, number> = {};
        let peakRss = 0;
        const note = (name: string, r: { ms: number; peakRss: number }) => {
          steps[name] = r.ms;
          peakRss = Math.max(peakRss, r.peakRss);
        };
        const { ms } = await timed(async () => {
          const attach = await runMeasuredOk(
            peer('oras-1.3'),
            [
              'attach',
              '--plain-http',
              '--artifact-type',
              'application/vnd.spdx+json',
              '--format',
              'json',
              ref,
              `${spdx.name}:application/spdx+json`,
            ],
            { env: ctx.peerEnv, cwd: spdx.dir },
          );
          note('oras attach', attach);
          // The chapter's extraction: .reference | split("@")[1] // .digest
          const out = JSON.parse(attach.stdout) as { reference?: string; digest?: string };
          const digest = out.reference?.split('@')[1] ?? out.digest;
          if (!digest) throw new Error(`oras attach printed no digest: ${attach.stdout}`);
          const discover = await runMeasuredOk(
            peer('oras-1.3'),
            ['discover', '--plain-http', '--format', 'json', ref],
            { env: ctx.peerEnv },
          );
          note('oras discover', discover);
          if (!discover.stdout.includes(digest)) throw new Error(`oras discover does not list ${digest}`);
          note(
            'cosign sign',
            await runMeasuredOk(
              peer('cosign-2.5'),
              [
                'sign',
                '--key',
                keyFile,
                '--tlog-upload=false',
                '--allow-http-registry',
                '-y',
                `${host}/${img.repo}@${digest}`,
              ],
              { env: cosignEnv },
            ),
          );
        });
        return { ms, peakRss, steps };
      },
    },
  ];
  const m = await measureTools(ctx, tools, { runs: ctx.lightRuns });
  return {
    id: 'attach',
    title: 'attach-sbom + sign vs oras attach + oras discover + cosign sign',
    setup: `an SPDX 2.3 JSON of ${(spdx.size / MB).toFixed(1)} MB (syft-shaped), a fresh image per run, distribution 2.8 (no referrers API: both use the sha256-<hex> tag fallback); oras 1.3, cosign 2.5, the same key file`,
    rows: m.rows,
    targets: [
      target('wall time, attach-sbom / (oras + cosign)', ratio(m.rows, 'attach-sbom', 'oras + cosign'), '<=', 0.5, 'x'),
    ],
    notes: [`paired ratio: ${pairedRatio(m, 'attach-sbom', 'oras + cosign').toFixed(2)}`],
  };
}

export const BENCHMARKS: Record<string, (ctx: Ctx) => Promise<BenchResult>> = {
  push: benchPush,
  tags: benchTags,
  promote: benchPromote,
  sign: benchSign,
  'sign-remote': benchSignRemote,
  verify: benchVerify,
  attach: benchAttach,
  sbom: benchSbom,
  'sbom-bottom': benchSbomBottom,
  trust: benchHostTrust,
  rotation: benchRotation,
  'audit-tags': benchAuditTags,
};

export { MB };
