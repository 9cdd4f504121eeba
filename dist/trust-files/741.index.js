export const id = 741;
export const ids = [741];
export const modules = {

/***/ 741:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  run: () => (/* binding */ main_run)
});

// EXTERNAL MODULE: ./node_modules/.pnpm/@actions+core@3.0.1/node_modules/@actions/core/lib/core.js + 14 modules
var lib_core = __webpack_require__(3070);
;// CONCATENATED MODULE: ./packages/core/src/errors.ts
class errors_BydigestError extends Error {
    code;
    operation;
    reference;
    status;
    hint;
    registryCodes;
    constructor(code, message, details = {}) {
        super(message, details.cause === undefined ? undefined : { cause: details.cause });
        this.name = 'BydigestError';
        this.code = code;
        this.operation = details.operation;
        this.reference = details.reference;
        this.status = details.status;
        this.hint = details.hint;
        this.registryCodes = details.registryCodes ?? [];
    }
}
function isBydigestError(e, code) {
    return e instanceof errors_BydigestError && (code === undefined || e.code === code);
}

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
;// CONCATENATED MODULE: ./packages/core/src/cosign/constants.ts
/**
 * Media types, annotation keys and PEM labels of cosign's formats (the legacy "simple signing" one above all), below
 * keys, signers and stores alike.
 */
const SIMPLE_SIGNING_MEDIA_TYPE = 'application/vnd.dev.cosign.simplesigning.v1+json';
const SIGNATURE_TYPE = 'cosign container image signature';
const SIGNATURE_ANNOTATION = 'dev.cosignproject.cosign/signature';
const BUNDLE_ANNOTATION = 'dev.sigstore.cosign/bundle';
const CERTIFICATE_ANNOTATION = 'dev.sigstore.cosign/certificate';
const CHAIN_ANNOTATION = 'dev.sigstore.cosign/chain';
// containers/image reads a .sig only when it is an OCI manifest; Docker v2 ones (cosign 1.x) are invisible to it.
const OCI_MANIFEST_MEDIA_TYPE = 'application/vnd.oci.image.manifest.v1+json';
const OCI_CONFIG_MEDIA_TYPE = 'application/vnd.oci.image.config.v1+json';
const DOCKER_MANIFEST_MEDIA_TYPE = 'application/vnd.docker.distribution.manifest.v2+json';
/** Written by cosign ≥ 2.0.1. */
const SIGSTORE_KEY_LABEL = 'ENCRYPTED SIGSTORE PRIVATE KEY';
/** Written by older cosign; read by every cosign and containers/image version, so it is what we write. */
const COSIGN_KEY_LABEL = 'ENCRYPTED COSIGN PRIVATE KEY';
const constants_PUBLIC_KEY_LABEL = 'PUBLIC KEY';

;// CONCATENATED MODULE: ./packages/core/src/cosign/keys/base64.ts
/**
 * Decoding that accepts exactly what Go's base64.StdEncoding accepts (padding required, no
 * URL alphabet), which is what cosign and containers/image use for keys and signatures.
 * Node's Buffer.from(…, 'base64') silently skips bad characters, so it cannot judge untrusted input.
 */
const STD_BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
/** Go's decoder ignores CR and LF anywhere in the input (PEM bodies, wrapped signatures). */
function decodeStdBase64(text) {
    const compact = text.replace(/[\r\n]/g, '');
    if (!STD_BASE64.test(compact)) {
        return { ok: false, reason: `illegal base64 data at input byte ${firstBadOffset(compact)}` };
    }
    return { ok: true, bytes: Buffer.from(compact, 'base64') };
}
function firstBadOffset(s) {
    const bad = s.search(/[^A-Za-z0-9+/=]/);
    if (bad >= 0)
        return bad;
    const pad = s.indexOf('=');
    if (pad >= 0)
        return pad;
    return s.length - (s.length % 4);
}

;// CONCATENATED MODULE: ./packages/core/src/cosign/keys/pem.ts

const BEGIN = /^-----BEGIN ([^\r\n]*?)-----[ \t]*\r?$/m;
/**
 * The first PEM block in `text`, like Go's pem.Decode (which cosign uses): text before the
 * block is ignored; RFC 1421 headers (e.g. Proc-Type) are skipped.
 */
