import { createPrivateKey, sign, X509Certificate, type KeyObject } from 'node:crypto';
import { readFile } from 'node:fs/promises';

export interface JwtSigner {
  key: KeyObject;
  /** base64 (standard, padded) DER of the signing certificate, as the JWS x5c header wants it. */
  x5c: string;
}

export async function loadJwtSigner(certFile: string, keyFile: string): Promise<JwtSigner> {
  const cert = new X509Certificate(await readFile(certFile));
  const key = createPrivateKey(await readFile(keyFile));
  return { key, x5c: cert.raw.toString('base64') };
}

const b64url = (b: Buffer | string): string => Buffer.from(b).toString('base64url');

/**
 * An ES256 JWS. distribution 2.8 finds the verification key through x5c (a chain ending in its
 * rootcertbundle) and verifies JOSE's raw r||s signature, not DER, hence ieee-p1363.
 */
export function signJwt(signer: JwtSigner, claims: object): string {
  const header = { typ: 'JWT', alg: 'ES256', x5c: [signer.x5c] };
  const input = `${b64url(JSON.stringify(header))}.${b64url(JSON.stringify(claims))}`;
  const sig = sign('sha256', Buffer.from(input), { key: signer.key, dsaEncoding: 'ieee-p1363' });
  return `${input}.${b64url(sig)}`;
}
