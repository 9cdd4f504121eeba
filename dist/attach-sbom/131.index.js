export const id = 131;
export const ids = [131];
export const modules = {

/***/ 5131:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  run: () => (/* binding */ main_run)
});

// NAMESPACE OBJECT: ./packages/core/src/sbom/spdx-validators.generated.ts
var spdx_validators_generated_namespaceObject = {};
__webpack_require__.r(spdx_validators_generated_namespaceObject);
__webpack_require__.d(spdx_validators_generated_namespaceObject, {
  annotations: () => (annotations),
  documentDescribes: () => (documentDescribes),
  externalDocumentRefs: () => (externalDocumentRefs),
  files: () => (files),
  hasExtractedLicensingInfos: () => (hasExtractedLicensingInfos),
  packages: () => (spdx_validators_generated_packages),
  relationships: () => (relationships),
  revieweds: () => (revieweds),
  snippets: () => (snippets),
  top: () => (spdx_validators_generated_top)
});

// EXTERNAL MODULE: ./packages/core/src/errors.ts
var errors = __webpack_require__(637);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
;// CONCATENATED MODULE: ./packages/core/src/oci/digest.ts


const DIGEST_RE = /^([a-z0-9]+(?:[.+_-][a-z0-9]+)*):([a-zA-Z0-9=_-]+)$/;
function sha256Digest(bytes) {
    return `sha256:${(0,external_node_crypto_.createHash)('sha256').update(bytes).digest('hex')}`;
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
        throw new errors/* BydigestError */.W('INVALID_ARGUMENT', `${JSON.stringify(digest_short(value))} is not a digest (expected sha256:<64 hex>)`);
    }
    const [, algorithm, hex] = m;
    if (algorithm !== 'sha256') {
        throw new errors/* BydigestError */.W('INVALID_ARGUMENT', `unsupported digest algorithm ${JSON.stringify(algorithm)} (only sha256 is supported)`);
    }
    if (!/^[a-f0-9]+$/.test(hex)) {
        throw new errors/* BydigestError */.W('INVALID_ARGUMENT', `digest hex must be lower-case hexadecimal: ${JSON.stringify(digest_short(value))}`);
    }
    if (hex.length !== 64) {
        throw new errors/* BydigestError */.W('INVALID_ARGUMENT', `sha256 digest must have 64 hex characters, got ${hex.length}: ${JSON.stringify(digest_short(value))}`);
    }
    return value;
}
function digestHex(digest) {
    return parseDigest(digest).slice('sha256:'.length);
}
function digest_short(v) {
    return v.length > 90 ? `${v.slice(0, 90)}…` : v;
}

;// CONCATENATED MODULE: ./packages/core/src/oci/reference.ts


const DOCKER_HUB = 'docker.io';
const COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const TAG = /^[\w][\w.-]{0,127}$/;
const HOST = /^(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*|\[[0-9a-fA-F:.]+\])(?::\d{1,5})?$/;
function invalid(input, why, hint) {
    const shown = input.length > 120 ? `${input.slice(0, 120)}…` : input;
    return new errors/* BydigestError */.W('INVALID_REFERENCE', `invalid image reference ${JSON.stringify(shown)}: ${why}`, hint ? { hint } : {});
}
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
            digest = parseDigest(rest.slice(at + 1));
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
    if (parts.length > 1 &&
        (first.includes('.') || first.includes(':') || first === 'localhost' || first.startsWith('['))) {
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
    const host = hostWithPort.startsWith('[')
        ? hostWithPort.slice(1, hostWithPort.indexOf(']'))
        : hostWithPort.replace(/:\d+$/, '');
    return host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);
}

// EXTERNAL MODULE: ./packages/action-kit/src/early-key.ts
var early_key = __webpack_require__(2329);
// EXTERNAL MODULE: ./node_modules/.pnpm/@actions+core@3.0.1/node_modules/@actions/core/lib/core.js + 14 modules
var core = __webpack_require__(3070);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
;// CONCATENATED MODULE: ./packages/action-kit/src/inputs.ts



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
/**
 * The one way from an error to the input it names, decided by the error's code (never its text).
 * An InputError passes through; the error's hint is kept (`hint` stands in when it has none).
 */
function asInputError(e, to, hint) {
    if (e instanceof InputError)
        return e;
    const input = typeof to === 'string' ? to : ((e instanceof errors/* BydigestError */.W ? to[e.code] : undefined) ?? to['*']);
    if (input === undefined)
        return e;
    const err = e;
    return new InputError(input, err instanceof Error ? err.message : String(e), err?.hint ?? hint);
}
/** Runs `fn` (sync or async) for an input: what it throws becomes that input's error (see asInputError). */
function withInput(to, fn, hint) {
    let out;
    try {
        out = fn();
    }
    catch (e) {
        throw asInputError(e, to, hint);
    }
    if (out instanceof Promise)
        return out.catch((e) => Promise.reject(asInputError(e, to, hint)));
    return out;
}
/** The raw input, trimmed; empty when unset (the runner passes action.yml defaults itself). */
function rawInput(name) {
    return core/* getInput */.V4(name);
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
    return withInput(name, () => parse(raw), opts.hint);
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
    core/* setSecret */.Pq(value);
    for (const line of value.split(/\r?\n/)) {
        const l = line.trim();
        // PEM armour lines are public text; masking them would only garble unrelated logs.
        if (l.length >= 4 && !l.startsWith('-----'))
            core/* setSecret */.Pq(l);
    }
}
/**
 * One or more public keys: PEM text (several blocks concatenated) or PEM file paths, one per
 * line. Every block must parse (a key skipped in silence would trust fewer keys than given)
 * and no key may be given twice. Callers accept a signature that verifies with any of them,
 * as containers/image's keyPaths does.
 */
async function publicKeysInput(name) {
    const raw = rawInput(name);
    const sources = [];
    if (raw.includes('-----BEGIN'))
        sources.push({ pem: raw, where: '' });
    else {
        for (const path of raw
            .split(/\r?\n/)
            .map((l) => l.trim())
            .filter(Boolean)) {
            try {
                sources.push({ pem: await readFile(path, 'utf8'), where: ` in ${path}` });
            }
            catch (e) {
                throw new InputError(name, `is neither PEM text nor a readable file (${e.code ?? 'unreadable'}: ${truncate(path)})`, 'pass the contents of cosign.pub or its path, one path per line');
            }
        }
    }
    const keys = [];
    for (const { pem, where } of sources) {
        try {
            keys.push(...loadPublicKeys(pem));
        }
        catch (e) {
            throw new InputError(name, `${e.message}${where}`, e.hint);
        }
    }
    const ids = keys.map(publicKeyId);
    const twice = ids.findIndex((id, i) => ids.indexOf(id) !== i);
    if (twice >= 0) {
        throw new InputError(name, `gives the same key twice (keys ${ids.indexOf(ids[twice]) + 1} and ${twice + 1}, sha256:${ids[twice].slice(0, 16)})`, 'list each public key once: the current key and the next one, for a rotation');
    }
    return keys;
}

;// CONCATENATED MODULE: ./packages/action-kit/src/run.ts



/**
 * Runs an action's body: any error becomes one `setFailed` line (with the hint on the next
 * line) and exit code 1. Unexpected errors keep their stack in the debug log only.
 */
async function runAction(body, opts = {}) {
    try {
        await body();
    }
    catch (caught) {
        const e = asInputError(caught, opts.inputFor ?? {});
        core/* setFailed */.C1(shortenLongWords(failureMessage(e)));
        if (e instanceof Error && !(e instanceof InputError) && !(e instanceof errors/* BydigestError */.W)) {
            core/* debug */.Yz(e.stack ?? String(e));
        }
        process.exitCode = 1;
    }
}
/**
 * The `with:` inputs behind a library error that no single input owns: core's hints speak of
 * the domain ("give registry credentials"), this says where a workflow gives them.
 */
const WHICH_INPUTS = {
    UNAUTHORIZED: 'username and password (or github-token for ghcr.io), or a login step before this one that writes an auth file',
};
function failureMessage(e) {
    if (e instanceof InputError)
        return e.hint ? `${e.message}\nhint: ${e.hint}` : e.message;
    if (e instanceof errors/* BydigestError */.W) {
        const where = [e.operation, e.reference, e.status === undefined ? undefined : `HTTP ${e.status}`].filter(Boolean);
        const head = where.length > 0 && !e.message.includes(where[0]) ? `${e.message} (${where.join(', ')})` : e.message;
        const inputs = WHICH_INPUTS[e.code];
        return [head, e.hint ? `hint: ${e.hint}` : '', inputs ? `inputs: ${inputs}` : ''].filter(Boolean).join('\n');
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

// EXTERNAL MODULE: ./packages/core/src/cosign/keys/public-key.ts
var public_key = __webpack_require__(1444);
// EXTERNAL MODULE: ./packages/core/src/cosign/keys/base64.ts
var base64 = __webpack_require__(3552);
;// CONCATENATED MODULE: ./packages/core/src/cosign/keys/signature.ts


/**
 * SHA-256 over the exact payload bytes, ECDSA (ASN.1 DER) or RSA PKCS#1 v1.5 by key type, standard base64: what cosign
 * writes.
 */
function signPayload(key, payload) {
    const options = key.privateKey.asymmetricKeyType === 'rsa'
        ? { key: key.privateKey, padding: external_node_crypto_.constants.RSA_PKCS1_PADDING }
        : { key: key.privateKey, dsaEncoding: 'der' };
    return (0,external_node_crypto_.sign)('sha256', payload, options).toString('base64');
}
function verifierFor(publicKey) {
    switch (publicKey.asymmetricKeyType) {
        case 'ec':
            return {
                verify: (data, sig) => (0,external_node_crypto_.verify)('sha256', data, { key: publicKey, dsaEncoding: 'der' }, sig),
                failure: 'invalid signature when validating ASN.1 encoded signature',
            };
        case 'rsa':
            return {
                verify: (data, sig) => (0,external_node_crypto_.verify)('sha256', data, { key: publicKey, padding: external_node_crypto_.constants.RSA_PKCS1_PADDING }, sig),
                failure: 'crypto/rsa: verification error',
            };
        case 'ed25519':
            return { verify: (data, sig) => (0,external_node_crypto_.verify)(null, data, publicKey, sig), failure: 'failed to verify signature' };
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
        return {
            valid: false,
            reason: `creating verifier: unsupported public key type ${publicKey.asymmetricKeyType ?? publicKey.type}`,
        };
    }
    const decoded = (0,base64/* decodeStdBase64 */.t)(signatureBase64);
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
    return ok
        ? { valid: true }
        : { valid: false, reason: `cryptographic signature verification failed: ${verifier.failure}` };
}
function verifyPayload(publicKey, payload, signatureBase64) {
    return checkPayloadSignature(publicKey, payload, signatureBase64).valid;
}

// EXTERNAL MODULE: ./packages/core/src/signer/pending-key.ts + 10 modules
var pending_key = __webpack_require__(9523);
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
        return { signature: signPayload(key, payload), material: keyMaterial(key) };
    }
}
function keyMaterial(key) {
    return { kind: 'public-key', publicKey: key.publicKey, publicKeyPem: key.publicKeyPem, keyId: key.keyId };
}

;// CONCATENATED MODULE: ./packages/action-kit/src/signing-key.ts


const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** The password variables' names, checked: a bad one is this input's fault, not the key's. */
function checkPasswordEnvNames(keys) {
    for (const { passwordEnv: name } of keys) {
        if (name.length > 256)
            throw new InputError('password-env', `is ${name.length} characters long: not a variable name`, 'e.g. COSIGN_PASSWORD');
        if (!ENV_NAME.test(name))
            throw new InputError('password-env', `${JSON.stringify(truncate(name))} is not an environment variable name`, 'e.g. COSIGN_PASSWORD');
    }
}
/** Which key of several an error is about; nothing when there is one key (as before keys were lists). */
function whichKey(keys, i) {
    return keys.length > 1 ? `key ${i + 1} of ${keys.length} (${truncate(keys[i].spec)}): ` : '';
}
/** A key error names the input to fix, by its code: password-env for a wrong password, else key. */
const KEY_INPUTS = { KEY_PASSWORD: 'password-env', '*': 'key' };
function keyInputError(e, keys, i) {
    if (e instanceof InputError)
        return e;
    const err = e;
    // The input comes from the code (asInputError); the message says which key of several.
    const { input } = asInputError(e, KEY_INPUTS);
    return new InputError(input, `${whichKey(keys, i)}${err.message}`, err.hint);
}
function maskKeyInputs({ keys }) {
    for (const { spec, passwordEnv } of keys) {
        if (spec.startsWith('env://'))
            maskEnvSecret(spec.slice('env://'.length));
        if (ENV_NAME.test(passwordEnv))
            maskEnvSecret(passwordEnv);
    }
}
/**
 * Masks the key and password variables before anything can print them and waits until every
 * key line is read and parsed (not for scrypt): call it before the first registry write, so a
 * malformed key input fails the step with nothing written.
 */
async function keyInputChecked(signingKeys) {
    maskKeyInputs(signingKeys);
    if (signingKeys.problem)
        throw new InputError(signingKeys.problem.input, signingKeys.problem.message, signingKeys.problem.hint);
    checkPasswordEnvNames(signingKeys.keys);
    const { keys } = signingKeys;
    for (const [i, k] of keys.entries()) {
        try {
            await k.pending.parsed();
        }
        catch (e) {
            throw keyInputError(e, keys, i);
        }
    }
}
/**
 * A signer per key (each writes its own `.sig` layer), their errors naming the `with:` input to
 * fix. Each is ready only once every key is decoded and no two are the same key: writers wait
 * for every signer before their first write, so one bad key leaves nothing written.
 */
function keyInputSigners({ keys }) {
    const decoded = keys.map((k, i) => k.pending.key().catch((e) => Promise.reject(keyInputError(e, keys, i))));
    for (const d of decoded)
        d.catch(() => undefined);
    let allReady;
    const ready = () => (allReady ??= Promise.all(decoded).then((decodedKeys) => {
        const ids = decodedKeys.map((k) => (0,public_key/* publicKeyId */.QQ)(k.publicKey));
        const twice = ids.findIndex((id, i) => ids.indexOf(id) !== i);
        if (twice >= 0) {
            const first = ids.indexOf(ids[twice]);
            throw new InputError('key', `lines ${first + 1} and ${twice + 1} (${truncate(keys[first].spec)}, ${truncate(keys[twice].spec)}) are the same key (public key sha256:${ids[twice].slice(0, 16)})`, 'give each signing key once: the current key and the next one are different key pairs');
        }
    }));
    return keys.map((k, i) => {
        const signer = new KeySigner(k.pending);
        const named = (p) => p.catch((e) => Promise.reject(keyInputError(e, keys, i)));
        return {
            ready: () => ready(),
            sign: (payload) => named(signer.sign(payload)),
            publicKeyPem: () => decoded[i].then((key) => key.publicKeyPem),
        };
    });
}

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

;// CONCATENATED MODULE: ./packages/core/src/oci/media-types.ts
const MediaType = {
    OciManifest: 'application/vnd.oci.image.manifest.v1+json',
    OciIndex: 'application/vnd.oci.image.index.v1+json',
    DockerManifest: 'application/vnd.docker.distribution.manifest.v2+json',
    DockerManifestList: 'application/vnd.docker.distribution.manifest.list.v2+json',
    OciEmpty: 'application/vnd.oci.empty.v1+json',
    OciConfig: 'application/vnd.oci.image.config.v1+json',
};
/**
 * Sent on every manifest GET/HEAD: without it distribution 2.8 may answer a tag with a
 * rewritten schema1 manifest (another digest) or 404.
 */
const MANIFEST_ACCEPT = [
    MediaType.OciManifest,
    MediaType.OciIndex,
    MediaType.DockerManifest,
    MediaType.DockerManifestList,
].join(', ');
function media_types_isIndexMediaType(mediaType) {
    return mediaType === MediaType.OciIndex || mediaType === MediaType.DockerManifestList;
}
function isManifestMediaType(mediaType) {
    return mediaType === MediaType.OciManifest || mediaType === MediaType.DockerManifest || media_types_isIndexMediaType(mediaType);
}
/** The empty JSON blob OCI 1.1 artifacts use as config; it must still be uploaded. */
const EMPTY_CONFIG = {
    mediaType: MediaType.OciEmpty,
    digest: 'sha256:44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a',
    size: 2,
    bytes: Buffer.from('{}'),
};

;// CONCATENATED MODULE: ./packages/core/src/oci/manifest.ts


/** Manifests above this are refused: no registry accepts them and they would only cost memory. */
const MAX_MANIFEST_BYTES = 4 * 1024 * 1024;
function parseManifestJson(m, where) {
    let doc;
    try {
        doc = JSON.parse(m.bytes.toString('utf8'));
    }
    catch {
        throw new errors/* BydigestError */.W('REGISTRY', `${where}: manifest ${m.digest} is not valid JSON`);
    }
    if (!doc || typeof doc !== 'object')
        throw new errors/* BydigestError */.W('REGISTRY', `${where}: manifest ${m.digest} is not a JSON object`);
    return doc;
}
/**
 * The media type of manifest bytes: the `mediaType` field when present (OCI and Docker
 * both set it), else guessed from the shape as distribution does.
 */
function detectManifestMediaType(bytes) {
    try {
        const doc = JSON.parse(bytes.toString('utf8'));
        if (typeof doc.mediaType === 'string')
            return doc.mediaType;
        if (doc.schemaVersion !== 2)
            return undefined;
        if (Array.isArray(doc.manifests))
            return MediaType.OciIndex;
        if (doc.config)
            return MediaType.OciManifest;
    }
    catch {
        return undefined;
    }
    return undefined;
}
/** Children of an index, or config + layers of an image manifest. */
function referencedBlobs(doc, mediaType) {
    if (isIndexMediaType(mediaType))
        return { manifests: [...(doc.manifests ?? [])], blobs: [] };
    const m = doc;
    const blobs = [m.config, ...(m.layers ?? [])].filter((d) => !!d && typeof d.digest === 'string');
    return { manifests: [], blobs };
}
function assertManifestMediaType(mediaType, where) {
    if (!isManifestMediaType(mediaType)) {
        throw new errors/* BydigestError */.W('REGISTRY', `${where}: unsupported manifest media type ${JSON.stringify(mediaType)}`, {
            hint: 'only OCI and Docker v2 schema 2 manifests and indexes are supported',
        });
    }
}

;// CONCATENATED MODULE: ./packages/core/src/oci/remote/http/retry.ts
/** Statuses a registry (or the CDN in front of it) answers when trying again can help. */
const RETRYABLE_STATUS = new Set([408, 429, 500, 502, 503, 504]);
const RETRYABLE_CODES = new Set([
    'ECONNRESET',
    'ECONNREFUSED',
    'EPIPE',
    'ETIMEDOUT',
    'EAI_AGAIN',
    'UND_ERR_SOCKET',
    'UND_ERR_CLOSED',
    'UND_ERR_CONNECT_TIMEOUT',
    'UND_ERR_HEADERS_TIMEOUT',
    'UND_ERR_BODY_TIMEOUT',
    'UND_ERR_RES_CONTENT_LENGTH_MISMATCH',
    'UND_ERR_REQ_CONTENT_LENGTH_MISMATCH',
    'ERR_STREAM_PREMATURE_CLOSE',
]);
function errorCode(e) {
    let cur = e;
    for (let i = 0; i < 4 && cur && typeof cur === 'object'; i++) {
        const code = cur.code;
        if (typeof code === 'string')
            return code;
        cur = cur.cause;
    }
    return undefined;
}
function isRetryableError(e) {
    const code = errorCode(e);
    if (code !== undefined && RETRYABLE_CODES.has(code))
        return true;
    // A body cut short surfaces as a plain "terminated"/"aborted" error from undici.
    const msg = e instanceof Error ? e.message : '';
    return /terminated|other side closed|socket hang up|aborted/i.test(msg);
}
/** Retry-After in seconds or as an HTTP date; capped so a hostile value cannot stall a job. */
function retryAfterMs(header, capMs) {
    if (!header)
        return undefined;
    const trimmed = header.trim();
    if (/^\d+$/.test(trimmed))
        return Math.min(Number(trimmed) * 1000, capMs);
    const at = Date.parse(trimmed);
    if (Number.isNaN(at))
        return undefined;
    return Math.min(Math.max(0, at - Date.now()), capMs);
}
/** Exponential backoff with full jitter in [d/2, d]. */
function backoffMs(attempt, baseMs, maxMs) {
    const d = Math.min(maxMs, baseMs * 2 ** attempt);
    return Math.round(d / 2 + Math.random() * (d / 2));
}
function sleep(ms) {
    return new Promise((r) => setTimeout(r, ms));
}
const done = (value) => ({ done: value });
const retryAfter = (error, waitMs) => ({ retry: error, waitMs });
/**
 * The one retry loop: runs `attempt` until it is done, throws, or has failed `retries + 1`
 * times (then the last failure is thrown). Waits are jittered exponential backoff unless the
 * attempt names its own (Retry-After). An error an attempt throws is final.
 */
async function withRetry(policy, attempt) {
    for (let n = 0;; n++) {
        const result = await attempt(n);
        if ('done' in result)
            return result.done;
        if (n >= policy.retries)
            throw result.retry;
        await sleep(result.waitMs ?? backoffMs(n, policy.baseMs, policy.maxMs));
    }
}
/** An attempt that retries the failures `retryable` accepts and throws the others. */
function retryingOn(retryable, fn) {
    return async (n) => {
        try {
            return done(await fn(n));
        }
        catch (e) {
            if (retryable(e))
                return retryAfter(e);
            throw e;
        }
    };
}
/**
 * distribution rewrites a repository's link file on every upload of a blob, so a manifest PUT
 * that checks the link mid-rewrite (another job uploading the same small blob) is told the
 * blob is unknown although it is there. Told by the registry's error codes, not its wording.
 */
function isBlobLinkRace(e) {
    const err = e;
    return (err?.status === 400 &&
        (err.registryCodes ?? []).some((c) => c === 'MANIFEST_BLOB_UNKNOWN' || c === 'DIGEST_INVALID'));
}

;// CONCATENATED MODULE: ./packages/core/src/oci/remote/settle.ts


/**
 * Read-modify-write on a registry tag without compare-and-swap (distribution ignores
 * If-Match). After our write we keep re-reading until the tag has been quiet for longer
 * than a read-modify-write takes (4x ours, at least minQuietMs): a writer that read before
 * our write has then either written (and we see whether our entry survived) or cannot
 * write any more from its stale read. When another writer shows up, the window grows to
 * contendedQuietMs and restarts at each change. Cost without contention: the quiet window
 * and two or three GETs; none when the entry was already there and nothing was written.
 */
async function appendUntilSettled(op, opts = {}) {
    const minQuiet = opts.minQuietMs ?? 150;
    const maxQuiet = opts.maxQuietMs ?? 3000;
    const contendedQuiet = opts.contendedQuietMs ?? 1000;
    const maxRounds = opts.maxRounds ?? 12;
    const deadline = Date.now() + (opts.timeoutMs ?? 60_000);
    const maxStale = opts.maxStaleMs ?? minQuiet;
    let writes = 0;
    let failedWrites = 0;
    let attempted = false;
    let announced = false;
    let contended = false;
    // Not withRetry: a round is a read-modify-write and then a quiet watch whose length depends on
    // what was read, and a failed write is not retried as such (the next round's read tells
    // whether it landed). The backoffs between rounds are this loop's own.
    for (let round = 1; round <= maxRounds; round++) {
        const started = Date.now();
        let state = await op.read();
        const readAt = Date.now();
        if (!op.satisfied(state)) {
            state = await op.merge(state);
            // Slow preparation (a blob upload that was retried) makes the read stale: read again; the
            // prepared blobs are in place now, so the next merge is quick.
            if (Date.now() - readAt > Math.max(maxStale, 2 * (readAt - started)) && round < maxRounds)
                continue;
            attempted = true;
            try {
                await op.write(state);
            }
            catch (e) {
                // The write may or may not have landed (a reset after the body): the next read tells.
                if (!isTransient(e) || round >= maxRounds || Date.now() > deadline)
                    throw e;
                await sleep(backoffMs(failedWrites++, 250, 4000));
                continue;
            }
            writes++;
        }
        const rmwMs = Date.now() - started;
        if (op.contended?.())
            contended = true;
        if (!announced) {
            announced = true;
            opts.onInPlace?.();
        }
        // Nothing written (not even a write that failed but may have landed), nothing of ours at
        // stake: the entry was there before this read, so a writer that read after it appeared
        // keeps it, and one that read earlier is the concern of whoever wrote it (their window).
        if (!attempted && !contended)
            return { rounds: round, writes, contended };
        let quietMs = Math.min(maxQuiet, Math.max(minQuiet, 4 * rmwMs));
        if (contended)
            quietMs = Math.max(quietMs, contendedQuiet);
        let last = op.fingerprint(state);
        let quietSince = Date.now();
        let lost = false;
        while (Date.now() - quietSince < quietMs) {
            if (Date.now() > deadline)
                break;
            await sleep(Math.max(10, Math.min(quietMs / 3, quietMs - (Date.now() - quietSince))));
            const seen = await op.read();
            const fp = op.fingerprint(seen);
            if (fp !== last) {
                // Someone else wrote: keep watching until they are done.
                contended = true;
                quietMs = Math.max(quietMs, contendedQuiet);
                last = fp;
                quietSince = Date.now();
            }
            if (!op.satisfied(seen)) {
                lost = true;
                break;
            }
        }
        if (!lost)
            return { rounds: round, writes, contended };
        if (Date.now() > deadline)
            break;
        // Back off a little, with jitter, so racing writers do not keep colliding in lockstep.
        await sleep(20 + Math.random() * 80 * round);
    }
    throw new errors/* BydigestError */.W('CONFLICT', `${op.what}: other writers kept overwriting it; our entry is not there after ${maxRounds} attempts`, {
        hint: 'another job may be writing to the same tag in a loop; re-run this step',
    });
}
/**
 * A failure worth reading the state again for: the connection broke, a 408/429/5xx answer,
 * or distribution's blob-link race (it rewrites a repository's link file on every upload of
 * a blob, so a manifest PUT that reads it mid-rewrite, while another job uploads the same
 * payload, is told the blob is unknown although it is there).
 */
function isTransient(e) {
    if (!(e instanceof errors/* BydigestError */.W))
        return false;
    if (isBlobLinkRace(e))
        return true;
    return e.code === 'NETWORK' || (e.status !== undefined && RETRYABLE_STATUS.has(e.status));
}

;// CONCATENATED MODULE: ./packages/core/src/oci/remote/referrers.ts






/** The tag the OCI 1.1 fallback keeps a subject's referrers index under. */
function referrersFallbackTag(subjectDigest) {
    return `sha256-${digestHex(subjectDigest)}`;
}
/** ghcr.io and Docker Hub have no referrers API: go to the tag directly, saving a request. */
function defaultReferrersMode(registry) {
    return registry === 'ghcr.io' || registry === 'docker.io' ? 'tag' : 'auto';
}
/**
 * The referrers of a digest, optionally filtered by artifact type: through the referrers
 * API where the registry has one, else the `sha256-<hex>` fallback index.
 */
async function listReferrers(client, repo, subjectDigest, opts = {}) {
    const mode = opts.mode ?? 'auto';
    const filter = (ds) => opts.artifactType ? ds.filter((d) => d.artifactType === opts.artifactType) : ds;
    if (mode !== 'tag') {
        const api = await referrersThroughApi(client, repo, subjectDigest, opts.artifactType);
        if (api)
            return { via: 'api', descriptors: filter(api) };
        if (mode === 'api') {
            throw new errors/* BydigestError */.W('REGISTRY', `${formatReference(repo)} has no referrers API`, {
                hint: 'use referrers: tag (or auto)',
            });
        }
    }
    const index = await readFallbackIndex(client, repo, subjectDigest);
    const listing = {
        via: 'tag',
        descriptors: filter(index ? indexEntries(index, formatReference(repo)) : []),
    };
    if (index)
        listing.index = index;
    return listing;
}
// A subject with more referrers than this many pages hold is not one bydigest's pipeline made.
const MAX_REFERRER_PAGES = 100;
/** Every page of the referrers API's answer, or undefined when the registry has no such API. */
async function referrersThroughApi(client, repo, subjectDigest, artifactType) {
    const where = `${formatReference(repo)}@${subjectDigest}`;
    const first = await client.referrersApi(repo, subjectDigest, artifactType);
    if (!first)
        return undefined;
    const descriptors = indexEntries(first, formatReference(repo));
    const asked = new Set();
    for (let page = 2, next = first.next; next !== undefined; page++) {
        if (asked.has(next) || page > MAX_REFERRER_PAGES)
            throw new errors/* BydigestError */.W('REGISTRY', `the referrers of ${where} do not end: page ${page} ${asked.has(next) ? `asks again for ${next}` : `exceeds the bound of ${MAX_REFERRER_PAGES} pages`}`, {
                operation: 'GET referrers',
                reference: where,
                hint: 'the registry paginates its referrers API wrongly; report it to the registry operator',
            });
        asked.add(next);
        const more = await client.referrersApi(repo, subjectDigest, artifactType, next);
        if (!more)
            throw new errors/* BydigestError */.W('REGISTRY', `page ${page} of the referrers of ${where} (${next}) is not a referrers index`, {
                operation: 'GET referrers',
                reference: where,
            });
        descriptors.push(...indexEntries(more, formatReference(repo)));
        next = more.next;
    }
    return descriptors;
}
/**
 * Reads the fallback index, refusing a tag that is not an index or that resolves to the
 * subject itself (GitLab answers `sha256-<hex>` with the subject manifest).
 */
async function readFallbackIndex(client, repo, subjectDigest) {
    const tag = referrersFallbackTag(subjectDigest);
    const m = await client.getManifestIfExists(withTag(repo, tag));
    if (!m)
        return undefined;
    const where = formatReference(withTag(repo, tag));
    if (m.digest === subjectDigest) {
        throw new errors/* BydigestError */.W('REGISTRY', `${where} resolves to the subject ${subjectDigest} itself, not to a referrers index`, {
            hint: 'this registry maps sha256-<hex> tags onto digests; use referrers: api if it has a referrers API',
        });
    }
    if (!media_types_isIndexMediaType(m.mediaType)) {
        throw new errors/* BydigestError */.W('REGISTRY', `${where} holds a ${m.mediaType}, not a referrers index; refusing to overwrite it`);
    }
    return m;
}
function indexEntries(m, where) {
    const doc = parseManifestJson(m, where);
    return Array.isArray(doc.manifests) ? doc.manifests : [];
}
const sameDescriptor = (a, b) => a.digest === b.digest;
/** A referrers descriptor carries the artifact type and every annotation of the referrer. */
function referrerDescriptor(manifest) {
    const doc = parseManifestJson(manifest, manifest.digest);
    const d = { mediaType: manifest.mediaType, digest: manifest.digest, size: manifest.bytes.length };
    const artifactType = doc.artifactType ?? doc.config?.mediaType;
    if (artifactType)
        d.artifactType = artifactType;
    if (doc.annotations && Object.keys(doc.annotations).length > 0)
        d.annotations = doc.annotations;
    return d;
}
function fallbackIndexBytes(entries) {
    return Buffer.from(JSON.stringify({ schemaVersion: 2, mediaType: MediaType.OciIndex, manifests: entries }));
}
/** The entries of the fallback index of `subjectDigest` (none when it does not exist). */
async function readFallbackEntries(client, repo, subjectDigest) {
    const index = await readFallbackIndex(client, repo, subjectDigest);
    return index ? indexEntries(index, formatReference(withTag(repo, referrersFallbackTag(subjectDigest)))) : [];
}
/**
 * Adds `descriptor` to the fallback index of `subjectDigest`: read (404 = empty), append,
 * write, re-read, confirm our entry and every entry we saw at first are there, retry.
 */
async function appendToFallbackIndex(client, repo, subjectDigest, descriptor, settle = {}, 
/** The entries read earlier (e.g. while the key was derived): a change since means another writer. */
early) {
    const tag = withTag(repo, referrersFallbackTag(subjectDigest));
    let first;
    const read = async () => {
        const entries = await readFallbackEntries(client, repo, subjectDigest);
        first ??= entries;
        return entries;
    };
    const fingerprint = (entries) => sha256Digest(fallbackIndexBytes(entries));
    const must = () => [...(first ?? []), descriptor];
    return appendUntilSettled({
        what: `referrers index ${formatReference(tag)}`,
        read,
        satisfied: (entries) => must().every((d) => entries.some((e) => sameDescriptor(e, d))),
        merge: (entries) => {
            const out = [...entries];
            for (const d of must())
                if (!out.some((e) => sameDescriptor(e, d)))
                    out.push(d);
            return out;
        },
        write: async (entries) => {
            await client.putManifest(tag, { bytes: fallbackIndexBytes(entries), mediaType: MediaType.OciIndex }, { retry: false });
        },
        fingerprint,
        contended: () => early !== undefined && first !== undefined && fingerprint(early) !== fingerprint(first),
    }, settle);
}
/** The subject descriptor a referrer manifest points at. */
async function subjectDescriptor(client, repo, digest) {
    const head = await client.headManifest(withDigest(repo, digest));
    if (!head) {
        throw new errors/* BydigestError */.W('NOT_FOUND', `${formatReference(withDigest(repo, digest))} does not exist`, {
            hint: 'the image must be pushed before anything can refer to it',
        });
    }
    return { mediaType: head.mediaType, digest, size: head.size };
}
/**
 * Pushes a referrer manifest by digest and makes sure listing the subject's referrers finds
 * it: a registry with the API says so with `OCI-Subject`; otherwise (or with mode `tag`)
 * the fallback index is appended to, keeping every entry other writers put there.
 */
async function attachReferrer(client, repo, manifest, mode, opts = {}) {
    const doc = parseManifestJson(manifest, manifest.digest);
    const subject = doc.subject?.digest;
    if (!subject)
        throw new errors/* BydigestError */.W('INVALID_ARGUMENT', `referrer ${manifest.digest} has no subject`);
    const put = opts.pushed ?? (await client.putManifest(withDigest(repo, manifest.digest), manifest));
    if (mode !== 'tag' && put.subject === subject)
        return { via: 'api' };
    if (mode === 'api') {
        // quay.io has the API but omits OCI-Subject: ask the API itself before giving up.
        const listed = await listReferrers(client, repo, subject, { mode: 'api' });
        if (listed.descriptors.some((d) => d.digest === manifest.digest))
            return { via: 'api' };
        throw new errors/* BydigestError */.W('REGISTRY', `${formatReference(repo)} did not index referrer ${manifest.digest}`, {
            hint: 'use referrers: tag or auto',
        });
    }
    await appendToFallbackIndex(client, repo, subject, referrerDescriptor(manifest), opts.settle, opts.early);
    return { via: 'tag' };
}

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(1421);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
;// CONCATENATED MODULE: ./packages/core/src/oci/remote/auth/credentials.ts





/**
 * The lookup order containers tools use, after explicit inputs: $REGISTRY_AUTH_FILE, containers auth.json
 * (XDG_RUNTIME_DIR, then ~/.config), ~/.docker/config.json (credHelpers, credsStore, auths),
 * then the GitHub token for ghcr.io. Files are read lazily, once per resolver.
 */
