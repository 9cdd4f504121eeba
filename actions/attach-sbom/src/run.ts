import {
  attachSignedReferrer,
  defaultReferrersMode,
  EMPTY_CONFIG,
  fileChunks,
  formatReference,
  inspectSbom,
  parseDigestReference,
  repositoryName,
  resolveArtifactType,
  sbomReferrerManifest,
  subjectDescriptor,
  withDigest,
  type SigningKey,
} from '@bydigest/core';
import {
  awaitSigningKey,
  keyInputChecked,
  booleanInput,
  InputError,
  choiceInput,
  keyValueInput,
  parseInput,
  registryClientFromInputs,
  requiredInput,
  runAction,
  setCheckedOutput,
  setDigestOutput,
  setDigestRefOutput,
  runner,
} from '@bydigest/action-kit';
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';

export async function run(pendingKey: Promise<SigningKey> | undefined): Promise<void> {
  await runAction(async () => {
    // Everything is checked before the first write: a bad SBOM leaves the registry untouched.
    const image = parseInput('image-ref', parseDigestReference, { required: true })!;
    const path = requiredInput('sbom', 'the path of the SBOM file written by syft or your SBOM tool');
    const mode = choiceInput('referrers', ['auto', 'api', 'tag'] as const, 'auto');
    const annotations = keyValueInput('annotations');
    const sign = booleanInput('sign', true);
    const referrers = mode === 'auto' ? defaultReferrersMode(image.registry) : mode;
    // A malformed key input fails here, before any request; only the password waits for scrypt.
    if (sign && pendingKey) await keyInputChecked(pendingKey);
    const client = registryClientFromInputs();

    try {
      // A read, so it may overlap the SBOM's validation; awaited after it, so a bad SBOM is
      // still what gets reported when both are wrong.
      const subjectRead = subjectDescriptor(client, image, image.digest);
      subjectRead.catch(() => undefined);
      // scrypt at cosign's N=65536 holds 64 MiB while it runs; a large SBOM is neither validated
      // nor uploaded while it does, so memory stays bounded (a small one is, to save the time).
      const large = ((await stat(path).catch(() => undefined))?.size ?? 0) > 32 * 1024 * 1024;
      const early = sign && pendingKey && large ? await awaitSigningKey(pendingKey) : undefined;
      const info = await inspectSbom(path).catch((e: Error & { hint?: string }) => {
        throw new InputError('sbom', e.message, e.hint);
      });
      const artifactType = parseInput('artifact-type', (explicit) => resolveArtifactType(info, explicit)) ?? resolveArtifactType(info);
      const key = early ? Promise.resolve(early) : sign && pendingKey ? awaitSigningKey(pendingKey) : undefined;
      key?.catch(() => undefined);
      const subject = await subjectRead;
      const manifest = sbomReferrerManifest({ subject, info, fileName: basename(path), annotations, artifactType });
      const sbomRef = withDigest(image, manifest.digest);
      const attached = await attachSignedReferrer(client, {
        image,
        referrer: { bytes: manifest.bytes, mediaType: manifest.mediaType, digest: manifest.digest },
        // Streamed from the file: SBOMs of large images reach hundreds of MB.
        blobs: [
          { digest: info.digest, size: info.size, open: () => fileChunks(path) },
          { digest: EMPTY_CONFIG.digest, size: EMPTY_CONFIG.size, open: () => EMPTY_CONFIG.bytes },
        ],
        mode: referrers,
        ...(key ? { key } : {}),
        identity: repositoryName(image),
      });
      const signatureRef = attached.signatureRef ?? '';
      runner.info(`attached ${info.format} SBOM (${info.size} bytes) as ${formatReference(sbomRef)} via ${attached.via === 'api' ? 'the referrers API' : 'the sha256-<hex> tag fallback'}`);

      setDigestOutput('sbom-digest', manifest.digest);
      setDigestRefOutput('sbom-ref', formatReference(sbomRef));
      if (signatureRef) setCheckedOutput('signature-ref', signatureRef, (v) => v.endsWith(`:sha256-${manifest.digest.slice(7)}.sig`));
      await runner.summary
        .addHeading('attach-sbom', 3)
        .addTable([
          [{ data: 'subject', header: true }, { data: 'SBOM', header: true }, { data: 'artifact type', header: true }, { data: 'signature', header: true }],
          [`<code>${formatReference(image)}</code>`, `<code>${manifest.digest}</code> (${info.format}, ${info.size} bytes${info.packages !== undefined ? `, ${info.packages} packages` : ''})`, artifactType, signatureRef ? `<code>${signatureRef}</code>` : 'not signed'],
        ])
        .write();
    } finally {
      await client.close();
    }
  });
}
