/**
 * Recovery for hosts already stranded (running a release that trusts only the old key): the
 * exact trust files of the release they should move to — its policy.json, registries.d and the
 * key files its policy names, taken out of its layers — and the commands that install them.
 */
import { writeFile } from 'node:fs/promises';
import { join, posix } from 'node:path';
import { formatReference, type ImageReference } from '../oci/reference.js';
import { POLICY_PATH } from '../trust/image-files.js';
import { writeRootFiles } from '../trust/root-files.js';
import type { ReleaseTrust } from './release-trust.js';

export interface RecoveryFiles {
  dir: string;
  /** Host paths written under `dir` (dir/etc/containers/policy.json is the host's /etc/containers/policy.json). */
  files: string[];
  script: string;
}

/**
 * Writes the files under `dir`, laid out as the host's root (dir/etc/containers/policy.json is
 * /etc/containers/policy.json).
 */
export async function writeRecoveryFiles(
  dir: string,
  trust: ReleaseTrust,
  target: ImageReference & { digest: string },
): Promise<RecoveryFiles> {
  if (!trust.policyBytes)
    throw new Error(`internal error: ${formatReference(target)} has no loadable policy to recover with`);
  const files = new Map<string, Buffer>();
  files.set(POLICY_PATH, trust.policyBytes);
  for (const f of trust.registriesD) files.set(f.path, f.bytes);
  for (const [path, f] of trust.files) files.set(posix.resolve('/', path), f.bytes);
  await writeRootFiles(dir, files);
  const hostPaths = [...files.keys()].sort();
  const script = recoveryScript(hostPaths, target);
  await writeFile(join(dir, 'recover.sh'), script, { mode: 0o755 });
  await writeFile(join(dir, 'README.md'), readme(hostPaths, target));
  return { dir, files: hostPaths, script: join(dir, 'recover.sh') };
}

function recoveryScript(hostPaths: string[], target: ImageReference & { digest: string }): string {
  return [
    '#!/bin/sh',
    `# Trust the keys ${formatReference(target)} is signed with, then update to it.`,
    '# Run as root on a host whose updates fail with "invalid signature" or "signature verification failed".',
    'set -eu',
    'here=$(dirname "$0")',
    ...hostPaths.map((p) => `install -D -m 0644 "$here${p}" "${p}"`),
    '# bootc hosts:',
    'if command -v bootc >/dev/null 2>&1; then bootc upgrade; else rpm-ostree upgrade; fi',
    '',
  ].join('\n');
}

function readme(hostPaths: string[], target: ImageReference & { digest: string }): string {
  return `# Recovering a host that no longer verifies updates

The release this host runs trusts only the old signing key; the images published since are
signed with the new one. These files are the trust files of ${formatReference(target)},
taken out of its layers: installing them makes this host trust the keys that image (and the
releases after it) are signed with.

As root, from this directory:

    sh recover.sh

or by hand:

${hostPaths.map((p) => `    install -D -m 0644 .${p} ${p}`).join('\n')}
    bootc upgrade            # rpm-ostree hosts: rpm-ostree upgrade

Then \`bootc status\` (or \`rpm-ostree status\`) shows the new deployment; reboot into it.

## /etc is merged three-way

On bootc and rpm-ostree, /etc is merged three-way at each update: a file the admin changed is
kept, an untouched one follows the image. The files installed above are now the admin's copies,
so later images' changes to them (the next rotation) will not reach this host. Once it runs the
new release, hand them back to the image:

${hostPaths.map((p) => `    cp -a /usr${p} ${p}`).join('\n')}

(each then equals the image's default, and follows the image again from the next update). A host
whose admin had edited policy.json before keeps that file through every update: these files are
the copy it needs.
`;
}