function credentialResolver(opts = {}) {
    const env = opts.env ?? process.env;
    const home = opts.home ?? env.HOME ?? (0,external_node_os_.homedir)();
    const files = [];
    if (env.REGISTRY_AUTH_FILE)
        files.push(env.REGISTRY_AUTH_FILE);
    if (env.XDG_RUNTIME_DIR)
        files.push((0,external_node_path_.join)(env.XDG_RUNTIME_DIR, 'containers', 'auth.json'));
    files.push((0,external_node_path_.join)(env.XDG_CONFIG_HOME ?? (0,external_node_path_.join)(home, '.config'), 'containers', 'auth.json'));
    files.push((0,external_node_path_.join)(env.DOCKER_CONFIG ?? (0,external_node_path_.join)(home, '.docker'), 'config.json'));
    const cache = new Map();
    return (registry) => {
        let hit = cache.get(registry);
        if (!hit) {
            hit = resolve(registry);
            cache.set(registry, hit);
        }
        return hit;
    };
    async function resolve(registry) {
        if (opts.username || opts.password) {
            if (!opts.username || !opts.password) {
                throw new errors/* BydigestError */.W('INVALID_ARGUMENT', 'username and password must be given together');
            }
            return { kind: 'basic', username: opts.username, password: opts.password };
        }
        for (const file of files) {
            const parsed = await readAuthFile(file);
            if (!parsed)
                continue;
            const found = await fromAuthFile(parsed, registry, file, env);
            if (found)
                return found;
        }
        if (registry === 'ghcr.io' && opts.githubToken) {
            return { kind: 'basic', username: opts.githubActor || 'github-actions', password: opts.githubToken };
        }
        return undefined;
    }
}
async function readAuthFile(path) {
    let text;
    try {
        text = await (0,promises_.readFile)(path, 'utf8');
    }
    catch {
        return undefined;
    }
    try {
        return JSON.parse(text);
    }
    catch {
        throw new errors/* BydigestError */.W('INVALID_ARGUMENT', `auth file ${path} is not valid JSON`, {
            hint: 'fix or remove the file',
        });
    }
}
/** Docker Hub is keyed by its legacy URL in docker's config. */
function authKeys(registry) {
    if (registry === 'docker.io')
        return ['docker.io', 'index.docker.io', 'https://index.docker.io/v1/', 'registry-1.docker.io'];
    return [registry, `https://${registry}`, `http://${registry}`, `https://${registry}/v1/`, `https://${registry}/v2/`];
}
async function fromAuthFile(file, registry, path, env) {
    const keys = authKeys(registry);
    for (const key of keys) {
        const helper = file.credHelpers?.[key];
        if (helper)
            return runCredentialHelper(helper, key, env);
    }
    for (const key of keys) {
        const entry = file.auths?.[key];
        if (!entry)
            continue;
        if (entry.identitytoken) {
            return { kind: 'refresh', username: entry.username ?? '<token>', refreshToken: entry.identitytoken };
        }
        if (entry.auth) {
            const decoded = Buffer.from(entry.auth, 'base64').toString('utf8');
            const colon = decoded.indexOf(':');
            if (colon <= 0)
                throw new errors/* BydigestError */.W('INVALID_ARGUMENT', `auth file ${path}: entry for ${key} is not base64 user:password`);
            return { kind: 'basic', username: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
        }
        if (entry.username && entry.password)
            return { kind: 'basic', username: entry.username, password: entry.password };
    }
    if (file.credsStore)
        return runCredentialHelper(file.credsStore, keys[0], env, true);
    return undefined;
}
/**
 * docker-credential-<name> get: server URL on stdin, JSON on stdout. The secret never
 * appears in argv. "credentials not found" means "no credentials", not an error.
 */
function runCredentialHelper(name, server, env, optional = false) {
    return new Promise((resolve, reject) => {
        const child = (0,external_node_child_process_.spawn)(`docker-credential-${name}`, ['get'], { stdio: ['pipe', 'pipe', 'pipe'], env });
        let out = '';
        let err = '';
        const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
        child.stdout.on('data', (d) => (out += d.toString()));
        child.stderr.on('data', (d) => (err += d.toString()));
        child.on('error', (e) => {
            clearTimeout(timer);
            if (optional)
                resolve(undefined);
            else
                reject(new errors/* BydigestError */.W('UNAUTHORIZED', `credential helper docker-credential-${name} could not be run: ${e.message}`));
        });
        child.on('close', (code) => {
            clearTimeout(timer);
            if (code !== 0) {
                if (/credentials not found/i.test(out + err) || optional)
                    return resolve(undefined);
                return reject(new errors/* BydigestError */.W('UNAUTHORIZED', `credential helper docker-credential-${name} failed for ${server} (exit ${code})`));
            }
            try {
                const parsed = JSON.parse(out);
                if (!parsed.Secret)
                    return resolve(undefined);
                if (parsed.Username === '<token>')
                    return resolve({ kind: 'refresh', username: '<token>', refreshToken: parsed.Secret });
                resolve({ kind: 'basic', username: parsed.Username ?? '', password: parsed.Secret });
            }
            catch {
                reject(new errors/* BydigestError */.W('UNAUTHORIZED', `credential helper docker-credential-${name} printed no JSON`));
            }
        });
        child.stdin.end(server);
    });
}

;// CONCATENATED MODULE: ./packages/core/src/oci/remote/repo-scopes.ts

const pull = (r) => [{ repository: r.repository, actions: ['pull'] }];
const push = (r) => [{ repository: r.repository, actions: ['pull', 'push'] }];
/**
 * registry/repository of a RepoRef, also when it is a full reference (a digest or tag would read twice in messages).
 */
function repoName(repo) {
    return formatReference({ registry: repo.registry, repository: repo.repository });
}

;// CONCATENATED MODULE: ./packages/core/src/oci/remote/blob-upload.ts



/** Failures another upload session cannot fix. */
const FINAL = new Set(['DIGEST_MISMATCH', 'UNAUTHORIZED', 'INVALID_ARGUMENT']);
class BlobUploads {
    deps;
    /** Blobs seen present (HEAD 200, upload, mount): no need to ask again. */
    known = new Set();
    inFlight = new Map();
    constructor(deps) {
        this.deps = deps;
    }
    /**
     * Uploads a blob unless the repository has it (one HEAD). Callers in parallel (an index's
     * platforms, both signature formats) share one upload of the same blob: concurrent uploads
     * of one digest race inside distribution.
     */
    async upload(repo, blob, opts = {}) {
        const key = `${repo.registry}/${repo.repository}@${blob.digest}`;
        if (this.known.has(key))
            return 'exists';
        let pending = this.inFlight.get(key);
        if (!pending) {
            pending = this.uploadOnce(repo, blob, opts).finally(() => this.inFlight.delete(key));
            this.inFlight.set(key, pending);
        }
        const outcome = await pending;
        this.known.add(key);
        return outcome;
    }
    /**
     * A failed PUT on an upload session is not retried blindly: the blob may have landed, so
     * HEAD again, then start a new session. No wait between sessions: the transport already
     * backed off inside each request.
     */
    async uploadOnce(repo, blob, opts) {
        if (!opts.skipExistenceCheck && (await this.deps.headBlob(repo, blob.digest)) !== undefined)
            return 'exists';
        return withRetry({ retries: this.deps.retries, baseMs: 0, maxMs: 0 }, async (attempt) => {
            if (attempt > 0 && (await this.deps.headBlob(repo, blob.digest)) !== undefined)
                return done('uploaded');
            const mounting = opts.mountFrom && attempt === 0 ? await this.tryMount(repo, blob.digest, opts.mountFrom) : undefined;
            if (mounting?.mounted)
                return done('mounted');
            let location;
            if (mounting && !mounting.mounted) {
                location = mounting.location;
            }
            else {
                const started = await this.start(repo, blob.digest);
                if (started.mounted)
                    return done('mounted');
                location = started.location;
            }
            try {
                await this.finish(repo, location, blob);
                return done('uploaded');
            }
            catch (e) {
                if (e instanceof errors/* BydigestError */.W && FINAL.has(e.code))
                    throw e;
                return retryAfter(e);
            }
        });
    }
    /**
     * A refused mount is not an error: registries answer 202 with an upload session, or, with
     * token auth, 401 when the token may not pull from the other repository. Either way we
     * upload the blob ourselves. Undefined means "no session yet, start a plain one".
     */
    async tryMount(repo, digest, from) {
        try {
            return await this.start(repo, digest, from);
        }
        catch (e) {
            if (e instanceof errors/* BydigestError */.W && e.code === 'UNAUTHORIZED' && e.status !== undefined)
                return undefined;
            throw e;
        }
    }
    async start(repo, digest, mountFrom) {
        const where = repoName(repo);
        const scopes = push(repo);
        let path = `/v2/${repo.repository}/blobs/uploads/`;
        if (mountFrom) {
            scopes.push({ repository: mountFrom.repository, actions: ['pull'] });
            path += `?mount=${encodeURIComponent(digest)}&from=${encodeURIComponent(mountFrom.repository)}`;
        }
        const res = await this.deps.transport(repo.registry).request({
            method: 'POST',
            path,
            headers: { 'content-length': '0' },
            scopes,
            operation: mountFrom ? 'mount blob' : 'start blob upload',
            reference: `${where}@${digest}`,
            accept: (s) => s === 201 || s === 202,
        });
        await res.body.dump();
        if (res.status === 201 && mountFrom)
            return { mounted: true };
        const location = res.headers.location;
        if (!location)
            throw new errors/* BydigestError */.W('REGISTRY', `start blob upload ${where}: no Location header`, {
                reference: where,
                status: res.status,
            });
        return { mounted: false, location: new URL(location, res.url).toString() };
    }
    async finish(repo, location, blob) {
        const where = `${repoName(repo)}@${blob.digest}`;
        const url = new URL(location);
        url.searchParams.set('digest', blob.digest);
        const res = await this.deps.transport(repo.registry).request({
            method: 'PUT',
            path: url.toString(),
            headers: { 'content-type': 'application/octet-stream', 'content-length': String(blob.size) },
            body: blob.open,
            scopes: push(repo),
            operation: 'PUT blob',
            reference: where,
            accept: (s) => s === 201,
            retry: false,
        });
        await res.body.dump();
        const stored = res.headers['docker-content-digest'];
        if (stored && stored !== blob.digest)
            throw new errors/* BydigestError */.W('DIGEST_MISMATCH', `PUT blob ${where}: registry stored ${stored}`, { reference: where });
    }
}

// EXTERNAL MODULE: ./node_modules/.pnpm/undici@6.29.1/node_modules/undici/index.js
var undici = __webpack_require__(9309);
;// CONCATENATED MODULE: ./packages/core/src/oci/remote/auth/challenge.ts
/** Parses `WWW-Authenticate: Bearer realm="…",service="…",scope="…"` (quoted or token values). */
function parseChallenge(header) {
    if (!header)
        return undefined;
    const m = /^\s*(\w+)\s*(.*)$/s.exec(header);
    if (!m)
        return undefined;
    const scheme = m[1].toLowerCase();
    if (scheme !== 'basic' && scheme !== 'bearer')
        return undefined;
    const params = {};
    const re = /([\w-]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^\s,]*))\s*,?/g;
    let p;
    while ((p = re.exec(m[2])) !== null) {
        params[p[1].toLowerCase()] = p[2] !== undefined ? p[2].replace(/\\(.)/g, '$1') : (p[3] ?? '');
    }
    return { scheme, params };
}

;// CONCATENATED MODULE: ./packages/core/src/oci/remote/http/tokens.ts
function scopeString(s) {
    return `repository:${s.repository}:${[...s.actions].sort().join(',')}`;
}
/**
 * Bearer tokens keyed by the exact scope set, so a push token is reused for every blob
 * of a repository and a concurrent burst of requests fetches it once.
 */
class TokenCache {
    fetch;
    entries = new Map();
    constructor(fetch) {
        this.fetch = fetch;
    }
    clear() {
        this.entries.clear();
    }
    async get(scopes, challengeScope) {
        const wanted = new Set(scopes.map(scopeString));
        // The registry may ask for a scope we did not predict (e.g. a mount source).
        for (const s of (challengeScope ?? '').split(' '))
            if (s)
                wanted.add(s);
        const list = [...wanted].sort();
        const key = list.join(' ');
        const now = Date.now();
        let entry = this.entries.get(key);
        if (!entry || entry.expiresAt <= now) {
            const token = this.fetch(list);
            entry = { token, expiresAt: Number.POSITIVE_INFINITY };
            this.entries.set(key, entry);
            const e = entry;
            token.then((t) => {
                // Renew ten seconds early: a token that expires mid-upload costs a 401 round trip.
                e.expiresAt = now + Math.max(5, (t?.expiresInSec ?? 60) - 10) * 1000;
            }, () => this.entries.delete(key));
        }
        return (await entry.token)?.token;
    }
}

;// CONCATENATED MODULE: ./packages/core/src/oci/remote/http/transport.ts






const ok2xx = (s) => s >= 200 && s < 300;
const REDIRECTS = new Set([301, 302, 303, 307, 308]);
/**
 * One registry host: scheme detection, the Basic/Bearer dance with a scope-keyed token
 * cache, retries with jittered backoff (Retry-After honoured), and redirects that never
 * carry Authorization to another host.
 */
