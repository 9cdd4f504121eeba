import {
  attachReferrer,
  defaultReferrersMode,
  EMPTY_CONFIG,
  fileChunks,
  formatReference,
  inspectSbom,
  parseDigestReference,
  repositoryName,
  resolveArtifactType,
  sbomReferrerManifest,
  signImage,
  subjectDescriptor,
  withDigest,
  type SigningKey,
} from '@bydigest/core';
import {
  awaitSigningKey,
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
    // scrypt at cosign's N=65536 holds 64 MiB while it runs; a large SBOM's validation is not
    // overlapped with it, so memory stays bounded (a small one is, to save the time).
    const large = (await stat(path).catch(() => undefined))?.size ?? 0;
    const early = sign && pendingKey && large > 32 * 1024 * 1024 ? await awaitSigningKey(pendingKey) : undefined;
    const info = await inspectSbom(path).catch((e: Error & { hint?: string }) => {
      throw new InputError('sbom', e.message, e.hint);
    });
    const artifactType = parseInput('artifact-type', (explicit) => resolveArtifactType(info, explicit)) ?? resolveArtifactType(info);
    // The key is awaited before the SBOM streams up, for the same reason; a bad key or password
    // fails here, before any write.
    const key = early ?? (sign && pendingKey ? await awaitSigningKey(pendingKey) : undefined);
    const referrers = mode === 'auto' ? defaultReferrersMode(image.registry) : mode;
    const client = registryClientFromInputs();

    try {
      const subject = await subjectDescriptor(client, image, image.digest);
      const manifest = sbomReferrerManifest({ subject, info, fileName: basename(path), annotations, artifactType });
      await client.uploadBlob(image, { digest: info.digest, size: info.size, open: () => fileChunks(path) });
      // The empty config is referenced like any blob and must exist before the manifest.
      await client.uploadBlob(image, { digest: EMPTY_CONFIG.digest, size: EMPTY_CONFIG.size, open: () => EMPTY_CONFIG.bytes });
      const sbomRef = withDigest(image, manifest.digest);
      const referrer = { bytes: manifest.bytes, mediaType: manifest.mediaType, digest: manifest.digest };
      let signatureRef = '';
      if (key) {
        // Signed before it is listed in the fallback index: a failure then never leaves an
        // unsigned SBOM among the referrers (a registry with the referrers API lists it on this PUT).
        await client.putManifest(sbomRef, referrer);
        const [signed] = await signImage(client, { image: sbomRef, identities: [repositoryName(image)], key, recursive: false });
        signatureRef = signed!.signatureRef;
      }
      const attached = await attachReferrer(client, image, referrer, referrers);
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
