export { BUNDLE_ANNOTATION, CERTIFICATE_ANNOTATION, CHAIN_ANNOTATION, SIGNATURE_ANNOTATION, SIMPLE_SIGNING_MEDIA_TYPE } from './constants.js';
export { parseEncryptedEnvelope, deriveBoxKey, deriveAndOpen, sealEnvelope } from './keys/encrypted-envelope.js';
export { parseCosignKeyEnvelope, decryptCosignKey, encryptCosignKey } from './keys/keyfile.js';
export { generateKeyPair } from './keys/key-pair.js';
export { signingKeyFromPkcs8, signingKeyFromKeyObject } from './keys/signing-key.js';
export type { SigningKey } from './keys/signing-key.js';
export { loadPublicKey, publicKeyPem, publicKeyId, samePublicKey } from './keys/public-key.js';
export { signPayload, verifyPayload, checkPayloadSignature } from './keys/signature.js';
export { simpleSigningPayload, parseSimpleSigningPayload } from './legacy/payload.js';
export { signatureTag, signatureLayer, sigConfigBytes, buildSigManifest, parseSigManifest, appendSignatureLayer } from './legacy/sig-manifest.js';
export { readSigstoreAttachments, verifyAttachments, verifyLegacySignatures, describeVerdicts } from './legacy/signature-store.js';
export type { SignatureAttachment, SigstoreAttachments, LegacyVerification } from './legacy/signature-store.js';
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
export { copySignatures, signInRepository, sourceSignatureRefs } from './legacy/carry-signatures.js';
// Keyless (Fulcio-certified) signatures, in .sig layers and bundles, checked against a Sigstore trust root.
export { checkKeylessBundle, isKeylessBundle, keylessTrustFromJson, verifyKeylessAttachments } from './keyless/verify.js';
export type { CertificateMatch, KeylessTrust, KeylessVerification } from './keyless/verify.js';
export { publicGoodTrust } from './keyless/public-good-trust.js';
