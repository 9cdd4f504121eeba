import { generateKeyPair as generateNodeKeyPair, type KeyObject } from 'node:crypto';
import { COSIGN_KEY_LABEL } from '../constants.js';
import { encryptCosignKey } from './keyfile.js';
import { publicKeyPem } from './public-key.js';

export interface CosignKeyPair {
  /**
   * cosign.key: ENCRYPTED COSIGN PRIVATE KEY, scrypt N=32768, which every cosign and containers/image version reads.
   */
  privateKeyPem: string;
  /** cosign.pub: PKIX "PUBLIC KEY" PEM. */
  publicKeyPem: string;
}

/** A fresh ECDSA P-256 key pair in cosign's file format, like `cosign generate-key-pair`. */
export async function generateKeyPair(password: string | Uint8Array): Promise<CosignKeyPair> {
  const { privateKey, publicKey } = await new Promise<{ privateKey: KeyObject; publicKey: KeyObject }>(
    (resolve, reject) => {
      generateNodeKeyPair('ec', { namedCurve: 'P-256' }, (err, pub, priv) =>
        err ? reject(err) : resolve({ privateKey: priv, publicKey: pub }),
      );
    },
  );
  return {
    privateKeyPem: await encryptCosignKey(privateKey, password, { N: 32768, label: COSIGN_KEY_LABEL }),
    publicKeyPem: publicKeyPem(publicKey),
  };
}