class RegistryTransport {
    opts;
    host;
    scheme;
    challenge;
    credentials;
    tokens;
    mayUsePlainHttp;
    dispatcher;
    retries;
    backoff;
    constructor(host, opts = {}) {
        this.opts = opts;
        this.host = host;
        this.retries = opts.retries ?? 3;
        this.backoff = { baseMs: 250, maxMs: 8000, retryAfterCapMs: 30_000, ...opts.backoff };
        const timeout = opts.timeoutMs ?? 60_000;
        const connect = {};
        if (opts.ca)
            connect.ca = opts.ca;
        if (opts.insecure && !isLoopbackHost(host))
            connect.rejectUnauthorized = false;
        this.dispatcher = new undici/* Agent */.g6({
            headersTimeout: timeout,
            bodyTimeout: timeout,
            connectTimeout: Math.min(timeout, 30_000),
            keepAliveTimeout: 10_000,
            connections: 16,
            connect,
        });
        this.tokens = new TokenCache((scopes) => this.fetchToken(scopes));
        this.mayUsePlainHttp = isLoopbackHost(host) || opts.insecure === true;
        if (!this.mayUsePlainHttp)
            this.scheme = 'https';
    }
    async close() {
        await this.dispatcher.close();
    }
    get policy() {
        return { retries: this.retries, baseMs: this.backoff.baseMs, maxMs: this.backoff.maxMs };
    }
    async request(req) {
        const accept = req.accept ?? ok2xx;
        // Kept across attempts: a registry gets one fresh challenge per request, not one per attempt.
        const auth = { retried: false, extraScope: undefined };
        const retrying = req.retry !== false;
        return withRetry(this.policy, async (attempt) => {
            // A TLS fallback and an auth challenge repeat the attempt without counting as one.
            for (;;) {
                const url = await this.urlFor(req.path);
                let res;
                try {
                    res = await this.send(req, url, auth.extraScope);
                }
                catch (e) {
                    this.emit(req, url, undefined, attempt, e);
                    if (url.startsWith('https:') && this.scheme !== 'https' && this.mayUsePlainHttp && isTlsMismatch(e)) {
                        // A loopback (or insecure) registry that does not speak TLS: use plain HTTP from now on.
                        this.scheme = 'http';
                        continue;
                    }
                    const err = networkError(req, url, e);
                    if (retrying && isRetryableError(e))
                        return retryAfter(err);
                    throw err;
                }
                this.scheme ??= url.startsWith('https:') ? 'https' : 'http';
                const headers = flattenHeaders(res.headers);
                this.emit(req, url, res.statusCode, attempt);
                if (res.statusCode === 401 && !auth.retried) {
                    const challenge = parseChallenge(headers['www-authenticate']);
                    // Without a challenge the 401 is final and its body is the error's: statusError reads it
                    // (a body dumped here first could never be read, and an empty one left the request hanging).
                    if (challenge) {
                        await res.body.dump();
                        // A 401 despite a token means it expired or lacks a scope: fetch afresh.
                        if (this.challenge)
                            this.tokens.clear();
                        this.challenge = challenge;
                        auth.extraScope = challenge.params.scope;
                        auth.retried = true;
                        continue;
                    }
                }
                if (REDIRECTS.has(res.statusCode) && headers.location && (req.method === 'GET' || req.method === 'HEAD')) {
                    await res.body.dump();
                    return done(await this.followRedirect(req, new URL(headers.location, url).toString(), accept, 0));
                }
                return this.outcome(req, url, res, headers, accept, retrying);
            }
        });
    }
    /** A response's verdict: accepted, worth another attempt (408/429/5xx), or a final error. */
    async outcome(req, url, res, headers, accept, retrying) {
        if (accept(res.statusCode))
            return done({ status: res.statusCode, headers, body: res.body, url });
        const err = await statusError(req, res.statusCode, headers, res.body);
        if (retrying && RETRYABLE_STATUS.has(res.statusCode))
            return retryAfter(err, retryAfterMs(headers['retry-after'], this.backoff.retryAfterCapMs));
        throw err;
    }
    async followRedirect(req, url, accept, depth) {
        if (depth >= 5)
            throw new errors/* BydigestError */.W('REGISTRY', `${req.operation} ${req.reference}: too many redirects`, {
                operation: req.operation,
                reference: req.reference,
            });
        const sameHost = new URL(url).host === this.host;
        return withRetry(this.policy, async (attempt) => {
            let res;
            try {
                const headers = { ...req.headers };
                if (sameHost)
                    Object.assign(headers, await this.authHeaders(req.scopes));
                res = await (0,undici/* request */.Em)(url, { method: req.method, headers, dispatcher: this.dispatcher });
            }
            catch (e) {
                this.emit(req, url, undefined, attempt, e);
                if (isRetryableError(e))
                    return retryAfter(networkError(req, url, e));
                throw networkError(req, url, e);
            }
            const headers = flattenHeaders(res.headers);
            this.emit(req, url, res.statusCode, attempt);
            if (REDIRECTS.has(res.statusCode) && headers.location) {
                await res.body.dump();
                return done(await this.followRedirect(req, new URL(headers.location, url).toString(), accept, depth + 1));
            }
            return this.outcome(req, url, res, headers, accept, true);
        });
    }
    async send(req, url, extraScope) {
        const headers = { 'user-agent': this.opts.userAgent ?? 'bydigest', ...req.headers };
        Object.assign(headers, await this.authHeaders(req.scopes, extraScope));
        return (0,undici/* request */.Em)(url, {
            method: req.method,
            headers,
            body: req.body ? toBody(req.body()) : null,
            dispatcher: this.dispatcher,
            // undici closes the connection after every HEAD unless told otherwise (for servers that send
            // a body with it; registries do not): a new TCP connection per HEAD, a third of an audit's time.
            ...(req.method === 'HEAD' ? { reset: false } : {}),
        });
    }
    async authHeaders(scopes, extraScope) {
        const challenge = this.challenge;
        if (!challenge)
            return {};
        if (challenge.scheme === 'basic') {
            const creds = await this.getCredentials();
            if (!creds || creds.kind !== 'basic') {
                throw new errors/* BydigestError */.W('UNAUTHORIZED', `${this.host} requires a username and password and none were found`, {
                    status: 401,
                    hint: 'give registry credentials, or log in first (podman/skopeo/docker login) so an auth file has them',
                });
            }
            return { authorization: `Basic ${Buffer.from(`${creds.username}:${creds.password}`).toString('base64')}` };
        }
        const token = await this.tokens.get(scopes, extraScope);
        return token ? { authorization: `Bearer ${token}` } : {};
    }
    getCredentials() {
        this.credentials ??= this.opts.credentials ? this.opts.credentials(this.host) : Promise.resolve(undefined);
        return this.credentials;
    }
    async fetchToken(scopeStrings) {
        const params = this.challenge?.params ?? {};
        const realm = params.realm;
        if (!realm)
            throw new errors/* BydigestError */.W('UNAUTHORIZED', `${this.host} sent a Bearer challenge without a realm`, { status: 401 });
        const creds = await this.getCredentials();
        const operation = 'fetch token';
        const reference = realm;
        return withRetry(this.policy, async (attempt) => {
            let res;
            try {
                if (creds?.kind === 'refresh') {
                    const form = new URLSearchParams({
                        grant_type: 'refresh_token',
                        refresh_token: creds.refreshToken,
                        client_id: 'bydigest',
                    });
                    if (params.service)
                        form.set('service', params.service);
                    if (scopeStrings.length > 0)
                        form.set('scope', scopeStrings.join(' '));
                    res = await (0,undici/* request */.Em)(realm, {
                        method: 'POST',
                        headers: { 'content-type': 'application/x-www-form-urlencoded' },
                        body: form.toString(),
                        dispatcher: this.dispatcher,
                    });
                }
                else {
                    const u = new URL(realm);
                    if (params.service)
                        u.searchParams.set('service', params.service);
                    for (const s of scopeStrings)
                        u.searchParams.append('scope', s);
                    const headers = {};
                    if (creds?.kind === 'basic')
                        headers.authorization = `Basic ${Buffer.from(`${creds.username}:${creds.password}`).toString('base64')}`;
                    res = await (0,undici/* request */.Em)(u, { method: 'GET', headers, dispatcher: this.dispatcher });
                }
            }
            catch (e) {
                this.opts.onRequest?.({
                    method: 'GET',
                    operation,
                    url: realm,
                    status: undefined,
                    attempt,
                    error: String(errorCode(e) ?? e),
                });
                const err = new errors/* BydigestError */.W('NETWORK', `${operation} from ${realm} failed: ${describeError(e)}`, {
                    operation,
                    reference,
                    cause: e,
                });
                if (isRetryableError(e))
                    return retryAfter(err);
                throw err;
            }
            this.opts.onRequest?.({ method: 'GET', operation, url: realm, status: res.statusCode, attempt });
            if (res.statusCode === 200) {
                const body = (await res.body.json());
                const token = body.token ?? body.access_token;
                if (!token)
                    throw new errors/* BydigestError */.W('UNAUTHORIZED', `token endpoint ${realm} answered without a token`, {
                        operation,
                        reference,
                    });
                return done({
                    token,
                    expiresInSec: typeof body.expires_in === 'number' && body.expires_in > 0 ? body.expires_in : 60,
                });
            }
            await res.body.dump();
            const err = new errors/* BydigestError */.W('UNAUTHORIZED', `${this.host}: the token endpoint refused ${creds ? `the credentials for ${creds.username}` : 'anonymous access'} (HTTP ${res.statusCode})`, {
                operation,
                reference,
                status: res.statusCode,
                hint: creds ? 'check the username/password or the token scope' : 'give registry credentials, or log in first',
            });
            if (RETRYABLE_STATUS.has(res.statusCode))
                return retryAfter(err);
            throw err;
        });
    }
    async urlFor(path) {
        if (/^https?:\/\//.test(path))
            return path;
        return `${this.scheme ?? 'https'}://${this.host}${path}`;
    }
    emit(req, url, status, attempt, error) {
        if (!this.opts.onRequest)
            return;
        const e = { method: req.method, operation: req.operation, url, status, attempt };
        if (error !== undefined)
            e.error = errorCode(error) ?? String(error);
        this.opts.onRequest(e);
    }
}
/** undici takes async iterables at run time; its v6 types do not say so. */
function toBody(body) {
    return body;
}
function isTlsMismatch(e) {
    const code = errorCode(e) ?? '';
    const msg = e instanceof Error ? `${e.message} ${String(e.cause?.message ?? '')}` : '';
    // A plain-HTTP server answers a ClientHello with a 400 (OpenSSL: "wrong version number")
    // or just closes the connection during the handshake.
    return (code === 'EPROTO' ||
        code.startsWith('ERR_SSL') ||
        /wrong version number|packet length too long|ssl|before secure TLS connection/i.test(msg));
}
function flattenHeaders(h) {
    const out = {};
    for (const [k, v] of Object.entries(h)) {
        if (v === undefined)
            continue;
        out[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : v;
    }
    return out;
}
function describeError(e) {
    const code = errorCode(e);
    const msg = e instanceof Error ? e.message : String(e);
    return code && !msg.includes(code) ? `${msg} (${code})` : msg;
}
function networkError(req, url, e) {
    const host = (() => {
        try {
            return new URL(url).host;
        }
        catch {
            return url;
        }
    })();
    return new errors/* BydigestError */.W('NETWORK', `${req.operation} ${req.reference}: cannot reach ${host}: ${describeError(e)}`, {
        operation: req.operation,
        reference: req.reference,
        cause: e,
        hint: 'check the registry address and that it is up; loopback registries may use plain HTTP, others need TLS unless `insecure: true`',
    });
}
async function statusError(req, status, headers, body) {
    let detail = '';
    const registryCodes = [];
    try {
        const text = req.method === 'HEAD' ? '' : (await body.text()).slice(0, 4096);
        if (text) {
            try {
                const parsed = JSON.parse(text);
                const errors = Array.isArray(parsed.errors) ? parsed.errors : [];
                for (const x of errors)
                    if (typeof x?.code === 'string')
                        registryCodes.push(x.code);
                detail = errors
                    .map((x) => [x?.code, x?.message].filter((v) => typeof v === 'string' && v !== '').join(': '))
                    .join('; ');
            }
            catch {
                detail = text.split('\n')[0]?.slice(0, 200) ?? '';
            }
        }
    }
    catch {
        // The body is only decoration for the message.
    }
    const code = status === 404 ? 'NOT_FOUND' : status === 401 || status === 403 ? 'UNAUTHORIZED' : 'REGISTRY';
    const hint = status === 401 || status === 403
        ? 'check that the credentials (given, or from an auth file) may push and pull this repository'
        : undefined;
    void headers;
    return new errors/* BydigestError */.W(code, `${req.operation} ${req.reference}: HTTP ${status}${detail ? ` (${detail})` : ''}`, {
        operation: req.operation,
        reference: req.reference,
        status,
        ...(hint ? { hint } : {}),
        ...(registryCodes.length > 0 ? { registryCodes } : {}),
    });
}

;// CONCATENATED MODULE: ./packages/core/src/oci/remote/registry.ts










/**
 * The registry operations bydigest needs, for any number of registry hosts. Manifests are
 * handled as bytes; every digest is computed over bytes received.
 */
class RegistryClient {
    opts;
    transports = new Map();
    credentials;
    uploads;
    constructor(opts = {}) {
        this.opts = opts;
        const c = opts.credentials;
        this.credentials = typeof c === 'function' ? c : credentialResolver(c ?? {});
        this.uploads = new BlobUploads({
            transport: (registry) => this.transport(registry),
            headBlob: (repo, digest) => this.headBlob(repo, digest),
            retries: opts.retries ?? 3,
        });
    }
    transport(registry) {
        const host = apiHost(registry);
        let t = this.transports.get(host);
        if (!t) {
            t = new RegistryTransport(host, {
                credentials: (h) => this.credentials(h === 'registry-1.docker.io' ? 'docker.io' : h),
                ...(this.opts.retries !== undefined ? { retries: this.opts.retries } : {}),
                ...(this.opts.insecure !== undefined ? { insecure: this.opts.insecure } : {}),
                ...(this.opts.ca !== undefined ? { ca: this.opts.ca } : {}),
                ...(this.opts.timeoutMs !== undefined ? { timeoutMs: this.opts.timeoutMs } : {}),
                ...(this.opts.backoff !== undefined ? { backoff: this.opts.backoff } : {}),
                ...(this.opts.onRequest !== undefined ? { onRequest: this.opts.onRequest } : {}),
            });
            this.transports.set(host, t);
        }
        return t;
    }
    /** The transport retries until headers arrive; a body cut short afterwards is retried here. */
    retryingBody(read) {
        return withRetry({ retries: this.opts.retries ?? 3, baseMs: 250, maxMs: 4000 }, retryingOn(isBodyFailure, read));
    }
    async close() {
        await Promise.all([...this.transports.values()].map((t) => t.close()));
        this.transports.clear();
    }
    /** Digest, media type and size of a tag or digest; undefined when the registry has none. */
    async headManifest(ref) {
        const where = formatReference(ref);
        const res = await this.transport(ref.registry).request({
            method: 'HEAD',
            path: `/v2/${ref.repository}/manifests/${manifestRef(ref)}`,
            headers: { accept: MANIFEST_ACCEPT },
            scopes: pull(ref),
            operation: 'HEAD manifest',
            reference: where,
            accept: (s) => s === 200 || s === 404,
        });
        await res.body.dump();
        if (res.status === 404)
            return undefined;
        const digest = res.headers['docker-content-digest'];
        // Some registries omit the header on HEAD: hash the body instead.
        if (!digest || !/^sha256:[a-f0-9]{64}$/.test(digest)) {
            const m = await this.getManifest(ref);
            return { digest: m.digest, mediaType: m.mediaType, size: m.bytes.length };
        }
        if (ref.digest && digest !== ref.digest) {
            throw new errors/* BydigestError */.W('DIGEST_MISMATCH', `HEAD manifest ${where}: registry answered digest ${digest}`, {
                reference: where,
            });
        }
        return { digest, mediaType: res.headers['content-type'] ?? '', size: Number(res.headers['content-length'] ?? 0) };
    }
    async getManifest(ref) {
        const m = await this.getManifestIfExists(ref);
        if (!m) {
            throw new errors/* BydigestError */.W('NOT_FOUND', `GET manifest ${formatReference(ref)}: not found (HTTP 404)`, {
                operation: 'GET manifest',
                reference: formatReference(ref),
                status: 404,
            });
        }
        return m;
    }
    async getManifestIfExists(ref) {
        return this.retryingBody(() => this.getManifestOnce(ref));
    }
    async getManifestOnce(ref) {
        const where = formatReference(ref);
        const res = await this.transport(ref.registry).request({
            method: 'GET',
            path: `/v2/${ref.repository}/manifests/${manifestRef(ref)}`,
            headers: { accept: MANIFEST_ACCEPT },
            scopes: pull(ref),
            operation: 'GET manifest',
            reference: where,
            accept: (s) => s === 200 || s === 404,
        });
        if (res.status === 404) {
            await res.body.dump();
            return undefined;
        }
        const bytes = await readLimited(res, MAX_MANIFEST_BYTES, where);
        const digest = sha256Digest(bytes);
        if (ref.digest && digest !== ref.digest) {
            throw new errors/* BydigestError */.W('DIGEST_MISMATCH', `GET manifest ${where}: the bytes received hash to ${digest}`, {
                reference: where,
            });
        }
        const header = (res.headers['content-type'] ?? '').split(';')[0]?.trim() ?? '';
        const mediaType = detectManifestMediaType(bytes) ?? header;
        assertManifestMediaType(mediaType, `GET manifest ${where}`);
        return { bytes, mediaType, digest };
    }
    /**
     * PUTs the exact bytes with their exact Content-Type under a tag or digest, and checks the
     * registry stored what we sent. Returns the `OCI-Subject` header when the registry sent one
     * (its sign of a referrers API).
     */
    async putManifest(ref, manifest, opts = {}) {
        const where = formatReference(ref);
        const digest = sha256Digest(manifest.bytes);
        if (ref.digest && ref.digest !== digest) {
            throw new errors/* BydigestError */.W('DIGEST_MISMATCH', `PUT manifest ${where}: the bytes hash to ${digest}`, {
                reference: where,
            });
        }
        const send = () => this.transport(ref.registry).request({
            method: 'PUT',
            path: `/v2/${ref.repository}/manifests/${manifestRef(ref)}`,
            headers: { 'content-type': manifest.mediaType },
            body: () => manifest.bytes,
            scopes: push(ref),
            operation: 'PUT manifest',
            reference: where,
            // A read-modify-write caller re-reads instead: a delayed retry would replay a stale state.
            ...(opts.retry === false ? { retry: false } : {}),
        });
        // Asking again after distribution's blob-link race is safe except for a read-modify-write
        // caller (retry: false), which reads again instead.
        const res = await withRetry({ retries: opts.retry === false ? 0 : (this.opts.retries ?? 3), baseMs: 100, maxMs: 1000 }, retryingOn(isBlobLinkRace, send));
        await res.body.dump();
        const stored = res.headers['docker-content-digest'];
        if (stored && stored !== digest) {
            throw new errors/* BydigestError */.W('DIGEST_MISMATCH', `PUT manifest ${where}: registry stored ${stored}, expected ${digest}`, { reference: where });
        }
        const subject = res.headers['oci-subject'];
        return subject ? { digest, subject } : { digest };
    }
    async deleteManifest(ref) {
        const res = await this.transport(ref.registry).request({
            method: 'DELETE',
            path: `/v2/${ref.repository}/manifests/${ref.digest}`,
            scopes: push(ref),
            operation: 'DELETE manifest',
            reference: formatReference(ref),
            accept: (s) => s === 202 || s === 404,
        });
        await res.body.dump();
    }
    /** Size of a blob, or undefined when the repository does not have it. */
    async headBlob(repo, digest) {
        const res = await this.transport(repo.registry).request({
            method: 'HEAD',
            path: `/v2/${repo.repository}/blobs/${digest}`,
            scopes: pull(repo),
            operation: 'HEAD blob',
            reference: `${repoName(repo)}@${digest}`,
            accept: (s) => s === 200 || s === 404,
        });
        await res.body.dump();
        return res.status === 200 ? Number(res.headers['content-length'] ?? 0) : undefined;
    }
    async openBlob(repo, digest) {
        const res = await this.transport(repo.registry).request({
            method: 'GET',
            path: `/v2/${repo.repository}/blobs/${digest}`,
            scopes: pull(repo),
            operation: 'GET blob',
            reference: `${repoName(repo)}@${digest}`,
        });
        return res.body;
    }
    /** A small blob (config, payload) read whole and checked against its digest. */
    async getBlob(repo, digest, maxBytes = 16 * 1024 * 1024) {
        return this.retryingBody(() => this.getBlobOnce(repo, digest, maxBytes));
    }
    async getBlobOnce(repo, digest, maxBytes) {
        const where = `${repoName(repo)}@${digest}`;
        const res = await this.transport(repo.registry).request({
            method: 'GET',
            path: `/v2/${repo.repository}/blobs/${digest}`,
            scopes: pull(repo),
            operation: 'GET blob',
            reference: where,
        });
        const bytes = await readLimited(res, maxBytes, where);
        if (sha256Digest(bytes) !== digest)
            throw new errors/* BydigestError */.W('DIGEST_MISMATCH', `GET blob ${where}: content does not match its digest`, {
                reference: where,
            });
        return bytes;
    }
    /** Uploads a blob unless the repository has it (see BlobUploads). */
    uploadBlob(repo, blob, opts = {}) {
        return this.uploads.upload(repo, blob, opts);
    }
    /**
     * Every tag of a repository, 1,000 a page, following the `Link` header (distribution, GHCR).
     * A registry whose pages never end (a `last` that loops) stops at a repeated page or at
     * `maxPages` with a REGISTRY error; a page that is not a tag list is a REGISTRY error. A
     * repository the registry does not know is [] unless `missing: 'error'` (then NOT_FOUND).
     */
    async listTags(repo, opts = {}) {
        const tags = [];
        const where = repoName(repo);
        const maxPages = opts.maxPages ?? 10_000;
        const seen = new Set();
        let path = `/v2/${repo.repository}/tags/list?n=1000`;
        for (let page = 1; path; page++) {
            if (seen.has(path) || page > maxPages) {
                throw new errors/* BydigestError */.W('REGISTRY', `the tag list of ${where} does not end: page ${page} ${seen.has(path) ? `asks again for ${path}` : `exceeds the bound of ${maxPages} pages`} (a \`last\` that loops); stopped after ${tags.length} tags`, {
                    operation: 'list tags',
                    reference: where,
                    hint: 'the registry paginates its tags/list wrongly; report it to the registry operator',
                });
            }
            seen.add(path);
            const { status, body, next } = await this.retryingBody(() => this.tagPage(repo, path));
            if (status === 404) {
                if (opts.missing === 'error') {
                    throw new errors/* BydigestError */.W('NOT_FOUND', `${where}: the registry has no such repository (tags/list answered HTTP 404)`, {
                        operation: 'list tags',
                        reference: where,
                        status: 404,
                        hint: 'check the repository name and that the credentials can read it',
                    });
                }
                return tags;
            }
            tags.push(...tagListEntries(body, where, page));
            path = next;
        }
        return tags;
    }
    async tagPage(repo, path) {
        const where = repoName(repo);
        const res = await this.transport(repo.registry).request({
            method: 'GET',
            path,
            scopes: pull(repo),
            operation: 'list tags',
            reference: where,
            accept: (s) => s === 200 || s === 404,
        });
        if (res.status === 404) {
            await res.body.dump();
            return { status: 404 };
        }
        const body = await readLimited(res, MAX_TAG_PAGE_BYTES, `${where} tags/list`);
        const next = nextPage(res);
        return next ? { status: 200, body, next } : { status: 200, body };
    }
    /**
     * The referrers API answer for a digest: the index bytes, or undefined when the registry
     * has no such API (distribution 2.8 answers 404 for the route). `next` is the path of the
     * following page when the registry paginates (a `Link` header, as the distribution spec allows);
     * `page` asks for such a path instead of the first.
     */
    async referrersApi(repo, digest, artifactType, page) {
        const where = `${repoName(repo)}@${digest}`;
        let path = page ?? `/v2/${repo.repository}/referrers/${digest}`;
        if (artifactType && !page)
            path += `?artifactType=${encodeURIComponent(artifactType)}`;
        const res = await this.transport(repo.registry).request({
            method: 'GET',
            path,
            headers: { accept: 'application/vnd.oci.image.index.v1+json' },
            scopes: pull(repo),
            operation: 'GET referrers',
            reference: where,
            accept: (s) => s === 200 || s === 404 || s === 400 || s === 405,
        });
        if (res.status !== 200 ||
            !(res.headers['content-type'] ?? '').includes('application/vnd.oci.image.index.v1+json')) {
            await res.body.dump();
            return undefined;
        }
        const bytes = await readLimited(res, MAX_MANIFEST_BYTES, where);
        const next = nextPage(res);
        const index = { bytes, mediaType: 'application/vnd.oci.image.index.v1+json', digest: sha256Digest(bytes) };
        return next ? { ...index, next } : index;
    }
}
/** The path of the next page a `Link: <…>; rel="next"` header names, on the same registry. */
function nextPage(res) {
    const link = /<([^>]+)>;\s*rel="?next"?/.exec(res.headers.link ?? '');
    if (!link)
        return undefined;
    const url = new URL(link[1], res.url);
    return url.pathname + url.search;
}
/** A body cut short (a NETWORK error after the headers, or undici's own). */
function isBodyFailure(e) {
    return (e instanceof errors/* BydigestError */.W && e.code === 'NETWORK') || (!(e instanceof errors/* BydigestError */.W) && isRetryableError(e));
}
// 1,000 tags of at most 128 characters, quoted, with room to spare.
const MAX_TAG_PAGE_BYTES = 1024 * 1024;
/** The `tags` of one tags/list page; anything else is the registry's fault, named. */
function tagListEntries(body, where, page) {
    let doc;
    try {
        doc = JSON.parse((body ?? Buffer.alloc(0)).toString('utf8'));
    }
    catch (e) {
        throw new errors/* BydigestError */.W('REGISTRY', `tag list page ${page} of ${where} is not JSON: ${e.message}`, {
            operation: 'list tags',
            reference: where,
        });
    }
    const tags = doc?.tags;
    if (tags === undefined || tags === null)
        return [];
    if (!Array.isArray(tags) || !tags.every((t) => typeof t === 'string')) {
        throw new errors/* BydigestError */.W('REGISTRY', `tag list page ${page} of ${where} is malformed: "tags" is not a list of strings`, { operation: 'list tags', reference: where });
    }
    return tags;
}
function manifestRef(ref) {
    if (ref.digest)
        return ref.digest;
    if (ref.tag)
        return ref.tag;
    throw new errors/* BydigestError */.W('INVALID_REFERENCE', `${formatReference(ref)} has neither tag nor digest`);
}
async function readLimited(res, max, where) {
    const declared = Number(res.headers['content-length'] ?? NaN);
    if (declared > max) {
        await res.body.dump();
        throw new errors/* BydigestError */.W('REGISTRY', `${where}: response of ${declared} bytes exceeds the ${max}-byte limit`);
    }
    const chunks = [];
    let total = 0;
    try {
        for await (const chunk of res.body) {
            total += chunk.length;
            if (total > max) {
                res.body.destroy();
                throw new errors/* BydigestError */.W('REGISTRY', `${where}: response exceeds the ${max}-byte limit`);
            }
            chunks.push(chunk);
        }
    }
    catch (e) {
        if (e instanceof errors/* BydigestError */.W)
            throw e;
        // undici's own error names neither the request nor the reference; NETWORK is retried (isBodyFailure).
        throw new errors/* BydigestError */.W('NETWORK', `${where}: the body broke off after ${total} bytes: ${describeError(e)}`, {
            reference: where,
            cause: e,
        });
    }
    const bytes = Buffer.concat(chunks);
    if (!Number.isNaN(declared) && declared !== bytes.length) {
        throw new errors/* BydigestError */.W('NETWORK', `${where}: body truncated (${bytes.length} of ${declared} bytes)`);
    }
    return bytes;
}

;// CONCATENATED MODULE: ./packages/action-kit/src/registry-options.ts



/** Reads and checks the shared registry inputs; secrets are masked before anything can log them. */
function readRegistryInputs() {
    const username = rawInput('username');
    const password = rawInput('password');
    const githubToken = rawInput('github-token');
    if (password)
        core/* setSecret */.Pq(password);
    if (githubToken)
        core/* setSecret */.Pq(githubToken);
    // Checked here, not when a registry first asks for credentials: an anonymous registry never
    // asks, and the mistake would pass unnoticed until the registry requires a login.
    if (username && !password)
        throw new InputError('username', 'is given without password', 'set both, or neither to use an auth file');
    if (password && !username)
        throw new InputError('password', 'is given without username', 'set both, or neither to use an auth file');
    return {
        ...(username ? { username } : {}),
        ...(password ? { password } : {}),
        ...(githubToken ? { githubToken } : {}),
        retries: integerInput('retries', 3, { min: 0, max: 10 }),
        insecure: booleanInput('insecure', false),
    };
}
/** A registry client for the shared inputs. */
function registryClient(inputs, extra = {}) {
    // Not an input: a knob for fault tests and slow registries, read from the environment.
    const timeoutMs = Number(process.env.BYDIGEST_HTTP_TIMEOUT_MS ?? '') || extra.timeoutMs;
    const { username, password, githubToken } = inputs;
    return new RegistryClient({
        ...(timeoutMs ? { timeoutMs } : {}),
        credentials: {
            ...(username ? { username } : {}),
            ...(password ? { password } : {}),
            ...(githubToken ? { githubToken } : {}),
            ...(process.env.GITHUB_ACTOR ? { githubActor: process.env.GITHUB_ACTOR } : {}),
        },
        retries: inputs.retries,
        insecure: inputs.insecure,
        ...(extra.onRequest ? { onRequest: extra.onRequest } : {}),
    });
}
/** Both steps at once, for actions whose inputs are the registry inputs alone. */
function registryClientFromInputs(extra = {}) {
    return registryClient(readRegistryInputs(), extra);
}

;// CONCATENATED MODULE: ./actions/attach-sbom/src/inputs.ts


/** Every input, checked before the first request (the key's password waits for scrypt). */
async function readInputs(signingKeys) {
    const image = parseInput('image-ref', parseDigestReference, { required: true });
    const sbom = requiredInput('sbom', 'the path of the SBOM file written by generate-sbom, syft or your SBOM tool');
    const mode = choiceInput('referrers', ['auto', 'api', 'tag'], 'auto');
    const annotations = keyValueInput('annotations');
    const sign = booleanInput('sign', true);
    const artifactType = rawInput('artifact-type') || undefined;
    const registry = readRegistryInputs();
    if (sign && signingKeys)
        await keyInputChecked(signingKeys);
    return {
        image,
        sbom,
        ...(artifactType ? { artifactType } : {}),
        referrers: mode === 'auto' ? defaultReferrersMode(image.registry) : mode,
        annotations,
        sign: sign && signingKeys !== undefined,
        registry,
    };
}

;// CONCATENATED MODULE: ./packages/core/src/oci/remote/platforms.ts




/**
 * The manifests an index lists, in its order; none for an image manifest. containers/image
 * checks the policy on the index and again on the platform manifest it pulls, each against its
 * own `.sig`, so signing, verifying and copying signatures all walk this same list.
 */
function platformManifests(manifest, reference) {
    if (!media_types_isIndexMediaType(manifest.mediaType))
        return [];
    const index = parseManifestJson(manifest, reference);
    return (index.manifests ?? []).map((d) => ({
        digest: d.digest,
        platform: d.platform
            ? [d.platform.os, d.platform.architecture, d.platform.variant].filter(Boolean).join('/')
            : 'unknown platform',
    }));
}
/** GETs `image` by digest; a missing manifest is an error that says which digest to use. */
async function getSubjectManifest(client, image, hint) {
    const manifest = await client.getManifestIfExists(image);
    if (!manifest) {
        throw new errors/* BydigestError */.W('NOT_FOUND', `${formatReference(image)} does not exist in the registry`, {
            operation: 'GET manifest',
            reference: formatReference(image),
            status: 404,
            hint,
        });
    }
    return manifest;
}
/** The digest and, for an index, every manifest it lists: what a host may check a `.sig` for. */
function digestWithPlatforms(image, manifest) {
    return [image.digest, ...platformManifests(manifest, formatReference(image)).map((p) => p.digest)];
}

;// CONCATENATED MODULE: ./packages/core/src/util/map-limit.ts
/** Runs `fn` over `items` with at most `limit` in flight; rejects on the first failure. */
async function mapLimit(items, limit, fn) {
    const results = new Array(items.length);
    let next = 0;
    let failed = false;
    const worker = async () => {
        while (!failed && next < items.length) {
            const i = next++;
            try {
                results[i] = await fn(items[i], i);
            }
            catch (e) {
                failed = true;
                throw e;
            }
        }
    };
    await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
    return results;
}
/**
 * A gate for work that arrives over time rather than as a list: at most `limit` of the functions
 * handed to it run at once, the rest wait in arrival order.
 */
function limiter(limit) {
    let running = 0;
    const waiting = [];
    return async (fn) => {
        if (running >= limit)
            await new Promise((go) => waiting.push(go));
        else
            running++;
        try {
            return await fn();
        }
        finally {
            // The slot passes straight to the next in line, so `running` never undercounts.
            const next = waiting.shift();
            if (next)
                next();
            else
                running--;
        }
    };
}

// EXTERNAL MODULE: ./packages/core/src/cosign/constants.ts
var constants = __webpack_require__(4203);
;// CONCATENATED MODULE: ./packages/core/src/util/json/go-json.ts
/**
 * JSON text as Go's encoding/json.Marshal writes it, so payloads and .sig manifests are the bytes
 * cosign would write: struct fields in declaration order (the caller lists them), map keys sorted
 * bytewise, and Go's escaping (<, >, & and U+2028/9 escaped; \b \f \n \r \t short forms).
 */
/** A Go struct: fields in order; undefined values are left out (`omitempty`). Values are JSON text. */
function goStruct(fields) {
    const parts = [];
    for (const [name, json] of fields)
        if (json !== undefined)
            parts.push(`${goString(name)}:${json}`);
    return `{${parts.join(',')}}`;
}
/** A Go map or interface{} value: objects get their keys sorted, as Go sorts map keys. */
function goValue(value) {
    if (value === null)
        return 'null';
    if (typeof value === 'string')
        return goString(value);
    if (typeof value === 'boolean')
        return value ? 'true' : 'false';
    if (typeof value === 'number') {
        if (!Number.isFinite(value))
            throw new TypeError(`json: unsupported value: ${value}`);
        // JavaScript's shortest round-trip form matches Go's float64 encoding, exponent thresholds included.
        return Object.is(value, -0) ? '-0' : String(value);
    }
    if (Array.isArray(value))
        return `[${value.map(goValue).join(',')}]`;
    const obj = value;
    const keys = Object.keys(obj).sort(compareBytewise);
    return `{${keys.map((k) => `${goString(k)}:${goValue(obj[k])}`).join(',')}}`;
}
/** Go sorts map keys by their UTF-8 bytes; JavaScript's default sort compares UTF-16 units. */
function compareBytewise(a, b) {
    return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}
const SHORT_ESCAPES = {
    '"': '\\"',
    '\\': '\\\\',
    '\b': '\\b',
    '\f': '\\f',
    '\n': '\\n',
    '\r': '\\r',
    '\t': '\\t',
};
function goString(s) {
    let out = '"';
    for (let i = 0; i < s.length; i++) {
        const ch = s[i];
        const code = s.charCodeAt(i);
        const short = SHORT_ESCAPES[ch];
        if (short)
            out += short;
        else if (code < 0x20 || ch === '<' || ch === '>' || ch === '&' || code === 0x2028 || code === 0x2029)
            out += `\\u${code.toString(16).padStart(4, '0')}`;
        else if (code >= 0xd800 && code <= 0xdbff && i + 1 < s.length && isLowSurrogate(s.charCodeAt(i + 1))) {
            out += ch + s[i + 1];
            i++;
        }
        else if (code >= 0xd800 && code <= 0xdfff)
            out += '\\ufffd'; // a lone surrogate is invalid UTF-8 to Go
        else
            out += ch;
    }
    return `${out}"`;
}
function isLowSurrogate(code) {
    return code >= 0xdc00 && code <= 0xdfff;
}

;// CONCATENATED MODULE: ./packages/core/src/cosign/legacy/sig-manifest.ts





const SHA256 = /^sha256:[a-f0-9]{64}$/;
const CREATED = '0001-01-01T00:00:00Z';
/** The tag cosign and containers/image look up for an image's legacy signatures. */
function signatureTag(manifestDigest) {
    if (!SHA256.test(manifestDigest)) {
        throw new errors/* BydigestError */.W('INVALID_ARGUMENT', `a signature tag needs a manifest digest sha256:<64 lower-case hex>, got ${JSON.stringify(manifestDigest)}`);
    }
    return `sha256-${manifestDigest.slice('sha256:'.length)}.sig`;
}
/** A layer carrying `payload` and its base64 signature, plus optional cosign annotations (bundle, certificate…). */
function signatureLayer(payload, signatureBase64, extraAnnotations = {}) {
    return {
        mediaType: constants/* SIMPLE_SIGNING_MEDIA_TYPE */.$r,
        size: payload.length,
        digest: sha256Digest(payload),
        annotations: { ...extraAnnotations, [constants/* SIGNATURE_ANNOTATION */.ZB]: signatureBase64 },
    };
}
/**
 * The config blob cosign writes: empty image fields, one history entry and one diff_id per layer
 * (the layers are uncompressed, so a diff_id is the layer digest). Neither cosign nor containers/image reads it.
 */
function sigConfigBytes(layers) {
    if (layers.length === 0)
        throw new errors/* BydigestError */.W('INVALID_ARGUMENT', 'a signature manifest needs at least one layer');
    const history = layers.map(() => goStruct([['created', goString(CREATED)]]));
    const diffIds = layers.map((l) => goString(l.digest));
    return Buffer.from(goStruct([
        ['architecture', goString('')],
        ['created', goString(CREATED)],
        ['history', `[${history.join(',')}]`],
        ['os', goString('')],
        [
            'rootfs',
            goStruct([
                ['type', goString('layers')],
                ['diff_ids', `[${diffIds.join(',')}]`],
            ]),
        ],
        ['config', '{}'],
    ]));
}
/** A complete .sig manifest (and its config) for these layers, in order. */
function buildSigManifest(layers, extra = {}) {
    const configBytes = sigConfigBytes(layers);
    const config = {
        mediaType: constants/* OCI_CONFIG_MEDIA_TYPE */.rm,
        size: configBytes.length,
        digest: sha256Digest(configBytes),
    };
    const manifestBytes = Buffer.from(goStruct([
        ['schemaVersion', '2'],
        ['mediaType', goString(constants/* OCI_MANIFEST_MEDIA_TYPE */.k_)],
        ['config', encodeDescriptor(config)],
        ['layers', `[${layers.map(encodeDescriptor).join(',')}]`],
        ['annotations', nonEmptyMap(extra.annotations)],
        ['subject', extra.subject ? encodeDescriptor(extra.subject) : undefined],
    ]));
    return { manifestBytes, configBytes, config };
}
function encodeDescriptor(d) {
    return goStruct([
        ['mediaType', goString(d.mediaType)],
        ['size', String(d.size)],
        ['digest', goString(d.digest)],
        ['urls', d.urls && d.urls.length > 0 ? goValue(d.urls) : undefined],
        ['annotations', nonEmptyMap(d.annotations)],
        ['artifactType', d.artifactType ? goString(d.artifactType) : undefined],
    ]);
}
function nonEmptyMap(m) {
    return m && Object.keys(m).length > 0 ? goValue(m) : undefined;
}
/** Reads a .sig manifest as fetched from the registry, validating the parts a verifier relies on. */
function sig_manifest_parseSigManifest(bytes) {
    let doc;
    try {
        doc = JSON.parse(Buffer.from(bytes).toString('utf8'));
    }
    catch (e) {
        throw malformed(`not JSON (${e.message})`);
    }
    if (!isRecord(doc))
        throw malformed('not a JSON object');
    if (doc.schemaVersion !== 2)
        throw malformed(`schemaVersion is ${JSON.stringify(doc.schemaVersion)}, expected 2`);
    const mediaType = doc.mediaType;
    if (mediaType !== undefined && typeof mediaType !== 'string')
        throw malformed('mediaType is not a string');
    if (mediaType !== undefined && mediaType !== constants/* OCI_MANIFEST_MEDIA_TYPE */.k_ && mediaType !== constants/* DOCKER_MANIFEST_MEDIA_TYPE */.ZC) {
        throw malformed(`it is a ${mediaType}, not an image manifest`);
    }
    if (!Array.isArray(doc.layers))
        throw malformed('"layers" is missing or not an array');
    const layers = doc.layers.map((l, i) => {
        const d = parseDescriptor(l, `layers[${i}]`);
        const annotations = d.annotations ?? {};
        return {
            ...d,
            annotations,
            signature: annotations[constants/* SIGNATURE_ANNOTATION */.ZB],
            isSimpleSigning: d.mediaType === constants/* SIMPLE_SIGNING_MEDIA_TYPE */.$r,
        };
    });
    const parsed = { mediaType, config: parseDescriptor(doc.config, 'config'), layers };
    if (doc.annotations !== undefined)
        parsed.annotations = parseAnnotations(doc.annotations, 'annotations');
    if (doc.subject !== undefined)
        parsed.subject = parseDescriptor(doc.subject, 'subject');
    return parsed;
}
function parseDescriptor(value, where) {
    if (!isRecord(value))
        throw malformed(`${where} is not an object`);
    const { mediaType, size, digest, urls, annotations, artifactType } = value;
    if (typeof mediaType !== 'string')
        throw malformed(`${where}.mediaType is missing or not a string`);
    if (typeof size !== 'number' || !Number.isSafeInteger(size) || size < 0)
        throw malformed(`${where}.size is not a non-negative integer`);
    if (typeof digest !== 'string' || !/^[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[a-zA-Z0-9=_-]+$/.test(digest)) {
        throw malformed(`${where}.digest ${JSON.stringify(digest)} is not a digest`);
    }
    const d = { mediaType, size, digest };
    if (urls !== undefined) {
        if (!Array.isArray(urls) || !urls.every((u) => typeof u === 'string'))
            throw malformed(`${where}.urls is not a list of strings`);
        d.urls = urls;
    }
    if (annotations !== undefined)
        d.annotations = parseAnnotations(annotations, `${where}.annotations`);
    if (artifactType !== undefined) {
        if (typeof artifactType !== 'string')
            throw malformed(`${where}.artifactType is not a string`);
        d.artifactType = artifactType;
    }
    return d;
}
function parseAnnotations(value, where) {
    if (!isRecord(value) || !Object.values(value).every((v) => typeof v === 'string'))
        throw malformed(`${where} is not a map of strings`);
    return { ...value };
}
function isRecord(v) {
    return typeof v === 'object' && v !== null && !Array.isArray(v);
}
function malformed(reason) {
    return new errors/* BydigestError */.W('SIGNATURE', `the signature manifest is malformed: ${reason}`, {
        hint: 'Something other than cosign wrote the .sig tag; delete the tag and sign again.',
    });
}
/**
 * Appends `layer` to the existing .sig manifest (undefined when the tag does not exist yet), as
 * cosign does — unless, like cosign's duplicate detector, an existing layer has the same payload
 * digest and media type, the same non-signature annotations, and a signature valid for the same key.
 * A Docker v2 .sig (cosign 1.x) is rewritten as OCI, the only kind containers/image reads.
 */
function appendSignatureLayer(existing, layer, check) {
    if (sha256Digest(check.payload) !== layer.digest || check.payload.length !== layer.size) {
        throw new errors/* BydigestError */.W('INVALID_ARGUMENT', `the payload given does not match the new layer ${layer.digest}`);
    }
    const parsed = existing === undefined ? undefined : sig_manifest_parseSigManifest(existing);
    const current = parsed?.layers.map(plainDescriptor) ?? [];
    const index = parsed?.layers.findIndex((old) => isDuplicate(old, layer, check)) ?? -1;
    if (index >= 0)
        return { status: 'already-present', layerIndex: index };
    const layers = [...current, plainDescriptor(layer)];
    return { status: 'appended', layers, ...buildSigManifest(layers, extrasOf(parsed)) };
}
/** The annotations and subject of `parsed` (none when there is no manifest yet), for its rewrite. */
function extrasOf(parsed) {
    const extra = {};
    if (parsed?.annotations)
        extra.annotations = parsed.annotations;
    if (parsed?.subject)
        extra.subject = parsed.subject;
    return extra;
}
function isDuplicate(old, layer, check) {
    if (old.digest !== layer.digest || old.mediaType !== layer.mediaType || old.signature === undefined)
        return false;
    for (const [key, value] of Object.entries(layer.annotations)) {
        if (key !== constants/* SIGNATURE_ANNOTATION */.ZB && old.annotations[key] !== value)
            return false;
    }
    return verifyPayload(check.publicKey, check.payload, old.signature);
}
/** `d` without what a parsed layer adds (signature, isSimpleSigning), ready to be written again. */
function plainDescriptor(d) {
    const out = { mediaType: d.mediaType, size: d.size, digest: d.digest };
    if (d.urls)
        out.urls = d.urls;
    if (d.annotations)
        out.annotations = d.annotations;
    if (d.artifactType)
        out.artifactType = d.artifactType;
    return out;
}

;// CONCATENATED MODULE: ./packages/core/src/cosign/legacy/append-signatures.ts







/** The same layer: payload digest and signature (a copy carries both unchanged). */
const sameLayer = (a, b) => a.digest === b.digest && a.annotations?.[constants/* SIGNATURE_ANNOTATION */.ZB] === b.annotations?.[constants/* SIGNATURE_ANNOTATION */.ZB];
/** A WantedLayer matched by sameLayer, for layers copied as they are. */
function exactLayer(layer) {
    return { layer, presentIn: (m) => (m ? parseSigManifest(m).layers.some((l) => sameLayer(l, layer)) : false) };
}
/**
 * Appends layers to the `sha256-<hex>.sig` tag by read-modify-write, the way sign-digest and
 * promotion both need it: every layer seen at the first read is kept (put back if a racing
 * writer dropped it), ours are added unless already present, the config blob goes up with each
 * merge, and the tag is re-read until no other writer can still drop our layers.
 */
async function appendSignatureLayers(client, tag, opts) {
    let firstSeen;
    let initiallyPresent;
    let contended = false;
    let last;
    const fingerprint = (bytes) => (bytes ? sha256Digest(bytes) : 'none');
    const oursPresent = (bytes) => opts.layers.every((w) => w.presentIn(bytes));
    const settle = await appendUntilSettled({
        what: `signature manifest ${formatReference(tag)}`,
        read: async () => {
            const m = await client.getManifestIfExists(tag);
            last = m?.bytes;
            if (firstSeen === undefined) {
                // The .sig changed since the caller's early read: another signer is at work.
                contended = 'early' in opts && fingerprint(m?.bytes) !== fingerprint(opts.early);
                firstSeen = m ? sig_manifest_parseSigManifest(m.bytes).layers : [];
                initiallyPresent = oursPresent(m?.bytes);
            }
            return m?.bytes;
        },
        satisfied: (bytes) => {
            if (!oursPresent(bytes))
                return false;
            const layers = bytes ? sig_manifest_parseSigManifest(bytes).layers : [];
            return (firstSeen ?? []).every((d) => layers.some((l) => sameLayer(l, d)));
        },
        merge: async (bytes) => {
            if (!bytes && (firstSeen ?? []).length === 0 && opts.verbatimIfEmpty)
                return opts.verbatimIfEmpty;
            const parsed = bytes
                ? sig_manifest_parseSigManifest(bytes)
                : opts.verbatimIfEmpty
                    ? sig_manifest_parseSigManifest(opts.verbatimIfEmpty)
                    : undefined;
            const layers = bytes && parsed ? parsed.layers.map(plainDescriptor) : [];
            for (const d of firstSeen ?? [])
                if (!layers.some((l) => sameLayer(l, d)))
                    layers.push(plainDescriptor(d));
            const extra = extrasOf(parsed);
            for (const w of opts.layers) {
                if (layers.length === 0 || !w.presentIn(buildSigManifest(layers, extra).manifestBytes))
                    layers.push(w.layer);
            }
            const manifest = buildSigManifest(layers, extra).manifestBytes;
            // The config blob goes up here, not in write: the PUT must follow the read closely.
            const config = sigConfigBytes(sig_manifest_parseSigManifest(manifest).layers);
            await client.uploadBlob(tag, { digest: sha256Digest(config), size: config.length, open: () => config });
            return manifest;
        },
        write: async (bytes) => {
            await client.putManifest(tag, { bytes: bytes, mediaType: MediaType.OciManifest }, { retry: false });
            last = bytes;
        },
        fingerprint,
        contended: () => contended,
    }, opts.settle);
    if (!last)
        throw new errors/* BydigestError */.W('SIGNATURE', `${formatReference(tag)} vanished after writing to it`);
    return { settle, manifest: last, alreadyPresent: initiallyPresent === true && settle.writes === 0 };
}

;// CONCATENATED MODULE: ./packages/core/src/util/json/paranoid-json.ts
/** A reader whose failures are `fail(message)`. */
function paranoidJsonReader(fail) {
    function paranoidObject(node, resolve) {
        if (node.kind !== 'object')
            throw fail(`JSON object expected, got ${goTokenDescription(node)}`);
        const seen = new Set();
        for (const [key, value] of node.entries) {
            if (seen.has(key))
                throw fail(`Duplicate key ${JSON.stringify(key)}`);
            seen.add(key);
            const decode = resolve(key);
            if (!decode)
                throw fail(`Unknown key ${JSON.stringify(key)}`);
            decode(value);
        }
    }
    function exactFields(node, fields) {
        const seen = new Set();
        paranoidObject(node, (key) => {
            const decode = Object.hasOwn(fields, key) ? fields[key] : undefined;
            if (decode)
                seen.add(key);
            return decode;
        });
        for (const key of Object.keys(fields))
            if (!seen.has(key))
                throw fail(`Key ${JSON.stringify(key)} missing in a JSON object`);
    }
    function typeError(node, goType) {
        // JsonNode kinds are named as encoding/json names JSON values in this message.
        return fail(`json: cannot unmarshal ${node.kind} into Go value of type ${goType}`);
    }
    function goString(node) {
        if (node.kind === 'null')
            return '';
        if (node.kind !== 'string')
            throw typeError(node, 'string');
        return node.value;
    }
    function goFloat64(node) {
        if (node.kind === 'null')
            return 0;
        if (node.kind !== 'number')
            throw typeError(node, 'float64');
        if (!Number.isFinite(node.value))
            throw fail(`json: cannot unmarshal number ${node.text} into Go value of type float64`);
        return node.value;
    }
    return { paranoidObject, exactFields, goString, goFloat64, typeError };
}
/** How Go's %#v prints the first json.Token of a value. */
function goTokenDescription(node) {
    switch (node.kind) {
        case 'object':
            return '123'; // json.Delim('{')
        case 'array':
            return '91'; // json.Delim('[')
        case 'string':
            return JSON.stringify(node.value);
        case 'number':
        case 'bool':
            return String(node.value);
        case 'null':
            return '<nil>';
    }
}

;// CONCATENATED MODULE: ./packages/core/src/cosign/legacy/payload.ts
/**
 * The simple-signing payload cosign signs for the legacy `.sig` format, and the strict reading of
 * it that containers/image (podman, skopeo, bootc) applies before it trusts a signature.
 */






/** The payload bytes exactly as cosign writes them: compact, Go field order, no trailing newline. */
function simpleSigningPayload(input) {
    if (!input.dockerReference) {
        throw new errors/* BydigestError */.W('INVALID_ARGUMENT', 'the docker-reference of a signature payload is empty', {
            hint: 'Pass the image repository, e.g. ghcr.io/owner/image.',
        });
    }
    if (!/^sha256:[a-f0-9]{64}$/.test(input.manifestDigest)) {
        throw new errors/* BydigestError */.W('INVALID_ARGUMENT', `the manifest digest to sign must be sha256:<64 lower-case hex>, got ${JSON.stringify(input.manifestDigest)}`, {
            hint: 'Sign by digest: take the digest from capture-digest or from the registry.',
        });
    }
    const optional = input.optional ?? null;
    if (optional !== null)
        checkOptional(optional);
    const critical = goStruct([
        ['identity', goStruct([['docker-reference', goString(input.dockerReference)]])],
        ['image', goStruct([['docker-manifest-digest', goString(input.manifestDigest)]])],
        ['type', goString(constants/* SIGNATURE_TYPE */.uf)],
    ]);
    return Buffer.from(goStruct([
        ['critical', critical],
        ['optional', goValue(optional)],
    ]));
}
/** Refuse annotations containers/image would reject, so we never sign a payload it cannot read. */
function checkOptional(optional) {
    const { creator, timestamp } = optional;
    if (creator !== undefined && typeof creator !== 'string') {
        throw new errors/* BydigestError */.W('INVALID_ARGUMENT', 'the "creator" annotation must be a string: containers/image rejects any other type');
    }
    if (timestamp !== undefined && !(typeof timestamp === 'number' && Number.isSafeInteger(timestamp))) {
        throw new errors/* BydigestError */.W('INVALID_ARGUMENT', 'the "timestamp" annotation must be an integer (Unix seconds): containers/image rejects any other value');
    }
}
/**
 * Parses untrusted payload bytes with containers/image's rules (signature/internal
 * UntrustedSigstorePayload.strictUnmarshalJSON): exactly `critical` and `optional`; `critical` holds
 * exactly `type`, `image`, `identity`; no duplicate keys at those levels; `optional` may be null and
 * may carry unknown members, but `creator` must be a string and `timestamp` an integer.
 * Error messages are containers/image's own.
 */
function parseSimpleSigningPayload(bytes) {
    // Go replaces invalid UTF-8 with U+FFFD and keeps a BOM (then rejects it as a character).
    const text = typeof bytes === 'string' ? bytes : new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
    let root;
    try {
        root = parseJsonTree(text);
    }
    catch (e) {
        throw payload_invalid(e.message);
    }
    let critical = { kind: 'null' };
    let optional = { kind: 'null' };
    exactFields(root, { critical: (v) => (critical = v), optional: (v) => (optional = v) });
    const result = { dockerReference: '', manifestDigest: '', optional: null };
    // cosign writes "optional": null when there are no annotations.
    if (optional.kind !== 'null') {
        let timestamp;
        paranoidObject(optional, (key) => {
            if (key === 'creator')
                return (v) => (result.creator = decodeString(v));
            if (key === 'timestamp')
                return (v) => (timestamp = decodeFloat(v));
            return () => { };
        });
        if (timestamp !== undefined) {
            // Verbatim, typo included, so the message matches what skopeo and podman print.
            if (!Number.isInteger(timestamp) || timestamp < -(2 ** 63) || timestamp >= 2 ** 63)
                throw payload_invalid('Field optional.timestamp is not is not an integer');
            result.timestamp = timestamp;
        }
        result.optional = toPlain(optional);
    }
    let type = '';
    let image = { kind: 'null' };
    let identity = { kind: 'null' };
    exactFields(critical, {
        type: (v) => (type = decodeString(v)),
        image: (v) => (image = v),
        identity: (v) => (identity = v),
    });
    if (type !== SIGNATURE_TYPE)
        throw payload_invalid(`Unrecognized signature type ${type}`);
    let digest = '';
    exactFields(image, { 'docker-manifest-digest': (v) => (digest = decodeString(v)) });
    const digestError = goDigestError(digest);
    if (digestError)
        throw payload_invalid(`invalid docker-manifest-digest value ${JSON.stringify(digest)}: ${digestError}`);
    result.manifestDigest = digest;
    exactFields(identity, { 'docker-reference': (v) => (result.dockerReference = decodeString(v)) });
    return result;
}
function payload_invalid(message) {
    return new errors/* BydigestError */.W('SIGNATURE', message, {
        hint: 'The signature payload is not one containers/image accepts; re-sign the image with bydigest sign-digest or cosign sign.',
    });
}
// Every decoding failure is an invalid payload, so it carries the re-sign hint.
const { paranoidObject, exactFields, goString: decodeString, goFloat64: decodeFloat } = paranoidJsonReader(payload_invalid);

;// CONCATENATED MODULE: ./packages/core/src/cosign/legacy/sign-image.ts








/** The digests to sign: the image, and with `recursive` every manifest an index lists. */
async function signingTargets(client, image, recursive) {
    const manifest = await getSubjectManifest(client, image, 'sign a digest the registry holds: the one its push reported');
    return recursive ? digestWithPlatforms(image, manifest) : [image.digest];
}
/**
 * Signs `image` (and its platform manifests) in cosign's legacy format: a simple-signing
 * layer per identity, appended to `sha256-<hex>.sig` with read-modify-write that re-reads
 * until no other writer can still drop our layer, and checks our signatures verify there.
 * Everything that does not need the key (payload upload, first read of the `.sig`) runs
 * while the key is still being derived.
 */
async function signImage(client, opts) {
    if (opts.identities.length === 0)
        throw new errors/* BydigestError */.W('INVALID_ARGUMENT', 'no identity to sign');
    const targets = opts.targets ?? (await signingTargets(client, opts.image, opts.recursive ?? true));
    const signers = [opts.signer].flat();
    if (signers.length === 0)
        throw new errors/* BydigestError */.W('INVALID_ARGUMENT', 'no signer');
    const prepared = await mapLimit(targets, 4, (digest) => prepare(client, withDigest(opts.image, digest), opts, signers.length));
    await Promise.all(signers.map((s) => s.ready()));
    // Every signature exists before the first write: a signer that fails on its second payload
    // (Rekor down halfway) leaves no platform signed and another not.
    const signed = await mapLimit(prepared, 4, (p) => signPayloads(p, signers));
    return mapLimit(signed, 4, (p) => writeSigned(client, p, opts));
}
async function prepare(client, image, opts, signerCount) {
    const payloads = opts.identities.map((dockerReference) => simpleSigningPayload({ dockerReference, manifestDigest: image.digest, optional: opts.optional ?? null }));
    // The config lists layer digests only, so the one the write will most likely need (what is
    // there now plus our layers) goes up before the key exists, beside the payloads: on a remote
    // registry the preparation is then three round trips, not six. The config is new almost
    // always (it changes with every signature added), so it skips the existence check.
    const readAndUploadConfig = async () => {
        const early = await client.getManifestIfExists(withTag(image, signatureTag(image.digest)));
        const ourLayers = Array.from({ length: signerCount }, () => payloads.map((p) => ({ digest: sha256Digest(p) }))).flat();
        const layers = [...(early ? sig_manifest_parseSigManifest(early.bytes).layers : []), ...ourLayers];
        const config = sigConfigBytes(layers);
        await client.uploadBlob(image, { digest: sha256Digest(config), size: config.length, open: () => config }, { skipExistenceCheck: true });
        return early;
    };
    const [early] = await Promise.all([
        readAndUploadConfig(),
        mapLimit(payloads, 4, (payload) => client.uploadBlob(image, { digest: sha256Digest(payload), size: payload.length, open: () => payload })),
    ]);
    return { image, payloads, early: early?.bytes };
}
/** Each signer signs each payload: one layer per pair, signers in the order given. */
async function signPayloads(prep, signers) {
    const pairs = signers.flatMap((signer) => prep.payloads.map((payload) => ({ signer, payload })));
    const ours = await Promise.all(pairs.map(async ({ signer, payload }) => {
        const signed = await signer.sign(payload);
        const layer = signatureLayer(payload, signed.signature, signed.annotations);
        const presentIn = (bytes) => appendSignatureLayer(bytes, layer, { payload, publicKey: signed.material.publicKey }).status ===
            'already-present';
        return { layer, presentIn };
    }));
    return { ...prep, ours };
}
async function writeSigned(client, prep, opts) {
    const { image, ours } = prep;
    const tag = withTag(image, signatureTag(image.digest));
    // A short floor is safe here: a signer that wrote while we derived the key shows up as a
    // changed .sig (contended), which widens the window to the contended one.
    const appended = await appendSignatureLayers(client, tag, {
        layers: ours,
        early: prep.early,
        settle: { minQuietMs: 40, ...opts.settle },
    });
    return {
        digest: image.digest,
        signatureRef: formatReference(tag),
        signatureDigest: sha256Digest(appended.manifest),
        layers: ours.map((o) => o.layer.digest),
        alreadySigned: appended.alreadyPresent,
        settle: appended.settle,
    };
}

;// CONCATENATED MODULE: ./packages/core/src/cosign/legacy/signed-referrer.ts



/**
 * Pushes a referrer and, with a key, signs it, then lists it among the subject's referrers.
 * Everything that cannot be seen before a manifest names it (blobs, the signature's payload and
 * config, a first read of the fallback index) runs while the key is still being derived; the
 * referrer manifest is pushed once the key (so the password) has proven right. It is listed in
 * the fallback index only once its signature is in the `.sig`, so a failure never lists an
 * unsigned referrer there; the index's quiet window runs beside the `.sig`'s, not after it.
 */
async function attachSignedReferrer(client, opts) {
    const { image, referrer, mode, signer } = opts;
    const ref = withDigest(image, referrer.digest);
    // Read while the key is derived: a change by the time we append means another writer.
    const earlyIndex = signer && mode !== 'api' ? readFallbackEntries(client, image, image.digest).catch(() => undefined) : undefined;
    const uploads = Promise.all(opts.blobs.map((b) => client.uploadBlob(image, b)));
    uploads.catch(() => undefined);
    let pushed;
    const push = async () => {
        await uploads;
        pushed = await client.putManifest(ref, referrer);
    };
    if (!signer) {
        await push();
        return attachReferrer(client, image, referrer, mode, { pushed });
    }
    let inPlace;
    const signatureInPlace = new Promise((resolve) => (inPlace = resolve));
    // The referrer manifest goes up once every signer is ready (a wrong password writes no manifest).
    let pushedOnce;
    const signers = [signer].flat();
    const readyThenManifest = signers.map((s) => ({
        ready: () => (pushedOnce ??= Promise.all(signers.map((x) => x.ready())).then(push)),
        sign: (payload) => s.sign(payload),
    }));
    const signing = signImage(client, {
        image: ref,
        targets: [referrer.digest],
        identities: [opts.identity],
        recursive: false,
        signer: readyThenManifest,
        settle: { onInPlace: inPlace },
    });
    const listing = Promise.race([signatureInPlace, signing]).then(async () => attachReferrer(client, image, referrer, mode, { pushed, early: await earlyIndex, settle: { minQuietMs: 40 } }));
    // Both settle before the caller closes the client, even when one fails.
    const [signed, listed] = await Promise.allSettled([signing, listing]);
    if (signed.status === 'rejected')
        throw signed.reason;
    if (listed.status === 'rejected')
        throw listed.reason;
    return { via: listed.value.via, signatureRef: signed.value[0].signatureRef };
}

// EXTERNAL MODULE: ./packages/core/src/signer/overlap.ts
var overlap = __webpack_require__(904);
;// CONCATENATED MODULE: ./packages/core/src/util/file-chunks.ts

/**
 * Reads `length` bytes of a file from `start` into a small ring of reused buffers. Streaming
 * a large SBOM or layer through fresh 1 MiB buffers leaves ~100 MB of garbage before V8
 * collects it; a ring keeps peak memory flat. Safe because the HTTP client pulls the next
 * chunk only after the socket drained the previous one (each chunk exceeds the socket's
 * high-water mark), and a buffer comes round again only `ring - 1` pulls later; the registry
 * checks the digest of what arrives in any case. `buffers`: the ring to read into, the caller's.
 */
async function* fileChunks(path, start = 0, length = Number.POSITIVE_INFINITY, opts = {}) {
    const ring = opts.buffers ?? Array.from({ length: opts.ring ?? 8 }, () => Buffer.allocUnsafe(opts.chunkSize ?? 256 * 1024));
    const fh = await (0,promises_.open)(path, 'r');
    try {
        let pos = start;
        let left = length;
        for (let i = 0; left > 0; i++) {
            const buf = ring[i % ring.length];
            const { bytesRead } = await fh.read(buf, 0, Math.min(buf.length, left), pos);
            if (bytesRead === 0)
                return;
            pos += bytesRead;
            left -= bytesRead;
            yield buf.subarray(0, bytesRead);
        }
    }
    finally {
        await fh.close();
    }
}
/**
 * Rings of buffers in shared memory, so another thread can read a chunk in place (the layer
 * walk's digest), reused from file to file: a SharedArrayBuffer a worker has seen is freed only
 * once both threads have collected it, and a worker's small heap rarely collects, so a fresh ring
 * per layer piled up (~100 MB over a GiB of layers).
 */
class SharedRings {
    count;
    chunkSize;
    idle = [];
    constructor(count, chunkSize) {
        this.count = count;
        this.chunkSize = chunkSize;
    }
    take() {
        return (this.idle.pop() ?? Array.from({ length: this.count }, () => Buffer.from(new SharedArrayBuffer(this.chunkSize))));
    }
    /** Only once nothing reads the ring any more, on any thread. */
    give(ring) {
        this.idle.push(ring);
    }
}

;// CONCATENATED MODULE: ./packages/core/src/sbom/format-checker.ts
function isObject(v) {
    return v !== null && typeof v === 'object' && !Array.isArray(v);
}
/** Sets an own property even for keys such as `__proto__` that plain assignment would treat specially. */
function setOwn(obj, key, value) {
    Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
}

;// CONCATENATED MODULE: ./packages/core/src/sbom/detect.ts

/** The top-level member that identifies each format, as named in messages. */
const FORMAT_MARKERS = {
    spdx: 'SPDX (spdxVersion)',
    cyclonedx: 'CycloneDX (bomFormat)',
    syft: 'syft-json (descriptor.name=syft)',
};
/** Which format a top-level member proves, if any. */
function markerOf(key, value) {
    if (key === 'spdxVersion')
        return 'spdx';
    if (key === 'bomFormat')
        return 'cyclonedx';
    if (key === 'descriptor' && isObject(value) && value.name === 'syft')
        return 'syft';
    return undefined;
}
function detectedFormats(top) {
    const found = new Set();
    for (const [key, value] of Object.entries(top.members)) {
        const f = markerOf(key, value);
        if (f)
            found.add(f);
    }
    // spdxVersion or bomFormat written as an array still shows what the author meant
    if (top.arrays.has('spdxVersion'))
        found.add('spdx');
    if (top.arrays.has('bomFormat'))
        found.add('cyclonedx');
    return [...found];
}
/** A hint for JSON that carries no marker but resembles something known. */
function lookalikeHint(top) {
    const m = top.members;
    const context = JSON.stringify(m['@context'] ?? '');
    if (context.includes('spdx'))
        return 'it looks like SPDX 3 JSON-LD, which is not supported: export SPDX 2.3 JSON instead (e.g. syft -o spdx-json)';
    if (isObject(m.descriptor))
        return `descriptor.name is ${JSON.stringify(m.descriptor.name)}, not "syft"`;
    if (top.arrays.has('artifacts') && Object.hasOwn(m, 'source'))
        return "it has syft-json's artifacts and source but no descriptor.name=syft";
    if (top.arrays.has('packages'))
        return 'it has a packages array but no spdxVersion';
    if (top.arrays.has('components'))
        return 'it has a components array but no bomFormat';
    return undefined;
}

;// CONCATENATED MODULE: ./packages/core/src/sbom/media-types.ts
/**
 * What each detected format is attached as. SPDX's layer type is the IANA-registered one, while
 * its artifactType is the one `oras discover | jq 'select(.artifactType==…)'` pipelines look for.
 */
const SBOM_FORMAT_TYPES = {
    spdx: { label: 'SPDX JSON', artifactType: 'application/vnd.spdx+json', layerMediaType: 'application/spdx+json' },
    cyclonedx: {
        label: 'CycloneDX JSON',
        artifactType: 'application/vnd.cyclonedx+json',
        layerMediaType: 'application/vnd.cyclonedx+json',
    },
    syft: { label: 'syft-json', artifactType: 'application/vnd.syft+json', layerMediaType: 'application/vnd.syft+json' },
};

;// CONCATENATED MODULE: ./packages/core/src/sbom/artifact-type.ts



/** OCI image-spec descriptor mediaType grammar (RFC 6838 type/subtype, no parameters). */
const MEDIA_TYPE = /^[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]{0,126}\/[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]{0,126}$/;
/** Media types that name an SBOM format but another encoding than the JSON we validated. */
const NON_JSON = {
    'text/spdx': 'SPDX tag-value',
    'application/spdx+xml': 'SPDX RDF/XML',
    'application/vnd.spdx+xml': 'SPDX RDF/XML',
    'text/spdx+yaml': 'SPDX YAML',
    'application/vnd.cyclonedx+xml': 'CycloneDX XML',
    'application/x.vnd.cyclonedx+protobuf': 'CycloneDX protobuf',
    'application/vnd.cyclonedx': 'CycloneDX XML',
};
const FAMILY = [
    ['spdx', /spdx/i],
    ['cyclonedx', /cyclonedx/i],
    ['syft', /syft/i],
];
/**
 * The artifactType to attach the SBOM with: the detected one, or the caller's choice when it does
 * not contradict the content. Labelling syft-json as SPDX (the upstream bug this exists for) makes
 * `oras discover | jq 'select(.artifactType=="application/vnd.spdx+json")'` hand SPDX consumers a
 * file they cannot read, so a type naming another format or encoding is refused. A type naming no
 * SBOM format at all (a private convention) is the caller's business and passes.
 */
function resolveArtifactType(info, explicit) {
    const wanted = explicit?.trim() ?? '';
    if (wanted === '')
        return info.artifactType;
    if (!MEDIA_TYPE.test(wanted)) {
        throw new errors/* BydigestError */.W('INVALID_ARGUMENT', `artifact-type ${JSON.stringify(wanted)} is not a media type: expected type/subtype without parameters, e.g. ${info.artifactType}`, { hint: 'leave artifact-type empty to use the type detected from the content' });
    }
    const detected = SBOM_FORMAT_TYPES[info.format];
    const named = FAMILY.filter(([, re]) => re.test(wanted)).map(([f]) => f);
    const encoding = NON_JSON[wanted.toLowerCase()];
    const contradiction = named.some((f) => f !== info.format)
        ? `names ${named
            .filter((f) => f !== info.format)
            .map((f) => SBOM_FORMAT_TYPES[f].label)
            .join(' and ')}`
        : encoding
            ? `names ${encoding}`
            : undefined;
    if (contradiction) {
        const convert = info.format === 'syft' ? '; or convert the SBOM first (e.g. syft convert <file> -o spdx-json)' : '';
        throw new errors/* BydigestError */.W('SBOM', `artifact-type ${wanted} ${contradiction}, but the SBOM's content is ${detected.label} (${FORMAT_MARKERS[info.format]}), whose artifact type is ${detected.artifactType}`, { hint: `leave artifact-type empty to use ${detected.artifactType}${convert}` });
    }
    return wanted;
}

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
;// CONCATENATED MODULE: ./packages/core/src/sbom/json-path.ts
const IDENT = /^[A-Za-z_$][\w$-]*$/;
/** Appends a property name or index to a path such as `packages[3].externalRefs[0]`. */
function childPath(base, key) {
    if (typeof key === 'number')
        return `${base}[${key}]`;
    if (IDENT.test(key))
        return base === '' ? key : `${base}.${key}`;
    return `${base}[${JSON.stringify(key)}]`;
}
/** Turns an ajv instancePath (JSON pointer, e.g. `/externalRefs/0/referenceType`) into a path below `base`. */
function pointerToPath(base, pointer) {
    if (pointer === '')
        return base;
    let path = base;
    for (const raw of pointer.slice(1).split('/')) {
        const seg = raw.replace(/~1/g, '/').replace(/~0/g, '~');
        path = childPath(path, /^(0|[1-9]\d*)$/.test(seg) ? Number(seg) : seg);
    }
    return path;
}
/** The value at a JSON pointer, to show what was found instead of what was expected. */
function valueAtPointer(root, pointer) {
    if (pointer === '')
        return root;
    let v = root;
    for (const raw of pointer.slice(1).split('/')) {
        if (v === null || typeof v !== 'object')
            return undefined;
        v = v[raw.replace(/~1/g, '/').replace(/~0/g, '~')];
    }
    return v;
}
/** A short, single-line rendering of a found value for messages. */
function preview(value) {
    if (value === undefined)
        return 'nothing';
    if (Array.isArray(value))
        return `an array (${value.length} items)`;
    if (value !== null && typeof value === 'object')
        return 'an object';
    const s = JSON.stringify(value);
    return s.length > 60 ? `${s.slice(0, 57)}…` : s;
}

;// CONCATENATED MODULE: ./packages/core/src/sbom/essentials.ts

/**
 * Small typed checks for the formats validated by their essentials rather than a full schema.
 * Each returns whether the value passed, so callers can skip checks below a broken node.
 */
class Essentials {
    problems;
    constructor(problems) {
        this.problems = problems;
    }
    object(path, v) {
        if (v !== null && typeof v === 'object' && !Array.isArray(v))
            return true;
        this.problems.add(`${path} must be an object, found ${preview(v)}`);
        return false;
    }
    /** Present and non-empty: identifiers and names that consumers key on. */
    requiredString(obj, path, key) {
        if (!Object.hasOwn(obj, key)) {
            this.problems.add(`${childPath(path, key)} is required`);
            return false;
        }
        const v = obj[key];
        if (typeof v === 'string' && v !== '')
            return true;
        this.problems.add(`${childPath(path, key)} must be a non-empty string, found ${preview(v)}`);
        return false;
    }
    /** A string when present; generators do write "" for unknown versions and the like. */
    string(obj, path, key) {
        const v = obj[key];
        if (v === undefined || typeof v === 'string')
            return true;
        this.problems.add(`${childPath(path, key)} must be a string, found ${preview(v)}`);
        return false;
    }
    requiredObject(obj, path, key) {
        if (!Object.hasOwn(obj, key)) {
            this.problems.add(`${childPath(path, key)} is required`);
            return false;
        }
        return this.object(childPath(path, key), obj[key]);
    }
    /** For top-level keys that must hold arrays: a non-array value was collected as a plain member. */
    notArray(members, key) {
        if (Object.hasOwn(members, key))
            this.problems.add(`${key} must be an array, found ${preview(members[key])}`);
    }
    stringArray(obj, path, key) {
        const v = obj[key];
        if (v === undefined)
            return;
        if (!Array.isArray(v) || v.some((s) => typeof s !== 'string')) {
            this.problems.add(`${childPath(path, key)} must be an array of strings, found ${preview(v)}`);
        }
    }
}

;// CONCATENATED MODULE: ./packages/core/src/sbom/problems.ts
/**
 * Problems found in an SBOM. Only the first few messages are kept so a file with a million bad
 * elements still validates in bounded memory; the total is still counted for the summary.
 */
class ProblemList {
    keep;
    messages = [];
    total = 0;
    constructor(keep = 5) {
        this.keep = keep;
    }
    add(message) {
        this.total++;
        if (this.messages.length < this.keep)
            this.messages.push(message);
    }
    get ok() {
        return this.total === 0;
    }
    get wantsMore() {
        return this.messages.length < this.keep;
    }
}

;// CONCATENATED MODULE: ./packages/core/src/sbom/essentials-checker.ts


/**
 * A checker for a format validated by its essentials (CycloneDX, syft): it collects problems
 * through `Essentials` and checks the elements of a fixed set of top-level arrays.
 */
class EssentialsChecker {
    problems = new ProblemList();
    check = new Essentials(this.problems);
    wants(key) {
        return this.arrays.includes(key);
    }
    element(key, index, value) {
        this.checkElement(key, `${key}[${index}]`, value);
    }
}

;// CONCATENATED MODULE: ./packages/core/src/sbom/cyclonedx.ts



const ARRAYS = ['components', 'services', 'dependencies'];
const SERIAL = /^urn:uuid:[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
/** Nested `components` are checked as deep as this; deeper ones pass unchecked rather than recurse without end. */
const MAX_COMPONENT_NESTING = 64;
/**
 * CycloneDX JSON, checked by its essentials (the fields every consumer relies on) rather than
 * the full schema, which changes with every minor spec version.
 */
class CycloneDxChecker extends EssentialsChecker {
    format = 'cyclonedx';
    arrays = ARRAYS;
    checkElement(key, path, value) {
        if (key === 'components')
            this.component(path, value, 0);
        else if (key === 'services') {
            if (this.check.object(path, value))
                this.check.requiredString(value, path, 'name');
        }
        else if (this.check.object(path, value)) {
            this.check.requiredString(value, path, 'ref');
            this.check.stringArray(value, path, 'dependsOn');
        }
    }
    finish(top) {
        const m = top.members;
        if (m.bomFormat !== 'CycloneDX')
            this.problems.add(`bomFormat must be "CycloneDX", found ${preview(m.bomFormat)}`);
        const spec = m.specVersion;
        const minor = typeof spec === 'string' ? /^1\.(\d+)$/.exec(spec)?.[1] : undefined;
        if (spec === undefined)
            this.problems.add('specVersion is required');
        else if (minor === undefined || Number(minor) < 2) {
            this.problems.add(`specVersion must be a CycloneDX JSON version "1.2" or later, found ${preview(spec)}`);
        }
        if (m.serialNumber !== undefined && !(typeof m.serialNumber === 'string' && SERIAL.test(m.serialNumber))) {
            this.problems.add(`serialNumber must be "urn:uuid:<RFC 4122 UUID>", found ${preview(m.serialNumber)}`);
        }
        if (m.version !== undefined && !(Number.isInteger(m.version) && m.version >= 1)) {
            this.problems.add(`version must be an integer ≥ 1, found ${preview(m.version)}`);
        }
        for (const key of ARRAYS)
            this.check.notArray(m, key);
        let documentName;
        if (m.metadata !== undefined && this.check.object('metadata', m.metadata)) {
            this.check.string(m.metadata, 'metadata', 'timestamp');
            const c = m.metadata.component;
            if (c !== undefined)
                this.component('metadata.component', c, 0);
            if (isObject(c) && typeof c.name === 'string')
                documentName = c.name;
        }
        return { ...(documentName === undefined ? {} : { documentName }), packages: top.arrays.get('components') ?? 0 };
    }
    component(path, v, depth) {
        if (!this.check.object(path, v))
            return;
        this.check.requiredString(v, path, 'type');
        this.check.requiredString(v, path, 'name');
        for (const key of ['version', 'bom-ref', 'purl'])
            this.check.string(v, path, key);
        const nested = v.components;
        if (nested === undefined || depth >= MAX_COMPONENT_NESTING)
            return;
        if (!Array.isArray(nested)) {
            this.problems.add(`${childPath(path, 'components')} must be an array, found ${preview(nested)}`);
            return;
        }
        nested.forEach((c, i) => this.component(`${childPath(path, 'components')}[${i}]`, c, depth + 1));
    }
}

;// CONCATENATED MODULE: ./packages/core/src/sbom/schema-errors.ts

const MAX_ENUM_SHOWN = 8;
/** Renders one schema error as `packages[3].downloadLocation is required`. */
function describeSchemaError(base, root, e) {
    const path = pointerToPath(base, e.instancePath);
    const at = path === '' ? 'the document' : path;
    const found = () => preview(valueAtPointer(root, e.instancePath));
    switch (e.keyword) {
        case 'required':
            return `${childPath(path, String(e.params.missingProperty))} is required`;
        case 'additionalProperties':
            return `${childPath(path, String(e.params.additionalProperty))} is not a property the schema allows here`;
        case 'type':
            return `${at} must be ${String(e.params.type)}, found ${found()}`;
        case 'enum': {
            const allowed = e.params.allowedValues.map(String);
            const list = allowed.length > MAX_ENUM_SHOWN
                ? `${allowed.slice(0, MAX_ENUM_SHOWN).join(', ')}, … (${allowed.length} values)`
                : allowed.join(', ');
            return `${at} must be one of ${list}; found ${found()}`;
        }
        case 'minItems':
            return `${at} must have at least ${String(e.params.limit)} item(s)`;
        default:
            return `${at} ${e.message ?? `fails "${e.keyword}"`}`;
    }
}

;// CONCATENATED MODULE: ./packages/core/src/sbom/spdx-validators.generated.ts
// @ts-nocheck
// GENERATED by packages/core/test/sbom/generate-spdx-validators.ts from spdx-2.3.schema.json with ajv 8.20.0. Do not edit.
// Streamed top-level arrays: annotations, externalDocumentRefs, hasExtractedLicensingInfos, revieweds, documentDescribes, packages, files, snippets, relationships.

const spdx_validators_generated_top = validate10;
const schema11 = { "$schema": "http://json-schema.org/draft-07/schema#", "title": "SPDX 2.3", "type": "object", "properties": { "SPDXID": { "type": "string" }, "annotations": { "type": "array" }, "comment": { "type": "string" }, "creationInfo": { "type": "object", "properties": { "comment": { "type": "string" }, "created": { "type": "string" }, "creators": { "minItems": 1, "type": "array", "items": { "type": "string" } }, "licenseListVersion": { "type": "string" } }, "required": ["created", "creators"], "additionalProperties": false }, "dataLicense": { "type": "string" }, "externalDocumentRefs": { "type": "array" }, "hasExtractedLicensingInfos": { "type": "array" }, "name": { "type": "string" }, "revieweds": { "type": "array" }, "spdxVersion": { "type": "string" }, "documentNamespace": { "type": "string" }, "documentDescribes": { "type": "array" }, "packages": { "type": "array" }, "files": { "type": "array" }, "snippets": { "type": "array" }, "relationships": { "type": "array" } }, "required": ["SPDXID", "creationInfo", "dataLicense", "name", "spdxVersion"], "additionalProperties": false };
const func2 = Object.prototype.hasOwnProperty;
function validate10(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) { let vErrors = null; let errors = 0; if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.SPDXID === undefined) {
        const err0 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "SPDXID" }, message: "must have required property '" + "SPDXID" + "'" };
        if (vErrors === null) {
            vErrors = [err0];
        }
        else {
            vErrors.push(err0);
        }
        errors++;
    }
    if (data.creationInfo === undefined) {
        const err1 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "creationInfo" }, message: "must have required property '" + "creationInfo" + "'" };
        if (vErrors === null) {
            vErrors = [err1];
        }
        else {
            vErrors.push(err1);
        }
        errors++;
    }
    if (data.dataLicense === undefined) {
        const err2 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "dataLicense" }, message: "must have required property '" + "dataLicense" + "'" };
        if (vErrors === null) {
            vErrors = [err2];
        }
        else {
            vErrors.push(err2);
        }
        errors++;
    }
    if (data.name === undefined) {
        const err3 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "name" }, message: "must have required property '" + "name" + "'" };
        if (vErrors === null) {
            vErrors = [err3];
        }
        else {
            vErrors.push(err3);
        }
        errors++;
    }
    if (data.spdxVersion === undefined) {
        const err4 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "spdxVersion" }, message: "must have required property '" + "spdxVersion" + "'" };
        if (vErrors === null) {
            vErrors = [err4];
        }
        else {
            vErrors.push(err4);
        }
        errors++;
    }
    for (const key0 in data) {
        if (!(func2.call(schema11.properties, key0))) {
            const err5 = { instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties" };
            if (vErrors === null) {
                vErrors = [err5];
            }
            else {
                vErrors.push(err5);
            }
            errors++;
        }
    }
    if (data.SPDXID !== undefined) {
        if (typeof data.SPDXID !== "string") {
            const err6 = { instancePath: instancePath + "/SPDXID", schemaPath: "#/properties/SPDXID/type", keyword: "type", params: { type: "string" }, message: "must be string" };
            if (vErrors === null) {
                vErrors = [err6];
            }
            else {
                vErrors.push(err6);
            }
            errors++;
        }
    }
    if (data.annotations !== undefined) {
        if (!(Array.isArray(data.annotations))) {
            const err7 = { instancePath: instancePath + "/annotations", schemaPath: "#/properties/annotations/type", keyword: "type", params: { type: "array" }, message: "must be array" };
            if (vErrors === null) {
                vErrors = [err7];
            }
            else {
                vErrors.push(err7);
            }
            errors++;
        }
    }
    if (data.comment !== undefined) {
        if (typeof data.comment !== "string") {
            const err8 = { instancePath: instancePath + "/comment", schemaPath: "#/properties/comment/type", keyword: "type", params: { type: "string" }, message: "must be string" };
            if (vErrors === null) {
                vErrors = [err8];
            }
            else {
                vErrors.push(err8);
            }
            errors++;
        }
    }
    if (data.creationInfo !== undefined) {
        let data3 = data.creationInfo;
        if (data3 && typeof data3 == "object" && !Array.isArray(data3)) {
            if (data3.created === undefined) {
                const err9 = { instancePath: instancePath + "/creationInfo", schemaPath: "#/properties/creationInfo/required", keyword: "required", params: { missingProperty: "created" }, message: "must have required property '" + "created" + "'" };
                if (vErrors === null) {
                    vErrors = [err9];
                }
                else {
                    vErrors.push(err9);
                }
                errors++;
            }
            if (data3.creators === undefined) {
                const err10 = { instancePath: instancePath + "/creationInfo", schemaPath: "#/properties/creationInfo/required", keyword: "required", params: { missingProperty: "creators" }, message: "must have required property '" + "creators" + "'" };
                if (vErrors === null) {
                    vErrors = [err10];
                }
                else {
                    vErrors.push(err10);
                }
                errors++;
            }
            for (const key1 in data3) {
                if (!((((key1 === "comment") || (key1 === "created")) || (key1 === "creators")) || (key1 === "licenseListVersion"))) {
                    const err11 = { instancePath: instancePath + "/creationInfo", schemaPath: "#/properties/creationInfo/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key1 }, message: "must NOT have additional properties" };
                    if (vErrors === null) {
                        vErrors = [err11];
                    }
                    else {
                        vErrors.push(err11);
                    }
                    errors++;
                }
            }
            if (data3.comment !== undefined) {
                if (typeof data3.comment !== "string") {
                    const err12 = { instancePath: instancePath + "/creationInfo/comment", schemaPath: "#/properties/creationInfo/properties/comment/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                    if (vErrors === null) {
                        vErrors = [err12];
                    }
                    else {
                        vErrors.push(err12);
                    }
                    errors++;
                }
            }
            if (data3.created !== undefined) {
                if (typeof data3.created !== "string") {
                    const err13 = { instancePath: instancePath + "/creationInfo/created", schemaPath: "#/properties/creationInfo/properties/created/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                    if (vErrors === null) {
                        vErrors = [err13];
                    }
                    else {
                        vErrors.push(err13);
                    }
                    errors++;
                }
            }
            if (data3.creators !== undefined) {
                let data6 = data3.creators;
                if (Array.isArray(data6)) {
                    if (data6.length < 1) {
                        const err14 = { instancePath: instancePath + "/creationInfo/creators", schemaPath: "#/properties/creationInfo/properties/creators/minItems", keyword: "minItems", params: { limit: 1 }, message: "must NOT have fewer than 1 items" };
                        if (vErrors === null) {
                            vErrors = [err14];
                        }
                        else {
                            vErrors.push(err14);
                        }
                        errors++;
                    }
                    const len0 = data6.length;
                    for (let i0 = 0; i0 < len0; i0++) {
                        if (typeof data6[i0] !== "string") {
                            const err15 = { instancePath: instancePath + "/creationInfo/creators/" + i0, schemaPath: "#/properties/creationInfo/properties/creators/items/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                            if (vErrors === null) {
                                vErrors = [err15];
                            }
                            else {
                                vErrors.push(err15);
                            }
                            errors++;
                        }
                    }
                }
                else {
                    const err16 = { instancePath: instancePath + "/creationInfo/creators", schemaPath: "#/properties/creationInfo/properties/creators/type", keyword: "type", params: { type: "array" }, message: "must be array" };
                    if (vErrors === null) {
                        vErrors = [err16];
                    }
                    else {
                        vErrors.push(err16);
                    }
                    errors++;
                }
            }
            if (data3.licenseListVersion !== undefined) {
                if (typeof data3.licenseListVersion !== "string") {
                    const err17 = { instancePath: instancePath + "/creationInfo/licenseListVersion", schemaPath: "#/properties/creationInfo/properties/licenseListVersion/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                    if (vErrors === null) {
                        vErrors = [err17];
                    }
                    else {
                        vErrors.push(err17);
                    }
                    errors++;
                }
            }
        }
        else {
            const err18 = { instancePath: instancePath + "/creationInfo", schemaPath: "#/properties/creationInfo/type", keyword: "type", params: { type: "object" }, message: "must be object" };
            if (vErrors === null) {
                vErrors = [err18];
            }
            else {
                vErrors.push(err18);
            }
            errors++;
        }
    }
    if (data.dataLicense !== undefined) {
        if (typeof data.dataLicense !== "string") {
            const err19 = { instancePath: instancePath + "/dataLicense", schemaPath: "#/properties/dataLicense/type", keyword: "type", params: { type: "string" }, message: "must be string" };
            if (vErrors === null) {
                vErrors = [err19];
            }
            else {
                vErrors.push(err19);
            }
            errors++;
        }
    }
    if (data.externalDocumentRefs !== undefined) {
        if (!(Array.isArray(data.externalDocumentRefs))) {
            const err20 = { instancePath: instancePath + "/externalDocumentRefs", schemaPath: "#/properties/externalDocumentRefs/type", keyword: "type", params: { type: "array" }, message: "must be array" };
            if (vErrors === null) {
                vErrors = [err20];
            }
            else {
                vErrors.push(err20);
            }
            errors++;
        }
    }
    if (data.hasExtractedLicensingInfos !== undefined) {
        if (!(Array.isArray(data.hasExtractedLicensingInfos))) {
            const err21 = { instancePath: instancePath + "/hasExtractedLicensingInfos", schemaPath: "#/properties/hasExtractedLicensingInfos/type", keyword: "type", params: { type: "array" }, message: "must be array" };
            if (vErrors === null) {
                vErrors = [err21];
            }
            else {
                vErrors.push(err21);
            }
            errors++;
        }
    }
    if (data.name !== undefined) {
        if (typeof data.name !== "string") {
            const err22 = { instancePath: instancePath + "/name", schemaPath: "#/properties/name/type", keyword: "type", params: { type: "string" }, message: "must be string" };
            if (vErrors === null) {
                vErrors = [err22];
            }
            else {
                vErrors.push(err22);
            }
            errors++;
        }
    }
    if (data.revieweds !== undefined) {
        if (!(Array.isArray(data.revieweds))) {
            const err23 = { instancePath: instancePath + "/revieweds", schemaPath: "#/properties/revieweds/type", keyword: "type", params: { type: "array" }, message: "must be array" };
            if (vErrors === null) {
                vErrors = [err23];
            }
            else {
                vErrors.push(err23);
            }
            errors++;
        }
    }
    if (data.spdxVersion !== undefined) {
        if (typeof data.spdxVersion !== "string") {
            const err24 = { instancePath: instancePath + "/spdxVersion", schemaPath: "#/properties/spdxVersion/type", keyword: "type", params: { type: "string" }, message: "must be string" };
            if (vErrors === null) {
                vErrors = [err24];
            }
            else {
                vErrors.push(err24);
            }
            errors++;
        }
    }
    if (data.documentNamespace !== undefined) {
        if (typeof data.documentNamespace !== "string") {
            const err25 = { instancePath: instancePath + "/documentNamespace", schemaPath: "#/properties/documentNamespace/type", keyword: "type", params: { type: "string" }, message: "must be string" };
            if (vErrors === null) {
                vErrors = [err25];
            }
            else {
                vErrors.push(err25);
            }
            errors++;
        }
    }
    if (data.documentDescribes !== undefined) {
        if (!(Array.isArray(data.documentDescribes))) {
            const err26 = { instancePath: instancePath + "/documentDescribes", schemaPath: "#/properties/documentDescribes/type", keyword: "type", params: { type: "array" }, message: "must be array" };
            if (vErrors === null) {
                vErrors = [err26];
            }
            else {
                vErrors.push(err26);
            }
            errors++;
        }
    }
    if (data.packages !== undefined) {
        if (!(Array.isArray(data.packages))) {
            const err27 = { instancePath: instancePath + "/packages", schemaPath: "#/properties/packages/type", keyword: "type", params: { type: "array" }, message: "must be array" };
            if (vErrors === null) {
                vErrors = [err27];
            }
            else {
                vErrors.push(err27);
            }
            errors++;
        }
    }
    if (data.files !== undefined) {
        if (!(Array.isArray(data.files))) {
            const err28 = { instancePath: instancePath + "/files", schemaPath: "#/properties/files/type", keyword: "type", params: { type: "array" }, message: "must be array" };
            if (vErrors === null) {
                vErrors = [err28];
            }
            else {
                vErrors.push(err28);
            }
            errors++;
        }
    }
    if (data.snippets !== undefined) {
        if (!(Array.isArray(data.snippets))) {
            const err29 = { instancePath: instancePath + "/snippets", schemaPath: "#/properties/snippets/type", keyword: "type", params: { type: "array" }, message: "must be array" };
            if (vErrors === null) {
                vErrors = [err29];
            }
            else {
                vErrors.push(err29);
            }
            errors++;
        }
    }
    if (data.relationships !== undefined) {
        if (!(Array.isArray(data.relationships))) {
            const err30 = { instancePath: instancePath + "/relationships", schemaPath: "#/properties/relationships/type", keyword: "type", params: { type: "array" }, message: "must be array" };
            if (vErrors === null) {
                vErrors = [err30];
            }
            else {
                vErrors.push(err30);
            }
            errors++;
        }
    }
}
else {
    const err31 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object" };
    if (vErrors === null) {
        vErrors = [err31];
    }
    else {
        vErrors.push(err31);
    }
    errors++;
} validate10.errors = vErrors; return errors === 0; }
const annotations = validate11;
const schema12 = { "type": "object", "properties": { "annotationDate": { "type": "string" }, "annotationType": { "type": "string", "enum": ["OTHER", "REVIEW"] }, "annotator": { "type": "string" }, "comment": { "type": "string" } }, "required": ["annotationDate", "annotationType", "annotator", "comment"], "additionalProperties": false };
function validate11(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) { let vErrors = null; let errors = 0; if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.annotationDate === undefined) {
        const err0 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "annotationDate" }, message: "must have required property '" + "annotationDate" + "'" };
        if (vErrors === null) {
            vErrors = [err0];
        }
        else {
            vErrors.push(err0);
        }
        errors++;
    }
    if (data.annotationType === undefined) {
        const err1 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "annotationType" }, message: "must have required property '" + "annotationType" + "'" };
        if (vErrors === null) {
            vErrors = [err1];
        }
        else {
            vErrors.push(err1);
        }
        errors++;
    }
    if (data.annotator === undefined) {
        const err2 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "annotator" }, message: "must have required property '" + "annotator" + "'" };
        if (vErrors === null) {
            vErrors = [err2];
        }
        else {
            vErrors.push(err2);
        }
        errors++;
    }
    if (data.comment === undefined) {
        const err3 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "comment" }, message: "must have required property '" + "comment" + "'" };
        if (vErrors === null) {
            vErrors = [err3];
        }
        else {
            vErrors.push(err3);
        }
        errors++;
    }
    for (const key0 in data) {
        if (!((((key0 === "annotationDate") || (key0 === "annotationType")) || (key0 === "annotator")) || (key0 === "comment"))) {
            const err4 = { instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties" };
            if (vErrors === null) {
                vErrors = [err4];
            }
            else {
                vErrors.push(err4);
            }
            errors++;
        }
    }
    if (data.annotationDate !== undefined) {
        if (typeof data.annotationDate !== "string") {
            const err5 = { instancePath: instancePath + "/annotationDate", schemaPath: "#/properties/annotationDate/type", keyword: "type", params: { type: "string" }, message: "must be string" };
            if (vErrors === null) {
                vErrors = [err5];
            }
            else {
                vErrors.push(err5);
            }
            errors++;
        }
    }
    if (data.annotationType !== undefined) {
        let data1 = data.annotationType;
        if (typeof data1 !== "string") {
            const err6 = { instancePath: instancePath + "/annotationType", schemaPath: "#/properties/annotationType/type", keyword: "type", params: { type: "string" }, message: "must be string" };
            if (vErrors === null) {
                vErrors = [err6];
            }
            else {
                vErrors.push(err6);
            }
            errors++;
        }
        if (!((data1 === "OTHER") || (data1 === "REVIEW"))) {
            const err7 = { instancePath: instancePath + "/annotationType", schemaPath: "#/properties/annotationType/enum", keyword: "enum", params: { allowedValues: schema12.properties.annotationType.enum }, message: "must be equal to one of the allowed values" };
            if (vErrors === null) {
                vErrors = [err7];
            }
            else {
                vErrors.push(err7);
            }
            errors++;
        }
    }
    if (data.annotator !== undefined) {
        if (typeof data.annotator !== "string") {
            const err8 = { instancePath: instancePath + "/annotator", schemaPath: "#/properties/annotator/type", keyword: "type", params: { type: "string" }, message: "must be string" };
            if (vErrors === null) {
                vErrors = [err8];
            }
            else {
                vErrors.push(err8);
            }
            errors++;
        }
    }
    if (data.comment !== undefined) {
        if (typeof data.comment !== "string") {
            const err9 = { instancePath: instancePath + "/comment", schemaPath: "#/properties/comment/type", keyword: "type", params: { type: "string" }, message: "must be string" };
            if (vErrors === null) {
                vErrors = [err9];
            }
            else {
                vErrors.push(err9);
            }
            errors++;
        }
    }
}
else {
    const err10 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object" };
    if (vErrors === null) {
        vErrors = [err10];
    }
    else {
        vErrors.push(err10);
    }
    errors++;
} validate11.errors = vErrors; return errors === 0; }
const externalDocumentRefs = validate12;
const schema13 = { "type": "object", "properties": { "checksum": { "type": "object", "properties": { "algorithm": { "type": "string", "enum": ["SHA1", "BLAKE3", "SHA3-384", "SHA256", "SHA384", "BLAKE2b-512", "BLAKE2b-256", "SHA3-512", "MD2", "ADLER32", "MD4", "SHA3-256", "BLAKE2b-384", "SHA512", "MD6", "MD5", "SHA224"] }, "checksumValue": { "type": "string" } }, "required": ["algorithm", "checksumValue"], "additionalProperties": false }, "externalDocumentId": { "type": "string" }, "spdxDocument": { "type": "string" } }, "required": ["checksum", "externalDocumentId", "spdxDocument"], "additionalProperties": false };
function validate12(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) { let vErrors = null; let errors = 0; if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.checksum === undefined) {
        const err0 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "checksum" }, message: "must have required property '" + "checksum" + "'" };
        if (vErrors === null) {
            vErrors = [err0];
        }
        else {
            vErrors.push(err0);
        }
        errors++;
    }
    if (data.externalDocumentId === undefined) {
        const err1 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "externalDocumentId" }, message: "must have required property '" + "externalDocumentId" + "'" };
        if (vErrors === null) {
            vErrors = [err1];
        }
        else {
            vErrors.push(err1);
        }
        errors++;
    }
    if (data.spdxDocument === undefined) {
        const err2 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "spdxDocument" }, message: "must have required property '" + "spdxDocument" + "'" };
        if (vErrors === null) {
            vErrors = [err2];
        }
        else {
            vErrors.push(err2);
        }
        errors++;
    }
    for (const key0 in data) {
        if (!(((key0 === "checksum") || (key0 === "externalDocumentId")) || (key0 === "spdxDocument"))) {
            const err3 = { instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties" };
            if (vErrors === null) {
                vErrors = [err3];
            }
            else {
                vErrors.push(err3);
            }
            errors++;
        }
    }
    if (data.checksum !== undefined) {
        let data0 = data.checksum;
        if (data0 && typeof data0 == "object" && !Array.isArray(data0)) {
            if (data0.algorithm === undefined) {
                const err4 = { instancePath: instancePath + "/checksum", schemaPath: "#/properties/checksum/required", keyword: "required", params: { missingProperty: "algorithm" }, message: "must have required property '" + "algorithm" + "'" };
                if (vErrors === null) {
                    vErrors = [err4];
                }
                else {
                    vErrors.push(err4);
                }
                errors++;
            }
            if (data0.checksumValue === undefined) {
                const err5 = { instancePath: instancePath + "/checksum", schemaPath: "#/properties/checksum/required", keyword: "required", params: { missingProperty: "checksumValue" }, message: "must have required property '" + "checksumValue" + "'" };
                if (vErrors === null) {
                    vErrors = [err5];
                }
                else {
                    vErrors.push(err5);
                }
                errors++;
            }
            for (const key1 in data0) {
                if (!((key1 === "algorithm") || (key1 === "checksumValue"))) {
                    const err6 = { instancePath: instancePath + "/checksum", schemaPath: "#/properties/checksum/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key1 }, message: "must NOT have additional properties" };
                    if (vErrors === null) {
                        vErrors = [err6];
                    }
                    else {
                        vErrors.push(err6);
                    }
                    errors++;
                }
            }
            if (data0.algorithm !== undefined) {
                let data1 = data0.algorithm;
                if (typeof data1 !== "string") {
                    const err7 = { instancePath: instancePath + "/checksum/algorithm", schemaPath: "#/properties/checksum/properties/algorithm/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                    if (vErrors === null) {
                        vErrors = [err7];
                    }
                    else {
                        vErrors.push(err7);
                    }
                    errors++;
                }
                if (!(((((((((((((((((data1 === "SHA1") || (data1 === "BLAKE3")) || (data1 === "SHA3-384")) || (data1 === "SHA256")) || (data1 === "SHA384")) || (data1 === "BLAKE2b-512")) || (data1 === "BLAKE2b-256")) || (data1 === "SHA3-512")) || (data1 === "MD2")) || (data1 === "ADLER32")) || (data1 === "MD4")) || (data1 === "SHA3-256")) || (data1 === "BLAKE2b-384")) || (data1 === "SHA512")) || (data1 === "MD6")) || (data1 === "MD5")) || (data1 === "SHA224"))) {
                    const err8 = { instancePath: instancePath + "/checksum/algorithm", schemaPath: "#/properties/checksum/properties/algorithm/enum", keyword: "enum", params: { allowedValues: schema13.properties.checksum.properties.algorithm.enum }, message: "must be equal to one of the allowed values" };
                    if (vErrors === null) {
                        vErrors = [err8];
                    }
                    else {
                        vErrors.push(err8);
                    }
                    errors++;
                }
            }
            if (data0.checksumValue !== undefined) {
                if (typeof data0.checksumValue !== "string") {
                    const err9 = { instancePath: instancePath + "/checksum/checksumValue", schemaPath: "#/properties/checksum/properties/checksumValue/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                    if (vErrors === null) {
                        vErrors = [err9];
                    }
                    else {
                        vErrors.push(err9);
                    }
                    errors++;
                }
            }
        }
        else {
            const err10 = { instancePath: instancePath + "/checksum", schemaPath: "#/properties/checksum/type", keyword: "type", params: { type: "object" }, message: "must be object" };
            if (vErrors === null) {
                vErrors = [err10];
            }
            else {
                vErrors.push(err10);
            }
            errors++;
        }
    }
    if (data.externalDocumentId !== undefined) {
        if (typeof data.externalDocumentId !== "string") {
            const err11 = { instancePath: instancePath + "/externalDocumentId", schemaPath: "#/properties/externalDocumentId/type", keyword: "type", params: { type: "string" }, message: "must be string" };
            if (vErrors === null) {
                vErrors = [err11];
            }
            else {
                vErrors.push(err11);
            }
            errors++;
        }
    }
    if (data.spdxDocument !== undefined) {
        if (typeof data.spdxDocument !== "string") {
            const err12 = { instancePath: instancePath + "/spdxDocument", schemaPath: "#/properties/spdxDocument/type", keyword: "type", params: { type: "string" }, message: "must be string" };
            if (vErrors === null) {
                vErrors = [err12];
            }
            else {
                vErrors.push(err12);
            }
            errors++;
        }
    }
}
else {
    const err13 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object" };
    if (vErrors === null) {
        vErrors = [err13];
    }
    else {
        vErrors.push(err13);
    }
    errors++;
} validate12.errors = vErrors; return errors === 0; }
const hasExtractedLicensingInfos = validate13;
const schema14 = { "type": "object", "properties": { "comment": { "type": "string" }, "crossRefs": { "type": "array", "items": { "type": "object", "properties": { "isLive": { "type": "boolean" }, "isValid": { "type": "boolean" }, "isWayBackLink": { "type": "boolean" }, "match": { "type": "string" }, "order": { "type": "integer" }, "timestamp": { "type": "string" }, "url": { "type": "string" } }, "required": ["url"], "additionalProperties": false } }, "extractedText": { "type": "string" }, "licenseId": { "type": "string" }, "name": { "type": "string" }, "seeAlsos": { "type": "array", "items": { "type": "string" } } }, "required": ["extractedText", "licenseId"], "additionalProperties": false };
function validate13(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) { let vErrors = null; let errors = 0; if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.extractedText === undefined) {
        const err0 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "extractedText" }, message: "must have required property '" + "extractedText" + "'" };
        if (vErrors === null) {
            vErrors = [err0];
        }
        else {
            vErrors.push(err0);
        }
        errors++;
    }
    if (data.licenseId === undefined) {
        const err1 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "licenseId" }, message: "must have required property '" + "licenseId" + "'" };
        if (vErrors === null) {
            vErrors = [err1];
        }
        else {
            vErrors.push(err1);
        }
        errors++;
    }
    for (const key0 in data) {
        if (!((((((key0 === "comment") || (key0 === "crossRefs")) || (key0 === "extractedText")) || (key0 === "licenseId")) || (key0 === "name")) || (key0 === "seeAlsos"))) {
            const err2 = { instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties" };
            if (vErrors === null) {
                vErrors = [err2];
            }
            else {
                vErrors.push(err2);
            }
            errors++;
        }
    }
    if (data.comment !== undefined) {
        if (typeof data.comment !== "string") {
            const err3 = { instancePath: instancePath + "/comment", schemaPath: "#/properties/comment/type", keyword: "type", params: { type: "string" }, message: "must be string" };
            if (vErrors === null) {
                vErrors = [err3];
            }
            else {
                vErrors.push(err3);
            }
            errors++;
        }
    }
    if (data.crossRefs !== undefined) {
        let data1 = data.crossRefs;
        if (Array.isArray(data1)) {
            const len0 = data1.length;
            for (let i0 = 0; i0 < len0; i0++) {
                let data2 = data1[i0];
                if (data2 && typeof data2 == "object" && !Array.isArray(data2)) {
                    if (data2.url === undefined) {
                        const err4 = { instancePath: instancePath + "/crossRefs/" + i0, schemaPath: "#/properties/crossRefs/items/required", keyword: "required", params: { missingProperty: "url" }, message: "must have required property '" + "url" + "'" };
                        if (vErrors === null) {
                            vErrors = [err4];
                        }
                        else {
                            vErrors.push(err4);
                        }
                        errors++;
                    }
                    for (const key1 in data2) {
                        if (!(((((((key1 === "isLive") || (key1 === "isValid")) || (key1 === "isWayBackLink")) || (key1 === "match")) || (key1 === "order")) || (key1 === "timestamp")) || (key1 === "url"))) {
                            const err5 = { instancePath: instancePath + "/crossRefs/" + i0, schemaPath: "#/properties/crossRefs/items/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key1 }, message: "must NOT have additional properties" };
                            if (vErrors === null) {
                                vErrors = [err5];
                            }
                            else {
                                vErrors.push(err5);
                            }
                            errors++;
                        }
                    }
                    if (data2.isLive !== undefined) {
                        if (typeof data2.isLive !== "boolean") {
                            const err6 = { instancePath: instancePath + "/crossRefs/" + i0 + "/isLive", schemaPath: "#/properties/crossRefs/items/properties/isLive/type", keyword: "type", params: { type: "boolean" }, message: "must be boolean" };
                            if (vErrors === null) {
                                vErrors = [err6];
                            }
                            else {
                                vErrors.push(err6);
                            }
                            errors++;
                        }
                    }
                    if (data2.isValid !== undefined) {
                        if (typeof data2.isValid !== "boolean") {
                            const err7 = { instancePath: instancePath + "/crossRefs/" + i0 + "/isValid", schemaPath: "#/properties/crossRefs/items/properties/isValid/type", keyword: "type", params: { type: "boolean" }, message: "must be boolean" };
                            if (vErrors === null) {
                                vErrors = [err7];
                            }
                            else {
                                vErrors.push(err7);
                            }
                            errors++;
                        }
                    }
                    if (data2.isWayBackLink !== undefined) {
                        if (typeof data2.isWayBackLink !== "boolean") {
                            const err8 = { instancePath: instancePath + "/crossRefs/" + i0 + "/isWayBackLink", schemaPath: "#/properties/crossRefs/items/properties/isWayBackLink/type", keyword: "type", params: { type: "boolean" }, message: "must be boolean" };
                            if (vErrors === null) {
                                vErrors = [err8];
                            }
                            else {
                                vErrors.push(err8);
                            }
                            errors++;
                        }
                    }
                    if (data2.match !== undefined) {
                        if (typeof data2.match !== "string") {
                            const err9 = { instancePath: instancePath + "/crossRefs/" + i0 + "/match", schemaPath: "#/properties/crossRefs/items/properties/match/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                            if (vErrors === null) {
                                vErrors = [err9];
                            }
                            else {
                                vErrors.push(err9);
                            }
                            errors++;
                        }
                    }
                    if (data2.order !== undefined) {
                        let data7 = data2.order;
                        if (!(((typeof data7 == "number") && (!(data7 % 1) && !isNaN(data7))) && (isFinite(data7)))) {
                            const err10 = { instancePath: instancePath + "/crossRefs/" + i0 + "/order", schemaPath: "#/properties/crossRefs/items/properties/order/type", keyword: "type", params: { type: "integer" }, message: "must be integer" };
                            if (vErrors === null) {
                                vErrors = [err10];
                            }
                            else {
                                vErrors.push(err10);
                            }
                            errors++;
                        }
                    }
                    if (data2.timestamp !== undefined) {
                        if (typeof data2.timestamp !== "string") {
                            const err11 = { instancePath: instancePath + "/crossRefs/" + i0 + "/timestamp", schemaPath: "#/properties/crossRefs/items/properties/timestamp/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                            if (vErrors === null) {
                                vErrors = [err11];
                            }
                            else {
                                vErrors.push(err11);
                            }
                            errors++;
                        }
                    }
                    if (data2.url !== undefined) {
                        if (typeof data2.url !== "string") {
                            const err12 = { instancePath: instancePath + "/crossRefs/" + i0 + "/url", schemaPath: "#/properties/crossRefs/items/properties/url/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                            if (vErrors === null) {
                                vErrors = [err12];
                            }
                            else {
                                vErrors.push(err12);
                            }
                            errors++;
                        }
                    }
                }
                else {
                    const err13 = { instancePath: instancePath + "/crossRefs/" + i0, schemaPath: "#/properties/crossRefs/items/type", keyword: "type", params: { type: "object" }, message: "must be object" };
                    if (vErrors === null) {
                        vErrors = [err13];
                    }
                    else {
                        vErrors.push(err13);
                    }
                    errors++;
                }
            }
        }
        else {
            const err14 = { instancePath: instancePath + "/crossRefs", schemaPath: "#/properties/crossRefs/type", keyword: "type", params: { type: "array" }, message: "must be array" };
            if (vErrors === null) {
                vErrors = [err14];
            }
            else {
                vErrors.push(err14);
            }
            errors++;
        }
    }
    if (data.extractedText !== undefined) {
        if (typeof data.extractedText !== "string") {
            const err15 = { instancePath: instancePath + "/extractedText", schemaPath: "#/properties/extractedText/type", keyword: "type", params: { type: "string" }, message: "must be string" };
            if (vErrors === null) {
                vErrors = [err15];
            }
            else {
                vErrors.push(err15);
            }
            errors++;
        }
    }
    if (data.licenseId !== undefined) {
        if (typeof data.licenseId !== "string") {
            const err16 = { instancePath: instancePath + "/licenseId", schemaPath: "#/properties/licenseId/type", keyword: "type", params: { type: "string" }, message: "must be string" };
            if (vErrors === null) {
                vErrors = [err16];
            }
            else {
                vErrors.push(err16);
            }
            errors++;
        }
    }
    if (data.name !== undefined) {
        if (typeof data.name !== "string") {
            const err17 = { instancePath: instancePath + "/name", schemaPath: "#/properties/name/type", keyword: "type", params: { type: "string" }, message: "must be string" };
            if (vErrors === null) {
                vErrors = [err17];
            }
            else {
                vErrors.push(err17);
            }
            errors++;
        }
    }
    if (data.seeAlsos !== undefined) {
        let data13 = data.seeAlsos;
        if (Array.isArray(data13)) {
            const len1 = data13.length;
            for (let i1 = 0; i1 < len1; i1++) {
                if (typeof data13[i1] !== "string") {
                    const err18 = { instancePath: instancePath + "/seeAlsos/" + i1, schemaPath: "#/properties/seeAlsos/items/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                    if (vErrors === null) {
                        vErrors = [err18];
                    }
                    else {
                        vErrors.push(err18);
                    }
                    errors++;
                }
            }
        }
        else {
            const err19 = { instancePath: instancePath + "/seeAlsos", schemaPath: "#/properties/seeAlsos/type", keyword: "type", params: { type: "array" }, message: "must be array" };
            if (vErrors === null) {
                vErrors = [err19];
            }
            else {
                vErrors.push(err19);
            }
            errors++;
        }
    }
}
else {
    const err20 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object" };
    if (vErrors === null) {
        vErrors = [err20];
    }
    else {
        vErrors.push(err20);
    }
    errors++;
} validate13.errors = vErrors; return errors === 0; }
const revieweds = validate14;
const schema15 = { "type": "object", "properties": { "comment": { "type": "string" }, "reviewDate": { "type": "string" }, "reviewer": { "type": "string" } }, "required": ["reviewDate"], "additionalProperties": false };
function validate14(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) { let vErrors = null; let errors = 0; if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.reviewDate === undefined) {
        const err0 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "reviewDate" }, message: "must have required property '" + "reviewDate" + "'" };
        if (vErrors === null) {
            vErrors = [err0];
        }
        else {
            vErrors.push(err0);
        }
        errors++;
    }
    for (const key0 in data) {
        if (!(((key0 === "comment") || (key0 === "reviewDate")) || (key0 === "reviewer"))) {
            const err1 = { instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties" };
            if (vErrors === null) {
                vErrors = [err1];
            }
            else {
                vErrors.push(err1);
            }
            errors++;
        }
    }
    if (data.comment !== undefined) {
        if (typeof data.comment !== "string") {
            const err2 = { instancePath: instancePath + "/comment", schemaPath: "#/properties/comment/type", keyword: "type", params: { type: "string" }, message: "must be string" };
            if (vErrors === null) {
                vErrors = [err2];
            }
            else {
                vErrors.push(err2);
            }
            errors++;
        }
    }
    if (data.reviewDate !== undefined) {
        if (typeof data.reviewDate !== "string") {
            const err3 = { instancePath: instancePath + "/reviewDate", schemaPath: "#/properties/reviewDate/type", keyword: "type", params: { type: "string" }, message: "must be string" };
            if (vErrors === null) {
                vErrors = [err3];
            }
            else {
                vErrors.push(err3);
            }
            errors++;
        }
    }
    if (data.reviewer !== undefined) {
        if (typeof data.reviewer !== "string") {
            const err4 = { instancePath: instancePath + "/reviewer", schemaPath: "#/properties/reviewer/type", keyword: "type", params: { type: "string" }, message: "must be string" };
            if (vErrors === null) {
                vErrors = [err4];
            }
            else {
                vErrors.push(err4);
            }
            errors++;
        }
    }
}
else {
    const err5 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object" };
    if (vErrors === null) {
        vErrors = [err5];
    }
    else {
        vErrors.push(err5);
    }
    errors++;
} validate14.errors = vErrors; return errors === 0; }
const documentDescribes = validate15;
const schema16 = { "type": "string" };
function validate15(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) { let vErrors = null; let errors = 0; if (typeof data !== "string") {
    const err0 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "string" }, message: "must be string" };
    if (vErrors === null) {
        vErrors = [err0];
    }
    else {
        vErrors.push(err0);
    }
    errors++;
} validate15.errors = vErrors; return errors === 0; }
const spdx_validators_generated_packages = validate16;
const schema17 = { "type": "object", "properties": { "SPDXID": { "type": "string" }, "annotations": { "type": "array", "items": { "type": "object", "properties": { "annotationDate": { "type": "string" }, "annotationType": { "type": "string", "enum": ["OTHER", "REVIEW"] }, "annotator": { "type": "string" }, "comment": { "type": "string" } }, "required": ["annotationDate", "annotationType", "annotator", "comment"], "additionalProperties": false } }, "attributionTexts": { "type": "array", "items": { "type": "string" } }, "builtDate": { "type": "string" }, "checksums": { "type": "array", "items": { "type": "object", "properties": { "algorithm": { "type": "string", "enum": ["SHA1", "BLAKE3", "SHA3-384", "SHA256", "SHA384", "BLAKE2b-512", "BLAKE2b-256", "SHA3-512", "MD2", "ADLER32", "MD4", "SHA3-256", "BLAKE2b-384", "SHA512", "MD6", "MD5", "SHA224"] }, "checksumValue": { "type": "string" } }, "required": ["algorithm", "checksumValue"], "additionalProperties": false } }, "comment": { "type": "string" }, "copyrightText": { "type": "string" }, "description": { "type": "string" }, "downloadLocation": { "type": "string" }, "externalRefs": { "type": "array", "items": { "type": "object", "properties": { "comment": { "type": "string" }, "referenceCategory": { "type": "string", "enum": ["OTHER", "PERSISTENT-ID", "SECURITY", "PACKAGE-MANAGER"] }, "referenceLocator": { "type": "string" }, "referenceType": { "type": "string" } }, "required": ["referenceCategory", "referenceLocator", "referenceType"], "additionalProperties": false } }, "filesAnalyzed": { "type": "boolean" }, "hasFiles": { "type": "array", "items": { "type": "string" } }, "homepage": { "type": "string" }, "licenseComments": { "type": "string" }, "licenseConcluded": { "type": "string" }, "licenseDeclared": { "type": "string" }, "licenseInfoFromFiles": { "type": "array", "items": { "type": "string" } }, "name": { "type": "string" }, "originator": { "type": "string" }, "packageFileName": { "type": "string" }, "packageVerificationCode": { "type": "object", "properties": { "packageVerificationCodeExcludedFiles": { "type": "array", "items": { "type": "string" } }, "packageVerificationCodeValue": { "type": "string" } }, "required": ["packageVerificationCodeValue"], "additionalProperties": false }, "primaryPackagePurpose": { "type": "string", "enum": ["OTHER", "INSTALL", "ARCHIVE", "FIRMWARE", "APPLICATION", "FRAMEWORK", "LIBRARY", "CONTAINER", "SOURCE", "DEVICE", "OPERATING_SYSTEM", "FILE"] }, "releaseDate": { "type": "string" }, "sourceInfo": { "type": "string" }, "summary": { "type": "string" }, "supplier": { "type": "string" }, "validUntilDate": { "type": "string" }, "versionInfo": { "type": "string" } }, "required": ["SPDXID", "downloadLocation", "name"], "additionalProperties": false };
function validate16(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) { let vErrors = null; let errors = 0; if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.SPDXID === undefined) {
        const err0 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "SPDXID" }, message: "must have required property '" + "SPDXID" + "'" };
        if (vErrors === null) {
            vErrors = [err0];
        }
        else {
            vErrors.push(err0);
        }
        errors++;
    }
    if (data.downloadLocation === undefined) {
        const err1 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "downloadLocation" }, message: "must have required property '" + "downloadLocation" + "'" };
        if (vErrors === null) {
            vErrors = [err1];
        }
        else {
            vErrors.push(err1);
        }
        errors++;
    }
    if (data.name === undefined) {
        const err2 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "name" }, message: "must have required property '" + "name" + "'" };
        if (vErrors === null) {
            vErrors = [err2];
        }
        else {
            vErrors.push(err2);
        }
        errors++;
    }
    for (const key0 in data) {
        if (!(func2.call(schema17.properties, key0))) {
            const err3 = { instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties" };
            if (vErrors === null) {
                vErrors = [err3];
            }
            else {
                vErrors.push(err3);
            }
            errors++;
        }
    }
    if (data.SPDXID !== undefined) {
        if (typeof data.SPDXID !== "string") {
            const err4 = { instancePath: instancePath + "/SPDXID", schemaPath: "#/properties/SPDXID/type", keyword: "type", params: { type: "string" }, message: "must be string" };
            if (vErrors === null) {
                vErrors = [err4];
            }
            else {
                vErrors.push(err4);
            }
            errors++;
        }
    }
    if (data.annotations !== undefined) {
        let data1 = data.annotations;
        if (Array.isArray(data1)) {
            const len0 = data1.length;
            for (let i0 = 0; i0 < len0; i0++) {
                let data2 = data1[i0];
                if (data2 && typeof data2 == "object" && !Array.isArray(data2)) {
                    if (data2.annotationDate === undefined) {
                        const err5 = { instancePath: instancePath + "/annotations/" + i0, schemaPath: "#/properties/annotations/items/required", keyword: "required", params: { missingProperty: "annotationDate" }, message: "must have required property '" + "annotationDate" + "'" };
                        if (vErrors === null) {
                            vErrors = [err5];
                        }
                        else {
                            vErrors.push(err5);
                        }
                        errors++;
                    }
                    if (data2.annotationType === undefined) {
                        const err6 = { instancePath: instancePath + "/annotations/" + i0, schemaPath: "#/properties/annotations/items/required", keyword: "required", params: { missingProperty: "annotationType" }, message: "must have required property '" + "annotationType" + "'" };
                        if (vErrors === null) {
                            vErrors = [err6];
                        }
                        else {
                            vErrors.push(err6);
                        }
                        errors++;
                    }
                    if (data2.annotator === undefined) {
                        const err7 = { instancePath: instancePath + "/annotations/" + i0, schemaPath: "#/properties/annotations/items/required", keyword: "required", params: { missingProperty: "annotator" }, message: "must have required property '" + "annotator" + "'" };
                        if (vErrors === null) {
                            vErrors = [err7];
                        }
                        else {
                            vErrors.push(err7);
                        }
                        errors++;
                    }
                    if (data2.comment === undefined) {
                        const err8 = { instancePath: instancePath + "/annotations/" + i0, schemaPath: "#/properties/annotations/items/required", keyword: "required", params: { missingProperty: "comment" }, message: "must have required property '" + "comment" + "'" };
                        if (vErrors === null) {
                            vErrors = [err8];
                        }
                        else {
                            vErrors.push(err8);
                        }
                        errors++;
                    }
                    for (const key1 in data2) {
                        if (!((((key1 === "annotationDate") || (key1 === "annotationType")) || (key1 === "annotator")) || (key1 === "comment"))) {
                            const err9 = { instancePath: instancePath + "/annotations/" + i0, schemaPath: "#/properties/annotations/items/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key1 }, message: "must NOT have additional properties" };
                            if (vErrors === null) {
                                vErrors = [err9];
                            }
                            else {
                                vErrors.push(err9);
                            }
                            errors++;
                        }
                    }
                    if (data2.annotationDate !== undefined) {
                        if (typeof data2.annotationDate !== "string") {
                            const err10 = { instancePath: instancePath + "/annotations/" + i0 + "/annotationDate", schemaPath: "#/properties/annotations/items/properties/annotationDate/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                            if (vErrors === null) {
                                vErrors = [err10];
                            }
                            else {
                                vErrors.push(err10);
                            }
                            errors++;
                        }
                    }
                    if (data2.annotationType !== undefined) {
                        let data4 = data2.annotationType;
                        if (typeof data4 !== "string") {
                            const err11 = { instancePath: instancePath + "/annotations/" + i0 + "/annotationType", schemaPath: "#/properties/annotations/items/properties/annotationType/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                            if (vErrors === null) {
                                vErrors = [err11];
                            }
                            else {
                                vErrors.push(err11);
                            }
                            errors++;
                        }
                        if (!((data4 === "OTHER") || (data4 === "REVIEW"))) {
                            const err12 = { instancePath: instancePath + "/annotations/" + i0 + "/annotationType", schemaPath: "#/properties/annotations/items/properties/annotationType/enum", keyword: "enum", params: { allowedValues: schema17.properties.annotations.items.properties.annotationType.enum }, message: "must be equal to one of the allowed values" };
                            if (vErrors === null) {
                                vErrors = [err12];
                            }
                            else {
                                vErrors.push(err12);
                            }
                            errors++;
                        }
                    }
                    if (data2.annotator !== undefined) {
                        if (typeof data2.annotator !== "string") {
                            const err13 = { instancePath: instancePath + "/annotations/" + i0 + "/annotator", schemaPath: "#/properties/annotations/items/properties/annotator/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                            if (vErrors === null) {
                                vErrors = [err13];
                            }
                            else {
                                vErrors.push(err13);
                            }
                            errors++;
                        }
                    }
                    if (data2.comment !== undefined) {
                        if (typeof data2.comment !== "string") {
                            const err14 = { instancePath: instancePath + "/annotations/" + i0 + "/comment", schemaPath: "#/properties/annotations/items/properties/comment/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                            if (vErrors === null) {
                                vErrors = [err14];
                            }
                            else {
                                vErrors.push(err14);
                            }
                            errors++;
                        }
                    }
                }
                else {
                    const err15 = { instancePath: instancePath + "/annotations/" + i0, schemaPath: "#/properties/annotations/items/type", keyword: "type", params: { type: "object" }, message: "must be object" };
                    if (vErrors === null) {
                        vErrors = [err15];
                    }
                    else {
                        vErrors.push(err15);
                    }
                    errors++;
                }
            }
        }
        else {
            const err16 = { instancePath: instancePath + "/annotations", schemaPath: "#/properties/annotations/type", keyword: "type", params: { type: "array" }, message: "must be array" };
            if (vErrors === null) {
                vErrors = [err16];
            }
            else {
                vErrors.push(err16);
            }
            errors++;
        }
    }
    if (data.attributionTexts !== undefined) {
        let data7 = data.attributionTexts;
        if (Array.isArray(data7)) {
            const len1 = data7.length;
            for (let i1 = 0; i1 < len1; i1++) {
                if (typeof data7[i1] !== "string") {
                    const err17 = { instancePath: instancePath + "/attributionTexts/" + i1, schemaPath: "#/properties/attributionTexts/items/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                    if (vErrors === null) {
                        vErrors = [err17];
                    }
                    else {
                        vErrors.push(err17);
                    }
                    errors++;
                }
            }
        }
        else {
            const err18 = { instancePath: instancePath + "/attributionTexts", schemaPath: "#/properties/attributionTexts/type", keyword: "type", params: { type: "array" }, message: "must be array" };
            if (vErrors === null) {
                vErrors = [err18];
            }
            else {
                vErrors.push(err18);
            }
            errors++;
        }
    }
    if (data.builtDate !== undefined) {
        if (typeof data.builtDate !== "string") {
            const err19 = { instancePath: instancePath + "/builtDate", schemaPath: "#/properties/builtDate/type", keyword: "type", params: { type: "string" }, message: "must be string" };
            if (vErrors === null) {
                vErrors = [err19];
            }
            else {
                vErrors.push(err19);
            }
            errors++;
        }
    }
    if (data.checksums !== undefined) {
        let data10 = data.checksums;
        if (Array.isArray(data10)) {
            const len2 = data10.length;
            for (let i2 = 0; i2 < len2; i2++) {
                let data11 = data10[i2];
                if (data11 && typeof data11 == "object" && !Array.isArray(data11)) {
                    if (data11.algorithm === undefined) {
                        const err20 = { instancePath: instancePath + "/checksums/" + i2, schemaPath: "#/properties/checksums/items/required", keyword: "required", params: { missingProperty: "algorithm" }, message: "must have required property '" + "algorithm" + "'" };
                        if (vErrors === null) {
                            vErrors = [err20];
                        }
                        else {
                            vErrors.push(err20);
                        }
                        errors++;
                    }
                    if (data11.checksumValue === undefined) {
                        const err21 = { instancePath: instancePath + "/checksums/" + i2, schemaPath: "#/properties/checksums/items/required", keyword: "required", params: { missingProperty: "checksumValue" }, message: "must have required property '" + "checksumValue" + "'" };
                        if (vErrors === null) {
                            vErrors = [err21];
                        }
                        else {
                            vErrors.push(err21);
                        }
                        errors++;
                    }
                    for (const key2 in data11) {
                        if (!((key2 === "algorithm") || (key2 === "checksumValue"))) {
                            const err22 = { instancePath: instancePath + "/checksums/" + i2, schemaPath: "#/properties/checksums/items/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key2 }, message: "must NOT have additional properties" };
                            if (vErrors === null) {
                                vErrors = [err22];
                            }
                            else {
                                vErrors.push(err22);
                            }
                            errors++;
                        }
                    }
                    if (data11.algorithm !== undefined) {
                        let data12 = data11.algorithm;
                        if (typeof data12 !== "string") {
                            const err23 = { instancePath: instancePath + "/checksums/" + i2 + "/algorithm", schemaPath: "#/properties/checksums/items/properties/algorithm/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                            if (vErrors === null) {
                                vErrors = [err23];
                            }
                            else {
                                vErrors.push(err23);
                            }
                            errors++;
                        }
                        if (!(((((((((((((((((data12 === "SHA1") || (data12 === "BLAKE3")) || (data12 === "SHA3-384")) || (data12 === "SHA256")) || (data12 === "SHA384")) || (data12 === "BLAKE2b-512")) || (data12 === "BLAKE2b-256")) || (data12 === "SHA3-512")) || (data12 === "MD2")) || (data12 === "ADLER32")) || (data12 === "MD4")) || (data12 === "SHA3-256")) || (data12 === "BLAKE2b-384")) || (data12 === "SHA512")) || (data12 === "MD6")) || (data12 === "MD5")) || (data12 === "SHA224"))) {
                            const err24 = { instancePath: instancePath + "/checksums/" + i2 + "/algorithm", schemaPath: "#/properties/checksums/items/properties/algorithm/enum", keyword: "enum", params: { allowedValues: schema17.properties.checksums.items.properties.algorithm.enum }, message: "must be equal to one of the allowed values" };
                            if (vErrors === null) {
                                vErrors = [err24];
                            }
                            else {
                                vErrors.push(err24);
                            }
                            errors++;
                        }
                    }
                    if (data11.checksumValue !== undefined) {
                        if (typeof data11.checksumValue !== "string") {
                            const err25 = { instancePath: instancePath + "/checksums/" + i2 + "/checksumValue", schemaPath: "#/properties/checksums/items/properties/checksumValue/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                            if (vErrors === null) {
                                vErrors = [err25];
                            }
                            else {
                                vErrors.push(err25);
                            }
                            errors++;
                        }
                    }
                }
                else {
                    const err26 = { instancePath: instancePath + "/checksums/" + i2, schemaPath: "#/properties/checksums/items/type", keyword: "type", params: { type: "object" }, message: "must be object" };
                    if (vErrors === null) {
                        vErrors = [err26];
                    }
                    else {
                        vErrors.push(err26);
                    }
                    errors++;
                }
            }
        }
        else {
            const err27 = { instancePath: instancePath + "/checksums", schemaPath: "#/properties/checksums/type", keyword: "type", params: { type: "array" }, message: "must be array" };
            if (vErrors === null) {
                vErrors = [err27];
            }
            else {
                vErrors.push(err27);
            }
            errors++;
        }
    }
    if (data.comment !== undefined) {
        if (typeof data.comment !== "string") {
            const err28 = { instancePath: instancePath + "/comment", schemaPath: "#/properties/comment/type", keyword: "type", params: { type: "string" }, message: "must be string" };
            if (vErrors === null) {
                vErrors = [err28];
            }
            else {
                vErrors.push(err28);
            }
            errors++;
        }
    }
    if (data.copyrightText !== undefined) {
        if (typeof data.copyrightText !== "string") {
            const err29 = { instancePath: instancePath + "/copyrightText", schemaPath: "#/properties/copyrightText/type", keyword: "type", params: { type: "string" }, message: "must be string" };
            if (vErrors === null) {
                vErrors = [err29];
            }
            else {
                vErrors.push(err29);
            }
            errors++;
        }
    }
    if (data.description !== undefined) {
        if (typeof data.description !== "string") {
            const err30 = { instancePath: instancePath + "/description", schemaPath: "#/properties/description/type", keyword: "type", params: { type: "string" }, message: "must be string" };
            if (vErrors === null) {
                vErrors = [err30];
            }
            else {
                vErrors.push(err30);
            }
            errors++;
        }
    }
    if (data.downloadLocation !== undefined) {
        if (typeof data.downloadLocation !== "string") {
            const err31 = { instancePath: instancePath + "/downloadLocation", schemaPath: "#/properties/downloadLocation/type", keyword: "type", params: { type: "string" }, message: "must be string" };
            if (vErrors === null) {
                vErrors = [err31];
            }
            else {
                vErrors.push(err31);
            }
            errors++;
        }
    }
    if (data.externalRefs !== undefined) {
        let data18 = data.externalRefs;
        if (Array.isArray(data18)) {
            const len3 = data18.length;
            for (let i3 = 0; i3 < len3; i3++) {
                let data19 = data18[i3];
                if (data19 && typeof data19 == "object" && !Array.isArray(data19)) {
                    if (data19.referenceCategory === undefined) {
                        const err32 = { instancePath: instancePath + "/externalRefs/" + i3, schemaPath: "#/properties/externalRefs/items/required", keyword: "required", params: { missingProperty: "referenceCategory" }, message: "must have required property '" + "referenceCategory" + "'" };
                        if (vErrors === null) {
                            vErrors = [err32];
                        }
                        else {
                            vErrors.push(err32);
                        }
                        errors++;
                    }
                    if (data19.referenceLocator === undefined) {
                        const err33 = { instancePath: instancePath + "/externalRefs/" + i3, schemaPath: "#/properties/externalRefs/items/required", keyword: "required", params: { missingProperty: "referenceLocator" }, message: "must have required property '" + "referenceLocator" + "'" };
                        if (vErrors === null) {
                            vErrors = [err33];
                        }
                        else {
                            vErrors.push(err33);
                        }
                        errors++;
                    }
                    if (data19.referenceType === undefined) {
                        const err34 = { instancePath: instancePath + "/externalRefs/" + i3, schemaPath: "#/properties/externalRefs/items/required", keyword: "required", params: { missingProperty: "referenceType" }, message: "must have required property '" + "referenceType" + "'" };
                        if (vErrors === null) {
                            vErrors = [err34];
                        }
                        else {
                            vErrors.push(err34);
                        }
                        errors++;
                    }
                    for (const key3 in data19) {
                        if (!((((key3 === "comment") || (key3 === "referenceCategory")) || (key3 === "referenceLocator")) || (key3 === "referenceType"))) {
                            const err35 = { instancePath: instancePath + "/externalRefs/" + i3, schemaPath: "#/properties/externalRefs/items/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key3 }, message: "must NOT have additional properties" };
                            if (vErrors === null) {
                                vErrors = [err35];
                            }
                            else {
                                vErrors.push(err35);
                            }
                            errors++;
                        }
                    }
                    if (data19.comment !== undefined) {
                        if (typeof data19.comment !== "string") {
                            const err36 = { instancePath: instancePath + "/externalRefs/" + i3 + "/comment", schemaPath: "#/properties/externalRefs/items/properties/comment/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                            if (vErrors === null) {
                                vErrors = [err36];
                            }
                            else {
                                vErrors.push(err36);
                            }
                            errors++;
                        }
                    }
                    if (data19.referenceCategory !== undefined) {
                        let data21 = data19.referenceCategory;
                        if (typeof data21 !== "string") {
                            const err37 = { instancePath: instancePath + "/externalRefs/" + i3 + "/referenceCategory", schemaPath: "#/properties/externalRefs/items/properties/referenceCategory/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                            if (vErrors === null) {
                                vErrors = [err37];
                            }
                            else {
                                vErrors.push(err37);
                            }
                            errors++;
                        }
                        if (!((((data21 === "OTHER") || (data21 === "PERSISTENT-ID")) || (data21 === "SECURITY")) || (data21 === "PACKAGE-MANAGER"))) {
                            const err38 = { instancePath: instancePath + "/externalRefs/" + i3 + "/referenceCategory", schemaPath: "#/properties/externalRefs/items/properties/referenceCategory/enum", keyword: "enum", params: { allowedValues: schema17.properties.externalRefs.items.properties.referenceCategory.enum }, message: "must be equal to one of the allowed values" };
                            if (vErrors === null) {
                                vErrors = [err38];
                            }
                            else {
                                vErrors.push(err38);
                            }
                            errors++;
                        }
                    }
                    if (data19.referenceLocator !== undefined) {
                        if (typeof data19.referenceLocator !== "string") {
                            const err39 = { instancePath: instancePath + "/externalRefs/" + i3 + "/referenceLocator", schemaPath: "#/properties/externalRefs/items/properties/referenceLocator/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                            if (vErrors === null) {
                                vErrors = [err39];
                            }
                            else {
                                vErrors.push(err39);
                            }
                            errors++;
                        }
                    }
                    if (data19.referenceType !== undefined) {
                        if (typeof data19.referenceType !== "string") {
                            const err40 = { instancePath: instancePath + "/externalRefs/" + i3 + "/referenceType", schemaPath: "#/properties/externalRefs/items/properties/referenceType/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                            if (vErrors === null) {
                                vErrors = [err40];
                            }
                            else {
                                vErrors.push(err40);
                            }
                            errors++;
                        }
                    }
                }
                else {
                    const err41 = { instancePath: instancePath + "/externalRefs/" + i3, schemaPath: "#/properties/externalRefs/items/type", keyword: "type", params: { type: "object" }, message: "must be object" };
                    if (vErrors === null) {
                        vErrors = [err41];
                    }
                    else {
                        vErrors.push(err41);
                    }
                    errors++;
                }
            }
        }
        else {
            const err42 = { instancePath: instancePath + "/externalRefs", schemaPath: "#/properties/externalRefs/type", keyword: "type", params: { type: "array" }, message: "must be array" };
            if (vErrors === null) {
                vErrors = [err42];
            }
            else {
                vErrors.push(err42);
            }
            errors++;
        }
    }
    if (data.filesAnalyzed !== undefined) {
        if (typeof data.filesAnalyzed !== "boolean") {
            const err43 = { instancePath: instancePath + "/filesAnalyzed", schemaPath: "#/properties/filesAnalyzed/type", keyword: "type", params: { type: "boolean" }, message: "must be boolean" };
            if (vErrors === null) {
                vErrors = [err43];
            }
            else {
                vErrors.push(err43);
            }
            errors++;
        }
    }
    if (data.hasFiles !== undefined) {
        let data25 = data.hasFiles;
        if (Array.isArray(data25)) {
            const len4 = data25.length;
            for (let i4 = 0; i4 < len4; i4++) {
                if (typeof data25[i4] !== "string") {
                    const err44 = { instancePath: instancePath + "/hasFiles/" + i4, schemaPath: "#/properties/hasFiles/items/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                    if (vErrors === null) {
                        vErrors = [err44];
                    }
                    else {
                        vErrors.push(err44);
                    }
                    errors++;
                }
            }
        }
        else {
            const err45 = { instancePath: instancePath + "/hasFiles", schemaPath: "#/properties/hasFiles/type", keyword: "type", params: { type: "array" }, message: "must be array" };
            if (vErrors === null) {
                vErrors = [err45];
            }
            else {
                vErrors.push(err45);
            }
            errors++;
        }
    }
    if (data.homepage !== undefined) {
        if (typeof data.homepage !== "string") {
            const err46 = { instancePath: instancePath + "/homepage", schemaPath: "#/properties/homepage/type", keyword: "type", params: { type: "string" }, message: "must be string" };
            if (vErrors === null) {
                vErrors = [err46];
            }
            else {
                vErrors.push(err46);
            }
            errors++;
        }
    }
    if (data.licenseComments !== undefined) {
        if (typeof data.licenseComments !== "string") {
            const err47 = { instancePath: instancePath + "/licenseComments", schemaPath: "#/properties/licenseComments/type", keyword: "type", params: { type: "string" }, message: "must be string" };
            if (vErrors === null) {
                vErrors = [err47];
            }
            else {
                vErrors.push(err47);
            }
            errors++;
        }
    }
    if (data.licenseConcluded !== undefined) {
        if (typeof data.licenseConcluded !== "string") {
            const err48 = { instancePath: instancePath + "/licenseConcluded", schemaPath: "#/properties/licenseConcluded/type", keyword: "type", params: { type: "string" }, message: "must be string" };
            if (vErrors === null) {
                vErrors = [err48];
            }
            else {
                vErrors.push(err48);
            }
            errors++;
        }
    }
    if (data.licenseDeclared !== undefined) {
        if (typeof data.licenseDeclared !== "string") {
            const err49 = { instancePath: instancePath + "/licenseDeclared", schemaPath: "#/properties/licenseDeclared/type", keyword: "type", params: { type: "string" }, message: "must be string" };
            if (vErrors === null) {
                vErrors = [err49];
            }
            else {
                vErrors.push(err49);
            }
            errors++;
        }
    }
    if (data.licenseInfoFromFiles !== undefined) {
        let data31 = data.licenseInfoFromFiles;
        if (Array.isArray(data31)) {
            const len5 = data31.length;
            for (let i5 = 0; i5 < len5; i5++) {
                if (typeof data31[i5] !== "string") {
                    const err50 = { instancePath: instancePath + "/licenseInfoFromFiles/" + i5, schemaPath: "#/properties/licenseInfoFromFiles/items/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                    if (vErrors === null) {
                        vErrors = [err50];
                    }
                    else {
                        vErrors.push(err50);
                    }
                    errors++;
                }
            }
        }
        else {
            const err51 = { instancePath: instancePath + "/licenseInfoFromFiles", schemaPath: "#/properties/licenseInfoFromFiles/type", keyword: "type", params: { type: "array" }, message: "must be array" };
            if (vErrors === null) {
                vErrors = [err51];
            }
            else {
                vErrors.push(err51);
            }
            errors++;
        }
    }
    if (data.name !== undefined) {
        if (typeof data.name !== "string") {
            const err52 = { instancePath: instancePath + "/name", schemaPath: "#/properties/name/type", keyword: "type", params: { type: "string" }, message: "must be string" };
            if (vErrors === null) {
                vErrors = [err52];
            }
            else {
                vErrors.push(err52);
            }
            errors++;
        }
    }
    if (data.originator !== undefined) {
        if (typeof data.originator !== "string") {
            const err53 = { instancePath: instancePath + "/originator", schemaPath: "#/properties/originator/type", keyword: "type", params: { type: "string" }, message: "must be string" };
            if (vErrors === null) {
                vErrors = [err53];
            }
            else {
                vErrors.push(err53);
            }
            errors++;
        }
    }
    if (data.packageFileName !== undefined) {
        if (typeof data.packageFileName !== "string") {
            const err54 = { instancePath: instancePath + "/packageFileName", schemaPath: "#/properties/packageFileName/type", keyword: "type", params: { type: "string" }, message: "must be string" };
            if (vErrors === null) {
                vErrors = [err54];
            }
            else {
                vErrors.push(err54);
            }
            errors++;
        }
    }
    if (data.packageVerificationCode !== undefined) {
        let data36 = data.packageVerificationCode;
        if (data36 && typeof data36 == "object" && !Array.isArray(data36)) {
            if (data36.packageVerificationCodeValue === undefined) {
                const err55 = { instancePath: instancePath + "/packageVerificationCode", schemaPath: "#/properties/packageVerificationCode/required", keyword: "required", params: { missingProperty: "packageVerificationCodeValue" }, message: "must have required property '" + "packageVerificationCodeValue" + "'" };
                if (vErrors === null) {
                    vErrors = [err55];
                }
                else {
                    vErrors.push(err55);
                }
                errors++;
            }
            for (const key4 in data36) {
                if (!((key4 === "packageVerificationCodeExcludedFiles") || (key4 === "packageVerificationCodeValue"))) {
                    const err56 = { instancePath: instancePath + "/packageVerificationCode", schemaPath: "#/properties/packageVerificationCode/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key4 }, message: "must NOT have additional properties" };
                    if (vErrors === null) {
                        vErrors = [err56];
                    }
                    else {
                        vErrors.push(err56);
                    }
                    errors++;
                }
            }
            if (data36.packageVerificationCodeExcludedFiles !== undefined) {
                let data37 = data36.packageVerificationCodeExcludedFiles;
                if (Array.isArray(data37)) {
                    const len6 = data37.length;
                    for (let i6 = 0; i6 < len6; i6++) {
                        if (typeof data37[i6] !== "string") {
                            const err57 = { instancePath: instancePath + "/packageVerificationCode/packageVerificationCodeExcludedFiles/" + i6, schemaPath: "#/properties/packageVerificationCode/properties/packageVerificationCodeExcludedFiles/items/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                            if (vErrors === null) {
                                vErrors = [err57];
                            }
                            else {
                                vErrors.push(err57);
                            }
                            errors++;
                        }
                    }
                }
                else {
                    const err58 = { instancePath: instancePath + "/packageVerificationCode/packageVerificationCodeExcludedFiles", schemaPath: "#/properties/packageVerificationCode/properties/packageVerificationCodeExcludedFiles/type", keyword: "type", params: { type: "array" }, message: "must be array" };
                    if (vErrors === null) {
                        vErrors = [err58];
                    }
                    else {
                        vErrors.push(err58);
                    }
                    errors++;
                }
            }
            if (data36.packageVerificationCodeValue !== undefined) {
                if (typeof data36.packageVerificationCodeValue !== "string") {
                    const err59 = { instancePath: instancePath + "/packageVerificationCode/packageVerificationCodeValue", schemaPath: "#/properties/packageVerificationCode/properties/packageVerificationCodeValue/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                    if (vErrors === null) {
                        vErrors = [err59];
                    }
                    else {
                        vErrors.push(err59);
                    }
                    errors++;
                }
            }
        }
        else {
            const err60 = { instancePath: instancePath + "/packageVerificationCode", schemaPath: "#/properties/packageVerificationCode/type", keyword: "type", params: { type: "object" }, message: "must be object" };
            if (vErrors === null) {
                vErrors = [err60];
            }
            else {
                vErrors.push(err60);
            }
            errors++;
        }
    }
    if (data.primaryPackagePurpose !== undefined) {
        let data40 = data.primaryPackagePurpose;
        if (typeof data40 !== "string") {
            const err61 = { instancePath: instancePath + "/primaryPackagePurpose", schemaPath: "#/properties/primaryPackagePurpose/type", keyword: "type", params: { type: "string" }, message: "must be string" };
            if (vErrors === null) {
                vErrors = [err61];
            }
            else {
                vErrors.push(err61);
            }
            errors++;
        }
        if (!((((((((((((data40 === "OTHER") || (data40 === "INSTALL")) || (data40 === "ARCHIVE")) || (data40 === "FIRMWARE")) || (data40 === "APPLICATION")) || (data40 === "FRAMEWORK")) || (data40 === "LIBRARY")) || (data40 === "CONTAINER")) || (data40 === "SOURCE")) || (data40 === "DEVICE")) || (data40 === "OPERATING_SYSTEM")) || (data40 === "FILE"))) {
            const err62 = { instancePath: instancePath + "/primaryPackagePurpose", schemaPath: "#/properties/primaryPackagePurpose/enum", keyword: "enum", params: { allowedValues: schema17.properties.primaryPackagePurpose.enum }, message: "must be equal to one of the allowed values" };
            if (vErrors === null) {
                vErrors = [err62];
            }
            else {
                vErrors.push(err62);
            }
            errors++;
        }
    }
    if (data.releaseDate !== undefined) {
        if (typeof data.releaseDate !== "string") {
            const err63 = { instancePath: instancePath + "/releaseDate", schemaPath: "#/properties/releaseDate/type", keyword: "type", params: { type: "string" }, message: "must be string" };
            if (vErrors === null) {
                vErrors = [err63];
            }
            else {
                vErrors.push(err63);
            }
            errors++;
        }
    }
    if (data.sourceInfo !== undefined) {
        if (typeof data.sourceInfo !== "string") {
            const err64 = { instancePath: instancePath + "/sourceInfo", schemaPath: "#/properties/sourceInfo/type", keyword: "type", params: { type: "string" }, message: "must be string" };
            if (vErrors === null) {
                vErrors = [err64];
            }
            else {
                vErrors.push(err64);
            }
            errors++;
        }
    }
    if (data.summary !== undefined) {
        if (typeof data.summary !== "string") {
            const err65 = { instancePath: instancePath + "/summary", schemaPath: "#/properties/summary/type", keyword: "type", params: { type: "string" }, message: "must be string" };
            if (vErrors === null) {
                vErrors = [err65];
            }
            else {
                vErrors.push(err65);
            }
            errors++;
        }
    }
    if (data.supplier !== undefined) {
        if (typeof data.supplier !== "string") {
            const err66 = { instancePath: instancePath + "/supplier", schemaPath: "#/properties/supplier/type", keyword: "type", params: { type: "string" }, message: "must be string" };
            if (vErrors === null) {
                vErrors = [err66];
            }
            else {
                vErrors.push(err66);
            }
            errors++;
        }
    }
    if (data.validUntilDate !== undefined) {
        if (typeof data.validUntilDate !== "string") {
            const err67 = { instancePath: instancePath + "/validUntilDate", schemaPath: "#/properties/validUntilDate/type", keyword: "type", params: { type: "string" }, message: "must be string" };
            if (vErrors === null) {
                vErrors = [err67];
            }
            else {
                vErrors.push(err67);
            }
            errors++;
        }
    }
    if (data.versionInfo !== undefined) {
        if (typeof data.versionInfo !== "string") {
            const err68 = { instancePath: instancePath + "/versionInfo", schemaPath: "#/properties/versionInfo/type", keyword: "type", params: { type: "string" }, message: "must be string" };
            if (vErrors === null) {
                vErrors = [err68];
            }
            else {
                vErrors.push(err68);
            }
            errors++;
        }
    }
}
else {
    const err69 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object" };
    if (vErrors === null) {
        vErrors = [err69];
    }
    else {
        vErrors.push(err69);
    }
    errors++;
} validate16.errors = vErrors; return errors === 0; }
const files = validate17;
const schema18 = { "type": "object", "properties": { "SPDXID": { "type": "string" }, "annotations": { "type": "array", "items": { "type": "object", "properties": { "annotationDate": { "type": "string" }, "annotationType": { "type": "string", "enum": ["OTHER", "REVIEW"] }, "annotator": { "type": "string" }, "comment": { "type": "string" } }, "required": ["annotationDate", "annotationType", "annotator", "comment"], "additionalProperties": false } }, "artifactOfs": { "type": "array", "items": { "type": "object" } }, "attributionTexts": { "type": "array", "items": { "type": "string" } }, "checksums": { "minItems": 1, "type": "array", "items": { "type": "object", "properties": { "algorithm": { "type": "string", "enum": ["SHA1", "BLAKE3", "SHA3-384", "SHA256", "SHA384", "BLAKE2b-512", "BLAKE2b-256", "SHA3-512", "MD2", "ADLER32", "MD4", "SHA3-256", "BLAKE2b-384", "SHA512", "MD6", "MD5", "SHA224"] }, "checksumValue": { "type": "string" } }, "required": ["algorithm", "checksumValue"], "additionalProperties": false } }, "comment": { "type": "string" }, "copyrightText": { "type": "string" }, "fileContributors": { "type": "array", "items": { "type": "string" } }, "fileDependencies": { "type": "array", "items": { "type": "string" } }, "fileName": { "type": "string" }, "fileTypes": { "type": "array", "items": { "type": "string", "enum": ["OTHER", "DOCUMENTATION", "IMAGE", "VIDEO", "ARCHIVE", "SPDX", "APPLICATION", "SOURCE", "BINARY", "TEXT", "AUDIO"] } }, "licenseComments": { "type": "string" }, "licenseConcluded": { "type": "string" }, "licenseInfoInFiles": { "type": "array", "items": { "type": "string" } }, "noticeText": { "type": "string" } }, "required": ["SPDXID", "checksums", "fileName"], "additionalProperties": false };
function validate17(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) { let vErrors = null; let errors = 0; if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.SPDXID === undefined) {
        const err0 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "SPDXID" }, message: "must have required property '" + "SPDXID" + "'" };
        if (vErrors === null) {
            vErrors = [err0];
        }
        else {
            vErrors.push(err0);
        }
        errors++;
    }
    if (data.checksums === undefined) {
        const err1 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "checksums" }, message: "must have required property '" + "checksums" + "'" };
        if (vErrors === null) {
            vErrors = [err1];
        }
        else {
            vErrors.push(err1);
        }
        errors++;
    }
    if (data.fileName === undefined) {
        const err2 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "fileName" }, message: "must have required property '" + "fileName" + "'" };
        if (vErrors === null) {
            vErrors = [err2];
        }
        else {
            vErrors.push(err2);
        }
        errors++;
    }
    for (const key0 in data) {
        if (!(func2.call(schema18.properties, key0))) {
            const err3 = { instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties" };
            if (vErrors === null) {
                vErrors = [err3];
            }
            else {
                vErrors.push(err3);
            }
            errors++;
        }
    }
    if (data.SPDXID !== undefined) {
        if (typeof data.SPDXID !== "string") {
            const err4 = { instancePath: instancePath + "/SPDXID", schemaPath: "#/properties/SPDXID/type", keyword: "type", params: { type: "string" }, message: "must be string" };
            if (vErrors === null) {
                vErrors = [err4];
            }
            else {
                vErrors.push(err4);
            }
            errors++;
        }
    }
    if (data.annotations !== undefined) {
        let data1 = data.annotations;
        if (Array.isArray(data1)) {
            const len0 = data1.length;
            for (let i0 = 0; i0 < len0; i0++) {
                let data2 = data1[i0];
                if (data2 && typeof data2 == "object" && !Array.isArray(data2)) {
                    if (data2.annotationDate === undefined) {
                        const err5 = { instancePath: instancePath + "/annotations/" + i0, schemaPath: "#/properties/annotations/items/required", keyword: "required", params: { missingProperty: "annotationDate" }, message: "must have required property '" + "annotationDate" + "'" };
                        if (vErrors === null) {
                            vErrors = [err5];
                        }
                        else {
                            vErrors.push(err5);
                        }
                        errors++;
                    }
                    if (data2.annotationType === undefined) {
                        const err6 = { instancePath: instancePath + "/annotations/" + i0, schemaPath: "#/properties/annotations/items/required", keyword: "required", params: { missingProperty: "annotationType" }, message: "must have required property '" + "annotationType" + "'" };
                        if (vErrors === null) {
                            vErrors = [err6];
                        }
                        else {
                            vErrors.push(err6);
                        }
                        errors++;
                    }
                    if (data2.annotator === undefined) {
                        const err7 = { instancePath: instancePath + "/annotations/" + i0, schemaPath: "#/properties/annotations/items/required", keyword: "required", params: { missingProperty: "annotator" }, message: "must have required property '" + "annotator" + "'" };
                        if (vErrors === null) {
                            vErrors = [err7];
                        }
                        else {
                            vErrors.push(err7);
                        }
                        errors++;
                    }
                    if (data2.comment === undefined) {
                        const err8 = { instancePath: instancePath + "/annotations/" + i0, schemaPath: "#/properties/annotations/items/required", keyword: "required", params: { missingProperty: "comment" }, message: "must have required property '" + "comment" + "'" };
                        if (vErrors === null) {
                            vErrors = [err8];
                        }
                        else {
                            vErrors.push(err8);
                        }
                        errors++;
                    }
                    for (const key1 in data2) {
                        if (!((((key1 === "annotationDate") || (key1 === "annotationType")) || (key1 === "annotator")) || (key1 === "comment"))) {
                            const err9 = { instancePath: instancePath + "/annotations/" + i0, schemaPath: "#/properties/annotations/items/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key1 }, message: "must NOT have additional properties" };
                            if (vErrors === null) {
                                vErrors = [err9];
                            }
                            else {
                                vErrors.push(err9);
                            }
                            errors++;
                        }
                    }
                    if (data2.annotationDate !== undefined) {
                        if (typeof data2.annotationDate !== "string") {
                            const err10 = { instancePath: instancePath + "/annotations/" + i0 + "/annotationDate", schemaPath: "#/properties/annotations/items/properties/annotationDate/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                            if (vErrors === null) {
                                vErrors = [err10];
                            }
                            else {
                                vErrors.push(err10);
                            }
                            errors++;
                        }
                    }
                    if (data2.annotationType !== undefined) {
                        let data4 = data2.annotationType;
                        if (typeof data4 !== "string") {
                            const err11 = { instancePath: instancePath + "/annotations/" + i0 + "/annotationType", schemaPath: "#/properties/annotations/items/properties/annotationType/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                            if (vErrors === null) {
                                vErrors = [err11];
                            }
                            else {
                                vErrors.push(err11);
                            }
                            errors++;
                        }
                        if (!((data4 === "OTHER") || (data4 === "REVIEW"))) {
                            const err12 = { instancePath: instancePath + "/annotations/" + i0 + "/annotationType", schemaPath: "#/properties/annotations/items/properties/annotationType/enum", keyword: "enum", params: { allowedValues: schema18.properties.annotations.items.properties.annotationType.enum }, message: "must be equal to one of the allowed values" };
                            if (vErrors === null) {
                                vErrors = [err12];
                            }
                            else {
                                vErrors.push(err12);
                            }
                            errors++;
                        }
                    }
                    if (data2.annotator !== undefined) {
                        if (typeof data2.annotator !== "string") {
                            const err13 = { instancePath: instancePath + "/annotations/" + i0 + "/annotator", schemaPath: "#/properties/annotations/items/properties/annotator/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                            if (vErrors === null) {
                                vErrors = [err13];
                            }
                            else {
                                vErrors.push(err13);
                            }
                            errors++;
                        }
                    }
                    if (data2.comment !== undefined) {
                        if (typeof data2.comment !== "string") {
                            const err14 = { instancePath: instancePath + "/annotations/" + i0 + "/comment", schemaPath: "#/properties/annotations/items/properties/comment/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                            if (vErrors === null) {
                                vErrors = [err14];
                            }
                            else {
                                vErrors.push(err14);
                            }
                            errors++;
                        }
                    }
                }
                else {
                    const err15 = { instancePath: instancePath + "/annotations/" + i0, schemaPath: "#/properties/annotations/items/type", keyword: "type", params: { type: "object" }, message: "must be object" };
                    if (vErrors === null) {
                        vErrors = [err15];
                    }
                    else {
                        vErrors.push(err15);
                    }
                    errors++;
                }
            }
        }
        else {
            const err16 = { instancePath: instancePath + "/annotations", schemaPath: "#/properties/annotations/type", keyword: "type", params: { type: "array" }, message: "must be array" };
            if (vErrors === null) {
                vErrors = [err16];
            }
            else {
                vErrors.push(err16);
            }
            errors++;
        }
    }
    if (data.artifactOfs !== undefined) {
        let data7 = data.artifactOfs;
        if (Array.isArray(data7)) {
            const len1 = data7.length;
            for (let i1 = 0; i1 < len1; i1++) {
                let data8 = data7[i1];
                if (!(data8 && typeof data8 == "object" && !Array.isArray(data8))) {
                    const err17 = { instancePath: instancePath + "/artifactOfs/" + i1, schemaPath: "#/properties/artifactOfs/items/type", keyword: "type", params: { type: "object" }, message: "must be object" };
                    if (vErrors === null) {
                        vErrors = [err17];
                    }
                    else {
                        vErrors.push(err17);
                    }
                    errors++;
                }
            }
        }
        else {
            const err18 = { instancePath: instancePath + "/artifactOfs", schemaPath: "#/properties/artifactOfs/type", keyword: "type", params: { type: "array" }, message: "must be array" };
            if (vErrors === null) {
                vErrors = [err18];
            }
            else {
                vErrors.push(err18);
            }
            errors++;
        }
    }
    if (data.attributionTexts !== undefined) {
        let data9 = data.attributionTexts;
        if (Array.isArray(data9)) {
            const len2 = data9.length;
            for (let i2 = 0; i2 < len2; i2++) {
                if (typeof data9[i2] !== "string") {
                    const err19 = { instancePath: instancePath + "/attributionTexts/" + i2, schemaPath: "#/properties/attributionTexts/items/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                    if (vErrors === null) {
                        vErrors = [err19];
                    }
                    else {
                        vErrors.push(err19);
                    }
                    errors++;
                }
            }
        }
        else {
            const err20 = { instancePath: instancePath + "/attributionTexts", schemaPath: "#/properties/attributionTexts/type", keyword: "type", params: { type: "array" }, message: "must be array" };
            if (vErrors === null) {
                vErrors = [err20];
            }
            else {
                vErrors.push(err20);
            }
            errors++;
        }
    }
    if (data.checksums !== undefined) {
        let data11 = data.checksums;
        if (Array.isArray(data11)) {
            if (data11.length < 1) {
                const err21 = { instancePath: instancePath + "/checksums", schemaPath: "#/properties/checksums/minItems", keyword: "minItems", params: { limit: 1 }, message: "must NOT have fewer than 1 items" };
                if (vErrors === null) {
                    vErrors = [err21];
                }
                else {
                    vErrors.push(err21);
                }
                errors++;
            }
            const len3 = data11.length;
            for (let i3 = 0; i3 < len3; i3++) {
                let data12 = data11[i3];
                if (data12 && typeof data12 == "object" && !Array.isArray(data12)) {
                    if (data12.algorithm === undefined) {
                        const err22 = { instancePath: instancePath + "/checksums/" + i3, schemaPath: "#/properties/checksums/items/required", keyword: "required", params: { missingProperty: "algorithm" }, message: "must have required property '" + "algorithm" + "'" };
                        if (vErrors === null) {
                            vErrors = [err22];
                        }
                        else {
                            vErrors.push(err22);
                        }
                        errors++;
                    }
                    if (data12.checksumValue === undefined) {
                        const err23 = { instancePath: instancePath + "/checksums/" + i3, schemaPath: "#/properties/checksums/items/required", keyword: "required", params: { missingProperty: "checksumValue" }, message: "must have required property '" + "checksumValue" + "'" };
                        if (vErrors === null) {
                            vErrors = [err23];
                        }
                        else {
                            vErrors.push(err23);
                        }
                        errors++;
                    }
                    for (const key2 in data12) {
                        if (!((key2 === "algorithm") || (key2 === "checksumValue"))) {
                            const err24 = { instancePath: instancePath + "/checksums/" + i3, schemaPath: "#/properties/checksums/items/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key2 }, message: "must NOT have additional properties" };
                            if (vErrors === null) {
                                vErrors = [err24];
                            }
                            else {
                                vErrors.push(err24);
                            }
                            errors++;
                        }
                    }
                    if (data12.algorithm !== undefined) {
                        let data13 = data12.algorithm;
                        if (typeof data13 !== "string") {
                            const err25 = { instancePath: instancePath + "/checksums/" + i3 + "/algorithm", schemaPath: "#/properties/checksums/items/properties/algorithm/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                            if (vErrors === null) {
                                vErrors = [err25];
                            }
                            else {
                                vErrors.push(err25);
                            }
                            errors++;
                        }
                        if (!(((((((((((((((((data13 === "SHA1") || (data13 === "BLAKE3")) || (data13 === "SHA3-384")) || (data13 === "SHA256")) || (data13 === "SHA384")) || (data13 === "BLAKE2b-512")) || (data13 === "BLAKE2b-256")) || (data13 === "SHA3-512")) || (data13 === "MD2")) || (data13 === "ADLER32")) || (data13 === "MD4")) || (data13 === "SHA3-256")) || (data13 === "BLAKE2b-384")) || (data13 === "SHA512")) || (data13 === "MD6")) || (data13 === "MD5")) || (data13 === "SHA224"))) {
                            const err26 = { instancePath: instancePath + "/checksums/" + i3 + "/algorithm", schemaPath: "#/properties/checksums/items/properties/algorithm/enum", keyword: "enum", params: { allowedValues: schema18.properties.checksums.items.properties.algorithm.enum }, message: "must be equal to one of the allowed values" };
                            if (vErrors === null) {
                                vErrors = [err26];
                            }
                            else {
                                vErrors.push(err26);
                            }
                            errors++;
                        }
                    }
                    if (data12.checksumValue !== undefined) {
                        if (typeof data12.checksumValue !== "string") {
                            const err27 = { instancePath: instancePath + "/checksums/" + i3 + "/checksumValue", schemaPath: "#/properties/checksums/items/properties/checksumValue/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                            if (vErrors === null) {
                                vErrors = [err27];
                            }
                            else {
                                vErrors.push(err27);
                            }
                            errors++;
                        }
                    }
                }
                else {
                    const err28 = { instancePath: instancePath + "/checksums/" + i3, schemaPath: "#/properties/checksums/items/type", keyword: "type", params: { type: "object" }, message: "must be object" };
                    if (vErrors === null) {
                        vErrors = [err28];
                    }
                    else {
                        vErrors.push(err28);
                    }
                    errors++;
                }
            }
        }
        else {
            const err29 = { instancePath: instancePath + "/checksums", schemaPath: "#/properties/checksums/type", keyword: "type", params: { type: "array" }, message: "must be array" };
            if (vErrors === null) {
                vErrors = [err29];
            }
            else {
                vErrors.push(err29);
            }
            errors++;
        }
    }
    if (data.comment !== undefined) {
        if (typeof data.comment !== "string") {
            const err30 = { instancePath: instancePath + "/comment", schemaPath: "#/properties/comment/type", keyword: "type", params: { type: "string" }, message: "must be string" };
            if (vErrors === null) {
                vErrors = [err30];
            }
            else {
                vErrors.push(err30);
            }
            errors++;
        }
    }
    if (data.copyrightText !== undefined) {
        if (typeof data.copyrightText !== "string") {
            const err31 = { instancePath: instancePath + "/copyrightText", schemaPath: "#/properties/copyrightText/type", keyword: "type", params: { type: "string" }, message: "must be string" };
            if (vErrors === null) {
                vErrors = [err31];
            }
            else {
                vErrors.push(err31);
            }
            errors++;
        }
    }
    if (data.fileContributors !== undefined) {
        let data17 = data.fileContributors;
        if (Array.isArray(data17)) {
            const len4 = data17.length;
            for (let i4 = 0; i4 < len4; i4++) {
                if (typeof data17[i4] !== "string") {
                    const err32 = { instancePath: instancePath + "/fileContributors/" + i4, schemaPath: "#/properties/fileContributors/items/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                    if (vErrors === null) {
                        vErrors = [err32];
                    }
                    else {
                        vErrors.push(err32);
                    }
                    errors++;
                }
            }
        }
        else {
            const err33 = { instancePath: instancePath + "/fileContributors", schemaPath: "#/properties/fileContributors/type", keyword: "type", params: { type: "array" }, message: "must be array" };
            if (vErrors === null) {
                vErrors = [err33];
            }
            else {
                vErrors.push(err33);
            }
            errors++;
        }
    }
    if (data.fileDependencies !== undefined) {
        let data19 = data.fileDependencies;
        if (Array.isArray(data19)) {
            const len5 = data19.length;
            for (let i5 = 0; i5 < len5; i5++) {
                if (typeof data19[i5] !== "string") {
                    const err34 = { instancePath: instancePath + "/fileDependencies/" + i5, schemaPath: "#/properties/fileDependencies/items/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                    if (vErrors === null) {
                        vErrors = [err34];
                    }
                    else {
                        vErrors.push(err34);
                    }
                    errors++;
                }
            }
        }
        else {
            const err35 = { instancePath: instancePath + "/fileDependencies", schemaPath: "#/properties/fileDependencies/type", keyword: "type", params: { type: "array" }, message: "must be array" };
            if (vErrors === null) {
                vErrors = [err35];
            }
            else {
                vErrors.push(err35);
            }
            errors++;
        }
    }
    if (data.fileName !== undefined) {
        if (typeof data.fileName !== "string") {
            const err36 = { instancePath: instancePath + "/fileName", schemaPath: "#/properties/fileName/type", keyword: "type", params: { type: "string" }, message: "must be string" };
            if (vErrors === null) {
                vErrors = [err36];
            }
            else {
                vErrors.push(err36);
            }
            errors++;
        }
    }
    if (data.fileTypes !== undefined) {
        let data22 = data.fileTypes;
        if (Array.isArray(data22)) {
            const len6 = data22.length;
            for (let i6 = 0; i6 < len6; i6++) {
                let data23 = data22[i6];
                if (typeof data23 !== "string") {
                    const err37 = { instancePath: instancePath + "/fileTypes/" + i6, schemaPath: "#/properties/fileTypes/items/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                    if (vErrors === null) {
                        vErrors = [err37];
                    }
                    else {
                        vErrors.push(err37);
                    }
                    errors++;
                }
                if (!(((((((((((data23 === "OTHER") || (data23 === "DOCUMENTATION")) || (data23 === "IMAGE")) || (data23 === "VIDEO")) || (data23 === "ARCHIVE")) || (data23 === "SPDX")) || (data23 === "APPLICATION")) || (data23 === "SOURCE")) || (data23 === "BINARY")) || (data23 === "TEXT")) || (data23 === "AUDIO"))) {
                    const err38 = { instancePath: instancePath + "/fileTypes/" + i6, schemaPath: "#/properties/fileTypes/items/enum", keyword: "enum", params: { allowedValues: schema18.properties.fileTypes.items.enum }, message: "must be equal to one of the allowed values" };
                    if (vErrors === null) {
                        vErrors = [err38];
                    }
                    else {
                        vErrors.push(err38);
                    }
                    errors++;
                }
            }
        }
        else {
            const err39 = { instancePath: instancePath + "/fileTypes", schemaPath: "#/properties/fileTypes/type", keyword: "type", params: { type: "array" }, message: "must be array" };
            if (vErrors === null) {
                vErrors = [err39];
            }
            else {
                vErrors.push(err39);
            }
            errors++;
        }
    }
    if (data.licenseComments !== undefined) {
        if (typeof data.licenseComments !== "string") {
            const err40 = { instancePath: instancePath + "/licenseComments", schemaPath: "#/properties/licenseComments/type", keyword: "type", params: { type: "string" }, message: "must be string" };
            if (vErrors === null) {
                vErrors = [err40];
            }
            else {
                vErrors.push(err40);
            }
            errors++;
        }
    }
    if (data.licenseConcluded !== undefined) {
        if (typeof data.licenseConcluded !== "string") {
            const err41 = { instancePath: instancePath + "/licenseConcluded", schemaPath: "#/properties/licenseConcluded/type", keyword: "type", params: { type: "string" }, message: "must be string" };
            if (vErrors === null) {
                vErrors = [err41];
            }
            else {
                vErrors.push(err41);
            }
            errors++;
        }
    }
    if (data.licenseInfoInFiles !== undefined) {
        let data26 = data.licenseInfoInFiles;
        if (Array.isArray(data26)) {
            const len7 = data26.length;
            for (let i7 = 0; i7 < len7; i7++) {
                if (typeof data26[i7] !== "string") {
                    const err42 = { instancePath: instancePath + "/licenseInfoInFiles/" + i7, schemaPath: "#/properties/licenseInfoInFiles/items/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                    if (vErrors === null) {
                        vErrors = [err42];
                    }
                    else {
                        vErrors.push(err42);
                    }
                    errors++;
                }
            }
        }
        else {
            const err43 = { instancePath: instancePath + "/licenseInfoInFiles", schemaPath: "#/properties/licenseInfoInFiles/type", keyword: "type", params: { type: "array" }, message: "must be array" };
            if (vErrors === null) {
                vErrors = [err43];
            }
            else {
                vErrors.push(err43);
            }
            errors++;
        }
    }
    if (data.noticeText !== undefined) {
        if (typeof data.noticeText !== "string") {
            const err44 = { instancePath: instancePath + "/noticeText", schemaPath: "#/properties/noticeText/type", keyword: "type", params: { type: "string" }, message: "must be string" };
            if (vErrors === null) {
                vErrors = [err44];
            }
            else {
                vErrors.push(err44);
            }
            errors++;
        }
    }
}
else {
    const err45 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object" };
    if (vErrors === null) {
        vErrors = [err45];
    }
    else {
        vErrors.push(err45);
    }
    errors++;
} validate17.errors = vErrors; return errors === 0; }
const snippets = validate18;
const schema19 = { "type": "object", "properties": { "SPDXID": { "type": "string" }, "annotations": { "type": "array", "items": { "type": "object", "properties": { "annotationDate": { "type": "string" }, "annotationType": { "type": "string", "enum": ["OTHER", "REVIEW"] }, "annotator": { "type": "string" }, "comment": { "type": "string" } }, "required": ["annotationDate", "annotationType", "annotator", "comment"], "additionalProperties": false } }, "attributionTexts": { "type": "array", "items": { "type": "string" } }, "comment": { "type": "string" }, "copyrightText": { "type": "string" }, "licenseComments": { "type": "string" }, "licenseConcluded": { "type": "string" }, "licenseInfoInSnippets": { "type": "array", "items": { "type": "string" } }, "name": { "type": "string" }, "ranges": { "minItems": 1, "type": "array", "items": { "type": "object", "properties": { "endPointer": { "type": "object", "properties": { "reference": { "type": "string" }, "offset": { "type": "integer" }, "lineNumber": { "type": "integer" } }, "required": ["reference"], "additionalProperties": false }, "startPointer": { "type": "object", "properties": { "reference": { "type": "string" }, "offset": { "type": "integer" }, "lineNumber": { "type": "integer" } }, "required": ["reference"], "additionalProperties": false } }, "required": ["endPointer", "startPointer"], "additionalProperties": false } }, "snippetFromFile": { "type": "string" } }, "required": ["SPDXID", "name", "ranges", "snippetFromFile"], "additionalProperties": false };
function validate18(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) { let vErrors = null; let errors = 0; if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.SPDXID === undefined) {
        const err0 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "SPDXID" }, message: "must have required property '" + "SPDXID" + "'" };
        if (vErrors === null) {
            vErrors = [err0];
        }
        else {
            vErrors.push(err0);
        }
        errors++;
    }
    if (data.name === undefined) {
        const err1 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "name" }, message: "must have required property '" + "name" + "'" };
        if (vErrors === null) {
            vErrors = [err1];
        }
        else {
            vErrors.push(err1);
        }
        errors++;
    }
    if (data.ranges === undefined) {
        const err2 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "ranges" }, message: "must have required property '" + "ranges" + "'" };
        if (vErrors === null) {
            vErrors = [err2];
        }
        else {
            vErrors.push(err2);
        }
        errors++;
    }
    if (data.snippetFromFile === undefined) {
        const err3 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "snippetFromFile" }, message: "must have required property '" + "snippetFromFile" + "'" };
        if (vErrors === null) {
            vErrors = [err3];
        }
        else {
            vErrors.push(err3);
        }
        errors++;
    }
    for (const key0 in data) {
        if (!(func2.call(schema19.properties, key0))) {
            const err4 = { instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties" };
            if (vErrors === null) {
                vErrors = [err4];
            }
            else {
                vErrors.push(err4);
            }
            errors++;
        }
    }
    if (data.SPDXID !== undefined) {
        if (typeof data.SPDXID !== "string") {
            const err5 = { instancePath: instancePath + "/SPDXID", schemaPath: "#/properties/SPDXID/type", keyword: "type", params: { type: "string" }, message: "must be string" };
            if (vErrors === null) {
                vErrors = [err5];
            }
            else {
                vErrors.push(err5);
            }
            errors++;
        }
    }
    if (data.annotations !== undefined) {
        let data1 = data.annotations;
        if (Array.isArray(data1)) {
            const len0 = data1.length;
            for (let i0 = 0; i0 < len0; i0++) {
                let data2 = data1[i0];
                if (data2 && typeof data2 == "object" && !Array.isArray(data2)) {
                    if (data2.annotationDate === undefined) {
                        const err6 = { instancePath: instancePath + "/annotations/" + i0, schemaPath: "#/properties/annotations/items/required", keyword: "required", params: { missingProperty: "annotationDate" }, message: "must have required property '" + "annotationDate" + "'" };
                        if (vErrors === null) {
                            vErrors = [err6];
                        }
                        else {
                            vErrors.push(err6);
                        }
                        errors++;
                    }
                    if (data2.annotationType === undefined) {
                        const err7 = { instancePath: instancePath + "/annotations/" + i0, schemaPath: "#/properties/annotations/items/required", keyword: "required", params: { missingProperty: "annotationType" }, message: "must have required property '" + "annotationType" + "'" };
                        if (vErrors === null) {
                            vErrors = [err7];
                        }
                        else {
                            vErrors.push(err7);
                        }
                        errors++;
                    }
                    if (data2.annotator === undefined) {
                        const err8 = { instancePath: instancePath + "/annotations/" + i0, schemaPath: "#/properties/annotations/items/required", keyword: "required", params: { missingProperty: "annotator" }, message: "must have required property '" + "annotator" + "'" };
                        if (vErrors === null) {
                            vErrors = [err8];
                        }
                        else {
                            vErrors.push(err8);
                        }
                        errors++;
                    }
                    if (data2.comment === undefined) {
                        const err9 = { instancePath: instancePath + "/annotations/" + i0, schemaPath: "#/properties/annotations/items/required", keyword: "required", params: { missingProperty: "comment" }, message: "must have required property '" + "comment" + "'" };
                        if (vErrors === null) {
                            vErrors = [err9];
                        }
                        else {
                            vErrors.push(err9);
                        }
                        errors++;
                    }
                    for (const key1 in data2) {
                        if (!((((key1 === "annotationDate") || (key1 === "annotationType")) || (key1 === "annotator")) || (key1 === "comment"))) {
                            const err10 = { instancePath: instancePath + "/annotations/" + i0, schemaPath: "#/properties/annotations/items/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key1 }, message: "must NOT have additional properties" };
                            if (vErrors === null) {
                                vErrors = [err10];
                            }
                            else {
                                vErrors.push(err10);
                            }
                            errors++;
                        }
                    }
                    if (data2.annotationDate !== undefined) {
                        if (typeof data2.annotationDate !== "string") {
                            const err11 = { instancePath: instancePath + "/annotations/" + i0 + "/annotationDate", schemaPath: "#/properties/annotations/items/properties/annotationDate/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                            if (vErrors === null) {
                                vErrors = [err11];
                            }
                            else {
                                vErrors.push(err11);
                            }
                            errors++;
                        }
                    }
                    if (data2.annotationType !== undefined) {
                        let data4 = data2.annotationType;
                        if (typeof data4 !== "string") {
                            const err12 = { instancePath: instancePath + "/annotations/" + i0 + "/annotationType", schemaPath: "#/properties/annotations/items/properties/annotationType/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                            if (vErrors === null) {
                                vErrors = [err12];
                            }
                            else {
                                vErrors.push(err12);
                            }
                            errors++;
                        }
                        if (!((data4 === "OTHER") || (data4 === "REVIEW"))) {
                            const err13 = { instancePath: instancePath + "/annotations/" + i0 + "/annotationType", schemaPath: "#/properties/annotations/items/properties/annotationType/enum", keyword: "enum", params: { allowedValues: schema19.properties.annotations.items.properties.annotationType.enum }, message: "must be equal to one of the allowed values" };
                            if (vErrors === null) {
                                vErrors = [err13];
                            }
                            else {
                                vErrors.push(err13);
                            }
                            errors++;
                        }
                    }
                    if (data2.annotator !== undefined) {
                        if (typeof data2.annotator !== "string") {
                            const err14 = { instancePath: instancePath + "/annotations/" + i0 + "/annotator", schemaPath: "#/properties/annotations/items/properties/annotator/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                            if (vErrors === null) {
                                vErrors = [err14];
                            }
                            else {
                                vErrors.push(err14);
                            }
                            errors++;
                        }
                    }
                    if (data2.comment !== undefined) {
                        if (typeof data2.comment !== "string") {
                            const err15 = { instancePath: instancePath + "/annotations/" + i0 + "/comment", schemaPath: "#/properties/annotations/items/properties/comment/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                            if (vErrors === null) {
                                vErrors = [err15];
                            }
                            else {
                                vErrors.push(err15);
                            }
                            errors++;
                        }
                    }
                }
                else {
                    const err16 = { instancePath: instancePath + "/annotations/" + i0, schemaPath: "#/properties/annotations/items/type", keyword: "type", params: { type: "object" }, message: "must be object" };
                    if (vErrors === null) {
                        vErrors = [err16];
                    }
                    else {
                        vErrors.push(err16);
                    }
                    errors++;
                }
            }
        }
        else {
            const err17 = { instancePath: instancePath + "/annotations", schemaPath: "#/properties/annotations/type", keyword: "type", params: { type: "array" }, message: "must be array" };
            if (vErrors === null) {
                vErrors = [err17];
            }
            else {
                vErrors.push(err17);
            }
            errors++;
        }
    }
    if (data.attributionTexts !== undefined) {
        let data7 = data.attributionTexts;
        if (Array.isArray(data7)) {
            const len1 = data7.length;
            for (let i1 = 0; i1 < len1; i1++) {
                if (typeof data7[i1] !== "string") {
                    const err18 = { instancePath: instancePath + "/attributionTexts/" + i1, schemaPath: "#/properties/attributionTexts/items/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                    if (vErrors === null) {
                        vErrors = [err18];
                    }
                    else {
                        vErrors.push(err18);
                    }
                    errors++;
                }
            }
        }
        else {
            const err19 = { instancePath: instancePath + "/attributionTexts", schemaPath: "#/properties/attributionTexts/type", keyword: "type", params: { type: "array" }, message: "must be array" };
            if (vErrors === null) {
                vErrors = [err19];
            }
            else {
                vErrors.push(err19);
            }
            errors++;
        }
    }
    if (data.comment !== undefined) {
        if (typeof data.comment !== "string") {
            const err20 = { instancePath: instancePath + "/comment", schemaPath: "#/properties/comment/type", keyword: "type", params: { type: "string" }, message: "must be string" };
            if (vErrors === null) {
                vErrors = [err20];
            }
            else {
                vErrors.push(err20);
            }
            errors++;
        }
    }
    if (data.copyrightText !== undefined) {
        if (typeof data.copyrightText !== "string") {
            const err21 = { instancePath: instancePath + "/copyrightText", schemaPath: "#/properties/copyrightText/type", keyword: "type", params: { type: "string" }, message: "must be string" };
            if (vErrors === null) {
                vErrors = [err21];
            }
            else {
                vErrors.push(err21);
            }
            errors++;
        }
    }
    if (data.licenseComments !== undefined) {
        if (typeof data.licenseComments !== "string") {
            const err22 = { instancePath: instancePath + "/licenseComments", schemaPath: "#/properties/licenseComments/type", keyword: "type", params: { type: "string" }, message: "must be string" };
            if (vErrors === null) {
                vErrors = [err22];
            }
            else {
                vErrors.push(err22);
            }
            errors++;
        }
    }
    if (data.licenseConcluded !== undefined) {
        if (typeof data.licenseConcluded !== "string") {
            const err23 = { instancePath: instancePath + "/licenseConcluded", schemaPath: "#/properties/licenseConcluded/type", keyword: "type", params: { type: "string" }, message: "must be string" };
            if (vErrors === null) {
                vErrors = [err23];
            }
            else {
                vErrors.push(err23);
            }
            errors++;
        }
    }
    if (data.licenseInfoInSnippets !== undefined) {
        let data13 = data.licenseInfoInSnippets;
        if (Array.isArray(data13)) {
            const len2 = data13.length;
            for (let i2 = 0; i2 < len2; i2++) {
                if (typeof data13[i2] !== "string") {
                    const err24 = { instancePath: instancePath + "/licenseInfoInSnippets/" + i2, schemaPath: "#/properties/licenseInfoInSnippets/items/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                    if (vErrors === null) {
                        vErrors = [err24];
                    }
                    else {
                        vErrors.push(err24);
                    }
                    errors++;
                }
            }
        }
        else {
            const err25 = { instancePath: instancePath + "/licenseInfoInSnippets", schemaPath: "#/properties/licenseInfoInSnippets/type", keyword: "type", params: { type: "array" }, message: "must be array" };
            if (vErrors === null) {
                vErrors = [err25];
            }
            else {
                vErrors.push(err25);
            }
            errors++;
        }
    }
    if (data.name !== undefined) {
        if (typeof data.name !== "string") {
            const err26 = { instancePath: instancePath + "/name", schemaPath: "#/properties/name/type", keyword: "type", params: { type: "string" }, message: "must be string" };
            if (vErrors === null) {
                vErrors = [err26];
            }
            else {
                vErrors.push(err26);
            }
            errors++;
        }
    }
    if (data.ranges !== undefined) {
        let data16 = data.ranges;
        if (Array.isArray(data16)) {
            if (data16.length < 1) {
                const err27 = { instancePath: instancePath + "/ranges", schemaPath: "#/properties/ranges/minItems", keyword: "minItems", params: { limit: 1 }, message: "must NOT have fewer than 1 items" };
                if (vErrors === null) {
                    vErrors = [err27];
                }
                else {
                    vErrors.push(err27);
                }
                errors++;
            }
            const len3 = data16.length;
            for (let i3 = 0; i3 < len3; i3++) {
                let data17 = data16[i3];
                if (data17 && typeof data17 == "object" && !Array.isArray(data17)) {
                    if (data17.endPointer === undefined) {
                        const err28 = { instancePath: instancePath + "/ranges/" + i3, schemaPath: "#/properties/ranges/items/required", keyword: "required", params: { missingProperty: "endPointer" }, message: "must have required property '" + "endPointer" + "'" };
                        if (vErrors === null) {
                            vErrors = [err28];
                        }
                        else {
                            vErrors.push(err28);
                        }
                        errors++;
                    }
                    if (data17.startPointer === undefined) {
                        const err29 = { instancePath: instancePath + "/ranges/" + i3, schemaPath: "#/properties/ranges/items/required", keyword: "required", params: { missingProperty: "startPointer" }, message: "must have required property '" + "startPointer" + "'" };
                        if (vErrors === null) {
                            vErrors = [err29];
                        }
                        else {
                            vErrors.push(err29);
                        }
                        errors++;
                    }
                    for (const key2 in data17) {
                        if (!((key2 === "endPointer") || (key2 === "startPointer"))) {
                            const err30 = { instancePath: instancePath + "/ranges/" + i3, schemaPath: "#/properties/ranges/items/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key2 }, message: "must NOT have additional properties" };
                            if (vErrors === null) {
                                vErrors = [err30];
                            }
                            else {
                                vErrors.push(err30);
                            }
                            errors++;
                        }
                    }
                    if (data17.endPointer !== undefined) {
                        let data18 = data17.endPointer;
                        if (data18 && typeof data18 == "object" && !Array.isArray(data18)) {
                            if (data18.reference === undefined) {
                                const err31 = { instancePath: instancePath + "/ranges/" + i3 + "/endPointer", schemaPath: "#/properties/ranges/items/properties/endPointer/required", keyword: "required", params: { missingProperty: "reference" }, message: "must have required property '" + "reference" + "'" };
                                if (vErrors === null) {
                                    vErrors = [err31];
                                }
                                else {
                                    vErrors.push(err31);
                                }
                                errors++;
                            }
                            for (const key3 in data18) {
                                if (!(((key3 === "reference") || (key3 === "offset")) || (key3 === "lineNumber"))) {
                                    const err32 = { instancePath: instancePath + "/ranges/" + i3 + "/endPointer", schemaPath: "#/properties/ranges/items/properties/endPointer/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key3 }, message: "must NOT have additional properties" };
                                    if (vErrors === null) {
                                        vErrors = [err32];
                                    }
                                    else {
                                        vErrors.push(err32);
                                    }
                                    errors++;
                                }
                            }
                            if (data18.reference !== undefined) {
                                if (typeof data18.reference !== "string") {
                                    const err33 = { instancePath: instancePath + "/ranges/" + i3 + "/endPointer/reference", schemaPath: "#/properties/ranges/items/properties/endPointer/properties/reference/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                                    if (vErrors === null) {
                                        vErrors = [err33];
                                    }
                                    else {
                                        vErrors.push(err33);
                                    }
                                    errors++;
                                }
                            }
                            if (data18.offset !== undefined) {
                                let data20 = data18.offset;
                                if (!(((typeof data20 == "number") && (!(data20 % 1) && !isNaN(data20))) && (isFinite(data20)))) {
                                    const err34 = { instancePath: instancePath + "/ranges/" + i3 + "/endPointer/offset", schemaPath: "#/properties/ranges/items/properties/endPointer/properties/offset/type", keyword: "type", params: { type: "integer" }, message: "must be integer" };
                                    if (vErrors === null) {
                                        vErrors = [err34];
                                    }
                                    else {
                                        vErrors.push(err34);
                                    }
                                    errors++;
                                }
                            }
                            if (data18.lineNumber !== undefined) {
                                let data21 = data18.lineNumber;
                                if (!(((typeof data21 == "number") && (!(data21 % 1) && !isNaN(data21))) && (isFinite(data21)))) {
                                    const err35 = { instancePath: instancePath + "/ranges/" + i3 + "/endPointer/lineNumber", schemaPath: "#/properties/ranges/items/properties/endPointer/properties/lineNumber/type", keyword: "type", params: { type: "integer" }, message: "must be integer" };
                                    if (vErrors === null) {
                                        vErrors = [err35];
                                    }
                                    else {
                                        vErrors.push(err35);
                                    }
                                    errors++;
                                }
                            }
                        }
                        else {
                            const err36 = { instancePath: instancePath + "/ranges/" + i3 + "/endPointer", schemaPath: "#/properties/ranges/items/properties/endPointer/type", keyword: "type", params: { type: "object" }, message: "must be object" };
                            if (vErrors === null) {
                                vErrors = [err36];
                            }
                            else {
                                vErrors.push(err36);
                            }
                            errors++;
                        }
                    }
                    if (data17.startPointer !== undefined) {
                        let data22 = data17.startPointer;
                        if (data22 && typeof data22 == "object" && !Array.isArray(data22)) {
                            if (data22.reference === undefined) {
                                const err37 = { instancePath: instancePath + "/ranges/" + i3 + "/startPointer", schemaPath: "#/properties/ranges/items/properties/startPointer/required", keyword: "required", params: { missingProperty: "reference" }, message: "must have required property '" + "reference" + "'" };
                                if (vErrors === null) {
                                    vErrors = [err37];
                                }
                                else {
                                    vErrors.push(err37);
                                }
                                errors++;
                            }
                            for (const key4 in data22) {
                                if (!(((key4 === "reference") || (key4 === "offset")) || (key4 === "lineNumber"))) {
                                    const err38 = { instancePath: instancePath + "/ranges/" + i3 + "/startPointer", schemaPath: "#/properties/ranges/items/properties/startPointer/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key4 }, message: "must NOT have additional properties" };
                                    if (vErrors === null) {
                                        vErrors = [err38];
                                    }
                                    else {
                                        vErrors.push(err38);
                                    }
                                    errors++;
                                }
                            }
                            if (data22.reference !== undefined) {
                                if (typeof data22.reference !== "string") {
                                    const err39 = { instancePath: instancePath + "/ranges/" + i3 + "/startPointer/reference", schemaPath: "#/properties/ranges/items/properties/startPointer/properties/reference/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                                    if (vErrors === null) {
                                        vErrors = [err39];
                                    }
                                    else {
                                        vErrors.push(err39);
                                    }
                                    errors++;
                                }
                            }
                            if (data22.offset !== undefined) {
                                let data24 = data22.offset;
                                if (!(((typeof data24 == "number") && (!(data24 % 1) && !isNaN(data24))) && (isFinite(data24)))) {
                                    const err40 = { instancePath: instancePath + "/ranges/" + i3 + "/startPointer/offset", schemaPath: "#/properties/ranges/items/properties/startPointer/properties/offset/type", keyword: "type", params: { type: "integer" }, message: "must be integer" };
                                    if (vErrors === null) {
                                        vErrors = [err40];
                                    }
                                    else {
                                        vErrors.push(err40);
                                    }
                                    errors++;
                                }
                            }
                            if (data22.lineNumber !== undefined) {
                                let data25 = data22.lineNumber;
                                if (!(((typeof data25 == "number") && (!(data25 % 1) && !isNaN(data25))) && (isFinite(data25)))) {
                                    const err41 = { instancePath: instancePath + "/ranges/" + i3 + "/startPointer/lineNumber", schemaPath: "#/properties/ranges/items/properties/startPointer/properties/lineNumber/type", keyword: "type", params: { type: "integer" }, message: "must be integer" };
                                    if (vErrors === null) {
                                        vErrors = [err41];
                                    }
                                    else {
                                        vErrors.push(err41);
                                    }
                                    errors++;
                                }
                            }
                        }
                        else {
                            const err42 = { instancePath: instancePath + "/ranges/" + i3 + "/startPointer", schemaPath: "#/properties/ranges/items/properties/startPointer/type", keyword: "type", params: { type: "object" }, message: "must be object" };
                            if (vErrors === null) {
                                vErrors = [err42];
                            }
                            else {
                                vErrors.push(err42);
                            }
                            errors++;
                        }
                    }
                }
                else {
                    const err43 = { instancePath: instancePath + "/ranges/" + i3, schemaPath: "#/properties/ranges/items/type", keyword: "type", params: { type: "object" }, message: "must be object" };
                    if (vErrors === null) {
                        vErrors = [err43];
                    }
                    else {
                        vErrors.push(err43);
                    }
                    errors++;
                }
            }
        }
        else {
            const err44 = { instancePath: instancePath + "/ranges", schemaPath: "#/properties/ranges/type", keyword: "type", params: { type: "array" }, message: "must be array" };
            if (vErrors === null) {
                vErrors = [err44];
            }
            else {
                vErrors.push(err44);
            }
            errors++;
        }
    }
    if (data.snippetFromFile !== undefined) {
        if (typeof data.snippetFromFile !== "string") {
            const err45 = { instancePath: instancePath + "/snippetFromFile", schemaPath: "#/properties/snippetFromFile/type", keyword: "type", params: { type: "string" }, message: "must be string" };
            if (vErrors === null) {
                vErrors = [err45];
            }
            else {
                vErrors.push(err45);
            }
            errors++;
        }
    }
}
else {
    const err46 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object" };
    if (vErrors === null) {
        vErrors = [err46];
    }
    else {
        vErrors.push(err46);
    }
    errors++;
} validate18.errors = vErrors; return errors === 0; }
const relationships = validate19;
const schema20 = { "type": "object", "properties": { "spdxElementId": { "type": "string" }, "comment": { "type": "string" }, "relatedSpdxElement": { "type": "string" }, "relationshipType": { "type": "string", "enum": ["VARIANT_OF", "COPY_OF", "PATCH_FOR", "TEST_DEPENDENCY_OF", "CONTAINED_BY", "DATA_FILE_OF", "OPTIONAL_COMPONENT_OF", "ANCESTOR_OF", "GENERATES", "CONTAINS", "OPTIONAL_DEPENDENCY_OF", "FILE_ADDED", "REQUIREMENT_DESCRIPTION_FOR", "DEV_DEPENDENCY_OF", "DEPENDENCY_OF", "BUILD_DEPENDENCY_OF", "DESCRIBES", "PREREQUISITE_FOR", "HAS_PREREQUISITE", "PROVIDED_DEPENDENCY_OF", "DYNAMIC_LINK", "DESCRIBED_BY", "METAFILE_OF", "DEPENDENCY_MANIFEST_OF", "PATCH_APPLIED", "RUNTIME_DEPENDENCY_OF", "TEST_OF", "TEST_TOOL_OF", "DEPENDS_ON", "SPECIFICATION_FOR", "FILE_MODIFIED", "DISTRIBUTION_ARTIFACT", "AMENDS", "DOCUMENTATION_OF", "GENERATED_FROM", "STATIC_LINK", "OTHER", "BUILD_TOOL_OF", "TEST_CASE_OF", "PACKAGE_OF", "DESCENDANT_OF", "FILE_DELETED", "EXPANDED_FROM_ARCHIVE", "DEV_TOOL_OF", "EXAMPLE_OF"] } }, "required": ["spdxElementId", "relatedSpdxElement", "relationshipType"], "additionalProperties": false };
function validate19(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) { let vErrors = null; let errors = 0; if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.spdxElementId === undefined) {
        const err0 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "spdxElementId" }, message: "must have required property '" + "spdxElementId" + "'" };
        if (vErrors === null) {
            vErrors = [err0];
        }
        else {
            vErrors.push(err0);
        }
        errors++;
    }
    if (data.relatedSpdxElement === undefined) {
        const err1 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "relatedSpdxElement" }, message: "must have required property '" + "relatedSpdxElement" + "'" };
        if (vErrors === null) {
            vErrors = [err1];
        }
        else {
            vErrors.push(err1);
        }
        errors++;
    }
    if (data.relationshipType === undefined) {
        const err2 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "relationshipType" }, message: "must have required property '" + "relationshipType" + "'" };
        if (vErrors === null) {
            vErrors = [err2];
        }
        else {
            vErrors.push(err2);
        }
        errors++;
    }
    for (const key0 in data) {
        if (!((((key0 === "spdxElementId") || (key0 === "comment")) || (key0 === "relatedSpdxElement")) || (key0 === "relationshipType"))) {
            const err3 = { instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties" };
            if (vErrors === null) {
                vErrors = [err3];
            }
            else {
                vErrors.push(err3);
            }
            errors++;
        }
    }
    if (data.spdxElementId !== undefined) {
        if (typeof data.spdxElementId !== "string") {
            const err4 = { instancePath: instancePath + "/spdxElementId", schemaPath: "#/properties/spdxElementId/type", keyword: "type", params: { type: "string" }, message: "must be string" };
            if (vErrors === null) {
                vErrors = [err4];
            }
            else {
                vErrors.push(err4);
            }
            errors++;
        }
    }
    if (data.comment !== undefined) {
        if (typeof data.comment !== "string") {
            const err5 = { instancePath: instancePath + "/comment", schemaPath: "#/properties/comment/type", keyword: "type", params: { type: "string" }, message: "must be string" };
            if (vErrors === null) {
                vErrors = [err5];
            }
            else {
                vErrors.push(err5);
            }
            errors++;
        }
    }
    if (data.relatedSpdxElement !== undefined) {
        if (typeof data.relatedSpdxElement !== "string") {
            const err6 = { instancePath: instancePath + "/relatedSpdxElement", schemaPath: "#/properties/relatedSpdxElement/type", keyword: "type", params: { type: "string" }, message: "must be string" };
            if (vErrors === null) {
                vErrors = [err6];
            }
            else {
                vErrors.push(err6);
            }
            errors++;
        }
    }
    if (data.relationshipType !== undefined) {
        let data3 = data.relationshipType;
        if (typeof data3 !== "string") {
            const err7 = { instancePath: instancePath + "/relationshipType", schemaPath: "#/properties/relationshipType/type", keyword: "type", params: { type: "string" }, message: "must be string" };
            if (vErrors === null) {
                vErrors = [err7];
            }
            else {
                vErrors.push(err7);
            }
            errors++;
        }
        if (!(((((((((((((((((((((((((((((((((((((((((((((data3 === "VARIANT_OF") || (data3 === "COPY_OF")) || (data3 === "PATCH_FOR")) || (data3 === "TEST_DEPENDENCY_OF")) || (data3 === "CONTAINED_BY")) || (data3 === "DATA_FILE_OF")) || (data3 === "OPTIONAL_COMPONENT_OF")) || (data3 === "ANCESTOR_OF")) || (data3 === "GENERATES")) || (data3 === "CONTAINS")) || (data3 === "OPTIONAL_DEPENDENCY_OF")) || (data3 === "FILE_ADDED")) || (data3 === "REQUIREMENT_DESCRIPTION_FOR")) || (data3 === "DEV_DEPENDENCY_OF")) || (data3 === "DEPENDENCY_OF")) || (data3 === "BUILD_DEPENDENCY_OF")) || (data3 === "DESCRIBES")) || (data3 === "PREREQUISITE_FOR")) || (data3 === "HAS_PREREQUISITE")) || (data3 === "PROVIDED_DEPENDENCY_OF")) || (data3 === "DYNAMIC_LINK")) || (data3 === "DESCRIBED_BY")) || (data3 === "METAFILE_OF")) || (data3 === "DEPENDENCY_MANIFEST_OF")) || (data3 === "PATCH_APPLIED")) || (data3 === "RUNTIME_DEPENDENCY_OF")) || (data3 === "TEST_OF")) || (data3 === "TEST_TOOL_OF")) || (data3 === "DEPENDS_ON")) || (data3 === "SPECIFICATION_FOR")) || (data3 === "FILE_MODIFIED")) || (data3 === "DISTRIBUTION_ARTIFACT")) || (data3 === "AMENDS")) || (data3 === "DOCUMENTATION_OF")) || (data3 === "GENERATED_FROM")) || (data3 === "STATIC_LINK")) || (data3 === "OTHER")) || (data3 === "BUILD_TOOL_OF")) || (data3 === "TEST_CASE_OF")) || (data3 === "PACKAGE_OF")) || (data3 === "DESCENDANT_OF")) || (data3 === "FILE_DELETED")) || (data3 === "EXPANDED_FROM_ARCHIVE")) || (data3 === "DEV_TOOL_OF")) || (data3 === "EXAMPLE_OF"))) {
            const err8 = { instancePath: instancePath + "/relationshipType", schemaPath: "#/properties/relationshipType/enum", keyword: "enum", params: { allowedValues: schema20.properties.relationshipType.enum }, message: "must be equal to one of the allowed values" };
            if (vErrors === null) {
                vErrors = [err8];
            }
            else {
                vErrors.push(err8);
            }
            errors++;
        }
    }
}
else {
    const err9 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object" };
    if (vErrors === null) {
        vErrors = [err9];
    }
    else {
        vErrors.push(err9);
    }
    errors++;
} validate19.errors = vErrors; return errors === 0; }

