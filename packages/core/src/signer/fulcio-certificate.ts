import { sign, type KeyObject } from 'node:crypto';
import { BydigestError } from '../errors.js';
import { publicKeyPem } from '../cosign/keys/public-key.js';
import { sigstoreFailure, type SigstoreHttpOptions } from './sigstore-errors.js';

export interface IssuedCertificate {
  /** The leaf, PEM with a final newline, as Fulcio answered it. */
  certificatePem: string;
  /** Intermediates then root, PEM. */
  chainPem: string[];
}

/**
 * Asks Fulcio for a certificate binding `token`'s identity to `key`'s public key; the proof of
 * possession is the token's subject signed with the key, as Fulcio requires.
 */
export async function requestCertificate(
  fulcioUrl: string,
  token: string,
  key: { privateKey: KeyObject; publicKey: KeyObject },
  http: SigstoreHttpOptions = {},
): Promise<IssuedCertificate> {
  // FulcioSigner keeps only the leaf of what Fulcio answers; cosign also writes the rest of the
  // chain (dev.sigstore.cosign/chain), so this takes the CA client FulcioSigner is built on.
  // Loaded on first use: key-only runs never parse the Sigstore client.
  const [{ CAClient }, { oidc }] = await Promise.all([
    import('@sigstore/sign/dist/signer/fulcio/ca.js'),
    import('@sigstore/sign/dist/util/index.js'),
  ]);
  let subject: string;
  try {
    subject = oidc.extractJWTSubject(token);
  } catch (e) {
    throw new BydigestError('KEYLESS', `the OIDC token is not a JWT with a subject: ${(e as Error).message}`, {
      operation: 'read the OIDC token',
      hint: 'the token must come from the runner (getIDToken) or an OIDC provider Fulcio trusts',
      cause: e,
    });
  }
  const challenge = sign('sha256', Buffer.from(subject), { key: key.privateKey, dsaEncoding: 'der' });
  const ca = new CAClient({ fulcioBaseURL: fulcioUrl, retry: http.retries ?? 2, timeout: http.timeoutMs ?? 30_000 });
  let chain: string[];
  try {
    chain = await ca.createSigningCertificate(token, publicKeyPem(key.publicKey), challenge);
  } catch (e) {
    throw sigstoreFailure(e, {
      operation: 'request a signing certificate',
      url: `${fulcioUrl}/api/v2/signingCert`,
      service: 'Fulcio',
    });
  }
  const [leaf, ...rest] = chain ?? [];
  if (!leaf)
    throw new BydigestError('KEYLESS', 'Fulcio answered without a certificate', {
      operation: 'request a signing certificate',
      reference: fulcioUrl,
    });
  return { certificatePem: withNewline(leaf), chainPem: rest.map(withNewline) };
}

function withNewline(pem: string): string {
  return pem.endsWith('\n') ? pem : `${pem}\n`;
}
