import { signPayload } from '../cosign/keys/signature.js';
import type { SigningKey } from '../cosign/keys/signing-key.js';
import { PendingKey } from './pending-key.js';
import type { PayloadSignature, Signer, VerificationMaterial } from './signer.js';

/** Signs with a cosign key file's key; the public key is the verification material. */
export class KeySigner implements Signer {
  readonly pending: PendingKey;

  constructor(key: PendingKey | SigningKey) {
    this.pending = key instanceof PendingKey ? key : PendingKey.of(key);
  }

  async ready(): Promise<void> {
    await this.pending.key();
  }

  async sign(payload: Uint8Array): Promise<PayloadSignature> {
    const key = await this.pending.key();
    return { signature: signPayload(key, payload), material: keyMaterial(key) };
  }
}

export function keyMaterial(key: SigningKey): VerificationMaterial {
  return { kind: 'public-key', publicKey: key.publicKey, publicKeyPem: key.publicKeyPem, keyId: key.keyId };
}
