export { BydigestError, isBydigestError, type ErrorCode } from './errors.js';
export * from './oci/index.js';
export * from './cosign/index.js';
export * from './sbom/index.js';
export * from './secrets/index.js';
export * from './policy/index.js';
export * from './signer/index.js';
export * from './layers/index.js';
export * from './inventory/index.js';
// verify-digest (and audit-tags): an image digest judged by key, keyless identity or a host's policy.
export * from './verify/index.js';
// promote-preserve-digest: a digest under new tags, its signatures carried or made first.
export * from './promote/index.js';
// check-host-trust: an image's own policy.json, registries.d and keys, judged as its hosts will.
export * from './trust/index.js';
// resolve-ref and check-pins: refs, tags and impostor commits of GitHub repositories (read-only).
export * from './github/index.js';
// key rotation: the gate over live releases, and recovery files for stranded hosts.
export * from './rotation/index.js';
// preflight: a publish pipeline's set-up (keys, cosign.pub, push access, the image name) in seconds.
export * from './preflight/index.js';
