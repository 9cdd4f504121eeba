export const id = 362;
export const ids = [362];
export const modules = {

/***/ 3362:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   chooseSigners: () => (/* binding */ chooseSigners)
/* harmony export */ });
/* harmony import */ var _bydigest_core__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(9506);
/* harmony import */ var _bydigest_action_kit__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8120);
/* harmony import */ var _bydigest_action_kit__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3070);
/* harmony import */ var _bydigest_action_kit__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6587);


/** The runner hands out OIDC tokens only to jobs with `permissions: id-token: write`. */
const TOKEN_URL_ENV = 'ACTIONS_ID_TOKEN_REQUEST_URL';
const NO_TOKEN = `no OIDC token can be requested (${TOKEN_URL_ENV} is not set): the job lacks \`permissions: id-token: write\`, ` +
    'or it runs for a pull request from a fork, which never gets one';
function chooseSigners(inputs, pendingKey) {
    const key = inputs.signer !== 'keyless' || inputs.keylessFallback === 'key' ? (0,_bydigest_action_kit__WEBPACK_IMPORTED_MODULE_0__/* .keyInputSigner */ .G)(pendingKey) : undefined;
    if (inputs.signer === 'key')
        return { key: key };
    if (!process.env[TOKEN_URL_ENV]) {
        if (inputs.keylessFallback === 'key') {
            (0,_bydigest_action_kit__WEBPACK_IMPORTED_MODULE_1__/* .warning */ .$e)(`signer: ${inputs.signer}: ${NO_TOKEN}; signing with the key alone (keyless-fallback: key)`);
            return { key: key };
        }
        throw new _bydigest_action_kit__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz('signer', `is ${inputs.signer} but ${NO_TOKEN}`, 'add `permissions: id-token: write` to the job; where no token can exist (fork pull requests), set keyless-fallback: key to sign with the key alone');
    }
    const keyless = new _bydigest_core__WEBPACK_IMPORTED_MODULE_3__/* .KeylessSigner */ .Bf({
        identityToken: () => (0,_bydigest_action_kit__WEBPACK_IMPORTED_MODULE_1__/* .getIDToken */ .V9)('sigstore'),
        fulcioUrl: inputs.fulcioUrl,
        rekorUrl: inputs.rekorUrl,
    });
    return inputs.signer === 'both' ? { key: key, keyless } : { keyless };
}


/***/ }),

/***/ 6587:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $A: () => (/* binding */ integerInput),
/* harmony export */   Bb: () => (/* binding */ keyValueInput),
/* harmony export */   CU: () => (/* binding */ parseInput),
/* harmony export */   JR: () => (/* binding */ rawInput),
/* harmony export */   dt: () => (/* binding */ listInput),
/* harmony export */   dz: () => (/* binding */ InputError),
/* harmony export */   ij: () => (/* binding */ choiceInput),
/* harmony export */   kR: () => (/* binding */ maskEnvSecret),
/* harmony export */   tE: () => (/* binding */ booleanInput),
/* harmony export */   xv: () => (/* binding */ truncate)
/* harmony export */ });
/* unused harmony exports requiredInput, publicKeyInput */
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3070);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_1__);



/**
 * An input the user got wrong. The message always starts with the input's name, so the
 * log line tells the user which `with:` key to fix.
 */
class InputError extends Error {
    input;
    hint;
    constructor(input, message, hint) {
        super(`input '${input}': ${message}`);
        this.input = input;
        this.hint = hint;
        this.name = 'InputError';
    }
}
/** The raw input, trimmed; empty when unset (the runner passes action.yml defaults itself). */
function rawInput(name) {
    return _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .getInput */ .V4(name);
}
function requiredInput(name, hint) {
    const value = rawInput(name);
    if (value === '')
        throw new InputError(name, 'is required but empty', hint);
    return value;
}
/**
 * Parses an input with a core parser; a parser error becomes an InputError naming the input,
 * keeping the parser's own hint.
 */
function parseInput(name, parse, opts = {}) {
    const raw = rawInput(name);
    if (raw === '') {
        if (opts.required)
            throw new InputError(name, 'is required but empty', opts.hint);
        return undefined;
    }
    try {
        return parse(raw);
    }
    catch (e) {
        const err = e;
        throw new InputError(name, err.message, err.hint ?? opts.hint);
    }
}
function booleanInput(name, fallback) {
    const raw = rawInput(name).toLowerCase();
    if (raw === '')
        return fallback;
    if (raw === 'true')
        return true;
    if (raw === 'false')
        return false;
    throw new InputError(name, `must be true or false, got ${JSON.stringify(truncate(raw))}`);
}
function integerInput(name, fallback, range) {
    const raw = rawInput(name);
    if (raw === '')
        return fallback;
    if (!/^\d+$/.test(raw))
        throw new InputError(name, `must be a whole number, got ${JSON.stringify(truncate(raw))}`);
    const n = Number(raw);
    if (n < range.min || n > range.max)
        throw new InputError(name, `must be between ${range.min} and ${range.max}, got ${n}`);
    return n;
}
function choiceInput(name, choices, fallback) {
    const raw = rawInput(name);
    if (raw === '')
        return fallback;
    if (!choices.includes(raw)) {
        throw new InputError(name, `must be one of ${choices.join(', ')}, got ${JSON.stringify(truncate(raw))}`);
    }
    return raw;
}
/** Splits a list input on newlines, commas and spaces, as docker/metadata-action prints tags. */
function listInput(name) {
    return rawInput(name)
        .split(/[\s,]+/)
        .map((s) => s.trim())
        .filter((s) => s !== '');
}
/** `key=value` lines (annotations). Keys must be non-empty; values may contain '='. */
function keyValueInput(name) {
    const out = {};
    for (const line of rawInput(name).split(/\r?\n/)) {
        const trimmed = line.trim();
        if (trimmed === '' || trimmed.startsWith('#'))
            continue;
        const eq = trimmed.indexOf('=');
        if (eq <= 0)
            throw new InputError(name, `expected key=value lines, got ${JSON.stringify(truncate(trimmed))}`);
        const key = trimmed.slice(0, eq).trim();
        if (key in out)
            throw new InputError(name, `key ${JSON.stringify(key)} is given twice`);
        out[key] = trimmed.slice(eq + 1).trim();
    }
    return out;
}
/** Long or hostile values are cut before they are echoed back in an error. */
function truncate(value, max = 80) {
    return value.length > max ? `${value.slice(0, max)}…` : value;
}
/**
 * Masks a secret held in an environment variable, line by line too: the runner masks per
 * line, so a PEM key is only hidden if each of its lines is registered.
 */
