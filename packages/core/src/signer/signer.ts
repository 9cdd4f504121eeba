import type { KeyObject } from 'node:crypto';

/** What a verifier needs beside the signature to check it. */
export type VerificationMaterial =
  | {
      kind: 'public-key';
      publicKey: KeyObject;
      /** PKIX "PUBLIC KEY" PEM, as cosign prints it. */
      publicKeyPem: string;
      /** sha256 of the DER public key, hex. */
      keyId: string;
    }
  | {
      kind: 'certificate';
      /** The leaf's public key: what the signature verifies under. */
      publicKey: KeyObject;
      certificatePem: string;
      /** Intermediates then root, PEM; may be empty. */
      chainPem: string[];
    };

export interface PayloadSignature {
  /** Standard base64, as cosign stores it. */
  signature: string;
  material: VerificationMaterial;
  /**
   * Layer annotations a verifier reads beside the signature (cosign's certificate, chain and
   * transparency-log bundle for keyless signatures); none for a plain key.
   */
  annotations?: Record<string, string>;
}

/**
 * Signs bytes. Key files, keyless (Fulcio + Rekor) and KMS keys plug in here; the code that
 * writes `.sig` layers and bundles never learns which one it holds.
 */
export interface Signer {
  /**
   * Settles once the signer can sign (a key decoded and its password proven right, a
   * certificate issued); rejects with the reason it cannot. Writers wait for it before their
   * first write, so a signer that fails leaves nothing half-written.
   */
  ready(): Promise<void>;
  sign(payload: Uint8Array): Promise<PayloadSignature>;
  /**
   * The whole sigstore bundle for a DSSE payload, for signers that must log the envelope
   * themselves (keyless: a Rekor entry of the envelope, not a hashedrekord over the PAE). Key signers
   * leave it out: their bundle is built around sign(PAE).
   */
  signDsseBundle?(payloadType: string, payload: Buffer): Promise<{ bundle: object; publicKey: KeyObject }>;
}
