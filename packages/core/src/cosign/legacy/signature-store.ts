import type { KeyObject } from 'node:crypto';
import { BydigestError } from '../../errors.js';
import { formatReference, withTag, type ImageReference } from '../../oci/reference.js';
import type { RegistryClient, RepoRef } from '../../oci/remote/registry.js';
import type { ManifestBytes } from '../../oci/types.js';
import { parseSimpleSigningPayload, type SimpleSigningPayload } from './payload.js';
import { OCI_MANIFEST_MEDIA_TYPE, SIGNATURE_ANNOTATION, SIMPLE_SIGNING_MEDIA_TYPE } from '../constants.js';
import { parseSigManifest, signatureTag, type ParsedSigManifest } from './sig-manifest.js';
import { checkPayloadSignature } from '../keys/signature.js';

/** The `.sig` manifest of a digest as stored, parsed; undefined when there is none. */
export interface StoredSignatures {
  ref: string;
  manifest: ManifestBytes;
  parsed: ParsedSigManifest;
}

export async function readSignatureManifest(
  client: RegistryClient,
  repo: RepoRef,
  digest: string,
): Promise<StoredSignatures | undefined> {
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

/** One layer of a `.sig` manifest as fetched: untrusted until a key and a policy say otherwise. */
export interface SignatureAttachment {
  layerDigest: string;
  mediaType: string;
  annotations: Record<string, string>;
  /** The payload blob (simple-signing layers only); undefined when it could not be read. */
  payload?: Buffer;
  /** Why the payload could not be read. */
  unreadable?: string;
}

export interface SigstoreAttachments {
  signatureRef: string;
  /** Undefined when the `.sig` tag does not exist. */
  stored?: StoredSignatures;
  /** Every layer in manifest order; empty when there is no `.sig` or it is unusable. */
  layers: SignatureAttachment[];
  /** Set when containers/image would refuse the `.sig` manifest itself (its wording). */
  error?: string;
}

// containers/image reads at most this much of a signature payload (iolimits.MaxSignatureBodySize).
const MAX_PAYLOAD = 4 * 1024 * 1024;

/**
 * Fetches `image`'s `.sig` and the payload of each simple-signing layer, judging nothing: the
 * raw material for verifyLegacySignatures (cosign's rules, given keys) and for evaluating a
 * containers policy (a host's rules, keys from its policy.json). Other layers are listed with
 * their media type, since containers/image counts them, but not downloaded.
 */
export async function readSigstoreAttachments(
  client: RegistryClient,
  image: ImageReference & { digest: string },
): Promise<SigstoreAttachments> {
  const signatureRef = formatReference(withTag(image, signatureTag(image.digest)));
  const stored = await readSignatureManifest(client, image, image.digest);
  if (!stored) return { signatureRef, layers: [] };
  if (stored.parsed.mediaType !== undefined && stored.parsed.mediaType !== OCI_MANIFEST_MEDIA_TYPE) {
    return {
      signatureRef,
      stored,
      layers: [],
      error: `unexpected MIME type for sigstore attachment manifest ${signatureRef}: ${JSON.stringify(stored.parsed.mediaType)}`,
    };
  }
  const layers: SignatureAttachment[] = [];
  for (const layer of stored.parsed.layers) {
    const attachment: SignatureAttachment = {
      layerDigest: layer.digest,
      mediaType: layer.mediaType,
      annotations: layer.annotations,
    };
    if (layer.isSimpleSigning) {
      try {
        attachment.payload = await client.getBlob(image, layer.digest, MAX_PAYLOAD);
      } catch (e) {
        if (!(e instanceof BydigestError && (e.code === 'NOT_FOUND' || e.code === 'DIGEST_MISMATCH'))) throw e;
        attachment.unreadable = `payload blob: ${e.message}`;
      }
    }
    layers.push(attachment);
  }
  return { signatureRef, stored, layers };
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
  return verifyAttachments(await readSigstoreAttachments(client, image), image.digest, keys);
}

/** verifyLegacySignatures over attachments already fetched (pure). */
export function verifyAttachments(fetched: SigstoreAttachments, digest: string, keys: KeyObject[]): LegacyVerification {
  const { signatureRef, stored } = fetched;
  if (!stored) return { signatureRef, verdicts: [], valid: [] };
  if (fetched.error !== undefined) {
    const verdict = {
      layerDigest: stored.manifest.digest,
      reason: `signature manifest ${signatureRef} is a ${stored.parsed.mediaType}; containers/image reads only OCI manifests`,
    };
    return { signatureRef, stored, verdicts: [verdict], valid: [] };
  }
  const verdicts = fetched.layers
    .filter((l) => l.mediaType === SIMPLE_SIGNING_MEDIA_TYPE)
    .map((l) => verifyLayer(l, digest, keys));
  return { signatureRef, stored, verdicts, valid: verdicts.filter((v) => v.keyIndex !== undefined) };
}

function verifyLayer(layer: SignatureAttachment, digest: string, keys: KeyObject[]): SignatureVerdict {
  const verdict: SignatureVerdict = { layerDigest: layer.layerDigest };
  const signature = layer.annotations[SIGNATURE_ANNOTATION];
  if (signature === undefined)
    return { ...verdict, reason: 'layer has no dev.cosignproject.cosign/signature annotation' };
  if (layer.payload === undefined) return { ...verdict, reason: layer.unreadable ?? 'payload blob could not be read' };
  const payloadBytes = layer.payload;
  verdict.payloadBytes = payloadBytes;
  let lastReason = 'no public key given';
  let keyIndex: number | undefined;
  for (let i = 0; i < keys.length; i++) {
    const check = checkPayloadSignature(keys[i] as KeyObject, payloadBytes, signature);
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
  if (payload.manifestDigest !== digest) {
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