;// CONCATENATED MODULE: ./packages/core/src/sbom/spdx.ts




const { top: validateTop, ...items } = spdx_validators_generated_namespaceObject;
/** A Map, not the module namespace: lookups on namespace objects cost ~10% of a 200 MB run. */
const ITEM_VALIDATORS = new Map(Object.entries(items));
const SPDX_VERSIONS = ['SPDX-2.3', 'SPDX-2.2'];
/**
 * SPDX 2.3 JSON schema, applied to the top level (big arrays stand in as `[]`) and to each array
 * element as it streams past. SPDX 2.2 documents are checked against the 2.3 schema too: 2.3 only
 * relaxed 2.2's required package fields and added optional ones.
 */
class SpdxChecker {
    format = 'spdx';
    problems = new ProblemList();
    wants(key) {
        return ITEM_VALIDATORS.has(key);
    }
    element(key, index, value) {
        const validate = ITEM_VALIDATORS.get(key);
        if (validate(value))
            return;
        this.report(`${key}[${index}]`, value, validate);
    }
    finish(top) {
        const doc = { ...top.members };
        for (const key of top.arrays.keys())
            setOwn(doc, key, []);
        if (!validateTop(doc))
            this.report('', doc, validateTop);
        this.specRules(top.members);
        const name = top.members.name;
        return { ...(typeof name === 'string' ? { documentName: name } : {}), packages: top.arrays.get('packages') ?? 0 };
    }
    /** Rules of the SPDX 2.3 specification that its JSON schema leaves out. */
    specRules(m) {
        const v = m.spdxVersion;
        if (typeof v === 'string' && !SPDX_VERSIONS.includes(v)) {
            this.problems.add(`spdxVersion is ${JSON.stringify(v)}; supported: ${SPDX_VERSIONS.join(', ')}`);
        }
        if (typeof m.dataLicense === 'string' && m.dataLicense !== 'CC0-1.0') {
            this.problems.add(`dataLicense must be "CC0-1.0", found ${JSON.stringify(m.dataLicense)}`);
        }
        if (typeof m.SPDXID === 'string' && m.SPDXID !== 'SPDXRef-DOCUMENT') {
            this.problems.add(`SPDXID must be "SPDXRef-DOCUMENT", found ${JSON.stringify(m.SPDXID)}`);
        }
        if (!Object.hasOwn(m, 'documentNamespace')) {
            this.problems.add('documentNamespace is required (SPDX 2.3 §6.5: exactly one, a unique URI)');
        }
    }
    report(base, value, validate) {
        for (const e of validate.errors ?? []) {
            if (this.problems.wantsMore)
                this.problems.add(describeSchemaError(base, value, e));
            else
                this.problems.total++;
        }
    }
}

