/**
 * Writes the sample image (an OCI layout) and its SPDX SBOM, for workflows that have no
 * buildah or syft at hand (the dogfood workflow):
 *
 *   pnpm exec tsx scripts/sample-artifacts.ts image DIR [TAG] [VERSION]
 *   pnpm exec tsx scripts/sample-artifacts.ts sbom FILE [VERSION]
 *
 * `image` prints the manifest digest on stdout.
 */
import { writeSampleImage, writeSampleSbom } from './lib/sample.js';

const [what, path, ...rest] = process.argv.slice(2);
if (what === 'image' && path) {
  const img = writeSampleImage(path, { tag: rest[0] ?? 'latest', version: rest[1] ?? '1.0' });
  process.stdout.write(`${img.digest}\n`);
} else if (what === 'sbom' && path) {
  writeSampleSbom(path, { name: 'bydigest-demo-os', version: rest[0] ?? '1.0' });
} else {
  process.stderr.write('usage: sample-artifacts.ts image DIR [TAG] [VERSION] | sbom FILE [VERSION]\n');
  process.exitCode = 2;
}
