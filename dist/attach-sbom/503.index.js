export const id = 503;
export const ids = [503];
export const modules = {

/***/ 3503:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  keyInputSigner: () => (/* reexport */ signing_key/* keyInputSigner */.G),
  runAction: () => (/* reexport */ runAction),
  setCheckedOutput: () => (/* reexport */ setCheckedOutput),
  setDigestOutput: () => (/* reexport */ setDigestOutput),
  setDigestRefOutput: () => (/* reexport */ setDigestRefOutput)
});

// UNUSED EXPORTS: DIGEST_PATTERN, Html, InputError, JobSummary, asInputError, booleanInput, choiceInput, code, debug, escapeHtml, failureMessage, getIDToken, getState, githubRun, group, html, info, integerInput, jobSummary, joinHtml, keyInputChecked, keyValueInput, listInput, maskEnvSecret, notice, parseInput, publicKeyInput, rawInput, readRegistryInputs, registryClient, registryClientFromInputs, requiredInput, saveState, setSecret, shortenLongWords, truncate, warning

// EXTERNAL MODULE: ./node_modules/.pnpm/@actions+core@3.0.1/node_modules/@actions/core/lib/core.js + 14 modules
var core = __webpack_require__(3070);
;// CONCATENATED MODULE: ./packages/action-kit/src/outputs.ts

const DIGEST_PATTERN = /^sha256:[a-f0-9]{64}$/;
/**
 * Outputs are checked before they are set: an empty or malformed value (the upstream
 * `<no value>` digest) fails the step instead of flowing into the next job.
 */
function setCheckedOutput(name, value, check) {
    const ok = typeof check === 'function' ? check(value) : check.test(value);
    if (value === '' || !ok) {
        throw new Error(`internal error: output '${name}' would be ${JSON.stringify(value)}, which is not well-formed; refusing to set it`);
    }
    core/* setOutput */.uH(name, value);
}
function setDigestOutput(name, value) {
    setCheckedOutput(name, value, DIGEST_PATTERN);
}
/** `repo@sha256:…` */
function setDigestRefOutput(name, value) {
    setCheckedOutput(name, value, (v) => /^[^\s@]+@sha256:[a-f0-9]{64}$/.test(v));
}

// EXTERNAL MODULE: ./packages/core/src/errors.ts
var errors = __webpack_require__(637);
// EXTERNAL MODULE: ./packages/action-kit/src/inputs.ts
var inputs = __webpack_require__(6587);
;// CONCATENATED MODULE: ./packages/action-kit/src/run.ts



/**
 * Runs an action's body: any error becomes one `setFailed` line (with the hint on the next
 * line) and exit code 1. Unexpected errors keep their stack in the debug log only.
 */
async function runAction(body, opts = {}) {
    try {
        checkOutputFile();
        await body();
    }
    catch (caught) {
        const e = asInputError(caught, opts.inputFor);
        core/* setFailed */.C1(shortenLongWords(failureMessage(e)));
        if (e instanceof Error && !(e instanceof inputs/* InputError */.dz) && !(e instanceof errors/* BydigestError */.W)) {
            core/* debug */.Yz(e.stack ?? String(e));
        }
        process.exitCode = 1;
    }
}
function failureMessage(e) {
    if (e instanceof inputs/* InputError */.dz)
        return e.hint ? `${e.message}\nhint: ${e.hint}` : e.message;
    if (e instanceof errors/* BydigestError */.W) {
        const where = [e.operation, e.reference, e.status === undefined ? undefined : `HTTP ${e.status}`].filter(Boolean);
        const head = where.length > 0 && !e.message.includes(where[0]) ? `${e.message} (${where.join(', ')})` : e.message;
        return e.hint ? `${head}\nhint: ${e.hint}` : head;
    }
    return e instanceof Error ? e.message : String(e);
}
/**
 * A value is echoed in an error to show what was wrong, not to replay it: a 100 kB input (or a
 * path made of it) is cut to its start, so the log stays readable.
 */
function shortenLongWords(message, max = 200) {
    return message.replace(new RegExp(`[^\\s'"\`]{${max + 1},}`, 'g'), (w) => `${w.slice(0, 80)}…(${w.length} characters)`);
}
/**
 * Outputs go to the file GITHUB_OUTPUT names. Without it @actions/core falls back to the
 * retired `::set-output` command, which today's runners ignore: the step would write to the
 * registry and then hand the next job nothing. Checked before any input is read.
 */
function checkOutputFile() {
    if (!process.env.GITHUB_OUTPUT) {
        throw new Error('GITHUB_OUTPUT is not set: this step must run under a GitHub Actions runner (or a runner emulation that provides the output file), so its outputs reach the next steps');
    }
}
/** A library error whose code the action maps to an input becomes that input's error. */
function asInputError(e, inputFor = {}) {
    if (!(e instanceof errors/* BydigestError */.W))
        return e;
    const input = inputFor[e.code];
    return input ? new inputs/* InputError */.dz(input, e.message, e.hint) : e;
}

// EXTERNAL MODULE: ./packages/action-kit/src/signing-key.ts + 1 modules
var signing_key = __webpack_require__(8120);
;// CONCATENATED MODULE: ./packages/action-kit/src/index.ts










/***/ }),

/***/ 6587:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $A: () => (/* binding */ integerInput),
/* harmony export */   Bb: () => (/* binding */ keyValueInput),
/* harmony export */   CU: () => (/* binding */ parseInput),
/* harmony export */   JR: () => (/* binding */ rawInput),
/* harmony export */   YF: () => (/* binding */ requiredInput),
/* harmony export */   dz: () => (/* binding */ InputError),
/* harmony export */   ij: () => (/* binding */ choiceInput),
/* harmony export */   kR: () => (/* binding */ maskEnvSecret),
/* harmony export */   tE: () => (/* binding */ booleanInput),
/* harmony export */   xv: () => (/* binding */ truncate)
/* harmony export */ });
/* unused harmony exports listInput, publicKeyInput */
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
// EXTERNAL MODULE: ./packages/core/src/signer/pending-key.ts + 12 modules
var pending_key = __webpack_require__(6316);
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
/* harmony export */   cM: () => (/* binding */ signPayload)
/* harmony export */ });
/* unused harmony export checkPayloadSignature */
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


/***/ })

};