function maskEnvSecret(name) {
    const value = process.env[name];
    if (!value)
        return;
    _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setSecret */ .Pq(value);
    for (const line of value.split(/\r?\n/)) {
        const l = line.trim();
        // PEM armour lines are public text; masking them would only garble unrelated logs.
        if (l.length >= 4 && !l.startsWith('-----'))
            _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setSecret */ .Pq(l);
    }
}
/** A public key given as PEM text or as a path to a PEM file. */
async function publicKeyInput(name) {
    const raw = rawInput(name);
    let pem = raw;
    if (!raw.includes('-----BEGIN')) {
        try {
            pem = await readFile(raw, 'utf8');
        }
        catch (e) {
            throw new InputError(name, `is neither PEM text nor a readable file (${e.code ?? 'unreadable'}: ${truncate(raw)})`, 'pass the contents of cosign.pub or its path');
        }
    }
    try {
        return loadPublicKey(pem);
    }
    catch (e) {
        throw new InputError(name, e.message, e.hint);
    }
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

/***/ 836:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Lo: () => (/* binding */ verifyPayload),
/* harmony export */   cM: () => (/* binding */ signPayload),
/* harmony export */   zS: () => (/* binding */ checkPayloadSignature)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _base64_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9075);


/** ECDSA P-256 over SHA-256 of the exact payload bytes, ASN.1 DER, standard base64: what cosign writes. */
function signPayload(key, payload) {
    return (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.sign)('sha256', payload, { key: key.privateKey, dsaEncoding: 'der' }).toString('base64');
}
function verifierFor(publicKey) {
    switch (publicKey.asymmetricKeyType) {
        case 'ec':
            return {
                verify: (data, sig) => (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.verify)('sha256', data, { key: publicKey, dsaEncoding: 'der' }, sig),
                failure: 'invalid signature when validating ASN.1 encoded signature',
            };
        case 'rsa':
            return {
                verify: (data, sig) => (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.verify)('sha256', data, { key: publicKey, padding: node_crypto__WEBPACK_IMPORTED_MODULE_0__.constants.RSA_PKCS1_PADDING }, sig),
                failure: 'crypto/rsa: verification error',
            };
        case 'ed25519':
            return { verify: (data, sig) => (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.verify)(null, data, publicKey, sig), failure: 'failed to verify signature' };
        default:
            return undefined;
    }
}
/**
 * Verifies as containers/image does (sigstore's LoadVerifier with SHA-256): ECDSA (DER), RSA
 * PKCS#1 v1.5 and Ed25519. Reasons use containers/image's wording, so verify-digest can report a
 * rejection the way podman and skopeo would.
 */
function checkPayloadSignature(publicKey, payload, signatureBase64) {
    const verifier = verifierFor(publicKey);
    if (!verifier) {
        return { valid: false, reason: `creating verifier: unsupported public key type ${publicKey.asymmetricKeyType ?? publicKey.type}` };
    }
    const decoded = (0,_base64_js__WEBPACK_IMPORTED_MODULE_1__/* .decodeStdBase64 */ .t)(signatureBase64);
    if (!decoded.ok)
        return { valid: false, reason: `base64 decoding: ${decoded.reason}` };
    let ok;
    try {
        ok = verifier.verify(payload, decoded.bytes);
    }
    catch {
        // OpenSSL throws on some malformed signatures instead of returning false.
        ok = false;
    }
    return ok ? { valid: true } : { valid: false, reason: `cryptographic signature verification failed: ${verifier.failure}` };
}
function verifyPayload(publicKey, payload, signatureBase64) {
    return checkPayloadSignature(publicKey, payload, signatureBase64).valid;
}


/***/ }),

/***/ 4276:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   m: () => (/* binding */ parseDigest),
/* harmony export */   q9: () => (/* binding */ isSha256Digest),
/* harmony export */   sI: () => (/* binding */ sha256Digest),
/* harmony export */   sU: () => (/* binding */ digestHex)
/* harmony export */ });
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