;// CONCATENATED MODULE: ./packages/core/src/sbom/syft.ts



const syft_ARRAYS = ['artifacts', 'artifactRelationships', 'files'];
/** syft's own JSON (`syft -o syft-json`), checked by the fields its consumers (grype, syft convert) need. */
class SyftChecker extends EssentialsChecker {
    format = 'syft';
    arrays = syft_ARRAYS;
    checkElement(key, path, value) {
        if (!this.check.object(path, value))
            return;
        if (key === 'artifacts') {
            for (const k of ['id', 'name', 'type'])
                this.check.requiredString(value, path, k);
            // syft writes "" for packages without a version
            if (typeof value.version !== 'string')
                this.problems.add(`${path}.version must be a string, found ${preview(value.version)}`);
        }
        else if (key === 'artifactRelationships') {
            for (const k of ['parent', 'child', 'type'])
                this.check.requiredString(value, path, k);
        }
    }
    finish(top) {
        const m = top.members;
        if (this.check.requiredObject(m, '', 'descriptor')) {
            const d = m.descriptor;
            if (d.name !== 'syft')
                this.problems.add(`descriptor.name must be "syft", found ${preview(d.name)}`);
            this.check.string(d, 'descriptor', 'version');
        }
        if (!top.arrays.has('artifacts')) {
            if (Object.hasOwn(m, 'artifacts'))
                this.check.notArray(m, 'artifacts');
            else
                this.problems.add('artifacts is required (an array, empty when nothing was found)');
        }
        this.check.notArray(m, 'artifactRelationships');
        this.check.requiredObject(m, '', 'source');
        this.check.requiredObject(m, '', 'distro');
        if (m.schema !== undefined && this.check.object('schema', m.schema))
            this.check.string(m.schema, 'schema', 'version');
        const source = m.source;
        let documentName;
        if (isObject(source)) {
            const meta = source.metadata;
            if (typeof source.name === 'string' && source.name !== '')
                documentName = source.name;
            else if (isObject(meta) && typeof meta.userInput === 'string')
                documentName = meta.userInput;
        }
        return { ...(documentName === undefined ? {} : { documentName }), packages: top.arrays.get('artifacts') ?? 0 };
    }
}

