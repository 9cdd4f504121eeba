export const id = 972;
export const ids = [972];
export const modules = {

/***/ 3972:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  formatReference: () => (/* reexport */ reference/* formatReference */.FH),
  withDigest: () => (/* reexport */ reference/* withDigest */.hQ)
});

// UNUSED EXPORTS: BUNDLE_ANNOTATION, BUNDLE_CONTENT_ANNOTATION, BUNDLE_PREDICATE_TYPE_ANNOTATION, BydigestError, CERTIFICATE_ANNOTATION, CHAIN_ANNOTATION, COSIGN_KEY_LABEL, COSIGN_SIGN_PREDICATE_TYPE, DOCKER_HUB, DOCKER_MANIFEST_MEDIA_TYPE, EMPTY_CONFIG, IN_TOTO_PAYLOAD_TYPE, IN_TOTO_STATEMENT_V1, KeySigner, KeylessSigner, MANIFEST_ACCEPT, MAX_MANIFEST_BYTES, MediaType, OCI_CONFIG_MEDIA_TYPE, OCI_MANIFEST_MEDIA_TYPE, OVERLAP_WITH_SIGNER_MAX_BYTES, PUBLIC_GOOD_FULCIO_URL, PUBLIC_GOOD_REKOR_URL, PUBLIC_KEY_LABEL, PendingKey, PolicyFormatError, RegistryClient, RegistryTransport, SBOM_FORMAT_TYPES, SIGNATURE_ANNOTATION, SIGNATURE_TYPE, SIGSTORE_BUNDLE_MEDIA_TYPE, SIGSTORE_BUNDLE_MEDIA_TYPE_PREFIX, SIGSTORE_KEY_LABEL, SIMPLE_SIGNING_MEDIA_TYPE, SUPPORTED_SCRYPT_PARAMS, apiHost, appendSignatureLayer, appendToFallbackIndex, appendUntilSettled, assertManifestMediaType, assertNotProtected, assertSingleDigest, assertValidFileName, attachReferrer, attachSbom, attachSignedReferrer, buildSigManifest, buildSignBundle, bundleCreatedTime, bundleReferrerManifest, canonicalParentPath, certificateIdentity, checkKeylessBundle, checkPayloadSignature, checkSignBundle, copyBlob, copyManifestContent, cosignSignStatement, createStagingDir, credentialResolver, decryptCosignKey, defaultReferrersMode, deriveAndOpen, deriveBoxKey, describeBundleVerdicts, describeError, describeVerdicts, detectManifestMediaType, digestHex, dockerImageName, dockerReferenceString, dssePae, emptyRegistriesConfig, emptyStats, emptyWipeReport, encryptCosignKey, ensurePrivateDir, evaluateFulcioSigned, evaluatePolicy, evaluateSigstoreSigned, extrasOf, familiarString, fileChunks, fulcioNeverMatches, generateKeyPair, getSubjectManifest, inspectSbom, isBydigestError, isDirectChild, isIndexMediaType, isKeylessBundle, isLoopbackHost, isManifestMediaType, isSha256Digest, isValidEnvVarName, isValidTag, keyMaterial, keylessTrustFromJson, listReferrers, loadPolicyFile, loadPublicKey, loadRegistriesDir, loadSigningKey, loadTrustRoot, mapLimit, maskValuesFor, matchesDockerReference, mergeRegistriesFiles, mergeWipeReports, openCosignKey, openLayout, openWithBoxKey, parseChallenge, parseCosignKeyEnvelope, parseDigest, parseDigestReference, parseEncryptedEnvelope, parseEnviron, parseLayoutTransport, parseManifestJson, parsePolicy, parseReference, parseRegistriesFile, parseRepository, parseSecretFileSpecs, parseSigManifest, parseSimpleSigningPayload, parseTagList, parseTargets, platformManifests, policyIdentity, policyNamespaces, promoteByDigest, protectedReason, protectedRootsFromEnv, publicGoodTrust, publicKeyHint, publicKeyId, publicKeyPem, pushLayout, readFallbackEntries, readFallbackIndex, readImageBundles, readKeySource, readSecretValues, readSignatureManifest, readSigstoreAttachments, readStartupEnviron, referencedBlobs, referrerDescriptor, referrersFallbackTag, remainingPaths, repositoryName, requirementsForImage, resolveArtifactType, resolveTags, resolveUserPath, samePublicKey, sameRepository, sbomReferrerManifest, sealEnvelope, selectLayoutManifest, sha256Digest, sigConfigBytes, signImage, signImageBundle, signPayload, signatureLayer, signatureTag, signingKeyFromKeyObject, signingKeyFromPkcs8, signingTargets, sigstoreAttachmentsFor, simpleSigningPayload, stageSecretFiles, subjectDescriptor, verifyAttachments, verifyBundleSignatures, verifyKeylessAttachments, verifyLegacySignatures, verifyPayload, wipePaths, wipeStaged, wipeTree, withTag, workingDirectoryReader, zeroFile

