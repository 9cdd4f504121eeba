export { BUNDLE_ANNOTATION, CERTIFICATE_ANNOTATION, CHAIN_ANNOTATION, COSIGN_KEY_LABEL, DOCKER_MANIFEST_MEDIA_TYPE, OCI_CONFIG_MEDIA_TYPE, OCI_MANIFEST_MEDIA_TYPE, PUBLIC_KEY_LABEL, SIGNATURE_ANNOTATION, SIGNATURE_TYPE, SIGSTORE_KEY_LABEL, SIMPLE_SIGNING_MEDIA_TYPE } from './legacy/constants.js';
export { parseEncryptedEnvelope, deriveBoxKey, openWithBoxKey, deriveAndOpen, sealEnvelope, SUPPORTED_SCRYPT_PARAMS } from './keys/encrypted-envelope.js';
export type { EncryptedEnvelope, ScryptParams, OpenOptions } from './keys/encrypted-envelope.js';
export { parseCosignKeyEnvelope, openCosignKey, decryptCosignKey, encryptCosignKey } from './keys/keyfile.js';
export type { CosignKeyEnvelope, EncryptOptions } from './keys/keyfile.js';
export { generateKeyPair } from './keys/key-pair.js';
export type { CosignKeyPair } from './keys/key-pair.js';
export { signingKeyFromPkcs8, signingKeyFromKeyObject } from './keys/signing-key.js';
export type { SigningKey } from './keys/signing-key.js';
export { loadPublicKey, loadPublicKeys, publicKeyPem, publicKeyId, samePublicKey } from './keys/public-key.js';
export { signPayload, verifyPayload, checkPayloadSignature } from './keys/signature.js';
export type { SignatureCheck } from './keys/signature.js';
export { simpleSigningPayload, parseSimpleSigningPayload } from './legacy/payload.js';
export type { SimpleSigningPayload, SimpleSigningPayloadInput } from './legacy/payload.js';
export type { GoJsonValue } from '../util/json/go-json.js';
export { signatureTag, signatureLayer, sigConfigBytes, buildSigManifest, parseSigManifest, appendSignatureLayer, extrasOf } from './legacy/sig-manifest.js';
export type { SigDescriptor, SigManifestExtras, SignatureLayer, SigManifestParts, SigManifestLayer, ParsedSigManifest, DuplicateCheck, AppendResult } from './legacy/sig-manifest.js';
export { readSignatureManifest, verifyLegacySignatures, describeVerdicts } from './legacy/signature-store.js';
export type { StoredSignatures, SignatureVerdict, LegacyVerification } from './legacy/signature-store.js';
export { signImage, signingTargets } from './legacy/sign-image.js';
export type { SignImageOptions, SignedDigest } from './legacy/sign-image.js';
export { attachSignedReferrer } from './legacy/signed-referrer.js';
export type { SignedReferrerOptions, SignedReferrer } from './legacy/signed-referrer.js';
export { loadSigningKey, readKeySource } from './keys/key-source.js';
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
} from './bundle/bundle.js';
export type { SignBundle, BundleReferrerManifest } from './bundle/bundle.js';
export { checkSignBundle } from './bundle/bundle-verify.js';
export type { BundleCheck, SignStatement, InTotoSubject } from './bundle/bundle-verify.js';
export { signImageBundle, verifyBundleSignatures, describeBundleVerdicts, readImageBundles } from './bundle/bundle-store.js';
export type { SignBundleOptions, BundledDigest, BundleVerdict, BundleVerification, StoredBundle } from './bundle/bundle-store.js';
export { appendSignatureLayers, exactLayer, sameLayer } from './legacy/append-signatures.js';
export type { WantedLayer, AppendSignaturesOptions, AppendedSignatures } from './legacy/append-signatures.js';
export { copySignatures, signInRepository, sourceSignatureRefs } from './legacy/carry-signatures.js';
export type { CopySignaturesOptions, SignedInRepository } from './legacy/carry-signatures.js';