;// CONCATENATED MODULE: ./packages/core/src/sbom/collector.ts





/**
 * Receives the streamed document: keeps the top level minus its arrays, and hands each array
 * element to the checkers still in the running, then drops it.
 */
class SbomCollector {
    top = { members: {}, arrays: new Map() };
    checkers = {
        spdx: new SpdxChecker(),
        cyclonedx: new CycloneDxChecker(),
        syft: new SyftChecker(),
    };
    active = Object.values(this.checkers);
    narrowed = false;
    member(key, value) {
        setOwn(this.top.members, key, value);
        const format = markerOf(key, value);
        // Once a marker is seen, only that format's checks run; a second marker is reported at the end.
        if (format && !this.narrowed) {
            this.narrowed = true;
            this.active = [this.checkers[format]];
        }
    }
    arrayStart(key) {
        this.top.arrays.set(key, 0);
    }
    element(key, index, value) {
        for (const c of this.active)
            if (c.wants(key))
                c.element(key, index, value);
    }
    arrayEnd(key, count) {
        this.top.arrays.set(key, count);
    }
}

;// CONCATENATED MODULE: ./packages/core/src/sbom/file-reader.ts

/** 1 MiB reads: large enough that per-read overhead is noise, small enough to stay out of the RSS budget. */
const CHUNK_BYTES = 1 << 20;
/**
 * Reads a file once, front to back, into two reused buffers (no per-chunk allocation, which
 * otherwise lets garbage pile up to ~2x the file size in RSS before GC catches up). The next read
 * is in flight on libuv's pool while `onChunk` works on the current one.
 * `onChunk` runs synchronously and must copy what it keeps: the buffer is reused.
 */