// EXTERNAL MODULE: ./packages/core/src/oci/reference.ts
var reference = __webpack_require__(8515);
;// CONCATENATED MODULE: ./packages/core/src/oci/index.ts

















;// CONCATENATED MODULE: ./packages/core/src/index.ts











/***/ }),

/***/ 4276:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   m: () => (/* binding */ parseDigest),
/* harmony export */   sI: () => (/* binding */ sha256Digest),
/* harmony export */   sU: () => (/* binding */ digestHex)
/* harmony export */ });
/* unused harmony export isSha256Digest */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(637);


const DIGEST_RE = /^([a-z0-9]+(?:[.+_-][a-z0-9]+)*):([a-zA-Z0-9=_-]+)$/;
function sha256Digest(bytes) {
    return `sha256:${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(bytes).digest('hex')}`;
}
function isSha256Digest(value) {
    return /^sha256:[a-f0-9]{64}$/.test(value);
}
/**
 * Accepts only sha256, the one algorithm every registry and verifier in the chain supports;
 * each other malformed form gets its own message so the user sees what to fix.
 */
function parseDigest(value) {
    const m = DIGEST_RE.exec(value);
    if (!m) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .BydigestError */ .W('INVALID_ARGUMENT', `${JSON.stringify(short(value))} is not a digest (expected sha256:<64 hex>)`);
    }
    const [, algorithm, hex] = m;
    if (algorithm !== 'sha256') {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .BydigestError */ .W('INVALID_ARGUMENT', `unsupported digest algorithm ${JSON.stringify(algorithm)} (only sha256 is supported)`);
    }
    if (!/^[a-f0-9]+$/.test(hex)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .BydigestError */ .W('INVALID_ARGUMENT', `digest hex must be lower-case hexadecimal: ${JSON.stringify(short(value))}`);
    }
    if (hex.length !== 64) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .BydigestError */ .W('INVALID_ARGUMENT', `sha256 digest must have 64 hex characters, got ${hex.length}: ${JSON.stringify(short(value))}`);
    }
    return value;
}
function digestHex(digest) {
    return parseDigest(digest).slice('sha256:'.length);
}
function short(v) {
    return v.length > 90 ? `${v.slice(0, 90)}…` : v;
}


/***/ }),

/***/ 8515:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Dn: () => (/* binding */ parseDigestReference),
/* harmony export */   FH: () => (/* binding */ formatReference),
/* harmony export */   Rd: () => (/* binding */ withTag),
/* harmony export */   aR: () => (/* binding */ repositoryName),
/* harmony export */   cW: () => (/* binding */ isLoopbackHost),
/* harmony export */   hQ: () => (/* binding */ withDigest),
/* harmony export */   nz: () => (/* binding */ apiHost)
/* harmony export */ });
/* unused harmony exports DOCKER_HUB, parseReference, parseRepository, isValidTag, sameRepository */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(637);
/* harmony import */ var _digest_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4276);


const DOCKER_HUB = 'docker.io';
const COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const TAG = /^[\w][\w.-]{0,127}$/;
const HOST = /^(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*|\[[0-9a-fA-F:.]+\])(?::\d{1,5})?$/;
function invalid(input, why, hint) {
    const shown = input.length > 120 ? `${input.slice(0, 120)}…` : input;
    return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .BydigestError */ .W('INVALID_REFERENCE', `invalid image reference ${JSON.stringify(shown)}: ${why}`, hint ? { hint } : {});
}
/**
 * Parses `[registry/]repo[:tag][@sha256:…]` the way distribution/reference does, with
 * Docker Hub normalisation (`busybox` → `docker.io/library/busybox`).
 */
