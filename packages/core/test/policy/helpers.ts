import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  decryptCosignKey,
  generateKeyPair,
  sha256Digest,
  signPayload,
  simpleSigningPayload,
  SIGNATURE_ANNOTATION,
  SIMPLE_SIGNING_MEDIA_TYPE,
  type SigningKey,
  type UntrustedSignature,
} from '../../src/index.js';

export interface PolicyTestKey {
  key: SigningKey;
  publicKeyPem: string;
  /** cosign.pub written to a temp dir. */
  pubFile: string;
}

/** A real cosign key pair (generate-key-pair format), decrypted for signing. */
export async function makeTestKey(): Promise<PolicyTestKey> {
  const pair = await generateKeyPair('pw');
  const key = await decryptCosignKey(pair.privateKeyPem, 'pw');
  const pubFile = join(mkdtempSync(join(tmpdir(), 'policy-key-')), 'cosign.pub');
  writeFileSync(pubFile, pair.publicKeyPem);
  return { key, publicKeyPem: pair.publicKeyPem, pubFile };
}

/** One `.sig` layer as cosign writes it: the simple-signing payload and its signature annotation. */
export function signedLayer(key: SigningKey, dockerReference: string, manifestDigest: string): UntrustedSignature {
  return signedPayloadLayer(key, simpleSigningPayload({ dockerReference, manifestDigest }));
}

/** A layer for hand-written payload bytes (digests simpleSigningPayload refuses to write, …). */
export function signedPayloadLayer(key: SigningKey, payload: Buffer): UntrustedSignature {
  return {
    layerDigest: sha256Digest(payload),
    mediaType: SIMPLE_SIGNING_MEDIA_TYPE,
    annotations: { [SIGNATURE_ANNOTATION]: signPayload(key, payload) },
    payload,
  };
}

export const DIGEST_A = `sha256:${'a'.repeat(64)}`;
export const DIGEST_B = `sha256:${'b'.repeat(64)}`;
