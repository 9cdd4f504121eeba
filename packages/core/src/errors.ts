/**
 * Every failure the library reports is a BydigestError with a stable code, so callers
 * (the actions, the CLI, tests) branch on `code` rather than on message text.
 */
export type ErrorCode =
  | 'INVALID_ARGUMENT' // a value given by the caller is malformed
  | 'INVALID_REFERENCE' // an image reference does not parse or is not in the form required
  | 'NOT_FOUND' // the registry has no such manifest, blob or tag
  | 'UNAUTHORIZED' // 401/403 after the auth dance
  | 'REGISTRY' // any other registry/HTTP failure
  | 'NETWORK' // connection refused, reset, timeout
  | 'DIGEST_MISMATCH' // bytes do not hash to what was expected
  | 'TAG_MISMATCH' // tags resolve to different digests
  | 'LAYOUT' // an OCI layout or archive is missing or malformed
  | 'KEY' // a key file cannot be decoded or is of an unsupported type
  | 'KEY_PASSWORD' // an encrypted key does not open with the password given (wrong password, or a corrupted key)
  | 'SIGNATURE' // no valid signature / signing failed
  | 'KEYLESS' // no OIDC token, or Fulcio or Rekor refused or failed
  | 'POLICY' // a containers policy rejected the image
  | 'SBOM' // an SBOM is missing, not JSON, or of no known format
  | 'ARTIFACT_TYPE' // an explicit artifact type is malformed or contradicts the SBOM's content
  | 'SECRETS' // staging or wiping secret files failed
  | 'GITHUB' // the GitHub API refused or failed a request (notify-digest)
  | 'LAYER' // an image layer is truncated, not a tar, or not what its descriptor says
  | 'PKGDB' // a package database is corrupt, truncated or of no known format
  | 'CONFLICT' // a concurrent writer kept undoing our write
  | 'LABEL_MISMATCH'; // an image config lacks a label the caller expects, or has another value

export interface ErrorDetails {
  /** What we were doing, e.g. "PUT manifest". */
  operation?: string;
  /** The reference or URL concerned. */
  reference?: string;
  /** HTTP status, when a registry answered. */
  status?: number;
  /** How the user can fix it. */
  hint?: string;
  /** The registry's `errors[].code` values (distribution's error codes), as data. */
  registryCodes?: readonly string[];
  cause?: unknown;
}

export class BydigestError extends Error {
  readonly code: ErrorCode;
  readonly operation: string | undefined;
  readonly reference: string | undefined;
  readonly status: number | undefined;
  readonly hint: string | undefined;
  readonly registryCodes: readonly string[];

  constructor(code: ErrorCode, message: string, details: ErrorDetails = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.name = 'BydigestError';
    this.code = code;
    this.operation = details.operation;
    this.reference = details.reference;
    this.status = details.status;
    this.hint = details.hint;
    this.registryCodes = details.registryCodes ?? [];
  }
}

export function isBydigestError(e: unknown, code?: ErrorCode): e is BydigestError {
  return e instanceof BydigestError && (code === undefined || e.code === code);
}
