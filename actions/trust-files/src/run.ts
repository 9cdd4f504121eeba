import { join } from 'node:path';
import { HOST_POLICY_PATH, HOST_REGISTRIES_D, hostTrustFiles, writeRootFiles } from '@bydigest/core';
import { code, html, info, jobSummary, withInput } from '@bydigest/action-kit';
import type { TrustFilesInputs } from './inputs.js';

export interface TrustFilesResult {
  dir: string;
  policy: string;
  registriesD: string;
  keyFiles: string[];
}

/** Derives the files from the image name and the key(s), writes them under dir, summarises. */
export async function run(inputs: TrustFilesInputs): Promise<TrustFilesResult> {
  const files = withInput(
    {
      INVALID_REFERENCE: 'image',
      KEY: 'public-key',
      INVALID_ARGUMENT: inputs.keyPaths === 'keyPath' ? 'key-paths' : 'name',
    },
    () =>
      hostTrustFiles({
        image: inputs.image,
        publicKeyPem: inputs.publicKeyPems,
        keyRoot: inputs.keyRoot,
        keyPaths: inputs.keyPaths,
        ...(inputs.name ? { name: inputs.name } : {}),
      }),
  );
  await writeRootFiles(inputs.dir, new Map(files.map((f) => [f.path, f.content])));
  const keyFiles = files.filter((f) => f.path.endsWith('.pub')).map((f) => join(inputs.dir, f.path));
  for (const f of files) info(`wrote ${join(inputs.dir, f.path)}`);
  await jobSummary()
    .heading('trust-files')
    .paragraph(
      html`The trust files of ${code(inputs.image)} under ${code(inputs.dir)}, keyPath under ${code(inputs.keyRoot)}: ${files.map((f) => `/${f.path}`).join(', ')}.`,
    )
    .write();
  return {
    dir: inputs.dir,
    policy: join(inputs.dir, HOST_POLICY_PATH),
    registriesD: join(inputs.dir, HOST_REGISTRIES_D),
    keyFiles,
  };
}
