export const id = 899;
export const ids = [899];
export const modules = {

/***/ 7899:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  readInputs: () => (/* binding */ readInputs)
});

// EXTERNAL MODULE: ./packages/core/src/signer/keyless-signer.ts + 4 modules
var keyless_signer = __webpack_require__(9506);
// EXTERNAL MODULE: ./packages/core/src/oci/reference.ts
var reference = __webpack_require__(8515);
// EXTERNAL MODULE: ./packages/core/src/errors.ts
var errors = __webpack_require__(637);
;// CONCATENATED MODULE: ./packages/core/src/oci/tags.ts


/**
 * Tag list entries are plain tags or full references (docker/metadata-action prints
 * `ghcr.io/o/img:1.2`); full references must name `repo`. Duplicates are dropped, order kept.
 */
function parseTagList(repo, entries) {
    const tags = [];
    for (const entry of entries) {
        let tag;
        if (entry.includes('/') || entry.includes('@')) {
            const ref = (0,reference/* parseReference */.F2)(entry);
            if (ref.digest !== undefined)
                throw new errors/* BydigestError */.W('INVALID_ARGUMENT', `${JSON.stringify(entry)} is a digest reference, not a tag`);
            if (ref.tag === undefined)
                throw new errors/* BydigestError */.W('INVALID_ARGUMENT', `${JSON.stringify(entry)} has no tag`);
            if (!(0,reference/* sameRepository */.RB)(ref, repo)) {
                throw new errors/* BydigestError */.W('INVALID_ARGUMENT', `${JSON.stringify(entry)} is not in repository ${(0,reference/* formatReference */.FH)(repo)}`, {
                    hint: 'list tags of the `image` repository only',
                });
            }
            tag = ref.tag;
        }
        else {
            if (!(0,reference/* isValidTag */.r_)(entry)) {
                throw new errors/* BydigestError */.W('INVALID_ARGUMENT', `${JSON.stringify(entry.length > 80 ? `${entry.slice(0, 80)}…` : entry)} is not a valid tag (letters, digits, _ . -; at most 128; not starting with . or -)`);
            }
            tag = entry;
        }
        if (!tags.includes(tag))
            tags.push(tag);
    }
    return tags;
}
/**
 * Promotion targets: plain tags land in the source repository, full references anywhere;
 * each must carry a tag (a digest target would be a no-op that proves nothing).
 */
function parseTargets(source, entries) {
    const out = [];
    for (const entry of entries) {
        let target;
        if (entry.includes('/') || entry.includes('@')) {
            const ref = parseReference(entry);
            if (ref.digest !== undefined)
                throw new BydigestError('INVALID_ARGUMENT', `${JSON.stringify(entry)} carries a digest; targets are tags`);
            if (ref.tag === undefined)
                throw new BydigestError('INVALID_ARGUMENT', `${JSON.stringify(entry)} has no tag`, { hint: 'write repo:tag' });
            target = { registry: ref.registry, repository: ref.repository, tag: ref.tag };
        }
        else {
            if (!isValidTag(entry))
                throw new BydigestError('INVALID_ARGUMENT', `${JSON.stringify(entry.length > 80 ? `${entry.slice(0, 80)}…` : entry)} is not a valid tag`);
            target = { registry: source.registry, repository: source.repository, tag: entry };
        }
        if (!out.some((t) => formatReference(t) === formatReference(target)))
            out.push(target);
    }
    return out;
}

// EXTERNAL MODULE: ./packages/action-kit/src/inputs.ts
var inputs = __webpack_require__(6587);
// EXTERNAL MODULE: ./packages/action-kit/src/registry-options.ts + 5 modules
var registry_options = __webpack_require__(2542);
// EXTERNAL MODULE: ./packages/action-kit/src/signing-key.ts + 1 modules
var signing_key = __webpack_require__(8120);
;// CONCATENATED MODULE: ./actions/sign-digest/src/inputs.ts


/**
 * Reads every input and checks the key input is well-formed (its password is checked by scrypt,
 * later): every mistake a user can make in `with:` fails here, before any request.
 */
