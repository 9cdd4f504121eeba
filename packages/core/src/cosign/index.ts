export * from './constants.js';
export { parseEncryptedEnvelope, deriveBoxKey, openWithBoxKey, deriveAndOpen, sealEnvelope, SUPPORTED_SCRYPT_PARAMS } from './encrypted-envelope.js';
export type { EncryptedEnvelope, ScryptParams, OpenOptions } from './encrypted-envelope.js';
export { parseCosignKeyEnvelope, openCosignKey, decryptCosignKey, encryptCosignKey } from './keyfile.js';
export type { CosignKeyEnvelope, EncryptOptions } from './keyfile.js';
export { generateKeyPair } from './key-pair.js';
export type { CosignKeyPair } from './key-pair.js';
export { signingKeyFromPkcs8, signingKeyFromKeyObject } from './signing-key.js';
export type { SigningKey } from './signing-key.js';
export { loadPublicKey, publicKeyPem, publicKeyId, samePublicKey } from './public-key.js';
export { signPayload, verifyPayload, checkPayloadSignature } from './signature.js';
export type { SignatureCheck } from './signature.js';
export { simpleSigningPayload, parseSimpleSigningPayload } from './payload.js';
export type { SimpleSigningPayload, SimpleSigningPayloadInput } from './payload.js';
export type { GoJsonValue } from './go-json.js';
export { signatureTag, signatureLayer, sigConfigBytes, buildSigManifest, parseSigManifest, appendSignatureLayer, extrasOf } from './sig-manifest.js';
export type { SigDescriptor, SigManifestExtras, SignatureLayer, SigManifestParts, SigManifestLayer, ParsedSigManifest, DuplicateCheck, AppendResult } from './sig-manifest.js';
export { readSignatureManifest, verifyLegacySignatures, describeVerdicts } from './signature-store.js';
export type { StoredSignatures, SignatureVerdict, LegacyVerification } from './signature-store.js';
export { signImage, signingTargets } from './sign-image.js';
export type { SignImageOptions, SignedDigest } from './sign-image.js';
export { attachSignedReferrer } from './signed-referrer.js';
export type { SignedReferrerOptions, SignedReferrer } from './signed-referrer.js';
export { loadSigningKey, readKeySource } from './key-source.js';
export {
  SIGSTORE_BUNDLE_MEDIA_TYPE,
  SIGSTORE_BUNDLE_MEDIA_TYPE_PREFIX,
  IN_TOTO_PAYLOAD_TYPE,
  IN_TOTO_STATEMENT_V1,
  COSIGN_SIGN_PREDICATE_TYPE,
  BUNDLE_CONTENT_ANNOTATION,
  BUNDLE_PREDICATE_TYPE_ANNOTATION,
  dssePae,
  publicKeyHint,
  cosignSignStatement,
  buildSignBundle,
  bundleCreatedTime,
  bundleReferrerManifest,
} from './bundle.js';
export type { SignBundle, BundleReferrerManifest } from './bundle.js';
export { checkSignBundle } from './bundle-verify.js';
export type { BundleCheck, SignStatement, InTotoSubject } from './bundle-verify.js';
export { signImageBundle, verifyBundleSignatures, describeBundleVerdicts, readImageBundles } from './bundle-store.js';
export type { SignBundleOptions, BundledDigest, BundleVerdict, BundleVerification, StoredBundle } from './bundle-store.js';
