export const id = 482;
export const ids = [482];
export const modules = {

/***/ 6482:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  run: () => (/* binding */ main_run)
});

// EXTERNAL MODULE: ./packages/action-kit/src/early-key.ts
var early_key = __webpack_require__(2329);
// EXTERNAL MODULE: ./node_modules/.pnpm/@actions+core@3.0.1/node_modules/@actions/core/lib/core.js + 14 modules
var core = __webpack_require__(3070);
// EXTERNAL MODULE: ./packages/core/src/errors.ts
var errors = __webpack_require__(637);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: ./packages/core/src/cosign/keys/public-key.ts
var public_key = __webpack_require__(1444);
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
                sources.push({ pem: await (0,promises_.readFile)(path, 'utf8'), where: ` in ${path}` });
            }
            catch (e) {
                throw new InputError(name, `is neither PEM text nor a readable file (${e.code ?? 'unreadable'}: ${truncate(path)})`, 'pass the contents of cosign.pub or its path, one path per line');
            }
        }
    }
    const keys = [];
    for (const { pem, where } of sources) {
        try {
            keys.push(...(0,public_key/* loadPublicKeys */.wF)(pem));
        }
        catch (e) {
            throw new InputError(name, `${e.message}${where}`, e.hint);
        }
    }
    const ids = keys.map(public_key/* publicKeyId */.QQ);
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

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
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