async function readInputs(pendingKey) {
    const signer = (0,inputs/* choiceInput */.ij)('signer', ['key', 'keyless', 'both'], 'key');
    const fulcioUrl = serviceUrlInput('fulcio-url', keyless_signer/* PUBLIC_GOOD_FULCIO_URL */.Xw);
    const rekorUrl = serviceUrlInput('rekor-url', keyless_signer/* PUBLIC_GOOD_REKOR_URL */.Y4);
    const keylessFallback = (0,inputs/* choiceInput */.ij)('keyless-fallback', ['none', 'key'], 'none');
    if (keylessFallback === 'key' && signer === 'key')
        throw new inputs/* InputError */.dz('keyless-fallback', 'is key but signer is key: there is no keyless signing to fall back from', 'drop keyless-fallback, or use signer: both');
    const image = (0,inputs/* parseInput */.CU)('image-ref', reference/* parseDigestReference */.Dn, { required: true });
    const format = (0,inputs/* choiceInput */.ij)('format', ['legacy', 'bundle', 'both'], 'legacy');
    const identity = (0,inputs/* choiceInput */.ij)('identity', ['repository', 'tags'], 'repository');
    const recursive = (0,inputs/* booleanInput */.tE)('recursive', true);
    const annotations = (0,inputs/* keyValueInput */.Bb)('annotations');
    const annotateGithub = (0,inputs/* booleanInput */.tE)('annotate-github', false);
    const tagEntries = (0,inputs/* listInput */.dt)('tags');
    if (identity === 'tags' && tagEntries.length === 0) {
        throw new inputs/* InputError */.dz('tags', 'is empty but identity is tags', 'list the tags the image is published under, or use identity: repository');
    }
    const tags = (0,inputs/* parseInput */.CU)('tags', () => parseTagList(image, tagEntries)) ?? [];
    const identities = identity === 'repository' ? [(0,reference/* repositoryName */.aR)(image)] : tags.map((t) => `${(0,reference/* repositoryName */.aR)(image)}:${t}`);
    const registry = (0,registry_options/* readRegistryInputs */.rS)();
    // A keyless-only step needs no key; with a fallback to the key, the key must be usable.
    if (signer !== 'keyless' || keylessFallback === 'key') {
        await (0,signing_key/* keyInputChecked */.n)(pendingKey);
    }
    return { image, format, identities, recursive, annotations, annotateGithub, registry, signer, fulcioUrl, rekorUrl, keylessFallback };
}
/** An http(s) base URL; plain http only on loopback (a test's own Fulcio or Rekor). */
function serviceUrlInput(name, fallback) {
    const raw = (0,inputs/* rawInput */.JR)(name) || fallback;
    let url;
    try {
        url = new URL(raw);
    }
    catch {
        throw new inputs/* InputError */.dz(name, `${JSON.stringify((0,inputs/* truncate */.xv)(raw))} is not a URL`, `e.g. ${fallback}`);
    }
    const loopback = ['127.0.0.1', '[::1]', 'localhost'].includes(url.hostname);
    if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) {
        throw new inputs/* InputError */.dz(name, `${JSON.stringify((0,inputs/* truncate */.xv)(raw))} must be https (plain http only on loopback)`, `e.g. ${fallback}`);
    }
    if (url.search || url.hash)
        throw new inputs/* InputError */.dz(name, 'must be a base URL without query or fragment', `e.g. ${fallback}`);
    return url.href.replace(/\/+$/, '');
}


/***/ }),

/***/ 8120:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  n: () => (/* binding */ keyInputChecked),
  G: () => (/* binding */ keyInputSigner)
});

// EXTERNAL MODULE: ./packages/core/src/cosign/signature.ts
var signature = __webpack_require__(836);
// EXTERNAL MODULE: ./packages/core/src/signer/pending-key.ts + 9 modules
var pending_key = __webpack_require__(866);
;// CONCATENATED MODULE: ./packages/core/src/signer/key-signer.ts


/** Signs with a cosign key file's key; the public key is the verification material. */
class KeySigner {
    pending;
    constructor(key) {
        this.pending = key instanceof pending_key/* PendingKey */.x ? key : pending_key/* PendingKey */.x.of(key);
    }
    async ready() {
        await this.pending.key();
    }
    async sign(payload) {
        const key = await this.pending.key();
        return { signature: (0,signature/* signPayload */.cM)(key, payload), material: keyMaterial(key) };
    }
}
function keyMaterial(key) {
    return { kind: 'public-key', publicKey: key.publicKey, publicKeyPem: key.publicKeyPem, keyId: key.keyId };
}

