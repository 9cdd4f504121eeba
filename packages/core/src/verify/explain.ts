/**
 * Words for a distro maintainer asking "why does bootc refuse my image": what each signature
 * claims, and the usual fix for each containers/image refusal, chosen by its reason code.
 */
import { SIMPLE_SIGNING_MEDIA_TYPE } from '../cosign/constants.js';
import type { SignatureAttachment } from '../cosign/legacy/signature-store.js';
import { formatReference, type ImageReference } from '../oci/reference.js';
import type { PolicyEvaluation } from '../policy/evaluate.js';
import { fulcioNeverMatches } from '../policy/fulcio-signed.js';
import type { PolicyRequirement, SignedIdentity } from '../policy/types.js';

/** What an (unverified) payload claims; for display only, never for a decision. */
export interface Claims {
  identity?: string;
  digest?: string;
}

export function peekClaims(payload: Buffer | undefined): Claims {
  if (!payload) return {};
  try {
    const doc = JSON.parse(payload.toString('utf8')) as {
      critical?: { identity?: { 'docker-reference'?: unknown }; image?: { 'docker-manifest-digest'?: unknown } };
    };
    const identity = doc.critical?.identity?.['docker-reference'];
    const digest = doc.critical?.image?.['docker-manifest-digest'];
    return { ...(typeof identity === 'string' ? { identity } : {}), ...(typeof digest === 'string' ? { digest } : {}) };
  } catch {
    return {};
  }
}

export function claimsByLayer(layers: readonly SignatureAttachment[]): Map<string, Claims> {
  return new Map(
    layers.filter((l) => l.mediaType === SIMPLE_SIGNING_MEDIA_TYPE).map((l) => [l.layerDigest, peekClaims(l.payload)]),
  );
}

export function describeRequirement(r: PolicyRequirement): string {
  if (r.type !== 'sigstoreSigned') return r.type;
  if (r.fulcio)
    return `sigstoreSigned, fulcio ${r.fulcio.caPath ?? 'caData'} issuer ${r.fulcio.oidcIssuer} subjectEmail ${r.fulcio.subjectEmail}, signedIdentity ${r.signedIdentity.type}`;
  const keys = r.keys
    ? r.keys.kind === 'keyPath' || r.keys.kind === 'keyPaths'
      ? `${r.keys.kind} ${r.keys.paths.join(', ')}`
      : `${r.keys.kind} (${r.keys.datas.length} key${r.keys.datas.length === 1 ? '' : 's'})`
    : (r.unsupported ?? 'no key');
  const id = r.signedIdentity;
  const identity =
    id.type === 'exactReference'
      ? `exactReference ${id.dockerReference}`
      : id.type === 'exactRepository'
        ? `exactRepository ${id.dockerRepository}`
        : id.type === 'remapIdentity'
          ? `remapIdentity ${id.prefix} → ${id.signedPrefix}`
          : id.type;
  return `sigstoreSigned, ${keys}, signedIdentity ${identity}`;
}

