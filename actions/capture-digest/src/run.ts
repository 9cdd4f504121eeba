import { assertSingleDigest, formatReference, resolveTags, withDigest, type RegistryClient, type ResolvedTag } from '@bydigest/core';
import { code, html, info, jobSummary, registryClient } from '@bydigest/action-kit';
import { writeFile } from 'node:fs/promises';
import type { CaptureInputs } from './inputs.js';
import { pushSource } from './push-source.js';

export interface Captured {
  digest: string;
  mediaType: string;
  resolved: ResolvedTag[];
}

/** Pushes the source once (if given), tags it, and checks every tag resolves to the one digest. */
export async function run(inputs: CaptureInputs, client: RegistryClient = registryClient(inputs.registry)): Promise<Captured> {
  const { repo, tags, source, digestfile } = inputs;
  try {
    const pushed = source ? await pushSource(client, repo, source, tags, inputs.concurrency) : undefined;
    const resolved = await resolveTags(client, repo, tags);
    const digest = assertSingleDigest(resolved, pushed?.digest);
    const mediaType = pushed?.mediaType ?? (await client.headManifest(withDigest(repo, digest)))?.mediaType ?? '';
    if (digestfile) await writeFile(digestfile, digest);

    info(`${formatReference(withDigest(repo, digest))} (${tags.length} tag${tags.length > 1 ? 's' : ''})`);
    await jobSummary()
      .heading('capture-digest')
      .table([[{ header: 'tag' }, { header: 'digest' }], ...resolved.map((r) => [r.reference, code(r.digest ?? '')])])
      .paragraph(
        pushed
          ? html`Pushed from ${code(source!)}: ${pushed.blobsUploaded} blob(s) uploaded, ${pushed.blobsSkipped} already present.`
          : html`Resolve-only: no ${code('source')} given.`,
      )
      .write();
    return { digest, mediaType, resolved };
  } finally {
    await client.close();
  }
}