// EXTERNAL MODULE: ./packages/core/src/signer/pending-key.ts + 11 modules
var pending_key = __webpack_require__(9640);
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
function reference_parseReference(input) {
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
    const ref = reference_parseReference(input);
    if (ref.digest === undefined) {
        throw invalid(input, 'a digest is required here, not a tag', "pass repo@sha256:… — capture-digest's `image-ref` output gives exactly that; a tag can move between push and use");
    }
    return ref;
}
/** A repository with neither tag nor digest (the `image` input of capture-digest). */
function parseRepository(input) {
    const ref = reference_parseReference(input);
    if (ref.tag !== undefined || ref.digest !== undefined) {
        throw invalid(input, 'expected a repository without tag or digest', 'put tags in the `tags` input');
    }
    return ref;
}
function reference_isValidTag(tag) {
    return TAG.test(tag);
}
/** `registry/repository` — also the docker-reference cosign writes into signatures. */
function repositoryName(ref) {
    return `${ref.registry === DOCKER_HUB ? 'index.docker.io' : ref.registry}/${ref.repository}`;
}
function reference_formatReference(ref) {
    let s = `${ref.registry}/${ref.repository}`;
    if (ref.tag !== undefined)
        s += `:${ref.tag}`;
    if (ref.digest !== undefined)
        s += `@${ref.digest}`;
    return s;
}
function reference_withDigest(ref, digest) {
    return { registry: ref.registry, repository: ref.repository, digest };
}
function withTag(ref, tag) {
    return { registry: ref.registry, repository: ref.repository, tag };
}
function reference_sameRepository(a, b) {
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
            const ref = parseReference(entry);
            if (ref.digest !== undefined)
                throw new BydigestError('INVALID_ARGUMENT', `${JSON.stringify(entry)} is a digest reference, not a tag`);
            if (ref.tag === undefined)
                throw new BydigestError('INVALID_ARGUMENT', `${JSON.stringify(entry)} has no tag`);
            if (!sameRepository(ref, repo)) {
                throw new BydigestError('INVALID_ARGUMENT', `${JSON.stringify(entry)} is not in repository ${formatReference(repo)}`, {
                    hint: 'list tags of the `image` repository only',
                });
            }
            tag = ref.tag;
        }
        else {
            if (!isValidTag(entry)) {
                throw new BydigestError('INVALID_ARGUMENT', `${JSON.stringify(entry.length > 80 ? `${entry.slice(0, 80)}…` : entry)} is not a valid tag (letters, digits, _ . -; at most 128; not starting with . or -)`);
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
            const ref = reference_parseReference(entry);
            if (ref.digest !== undefined)
                throw new errors/* BydigestError */.W('INVALID_ARGUMENT', `${JSON.stringify(entry)} carries a digest; targets are tags`);
            if (ref.tag === undefined)
                throw new errors/* BydigestError */.W('INVALID_ARGUMENT', `${JSON.stringify(entry)} has no tag`, { hint: 'write repo:tag' });
            target = { registry: ref.registry, repository: ref.repository, tag: ref.tag };
        }
        else {
            if (!reference_isValidTag(entry))
                throw new errors/* BydigestError */.W('INVALID_ARGUMENT', `${JSON.stringify(entry.length > 80 ? `${entry.slice(0, 80)}…` : entry)} is not a valid tag`);
            target = { registry: source.registry, repository: source.repository, tag: entry };
        }
        if (!out.some((t) => reference_formatReference(t) === reference_formatReference(target)))
            out.push(target);
    }
    return out;
}
/** cosign's `sha256-<hex>.sig/.att/.sbom` tags and the referrers fallback index `sha256-<hex>`. */
const ATTACHMENT_TAG = /^sha256-([a-f0-9]{64})(?:\.([a-z]+))?$/;
/** The subject digest an attachment tag hangs off, or undefined for a tag hosts pull. */
function attachmentSubject(tag) {
    const m = ATTACHMENT_TAG.exec(tag);
    return m ? { subject: `sha256:${m[1]}`, kind: m[2] ?? 'referrers' } : undefined;
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

;// CONCATENATED MODULE: ./packages/core/src/oci/remote/repo-scopes.ts

const pull = (r) => [{ repository: r.repository, actions: ['pull'] }];
const push = (r) => [{ repository: r.repository, actions: ['pull', 'push'] }];
/**
 * registry/repository of a RepoRef, also when it is a full reference (a digest or tag would read twice in messages).
 */
function repoName(repo) {
    return reference_formatReference({ registry: repo.registry, repository: repo.repository });
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
function isIndexMediaType(mediaType) {
    return mediaType === MediaType.OciIndex || mediaType === MediaType.DockerManifestList;
}
function isManifestMediaType(mediaType) {
    return mediaType === MediaType.OciManifest || mediaType === MediaType.DockerManifest || isIndexMediaType(mediaType);
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
function manifest_parseManifestJson(m, where) {
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
        const where = reference_formatReference(ref);
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
            throw new errors/* BydigestError */.W('NOT_FOUND', `GET manifest ${reference_formatReference(ref)}: not found (HTTP 404)`, {
                operation: 'GET manifest',
                reference: reference_formatReference(ref),
                status: 404,
            });
        }
        return m;
    }
    async getManifestIfExists(ref) {
        return this.retryingBody(() => this.getManifestOnce(ref));
    }
    async getManifestOnce(ref) {
        const where = reference_formatReference(ref);
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
        const where = reference_formatReference(ref);
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
            reference: reference_formatReference(ref),
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
    throw new errors/* BydigestError */.W('INVALID_REFERENCE', `${reference_formatReference(ref)} has neither tag nor digest`);
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

;// CONCATENATED MODULE: ./actions/promote-preserve-digest/src/inputs.ts


/** Every input, checked before the first request; a key input is checked too (its password waits for scrypt). */
async function readInputs(signingKeys) {
    const source = parseInput('source', parseDigestReference, { required: true });
    const entries = listInput('tags');
    if (entries.length === 0)
        throw new InputError('tags', 'lists no targets', 'e.g. stable, or ghcr.io/owner/other:stable');
    const targets = parseInput('tags', () => parseTargets(source, entries));
    const requiredKeys = rawInput('require-signature') ? await publicKeysInput('require-signature') : undefined;
    const inputs = {
        source,
        targets,
        ...(requiredKeys ? { requiredKeys } : {}),
        copySignatures: booleanInput('copy-signatures', true),
        allowForeignIdentity: booleanInput('allow-foreign-identity', false),
        concurrency: integerInput('concurrency', 4, { min: 1, max: 32 }),
        registry: readRegistryInputs(),
    };
    if (signingKeys)
        await keyInputChecked(signingKeys);
    return inputs;
}

// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __webpack_require__(7075);
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

;// CONCATENATED MODULE: ./packages/core/src/oci/remote/copy.ts






function emptyStats() {
    return { existing: 0, mounted: 0, streamed: 0 };
}
/**
 * Makes one blob of `from` present in `to`: a cross-repository mount on the same registry
 * (one POST; a 202 means the registry refused and opened an upload, which we then stream
 * into), or HEAD + stream between registries. Layers are never buffered.
 */
async function copyBlob(client, from, to, blob, stats) {
    const open = () => {
        const out = new external_node_stream_.PassThrough({ highWaterMark: 1024 * 1024 });
        client.openBlob(from, blob.digest).then((body) => body.pipe(out), (e) => out.destroy(e));
        return out;
    };
    const source = { digest: blob.digest, size: blob.size, open };
    const outcome = from.registry === to.registry
        ? await client.uploadBlob(to, source, { skipExistenceCheck: true, mountFrom: from })
        : await client.uploadBlob(to, source);
    if (outcome === 'exists')
        stats.existing++;
    else if (outcome === 'mounted')
        stats.mounted++;
    else
        stats.streamed++;
}
/**
 * Makes a manifest (and, for an index, every child) and all blobs they reference present
 * in `to`, children before their index, each PUT by digest with its exact bytes.
 */
async function copyManifestContent(client, from, to, manifest, stats, opts = {}) {
    const concurrency = opts.concurrency ?? 4;
    const refs = referencedBlobs(manifest_parseManifestJson(manifest, reference_formatReference(from)), manifest.mediaType);
    await mapLimit(refs.manifests, concurrency, async (child) => {
        const bytes = await client.getManifest(reference_withDigest(from, child.digest));
        if (isIndexMediaType(bytes.mediaType)) {
            throw new errors/* BydigestError */.W('REGISTRY', `${reference_formatReference(reference_withDigest(from, child.digest))}: nested indexes are not supported`);
        }
        await copyManifestContent(client, from, to, bytes, stats, { concurrency, putSelf: true });
    });
    await mapLimit(refs.blobs, concurrency, (b) => copyBlob(client, from, to, b, stats));
    if (opts.putSelf)
        await client.putManifest(reference_withDigest(to, manifest.digest), manifest);
}
/**
 * Puts the exact bytes of `source` (fetched once, by digest) under every target, copying
 * content first where a target is another repository, then resolves every target and
 * fails unless each one is the source digest.
 */
async function promoteByDigest(client, source, targets, opts = {}) {
    const manifest = opts.manifest ?? (await client.getManifest(source));
    const stats = emptyStats();
    const repos = new Map();
    for (const t of targets)
        if (!reference_sameRepository(t, source))
            repos.set(`${t.registry}/${t.repository}`, t);
    for (const repo of repos.values())
        await copyManifestContent(client, source, repo, manifest, stats, {
            ...(opts.concurrency ? { concurrency: opts.concurrency } : {}),
        });
    // A tag that moves before what verifiers look up next to the digest is there would point a
    // host with a signature policy at an image it must refuse.
    await opts.beforeTags?.();
    await mapLimit(targets, 4, (t) => client.putManifest(t, manifest));
    const resolved = await mapLimit(targets, 4, async (t) => ({
        ref: reference_formatReference(t),
        digest: (await client.headManifest(t))?.digest,
    }));
    const wrong = resolved.filter((r) => r.digest !== manifest.digest);
    if (wrong.length > 0) {
        throw new errors/* BydigestError */.W('TAG_MISMATCH', `after promotion, ${wrong.map((r) => `${r.ref} resolves to ${r.digest ?? 'nothing'}`).join('; ')} instead of ${manifest.digest}`, {
            hint: 'another writer moved the tag during promotion; re-run, and do not promote the same tag from parallel jobs',
        });
    }
    return { manifest, written: resolved.map((r) => r.ref), stats };
}

;// CONCATENATED MODULE: ./packages/core/src/oci/remote/platforms.ts




/**
 * The manifests an index lists, in its order; none for an image manifest. containers/image
 * checks the policy on the index and again on the platform manifest it pulls, each against its
 * own `.sig`, so signing, verifying and copying signatures all walk this same list.
 */
function platformManifests(manifest, reference) {
    if (!isIndexMediaType(manifest.mediaType))
        return [];
    const index = manifest_parseManifestJson(manifest, reference);
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
        throw new errors/* BydigestError */.W('NOT_FOUND', `${reference_formatReference(image)} does not exist in the registry`, {
            operation: 'GET manifest',
            reference: reference_formatReference(image),
            status: 404,
            hint,
        });
    }
    return manifest;
}
/** The digest and, for an index, every manifest it lists: what a host may check a `.sig` for. */
function digestWithPlatforms(image, manifest) {
    return [image.digest, ...platformManifests(manifest, reference_formatReference(image)).map((p) => p.digest)];
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
            throw new errors/* BydigestError */.W('REGISTRY', `${reference_formatReference(repo)} has no referrers API`, {
                hint: 'use referrers: tag (or auto)',
            });
        }
    }
    const index = await readFallbackIndex(client, repo, subjectDigest);
    const listing = {
        via: 'tag',
        descriptors: filter(index ? indexEntries(index, reference_formatReference(repo)) : []),
    };
    if (index)
        listing.index = index;
    return listing;
}
// A subject with more referrers than this many pages hold is not one bydigest's pipeline made.
const MAX_REFERRER_PAGES = 100;
/** Every page of the referrers API's answer, or undefined when the registry has no such API. */
async function referrersThroughApi(client, repo, subjectDigest, artifactType) {
    const where = `${reference_formatReference(repo)}@${subjectDigest}`;
    const first = await client.referrersApi(repo, subjectDigest, artifactType);
    if (!first)
        return undefined;
    const descriptors = indexEntries(first, reference_formatReference(repo));
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
        descriptors.push(...indexEntries(more, reference_formatReference(repo)));
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
    const where = reference_formatReference(withTag(repo, tag));
    if (m.digest === subjectDigest) {
        throw new errors/* BydigestError */.W('REGISTRY', `${where} resolves to the subject ${subjectDigest} itself, not to a referrers index`, {
            hint: 'this registry maps sha256-<hex> tags onto digests; use referrers: api if it has a referrers API',
        });
    }
    if (!isIndexMediaType(m.mediaType)) {
        throw new errors/* BydigestError */.W('REGISTRY', `${where} holds a ${m.mediaType}, not a referrers index; refusing to overwrite it`);
    }
    return m;
}
function indexEntries(m, where) {
    const doc = manifest_parseManifestJson(m, where);
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
    return index ? indexEntries(index, reference_formatReference(withTag(repo, referrersFallbackTag(subjectDigest)))) : [];
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
        what: `referrers index ${reference_formatReference(tag)}`,
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
        throw new BydigestError('NOT_FOUND', `${formatReference(withDigest(repo, digest))} does not exist`, {
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
        throw new BydigestError('INVALID_ARGUMENT', `referrer ${manifest.digest} has no subject`);
    const put = opts.pushed ?? (await client.putManifest(withDigest(repo, manifest.digest), manifest));
    if (mode !== 'tag' && put.subject === subject)
        return { via: 'api' };
    if (mode === 'api') {
        // quay.io has the API but omits OCI-Subject: ask the API itself before giving up.
        const listed = await listReferrers(client, repo, subject, { mode: 'api' });
        if (listed.descriptors.some((d) => d.digest === manifest.digest))
            return { via: 'api' };
        throw new BydigestError('REGISTRY', `${formatReference(repo)} did not index referrer ${manifest.digest}`, {
            hint: 'use referrers: tag or auto',
        });
    }
    await appendToFallbackIndex(client, repo, subject, referrerDescriptor(manifest), opts.settle, opts.early);
    return { via: 'tag' };
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
function parseSigManifest(bytes) {
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
    const parsed = existing === undefined ? undefined : parseSigManifest(existing);
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
        what: `signature manifest ${reference_formatReference(tag)}`,
        read: async () => {
            const m = await client.getManifestIfExists(tag);
            last = m?.bytes;
            if (firstSeen === undefined) {
                // The .sig changed since the caller's early read: another signer is at work.
                contended = 'early' in opts && fingerprint(m?.bytes) !== fingerprint(opts.early);
                firstSeen = m ? parseSigManifest(m.bytes).layers : [];
                initiallyPresent = oursPresent(m?.bytes);
            }
            return m?.bytes;
        },
        satisfied: (bytes) => {
            if (!oursPresent(bytes))
                return false;
            const layers = bytes ? parseSigManifest(bytes).layers : [];
            return (firstSeen ?? []).every((d) => layers.some((l) => sameLayer(l, d)));
        },
        merge: async (bytes) => {
            if (!bytes && (firstSeen ?? []).length === 0 && opts.verbatimIfEmpty)
                return opts.verbatimIfEmpty;
            const parsed = bytes
                ? parseSigManifest(bytes)
                : opts.verbatimIfEmpty
                    ? parseSigManifest(opts.verbatimIfEmpty)
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
            const config = sigConfigBytes(parseSigManifest(manifest).layers);
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
        throw new errors/* BydigestError */.W('SIGNATURE', `${reference_formatReference(tag)} vanished after writing to it`);
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

;// CONCATENATED MODULE: ./packages/core/src/util/json/strict-json.ts
/**
 * A strict RFC 8259 parser that keeps every object member in order, duplicates included.
 * JSON.parse silently keeps the last of duplicate keys; containers/image rejects duplicates in a
 * signature payload and in policy.json, so its rules can only be applied to a tree that still has them.
 * Syntax errors use the wording of Go's encoding/json.
 */
class JsonSyntaxError extends Error {
    name = 'JsonSyntaxError';
}
/**
 * encoding/json's scanner refuses a value nested deeper than this ("exceeded max depth"), before
 * decoding anything; containers/image and cosign read policy.json and signature payloads with it.
 */
const MAX_JSON_DEPTH = 10_000;
function parseJsonTree(text) {
    const p = new Parser(text);
    p.skipSpace();
    const node = p.tree();
    p.skipSpace();
    if (p.pos < text.length)
        throw p.fail('after top-level value');
    return node;
}
/** Plain JavaScript value of a node; for duplicate keys the last wins, as with Go's `any`. */
function toPlain(root) {
    // Iterative, like the parser: a tree can be MAX_JSON_DEPTH deep, more than the call stack holds.
    const rootOut = { value: undefined };
    const work = [
        { node: root, put: (v) => (rootOut.value = v) },
    ];
    for (let job = work.pop(); job; job = work.pop()) {
        const { node, put } = job;
        if (node.kind === 'object') {
            const out = {};
            put(out);
            // A Map keeps each key where it first appeared and the value of its last duplicate, as assigning in order does.
            const members = new Map(node.entries);
            for (const [k, v] of members) {
                // defineProperty: a "__proto__" key is data, not the prototype.
                const define = (value) => Object.defineProperty(out, k, { value, enumerable: true, writable: true, configurable: true });
                define(undefined);
                work.push({ node: v, put: define });
            }
        }
        else if (node.kind === 'array') {
            const out = new Array(node.items.length);
            put(out);
            node.items.forEach((v, i) => work.push({ node: v, put: (value) => (out[i] = value) }));
        }
        else {
            put(node.kind === 'null' ? null : node.value);
        }
    }
    return rootOut.value;
}
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
const NUMBER = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;
class Parser {
    s;
    pos = 0;
    constructor(s) {
        this.s = s;
    }
    skipSpace() {
        while (this.pos < this.s.length) {
            const c = this.s[this.pos];
            if (c !== ' ' && c !== '\t' && c !== '\n' && c !== '\r')
                return;
            this.pos++;
        }
    }
    fail(context) {
        if (this.pos >= this.s.length)
            return new JsonSyntaxError('unexpected end of JSON input');
        return new JsonSyntaxError(`invalid character ${quoteChar(this.s[this.pos])} ${context}`);
    }
    /**
     * One value, nested containers included. Iterative with an explicit stack: recursion would
     * overflow the call stack long before MAX_JSON_DEPTH, and the limit is Go's, checked where Go
     * checks it (at the opening bracket, empty containers included).
     */
    tree() {
        const open = [];
        for (;;) {
            let node;
            const c = this.s[this.pos];
            if (c === '{' || c === '[') {
                if (open.length >= MAX_JSON_DEPTH)
                    throw this.fail(`exceeded max depth (JSON nested deeper than ${MAX_JSON_DEPTH} levels)`);
                this.pos++;
                this.skipSpace();
                if (c === '{') {
                    const object = { kind: 'object', entries: [] };
                    if (this.s[this.pos] !== '}') {
                        open.push({ node: object, key: this.key() });
                        continue;
                    }
                    this.pos++;
                    node = object;
                }
                else {
                    const array = { kind: 'array', items: [] };
                    if (this.s[this.pos] !== ']') {
                        open.push({ node: array, key: '' });
                        continue;
                    }
                    this.pos++;
                    node = array;
                }
            }
            else {
                node = this.scalar();
            }
            // Hand the finished value to its container; close every container that ends here.
            for (;;) {
                const parent = open[open.length - 1];
                if (!parent)
                    return node;
                this.skipSpace();
                const next = this.s[this.pos];
                if (parent.node.kind === 'object') {
                    parent.node.entries.push([parent.key, node]);
                    if (next === ',') {
                        this.pos++;
                        this.skipSpace();
                        parent.key = this.key();
                        break;
                    }
                    if (next !== '}')
                        throw this.fail('after object key:value pair');
                }
                else {
                    parent.node.items.push(node);
                    if (next === ',') {
                        this.pos++;
                        this.skipSpace();
                        break;
                    }
                    if (next !== ']')
                        throw this.fail('after array element');
                }
                this.pos++;
                open.pop();
                node = parent.node;
            }
        }
    }
    /** An object member's key and the colon after it; leaves the position at its value. */
    key() {
        if (this.s[this.pos] !== '"')
            throw this.fail('looking for beginning of object key string');
        const key = this.string();
        this.skipSpace();
        if (this.s[this.pos] !== ':')
            throw this.fail('after object key');
        this.pos++;
        this.skipSpace();
        return key;
    }
    scalar() {
        const c = this.s[this.pos];
        if (c === '"')
            return { kind: 'string', value: this.string() };
        if (c === 't')
            return this.literal('true', { kind: 'bool', value: true });
        if (c === 'f')
            return this.literal('false', { kind: 'bool', value: false });
        if (c === 'n')
            return this.literal('null', { kind: 'null' });
        if (c === '-' || (c !== undefined && c >= '0' && c <= '9'))
            return this.number();
        throw this.fail('looking for beginning of value');
    }
    literal(word, node) {
        for (let i = 0; i < word.length; i++) {
            if (this.s[this.pos] !== word[i])
                throw this.fail(`in literal ${word} (expecting ${quoteChar(word[i])})`);
            this.pos++;
        }
        return node;
    }
    number() {
        NUMBER.lastIndex = this.pos;
        const m = NUMBER.exec(this.s);
        if (!m) {
            this.pos++;
            throw this.fail('in numeric literal');
        }
        this.pos += m[0].length;
        return { kind: 'number', value: Number(m[0]), text: m[0] };
    }
    string() {
        this.pos++;
        let out = '';
        for (;;) {
            const c = this.s[this.pos];
            if (c === undefined)
                throw this.fail('in string literal');
            if (c === '"') {
                this.pos++;
                return out.replace(LONE_SURROGATE, '\ufffd'); // Go decodes a lone surrogate escape to U+FFFD
            }
            if (c < ' ')
                throw this.fail('in string literal');
            if (c !== '\\') {
                out += c;
                this.pos++;
                continue;
            }
            this.pos++;
            const e = this.s[this.pos];
            const simple = {
                '"': '"',
                '\\': '\\',
                '/': '/',
                b: '\b',
                f: '\f',
                n: '\n',
                r: '\r',
                t: '\t',
            };
            if (e !== undefined && e in simple) {
                out += simple[e];
                this.pos++;
            }
            else if (e === 'u') {
                this.pos++;
                out += String.fromCharCode(this.hex4());
            }
            else {
                throw this.fail('in string escape code');
            }
        }
    }
    hex4() {
        let v = 0;
        for (let i = 0; i < 4; i++) {
            const c = this.s[this.pos];
            const d = c === undefined ? NaN : parseInt(c, 16);
            if (Number.isNaN(d) || !/[0-9a-fA-F]/.test(c ?? ''))
                throw this.fail('in \\u hexadecimal character escape');
            v = v * 16 + d;
            this.pos++;
        }
        return v;
    }
}
function quoteChar(c) {
    if (c === "'")
        return `'\\''`;
    if (c === '"')
        return `'"'`;
    const q = JSON.stringify(c);
    return `'${q.slice(1, -1)}'`;
}

;// CONCATENATED MODULE: ./packages/core/src/cosign/legacy/go-digest.ts
/**
 * Why a string is not a digest, in the words of github.com/opencontainers/go-digest's Parse,
 * which containers/image applies to docker-manifest-digest. Undefined when it is one.
 */
const HEX_LENGTH = { sha256: 64, sha384: 96, sha512: 128 };
const DIGEST_GRAMMAR = /^[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[a-zA-Z0-9=_-]+$/;
function goDigestError(value) {
    const colon = value.indexOf(':');
    if (colon <= 0 || colon + 1 === value.length)
        return 'invalid checksum digest format';
    const algorithm = value.slice(0, colon);
    const encoded = value.slice(colon + 1);
    const length = HEX_LENGTH[algorithm];
    if (length === undefined)
        return DIGEST_GRAMMAR.test(value) ? 'unsupported digest algorithm' : 'invalid checksum digest format';
    if (encoded.length !== length)
        return 'invalid checksum digest length';
    return /^[a-f0-9]+$/.test(encoded) ? undefined : 'invalid checksum digest format';
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
    if (type !== constants/* SIGNATURE_TYPE */.uf)
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
    const prepared = await mapLimit(targets, 4, (digest) => prepare(client, reference_withDigest(opts.image, digest), opts, signers.length));
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
        const layers = [...(early ? parseSigManifest(early.bytes).layers : []), ...ourLayers];
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
        signatureRef: reference_formatReference(tag),
        signatureDigest: sha256Digest(appended.manifest),
        layers: ours.map((o) => o.layer.digest),
        alreadySigned: appended.alreadyPresent,
        settle: appended.settle,
    };
}

;// CONCATENATED MODULE: ./packages/core/src/cosign/legacy/signature-store.ts






async function readSignatureManifest(client, repo, digest) {
    const ref = withTag(repo, signatureTag(digest));
    const manifest = await client.getManifestIfExists(ref);
    if (!manifest)
        return undefined;
    return { ref: reference_formatReference(ref), manifest, parsed: parseSigManifest(manifest.bytes) };
}
// containers/image reads at most this much of a signature payload (iolimits.MaxSignatureBodySize).
const MAX_PAYLOAD = 4 * 1024 * 1024;
/**
 * Fetches `image`'s `.sig` and the payload of each simple-signing layer, judging nothing: the
 * raw material for verifyLegacySignatures (cosign's rules, given keys) and for evaluating a
 * containers policy (a host's rules, keys from its policy.json). Other layers are listed with
 * their media type, since containers/image counts them, but not downloaded.
 */
async function readSigstoreAttachments(client, image) {
    const signatureRef = reference_formatReference(withTag(image, signatureTag(image.digest)));
    const stored = await readSignatureManifest(client, image, image.digest);
    if (!stored)
        return { signatureRef, layers: [] };
    if (stored.parsed.mediaType !== undefined && stored.parsed.mediaType !== constants/* OCI_MANIFEST_MEDIA_TYPE */.k_) {
        return {
            signatureRef,
            stored,
            layers: [],
            error: `unexpected MIME type for sigstore attachment manifest ${signatureRef}: ${JSON.stringify(stored.parsed.mediaType)}`,
        };
    }
    const layers = [];
    for (const layer of stored.parsed.layers) {
        const attachment = {
            layerDigest: layer.digest,
            mediaType: layer.mediaType,
            annotations: layer.annotations,
        };
        if (layer.isSimpleSigning) {
            try {
                attachment.payload = await client.getBlob(image, layer.digest, MAX_PAYLOAD);
            }
            catch (e) {
                if (!(e instanceof errors/* BydigestError */.W && (e.code === 'NOT_FOUND' || e.code === 'DIGEST_MISMATCH')))
                    throw e;
                attachment.unreadable = `payload blob: ${e.message}`;
            }
        }
        layers.push(attachment);
    }
    return { signatureRef, stored, layers };
}
/**
 * Reads every simple-signing layer of `image`'s `.sig` and checks it as cosign verify and
 * containers/image both do: the payload blob hashes to the layer digest, the signature
 * verifies with one of the keys, the payload parses strictly and names `image`'s digest.
 * Identity (docker-reference) is left to the caller's policy.
 */
async function verifyLegacySignatures(client, image, keys) {
    return verifyAttachments(await readSigstoreAttachments(client, image), image.digest, keys);
}
/** verifyLegacySignatures over attachments already fetched (pure). */
function verifyAttachments(fetched, digest, keys) {
    const { signatureRef, stored } = fetched;
    if (!stored)
        return { signatureRef, verdicts: [], valid: [] };
    if (fetched.error !== undefined) {
        const verdict = {
            layerDigest: stored.manifest.digest,
            reason: `signature manifest ${signatureRef} is a ${stored.parsed.mediaType}; containers/image reads only OCI manifests`,
        };
        return { signatureRef, stored, verdicts: [verdict], valid: [] };
    }
    const verdicts = fetched.layers
        .filter((l) => l.mediaType === constants/* SIMPLE_SIGNING_MEDIA_TYPE */.$r)
        .map((l) => verifyLayer(l, digest, keys));
    return { signatureRef, stored, verdicts, valid: verdicts.filter((v) => v.keyIndex !== undefined) };
}
function verifyLayer(layer, digest, keys) {
    const verdict = { layerDigest: layer.layerDigest };
    const signature = layer.annotations[constants/* SIGNATURE_ANNOTATION */.ZB];
    if (signature === undefined)
        return { ...verdict, reason: 'layer has no dev.cosignproject.cosign/signature annotation' };
    if (layer.payload === undefined)
        return { ...verdict, reason: layer.unreadable ?? 'payload blob could not be read' };
    const payloadBytes = layer.payload;
    verdict.payloadBytes = payloadBytes;
    let lastReason = 'no public key given';
    let keyIndex;
    for (let i = 0; i < keys.length; i++) {
        const check = checkPayloadSignature(keys[i], payloadBytes, signature);
        if (check.valid) {
            keyIndex = i;
            break;
        }
        lastReason = check.reason;
    }
    if (keyIndex === undefined)
        return { ...verdict, reason: lastReason };
    let payload;
    try {
        payload = parseSimpleSigningPayload(payloadBytes);
    }
    catch (e) {
        return { ...verdict, reason: e.message };
    }
    verdict.payload = payload;
    if (payload.manifestDigest !== digest) {
        return { ...verdict, reason: `Signature for digest ${payload.manifestDigest} does not match` };
    }
    return { ...verdict, keyIndex };
}
/** One line per rejected signature, for error messages and summaries. */
function describeVerdicts(v) {
    if (!v.stored)
        return `no signature at ${v.signatureRef}`;
    if (v.verdicts.length === 0)
        return `${v.signatureRef} holds no simple-signing layers`;
    return v.verdicts.map((x) => `${x.layerDigest.slice(0, 19)}…: ${x.reason ?? 'valid'}`).join('; ');
}

;// CONCATENATED MODULE: ./packages/core/src/cosign/legacy/carry-signatures.ts
// What promotion carries into another repository besides the image: its signatures, re-made for
// the target's identity or copied as they are, and every referrer with its own `.sig`.








/** The `.sig` references that exist for these digests at the source. */
async function sourceSignatureRefs(client, source, digests) {
    const found = await Promise.all(digests.map((d) => readSignatureManifest(client, source, d)));
    return found.flatMap((s) => (s ? [s.ref] : []));
}
/**
 * Carries what verifiers look up next to a digest into another repository, bytes unchanged:
 * the `.sig` manifest (cosign, containers/image) and every referrer (SBOMs, bundles) with
 * their own `.sig`, plus the referrers fallback index. Returns the manifests copied.
 */
async function copySignatures(client, source, target, opts) {
    const { manifest, concurrency } = opts;
    let copied = 0;
    const stats = emptyStats();
    // The subject goes up by digest before anything that refers to it: should a later step fail,
    // no .sig or referrers index at the target points at a manifest the target does not have
    // (cosign and oras look the subject up first and would fail on it). Its content is there.
    let subjectPut;
    const ensureSubject = () => (subjectPut ??= manifest ? client.putManifest(reference_withDigest(target, source.digest), manifest) : Promise.resolve());
    const copySig = async (digest) => {
        const sig = await readSignatureManifest(client, source, digest);
        if (!sig)
            return;
        await ensureSubject();
        await copyManifestContent(client, source, target, sig.manifest, stats, { concurrency });
        // The target may hold signatures of its own (signed there, or an earlier copy): the union.
        await appendSignatureLayers(client, withTag(target, signatureTag(digest)), {
            layers: sig.parsed.layers.map(exactLayer),
            verbatimIfEmpty: sig.manifest.bytes,
        });
        copied++;
    };
    if (opts.imageSignatures ?? true) {
        for (const digest of manifest ? digestWithPlatforms(source, manifest) : [source.digest])
            await copySig(digest);
    }
    const referrers = await listReferrers(client, source, source.digest);
    for (const d of referrers.descriptors) {
        await ensureSubject();
        const m = await client.getManifest(reference_withDigest(source, d.digest));
        await copyManifestContent(client, source, target, m, stats, { concurrency, putSelf: true });
        copied++;
        await copySig(d.digest);
    }
    if (referrers.via === 'tag' && referrers.index) {
        // Another writer may already keep an index at the target: merge rather than overwrite.
        const existing = await readFallbackIndex(client, target, source.digest);
        if (!existing)
            await client.putManifest(withTag(target, referrersFallbackTag(source.digest)), referrers.index);
        else
            for (const d of referrers.descriptors)
                await appendToFallbackIndex(client, target, source.digest, d);
    }
    return copied;
}
/**
 * Signs a promoted digest in the target repository with that repository's identity (what
 * sign-digest's identity: repository writes there), so a host whose policy for the target uses
 * matchRepository accepts it. The manifest goes up by digest first: no `.sig` may name a
 * subject the repository does not hold.
 */
async function signInRepository(client, opts) {
    const image = reference_withDigest(opts.target, opts.source.digest);
    await client.putManifest(image, opts.manifest);
    const identity = repositoryName(image);
    const signed = await signImage(client, {
        image,
        identities: [identity],
        targets: digestWithPlatforms(opts.source, opts.manifest),
        signer: opts.signer,
    });
    return { identity, signed };
}

;// CONCATENATED MODULE: ./packages/core/src/promote/foreign-identity.ts

/**
 * A cosign signature names the repository it was made for (its docker-reference). Copied into
 * another repository it still names the source, and a host whose policy for the target uses
 * matchRepository (or the default matchRepoDigestOrExact) refuses it: containers/image says
 * `Signature for identity "<source>" is not accepted`. So, unless told the hosts remap the
 * identity, refuse before writing and say which inputs get a signature the target's hosts accept.
 */
function foreignIdentityRefusal(source, targets, sigRefs) {
    const from = repositoryName(source);
    const to = targets.map(repositoryName).join(', ');
    const what = sigRefs.length > 0 ? `the signatures at ${sigRefs.join(', ')} name ${from}` : `the digest is signed for ${from}`;
    return {
        code: 'FOREIGN_IDENTITY',
        message: `${to} is another repository than ${from}, and ${what}: hosts pulling ${to} with a policy whose signedIdentity is matchRepository refuse them (containers/image: Signature for identity "${from}" is not accepted); nothing was promoted`,
        hint: [
            `give the key input (and password-env) to sign the digest in ${to} with that repository's identity during the promotion;`,
            `or, if every host pulling ${to} trusts ${from}'s signatures (signedIdentity exactRepository with dockerRepository "${from}", or remapIdentity with signedPrefix "${from}"), set allow-foreign-identity: true to copy them unchanged;`,
            'or set copy-signatures: false to promote without signatures.',
        ].join(' '),
    };
}

;// CONCATENATED MODULE: ./packages/core/src/promote/promote-image.ts






async function promoteImage(client, request) {
    const { source, targets, requiredKeys, concurrency, signer } = request;
    const log = request.log ?? (() => { });
    // One GET by digest: the bytes every target receives. A tag is never re-resolved.
    const manifest = await client.getManifest(source);
    if (requiredKeys) {
        const v = await verifyLegacySignatures(client, source, [...requiredKeys]);
        if (v.valid.length === 0) {
            const message = `${reference_formatReference(source)} carries no valid signature for the required key; nothing was promoted (${describeVerdicts(v)})`;
            return {
                refused: {
                    code: 'UNSIGNED_SOURCE',
                    message,
                    hint: 'sign this digest with sign-digest using the matching private key, then promote',
                },
            };
        }
        log(`signature check: ${v.valid.length} valid signature(s) at ${v.signatureRef}`);
    }
    const otherRepos = uniqueRepos(targets.filter((t) => !reference_sameRepository(t, source)));
    // The source's signatures name the source repository: carried as they are, only hosts that
    // remap the identity accept them. Signing in the target (key) or the explicit opt-in avoids that.
    const carryImageSignatures = request.copySignatures && (request.allowForeignIdentity || !signer);
    if (otherRepos.length > 0 && carryImageSignatures && !request.allowForeignIdentity) {
        const sigRefs = await sourceSignatureRefs(client, source, digestWithPlatforms(source, manifest));
        if (sigRefs.length > 0 || requiredKeys)
            return { refused: foreignIdentityRefusal(source, otherRepos, sigRefs) };
    }
    if (signer && otherRepos.length === 0)
        log('key given, but every target is in the source repository, whose signatures already name it: nothing to sign');
    // A wrong password fails before anything is written.
    if (signer)
        await Promise.all((Array.isArray(signer) ? signer : [signer]).map((s) => s.ready()));
    const carryFirst = async () => {
        for (const repo of otherRepos) {
            if (request.copySignatures) {
                const copied = await copySignatures(client, source, repo, {
                    concurrency,
                    manifest,
                    imageSignatures: carryImageSignatures,
                });
                log(`copied ${copied} signature/referrer manifest(s) to ${reference_formatReference(repo)}${carryImageSignatures ? '' : " (not the image's own .sig, which names the source repository)"}`);
            }
            if (signer) {
                const s = await signInRepository(client, { source, target: repo, manifest, signer });
                const how = s.signed.every((x) => x.alreadySigned) ? 'already signed' : 'signed';
                log(`${how} ${reference_formatReference(reference_withDigest(repo, source.digest))} (${s.signed.length} manifest(s)) for identity ${s.identity} -> ${s.signed[0]?.signatureRef ?? '?'}`);
            }
        }
    };
    const result = await promoteByDigest(client, source, targets, { manifest, concurrency, beforeTags: carryFirst });
    if (otherRepos.length > 0)
        log(`blobs: ${result.stats.mounted} mounted, ${result.stats.streamed} streamed, ${result.stats.existing} already present`);
    return {
        promoted: {
            digest: manifest.digest,
            written: result.written,
            signedIn: signer ? otherRepos : [],
            stats: result.stats,
        },
    };
}
function uniqueRepos(refs) {
    const seen = new Map();
    for (const r of refs)
        seen.set(`${r.registry}/${r.repository}`, { registry: r.registry, repository: r.repository });
    return [...seen.values()];
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

;// CONCATENATED MODULE: ./actions/promote-preserve-digest/src/run.ts


/** The input a refusal asks to change. */
const REFUSAL_INPUT = {
    UNSIGNED_SOURCE: 'require-signature',
    FOREIGN_IDENTITY: 'tags',
};
/** Promotes the source digest to every target (core's promoteImage); a refusal is the input error it names. */
async function run(inputs, signer, client = registryClient(inputs.registry)) {
    try {
        const outcome = await promoteImage(client, {
            source: inputs.source,
            targets: inputs.targets,
            ...(inputs.requiredKeys ? { requiredKeys: inputs.requiredKeys } : {}),
            copySignatures: inputs.copySignatures,
            allowForeignIdentity: inputs.allowForeignIdentity,
            concurrency: inputs.concurrency,
            ...(signer && signer.length > 0 ? { signer } : {}),
            log: core/* info */.pq,
        });
        if (outcome.refused)
            throw new InputError(REFUSAL_INPUT[outcome.refused.code], outcome.refused.message, outcome.refused.hint);
        await summarize(inputs, outcome.promoted);
        return outcome.promoted;
    }
    finally {
        await client.close();
    }
}
async function summarize({ source, requiredKeys }, { digest, written, signedIn }) {
    await jobSummary()
        .heading('promote-preserve-digest')
        .paragraph(html `Source ${code(reference_formatReference(source))}${requiredKeys ? ' (signature verified)' : ''}${signedIn.length > 0 ? html `; signed in ${joinHtml(signedIn.map((r) => code(repositoryName(r))))}` : ''}`)
        .table([[{ header: 'target' }, { header: 'resolves to' }], ...written.map((r) => [r, code(digest)])])
        .write();
}

;// CONCATENATED MODULE: ./actions/promote-preserve-digest/src/main.ts




/** The whole step (what GitHub's local-action calls): inputs, the promotion, the outputs. */
async function main_run(signingKeys = (0,early_key/* startSigningKeys */.U)({ optional: true })) {
    await runAction(async () => {
        const inputs = await readInputs(signingKeys);
        const { digest, written } = await run(inputs, signingKeys ? keyInputSigners(signingKeys) : undefined);
        setDigestOutput('digest', digest);
        setCheckedOutput('promoted', written.join('\n'), (v) => v.split('\n').length === inputs.targets.length);
    });
}


/***/ })

};
