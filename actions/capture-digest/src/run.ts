import {
  assertLabels,
  assertSingleDigest,
  formatReference,
  resolveTags,
  withDigest,
  type RegistryClient,
  type RepoRef,
  type ResolvedTag,
} from '@bydigest/core';
import { code, html, info, jobSummary, joinHtml, registryClient } from '@bydigest/action-kit';
import { writeFile } from 'node:fs/promises';
import type { CaptureInputs } from './inputs.js';
import { pushSource } from './push-source.js';

export interface Captured {
  digest: string;
  mediaType: string;
  resolved: ResolvedTag[];
}

/** Pushes the source once (if given), tags it, and checks every tag resolves to the one digest. */
export async function run(
  inputs: CaptureInputs,
  client: RegistryClient = registryClient(inputs.registry),
): Promise<Captured> {
  const { repo, tags, source, digestfile } = inputs;
  try {
    const pushed = source
      ? await pushSource(client, repo, source, tags, {
          concurrency: inputs.concurrency,
          expectLabels: inputs.expectLabels,
        })
      : undefined;
    const resolved = await resolveTags(client, repo, tags);
    const digest = assertSingleDigest(resolved, pushed?.digest);
    // Capture-only: the tags are already out; what stops the sign job is failing before any output is set.
    if (!pushed) await checkPushedLabels(client, repo, digest, inputs.expectLabels);
    const mediaType = pushed?.mediaType ?? (await client.headManifest(withDigest(repo, digest)))?.mediaType ?? '';
    if (digestfile) await writeFile(digestfile, digest);

    info(`${formatReference(withDigest(repo, digest))} (${tags.length} tag${tags.length > 1 ? 's' : ''})`);
    const labels = Object.keys(inputs.expectLabels);
    await jobSummary()
      .heading('capture-digest')
      .table([[{ header: 'tag' }, { header: 'digest' }], ...resolved.map((r) => [r.reference, code(r.digest ?? '')])])
      .paragraph(
        pushed
          ? html`Pushed from ${code(source!)}: ${pushed.blobsUploaded} blob(s) uploaded, ${pushed.blobsSkipped} already present.`
          : html`Resolve-only: no ${code('source')} given.`,
      )
      .paragraph(
        labels.length > 0
          ? html`Labels checked on every platform's config: ${joinHtml(labels.map((k) => code(`${k}=${inputs.expectLabels[k]}`)))}.`
          : html`No labels checked (${code('expect-labels')} is empty).`,
      )
      .write();
    return { digest, mediaType, resolved };
  } finally {
    await client.close();
  }
}

async function checkPushedLabels(
  client: RegistryClient,
  repo: RepoRef,
  digest: string,
  expected: Record<string, string>,
): Promise<void> {
  if (Object.keys(expected).length === 0) return;
  const image = withDigest(repo, digest);
  await assertLabels(
    await client.getManifest(image),
    {
      manifest: (d) => client.getManifest(withDigest(repo, d.digest)),
      blob: (d) => client.getBlob(repo, d.digest),
    },
    expected,
    formatReference(image),
  );
}