// EXTERNAL MODULE: ./packages/action-kit/src/inputs.ts
var inputs = __webpack_require__(6587);
;// CONCATENATED MODULE: ./packages/action-kit/src/signing-key.ts


const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** The password variable's name, checked: a bad one is this input's fault, not the key's. */
function passwordEnvName() {
    const name = (0,inputs/* rawInput */.JR)('password-env') || 'COSIGN_PASSWORD';
    if (name.length > 256)
        throw new inputs/* InputError */.dz('password-env', `is ${name.length} characters long: not a variable name`, 'e.g. COSIGN_PASSWORD');
    if (!ENV_NAME.test(name))
        throw new inputs/* InputError */.dz('password-env', `${JSON.stringify((0,inputs/* truncate */.xv)(name))} is not an environment variable name`, 'e.g. COSIGN_PASSWORD');
    return name;
}
/** A key error names the input to fix: password-env for a wrong password, else key. */
function keyInputError(e) {
    if (e instanceof inputs/* InputError */.dz)
        return e;
    const err = e;
    const input = err.code === 'KEY' && /wrong password/.test(err.message) ? 'password-env' : 'key';
    return new inputs/* InputError */.dz(input, err.message, err.hint);
}
function maskKeyInputs() {
    const spec = (0,inputs/* rawInput */.JR)('key') || 'env://COSIGN_PRIVATE_KEY';
    if (spec.startsWith('env://'))
        (0,inputs/* maskEnvSecret */.kR)(spec.slice('env://'.length));
    (0,inputs/* maskEnvSecret */.kR)(passwordEnvName());
}
/**
 * Masks the key and password variables before anything can print them and waits until the key
 * input is read and parsed (not for scrypt): call it before the first registry write, so a
 * malformed key input fails the step with nothing written.
 */
async function keyInputChecked(pending) {
    maskKeyInputs();
    try {
        await pending.parsed();
    }
    catch (e) {
        throw keyInputError(e);
    }
}
/** The key inputs' signer: its errors name the `with:` input to fix (key or password-env). */
function keyInputSigner(pending) {
    const signer = new KeySigner(pending);
    const named = (p) => p.catch((e) => Promise.reject(keyInputError(e)));
    return {
        ready: () => named(signer.ready()),
        sign: (payload) => named(signer.sign(payload)),
        publicKeyPem: () => named(pending.key().then((k) => k.publicKeyPem)),
    };
}


/***/ }),

/***/ 9506:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Bf: () => (/* binding */ KeylessSigner),
  Xw: () => (/* binding */ PUBLIC_GOOD_FULCIO_URL),
  Y4: () => (/* binding */ PUBLIC_GOOD_REKOR_URL)
});

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: ./node_modules/.pnpm/@sigstore+bundle@5.0.1/node_modules/@sigstore/bundle/dist/index.js
var dist = __webpack_require__(6028);
// EXTERNAL MODULE: ./node_modules/.pnpm/@sigstore+sign@5.1.0_supports-color@8.1.1/node_modules/@sigstore/sign/dist/index.js
var sign_dist = __webpack_require__(9475);
// EXTERNAL MODULE: ./packages/core/src/cosign/constants.ts
var constants = __webpack_require__(4203);
// EXTERNAL MODULE: ./packages/core/src/cosign/public-key.ts
var public_key = __webpack_require__(455);
// EXTERNAL MODULE: ./packages/core/src/errors.ts
var errors = __webpack_require__(637);
// EXTERNAL MODULE: ./packages/core/src/oci/digest.ts
var digest = __webpack_require__(4276);
// EXTERNAL MODULE: ./packages/core/src/cosign/der.ts
var cosign_der = __webpack_require__(2561);
;// CONCATENATED MODULE: ./packages/core/src/signer/certificate-identity.ts