function decodeFirstPem(text) {
    const begin = BEGIN.exec(text);
    if (!begin)
        return { ok: false, reason: 'no "-----BEGIN …-----" line' };
    const label = begin[1] ?? '';
    const rest = text.slice(begin.index + begin[0].length);
    const endLine = `-----END ${label}-----`;
    const end = rest.indexOf(endLine);
    if (end < 0)
        return { ok: false, reason: `no "${endLine}" line` };
    let body = rest.slice(0, end);
    const blank = /\r?\n[ \t]*\r?\n/.exec(body);
    if (blank && body.slice(0, blank.index).includes(':'))
        body = body.slice(blank.index + blank[0].length);
    const decoded = decodeStdBase64(body.replace(/[ \t]/g, ''));
    if (!decoded.ok)
        return { ok: false, reason: `the ${label} body is not base64 (${decoded.reason})` };
    return { ok: true, block: { label, der: decoded.bytes } };
}
/**
 * Every PEM block in `text`, in order: the text from one block's END line to the next BEGIN
 * is ignored (comments between keys), as repeated Go pem.Decode calls do. A block that does
 * not decode fails the whole text, with its 1-based number: a key silently skipped would
 * leave hosts trusting fewer keys than the file shows.
 */
function decodeAllPem(text) {
    const blocks = [];
    let rest = text;
    for (;;) {
        const begin = BEGIN.exec(rest);
        if (!begin)
            break;
        const r = decodeFirstPem(rest);
        if (!r.ok)
            return { ok: false, reason: r.reason, block: blocks.length + 1 };
        blocks.push(r.block);
        const endLine = `-----END ${r.block.label}-----`;
        const after = rest.slice(begin.index + begin[0].length);
        rest = after.slice(after.indexOf(endLine) + endLine.length);
    }
    if (blocks.length === 0)
        return { ok: false, reason: 'no "-----BEGIN …-----" line', block: 1 };
    return { ok: true, blocks };
}
/** 64-character lines and a final newline, as Go's pem.EncodeToMemory writes them. */
function pem_encodePem(label, der) {
    const b64 = Buffer.from(der).toString('base64');
    const lines = b64.match(/.{1,64}/g) ?? [];
    return `-----BEGIN ${label}-----\n${lines.join('\n')}${lines.length ? '\n' : ''}-----END ${label}-----\n`;
}

;// CONCATENATED MODULE: ./packages/core/src/cosign/keys/public-key.ts




/**
 * A verification key from PEM text: "PUBLIC KEY" (PKIX, what cosign writes) or "RSA PUBLIC KEY"
 * (PKCS#1), the two forms sigstore's UnmarshalPEMToPublicKey takes. Reading files is the caller's.
 * Text holding several keys is refused (loadPublicKeys reads them all): the first alone would
 * be a silent choice.
 */
function loadPublicKey(pem) {
    const keys = loadPublicKeys(pem);
    if (keys.length > 1) {
        throw new BydigestError('KEY', `the text holds ${keys.length} PEM blocks where one public key is expected`, {
            hint: 'Pass one cosign.pub.',
        });
    }
    return keys[0];
}
/**
 * Every public key in PEM text (several keys concatenated, as a rotation's keyPaths pair is
 * given): all of them, or an error naming the block that does not parse.
 */
