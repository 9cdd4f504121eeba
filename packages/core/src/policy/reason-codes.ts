/**
 * Why containers/image refused, as codes: the messages stay containers/image's words (users search
 * for them), while whatever explains or counts a refusal (verify-digest's hints, audit-tags'
 * problems) reads the code, never the text.
 */

/** Why a requirement refused the image. */
export type RequirementCode =
  /** No simple-signing layer was read: "A signature was required, but no signature exists". */
  | 'NO_SIGNATURE'
  /** The scope's requirement is `reject`: "Running image … is rejected by policy." */
  | 'REJECTED_BY_POLICY'
  /** The `.sig` manifest itself is unusable (e.g. not an OCI manifest). */
  | 'ATTACHMENTS_UNUSABLE'
  /** Signatures were read, none accepted: each signature's code says why. */
  | 'SIGNATURES_REJECTED';

/** Why one signature was rejected. */
export type SignatureCode =
  /** A keyPath (or fulcio caPath) does not exist: "open …: no such file or directory". */
  | 'KEY_FILE_MISSING'
  /** A key file cannot be read or does not parse as a public key. */
  | 'KEY_UNUSABLE'
  /** The layer carries no signature annotation, or a signature that is not base64. */
  | 'MALFORMED_SIGNATURE'
  | 'PAYLOAD_UNREADABLE'
  /** No policy key verifies it: "cryptographic signature verification failed". */
  | 'BAD_SIGNATURE'
  /** Verified, but the payload is not a simple-signing payload containers/image accepts. */
  | 'BAD_PAYLOAD'
  /** Verified, for another manifest: "Signature for digest … does not match". */
  | 'DIGEST_MISMATCH'
  /** Verified, for a docker-reference the signedIdentity refuses: "Signature for identity … is not accepted". */
  | 'IDENTITY_REJECTED'
  /** fulcio: the layer carries no certificate (made with a key). */
  | 'NO_CERTIFICATE'
  /** fulcio: the certificate, its chain, the Rekor SET or the signature does not verify. */
  | 'CERTIFICATE_REJECTED'
  /** fulcio: the certificate has no e-mail SAN equal to subjectEmail. */
  | 'EMAIL_MISMATCH'
  /** fulcio: as EMAIL_MISMATCH, and the identity is a URI (a workflow), which containers/image never matches. */
  | 'URI_IDENTITY';