const SAN_OID = '2.5.29.17';
/** Fulcio's issuer extensions: v2 is a DER UTF8String, v1 the raw bytes. */
const ISSUER_V2_OID = '1.3.6.1.4.1.57264.1.8';
const ISSUER_V1_OID = '1.3.6.1.4.1.57264.1.1';
const EXPLICIT_EXTENSIONS = 0xa3;
const SAN_EMAIL = 0x81;
const SAN_URI = 0x86;
const UTF8_STRING = 0x0c;
function certificateIdentity(certificatePem) {
    let cert;
    try {
        cert = new external_node_crypto_.X509Certificate(certificatePem);
    }
    catch (e) {
        throw new errors/* BydigestError */.W('SIGNATURE', `the signing certificate does not parse: ${e.message}`, { cause: e });
    }
    const extensions = readExtensions(cert.raw);
    const emails = [];
    const uris = [];
    const san = extensions.get(SAN_OID);
    const names = san ? (0,cosign_der/* readDer */.SU)(san) : undefined;
    for (const name of (names && (0,cosign_der/* readChildren */.KZ)(names)) ?? []) {
        if (name.tag === SAN_EMAIL)
            emails.push(name.value.toString('utf8'));
        if (name.tag === SAN_URI)
            uris.push(name.value.toString('utf8'));
    }
    const v2 = extensions.get(ISSUER_V2_OID);
    const v2Value = v2 ? (0,cosign_der/* readDer */.SU)(v2) : undefined;
    const v1 = extensions.get(ISSUER_V1_OID);
    const issuer = v2Value?.tag === UTF8_STRING ? v2Value.value.toString('utf8') : v1?.toString('utf8');
    return { identity: uris[0] ?? emails[0] ?? '', emails, uris, issuer, notBefore: new Date(cert.validFrom), notAfter: new Date(cert.validTo) };
}
/** extnID → extnValue's content octets, from the tbsCertificate's [3] extensions. */
function readExtensions(der) {
    const out = new Map();
    const certificate = (0,cosign_der/* readDer */.SU)(der);
    const tbs = certificate && (0,cosign_der/* readChildren */.KZ)(certificate)?.[0];
    const explicit = tbs && (0,cosign_der/* readChildren */.KZ)(tbs)?.find((c) => c.tag === EXPLICIT_EXTENSIONS);
    const list = explicit && (0,cosign_der/* readChildren */.KZ)(explicit)?.[0];
    for (const ext of (list && (0,cosign_der/* readChildren */.KZ)(list)) ?? []) {
        const parts = (0,cosign_der/* readChildren */.KZ)(ext) ?? [];
        const oid = parts[0];
        const value = parts[parts.length - 1];
        if (oid?.tag === cosign_der/* DerTag */.kr.Oid && value?.tag === cosign_der/* DerTag */.kr.OctetString)
            out.set((0,cosign_der/* decodeOid */.FK)(oid.value), value.value);
    }
    return out;
}

// EXTERNAL MODULE: ./node_modules/.pnpm/@sigstore+sign@5.1.0_supports-color@8.1.1/node_modules/@sigstore/sign/dist/signer/fulcio/ca.js
var fulcio_ca = __webpack_require__(9563);
// EXTERNAL MODULE: ./node_modules/.pnpm/@sigstore+sign@5.1.0_supports-color@8.1.1/node_modules/@sigstore/sign/dist/util/index.js
var util = __webpack_require__(6023);
;// CONCATENATED MODULE: ./packages/core/src/signer/sigstore-errors.ts

/** The HTTP status inside a sigstore-js error (its InternalError wraps an HTTPError as cause). */
function statusOf(e) {
    for (let cur = e, depth = 0; cur && depth < 5; cur = cur.cause, depth++) {
        if (typeof cur.statusCode === 'number')
            return cur.statusCode;
    }
    return undefined;
}
/** A Fulcio or Rekor failure as a KEYLESS error naming the service, the URL and the status. */
function sigstoreFailure(e, where) {
    const status = statusOf(e);
    const detail = e?.message ?? String(e);
    const hint = hintFor(where.service, status, where.url);
    return new errors/* BydigestError */.W('KEYLESS', `keyless signing failed at ${where.service}: ${detail}`, {
        operation: where.operation,
        reference: where.url,
        ...(status === undefined ? {} : { status }),
        hint,
        cause: e,
    });
}
function hintFor(service, status, url) {
    const input = `${service.toLowerCase()}-url`;
    if (status === undefined)
        return `check that ${service} is reachable at ${new URL(url).origin} (the ${input} input); nothing was written to the registry`;
    if (status >= 500 || status === 429 || status === 408)
        return `${service} failed or is overloaded; re-run the job (nothing was written to the registry)`;
    if (service === 'Rekor' && status === 409)
        return 'Rekor says the entry exists but gave no Location to fetch it from; re-run the job (a new certificate makes a new entry)';
    if (service === 'Fulcio' && (status === 401 || status === 403))
        return 'Fulcio did not accept the OIDC token: it must be issued for the audience sigstore by an issuer this Fulcio trusts';
    return `${service} refused the request; check the ${input} input`;
}

