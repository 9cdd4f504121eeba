export {
  BUNDLE_ANNOTATION,
  CERTIFICATE_ANNOTATION,
  CHAIN_ANNOTATION,
  SIGNATURE_ANNOTATION,
  SIMPLE_SIGNING_MEDIA_TYPE,
} from './constants.js';
export { parseEncryptedEnvelope, deriveBoxKey, deriveAndOpen, sealEnvelope } from './keys/encrypted-envelope.js';
export { parseCosignKeyEnvelope, decryptCosignKey, encryptCosignKey } from './keys/keyfile.js';
export { generateKeyPair } from './keys/key-pair.js';
export { signingKeyFromPkcs8, signingKeyFromKeyObject } from './keys/signing-key.js';
export type { SigningKey } from './keys/signing-key.js';
export { loadPublicKey, loadPublicKeys, publicKeyPem, publicKeyId, samePublicKey } from './keys/public-key.js';
export { signPayload, verifyPayload, checkPayloadSignature } from './keys/signature.js';
export { simpleSigningPayload, parseSimpleSigningPayload } from './legacy/payload.js';
export {
  signatureTag,
  signatureLayer,
  sigConfigBytes,
  buildSigManifest,
  parseSigManifest,
  appendSignatureLayer,
} from './legacy/sig-manifest.js';
export { readSigstoreAttachments, verifyAttachments, verifyLegacySignatures } from './legacy/signature-store.js';
export { signImage } from './legacy/sign-image.js';
export type { SignedDigest } from './legacy/sign-image.js';
export {
  dssePae,
  publicKeyHint,
  cosignSignStatement,
  buildSignBundle,
  bundleCreatedTime,
  bundleReferrerManifest,
} from './bundle/bundle.js';
export { checkSignBundle } from './bundle/bundle-verify.js';
export { signImageBundle, verifyBundleSignatures, readImageBundles } from './bundle/bundle-store.js';
export type { BundledDigest, BundleVerification } from './bundle/bundle-store.js';
// Keyless (Fulcio-certified) signatures, in .sig layers and bundles, checked against a Sigstore trust root.
export { isKeylessBundle, keylessTrustFromJson, verifyKeylessAttachments } from './keyless/verify.js';
export type { CertificateMatch, KeylessTrust } from './keyless/verify.js';
export { publicGoodTrust } from './keyless/public-good-trust.js';
