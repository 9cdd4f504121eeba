import {
  attachSbom,
  formatReference,
  withDigest,
  type AttachedSbom,
  type RegistryClient,
  type Signer,
} from '@bydigest/core';
import { code, html, info, jobSummary, registryClient } from '@bydigest/action-kit';
import type { AttachInputs } from './inputs.js';

export async function run(
  inputs: AttachInputs,
  signer: readonly Signer[] | undefined,
  client: RegistryClient = registryClient(inputs.registry),
): Promise<AttachedSbom> {
  const { image } = inputs;
  try {
    const attached = await attachSbom(client, {
      image,
      path: inputs.sbom,
      ...(inputs.artifactType ? { artifactType: inputs.artifactType } : {}),
      annotations: inputs.annotations,
      mode: inputs.referrers,
      ...(signer ? { signer } : {}),
    });
    const { info: sbom, manifestDigest, signatureRef } = attached;
    info(
      `attached ${sbom.format} SBOM (${sbom.size} bytes) as ${formatReference(withDigest(image, manifestDigest))} via ${attached.via === 'api' ? 'the referrers API' : 'the sha256-<hex> tag fallback'}`,
    );
    await jobSummary()
      .heading('attach-sbom')
      .table([
        [{ header: 'subject' }, { header: 'SBOM' }, { header: 'artifact type' }, { header: 'signature' }],
        [
          code(formatReference(image)),
          html`${code(manifestDigest)} (${sbom.format}, ${sbom.size} bytes${sbom.packages !== undefined ? `, ${sbom.packages} packages` : ''})`,
          attached.artifactType,
          signatureRef ? code(signatureRef) : 'not signed',
        ],
      ])
      .write();
    return attached;
  } finally {
    await client.close();
  }
}