function parseReference(input) {
    const value = input.trim();
    if (value === '')
        throw invalid(input, 'it is empty');
    if (value.length > 2048)
        throw invalid(input, 'it is longer than 2048 characters');
    if (/\s/.test(value))
        throw invalid(input, 'it contains white space');
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(value)) {
        throw invalid(input, 'it has a URL scheme', 'write the reference without a scheme, e.g. ghcr.io/owner/image');
    }
    let rest = value;
    let digest;
    const at = rest.indexOf('@');
    if (at >= 0) {
        try {
            digest = (0,_digest_js__WEBPACK_IMPORTED_MODULE_1__/* .parseDigest */ .m)(rest.slice(at + 1));
        }
        catch (e) {
            throw invalid(input, e.message);
        }
        rest = rest.slice(0, at);
    }
    let tag;
    const lastSlash = rest.lastIndexOf('/');
    const colon = rest.indexOf(':', lastSlash + 1);
    if (colon >= 0) {
        tag = rest.slice(colon + 1);
        rest = rest.slice(0, colon);
        if (!TAG.test(tag))
            throw invalid(input, `tag ${JSON.stringify(tag)} is not valid (letters, digits, _ . -; at most 128; not starting with . or -)`);
    }
    const parts = rest.split('/');
    let registry = DOCKER_HUB;
    const first = parts[0] ?? '';
    if (parts.length > 1 && (first.includes('.') || first.includes(':') || first === 'localhost' || first.startsWith('['))) {
        registry = first;
        parts.shift();
        if (!HOST.test(registry))
            throw invalid(input, `registry ${JSON.stringify(registry)} is not a valid host[:port]`);
    }
    if (registry === 'index.docker.io' || registry === 'registry-1.docker.io')
        registry = DOCKER_HUB;
    if (parts.length === 0 || parts.some((p) => p === ''))
        throw invalid(input, 'the repository path is empty or has an empty component');
    for (const p of parts) {
        if (p !== p.toLowerCase()) {
            throw invalid(input, 'repository names must be lower-case', `use ${JSON.stringify(parts.join('/').toLowerCase())}`);
        }
        if (!COMPONENT.test(p))
            throw invalid(input, `repository component ${JSON.stringify(p)} is not valid (a-z, 0-9, separated by . _ __ or -)`);
    }
    if (registry === DOCKER_HUB && parts.length === 1)
        parts.unshift('library');
    const repository = parts.join('/');
    if (registry.length + 1 + repository.length > 255)
        throw invalid(input, 'the repository name is longer than 255 characters');
    const ref = { registry, repository };
    if (tag !== undefined)
        ref.tag = tag;
    if (digest !== undefined)
        ref.digest = digest;
    return ref;
}
/** A reference that must carry a digest: signing, attaching and promoting never follow a tag. */
function parseDigestReference(input) {
    const ref = parseReference(input);
    if (ref.digest === undefined) {
        throw invalid(input, 'a digest is required here, not a tag', "pass repo@sha256:… — capture-digest's `image-ref` output gives exactly that; a tag can move between push and use");
    }
    return ref;
}
/** A repository with neither tag nor digest (the `image` input of capture-digest). */
function parseRepository(input) {
    const ref = parseReference(input);
    if (ref.tag !== undefined || ref.digest !== undefined) {
        throw invalid(input, 'expected a repository without tag or digest', 'put tags in the `tags` input');
    }
    return ref;
}
function isValidTag(tag) {
    return TAG.test(tag);
}
/** `registry/repository` — also the docker-reference cosign writes into signatures. */
function repositoryName(ref) {
    return `${ref.registry === DOCKER_HUB ? 'index.docker.io' : ref.registry}/${ref.repository}`;
}
function formatReference(ref) {
    let s = `${ref.registry}/${ref.repository}`;
    if (ref.tag !== undefined)
        s += `:${ref.tag}`;
    if (ref.digest !== undefined)
        s += `@${ref.digest}`;
    return s;
}
function withDigest(ref, digest) {
    return { registry: ref.registry, repository: ref.repository, digest };
}
function withTag(ref, tag) {
    return { registry: ref.registry, repository: ref.repository, tag };
}
function sameRepository(a, b) {
    return a.registry === b.registry && a.repository === b.repository;
}
/** The host the registry API is served on (Docker Hub's API host differs from its name). */
function apiHost(registry) {
    return registry === DOCKER_HUB ? 'registry-1.docker.io' : registry;
}
function isLoopbackHost(hostWithPort) {
    const host = hostWithPort.startsWith('[') ? hostWithPort.slice(1, hostWithPort.indexOf(']')) : hostWithPort.replace(/:\d+$/, '');
    return host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);
}


/***/ })

};
