/**
 * Which policy.json scope (and registries.d namespace) applies to an image, by containers/image's
 * rules (policy_eval.go requirementsForImageRef, docker/policyconfiguration/naming.go): the full
 * reference, then the repository, each parent namespace, the host, wildcard domains, the
 * transport's "" scope, then "default".
 */
import { BydigestError } from '../errors.js';
import type { ImageReference } from '../oci/reference.js';
import { referenceName } from './docker-reference.js';
import type { Policy, PolicyRequirement } from './types.js';

/** PolicyConfigurationIdentity: "host/repo:tag" or "host/repo@digest". */
export function policyIdentity(ref: ImageReference): string {
  if (ref.tag !== undefined && ref.digest !== undefined) {
    throw new BydigestError(
      'INVALID_REFERENCE',
      `${referenceName(ref)}:${ref.tag}@${ref.digest} has both a tag and a digest; containers/image pulls one or the other`,
      {
        hint: 'give the tag the host pulls (…:stable), or the digest alone',
      },
    );
  }
  if (ref.tag !== undefined) return `${referenceName(ref)}:${ref.tag}`;
  if (ref.digest !== undefined) return `${referenceName(ref)}@${ref.digest}`;
  // docker:// adds :latest to a name-only reference (reference.TagNameOnly) before any lookup.
  return `${referenceName(ref)}:latest`;
}

/**
 * PolicyConfigurationNamespaces, most specific first: "host/a/b", "host/a", "host", then
 * "*.example.com", "*.com" (the host without its port, one label dropped at a time).
 */
export function policyNamespaces(ref: Pick<ImageReference, 'registry' | 'repository'>): string[] {
  const out: string[] = [];
  let name = referenceName(ref);
  for (;;) {
    out.push(name);
    const slash = name.lastIndexOf('/');
    if (slash < 0) break;
    name = name.slice(0, slash);
  }
  const colon = name.indexOf(':');
  if (colon >= 0) name = name.slice(0, colon);
  for (let dot = name.indexOf('.'); dot >= 0; dot = name.indexOf('.')) {
    name = name.slice(dot + 1);
    out.push(`*.${name}`);
  }
  return out;
}

export interface ScopeChoice {
  /** The transports.docker key that matched; '' for the transport default; undefined for "default". */
  scope: string | undefined;
  /** Human-readable: `transports.docker["ghcr.io/o/img"]` or `default`. */
  label: string;
  requirements: PolicyRequirement[];
  /** Every candidate looked up, in order, for explaining the choice. */
  candidates: string[];
}

export function requirementsForImage(policy: Policy, ref: ImageReference): ScopeChoice {
  const identity = policyIdentity(ref);
  const candidates = [identity, ...policyNamespaces(ref), ''];
  const scopes = policy.transports.get('docker');
  if (scopes) {
    for (const scope of candidates) {
      const requirements = scopes.get(scope);
      if (requirements)
        return { scope, label: `transports.docker[${JSON.stringify(scope)}]`, requirements, candidates };
    }
  }
  return { scope: undefined, label: 'default', requirements: policy.default, candidates };
}