async function readAndHash(fh, onChunk, chunkBytes = CHUNK_BYTES) {
    const hash = (0,external_node_crypto_.createHash)('sha256');
    const buffers = [Buffer.allocUnsafeSlow(chunkBytes), Buffer.allocUnsafeSlow(chunkBytes)];
    let position = 0;
    let which = 0;
    let pending = fh.read(buffers[0], 0, chunkBytes, 0);
    try {
        for (;;) {
            const { bytesRead, buffer } = await pending;
            if (bytesRead === 0)
                break;
            const chunk = buffer.subarray(0, bytesRead);
            position += bytesRead;
            which ^= 1;
            pending = fh.read(buffers[which], 0, chunkBytes, position);
            hash.update(chunk);
            onChunk(chunk);
        }
    }
    catch (e) {
        await pending.catch(() => undefined);
        throw e;
    }
    return { size: position, digest: `sha256:${hash.digest('hex')}` };
}
/** 1-based line and column (in characters) of a byte offset; error path only, so it re-reads the file. */
async function locate(fh, offset) {
    const buf = Buffer.allocUnsafe(CHUNK_BYTES);
    let line = 1;
    let column = 1;
    let position = 0;
    while (position < offset) {
        const { bytesRead } = await fh.read(buf, 0, Math.min(CHUNK_BYTES, offset - position), position);
        if (bytesRead === 0)
            break;
        for (let i = 0; i < bytesRead; i++) {
            const c = buf[i];
            if (c === 0x0a) {
                line++;
                column = 1;
            }
            else if ((c & 0xc0) !== 0x80)
                column++;
        }
        position += bytesRead;
    }
    return { line, column };
}

