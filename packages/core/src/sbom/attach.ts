import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { BydigestError } from '../errors.js';
import { attachSignedReferrer } from '../cosign/legacy/signed-referrer.js';
import { EMPTY_CONFIG } from '../oci/media-types.js';
import { repositoryName, type ImageReference } from '../oci/reference.js';
import { subjectDescriptor, type ReferrersMode } from '../oci/remote/referrers.js';
import type { RegistryClient } from '../oci/remote/registry.js';
import { OVERLAP_WITH_SIGNER_MAX_BYTES } from '../signer/overlap.js';
import type { Signer } from '../signer/signer.js';
import { fileChunks } from '../util/file-chunks.js';
import { resolveArtifactType } from './artifact-type.js';
import { inspectSbom } from './inspect.js';
import { sbomReferrerManifest } from './referrer-manifest.js';
import type { SbomInfo } from './types.js';

export { OVERLAP_WITH_SIGNER_MAX_BYTES };

export interface AttachSbomOptions {
  image: ImageReference & { digest: string };
  /** The SBOM file; streamed, never held whole. */
  path: string;
  /** Explicit artifact type; default: the one detected from the content. */
  artifactType?: string;
  annotations?: Record<string, string>;
  mode: ReferrersMode;
  /** Signs the SBOM manifest's digest (legacy `.sig`) when given; several signers write a layer each. */
  signer?: Signer | readonly Signer[];
}

export interface AttachedSbom {
  info: SbomInfo;
  artifactType: string;
  manifestDigest: string;
  via: 'api' | 'tag';
  signatureRef?: string;
}

/**
 * Validates an SBOM, pushes it as an OCI 1.1 referrer of `image`, signs it and lists it among
 * the image's referrers. Everything is checked before the first write: a bad SBOM (code SBOM)
 * or artifact type (code ARTIFACT_TYPE) leaves the registry untouched.
 */
export async function attachSbom(client: RegistryClient, opts: AttachSbomOptions): Promise<AttachedSbom> {
  const { image, path, signer } = opts;
  // A read, so it may overlap the SBOM's validation; awaited after it, so a bad SBOM is
  // still what gets reported when both are wrong.
  const subjectRead = subjectDescriptor(client, image, image.digest);
  subjectRead.catch(() => undefined);
  const large = ((await stat(path).catch(() => undefined))?.size ?? 0) > OVERLAP_WITH_SIGNER_MAX_BYTES;
  if (signer && large) await Promise.all([signer].flat().map((s) => s.ready()));
  const info = await inspectSbom(path);
  const artifactType = explicitArtifactType(info, opts.artifactType);
  const subject = await subjectRead;
  const manifest = sbomReferrerManifest({
    subject,
    info,
    fileName: basename(path),
    annotations: opts.annotations ?? {},
    artifactType,
  });
  const attached = await attachSignedReferrer(client, {
    image,
    referrer: { bytes: manifest.bytes, mediaType: manifest.mediaType, digest: manifest.digest },
    // Streamed from the file: SBOMs of large images reach hundreds of MB.
    blobs: [
      { digest: info.digest, size: info.size, open: () => fileChunks(path) },
      { digest: EMPTY_CONFIG.digest, size: EMPTY_CONFIG.size, open: () => EMPTY_CONFIG.bytes },
    ],
    mode: opts.mode,
    ...(signer ? { signer } : {}),
    identity: repositoryName(image),
  });
  return {
    info,
    artifactType,
    manifestDigest: manifest.digest,
    via: attached.via,
    ...(attached.signatureRef ? { signatureRef: attached.signatureRef } : {}),
  };
}

function explicitArtifactType(info: SbomInfo, explicit: string | undefined): string {
  try {
    return resolveArtifactType(info, explicit);
  } catch (e) {
    const err = e as BydigestError;
    throw new BydigestError('ARTIFACT_TYPE', err.message, { hint: err.hint, cause: e });
  }
}
