/**
 * A containers policy.json as containers/image (skopeo, podman, bootc, rpm-ostree) reads it
 * (signature/policy_types.go). Only what a docker:// pull can meet is evaluated; the other
 * requirement kinds are parsed, so a host's file loads, and reported as not evaluable.
 */

/** How a signature's docker-reference must relate to the reference being pulled (policy_reference_match.go). */
export type SignedIdentity =
  | { type: 'matchExact' }
  | { type: 'matchRepoDigestOrExact' }
  | { type: 'matchRepository' }
  | { type: 'exactReference'; dockerReference: string }
  | { type: 'exactRepository'; dockerRepository: string }
  | { type: 'remapIdentity'; prefix: string; signedPrefix: string };

export interface InsecureAcceptAnything {
  type: 'insecureAcceptAnything';
}

export interface Reject {
  type: 'reject';
}

/** Where a sigstoreSigned requirement takes its public keys from: exactly one source. */
export type KeySource =
  | { kind: 'keyPath'; paths: [string] }
  | { kind: 'keyPaths'; paths: string[] }
  | { kind: 'keyData'; datas: [Buffer] }
  | { kind: 'keyDatas'; datas: Buffer[] };

export interface SigstoreSigned {
  type: 'sigstoreSigned';
  /** Undefined when the requirement trusts Fulcio or a PKI instead of keys. */
  keys?: KeySource;
  /** Set when the requirement uses Fulcio, a PKI or Rekor, which verify-digest does not check. */
  unsupported?: string;
  /** The fulcio object as given (check-host-trust reads its CA file and judges its identity). */
  fulcio?: FulcioRequirement;
  /** Where the Rekor public keys come from, when given. */
  rekorKeys?: KeySource;
  signedIdentity: SignedIdentity;
}

export interface FulcioRequirement {
  caPath?: string;
  caData?: Buffer;
  oidcIssuer: string;
  subjectEmail: string;
}

/** GPG (signedBy) and signedBaseLayer requirements: parsed, never evaluated. */
export interface UnsupportedRequirement {
  type: 'signedBy' | 'signedBaseLayer';
}

export type PolicyRequirement = InsecureAcceptAnything | Reject | SigstoreSigned | UnsupportedRequirement;

/** scope → requirements; the scope "" is the transport's default. */
export type TransportScopes = Map<string, PolicyRequirement[]>;

export interface Policy {
  default: PolicyRequirement[];
  /** transport name (docker, dir, …) → scopes. */
  transports: Map<string, TransportScopes>;
}