function loadPublicKeys(pem) {
    const decoded = decodeAllPem(pem);
    if (!decoded.ok) {
        const looksLikePath = !pem.includes('\n') && /[/\\]|\.pub$|\.pem$/.test(pem.trim());
        const which = decoded.block > 1 ? ` (PEM block ${decoded.block})` : '';
        throw new errors_BydigestError('KEY', `the public key${which} is not PEM: ${decoded.reason}`, {
            hint: looksLikePath
                ? `"${pem.trim()}" looks like a file path; pass the file's contents (-----BEGIN PUBLIC KEY----- …).`
                : 'Pass the contents of cosign.pub (-----BEGIN PUBLIC KEY----- …).',
        });
    }
    return decoded.blocks.map((block, i) => publicKeyFromBlock(block, decoded.blocks.length > 1 ? ` (PEM block ${i + 1})` : ''));
}
function publicKeyFromBlock({ label, der }, which) {
    if (label !== constants_PUBLIC_KEY_LABEL && label !== 'RSA PUBLIC KEY') {
        throw new errors_BydigestError('KEY', `the public key${which} has PEM label "${label}"; expected "${constants_PUBLIC_KEY_LABEL}"`, {
            hint: /PRIVATE/.test(label)
                ? 'That is a private key: pass cosign.pub, never cosign.key.'
                : 'Pass the contents of cosign.pub.',
        });
    }
    try {
        return (0,external_node_crypto_.createPublicKey)({ key: der, format: 'der', type: label === constants_PUBLIC_KEY_LABEL ? 'spki' : 'pkcs1' });
    }
    catch (e) {
        throw new errors_BydigestError('KEY', `the public key${which} cannot be parsed: ${e.message}`, {
            cause: e,
            hint: 'The PEM body is damaged; copy cosign.pub again.',
        });
    }
}
/** PKIX PEM, byte-for-byte as `cosign generate-key-pair` writes cosign.pub. */
function publicKeyPem(key) {
    return encodePem(PUBLIC_KEY_LABEL, spkiDer(key));
}
/** sha256 of the DER public key, hex: a short, stable name for a key in logs and comparisons. */
function publicKeyId(key) {
    return (0,external_node_crypto_.createHash)('sha256').update(spkiDer(key)).digest('hex');
}
function samePublicKey(a, b) {
    return spkiDer(a).equals(spkiDer(b));
}
function spkiDer(key) {
    const pub = key.type === 'private' ? (0,external_node_crypto_.createPublicKey)(key) : key;
    return pub.export({ type: 'spki', format: 'der' });
}

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
    const input = typeof to === 'string' ? to : ((e instanceof errors_BydigestError ? to[e.code] : undefined) ?? to['*']);
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
    return lib_core/* getInput */.V4(name);
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
    core.setSecret(value);
    for (const line of value.split(/\r?\n/)) {
        const l = line.trim();
        // PEM armour lines are public text; masking them would only garble unrelated logs.
        if (l.length >= 4 && !l.startsWith('-----'))
            core.setSecret(l);
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
        lib_core/* setFailed */.C1(shortenLongWords(failureMessage(e)));
        if (e instanceof Error && !(e instanceof InputError) && !(e instanceof errors_BydigestError)) {
            lib_core/* debug */.Yz(e.stack ?? String(e));
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
    if (e instanceof errors_BydigestError) {
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
    lib_core/* setOutput */.uH(name, value);
}
function setDigestOutput(name, value) {
    setCheckedOutput(name, value, DIGEST_PATTERN);
}
/** `repo@sha256:…` */
function setDigestRefOutput(name, value) {
    setCheckedOutput(name, value, (v) => /^[^\s@]+@sha256:[a-f0-9]{64}$/.test(v));
}

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
;// CONCATENATED MODULE: ./packages/core/src/oci/digest.ts


const DIGEST_RE = /^([a-z0-9]+(?:[.+_-][a-z0-9]+)*):([a-zA-Z0-9=_-]+)$/;
function sha256Digest(bytes) {
    return `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
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
        throw new errors_BydigestError('INVALID_ARGUMENT', `${JSON.stringify(digest_short(value))} is not a digest (expected sha256:<64 hex>)`);
    }
    const [, algorithm, hex] = m;
    if (algorithm !== 'sha256') {
        throw new errors_BydigestError('INVALID_ARGUMENT', `unsupported digest algorithm ${JSON.stringify(algorithm)} (only sha256 is supported)`);
    }
    if (!/^[a-f0-9]+$/.test(hex)) {
        throw new errors_BydigestError('INVALID_ARGUMENT', `digest hex must be lower-case hexadecimal: ${JSON.stringify(digest_short(value))}`);
    }
    if (hex.length !== 64) {
        throw new errors_BydigestError('INVALID_ARGUMENT', `sha256 digest must have 64 hex characters, got ${hex.length}: ${JSON.stringify(digest_short(value))}`);
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
    return new errors_BydigestError('INVALID_REFERENCE', `invalid image reference ${JSON.stringify(shown)}: ${why}`, hint ? { hint } : {});
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

;// CONCATENATED MODULE: ./packages/core/src/trust/host-files.ts
/**
 * The one source of the trust files a bootc image ships so that its hosts verify the next update
 * (docs/host-setup.md): policy.json, a registries.d drop-in and the cosign public key(s),
 * derived from the image name and the key(s) so the copies cannot drift. check-host-trust reads
 * exactly these back out of the image.
 *
 * The same bytes serve two places:
 *   - inside the image, keyPath the absolute image path /etc/pki/containers/<name>.pub, as a
 *     Containerfile's `COPY` installs it (keyRoot '/');
 *   - on a runner or test host (skopeo, cosign, verify-digest with `policy:`), written under a
 *     ROOT directory. containers/image opens keyPath as written, so there keyPath is re-rooted to
 *     ROOT/etc/pki/containers/<name>.pub: the file a host would open at that path.
 *
 * Several keys (a rotation) are trusted through keyPaths (containers/image 5.33 and later): the
 * first key keeps <name>.pub, so a host whose admin froze an older policy.json still finds it;
 * each further key is <name>-<12 hex of its sha256>.pub, a name that stays the key's own
 * through every release of the rotation. The keyPath strategy (one keyPath, any containers/image;
 * a rotation then swaps the file's content, docs/key-rotation.md) takes exactly one key.
 */




const HOST_POLICY_PATH = 'etc/containers/policy.json';
const HOST_REGISTRIES_D = 'etc/containers/registries.d';
const HOST_KEY_DIR = 'etc/pki/containers';
const KEY_PATH_MODES = ['auto', 'keyPaths', 'keyPath'];
/** The key file(s), policy.json and the registries.d drop-in, in the order a Containerfile would COPY them. */
function hostTrustFiles(opts) {
    const image = checkedRepository(opts.image);
    const pems = checkedKeys(opts.publicKeyPem);
    const name = opts.name ?? image.slice(image.lastIndexOf('/') + 1);
    if (!/^[a-z0-9][a-z0-9._-]{0,63}$/.test(name)) {
        throw new errors_BydigestError('INVALID_ARGUMENT', `host trust files: name ${JSON.stringify(name)} is not a plain file name stem`, { hint: 'Use at most 64 lower-case letters, digits, . _ - (e.g. "myos").' });
    }
    const mode = opts.keyPaths ?? 'auto';
    if (mode === 'keyPath' && pems.length > 1) {
        throw new errors_BydigestError('INVALID_ARGUMENT', `host trust files: the keyPath strategy names one key, and ${pems.length} were given`, {
            hint: 'Pass only the key this release trusts (a keyPath-swap rotation changes the file in the switch release), or use keyPaths (hosts with containers/image 5.33 or later).',
        });
    }
    const keyFiles = pems.map((p, i) => `${HOST_KEY_DIR}/${i === 0 ? name : `${name}-${p.id.slice(0, 12)}`}.pub`);
    const paths = keyFiles.map((f) => external_node_path_.posix.join(opts.keyRoot ?? '/', f));
    const keySource = mode === 'keyPaths' || (mode === 'auto' && paths.length > 1) ? { keyPaths: paths } : { keyPath: paths[0] };
    const policy = {
        // Anything not listed is refused: a host of this image pulls only what the scope below verifies.
        default: [{ type: 'reject' }],
        transports: {
            // matchRepository: signatures name the repository, hosts pull the tag promoted afterwards.
            docker: { [image]: [{ type: 'sigstoreSigned', ...keySource, signedIdentity: { type: 'matchRepository' } }] },
        },
    };
    return [
        ...pems.map((p, i) => ({ path: keyFiles[i], content: Buffer.from(p.pem) })),
        { path: HOST_POLICY_PATH, content: Buffer.from(JSON.stringify(policy, null, 2) + '\n') },
        {
            path: `${HOST_REGISTRIES_D}/${name}.yaml`,
            content: Buffer.from(`docker:\n  ${image}:\n    use-sigstore-attachments: true\n`),
        },
    ];
}
function checkedRepository(input) {
    const ref = parseReference(input);
    if (ref.tag !== undefined || ref.digest !== undefined) {
        throw new errors_BydigestError('INVALID_REFERENCE', `host trust files: image ${JSON.stringify(input)} carries a tag or digest, but a policy scope is a repository`, {
            reference: input,
            hint: `Pass the repository alone, e.g. ${JSON.stringify(`${ref.registry}/${ref.repository}`)}.`,
        });
    }
    // The scope is written as hosts write it: the repository as given (docker.io/library/… stays explicit).
    return `${ref.registry}/${ref.repository}`;
}
/** Each key once, as PKIX PEM: a block that is not a public key fails here, not on a host. */
function checkedKeys(input) {
    const texts = typeof input === 'string' ? [input] : input;
    const keys = texts.flatMap((t) => {
        try {
            const found = loadPublicKeys(t);
            // One key in its own text: its bytes as committed (cosign.pub), not re-encoded.
            return found.length === 1
                ? [{ key: found[0], pem: `${t.trim()}\n` }]
                : found.map((key) => ({ key, pem: key.export({ type: 'spki', format: 'pem' }).toString() }));
        }
        catch (e) {
            const hint = e.hint ?? 'Pass cosign.pub, the key the pipeline signs with.';
            throw new errors_BydigestError('KEY', `host trust files: public key: ${e.message}`, { cause: e, hint });
        }
    });
    if (keys.length === 0)
        throw new errors_BydigestError('KEY', 'host trust files: no public key given', {
            hint: 'Pass cosign.pub, the key the pipeline signs with.',
        });
    const out = keys.map((k) => ({ pem: k.pem, id: publicKeyId(k.key) }));
    const twice = out.findIndex((k, i) => out.findIndex((o) => o.id === k.id) !== i);
    if (twice >= 0)
        throw new errors_BydigestError('KEY', `host trust files: key ${twice + 1} is given twice (sha256:${out[twice].id.slice(0, 16)})`, { hint: 'List each public key once.' });
    return out;
}

;// CONCATENATED MODULE: ./actions/trust-files/src/inputs.ts



async function readInputs() {
    const image = requiredInput('image', 'the repository hosts pull, e.g. ghcr.io/owner/os');
    requiredInput('public-key', 'the committed cosign.pub (a path or its contents), or several for a rotation');
    const publicKeyPems = (await publicKeysInput('public-key')).map((k) => k.export({ type: 'spki', format: 'pem' }).toString());
    const dir = (0,external_node_path_.resolve)(process.env.GITHUB_WORKSPACE ?? process.cwd(), rawInput('dir') || 'trust');
    const keyRoot = rawInput('key-root') || '/';
    if (!(0,external_node_path_.isAbsolute)(keyRoot))
        throw new InputError('key-root', `${JSON.stringify(keyRoot)} is not an absolute path`, "'/' for files COPY-ed into an image, or the dir input's absolute path for files used on this runner");
    const name = rawInput('name');
    return {
        image,
        publicKeyPems,
        dir,
        keyRoot,
        keyPaths: choiceInput('key-paths', KEY_PATH_MODES, 'auto'),
        ...(name ? { name } : {}),
    };
}

;// CONCATENATED MODULE: ./packages/core/src/trust/root-files.ts


/**
 * Writes files laid out as a host's root under `dir` (`/etc/containers/policy.json` becomes
 * dir/etc/containers/policy.json), mode 0644: the layout a Containerfile COPYs to `/`, a
 * recovery script installs, or a runner-side verifier reads.
 */
async function writeRootFiles(dir, files) {
    const written = [];
    for (const [hostPath, bytes] of files) {
        const out = (0,external_node_path_.join)(dir, hostPath);
        await (0,promises_.mkdir)((0,external_node_path_.join)(out, '..'), { recursive: true });
        await (0,promises_.writeFile)(out, bytes, { mode: 0o644 });
        written.push(out);
    }
    return written;
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
        await lib_core/* summary */.z.addRaw(`${text}\n`).write();
    }
}
function jobSummary() {
    return new JobSummary();
}

;// CONCATENATED MODULE: ./actions/trust-files/src/run.ts



/** Derives the files from the image name and the key(s), writes them under dir, summarises. */
async function run(inputs) {
    const files = withInput({
        INVALID_REFERENCE: 'image',
        KEY: 'public-key',
        INVALID_ARGUMENT: inputs.keyPaths === 'keyPath' ? 'key-paths' : 'name',
    }, () => hostTrustFiles({
        image: inputs.image,
        publicKeyPem: inputs.publicKeyPems,
        keyRoot: inputs.keyRoot,
        keyPaths: inputs.keyPaths,
        ...(inputs.name ? { name: inputs.name } : {}),
    }));
    await writeRootFiles(inputs.dir, new Map(files.map((f) => [f.path, f.content])));
    const keyFiles = files.filter((f) => f.path.endsWith('.pub')).map((f) => (0,external_node_path_.join)(inputs.dir, f.path));
    for (const f of files)
        (0,lib_core/* info */.pq)(`wrote ${(0,external_node_path_.join)(inputs.dir, f.path)}`);
    await jobSummary()
        .heading('trust-files')
        .paragraph(html `The trust files of ${code(inputs.image)} under ${code(inputs.dir)}, keyPath under ${code(inputs.keyRoot)}: ${files.map((f) => `/${f.path}`).join(', ')}.`)
        .write();
    return {
        dir: inputs.dir,
        policy: (0,external_node_path_.join)(inputs.dir, HOST_POLICY_PATH),
        registriesD: (0,external_node_path_.join)(inputs.dir, HOST_REGISTRIES_D),
        keyFiles,
    };
}

;// CONCATENATED MODULE: ./actions/trust-files/src/main.ts



/** The whole step (what GitHub's local-action calls): inputs, the files, the outputs. */
async function main_run() {
    await runAction(async () => {
        const r = await run(await readInputs());
        setCheckedOutput('dir', r.dir, (v) => v.startsWith('/'));
        setCheckedOutput('policy', r.policy, (v) => v.endsWith('/etc/containers/policy.json'));
        setCheckedOutput('registries-d', r.registriesD, (v) => v.endsWith('/etc/containers/registries.d'));
        setCheckedOutput('key-files', r.keyFiles.join('\n'), (v) => v.split('\n').every((p) => p.endsWith('.pub')));
    });
}


/***/ })

};
