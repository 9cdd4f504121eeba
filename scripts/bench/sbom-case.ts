// generate-sbom against a flat export of the same image (what the usual workaround costs before
// syft even starts): `tar -x` of every layer into one directory, as `umoci raw unpack` does.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../../test/harness/runner.js';
import { measureTools, pairedRatio, ratio } from './loop.js';
import { measureAction, runMeasuredOk, timed } from './proc.js';
import { FIXTURE_TAG, sbomImageFixture, type SbomImageFixture } from './sbom-fixture.js';
import { MiB } from './stats.js';
import { target, type BenchResult, type Ctx, type Tool } from './types.js';

export async function benchSbom(ctx: Ctx): Promise<BenchResult> {
  const rpmdb = join(REPO_ROOT, 'packages/core/test/fixtures/rpmdb/cbl-mariner-2.0__rpmdb.sqlite');
  // 62 layers of 67 files of 1 MiB: 4.06 GiB unpacked, about half that as tar+gzip.
  const spec = ctx.quick
    ? { layers: 12, filesPerLayer: 4, fileSize: 1 * MiB, dbLayer: 6, rpmdb, packages: 129 }
    : { layers: 62, filesPerLayer: 67, fileSize: 1 * MiB, dbLayer: 31, rpmdb, packages: 129 };
  ctx.log(`  preparing image (${spec.layers} layers x ${spec.filesPerLayer} MiB; reused when present)`);
  const img = await sbomImageFixture(
    ctx.fixtures,
    ctx.quick ? 'sbom-12x4m' : `sbom-${spec.layers}x${spec.filesPerLayer}m`,
    spec,
  );
  const scratch = mkdtempSync(join(ctx.fixtures, 'sbom-out-'));
  const layerFiles = (): string[] => {
    const index = JSON.parse(readFileSync(join(img.dir, 'index.json'), 'utf8')) as { manifests: { digest: string }[] };
    const m = JSON.parse(
      readFileSync(join(img.dir, 'blobs', 'sha256', index.manifests[0]!.digest.slice(7)), 'utf8'),
    ) as { layers: { digest: string }[] };
    return m.layers.map((l) => join(img.dir, 'blobs', 'sha256', l.digest.slice(7)));
  };
  const tools: Tool[] = [
    generateSbomTool(img, scratch),
    {
      name: 'flat export',
      command:
        'tar -xzf LAYER -C DIR for every layer, bottom first (the unpack `podman export | tar -x` / `umoci raw unpack` does)',
      run: async (label) => {
        const dir = join(scratch, `flat-${label}`);
        mkdirSync(dir);
        let peak = 0;
        const t = await timed(async () => {
          for (const f of layerFiles()) {
            const r = await runMeasuredOk('tar', ['-xzf', f, '-C', dir], {});
            peak = Math.max(peak, r.peakRss);
          }
        });
        rmSync(dir, { recursive: true, force: true });
        // Untimed: the 4 GiB just written (and removed) is flushed now, not during the next tool's run.
        spawnSync('sync');
        return { ms: t.ms, peakRss: peak };
      },
    },
  ];
  try {
    const m = await measureTools(ctx, tools, { runs: ctx.quick ? 3 : Math.min(ctx.runs, 3), countRequests: false });
    const ours = m.rows[0]!;
    return {
      id: 'generate-sbom',
      title: 'SBOM of a many-layer OS image: generate-sbom vs a flat export',
      setup: `${img.layers} layers, ${(img.tarBytes / MiB / 1024).toFixed(2)} GiB unpacked (${(img.blobBytes / MiB / 1024).toFixed(2)} GiB tar+gzip) in an OCI layout on disk (page cache warm as far as RAM allows); the rpm database (${img.packages} packages, CBL-Mariner's rpmdb.sqlite) and os-release in layer ${img.dbLayer + 1} of ${img.layers} (counting from the bottom); /var/lib/rpm a symlink in layer 1. The flat export writes every file to disk and is removed after each run (not timed); syft's own scan of the export would come on top`,
      rows: m.rows,
      targets: [
        target('wall time, generate-sbom / flat export', ratio(m.rows, 'generate-sbom', 'flat export'), '<=', 0.2, 'x'),
        target('peak RSS of generate-sbom', ours.peakRssMB.max, '<=', 150, 'MB'),
      ],
      notes: [
        `paired ratio (median of per-round ratios): ${pairedRatio(m, 'generate-sbom', 'flat export').toFixed(2)}`,
        `generate-sbom reads layers top-down and stops at the layer that completes the picture: here ${img.layers - img.dbLayer} of ${img.layers}; disk use is the database copy (${(readFileSync(rpmdb).length / MiB).toFixed(1)} MiB) and os-release, in a private temp dir removed at exit.`,
      ],
    };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

function generateSbomTool(img: SbomImageFixture, scratch: string): Tool {
  return {
    name: 'generate-sbom',
    command: 'generate-sbom with source: oci:DIR (node dist/generate-sbom/index.js)',
    run: async (label) => {
      const out = join(scratch, `${label}.spdx.json`);
      const r = await measureAction('generate-sbom', {
        inputs: { source: `oci:${img.dir}`, output: out },
        env: { GITHUB_WORKSPACE: scratch },
      });
      if (r.step.outputs.packages !== String(img.packages))
        throw new Error(`generate-sbom listed ${r.step.outputs.packages} packages, expected ${img.packages}`);
      rmSync(out);
      return r;
    },
  };
}

/**
 * The second shape: the database in the bottom layer under 1 GiB of incompressible data, so the
 * walk reads every layer and gzip stores the bytes (inflating is a copy). What is left to cost is
 * hashing, and the tar reader skipping member bodies. The peer is umoci 0.4.7's `raw unpack`.
 */
export async function benchSbomBottom(ctx: Ctx): Promise<BenchResult> {
  const rpmdb = join(REPO_ROOT, 'packages/core/test/fixtures/rpmdb/cbl-mariner-2.0__rpmdb.sqlite');
  const spec = ctx.quick
    ? { layers: 9, filesPerLayer: 8, fileSize: 1 * MiB, dbLayer: 0, rpmdb, packages: 129, incompressible: true }
    : { layers: 33, filesPerLayer: 32, fileSize: 1 * MiB, dbLayer: 0, rpmdb, packages: 129, incompressible: true };
  ctx.log(
    `  preparing image (${spec.layers} layers x ${spec.filesPerLayer} MiB of random bytes, the database at the bottom; reused when present)`,
  );
  const img = await sbomImageFixture(ctx.fixtures, `sbom-bottom-${spec.layers}x${spec.filesPerLayer}m`, spec);
  const scratch = mkdtempSync(join(ctx.fixtures, 'sbom-out-'));
  const tools: Tool[] = [
    generateSbomTool(img, scratch),
    {
      name: 'umoci raw unpack',
      command: `umoci raw unpack --image DIR:${FIXTURE_TAG} ROOT (umoci 0.4.7, Debian bookworm)`,
      run: async (label) => {
        const root = join(scratch, `root-${label}`);
        const r = await runMeasuredOk('umoci', ['raw', 'unpack', '--image', `${img.dir}:${FIXTURE_TAG}`, root], {});
        rmSync(root, { recursive: true, force: true });
        // Untimed, as for the flat export.
        spawnSync('sync');
        return r;
      },
    },
  ];
  try {
    const m = await measureTools(ctx, tools, { runs: ctx.quick ? 3 : ctx.runs, countRequests: false });
    const ours = m.rows[0]!;
    return {
      id: 'generate-sbom-bottom',
      title: 'SBOM with the database in the bottom layer: generate-sbom vs umoci raw unpack',
      setup: `${img.layers} layers, ${(img.tarBytes / MiB / 1024).toFixed(2)} GiB unpacked of random bytes (${(img.blobBytes / MiB / 1024).toFixed(2)} GiB tar+gzip: gzip stores them) in an OCI layout on disk; the rpm database (${img.packages} packages) in the bottom layer, so every layer is read. The unpacked root is removed after each run (not timed)`,
      rows: m.rows,
      targets: [
        target(
          'wall time, generate-sbom / umoci raw unpack',
          ratio(m.rows, 'generate-sbom', 'umoci raw unpack'),
          '<=',
          0.2,
          'x',
        ),
        target('peak RSS of generate-sbom', ours.peakRssMB.max, '<=', 150, 'MB'),
      ],
      notes: [
        `paired ratio (median of per-round ratios): ${pairedRatio(m, 'generate-sbom', 'umoci raw unpack').toFixed(2)}`,
      ],
    };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