/** The likely fix for a policy refusal, from its reason codes; `pulled` is the reference the host pulls. */
export function policyHints(
  e: PolicyEvaluation,
  pulled: ImageReference,
  sigRef: string,
  signatureLayers: number,
): string[] {
  const hints: string[] = [];
  const repository = `${pulled.registry}/${pulled.repository}`;
  const noSignature = e.code === 'NO_SIGNATURE';
  // The codes of the signatures the refusing requirement rejected: its message sums up exactly these.
  const refusing = e.requirements.find((r) => r.evaluated && r.allowed === false);
  const rejected = new Set(refusing?.signatures.map((s) => s.code) ?? []);
  if (noSignature && e.ignoredSignatures > 0) {
    hints.push(
      `${sigRef} holds ${e.ignoredSignatures} signature(s), but registries.d does not set use-sigstore-attachments: true for ${repository}, so containers/image never reads them; add to a registries.d/*.yaml:\n  docker:\n    ${repository}:\n      use-sigstore-attachments: true`,
    );
  } else if (noSignature && signatureLayers === 0) {
    hints.push(
      `there is no ${sigRef}: sign this digest with sign-digest (format legacy); cosign 3 writes only a sigstore bundle by default, which containers/image cannot see`,
    );
  }
  for (const report of e.requirements) {
    if (report.requirement.type !== 'sigstoreSigned') continue;
    const rule = report.requirement.signedIdentity;
    for (const s of report.signatures) {
      if (s.code !== 'IDENTITY_REJECTED' || s.identity === undefined) continue;
      const hint = identityHint(rule, s.identity, pulled);
      if (!hints.includes(hint)) hints.push(hint);
    }
  }
  for (const report of e.requirements) {
    const req = report.requirement;
    if (req.type !== 'sigstoreSigned' || !req.fulcio || !report.evaluated) continue;
    const never = fulcioNeverMatches(req.fulcio);
    const uriRejected = report.signatures.some((s) => s.code === 'URI_IDENTITY');
    if (never || uriRejected) {
      hints.push(
        `${never ?? 'the keyless signature carries a workflow identity (a URI), and containers/image matches fulcio.subjectEmail against e-mail addresses only (container-libs#34): no host policy can accept it'}. ` +
          'Fix: sign with sign-digest signer: both (a key layer beside the keyless one) and make hosts check the key with sigstoreSigned keyPaths; check the workflow identity with cosign or verify-digest certificate-identity',
      );
    }
  }
  if (rejected.has('BAD_SIGNATURE')) {
    hints.push(
      "a signature was made with a key other than the policy's; check that the key the image ships (keyPath) matches the signing key's cosign.pub",
    );
  }
  if (rejected.has('DIGEST_MISMATCH'))
    hints.push('a signature names another manifest digest: it was copied from another image; sign this digest');
  if (rejected.has('KEY_FILE_MISSING'))
    hints.push(
      'the keyPath in the policy does not exist here; on the host it must exist too (e.g. /etc/pki/containers/<name>.pub shipped in the image)',
    );
  if (e.code === 'REJECTED_BY_POLICY')
    hints.push(
      `the policy scope chosen for ${formatReference(pulled)} is "reject": add a transports.docker entry for ${repository} (or a parent namespace)`,
    );
  return hints;
}

/** Why a verified signature's docker-reference does not fit, and what to change. */
function identityHint(rule: SignedIdentity, signed: string, pulled: ImageReference): string {
  const pulledText = formatReference(pulled);
  const nameOnly = !/@|:[^/]*$/.test(signed);
  switch (rule.type) {
    case 'matchRepoDigestOrExact':
    case 'matchExact':
    case 'remapIdentity':
      if (nameOnly) {
        return `the signature names the repository alone (${signed}), as cosign and sign-digest identity: repository write it; signedIdentity ${rule.type} needs a tag: sign with sign-digest identity: tags (listing the tags hosts pull), or use signedIdentity matchRepository`;
      }
      if (rule.type === 'matchExact' && pulled.tag === undefined)
        return `signedIdentity matchExact never accepts a pull by digest unless the signature names that digest; hosts should pull the tag (${signed})`;
      return `the signature is for ${signed}, the host pulls ${pulledText}: sign this digest for every tag hosts pull (sign-digest identity: tags)`;
    case 'matchRepository':
      return `the signature is for repository ${signed.replace(/[@].*$/, '')}, the host pulls ${pulled.registry}/${pulled.repository}: sign in the repository hosts pull from, or accept the signing repository with signedIdentity exactRepository`;
    case 'exactRepository':
      return `the policy accepts only signatures for ${rule.dockerRepository}; this one is for ${signed}`;
    case 'exactReference':
      return `the policy accepts only signatures for ${rule.dockerReference}; this one is for ${signed}`;
  }
}
