/**
 * Writes the sample image (an OCI layout), its SPDX SBOM, and the host trust files, for workflows
 * that have no buildah or syft at hand (the dogfood workflow):
 *
 *   pnpm exec tsx scripts/sample-artifacts.ts image DIR [TAG] [VERSION] [--trust-image IMAGE --public-key FILE
 * [--public-key FILE]] [--copy ROOTDIR] [--label KEY=VALUE]…
 *   pnpm exec tsx scripts/sample-artifacts.ts sbom FILE [VERSION]
 *   pnpm exec tsx scripts/sample-artifacts.ts host-files ROOT IMAGE PUBLIC_KEY_FILE
 *
 * `image` prints the manifest digest on stdout. With --trust-image and --public-key the image
 * carries /etc/containers/policy.json, registries.d and the key (keyPath /etc/pki/containers/…),
 * as a bootc image does; --copy ROOTDIR adds ROOTDIR's files as a layer (a Containerfile's
 * `COPY ROOTDIR/ /`, e.g. trust-files' output). `host-files` writes the same files under ROOT with keyPath re-rooted to
 * ROOT, for skopeo, cosign and verify-digest on the runner (scripts/lib/host-trust-files.ts).
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { isBydigestError } from '../packages/core/src/errors.js';
import { writeHostTrustFiles } from './lib/host-trust-files.js';
import { writeSampleImage, writeSampleSbom } from './lib/sample.js';

const USAGE = `usage: sample-artifacts.ts image DIR [TAG] [VERSION] [--trust-image IMAGE --public-key FILE [--public-key FILE]] [--copy ROOTDIR] [--label KEY=VALUE]…
       sample-artifacts.ts sbom FILE [VERSION]
       sample-artifacts.ts host-files ROOT IMAGE PUBLIC_KEY_FILE`;

class UsageError extends Error {}

function readKey(file: string, flag: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (e) {
    throw new UsageError(
      `${flag} ${file}: cannot read the public key (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}); pass the path of cosign.pub`,
    );
  }
}

function main(argv: string[]): void {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        'trust-image': { type: 'string' },
        'public-key': { type: 'string', multiple: true },
        copy: { type: 'string' },
        label: { type: 'string', multiple: true },
      },
    });
  } catch (e) {
    throw new UsageError(`${(e as Error).message}\n${USAGE}`);
  }
  const { values, positionals } = parsed;
  const [what, path, ...rest] = positionals;
  const trustImage = values['trust-image'];
  const publicKey = values['public-key'];
  if (what !== 'image' && (trustImage !== undefined || publicKey !== undefined))
    throw new UsageError('--trust-image and --public-key belong to `image`');
  if (what === 'image' && path && rest.length <= 2) {
    if ((trustImage === undefined) !== (publicKey === undefined))
      throw new UsageError('--trust-image and --public-key go together: the policy scope and the key it trusts');
    // Two keys: a rotation's overlap release, trusting both (keyPaths).
    const trust =
      trustImage !== undefined && publicKey !== undefined
        ? { image: trustImage, publicKeyPem: publicKey.map((f) => readKey(f, '--public-key')) }
        : undefined;
    const labels: Record<string, string> = {};
    for (const l of values.label ?? []) {
      const eq = l.indexOf('=');
      if (eq <= 0) throw new UsageError(`--label ${l}: write KEY=VALUE`);
      labels[l.slice(0, eq)] = l.slice(eq + 1);
    }
    const img = writeSampleImage(path, {
      tag: rest[0] ?? 'latest',
      version: rest[1] ?? '1.0',
      ...(trust ? { trust } : {}),
      ...(values.copy ? { copy: values.copy } : {}),
      labels,
    });
    process.stdout.write(`${img.digest}\n`);
  } else if (what === 'sbom' && path && rest.length <= 1) {
    writeSampleSbom(path, { name: 'bydigest-demo-os', version: rest[0] ?? '1.0' });
  } else if (what === 'host-files' && path && rest.length === 2) {
    const [image, keyFile] = rest as [string, string];
    const host = writeHostTrustFiles(path, { image, publicKeyPem: readKey(keyFile, 'PUBLIC_KEY_FILE') });
    process.stdout.write(`host-files: wrote ${host.policy}, ${host.registriesD}/, ${host.pubFile}\n`);
  } else {
    throw new UsageError(USAGE);
  }
}

try {
  main(process.argv.slice(2));
} catch (e) {
  if (e instanceof UsageError || isBydigestError(e)) {
    const hint = isBydigestError(e) && e.hint ? `\n  ${e.hint}` : '';
    process.stderr.write(`sample-artifacts: ${(e as Error).message}${hint}\n`);
    process.exitCode = e instanceof UsageError ? 2 : 1;
  } else {
    throw e;
  }
}
