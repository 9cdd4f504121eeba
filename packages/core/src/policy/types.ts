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

/** A `fulcio` trust root: certificates from this CA, for this issuer and e-mail address. */
export interface FulcioRequirement {
  caPath?: string;
  caData?: Buffer;
  oidcIssuer: string;
  /** containers/image matches it against the certificate's e-mail SANs only. */
  subjectEmail: string;
}

export interface SigstoreSigned {
  type: 'sigstoreSigned';
  /** The fulcio object as given (evaluated like containers/image; check-host-trust reads its CA file). */
  fulcio?: FulcioRequirement;
  /** The Rekor public keys whose signed entry timestamps are required (rekorPublicKey*). */
  rekorKeys?: KeySource;
  /** Undefined when the requirement trusts Fulcio or a PKI instead of keys. */
  keys?: KeySource;
  /** Set when the requirement uses a PKI, or Rekor with plain keys, which verify-digest does not check. */
  unsupported?: string;
  signedIdentity: SignedIdentity;
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