// EXTERNAL MODULE: external "node:buffer"
var external_node_buffer_ = __webpack_require__(4573);
;// CONCATENATED MODULE: ./packages/core/src/sbom/json-syntax.ts
class Problem extends Error {
    index;
    reason;
    constructor(index, reason) {
        super(reason);
        this.index = index;
        this.reason = reason;
    }
}
const MAX_NESTING = 10_000;
function findJsonSyntaxError(text) {
    let i = 0;
    const n = text.length;
    const fail = (reason, at = i) => {
        throw new Problem(at, at >= n ? `${reason}, but the text ends` : reason);
    };
    const ws = () => {
        while (i < n) {
            const c = text.charCodeAt(i);
            if (c !== 0x20 && c !== 0x0a && c !== 0x0d && c !== 0x09)
                return;
            i++;
        }
    };
    const describe = () => (i >= n ? 'end of text' : JSON.stringify(text[i]));
    const string = () => {
        i++; // opening quote
        for (;;) {
            if (i >= n)
                fail('unterminated string');
            const c = text.charCodeAt(i);
            if (c === 0x22) {
                i++;
                return;
            }
            if (c < 0x20)
                fail(`control character U+${c.toString(16).padStart(4, '0')} inside a string (escape it)`);
            if (c === 0x5c) {
                const e = text[i + 1];
                if (e === 'u') {
                    if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6)))
                        fail('bad \\u escape (needs 4 hex digits)');
                    i += 6;
                    continue;
                }
                if (e === undefined || !'"\\/bfnrt'.includes(e))
                    fail(`bad escape \\${e ?? ''} in a string`);
                i += 2;
                continue;
            }
            i++;
        }
    };
    const number = () => {
        const m = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
        if (!m || m[0] === '-' || m[0] === '')
            fail('malformed number');
        i += m[0].length;
        const c = text[i];
        if (c !== undefined && /[0-9.eE+-]/.test(c))
            fail('malformed number');
    };
    const value = (depth) => {
        ws();
        if (depth > MAX_NESTING)
            fail('nesting too deep');
        const c = text[i];
        if (c === '{') {
            i++;
            ws();
            if (text[i] === '}') {
                i++;
                return;
            }
            for (;;) {
                ws();
                if (text[i] !== '"')
                    fail(`expected a double-quoted property name, found ${describe()}`);
                string();
                ws();
                if (text[i] !== ':')
                    fail(`expected ':' after a property name, found ${describe()}`);
                i++;
                value(depth + 1);
                ws();
                if (text[i] === ',') {
                    i++;
                    continue;
                }
                if (text[i] === '}') {
                    i++;
                    return;
                }
                fail(`expected ',' or '}' after a property value, found ${describe()}`);
            }
        }
        if (c === '[') {
            i++;
            ws();
            if (text[i] === ']') {
                i++;
                return;
            }
            for (;;) {
                value(depth + 1);
                ws();
                if (text[i] === ',') {
                    i++;
                    continue;
                }
                if (text[i] === ']') {
                    i++;
                    return;
                }
                fail(`expected ',' or ']' after an array element, found ${describe()}`);
            }
        }
        if (c === '"')
            return string();
        if (c === '-' || (c !== undefined && c >= '0' && c <= '9'))
            return number();
        for (const lit of ['true', 'false', 'null']) {
            if (text.startsWith(lit, i)) {
                i += lit.length;
                return;
            }
        }
        fail(`expected a value, found ${describe()}`);
    };
    try {
        value(0);
        ws();
        if (i < n)
            fail(`unexpected ${describe()} after the value`);
        return undefined;
    }
    catch (e) {
        if (e instanceof Problem)
            return { index: e.index, reason: e.reason };
        throw e;
    }
}

;// CONCATENATED MODULE: ./packages/core/src/sbom/utf8.ts
/** Index of the first byte that breaks UTF-8, or -1. Error path only: Buffer's isUtf8 is the fast check. */
function firstInvalidUtf8(b) {
    let i = 0;
    while (i < b.length) {
        const c = b[i];
        if (c < 0x80) {
            i++;
            continue;
        }
        let need;
        let min;
        if (c >= 0xc2 && c <= 0xdf)
            [need, min] = [1, 0x80];
        else if (c >= 0xe0 && c <= 0xef)
            [need, min] = [2, 0x800];
        else if (c >= 0xf0 && c <= 0xf4)
            [need, min] = [3, 0x10000];
        else
            return i;
        let cp = c & (0x3f >> need);
        for (let k = 1; k <= need; k++) {
            const cc = b[i + k];
            if (cc === undefined || (cc & 0xc0) !== 0x80)
                return i;
            cp = (cp << 6) | (cc & 0x3f);
        }
        if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
            return i;
        i += need + 1;
    }
    return -1;
}

;// CONCATENATED MODULE: ./packages/core/src/sbom/json-scanner.ts



class JsonScanError extends Error {
    kind;
    offset;
    constructor(kind, message, 
    /** Byte offset in the file. */
    offset) {
        super(message);
        this.kind = kind;
        this.offset = offset;
        this.name = 'JsonScanError';
    }
}
const DEFAULT_MAX_VALUE_BYTES = 16 * 1024 * 1024;
const MAX_DEPTH = 512;
var S;
(function (S) {
    S[S["BeforeRoot"] = 0] = "BeforeRoot";
    S[S["Bom1"] = 1] = "Bom1";
    S[S["Bom2"] = 2] = "Bom2";
    S[S["ObjFirst"] = 3] = "ObjFirst";
    S[S["ObjNext"] = 4] = "ObjNext";
    S[S["AfterKey"] = 5] = "AfterKey";
    S[S["BeforeValue"] = 6] = "BeforeValue";
    S[S["AfterValue"] = 7] = "AfterValue";
    S[S["ArrFirst"] = 8] = "ArrFirst";
    S[S["ArrNext"] = 9] = "ArrNext";
    S[S["AfterElem"] = 10] = "AfterElem";
    S[S["AfterRoot"] = 11] = "AfterRoot";
})(S || (S = {}));
var T;
(function (T) {
    T[T["Key"] = 0] = "Key";
    T[T["Member"] = 1] = "Member";
    T[T["Element"] = 2] = "Element";
})(T || (T = {}));
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
function isWs(c) {
    return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
}
function isValueStart(c) {
    return (c === 0x7b ||
        c === 0x5b ||
        c === QUOTE ||
        c === 0x2d ||
        (c >= 0x30 && c <= 0x39) ||
        c === 0x74 ||
        c === 0x66 ||
        c === 0x6e);
}
/** Bytes that can continue a number or true/false/null; anything else ends the literal. */
function isLiteralByte(c) {
    return ((c >= 0x30 && c <= 0x39) ||
        (c >= 0x61 && c <= 0x7a) ||
        (c >= 0x41 && c <= 0x5a) ||
        c === 0x2b ||
        c === 0x2d ||
        c === 0x2e);
}
function show(c) {
    return c >= 0x20 && c < 0x7f ? `'${String.fromCharCode(c)}'` : `byte 0x${c.toString(16).padStart(2, '0')}`;
}
class JsonObjectScanner {
    handler;
    maxValueBytes;
    state = S.BeforeRoot;
    /** File offset of the chunk being scanned. */
    base = 0;
    key = '';
    keys = new Map();
    index = 0;
    // The value being captured; it may span chunks.
    capturing = false;
    literal = false;
    target = T.Key;
    start = 0;
    pieces = [];
    pieceBytes = 0;
    depth = 0;
    inString = false;
    escaped = false;
    stack = new Uint8Array(MAX_DEPTH);
    constructor(handler, options = {}) {
        this.handler = handler;
        this.maxValueBytes = options.maxValueBytes ?? DEFAULT_MAX_VALUE_BYTES;
    }
    /** The chunk may be reused by the caller after this returns: whatever is kept is copied. */
    push(chunk) {
        const n = chunk.length;
        let i = 0;
        while (i < n) {
            if (this.capturing) {
                const from = i;
                const end = this.literal ? this.scanLiteral(chunk, i) : this.scanValue(chunk, i);
                if (end < 0) {
                    this.keep(chunk.subarray(from));
                    break;
                }
                this.finish(chunk.subarray(from, end));
                i = end;
                continue;
            }
            const c = chunk[i];
            if (isWs(c) && this.state !== S.Bom1 && this.state !== S.Bom2) {
                i++;
                continue;
            }
            this.structural(c, this.base + i);
            if (!this.capturing)
                i++;
        }
        this.base += n;
    }
    /** Call once after the last chunk. */
    end() {
        if (this.state === S.AfterRoot && !this.capturing)
            return;
        const at = this.base;
        if (this.state === S.BeforeRoot)
            throw new JsonScanError('truncated', 'the file holds only whitespace, no JSON value', at);
        throw new JsonScanError('truncated', `the file ends ${this.where()}: it is truncated or not closed`, at);
    }
    where() {
        switch (this.state) {
            case S.ArrFirst:
            case S.ArrNext:
            case S.AfterElem:
                return this.capturing
                    ? `inside ${this.key}[${this.index}]`
                    : `inside the "${this.key}" array after ${this.index} element(s)`;
            case S.BeforeValue:
            case S.AfterValue:
                return this.capturing ? `inside the value of "${this.key}"` : `after the value of "${this.key}"`;
            case S.ObjFirst:
            case S.ObjNext:
            case S.AfterKey:
                return this.capturing
                    ? 'inside a property name of the top-level object'
                    : 'before the top-level object is closed';
            default:
                return 'early';
        }
    }
    structural(c, at) {
        switch (this.state) {
            case S.BeforeRoot:
                if (c === 0x7b)
                    this.state = S.ObjFirst;
                else if (c === 0xef && at === 0)
                    this.state = S.Bom1;
                else if ((c === 0xff || c === 0xfe || c === 0x00) && at <= 1) {
                    throw new JsonScanError('utf16', 'the file is UTF-16 (or UTF-32) encoded, not UTF-8', at);
                }
                else if (c === 0x5b)
                    throw new JsonScanError('not-object', 'the top-level JSON value is an array, not an object', at);
                else if (c === 0x3c)
                    throw new JsonScanError('not-object', "the file starts with '<' (XML?), not a JSON object", at);
                else if (isValueStart(c))
                    throw new JsonScanError('not-object', 'the top-level JSON value is not an object', at);
                else
                    throw new JsonScanError('syntax', `expected '{' to open the top-level object, found ${show(c)}`, at);
                return;
            case S.Bom1:
                if (c !== 0xbb)
                    throw new JsonScanError('utf8', 'invalid UTF-8 at the start of the file', at - 1);
                this.state = S.Bom2;
                return;
            case S.Bom2:
                if (c !== 0xbf)
                    throw new JsonScanError('utf8', 'invalid UTF-8 at the start of the file', at - 2);
                // A UTF-8 byte order mark: JSON forbids emitting it but allows readers to ignore it.
                this.state = S.BeforeRoot;
                return;
            case S.ObjFirst:
                if (c === 0x7d)
                    this.state = S.AfterRoot;
                else
                    this.expectKey(c, at);
                return;
            case S.ObjNext:
                this.expectKey(c, at);
                return;
            case S.AfterKey:
                if (c !== 0x3a)
                    throw new JsonScanError('syntax', `expected ':' after property name "${this.key}", found ${show(c)}`, at);
                this.state = S.BeforeValue;
                return;
            case S.BeforeValue:
                if (c === 0x5b) {
                    this.index = 0;
                    this.handler.arrayStart(this.key, at);
                    this.state = S.ArrFirst;
                    return;
                }
                if (!isValueStart(c))
                    throw new JsonScanError('syntax', `expected a value for "${this.key}", found ${show(c)}`, at);
                this.capture(T.Member, at, c !== 0x7b && c !== QUOTE);
                return;
            case S.AfterValue:
                if (c === 0x2c)
                    this.state = S.ObjNext;
                else if (c === 0x7d)
                    this.state = S.AfterRoot;
                else
                    throw new JsonScanError('syntax', `expected ',' or '}' after the value of "${this.key}", found ${show(c)}`, at);
                return;
            case S.ArrFirst:
                if (c === 0x5d)
                    this.closeArray(at);
                else
                    this.expectElement(c, at);
                return;
            case S.ArrNext:
                this.expectElement(c, at);
                return;
            case S.AfterElem:
                if (c === 0x2c)
                    this.state = S.ArrNext;
                else if (c === 0x5d)
                    this.closeArray(at);
                else
                    throw new JsonScanError('syntax', `expected ',' or ']' after ${this.key}[${this.index - 1}], found ${show(c)}`, at);
                return;
            case S.AfterRoot:
                throw new JsonScanError('syntax', `unexpected ${show(c)} after the end of the top-level object`, at);
        }
    }
    expectKey(c, at) {
        if (c !== QUOTE) {
            const after = this.state === S.ObjNext ? ` after ',' (a trailing comma?)` : '';
            throw new JsonScanError('syntax', `expected a double-quoted property name${after}, found ${show(c)}`, at);
        }
        this.capture(T.Key, at, false);
    }
    expectElement(c, at) {
        if (!isValueStart(c)) {
            const after = this.state === S.ArrNext ? ` after ',' (a trailing comma?)` : '';
            throw new JsonScanError('syntax', `expected a value for ${this.key}[${this.index}]${after}, found ${show(c)}`, at);
        }
        this.capture(T.Element, at, c !== 0x7b && c !== 0x5b && c !== QUOTE);
    }
    closeArray(at) {
        this.handler.arrayEnd(this.key, this.index, at);
        this.state = S.AfterValue;
    }
    capture(target, at, literal) {
        this.capturing = true;
        this.literal = literal;
        this.target = target;
        this.start = at;
        this.depth = 0;
        this.inString = false;
        this.escaped = false;
    }
    /**
     * Finds the end of a string, object or array starting at the capture's first byte.
     * Returns the index just past it, or -1 when the chunk ends first (state is kept).
     */
    scanValue(b, i) {
        const n = b.length;
        const stack = this.stack;
        let depth = this.depth;
        let inString = this.inString;
        if (this.escaped) {
            this.escaped = false;
            i++;
        }
        while (i < n) {
            if (inString) {
                let c = b[i];
                while (c !== QUOTE && c !== BACKSLASH) {
                    if (++i === n)
                        break;
                    c = b[i];
                }
                if (i === n)
                    break;
                if (c === BACKSLASH) {
                    if (i + 1 === n) {
                        this.escaped = true;
                        break;
                    }
                    i += 2;
                    continue;
                }
                inString = false;
                i++;
                if (depth === 0)
                    return this.done(i);
                continue;
            }
            const c = b[i++];
            if (c === QUOTE)
                inString = true;
            else if (c === 0x7b || c === 0x5b) {
                if (depth === MAX_DEPTH)
                    throw new JsonScanError('limit', `nesting deeper than ${MAX_DEPTH} levels`, this.base + i - 1);
                stack[depth++] = c;
            }
            else if (c === 0x7d || c === 0x5d) {
                // '{'+2 is '}' and '['+2 is ']'
                if (stack[--depth] !== c - 2) {
                    throw new JsonScanError('syntax', `${show(c)} does not match the open ${show(stack[depth])}`, this.base + i - 1);
                }
                if (depth === 0)
                    return this.done(i);
            }
        }
        this.depth = depth;
        this.inString = inString;
        return -1;
    }
    done(i) {
        this.depth = 0;
        this.inString = false;
        return i;
    }
    scanLiteral(b, i) {
        const n = b.length;
        while (i < n && isLiteralByte(b[i]))
            i++;
        return i < n ? i : -1;
    }
    keep(piece) {
        this.checkSize(this.pieceBytes + piece.length);
        this.pieceBytes += piece.length;
        this.pieces.push(Buffer.from(piece));
    }
    checkSize(bytes) {
        if (bytes <= this.maxValueBytes)
            return;
        const limit = this.maxValueBytes >= 1048576 ? `${this.maxValueBytes / 1048576} MiB` : `${this.maxValueBytes} bytes`;
        throw new JsonScanError('limit', `${this.describeTarget()} is larger than ${limit} (or a string or bracket in it is never closed)`, this.start);
    }
    describeTarget() {
        if (this.target === T.Element)
            return `${this.key}[${this.index}]`;
        if (this.target === T.Member)
            return `the value of "${this.key}"`;
        return 'a property name';
    }
    finish(last) {
        this.checkSize(this.pieceBytes + last.length);
        const bytes = this.pieces.length === 0 ? last : Buffer.concat([...this.pieces, last]);
        this.pieces = [];
        this.pieceBytes = 0;
        this.capturing = false;
        const value = this.parse(bytes);
        const at = this.start;
        if (this.target === T.Key) {
            this.key = value;
            const seen = this.keys.get(this.key);
            if (seen !== undefined) {
                throw new JsonScanError('duplicate', `the top-level key "${this.key}" appears twice (first at byte ${seen}); readers disagree on which one counts`, at);
            }
            this.keys.set(this.key, at);
            this.state = S.AfterKey;
        }
        else if (this.target === T.Member) {
            this.handler.member(this.key, value, at);
            this.state = S.AfterValue;
        }
        else {
            this.handler.element(this.key, this.index++, value, at);
            this.state = S.AfterElem;
        }
    }
    parse(bytes) {
        if (!(0,external_node_buffer_.isUtf8)(bytes)) {
            throw new JsonScanError('utf8', 'invalid UTF-8', this.start + Math.max(0, firstInvalidUtf8(bytes)));
        }
        const text = bytes.toString('utf8');
        try {
            return JSON.parse(text);
        }
        catch (e) {
            const found = findJsonSyntaxError(text);
            const index = found?.index ?? 0;
            const reason = found?.reason ?? e.message;
            throw new JsonScanError('syntax', `${reason} (in ${this.describeTarget()})`, this.start + Buffer.byteLength(text.slice(0, index)));
        }
    }
}

;// CONCATENATED MODULE: ./packages/core/src/sbom/scan-messages.ts

const NOT_AN_SBOM = `expected ${Object.values(FORMAT_MARKERS).slice(0, 2).join(', ')} or ${FORMAT_MARKERS.syft}`;
/** Turns a scanner problem into the sentence after the file name, and how to fix it. */
function describeScanError(e, file, where) {
    switch (e.kind) {
        case 'utf8':
            return {
                message: `is not valid UTF-8 at ${where}: JSON must be UTF-8 encoded`,
                hint: `re-encode it, e.g. iconv -f LATIN1 -t UTF-8 ${file}`,
            };
        case 'utf16':
            return {
                message: 'is UTF-16 (or UTF-32) encoded; JSON must be UTF-8',
                hint: `convert it with iconv -f UTF-16 -t UTF-8 (PowerShell's Out-File writes UTF-16 unless given -Encoding utf8)`,
            };
        case 'truncated':
            return {
                message: `is not valid JSON: ${e.message} (at ${where})`,
                hint: 'regenerate the SBOM; a full disk or an interrupted write usually causes this',
            };
        case 'limit':
            return {
                message: `cannot be validated in bounded memory: ${e.message} (starting at ${where})`,
                hint: 'check that the JSON is well formed; a single element that large is not supported',
            };
        case 'not-object':
            return {
                message: `is not an SBOM: ${e.message} (at ${where}); ${NOT_AN_SBOM}`,
                hint: 'pass an SPDX, CycloneDX or syft JSON file',
            };
        case 'duplicate':
            return { message: `is ambiguous JSON: ${e.message} (at ${where})`, hint: 'remove the duplicate key' };
        case 'syntax':
            return {
                message: `is not valid JSON at ${where}: ${e.message}`,
                hint: `see exactly where with: jq empty ${file}`,
            };
    }
}

;// CONCATENATED MODULE: ./packages/core/src/sbom/inspect.ts










const SPEC_NAMES = { spdx: 'SPDX 2.3 JSON', cyclonedx: 'CycloneDX JSON', syft: 'syft-json' };
/** What is wrong goes in the message; how to fix it in `hint`, which the actions print on the next line. */
function fail(file, message, hint, cause) {
    return new errors/* BydigestError */.W('SBOM', `SBOM file ${file} ${message}`, {
        operation: 'inspect SBOM',
        reference: file,
        ...(hint ? { hint } : {}),
        ...(cause === undefined ? {} : { cause }),
    });
}
async function openRegular(file) {
    let st;
    try {
        // stat before open: opening a FIFO for reading would block until a writer appears
        st = await (0,promises_.stat)(file);
    }
    catch (e) {
        const code = e.code;
        if (code === 'ENOENT' || code === 'ENOTDIR') {
            throw fail(file, `does not exist (looked for ${(0,external_node_path_.resolve)(file)})`, 'check the path and that the step generating the SBOM ran before this one', e);
        }
        if (code === 'EACCES')
            throw fail(file, 'cannot be read: permission denied', undefined, e);
        throw fail(file, `cannot be read: ${e.message}`, undefined, e);
    }
    if (!st.isFile()) {
        const kind = st.isDirectory()
            ? 'a directory'
            : st.isFIFO()
                ? 'a pipe'
                : st.isSocket()
                    ? 'a socket'
                    : 'a device or special file';
        throw fail(file, `is not a regular file (it is ${kind})`, 'pass the path of the SBOM JSON file');
    }
    if (st.size === 0)
        throw fail(file, 'is empty (0 bytes)', 'the step that generates it probably failed; check its log');
    let fh;
    try {
        // O_NONBLOCK: should the path have become a FIFO since the stat, open must not hang on it
        fh = await (0,promises_.open)(file, external_node_fs_.constants.O_RDONLY | external_node_fs_.constants.O_NONBLOCK);
    }
    catch (e) {
        throw fail(file, `cannot be opened: ${e.message}`, undefined, e);
    }
    // the path may have been swapped between stat and open
    if (!(await fh.stat()).isFile()) {
        await fh.close();
        throw fail(file, 'is not a regular file', 'pass the path of the SBOM JSON file');
    }
    return { fh, size: st.size };
}
/**
 * Detects and validates an SBOM file in one streaming pass, also computing its digest and size.
 * Memory stays bounded by the largest single element, never the file: a 200 MB SPDX document
 * is checked with a peak RSS well under 150 MB.
 */
async function inspectSbom(file, options = {}) {
    const { fh, size: statSize } = await openRegular(file);
    const collector = new SbomCollector();
    const scanner = new JsonObjectScanner(collector, options);
    let read;
    try {
        try {
            read = await readAndHash(fh, (chunk) => scanner.push(chunk));
            scanner.end();
        }
        catch (e) {
            if (!(e instanceof JsonScanError)) {
                // an I/O error (EIO, EISDIR on odd filesystems) is the user's to fix; anything else is our bug
                if (typeof e.code === 'string')
                    throw fail(file, `cannot be read: ${e.message}`, undefined, e);
                throw e;
            }
            const { line, column } = await locate(fh, e.offset);
            const { message, hint } = describeScanError(e, file, `byte ${e.offset}, line ${line}, column ${column}`);
            throw fail(file, message, hint, e);
        }
    }
    finally {
        await fh.close();
    }
    if (read.size !== statSize) {
        throw fail(file, `changed while being read (${statSize} bytes before, ${read.size} read)`, 'wait for the step writing it to finish');
    }
    return conclude(file, collector, read);
}
function conclude(file, collector, read) {
    const formats = detectedFormats(collector.top);
    if (formats.length === 0) {
        const like = lookalikeHint(collector.top);
        throw fail(file, `is JSON but not an SBOM: ${NOT_AN_SBOM}${like ? ` (${like})` : ''}`, 'pass SPDX 2.3 JSON, CycloneDX JSON or syft-json, e.g. from syft <image> -o spdx-json=sbom.spdx.json');
    }
    if (formats.length > 1) {
        throw fail(file, `mixes SBOM formats: it has the markers of ${formats.map((f) => FORMAT_MARKERS[f]).join(' and ')}`, 'a file must be exactly one format');
    }
    const format = formats[0];
    const checker = collector.checkers[format];
    const result = checker.finish(collector.top);
    const problems = checker.problems;
    if (!problems.ok) {
        const more = problems.total > problems.messages.length ? `\n  … and ${problems.total - problems.messages.length} more` : '';
        const list = `\n  - ${problems.messages.join('\n  - ')}${more}`;
        throw fail(file, `is not valid ${SPEC_NAMES[format]} (${problems.total} problem(s)):${list}`, 'fix the generator or its options so that its output conforms, or attach it with a format it does produce correctly');
    }
    const types = SBOM_FORMAT_TYPES[format];
    return {
        format,
        artifactType: types.artifactType,
        layerMediaType: types.layerMediaType,
        size: read.size,
        digest: read.digest,
        ...result,
    };
}

;// CONCATENATED MODULE: ./packages/core/src/sbom/referrer-manifest.ts



const OCI_IMAGE_MANIFEST = 'application/vnd.oci.image.manifest.v1+json';
const TITLE = 'org.opencontainers.image.title';
const referrer_manifest_CREATED = 'org.opencontainers.image.created';
/** OCI 1.1's empty config; `data` inlines its two bytes exactly as oras-go's DescriptorEmptyJSON does. */
const EMPTY_CONFIG_DESCRIPTOR = {
    mediaType: 'application/vnd.oci.empty.v1+json',
    digest: 'sha256:44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a',
    size: 2,
    data: 'e30=',
};
const referrer_manifest_MEDIA_TYPE = /^[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]{0,126}\/[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]{0,126}$/;
const referrer_manifest_SHA256 = /^sha256:[a-f0-9]{64}$/;
/** RFC 3339 date-time, as oras requires of a caller-given created annotation. */
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
function referrer_manifest_invalid(message) {
    return new errors/* BydigestError */.W('INVALID_ARGUMENT', message, { operation: 'build SBOM referrer manifest' });
}
function checkDescriptor(what, d) {
    if (!referrer_manifest_MEDIA_TYPE.test(d.mediaType))
        throw referrer_manifest_invalid(`${what} mediaType ${JSON.stringify(d.mediaType)} is not a media type`);
    if (!referrer_manifest_SHA256.test(d.digest))
        throw referrer_manifest_invalid(`${what} digest ${JSON.stringify(d.digest)} is not sha256:<64 lower-case hex>`);
    if (!Number.isSafeInteger(d.size) || d.size < 0)
        throw referrer_manifest_invalid(`${what} size ${String(d.size)} is not a byte count`);
}
function checkAnnotations(annotations) {
    for (const [k, v] of Object.entries(annotations)) {
        if (k === '')
            throw referrer_manifest_invalid('annotation keys must not be empty');
        if (typeof v !== 'string')
            throw referrer_manifest_invalid(`annotation ${k} must be a string, got ${typeof v}`);
    }
    const created = annotations[referrer_manifest_CREATED];
    if (created !== undefined && (!RFC3339.test(created) || Number.isNaN(Date.parse(created)))) {
        throw referrer_manifest_invalid(`annotation ${referrer_manifest_CREATED} must be an RFC 3339 date-time (e.g. 2024-05-01T12:00:00Z), got ${JSON.stringify(created)}`);
    }
}
/** Go's encoding/json writes map keys sorted; doing the same keeps our bytes a function of the inputs. */
function sorted(annotations) {
    return Object.fromEntries(Object.entries(annotations).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
/**
 * The OCI 1.1 artifact manifest that attaches an SBOM to its subject, laid out as `oras attach`
 * writes it (fields in ocispec.Manifest order, compact JSON), except that no creation time is added
 * unless the caller passes one: the same inputs always give the same digest, so a retried attach
 * re-PUTs the identical manifest instead of piling up referrers.
 */
function sbomReferrerManifest(input) {
    const { subject, info, fileName } = input;
    checkDescriptor('subject', subject);
    checkDescriptor('SBOM layer', { mediaType: info.layerMediaType, digest: info.digest, size: info.size });
    if (fileName === '' || /[/\\\0]/.test(fileName) || fileName === '.' || fileName === '..') {
        throw referrer_manifest_invalid(`fileName ${JSON.stringify(fileName)} must be a plain file name (use path.basename), as pullers write it to that name`);
    }
    const annotations = input.annotations ?? {};
    checkAnnotations(annotations);
    const manifest = {
        schemaVersion: 2,
        mediaType: OCI_IMAGE_MANIFEST,
        artifactType: resolveArtifactType(info, input.artifactType),
        config: EMPTY_CONFIG_DESCRIPTOR,
        layers: [
            { mediaType: info.layerMediaType, digest: info.digest, size: info.size, annotations: { [TITLE]: fileName } },
        ],
        subject: { mediaType: subject.mediaType, digest: subject.digest, size: subject.size },
        ...(Object.keys(annotations).length > 0 ? { annotations: sorted(annotations) } : {}),
    };
    const bytes = Buffer.from(JSON.stringify(manifest), 'utf8');
    return { bytes, digest: sha256Digest(bytes), mediaType: OCI_IMAGE_MANIFEST };
}

;// CONCATENATED MODULE: ./packages/core/src/sbom/attach.ts













/**
 * Validates an SBOM, pushes it as an OCI 1.1 referrer of `image`, signs it and lists it among
 * the image's referrers. Everything is checked before the first write: a bad SBOM (code SBOM)
 * or artifact type (code ARTIFACT_TYPE) leaves the registry untouched.
 */
async function attachSbom(client, opts) {
    const { image, path, signer } = opts;
    // A read, so it may overlap the SBOM's validation; awaited after it, so a bad SBOM is
    // still what gets reported when both are wrong.
    const subjectRead = subjectDescriptor(client, image, image.digest);
    subjectRead.catch(() => undefined);
    const large = ((await (0,promises_.stat)(path).catch(() => undefined))?.size ?? 0) > overlap/* OVERLAP_WITH_SIGNER_MAX_BYTES */.N;
    if (signer && large)
        await Promise.all([signer].flat().map((s) => s.ready()));
    const info = await inspectSbom(path);
    const artifactType = explicitArtifactType(info, opts.artifactType);
    const subject = await subjectRead;
    const manifest = sbomReferrerManifest({
        subject,
        info,
        fileName: (0,external_node_path_.basename)(path),
        annotations: opts.annotations ?? {},
        artifactType,
    });
    const attached = await attachSignedReferrer(client, {
        image,
        referrer: { bytes: manifest.bytes, mediaType: manifest.mediaType, digest: manifest.digest },
        // Streamed from the file: SBOMs of large images reach hundreds of MB.
        blobs: [
            { digest: info.digest, size: info.size, open: () => fileChunks(path) },
            { digest: EMPTY_CONFIG.digest, size: EMPTY_CONFIG.size, open: () => EMPTY_CONFIG.bytes },
        ],
        mode: opts.mode,
        ...(signer ? { signer } : {}),
        identity: repositoryName(image),
    });
    return {
        info,
        artifactType,
        manifestDigest: manifest.digest,
        via: attached.via,
        ...(attached.signatureRef ? { signatureRef: attached.signatureRef } : {}),
    };
}
function explicitArtifactType(info, explicit) {
    try {
        return resolveArtifactType(info, explicit);
    }
    catch (e) {
        const err = e;
        throw new errors/* BydigestError */.W('ARTIFACT_TYPE', err.message, { hint: err.hint, cause: e });
    }
}

;// CONCATENATED MODULE: ./packages/action-kit/src/summary.ts
// The job summary, escaped by construction: text given to these helpers is HTML-escaped, and
// only fragments built here (`html`, `code`) pass through as markup. A repository name, a tag
// or a path from an input can then never inject markup into the run's summary page.

/** Markup that is already safe: built by `html` or `code`, never from raw input. */
class Html {
    value;
    constructor(value) {
        this.value = value;
    }
}
function escapeHtml(text) {
    return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
function render(part) {
    if (Array.isArray(part))
        return part.map(render).join('');
    return part instanceof Html ? part.value : escapeHtml(String(part));
}
/** A template whose interpolations are escaped unless they are Html already. */
function html(strings, ...values) {
    let out = strings[0] ?? '';
    values.forEach((v, i) => (out += render(v) + (strings[i + 1] ?? '')));
    return new Html(out);
}
const code = (text) => html `<code>${text}</code>`;
/** `a, b, c` with each part rendered (escaped unless Html). */
const joinHtml = (parts, separator = ', ') => new Html(parts.map(render).join(render(separator)));
class JobSummary {
    parts = [];
    heading(text, level = 3) {
        this.parts.push(`<h${level}>${render(text)}</h${level}>`);
        return this;
    }
    paragraph(text) {
        this.parts.push(`<p>${render(text)}</p>`);
        return this;
    }
    table(rows) {
        const cell = (c) => typeof c === 'object' && !(c instanceof Html) ? `<th>${escapeHtml(c.header)}</th>` : `<td>${render(c)}</td>`;
        this.parts.push(`<table>${rows.map((r) => `<tr>${r.map(cell).join('')}</tr>`).join('')}</table>`);
        return this;
    }
    /** The HTML so far (tests read it). */
    toString() {
        return this.parts.join('\n');
    }
    /**
     * Appends to the runner's summary file. Without GITHUB_STEP_SUMMARY (a local run) there is
     * nowhere to write it, which is no reason to fail the step.
     */
    async write() {
        const text = this.toString();
        this.parts = [];
        if (!process.env.GITHUB_STEP_SUMMARY)
            return;
        await core/* summary */.z.addRaw(`${text}\n`).write();
    }
}
function jobSummary() {
    return new JobSummary();
}

;// CONCATENATED MODULE: ./actions/attach-sbom/src/run.ts


async function run(inputs, signer, client = registryClient(inputs.registry)) {
    const { image } = inputs;
    try {
        const attached = await attachSbom(client, {
            image,
            path: inputs.sbom,
            ...(inputs.artifactType ? { artifactType: inputs.artifactType } : {}),
            annotations: inputs.annotations,
            mode: inputs.referrers,
            ...(signer ? { signer } : {}),
        });
        const { info: sbom, manifestDigest, signatureRef } = attached;
        (0,core/* info */.pq)(`attached ${sbom.format} SBOM (${sbom.size} bytes) as ${formatReference(withDigest(image, manifestDigest))} via ${attached.via === 'api' ? 'the referrers API' : 'the sha256-<hex> tag fallback'}`);
        await jobSummary()
            .heading('attach-sbom')
            .table([
            [{ header: 'subject' }, { header: 'SBOM' }, { header: 'artifact type' }, { header: 'signature' }],
            [
                code(formatReference(image)),
                html `${code(manifestDigest)} (${sbom.format}, ${sbom.size} bytes${sbom.packages !== undefined ? `, ${sbom.packages} packages` : ''})`,
                attached.artifactType,
                signatureRef ? code(signatureRef) : 'not signed',
            ],
        ])
            .write();
        return attached;
    }
    finally {
        await client.close();
    }
}

;// CONCATENATED MODULE: ./actions/attach-sbom/src/main.ts





/** The whole step (what GitHub's local-action calls): inputs, the attached SBOM, the outputs. */
async function main_run(signingKeys = (0,early_key/* startSigningKeys */.U)({ unless: 'sign' })) {
    await runAction(async () => {
        const inputs = await readInputs(signingKeys);
        const attached = await run(inputs, inputs.sign && signingKeys ? keyInputSigners(signingKeys) : undefined);
        setDigestOutput('sbom-digest', attached.manifestDigest);
        setDigestRefOutput('sbom-ref', formatReference(withDigest(inputs.image, attached.manifestDigest)));
        if (attached.signatureRef)
            setCheckedOutput('signature-ref', attached.signatureRef, (v) => v.endsWith(`:sha256-${attached.manifestDigest.slice(7)}.sig`));
    }, { inputFor: { SBOM: 'sbom', ARTIFACT_TYPE: 'artifact-type' } });
}


/***/ })

};
