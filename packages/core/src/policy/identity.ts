/**
 * signedIdentity rules (signature/policy_reference_match.go): does a signature's claimed
 * docker-reference fit the reference being pulled? `intended` is the reference as the host pulls
 * it — with its tag (…:stable) or its digest — never the digest a CI job happened to sign.
 */
import type { ImageReference } from '../oci/reference.js';
import {
  isNameOnly,
  parseCanonicalNamed,
  parseNormalizedNamed,
  referenceName,
  referenceString,
} from './docker-reference.js';
import type { SignedIdentity } from './types.js';

export function matchesDockerReference(
  rule: SignedIdentity,
  intended: ImageReference,
  signatureReference: string,
): boolean {
  const signature = parseNormalizedNamed(signatureReference);
  if (!signature) return false;
  switch (rule.type) {
    case 'matchExact':
      if (isNameOnly(intended) || isNameOnly(signature)) return false;
      return referenceString(signature) === referenceString(intended);
    case 'matchRepoDigestOrExact':
      return matchRepoDigestOrExact(intended, signature);
    case 'matchRepository':
      return referenceName(signature) === referenceName(intended);
    case 'exactReference': {
      const wanted = parseNormalizedNamed(rule.dockerReference);
      if (!wanted || isNameOnly(wanted) || isNameOnly(signature)) return false;
      return referenceString(signature) === referenceString(wanted);
    }
    case 'exactRepository': {
      const wanted = parseNormalizedNamed(rule.dockerRepository);
      return wanted !== undefined && referenceName(signature) === referenceName(wanted);
    }
    case 'remapIdentity': {
      const remapped = remapPrefix(rule, intended);
      return remapped !== undefined && matchRepoDigestOrExact(remapped, signature);
    }
  }
}

function matchRepoDigestOrExact(intended: ImageReference, signature: ImageReference): boolean {
  // A repository-only identity (what cosign writes) never matches this rule, even for a pull by digest.
  if (isNameOnly(signature)) return false;
  if (intended.tag !== undefined) return referenceString(signature) === referenceString(intended);
  // By digest: the repository must match; the digest itself was checked against the manifest.
  if (intended.digest !== undefined) return referenceName(signature) === referenceName(intended);
  return false;
}

/** The intended reference with `prefix` replaced by `signedPrefix`, when its name starts with it. */
function remapPrefix(
  rule: { prefix: string; signedPrefix: string },
  intended: ImageReference,
): ImageReference | undefined {
  const name = referenceName(intended);
  const matches = name === rule.prefix || (name.startsWith(rule.prefix) && name[rule.prefix.length] === '/');
  if (!matches) return intended;
  const s = referenceString(intended);
  return parseCanonicalNamed(s.replace(rule.prefix, rule.signedPrefix));
}
