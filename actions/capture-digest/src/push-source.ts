import * as exec from '@actions/exec';
import {
  assertLabels,
  openLayout,
  parseLayoutTransport,
  pushLayout,
  selectLayoutManifest,
  type PushResult,
  type LayoutSource,
  type ManifestReader,
  type RegistryClient,
  type RepoRef,
} from '@bydigest/core';
import { info, InputError, withInput } from '@bydigest/action-kit';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A layout that is missing, malformed or whose bytes do not match their digests (the registry
 * refuses such a blob: core reports it as LAYOUT) is the `source` input's fault.
 */
const FROM_SOURCE = { LAYOUT: 'source' } as const;

/**
 * oci: and oci-archive: are pushed natively. Any other containers transport is exported
 * by skopeo to a temporary OCI layout first, so registry credentials stay with us (never
 * in skopeo's argv or an auth file we would have to write) and the push path is the same.
 */
export interface PushOptions {
  concurrency: number;
  /** Checked on the layout's manifest (every platform's) before anything is pushed. */
  expectLabels: Record<string, string>;
}

export async function pushSource(
  client: RegistryClient,
  repo: RepoRef,
  source: string,
  tags: string[],
  opts: PushOptions,
): Promise<PushResult> {
  const native = parseLayoutTransport(source);
  if (native) return pushFromLayout(client, repo, native.kind, native.path, native.ref, tags, opts, source);
  if (!/^[a-z][a-z0-9-]*:./.test(source)) {
    throw new InputError(
      'source',
      `${JSON.stringify(source)} names no transport`,
      'use oci:DIR, oci-archive:FILE or a containers transport such as containers-storage:IMAGE',
    );
  }
  if (source.startsWith('docker://')) {
    throw new InputError(
      'source',
      'a docker:// source is a registry copy, not a push',
      'use promote-preserve-digest to copy between registries by digest',
    );
  }
  const dir = await mkdtemp(join(process.env.RUNNER_TEMP ?? tmpdir(), 'bydigest-export-'));
  try {
    info(`exporting ${source} with skopeo`);
    // A local export: signature policy governs pulls from registries, and this image is about
    // to be signed by us; hosts without /etc/containers/policy.json would refuse otherwise.
    await exec.exec('skopeo', ['copy', '--quiet', '--insecure-policy', source, `oci:${dir}:export`]);
    return await pushFromLayout(client, repo, 'oci', dir, 'export', tags, opts, source);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function pushFromLayout(
  client: RegistryClient,
  repo: RepoRef,
  kind: 'oci' | 'oci-archive',
  path: string,
  ref: string | undefined,
  tags: string[],
  opts: PushOptions,
  source: string,
): Promise<PushResult> {
  const layout = await withInput(FROM_SOURCE, () => openLayout(kind, path));
  try {
    const manifest = await withInput(FROM_SOURCE, () => selectLayoutManifest(layout, ref));
    await assertLabels(manifest, layoutReader(layout), opts.expectLabels, source);
    const result = await withInput(FROM_SOURCE, () =>
      pushLayout(client, repo, layout, manifest, tags, { concurrency: opts.concurrency }),
    );
    info(
      `pushed ${manifest.digest}: ${result.blobsUploaded} blob(s) uploaded (${result.bytesUploaded} bytes), ${result.blobsSkipped} already present`,
    );
    return result;
  } finally {
    await layout.close();
  }
}

function layoutReader(layout: LayoutSource): ManifestReader {
  return {
    manifest: async (d) => ({ bytes: await layout.readBlob(d.digest), mediaType: d.mediaType, digest: d.digest }),
    blob: (d) => layout.readBlob(d.digest),
  };
}
