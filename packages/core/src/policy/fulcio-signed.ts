/**
 * The sigstoreSigned requirement with a `fulcio` trust root, as containers/image checks each
 * signature (signature/fulcio_cert.go, internal/rekor_set.go): the certificate chains to the
 * policy's CA at the time the Rekor SET proves, the SET is signed by the policy's Rekor key, the
 * certificate names the OIDC issuer and — only as an e-mail SAN — subjectEmail, the signature
 * verifies with the certificate's key, then payload digest and signedIdentity as with keys.
 * No SCT check, as containers/image has none.
 */
import { X509Certificate } from 'node:crypto';
import { CERTIFICATE_ANNOTATION } from '../cosign/constants.js';
import { certificateIdentity } from '../signer/certificate-identity.js';
import { checkKeylessLayer, keylessTrustFromParts, type KeylessTrust } from '../cosign/keyless/verify.js';
import {
  judgeEach,
  judgeVerifiedPayload,
  type PulledImage,
  type SignatureJudgement,
  type SigstoreOutcome,
  type UntrustedSignature,
} from './sigstore-signed.js';
import { loadTrustRoot, type KeyFileReader } from './trust-root.js';
import type { SignatureCode } from './reason-codes.js';
import type { FulcioRequirement, KeySource, SignedIdentity } from './types.js';

/** Why the fulcio trust root cannot be loaded: every signature is rejected for it. */
type Unloadable = { reason: string; code: SignatureCode };

export function evaluateFulcioSigned(
  requirement: { fulcio: FulcioRequirement; rekorKeys: KeySource; signedIdentity: SignedIdentity },
  image: PulledImage,
  signatures: readonly UntrustedSignature[],
  readKeyFile: KeyFileReader,
): SigstoreOutcome {
  const trust = loadFulcioTrust(requirement, readKeyFile);
  return judgeEach(signatures, (sig) =>
    'reason' in trust
      ? { layerDigest: sig.layerDigest, accepted: false, cryptoVerified: false, ...trust }
      : judge(requirement, trust, image, sig),
  );
}

/** The CA and Rekor keys, or why they cannot be read (which rejects every signature, as in containers/image). */
function loadFulcioTrust(
  requirement: { fulcio: FulcioRequirement; rekorKeys: KeySource },
  readKeyFile: KeyFileReader,
): KeylessTrust | Unloadable {
  const rekor = loadTrustRoot(requirement.rekorKeys, readKeyFile);
  if (!rekor.ok) return { reason: rekor.reason, code: rekor.code };
  let caPem: string;
  try {
    caPem = requirement.fulcio.caData
      ? requirement.fulcio.caData.toString('utf8')
      : readKeyFile(requirement.fulcio.caPath!).toString('utf8');
  } catch (e) {
    const missing = (e as NodeJS.ErrnoException).code === 'ENOENT';
    return {
      reason: `open ${requirement.fulcio.caPath}: ${missing ? 'no such file or directory' : (e as Error).message}`,
      code: missing ? 'KEY_FILE_MISSING' : 'KEY_UNUSABLE',
    };
  }
  const blocks = caPem.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? [];
  if (blocks.length === 0)
    return { reason: 'error loading Fulcio CA certificates: no certificate found', code: 'KEY_UNUSABLE' };
  try {
    const caCertificates = blocks.map((b) => new X509Certificate(b).raw);
    return keylessTrustFromParts({
      caCertificates,
      rekorKeys: rekor.keys,
      source: requirement.fulcio.caPath ?? 'fulcio.caData',
    });
  } catch (e) {
    return { reason: `error loading Fulcio CA certificates: ${(e as Error).message}`, code: 'KEY_UNUSABLE' };
  }
}

function judge(
  requirement: { fulcio: FulcioRequirement; signedIdentity: SignedIdentity },
  trust: KeylessTrust,
  image: PulledImage,
  sig: UntrustedSignature,
): SignatureJudgement {
  const out: SignatureJudgement = { layerDigest: sig.layerDigest, accepted: false, cryptoVerified: false };
  const reject = (reason: string, code: SignatureCode) => ({ ...out, reason, code });
  const pem = sig.annotations[CERTIFICATE_ANNOTATION];
  if (pem === undefined)
    return reject(
      `missing ${CERTIFICATE_ANNOTATION} annotation: the signature was made with a key, not a Fulcio certificate`,
      'NO_CERTIFICATE',
    );
  if (sig.payload === undefined)
    return reject(sig.unreadable ?? 'the signature payload could not be read', 'PAYLOAD_UNREADABLE');
  let emails: string[];
  let uris: string[];
  try {
    ({ emails, uris } = certificateIdentity(pem));
  } catch (e) {
    return reject((e as Error).message, 'CERTIFICATE_REJECTED');
  }
  const failed = checkKeylessLayer(
    sig,
    sig.payload,
    trust,
    { extensions: { issuer: requirement.fulcio.oidcIssuer } },
    { ctlogThreshold: 0 },
  );
  if (failed) return reject(failed, 'CERTIFICATE_REJECTED');
  if (!emails.includes(requirement.fulcio.subjectEmail)) {
    const got = `[${emails.map((e) => JSON.stringify(e)).join(' ')}]`;
    const uri =
      uris.length > 0
        ? `; the certificate's identity is the URI ${JSON.stringify(uris[0])}, which containers/image never matches`
        : '';
    return reject(
      `Required email ${JSON.stringify(requirement.fulcio.subjectEmail)} not found (got ${got})${uri}`,
      uri ? 'URI_IDENTITY' : 'EMAIL_MISMATCH',
    );
  }
  out.cryptoVerified = true;
  return judgeVerifiedPayload(out, image, requirement.signedIdentity, sig.payload);
}

/**
 * Why a fulcio requirement can never accept anything a CI workflow signs, or undefined: hosts
 * match subjectEmail against e-mail SANs only, and GitHub Actions certificates carry none.
 */
export function fulcioNeverMatches(fulcio: FulcioRequirement): string | undefined {
  const email = fulcio.subjectEmail;
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(email) || !email.includes('@')) {
    return `subjectEmail ${JSON.stringify(email)} is not an e-mail address: containers/image matches it against the certificate's e-mail SANs only, and a workflow identity is a URI SAN, so no signature can ever match`;
  }
  if (email.toLowerCase() === 'noreply@github.com') {
    return 'subjectEmail "noreply@github.com" never appears in a certificate: GitHub Actions certificates carry the workflow URI, not an e-mail address, so no signature can ever match';
  }
  return undefined;
}
