import { DerTag, decodeOid, readChildren, readDer } from './der.js';

/** What a decrypted cosign key file holds, read from its DER without OpenSSL. */
export type PrivateKeyType =
  | { format: 'pkcs8'; algorithm: 'ecdsa'; curve: 'P-256' | 'P-384' | 'P-521' | string }
  | { format: 'pkcs8'; algorithm: 'rsa' | 'rsa-pss' | 'ed25519' | 'ed448' }
  | { format: 'pkcs8'; algorithm: 'unknown'; oid: string }
  | { format: 'sec1' } // "EC PRIVATE KEY"
  | { format: 'pkcs1' } // "RSA PRIVATE KEY"
  | { format: 'unknown' };

const ALGORITHMS: Record<string, 'ecdsa' | 'rsa' | 'rsa-pss' | 'ed25519' | 'ed448'> = {
  '1.2.840.10045.2.1': 'ecdsa',
  '1.2.840.113549.1.1.1': 'rsa',
  '1.2.840.113549.1.1.10': 'rsa-pss',
  '1.3.101.112': 'ed25519',
  '1.3.101.113': 'ed448',
};

const CURVES: Record<string, string> = {
  '1.2.840.10045.3.1.7': 'P-256',
  '1.3.132.0.34': 'P-384',
  '1.3.132.0.35': 'P-521',
};

export function identifyPrivateKey(der: Buffer): PrivateKeyType {
  const outer = readDer(der);
  if (!outer || outer.tag !== DerTag.Sequence || outer.end !== der.length) return { format: 'unknown' };
  const fields = readChildren(outer);
  const [version, second] = fields ?? [];
  if (!version || version.tag !== DerTag.Integer || !second) return { format: 'unknown' };
  // PKCS#8 has an AlgorithmIdentifier here, SEC1 the private scalar, PKCS#1 the RSA modulus.
  if (second.tag === DerTag.OctetString) return { format: 'sec1' };
  if (second.tag === DerTag.Integer) return { format: 'pkcs1' };
  if (second.tag !== DerTag.Sequence) return { format: 'unknown' };
  const [algOid, params] = readChildren(second) ?? [];
  if (!algOid || algOid.tag !== DerTag.Oid) return { format: 'unknown' };
  const oid = decodeOid(algOid.value);
  const algorithm = ALGORITHMS[oid];
  if (!algorithm) return { format: 'pkcs8', algorithm: 'unknown', oid };
  if (algorithm !== 'ecdsa') return { format: 'pkcs8', algorithm };
  const curveOid = params?.tag === DerTag.Oid ? decodeOid(params.value) : 'explicit parameters';
  return { format: 'pkcs8', algorithm, curve: CURVES[curveOid] ?? curveOid };
}
