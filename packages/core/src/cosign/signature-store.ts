import type { KeyObject } from 'node:crypto';
import { BydigestError } from '../errors.js';
import { formatReference, withTag, type ImageReference } from '../oci/reference.js';
import type { RegistryClient, RepoRef } from '../oci/registry.js';
import type { ManifestBytes } from '../oci/types.js';
import { parseSimpleSigningPayload, type SimpleSigningPayload } from './payload.js';
import { parseSigManifest, signatureTag, type ParsedSigManifest, type SigManifestLayer } from './sig-manifest.js';
import { checkPayloadSignature } from './signature.js';

/** The `.sig` manifest of a digest as stored, parsed; undefined when there is none. */
export interface StoredSignatures {
  ref: string;
  manifest: ManifestBytes;
  parsed: ParsedSigManifest;
}

export async function readSignatureManifest(client: RegistryClient, repo: RepoRef, digest: string): Promise<StoredSignatures | undefined> {
  const ref = withTag(repo, signatureTag(digest));
  const manifest = await client.getManifestIfExists(ref);
  if (!manifest) return undefined;
  return { ref: formatReference(ref), manifest, parsed: parseSigManifest(manifest.bytes) };
}

/** One signature layer and the verdict on it. */
export interface SignatureVerdict {
  layerDigest: string;
  /** Index into the keys given, when a key verified it. */
  keyIndex?: number;
  payload?: SimpleSigningPayload;
  payloadBytes?: Buffer;
  /** Why the layer was rejected (containers/image's wording where there is one). */
  reason?: string;
}

export interface LegacyVerification {
  signatureRef: string;
  /** Undefined when the `.sig` tag does not exist. */
  stored?: StoredSignatures;
  verdicts: SignatureVerdict[];
  valid: SignatureVerdict[];
}

/**
 * Reads every simple-signing layer of `image`'s `.sig` and checks it as cosign verify and
 * containers/image both do: the payload blob hashes to the layer digest, the signature
 * verifies with one of the keys, the payload parses strictly and names `image`'s digest.
 * Identity (docker-reference) is left to the caller's policy.
 */
export async function verifyLegacySignatures(
  client: RegistryClient,
  image: ImageReference & { digest: string },
  keys: KeyObject[],
): Promise<LegacyVerification> {
  const signatureRef = formatReference(withTag(image, signatureTag(image.digest)));
  const stored = await readSignatureManifest(client, image, image.digest);
  if (!stored) return { signatureRef, verdicts: [], valid: [] };
  if (stored.parsed.mediaType !== undefined && stored.parsed.mediaType !== 'application/vnd.oci.image.manifest.v1+json') {
    const verdict = { layerDigest: stored.manifest.digest, reason: `signature manifest ${signatureRef} is a ${stored.parsed.mediaType}; containers/image reads only OCI manifests` };
    return { signatureRef, stored, verdicts: [verdict], valid: [] };
  }
  const verdicts: SignatureVerdict[] = [];
  for (const layer of stored.parsed.layers) {
    if (!layer.isSimpleSigning) continue;
    verdicts.push(await verifyLayer(client, image, layer, keys));
  }
  return { signatureRef, stored, verdicts, valid: verdicts.filter((v) => v.keyIndex !== undefined) };
}

async function verifyLayer(client: RegistryClient, image: ImageReference & { digest: string }, layer: SigManifestLayer, keys: KeyObject[]): Promise<SignatureVerdict> {
  const verdict: SignatureVerdict = { layerDigest: layer.digest };
  if (layer.signature === undefined) return { ...verdict, reason: 'layer has no dev.cosignproject.cosign/signature annotation' };
  let payloadBytes: Buffer;
  try {
    payloadBytes = await client.getBlob(image, layer.digest, 1024 * 1024);
  } catch (e) {
    if (e instanceof BydigestError && (e.code === 'NOT_FOUND' || e.code === 'DIGEST_MISMATCH')) return { ...verdict, reason: `payload blob: ${e.message}` };
    throw e;
  }
  verdict.payloadBytes = payloadBytes;
  let lastReason = 'no public key given';
  let keyIndex: number | undefined;
  for (let i = 0; i < keys.length; i++) {
    const check = checkPayloadSignature(keys[i] as KeyObject, payloadBytes, layer.signature);
    if (check.valid) {
      keyIndex = i;
      break;
    }
    lastReason = check.reason;
  }
  if (keyIndex === undefined) return { ...verdict, reason: lastReason };
  let payload: SimpleSigningPayload;
  try {
    payload = parseSimpleSigningPayload(payloadBytes);
  } catch (e) {
    return { ...verdict, reason: (e as Error).message };
  }
  verdict.payload = payload;
  if (payload.manifestDigest !== image.digest) {
    return { ...verdict, reason: `Signature for digest ${payload.manifestDigest} does not match` };
  }
  return { ...verdict, keyIndex };
}

/** One line per rejected signature, for error messages and summaries. */
export function describeVerdicts(v: LegacyVerification): string {
  if (!v.stored) return `no signature at ${v.signatureRef}`;
  if (v.verdicts.length === 0) return `${v.signatureRef} holds no simple-signing layers`;
  return v.verdicts.map((x) => `${x.layerDigest.slice(0, 19)}…: ${x.reason ?? 'valid'}`).join('; ');
}