;// CONCATENATED MODULE: ./packages/core/src/signer/fulcio-certificate.ts

// FulcioSigner keeps only the leaf of what Fulcio answers; cosign also writes the rest of the
// chain (dev.sigstore.cosign/chain), so this takes the CA client FulcioSigner is built on.





/**
 * Asks Fulcio for a certificate binding `token`'s identity to `key`'s public key; the proof of
 * possession is the token's subject signed with the key, as Fulcio requires.
 */
async function requestCertificate(fulcioUrl, token, key, http = {}) {
    let subject;
    try {
        subject = util.oidc.extractJWTSubject(token);
    }
    catch (e) {
        throw new errors/* BydigestError */.W('KEYLESS', `the OIDC token is not a JWT with a subject: ${e.message}`, {
            operation: 'read the OIDC token',
            hint: 'the token must come from the runner (getIDToken) or an OIDC provider Fulcio trusts',
            cause: e,
        });
    }
    const challenge = (0,external_node_crypto_.sign)('sha256', Buffer.from(subject), { key: key.privateKey, dsaEncoding: 'der' });
    const ca = new fulcio_ca.CAClient({ fulcioBaseURL: fulcioUrl, retry: http.retries ?? 2, timeout: http.timeoutMs ?? 30_000 });
    let chain;
    try {
        chain = await ca.createSigningCertificate(token, (0,public_key/* publicKeyPem */.rY)(key.publicKey), challenge);
    }
    catch (e) {
        throw sigstoreFailure(e, { operation: 'request a signing certificate', url: `${fulcioUrl}/api/v2/signingCert`, service: 'Fulcio' });
    }
    const [leaf, ...rest] = chain ?? [];
    if (!leaf)
        throw new errors/* BydigestError */.W('KEYLESS', 'Fulcio answered without a certificate', { operation: 'request a signing certificate', reference: fulcioUrl });
    return { certificatePem: withNewline(leaf), chainPem: rest.map(withNewline) };
}
function withNewline(pem) {
    return pem.endsWith('\n') ? pem : `${pem}\n`;
}

;// CONCATENATED MODULE: ./packages/core/src/signer/rekor-entry.ts





/**
 * Logs a hashedrekord entry (sha256 of `payload`, the signature, the certificate) in Rekor **v1**:
 * only v1 answers with a signed entry timestamp, the proof containers/image and cosign 2 check.
 */
async function logSignature(rekorUrl, entry, http = {}) {
    const digest = (0,external_node_crypto_.createHash)('sha256').update(entry.payload).digest();
    const content = (0,dist.toMessageSignatureBundle)({ digest, signature: entry.signature, certificate: Buffer.from(entry.certificatePem) }).content;
    const witness = new sign_dist/* RekorWitness */.fU({ rekorBaseURL: rekorUrl, majorApiVersion: 1, retry: http.retries ?? 2, timeout: http.timeoutMs ?? 30_000 });
    let tlogEntry;
    try {
        tlogEntry = (await witness.testify(content, entry.certificatePem)).tlogEntries[0];
    }
    catch (e) {
        throw sigstoreFailure(e, { operation: 'log the signature', url: `${rekorUrl}/api/v1/log/entries`, service: 'Rekor' });
    }
    const set = tlogEntry?.inclusionPromise?.signedEntryTimestamp;
    if (!tlogEntry || !set || set.length === 0) {
        throw new errors/* BydigestError */.W('KEYLESS', 'Rekor answered without a signed entry timestamp, which containers/image and cosign 2 require', {
            operation: 'log the signature',
            reference: rekorUrl,
            hint: 'rekor-url must name a Rekor v1 log (its /api/v1/log/entries), not a v2 tile log',
        });
    }
    const logIndex = Number(tlogEntry.logIndex);
    const integratedTime = Number(tlogEntry.integratedTime);
    return { logIndex, integratedTime, setAnnotation: setAnnotation(tlogEntry, set), tlogEntry };
}
/** cosign's bundle.RekorBundle as Go marshals it: field order and names matter to nobody but diffs. */
function setAnnotation(e, set) {
    return JSON.stringify({
        SignedEntryTimestamp: set.toString('base64'),
        Payload: {
            body: Buffer.from(e.canonicalizedBody).toString('base64'),
            integratedTime: Number(e.integratedTime),
            logIndex: Number(e.logIndex),
            logID: Buffer.from(e.logId.keyId).toString('hex'),
        },
    });
}

;// CONCATENATED MODULE: ./packages/core/src/signer/keyless-signer.ts











const PUBLIC_GOOD_FULCIO_URL = 'https://fulcio.sigstore.dev';
const PUBLIC_GOOD_REKOR_URL = 'https://rekor.sigstore.dev';
/**
 * Keyless signing as cosign does it: a fresh ephemeral P-256 key, a Fulcio certificate binding
 * it to the OIDC identity, and a Rekor v1 entry per signature whose signed entry timestamp proves
 * the signature was made while the certificate was valid. The certificate is issued once; each
 * signature gets its own Rekor entry.
 */
class KeylessSigner {
    #opts;
    #issued;
    #entries = new Map();
    #bundleLogIndexes = [];
    constructor(opts) {
        this.#opts = opts;
    }
    get fulcioUrl() {
        return trimSlash(this.#opts.fulcioUrl ?? PUBLIC_GOOD_FULCIO_URL);
    }
    get rekorUrl() {
        return trimSlash(this.#opts.rekorUrl ?? PUBLIC_GOOD_REKOR_URL);
    }
    /** Gets the token and the certificate (once); rejects with the reason neither came. */
    ready() {
        return this.#issue().then(() => undefined);
    }
    async sign(payload) {
        const issued = await this.#issue();
        const signature = (0,external_node_crypto_.sign)('sha256', payload, { key: issued.privateKey, dsaEncoding: 'der' });
        const entry = await logSignature(this.rekorUrl, { payload, signature, certificatePem: issued.certificatePem }, this.#opts.http);
        this.#checkLoggedInTime(issued, entry.integratedTime);
        this.#entries.set((0,digest/* sha256Digest */.sI)(payload), entry);
        return {
            signature: signature.toString('base64'),
            material: { kind: 'certificate', publicKey: issued.publicKey, certificatePem: issued.certificatePem, chainPem: issued.chainPem },
            // What cosign writes beside a keyless signature; the chain annotation is there even when empty.
            annotations: {
                [constants/* CERTIFICATE_ANNOTATION */.oZ]: issued.certificatePem,
                [constants/* CHAIN_ANNOTATION */.CB]: issued.chainPem.join(''),
                [constants/* BUNDLE_ANNOTATION */.j2]: entry.setAnnotation,
            },
        };
    }
    /** A v0.3 bundle: DSSE envelope, the certificate, and a Rekor v1 intoto entry (SET and inclusion proof). */
    async signDsseBundle(payloadType, payload) {
        const issued = await this.#issue();
        const builder = new sign_dist/* DSSEBundleBuilder */.VV({
            signer: { sign: async (data) => ({ signature: (0,external_node_crypto_.sign)('sha256', data, { key: issued.privateKey, dsaEncoding: 'der' }), key: { $case: 'x509Certificate', certificate: issued.certificatePem } }) },
            // An intoto 0.0.2 entry: what Rekor stores is the proposed entry's own shape (a dsse entry
            // is rewritten by Rekor), so any Rekor v1 — also a test's — yields a verifiable body.
            witnesses: [new sign_dist/* RekorWitness */.fU({ rekorBaseURL: this.rekorUrl, entryType: 'intoto', majorApiVersion: 1, retry: this.#opts.http?.retries ?? 2, timeout: this.#opts.http?.timeoutMs ?? 30_000 })],
        });
        let bundle;
        try {
            bundle = await builder.create({ data: payload, type: payloadType });
        }
        catch (e) {
            throw sigstoreFailure(e, { operation: 'log the bundle', url: `${this.rekorUrl}/api/v1/log/entries`, service: 'Rekor' });
        }
        const entry = bundle.verificationMaterial.tlogEntries[0];
        if (!entry?.inclusionPromise)
            throw new errors/* BydigestError */.W('KEYLESS', 'Rekor answered without a signed entry timestamp', { operation: 'log the bundle', reference: this.rekorUrl, hint: 'rekor-url must name a Rekor v1 log' });
        this.#checkLoggedInTime(issued, Number(entry.integratedTime));
        this.#bundleLogIndexes.push(Number(entry.logIndex));
        return { bundle: (0,dist.bundleToJSON)(bundle), publicKey: issued.publicKey };
    }
    #checkLoggedInTime(issued, integratedTime) {
        const at = new Date(integratedTime * 1000);
        if (at < issued.identity.notBefore || at > issued.identity.notAfter) {
            throw new errors/* BydigestError */.W('KEYLESS', `Rekor logged the signature at ${at.toISOString()}, outside the certificate's validity (${validity(issued.identity)}): no verifier would accept it`, {
                operation: 'log the signature',
                reference: this.rekorUrl,
                hint: 'the signing took longer than the certificate lives (10 minutes at Fulcio), or Rekor\'s clock is off; re-run the job',
            });
        }
    }
    /** The certificate's identity once issued (for outputs and logs). */
    async identity() {
        const issued = await this.#issue();
        return { ...issued.identity, certificatePem: issued.certificatePem };
    }
    /** The Rekor log indexes of the bundles made so far. */
    get bundleLogIndexes() {
        return this.#bundleLogIndexes;
    }
    /** The Rekor entry made for the payload with this digest (a `.sig` layer's digest). */
    entryFor(payloadDigest) {
        return this.#entries.get(payloadDigest);
    }
    #issue() {
        this.#issued ??= this.#requestIssue();
        return this.#issued;
    }
    async #requestIssue() {
        const token = await this.#token();
        const { privateKey, publicKey } = (0,external_node_crypto_.generateKeyPairSync)('ec', { namedCurve: 'prime256v1' });
        const issued = await requestCertificate(this.fulcioUrl, token, { privateKey, publicKey }, this.#opts.http);
        const identity = certificateIdentity(issued.certificatePem);
        if (!(0,public_key/* samePublicKey */.D3)(new external_node_crypto_.X509Certificate(issued.certificatePem).publicKey, publicKey)) {
            throw new errors/* BydigestError */.W('KEYLESS', 'Fulcio issued a certificate for another public key than the one sent', { operation: 'request a signing certificate', reference: this.fulcioUrl });
        }
        const now = (this.#opts.now ?? (() => new Date()))();
        if (now > identity.notAfter || now < identity.notBefore) {
            throw new errors/* BydigestError */.W('KEYLESS', `Fulcio issued a certificate that is not valid now (${now.toISOString()}; valid ${validity(identity)})`, {
                operation: 'request a signing certificate',
                reference: this.fulcioUrl,
                hint: 'the runner\'s clock or Fulcio\'s is off; check fulcio-url and re-run',
            });
        }
        return { ...issued, privateKey, publicKey, identity };
    }
    async #token() {
        try {
            const token = await this.#opts.identityToken();
            if (!token)
                throw new Error('the provider returned an empty token');
            return token;
        }
        catch (e) {
            if (e instanceof errors/* BydigestError */.W)
                throw e;
            // The toolkit's message spans lines ("Error Code : 500\n Error Message: …"); one line reads better.
            const reason = (e.message ?? String(e)).replace(/\s+/g, ' ').trim();
            throw new errors/* BydigestError */.W('KEYLESS', `no OIDC token for keyless signing: ${reason}`, {
                operation: 'get the OIDC token',
                hint: 'keyless signing needs an OIDC identity token (on GitHub: permissions: id-token: write)',
                cause: e,
            });
        }
    }
}
function validity(id) {
    return `${id.notBefore.toISOString()} to ${id.notAfter.toISOString()}`;
}
function trimSlash(url) {
    return url.replace(/\/+$/, '');
}


/***/ })

};
