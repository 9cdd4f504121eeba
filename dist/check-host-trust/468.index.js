export const id = 468;
export const ids = [468];
export const modules = {

/***/ 468:
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
const constants_SIMPLE_SIGNING_MEDIA_TYPE = 'application/vnd.dev.cosign.simplesigning.v1+json';
const constants_SIGNATURE_TYPE = 'cosign container image signature';
const constants_SIGNATURE_ANNOTATION = 'dev.cosignproject.cosign/signature';
const constants_BUNDLE_ANNOTATION = 'dev.sigstore.cosign/bundle';
const constants_CERTIFICATE_ANNOTATION = 'dev.sigstore.cosign/certificate';
const CHAIN_ANNOTATION = 'dev.sigstore.cosign/chain';
// containers/image reads a .sig only when it is an OCI manifest; Docker v2 ones (cosign 1.x) are invisible to it.
const constants_OCI_MANIFEST_MEDIA_TYPE = 'application/vnd.oci.image.manifest.v1+json';
const constants_OCI_CONFIG_MEDIA_TYPE = 'application/vnd.oci.image.config.v1+json';
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

;// CONCATENATED MODULE: ./packages/core/src/oci/digest.ts


const DIGEST_RE = /^([a-z0-9]+(?:[.+_-][a-z0-9]+)*):([a-zA-Z0-9=_-]+)$/;
function digest_sha256Digest(bytes) {
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

;// CONCATENATED MODULE: ./packages/core/src/oci/layout/source.ts


function missingBlob(where, digest) {
    return new errors_BydigestError('LAYOUT', `${where}: blob ${digest} is missing`, {
        hint: 'the layout is incomplete; re-export it',
    });
}
/** A blob read whole is checked against its name: a layout on disk is not content-addressed storage. */
function verifiedBlob(where, digest, bytes) {
    if (digest_sha256Digest(bytes) !== digest)
        throw new errors_BydigestError('LAYOUT', `${where}: blob ${digest} does not match its digest`);
    return bytes;
}

;// CONCATENATED MODULE: ./packages/core/src/oci/layout/archive.ts





/**
 * An oci-archive read in place: one pass over the tar headers records where each member
 * starts, and blobs are streamed from those offsets; nothing is extracted.
 */
class TarLayout {
    file;
    members;
    description;
    constructor(file, members) {
        this.file = file;
        this.members = members;
        this.description = `oci-archive:${file}`;
    }
    static async open(file) {
        const members = new Map();
        const fh = await (0,promises_.open)(file, 'r');
        try {
            const header = Buffer.alloc(512);
            let offset = 0;
            let paxPath;
            let paxSize;
            let longName;
            for (let n = 0; n < 1_000_000; n++) {
                const { bytesRead } = await fh.read(header, 0, 512, offset);
                if (bytesRead < 512 || header.every((b) => b === 0))
                    break;
                const type = String.fromCharCode(header[156] ?? 48);
                const size = paxSize ?? tarNumber(header.subarray(124, 136));
                const dataOffset = offset + 512;
                if (type === 'x' || type === 'L') {
                    const { buffer } = await readAt(fh, dataOffset, size);
                    if (type === 'L')
                        longName = buffer.toString('utf8').replace(/\0.*$/s, '');
                    else
                        ({ path: paxPath, size: paxSize } = parsePax(buffer));
                }
                else {
                    const prefix = cString(header.subarray(345, 500));
                    const name = paxPath ??
                        longName ??
                        (prefix ? `${prefix}/${cString(header.subarray(0, 100))}` : cString(header.subarray(0, 100)));
                    if (type === '0' || type === '\0' || type === '7')
                        members.set(name.replace(/^\.\//, ''), { offset: dataOffset, size });
                    paxPath = undefined;
                    paxSize = undefined;
                    longName = undefined;
                }
                offset = dataOffset + Math.ceil(size / 512) * 512;
            }
        }
        finally {
            await fh.close();
        }
        if (members.size === 0)
            throw new errors_BydigestError('LAYOUT', `oci-archive:${file} is not a tar archive or is empty`);
        return new TarLayout(file, members);
    }
    member(name) {
        return this.members.get(name);
    }
    async readIndex() {
        const m = this.member('index.json');
        if (!m)
            throw new errors_BydigestError('LAYOUT', `${this.description}: index.json is missing`, {
                hint: 'is this an oci-archive (skopeo copy … oci-archive:FILE)?',
            });
        return this.readMember(m);
    }
    async blobSize(digest) {
        const m = this.member(`blobs/sha256/${digestHex(digest)}`);
        if (!m)
            throw missingBlob(this.description, digest);
        return m.size;
    }
    async readBlob(digest) {
        const m = this.member(`blobs/sha256/${digestHex(digest)}`);
        if (!m)
            throw missingBlob(this.description, digest);
        const bytes = await this.readMember(m);
        return verifiedBlob(this.description, digest, bytes);
    }
    blobChunks(digest, opts) {
        const m = this.member(`blobs/sha256/${digestHex(digest)}`);
        if (!m)
            throw missingBlob(this.description, digest);
        return fileChunks(this.file, m.offset, m.size, opts);
    }
    async readMember(m) {
        const fh = await (0,promises_.open)(this.file, 'r');
        try {
            return (await readAt(fh, m.offset, m.size)).buffer;
        }
        finally {
            await fh.close();
        }
    }
    async close() { }
}
async function readAt(fh, offset, size) {
    const buffer = Buffer.alloc(size);
    let done = 0;
    while (done < size) {
        const { bytesRead } = await fh.read(buffer, done, size - done, offset + done);
        if (bytesRead === 0)
            throw new errors_BydigestError('LAYOUT', 'archive is truncated');
        done += bytesRead;
    }
    return { buffer };
}
function cString(b) {
    const end = b.indexOf(0);
    return b.subarray(0, end < 0 ? b.length : end).toString('utf8');
}
/** Octal, or GNU base-256 for members over 8 GiB. */
function tarNumber(b) {
    if ((b[0] ?? 0) & 0x80) {
        let n = 0;
        for (let i = 1; i < b.length; i++)
            n = n * 256 + (b[i] ?? 0);
        return n;
    }
    const s = cString(b).trim();
    return s === '' ? 0 : parseInt(s, 8);
}
function parsePax(b) {
    let path;
    let size;
    let i = 0;
    while (i < b.length) {
        const sp = b.indexOf(0x20, i);
        if (sp < 0)
            break;
        const len = parseInt(b.subarray(i, sp).toString('ascii'), 10);
        if (!(len > 0))
            break;
        const rec = b.subarray(sp + 1, i + len - 1).toString('utf8');
        const eq = rec.indexOf('=');
        const key = rec.slice(0, eq);
        const val = rec.slice(eq + 1);
        if (key === 'path')
            path = val;
        if (key === 'size')
            size = Number(val);
        i += len;
    }
    return { path, size };
}

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
;// CONCATENATED MODULE: ./packages/core/src/oci/layout/directory.ts






/** An OCI image layout directory (`oci:DIR`): blobs are files under blobs/sha256. */
class DirectoryLayout {
    dir;
    description;
    constructor(dir) {
        this.dir = dir;
        this.description = `oci:${dir}`;
    }
    blobPath(digest) {
        return (0,external_node_path_.join)(this.dir, 'blobs', 'sha256', digestHex(digest));
    }
    async readIndex() {
        try {
            return await (0,promises_.readFile)((0,external_node_path_.join)(this.dir, 'index.json'));
        }
        catch {
            throw new errors_BydigestError('LAYOUT', `${this.description}: index.json is missing`, {
                hint: 'is this an OCI image layout (skopeo copy … oci:DIR)?',
            });
        }
    }
    async blobSize(digest) {
        try {
            return (await (0,promises_.stat)(this.blobPath(digest))).size;
        }
        catch {
            throw missingBlob(this.description, digest);
        }
    }
    async readBlob(digest) {
        let bytes;
        try {
            bytes = await (0,promises_.readFile)(this.blobPath(digest));
        }
        catch {
            throw missingBlob(this.description, digest);
        }
        return verifiedBlob(this.description, digest, bytes);
    }
    blobChunks(digest, opts) {
        return fileChunks(this.blobPath(digest), 0, Number.POSITIVE_INFINITY, opts);
    }
    async close() { }
}

;// CONCATENATED MODULE: ./packages/core/src/oci/layout/open.ts




/**
 * `oci:DIR[:REF]` / `oci-archive:FILE[:REF]` → source and reference, as containers/image
 * spells them. The path may contain colons only when a REF follows.
 */
function parseLayoutTransport(value) {
    const m = /^(oci|oci-archive):(.+)$/.exec(value);
    if (!m)
        return undefined;
    const kind = m[1];
    const rest = m[2];
    const colon = rest.lastIndexOf(':');
    if (colon > 0 && !rest.slice(colon + 1).includes('/'))
        return { kind, path: rest.slice(0, colon), ref: rest.slice(colon + 1) };
    return { kind, path: rest };
}
async function openLayout(kind, path) {
    let st;
    try {
        st = await (0,promises_.stat)(path);
    }
    catch {
        throw new errors_BydigestError('LAYOUT', `${kind}:${path}: no such ${kind === 'oci' ? 'directory' : 'file'}`, {
            hint: kind === 'oci'
                ? 'point `source` at the directory holding oci-layout and index.json'
                : 'point `source` at the .tar file',
        });
    }
    if (kind === 'oci') {
        if (!st.isDirectory())
            throw new errors_BydigestError('LAYOUT', `oci:${path} is not a directory`, { hint: 'use oci-archive: for a tar file' });
        return new DirectoryLayout(path);
    }
    if (!st.isFile())
        throw new errors_BydigestError('LAYOUT', `oci-archive:${path} is not a file`);
    return TarLayout.open(path);
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
        throw new errors_BydigestError('REGISTRY', `${where}: manifest ${m.digest} is not valid JSON`);
    }
    if (!doc || typeof doc !== 'object')
        throw new errors_BydigestError('REGISTRY', `${where}: manifest ${m.digest} is not a JSON object`);
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
        throw new errors_BydigestError('REGISTRY', `${where}: unsupported manifest media type ${JSON.stringify(mediaType)}`, {
            hint: 'only OCI and Docker v2 schema 2 manifests and indexes are supported',
        });
    }
}

;// CONCATENATED MODULE: ./packages/core/src/oci/layout/select.ts


const REF_NAME = 'org.opencontainers.image.ref.name';
/** The manifest a layout's index.json names: by `ref.name` annotation, or its only entry. */
async function selectLayoutManifest(layout, ref) {
    let index;
    try {
        index = JSON.parse((await layout.readIndex()).toString('utf8'));
    }
    catch (e) {
        if (e instanceof errors_BydigestError)
            throw e;
        throw new errors_BydigestError('LAYOUT', `${layout.description}: index.json is not valid JSON`);
    }
    const entries = Array.isArray(index.manifests) ? index.manifests : [];
    let chosen;
    if (ref !== undefined) {
        chosen = entries.find((d) => d.annotations?.[REF_NAME] === ref);
        if (!chosen) {
            const names = entries.map((d) => d.annotations?.[REF_NAME]).filter(Boolean);
            throw new errors_BydigestError('LAYOUT', `${layout.description}: no manifest named ${JSON.stringify(ref)} in index.json`, {
                hint: names.length ? `it has: ${names.join(', ')}` : 'its index.json names no manifests',
            });
        }
    }
    else if (entries.length === 1) {
        chosen = entries[0];
    }
    else {
        throw new errors_BydigestError('LAYOUT', `${layout.description}: index.json lists ${entries.length} manifests; say which one with :REF`, {
            hint: 'e.g. oci:DIR:latest',
        });
    }
    const d = chosen;
    const bytes = await layout.readBlob(d.digest);
    const mediaType = detectManifestMediaType(bytes) ?? d.mediaType;
    assertManifestMediaType(mediaType, layout.description);
    return { bytes, mediaType, digest: d.digest, descriptor: d };
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

;// CONCATENATED MODULE: ./packages/core/src/layers/image-source.ts







/** `oci:DIR[:tag]`, `oci-archive:FILE[:tag]`, `docker://REPO@sha256:…`, `dir:ROOTFS`. */
function parseImageSource(value) {
    const layout = parseLayoutTransport(value);
    if (layout)
        return layout;
    if (value.startsWith('docker://'))
        return { kind: 'docker', ref: parseDigestReference(value.slice('docker://'.length)) };
    if (value.startsWith('dir:') && value.length > 4)
        return { kind: 'dir', path: value.slice(4) };
    throw new errors_BydigestError('INVALID_ARGUMENT', `${JSON.stringify(value)} is not an image source`, {
        hint: 'use oci:DIR[:tag], oci-archive:FILE[:tag], docker://REPO@sha256:… or dir:ROOTFS',
    });
}
function parsePlatform(value) {
    const [os, architecture, variant, ...rest] = value.split('/');
    if (!os || !architecture || rest.length > 0) {
        throw new errors_BydigestError('INVALID_ARGUMENT', `${JSON.stringify(value)} is not a platform`, {
            hint: 'write os/arch[/variant], e.g. linux/amd64 or linux/arm64/v8',
        });
    }
    return variant ? { os, architecture, variant } : { os, architecture };
}
function choosePlatform(index, want, where) {
    const matches = (index.manifests ?? []).filter((d) => d.platform?.os === want.os &&
        d.platform?.architecture === want.architecture &&
        (want.variant === undefined || d.platform?.variant === want.variant));
    const chosen = matches[0];
    if (!chosen) {
        const have = (index.manifests ?? []).map((d) => d.platform ? [d.platform.os, d.platform.architecture, d.platform.variant].filter(Boolean).join('/') : d.digest);
        throw new errors_BydigestError('NOT_FOUND', `${where}: the index has no ${want.os}/${want.architecture}${want.variant ? `/${want.variant}` : ''} image`, {
            hint: have.length ? `it has: ${have.join(', ')}; set platform` : 'the index lists no manifests',
        });
    }
    return chosen;
}
/** The image `top` names for `platform` (itself, or its index's entry for the platform), with its layers. */
async function layeredImage(description, top, platform, source) {
    const m = media_types_isIndexMediaType(top.mediaType)
        ? await source.fetch(choosePlatform(parseManifestJson(top, description), platform, description))
        : top;
    const doc = imageManifest(m, description);
    return {
        description,
        digest: m.digest,
        subjectDigest: top.digest,
        layers: doc.layers,
        openLayer: source.openLayer,
        close: source.close,
    };
}
function imageManifest(m, where) {
    const doc = parseManifestJson(m, where);
    if (!Array.isArray(doc.layers))
        throw new errors_BydigestError('LAYOUT', `${where}: manifest ${m.digest} lists no layers`, {
            hint: 'is this an image (not an artifact)?',
        });
    return doc;
}
// Each chunk is a message to the digest thread: larger than the default, fewer of them; a ring
// of six lets the digest fall a few chunks behind the inflate.
const sharedRings = new SharedRings(6, 512 * 1024);
async function openLayoutImage(spec, platform) {
    const layout = await openLayout(spec.kind, spec.path);
    const description = `${spec.kind}:${spec.path}${spec.ref ? `:${spec.ref}` : ''}`;
    try {
        const top = await selectLayoutManifest(layout, spec.ref);
        return await layeredImage(description, top, platform, {
            fetch: async (d) => ({ bytes: await layout.readBlob(d.digest), mediaType: d.mediaType, digest: d.digest }),
            openLayer: async (l) => {
                await layout.blobSize(l.digest);
                // Reused read buffers in shared memory: reading a layer makes no garbage of its own, and the
                // digest is taken on a worker thread from the same bytes the walk inflates.
                const ring = sharedRings.take();
                const chunks = layout.blobChunks(l.digest, { buffers: ring });
                return Object.assign(chunks, {
                    reusesBuffers: true,
                    sharedRing: ring.length,
                    release: () => sharedRings.give(ring),
                });
            },
            close: () => layout.close(),
        });
    }
    catch (e) {
        await layout.close();
        throw e;
    }
}
async function openRegistryImage(client, ref, platform) {
    const description = `docker://${formatReference(ref)}`;
    const top = await client.getManifest(ref);
    return layeredImage(description, top, platform, {
        fetch: (d) => client.getManifest({ ...ref, digest: d.digest }),
        openLayer: (l) => client.openBlob(ref, l.digest),
        close: async () => { },
    });
}

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(1421);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
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
                throw new errors_BydigestError('INVALID_ARGUMENT', 'username and password must be given together');
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
        throw new errors_BydigestError('INVALID_ARGUMENT', `auth file ${path} is not valid JSON`, {
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
                throw new errors_BydigestError('INVALID_ARGUMENT', `auth file ${path}: entry for ${key} is not base64 user:password`);
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
                reject(new errors_BydigestError('UNAUTHORIZED', `credential helper docker-credential-${name} could not be run: ${e.message}`));
        });
        child.on('close', (code) => {
            clearTimeout(timer);
            if (code !== 0) {
                if (/credentials not found/i.test(out + err) || optional)
                    return resolve(undefined);
                return reject(new errors_BydigestError('UNAUTHORIZED', `credential helper docker-credential-${name} failed for ${server} (exit ${code})`));
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
                reject(new errors_BydigestError('UNAUTHORIZED', `credential helper docker-credential-${name} printed no JSON`));
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
                if (e instanceof errors_BydigestError && FINAL.has(e.code))
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
            if (e instanceof errors_BydigestError && e.code === 'UNAUTHORIZED' && e.status !== undefined)
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
            throw new errors_BydigestError('REGISTRY', `start blob upload ${where}: no Location header`, {
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
            throw new errors_BydigestError('DIGEST_MISMATCH', `PUT blob ${where}: registry stored ${stored}`, { reference: where });
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
            throw new errors_BydigestError('REGISTRY', `${req.operation} ${req.reference}: too many redirects`, {
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
                throw new errors_BydigestError('UNAUTHORIZED', `${this.host} requires a username and password and none were found`, {
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
            throw new errors_BydigestError('UNAUTHORIZED', `${this.host} sent a Bearer challenge without a realm`, { status: 401 });
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
                const err = new errors_BydigestError('NETWORK', `${operation} from ${realm} failed: ${describeError(e)}`, {
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
                    throw new errors_BydigestError('UNAUTHORIZED', `token endpoint ${realm} answered without a token`, {
                        operation,
                        reference,
                    });
                return done({
                    token,
                    expiresInSec: typeof body.expires_in === 'number' && body.expires_in > 0 ? body.expires_in : 60,
                });
            }
            await res.body.dump();
            const err = new errors_BydigestError('UNAUTHORIZED', `${this.host}: the token endpoint refused ${creds ? `the credentials for ${creds.username}` : 'anonymous access'} (HTTP ${res.statusCode})`, {
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
    return new errors_BydigestError('NETWORK', `${req.operation} ${req.reference}: cannot reach ${host}: ${describeError(e)}`, {
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
    return new errors_BydigestError(code, `${req.operation} ${req.reference}: HTTP ${status}${detail ? ` (${detail})` : ''}`, {
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
            throw new errors_BydigestError('DIGEST_MISMATCH', `HEAD manifest ${where}: registry answered digest ${digest}`, {
                reference: where,
            });
        }
        return { digest, mediaType: res.headers['content-type'] ?? '', size: Number(res.headers['content-length'] ?? 0) };
    }
    async getManifest(ref) {
        const m = await this.getManifestIfExists(ref);
        if (!m) {
            throw new errors_BydigestError('NOT_FOUND', `GET manifest ${formatReference(ref)}: not found (HTTP 404)`, {
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
        const digest = digest_sha256Digest(bytes);
        if (ref.digest && digest !== ref.digest) {
            throw new errors_BydigestError('DIGEST_MISMATCH', `GET manifest ${where}: the bytes received hash to ${digest}`, {
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
        const digest = digest_sha256Digest(manifest.bytes);
        if (ref.digest && ref.digest !== digest) {
            throw new errors_BydigestError('DIGEST_MISMATCH', `PUT manifest ${where}: the bytes hash to ${digest}`, {
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
            throw new errors_BydigestError('DIGEST_MISMATCH', `PUT manifest ${where}: registry stored ${stored}, expected ${digest}`, { reference: where });
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
        if (digest_sha256Digest(bytes) !== digest)
            throw new errors_BydigestError('DIGEST_MISMATCH', `GET blob ${where}: content does not match its digest`, {
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
                throw new errors_BydigestError('REGISTRY', `the tag list of ${where} does not end: page ${page} ${seen.has(path) ? `asks again for ${path}` : `exceeds the bound of ${maxPages} pages`} (a \`last\` that loops); stopped after ${tags.length} tags`, {
                    operation: 'list tags',
                    reference: where,
                    hint: 'the registry paginates its tags/list wrongly; report it to the registry operator',
                });
            }
            seen.add(path);
            const { status, body, next } = await this.retryingBody(() => this.tagPage(repo, path));
            if (status === 404) {
                if (opts.missing === 'error') {
                    throw new errors_BydigestError('NOT_FOUND', `${where}: the registry has no such repository (tags/list answered HTTP 404)`, {
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
        const index = { bytes, mediaType: 'application/vnd.oci.image.index.v1+json', digest: digest_sha256Digest(bytes) };
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
    return (e instanceof errors_BydigestError && e.code === 'NETWORK') || (!(e instanceof errors_BydigestError) && isRetryableError(e));
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
        throw new errors_BydigestError('REGISTRY', `tag list page ${page} of ${where} is not JSON: ${e.message}`, {
            operation: 'list tags',
            reference: where,
        });
    }
    const tags = doc?.tags;
    if (tags === undefined || tags === null)
        return [];
    if (!Array.isArray(tags) || !tags.every((t) => typeof t === 'string')) {
        throw new errors_BydigestError('REGISTRY', `tag list page ${page} of ${where} is malformed: "tags" is not a list of strings`, { operation: 'list tags', reference: where });
    }
    return tags;
}
function manifestRef(ref) {
    if (ref.digest)
        return ref.digest;
    if (ref.tag)
        return ref.tag;
    throw new errors_BydigestError('INVALID_REFERENCE', `${formatReference(ref)} has neither tag nor digest`);
}
async function readLimited(res, max, where) {
    const declared = Number(res.headers['content-length'] ?? NaN);
    if (declared > max) {
        await res.body.dump();
        throw new errors_BydigestError('REGISTRY', `${where}: response of ${declared} bytes exceeds the ${max}-byte limit`);
    }
    const chunks = [];
    let total = 0;
    try {
        for await (const chunk of res.body) {
            total += chunk.length;
            if (total > max) {
                res.body.destroy();
                throw new errors_BydigestError('REGISTRY', `${where}: response exceeds the ${max}-byte limit`);
            }
            chunks.push(chunk);
        }
    }
    catch (e) {
        if (e instanceof errors_BydigestError)
            throw e;
        // undici's own error names neither the request nor the reference; NETWORK is retried (isBodyFailure).
        throw new errors_BydigestError('NETWORK', `${where}: the body broke off after ${total} bytes: ${describeError(e)}`, {
            reference: where,
            cause: e,
        });
    }
    const bytes = Buffer.concat(chunks);
    if (!Number.isNaN(declared) && declared !== bytes.length) {
        throw new errors_BydigestError('NETWORK', `${where}: body truncated (${bytes.length} of ${declared} bytes)`);
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
        lib_core/* setSecret */.Pq(password);
    if (githubToken)
        lib_core/* setSecret */.Pq(githubToken);
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

;// CONCATENATED MODULE: ./actions/check-host-trust/src/inputs.ts


async function readInputs() {
    const source = requiredInput('source', "e.g. docker://ghcr.io/owner/os@sha256:… (capture-digest's image-ref), oci:./layout:latest or dir:./rootfs");
    const spec = parseInput('source', parseImageSource, { required: true });
    requiredInput('pull-ref', 'the reference hosts pull, e.g. ghcr.io/owner/os:stable');
    const pullRef = parseInput('pull-ref', parseReference, { required: true });
    if (pullRef.tag !== undefined && pullRef.digest !== undefined) {
        throw new InputError('pull-ref', `${formatReference(pullRef)} has both a tag and a digest; containers/image pulls one or the other`, 'give the tag hosts pull, e.g. ghcr.io/owner/os:stable');
    }
    const platform = rawInput('platform') || 'linux/amd64';
    parseInput('platform', parsePlatform);
    const imageDigest = rawInput('image-digest');
    if (imageDigest && !/^sha256:[a-f0-9]{64}$/.test(imageDigest))
        throw new InputError('image-digest', `${JSON.stringify(imageDigest)} is not a sha256 digest`, 'give sha256:<64 hex>, the digest hosts will pull');
    if (imageDigest && spec.kind !== 'dir')
        throw new InputError('image-digest', 'is only for a dir: rootfs', 'an image source has its own digest: leave image-digest empty');
    const inputs = {
        source,
        pullRef,
        platform,
        registry: readRegistryInputs(),
        ...(imageDigest ? { imageDigest } : {}),
    };
    if (rawInput('public-key'))
        inputs.publicKeys = await publicKeysInput('public-key');
    return inputs;
}

;// CONCATENATED MODULE: ./packages/core/src/policy/docker-reference.ts
/**
 * Docker references as containers/image's policy code sees them (docker/reference): fully
 * expanded names ("docker.io/library/busybox"), String() = name[:tag][@digest].
 */

/** reference.ParseNormalizedNamed; undefined where it would fail (a failed parse never matches). */
function parseNormalizedNamed(value) {
    try {
        return parseReference(value);
    }
    catch {
        return undefined;
    }
}
/** reference.ParseNamed: like ParseNormalizedNamed, but only the canonical (fully expanded) form. */
function parseCanonicalNamed(value) {
    const ref = parseNormalizedNamed(value);
    return ref && referenceString(ref) === value ? ref : undefined;
}
/** Named.Name(): "host/path", Docker Hub as docker.io (not index.docker.io, which cosign writes). */
function referenceName(ref) {
    return `${ref.registry}/${ref.repository}`;
}
/** Named.String(). */
function referenceString(ref) {
    let s = referenceName(ref);
    if (ref.tag !== undefined)
        s += `:${ref.tag}`;
    if (ref.digest !== undefined)
        s += `@${ref.digest}`;
    return s;
}
function isNameOnly(ref) {
    return ref.tag === undefined && ref.digest === undefined;
}
/** reference.FamiliarString: Docker Hub names shortened ("busybox:latest"), everything else as is. */
function familiarString(ref) {
    let name = referenceName(ref);
    if (ref.registry === 'docker.io') {
        name = ref.repository;
        if (name.startsWith('library/') && !name.slice('library/'.length).includes('/'))
            name = name.slice('library/'.length);
    }
    if (ref.tag !== undefined)
        name += `:${ref.tag}`;
    if (ref.digest !== undefined)
        name += `@${ref.digest}`;
    return name;
}
/** transports.ImageName for the docker transport, as containers/image prints an image in messages. */
function dockerImageName(ref) {
    return `docker://${familiarString(ref)}`;
}

;// CONCATENATED MODULE: ./packages/core/src/policy/scope.ts
/**
 * Which policy.json scope (and registries.d namespace) applies to an image, by containers/image's
 * rules (policy_eval.go requirementsForImageRef, docker/policyconfiguration/naming.go): the full
 * reference, then the repository, each parent namespace, the host, wildcard domains, the
 * transport's "" scope, then "default".
 */


/** PolicyConfigurationIdentity: "host/repo:tag" or "host/repo@digest". */
function policyIdentity(ref) {
    if (ref.tag !== undefined && ref.digest !== undefined) {
        throw new errors_BydigestError('INVALID_REFERENCE', `${referenceName(ref)}:${ref.tag}@${ref.digest} has both a tag and a digest; containers/image pulls one or the other`, {
            hint: 'give the tag the host pulls (…:stable), or the digest alone',
        });
    }
    if (ref.tag !== undefined)
        return `${referenceName(ref)}:${ref.tag}`;
    if (ref.digest !== undefined)
        return `${referenceName(ref)}@${ref.digest}`;
    // docker:// adds :latest to a name-only reference (reference.TagNameOnly) before any lookup.
    return `${referenceName(ref)}:latest`;
}
/**
 * PolicyConfigurationNamespaces, most specific first: "host/a/b", "host/a", "host", then
 * "*.example.com", "*.com" (the host without its port, one label dropped at a time).
 */
function policyNamespaces(ref) {
    const out = [];
    let name = referenceName(ref);
    for (;;) {
        out.push(name);
        const slash = name.lastIndexOf('/');
        if (slash < 0)
            break;
        name = name.slice(0, slash);
    }
    const colon = name.indexOf(':');
    if (colon >= 0)
        name = name.slice(0, colon);
    for (let dot = name.indexOf('.'); dot >= 0; dot = name.indexOf('.')) {
        name = name.slice(dot + 1);
        out.push(`*.${name}`);
    }
    return out;
}
function requirementsForImage(policy, ref) {
    const identity = policyIdentity(ref);
    const candidates = [identity, ...policyNamespaces(ref), ''];
    const scopes = policy.transports.get('docker');
    if (scopes) {
        for (const scope of candidates) {
            const requirements = scopes.get(scope);
            if (requirements)
                return { scope, label: `transports.docker[${JSON.stringify(scope)}]`, requirements, candidates };
        }
    }
    return { scope: undefined, label: 'default', requirements: policy.default, candidates };
}

;// CONCATENATED MODULE: ./packages/core/src/trust/key-references.ts
/** Every requirement of the policy with its scope label and JSON location. */
function scopedRequirements(policy) {
    const out = policy.default.map((requirement, i) => ({
        scope: 'default',
        field: `default[${i}]`,
        requirement,
    }));
    for (const [transport, scopes] of policy.transports) {
        for (const [scope, reqs] of scopes) {
            const at = `transports.${transport}[${JSON.stringify(scope)}]`;
            // Only the docker transport is pulled by hosts; other transports' labels are still named.
            const label = transport === 'docker' ? `transports.docker[${JSON.stringify(scope)}]` : at;
            reqs.forEach((requirement, i) => out.push({ scope: label, field: `${at}[${i}]`, requirement }));
        }
    }
    return out;
}
function fromSource(source, role, base, names, scope) {
    const name = names[source.kind];
    if (source.kind === 'keyPath')
        return [{ role, field: `${base}.${name}`, scope, path: source.paths[0] }];
    if (source.kind === 'keyPaths')
        return source.paths.map((path, i) => ({ role, field: `${base}.${name}[${i}]`, scope, path }));
    if (source.kind === 'keyData')
        return [{ role, field: `${base}.${name}`, scope, data: source.datas[0] }];
    return source.datas.map((data, i) => ({ role, field: `${base}.${name}[${i}]`, scope, data }));
}
const KEY_NAMES = { keyPath: 'keyPath', keyPaths: 'keyPaths', keyData: 'keyData', keyDatas: 'keyDatas' };
const REKOR_NAMES = {
    keyPath: 'rekorPublicKeyPath',
    keyPaths: 'rekorPublicKeyPaths',
    keyData: 'rekorPublicKeyData',
    keyDatas: 'rekorPublicKeyDatas',
};
function keyReferences(policy) {
    const out = [];
    for (const { scope, field, requirement: r } of scopedRequirements(policy)) {
        if (r.type !== 'sigstoreSigned')
            continue;
        if (r.keys)
            out.push(...fromSource(r.keys, 'public-key', field, KEY_NAMES, scope));
        if (r.fulcio?.caPath !== undefined)
            out.push({ role: 'fulcio-ca', field: `${field}.fulcio.caPath`, scope, path: r.fulcio.caPath });
        if (r.fulcio?.caData !== undefined)
            out.push({ role: 'fulcio-ca', field: `${field}.fulcio.caData`, scope, data: r.fulcio.caData });
        if (r.rekorKeys)
            out.push(...fromSource(r.rekorKeys, 'rekor-key', field, REKOR_NAMES, scope));
    }
    return out;
}

;// CONCATENATED MODULE: ./packages/core/src/trust/verdicts.ts
/** What check-host-trust says about an image's own trust files: one verdict per check. */
const CHECK_TITLES = {
    'policy-loads': 'policy.json and registries.d load',
    'key-files': 'key files exist and parse',
    signatures: 'signatures verify under the image policy',
    'scope-and-attachments': 'scope and use-sigstore-attachments',
    'signing-key': 'signing key trusted, with a backup',
    'fulcio-identity': 'fulcio identity can match a workflow',
};
/** The worst status wins: one failing finding fails the check. */
function verdict(id, findings, passSummary) {
    const status = findings.some((f) => f.status === 'fail')
        ? 'fail'
        : findings.length > 0
            ? 'warn'
            : 'pass';
    const summary = status === 'pass' ? passSummary : findings.map((f) => f.message).join('; ');
    return { id, title: CHECK_TITLES[id], status, summary, findings };
}
function skipped(id, why) {
    return { id, title: CHECK_TITLES[id], status: 'skip', summary: why, findings: [] };
}

;// CONCATENATED MODULE: ./packages/core/src/trust/fulcio-check.ts
/**
 * Check 6: a fulcio requirement matches certificates by e-mail SAN only (containers/image
 * fulcio_cert.go). GitHub Actions certificates name the workflow in a URI SAN and carry no
 * e-mail, so a fulcio requirement can never accept a workflow-signed image.
 */


const GITHUB_ISSUER = 'https://token.actions.githubusercontent.com';
function fulcioCheck(policy, policyFile, inScope) {
    const findings = [];
    let count = 0;
    for (const { scope, field, requirement: r } of scopedRequirements(policy)) {
        if (r.type !== 'sigstoreSigned' || !r.fulcio)
            continue;
        count++;
        const { oidcIssuer, subjectEmail } = r.fulcio;
        const github = oidcIssuer === GITHUB_ISSUER || /(^|[@.])github\.com$/i.test(subjectEmail);
        findings.push({
            status: github && inScope(scope) ? 'fail' : 'warn',
            file: policyFile,
            field: `${field}.fulcio.subjectEmail`,
            message: github
                ? `${field}.fulcio wants subjectEmail ${JSON.stringify(subjectEmail)} from ${oidcIssuer}, but containers/image matches e-mail SANs only and a GitHub Actions certificate carries the workflow as a URI SAN and no e-mail: no workflow-signed image is ever accepted`
                : `${field}.fulcio accepts only a certificate with the e-mail SAN ${JSON.stringify(subjectEmail)} from ${oidcIssuer}: a GitHub workflow identity (a URI SAN) can never match it`,
            fix: "trust the pipeline's public key instead (sigstoreSigned with keyPath/keyPaths) and sign with sign-digest's key; containers/image has no way to match a workflow identity yet (container-libs#34)",
        });
    }
    return verdict('fulcio-identity', findings, count === 0 ? 'no fulcio requirement' : `${count} fulcio requirement(s)`);
}

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
;// CONCATENATED MODULE: ./packages/core/src/util/private-dir.ts



/**
 * A 0700 directory of our own for database copies and layer files: nothing else can read
 * or swap them under us, and `remove()` leaves no trace.
 */
async function privateDir(prefix, parent = process.env.RUNNER_TEMP || (0,external_node_os_.tmpdir)()) {
    const path = await (0,promises_.mkdtemp)((0,external_node_path_.join)(parent, `bydigest-${prefix}-`));
    return { path, remove: () => (0,promises_.rm)(path, { recursive: true, force: true }) };
}

;// CONCATENATED MODULE: ./packages/core/src/layers/image-path.ts

/**
 * An image path as the merged view keys it: no leading `/` or `./`, no `.`, `..` clamped at
 * the root (as a runtime's chroot clamps it), no trailing `/`. `usr/lib/os-release`; '' is the root.
 */
function normalizeImagePath(p) {
    const out = [];
    for (const c of p.split('/')) {
        if (c === '' || c === '.')
            continue;
        if (c === '..')
            out.pop();
        else
            out.push(c);
    }
    return out.join('/');
}
function parentOf(p) {
    const i = p.lastIndexOf('/');
    return i < 0 ? '' : p.slice(0, i);
}
function baseOf(p) {
    return p.slice(p.lastIndexOf('/') + 1);
}
/** Symlinks followed on one path before giving up, as Linux's MAXSYMLINKS. */
const MAX_SYMLINK_HOPS = 40;
/**
 * Resolves `path` inside the image root, following the symlinks `readlink` knows (for every
 * component, the last one too). An absolute target restarts at the image root and `..` stops
 * there: nothing resolves outside the image, whatever the links say.
 */
function resolveInRoot(path, readlink) {
    let pending = normalizeImagePath(path).split('/').filter(Boolean);
    const out = [];
    let hops = 0;
    while (pending.length > 0) {
        const c = pending.shift();
        if (c === '.' || c === '')
            continue;
        if (c === '..') {
            out.pop();
            continue;
        }
        const here = out.length ? `${out.join('/')}/${c}` : c;
        const target = readlink(here);
        if (target === undefined) {
            out.push(c);
            continue;
        }
        if (++hops > MAX_SYMLINK_HOPS) {
            throw new errors_BydigestError('LAYER', `/${normalizeImagePath(path)}: more than ${MAX_SYMLINK_HOPS} symlinks (a loop at /${here}?)`, { operation: 'resolve image path' });
        }
        if (target.startsWith('/'))
            out.length = 0;
        pending = [...target.split('/'), ...pending];
    }
    return out.join('/');
}

// EXTERNAL MODULE: external "node:v8"
var external_node_v8_ = __webpack_require__(8877);
// EXTERNAL MODULE: external "node:vm"
var external_node_vm_ = __webpack_require__(714);
;// CONCATENATED MODULE: ./packages/core/src/util/release-buffers.ts


let collect = null;
let sinceMinor = 0;
let sinceMajor = 0;
/** Spent bytes (process-wide) between two scavenges, and between two full collections. */
const MINOR_EVERY = 8 * 1024 * 1024;
const MAJOR_EVERY = 48 * 1024 * 1024;
/**
 * Counts `bytes` of short-lived Buffers a stream has passed on (a decompressor's output, a
 * response body's chunks) and frees them as they build up. Streaming gigabytes makes ~1 GB/s of
 * such Buffers whose memory lives outside the JS heap; V8 collects them only once ~64 MB has built
 * up, which alone would put a walk over its memory budget. A scavenge frees most of them for well
 * under a millisecond; the few that were in flight during one survive it and wait for a full
 * collection (10–20 ms of a ~10 MB heap), so those are rarer. The two periods trade time for peak
 * memory (docs/benchmarks.md). No-op where the runtime refuses to expose the collector.
 */
function releaseBuffers(bytes) {
    sinceMinor += bytes;
    if (sinceMinor < MINOR_EVERY)
        return;
    sinceMajor += sinceMinor;
    sinceMinor = 0;
    const major = sinceMajor >= MAJOR_EVERY;
    if (major)
        sinceMajor = 0;
    collector()?.({ type: major ? 'major' : 'minor' });
}
function collector() {
    if (collect === null) {
        try {
            (0,external_node_v8_.setFlagsFromString)('--expose-gc');
            collect = (0,external_node_vm_.runInNewContext)('gc');
        }
        catch {
            collect = undefined;
        }
    }
    return collect;
}

// EXTERNAL MODULE: external "node:worker_threads"
var external_node_worker_threads_ = __webpack_require__(5919);
;// CONCATENATED MODULE: ./packages/core/src/util/sha256-worker.ts



/** On this thread: each update is done when it returns. */
function localDigest() {
    const hash = (0,external_node_crypto_.createHash)('sha256');
    return {
        update: (chunk) => void hash.update(chunk),
        hex: async () => hash.copy().digest('hex'),
        idle: async () => undefined,
        drop: () => undefined,
    };
}
/**
 * A digest taken on a worker thread from chunks in shared memory (no copy): a layer walk is
 * otherwise one core hashing while the inflate on the thread pool waits for it (a GiB of layers
 * is ~1 s of sha256). Only chunks backed by a SharedArrayBuffer can be sent; on a single core, or
 * where a worker cannot start, the digest is taken on this thread.
 */
function sharedMemoryDigest() {
    const worker = hashWorker();
    return worker ? worker.open() : localDigest();
}
// The worker's source travels inline: each action is bundled into one file, with no room for a
// second entry point beside it. It reads its modules as either a script or a module can, and the
// parent's flags (a loader, --input-type) are not passed on.
const WORKER_SOURCE = `
const { parentPort } = process.getBuiltinModule('node:worker_threads');
const { createHash } = process.getBuiltinModule('node:crypto');
const hashes = new Map();
parentPort.on('message', (m) => {
  if (m.op === 'update') {
    let h = hashes.get(m.id);
    if (!h) hashes.set(m.id, (h = createHash('sha256')));
    h.update(new Uint8Array(m.buffer, m.offset, m.length));
    parentPort.postMessage({ id: m.id });
  } else if (m.op === 'hex') {
    const h = hashes.get(m.id) ?? createHash('sha256');
    hashes.delete(m.id);
    parentPort.postMessage({ id: m.id, hex: h.digest('hex') });
  } else hashes.delete(m.id);
});
`;
class HashWorker {
    worker;
    nextId = 0;
    /** Replies come back in the order of requests, per digest. */
    waiting = new Map();
    pending = 0;
    failed;
    constructor() {
        this.worker = new external_node_worker_threads_.Worker(WORKER_SOURCE, { eval: true, execArgv: [] });
        // Idle, the worker must not keep the process alive; while a reply is awaited it must.
        this.worker.unref();
        this.worker.on('message', (m) => {
            const queue = this.waiting.get(m.id);
            const w = queue?.shift();
            if (queue?.length === 0)
                this.waiting.delete(m.id);
            this.settled();
            w?.resolve(m.hex);
        });
        this.worker.on('error', (e) => this.fail(e));
        this.worker.on('exit', () => this.fail(new Error('the sha256 worker stopped')));
    }
    open() {
        const id = this.nextId++;
        let dropped = false;
        // The worker answers one digest's requests in order: the last update read means all were.
        let last = Promise.resolve();
        return {
            update: (chunk) => {
                if (!(chunk.buffer instanceof SharedArrayBuffer))
                    throw new Error('sha256 worker: chunk is not shared memory');
                const read = this.request(id, {
                    op: 'update',
                    id,
                    buffer: chunk.buffer,
                    offset: chunk.byteOffset,
                    length: chunk.length,
                }).then(() => undefined);
                last = read.catch(() => undefined);
                return read;
            },
            idle: () => last.then(() => undefined),
            hex: () => this.request(id, { op: 'hex', id }).then((hex) => hex),
            drop: () => {
                if (dropped)
                    return;
                dropped = true;
                if (!this.failed)
                    this.worker.postMessage({ op: 'drop', id });
            },
        };
    }
    request(id, message) {
        if (this.failed)
            return Promise.reject(this.failed);
        return new Promise((resolve, reject) => {
            const queue = this.waiting.get(id) ?? [];
            queue.push({ resolve, reject });
            this.waiting.set(id, queue);
            if (this.pending++ === 0)
                this.worker.ref();
            this.worker.postMessage(message);
        });
    }
    settled() {
        if (--this.pending === 0)
            this.worker.unref();
    }
    fail(e) {
        this.failed ??= e;
        worker = undefined;
        for (const queue of this.waiting.values())
            for (const w of queue)
                w.reject(this.failed);
        this.waiting.clear();
        this.pending = 0;
    }
}
let worker;
let unavailable = false;
function hashWorker() {
    if (unavailable)
        return undefined;
    if (!worker) {
        if ((0,external_node_os_.availableParallelism)() < 2) {
            unavailable = true;
            return undefined;
        }
        try {
            worker = new HashWorker();
        }
        catch {
            unavailable = true;
        }
    }
    return worker;
}

// EXTERNAL MODULE: external "node:zlib"
var external_node_zlib_ = __webpack_require__(8522);
;// CONCATENATED MODULE: ./packages/core/src/layers/inflate.ts


/**
 * Opens a decompressor that inflates into one reused output buffer on the thread pool. zlib's
 * stream API allocates a fresh buffer for every output chunk and passes it through a readable
 * queue: at a GiB of layers that was most of the walk's garbage, page faults and time (the
 * bottom-layer benchmark, docs/benchmarks.md). The native handle behind the stream is driven
 * directly; a runtime whose handle does not behave as probed gets the stream API instead.
 */
function openInflater(kind, chunkSize, onOutput, use = 'native') {
    return use === 'native' && handleWorks(kind)
        ? new HandleInflater(kind, chunkSize, onOutput)
        : new StreamInflater(kind, chunkSize, onOutput);
}
/** The native handle is usable on this runtime (a test pins this, so a Node change is seen). */
function handleWorks(kind) {
    return (probed[kind] ??= probe(kind));
}
const FLUSH = {
    gzip: { more: external_node_zlib_.constants.Z_NO_FLUSH, finish: external_node_zlib_.constants.Z_FINISH },
    zstd: { more: external_node_zlib_.constants.ZSTD_e_continue, finish: external_node_zlib_.constants.ZSTD_e_end },
};
const probed = {};
function handleClass(kind) {
    const stream = kind === 'gzip' ? (0,external_node_zlib_.createGunzip)() : (0,external_node_zlib_.createZstdDecompress)();
    const handle = stream._handle;
    stream.close();
    return typeof handle?.constructor === 'function' ? handle.constructor : undefined;
}
function newHandle(kind, state, done) {
    const Class = handleClass(kind);
    if (!Class)
        throw new Error('no native zlib handle');
    if (kind === 'gzip') {
        const handle = new Class(external_node_zlib_.constants.GUNZIP);
        handle.init(15, external_node_zlib_.constants.Z_DEFAULT_COMPRESSION, 8, external_node_zlib_.constants.Z_DEFAULT_STRATEGY, state, done, undefined);
        return handle;
    }
    const handle = new Class();
    // Every decompression parameter unset (-1), as Node's ZstdDecompress passes them.
    const maxParam = Math.max(...Object.entries(external_node_zlib_.constants).map(([k, v]) => (k.startsWith('ZSTD_d_') ? v : 0)));
    handle.init(new Uint32Array(maxParam + 1).fill(-1), undefined, state, done, undefined);
    return handle;
}
/** Inflates a small known payload through the handle, synchronously, and compares. */
function probe(kind) {
    try {
        const plain = Buffer.from('bydigest probes the native inflater '.repeat(64));
        const packed = kind === 'gzip' ? (0,external_node_zlib_.gzipSync)(plain) : (0,external_node_zlib_.zstdCompressSync)(plain);
        const state = new Uint32Array(2);
        const handle = newHandle(kind, state, () => undefined);
        let failed = false;
        handle.onerror = () => {
            failed = true;
        };
        const out = Buffer.alloc(plain.length * 2);
        handle.writeSync(FLUSH[kind].finish, packed, 0, packed.length, out, 0, out.length);
        handle.close();
        const produced = out.length - state[0];
        return !failed && state[1] === 0 && out.subarray(0, produced).equals(plain);
    }
    catch {
        return false;
    }
}
class HandleInflater {
    onOutput;
    reusesOutput = true;
    state = new Uint32Array(2);
    out;
    handle;
    flush;
    step;
    failure;
    closed = false;
    constructor(kind, chunkSize, onOutput) {
        this.onOutput = onOutput;
        this.out = Buffer.allocUnsafe(chunkSize);
        this.flush = FLUSH[kind];
        this.handle = newHandle(kind, this.state, () => this.step?.resolve());
        // On an error the native side calls this instead of the write callback.
        this.handle.onerror = (message, errno, code) => {
            this.failure = Object.assign(new Error(message), { errno, code });
            this.step?.reject(this.failure);
        };
    }
    write(input) {
        return this.run(this.flush.more, input);
    }
    end() {
        return this.run(this.flush.finish, Buffer.alloc(0));
    }
    close() {
        if (this.closed)
            return;
        this.closed = true;
        // Waits on the native side for a write in flight, which then reports to nobody.
        this.handle.close();
    }
    async run(flush, input) {
        let offset = 0;
        let left = input.length;
        for (;;) {
            if (this.failure)
                throw this.failure;
            if (this.closed)
                throw new Error('the decompressor was closed');
            await new Promise((resolve, reject) => {
                this.step = { resolve, reject };
                this.handle.write(flush, input, offset, left, this.out, 0, this.out.length);
            });
            this.step = undefined;
            const outLeft = this.state[0];
            const inLeft = this.state[1];
            offset += left - inLeft;
            left = inLeft;
            const produced = this.out.length - outLeft;
            if (produced > 0) {
                const wait = this.onOutput(this.out.subarray(0, produced));
                if (wait)
                    await wait;
            }
            // Room left in the output: the decompressor wants more input, or its stream ended (input
            // after the end is ignored, as Node's streams do).
            if (outLeft !== 0)
                return;
        }
    }
}
/** Node's stream API: a fresh buffer per output chunk, released as it is spent. */
class StreamInflater {
    reusesOutput = false;
    stream;
    consumed;
    failure;
    constructor(kind, chunkSize, onOutput) {
        const stream = kind === 'gzip' ? (0,external_node_zlib_.createGunzip)({ chunkSize }) : (0,external_node_zlib_.createZstdDecompress)({ chunkSize });
        this.stream = stream;
        this.stream.on('error', (e) => {
            this.failure ??= e;
        });
        this.consumed = (async () => {
            for await (const out of stream) {
                releaseBuffers(out.length);
                try {
                    const wait = onOutput(out);
                    if (wait)
                        await wait;
                }
                catch (e) {
                    // Set before leaving the loop destroys the stream, so the pending write reports it.
                    this.failure ??= e;
                    throw e;
                }
            }
        })();
        this.consumed.catch(() => undefined);
    }
    write(input) {
        return new Promise((resolve, reject) => {
            // A decompressor that fails mid-chunk never calls back; its close rejects instead.
            const closed = () => reject(this.failure ?? new Error('the decompressor stopped'));
            this.stream.once('close', closed);
            this.stream.write(input, (e) => {
                this.stream.off('close', closed);
                if (e)
                    reject(this.failure ?? e);
                else
                    resolve();
            });
        });
    }
    async end() {
        this.stream.end();
        await this.consumed;
        if (this.failure)
            throw this.failure;
    }
    close() {
        this.stream.destroy();
    }
}

;// CONCATENATED MODULE: ./packages/core/src/layers/tar-scanner.ts
/** The layer is not what Go's archive/tar reads; `hint` says what to do about it. */
class TarFormatError extends Error {
    hint;
    constructor(message, hint) {
        super(message);
        this.hint = hint;
    }
}
const BLOCK = 512;
/** archive/tar's maxSpecialFileSize: pax and GNU long-name records larger than this are refused. */
const MAX_SPECIAL_SIZE = 1 << 20;
var State;
(function (State) {
    State[State["Header"] = 0] = "Header";
    State[State["Body"] = 1] = "Body";
    State[State["Special"] = 2] = "Special";
    State[State["Padding"] = 3] = "Padding";
    /** Old-GNU sparse extension blocks between a sparse member's header and its content. */
    State[State["SparseExt"] = 4] = "SparseExt";
    State[State["Done"] = 5] = "Done";
})(State || (State = {}));
const REPUSH = 'the layer is truncated or not a tar stream; re-push the image';
class TarScanner {
    visit;
    copyChunks;
    state = State.Header;
    block = Buffer.alloc(BLOCK);
    blockFill = 0;
    zeroBlocks = 0;
    /** Content bytes of the current member still to come (body or special record). */
    remaining = 0;
    padding = 0;
    sink;
    special;
    pax;
    longName;
    longLink;
    finishing = [];
    sinkError;
    /** The sparse member's content size, read once its extension blocks are skipped. */
    sparseSize = 0;
    /** The member being read, for messages; undefined between members. */
    member;
    /**
     * @param copyChunks the chunks pushed are reused by their source after push returns: what a
     *   sink keeps is copied first.
     */
    constructor(visit, copyChunks) {
        this.visit = visit;
        this.copyChunks = copyChunks;
    }
    /** True once the end of the archive (two zero blocks) was read. */
    get done() {
        return this.state === State.Done;
    }
    /**
     * Reads a chunk. Returns a promise only when a sink asked to wait (backpressure): the chunk
     * must not be changed, nor the next pushed, until it resolves.
     */
    push(chunk) {
        const paused = this.scan(chunk, 0);
        return paused < 0 ? undefined : this.resume(chunk, paused);
    }
    /** The stream ended: Go's rules for where it may end; then waits for every sink to finish. */
    async end() {
        switch (this.state) {
            case State.Header:
                if (this.blockFill > 0)
                    throw new TarFormatError(`the layer ends inside a tar header (${this.blockFill} of 512 bytes)`, REPUSH);
                break;
            case State.SparseExt:
                throw new TarFormatError(`the layer ends inside the sparse map of member ${JSON.stringify(this.member)}`, REPUSH);
            case State.Body:
            case State.Special:
                throw new TarFormatError(`the layer ends inside member ${JSON.stringify(this.member)}: ${this.remaining} bytes of its content are missing`, REPUSH);
            default:
                // The padding after the last member, or the end blocks: Go reads this as the end.
                break;
        }
        this.state = State.Done;
        this.member = undefined;
        await this.settle();
    }
    /** Stops: closes an open sink. What it wrote is incomplete; the caller drops it. */
    abort() {
        this.sink?.destroy();
        this.sink = undefined;
    }
    async settle() {
        await Promise.all(this.finishing);
        if (this.sinkError)
            throw this.sinkError;
    }
    async resume(chunk, from) {
        for (let at = from; at >= 0;) {
            const sink = this.sink;
            await new Promise((resolve, reject) => {
                const done = () => {
                    sink.off('drain', done);
                    sink.off('close', done);
                    if (this.sinkError)
                        reject(this.sinkError);
                    else
                        resolve();
                };
                sink.on('drain', done);
                sink.on('close', done);
            });
            at = this.scan(chunk, at);
        }
    }
    /** Reads chunk from `at`; returns where it paused for a sink's drain, or -1 when consumed. */
    scan(chunk, at) {
        const end = chunk.length;
        while (at < end) {
            switch (this.state) {
                case State.Done:
                    return -1;
                case State.Padding: {
                    const n = Math.min(this.padding, end - at);
                    this.padding -= n;
                    at += n;
                    if (this.padding === 0)
                        this.state = State.Header;
                    break;
                }
                case State.Header: {
                    if (this.blockFill === 0 && end - at >= BLOCK) {
                        this.header(chunk.subarray(at, at + BLOCK));
                        at += BLOCK;
                    }
                    else {
                        const n = Math.min(BLOCK - this.blockFill, end - at);
                        chunk.copy(this.block, this.blockFill, at, at + n);
                        this.blockFill += n;
                        at += n;
                        if (this.blockFill === BLOCK) {
                            this.blockFill = 0;
                            this.header(this.block);
                        }
                    }
                    break;
                }
                case State.Body: {
                    const n = Math.min(this.remaining, end - at);
                    this.remaining -= n;
                    const sink = this.sink;
                    let wait = false;
                    if (sink) {
                        const part = chunk.subarray(at, at + n);
                        wait = !sink.write(this.copyChunks ? Buffer.from(part) : part);
                    }
                    at += n;
                    if (this.remaining === 0)
                        this.endMember();
                    if (wait && this.sink === sink && sink)
                        return at;
                    break;
                }
                case State.SparseExt: {
                    const n = Math.min(BLOCK - this.blockFill, end - at);
                    chunk.copy(this.block, this.blockFill, at, at + n);
                    this.blockFill += n;
                    at += n;
                    if (this.blockFill === BLOCK) {
                        this.blockFill = 0;
                        // Byte 504 of an extension block says whether another follows (Go's readOldGNUSparseMap).
                        if (this.block[504] === 0)
                            this.startContent(State.Body, this.sparseSize);
                    }
                    break;
                }
                case State.Special: {
                    const s = this.special;
                    const n = Math.min(this.remaining, end - at);
                    chunk.copy(s.buf, s.fill, at, at + n);
                    s.fill += n;
                    this.remaining -= n;
                    at += n;
                    if (this.remaining === 0)
                        this.endSpecial(s);
                    break;
                }
            }
        }
        return -1;
    }
    header(b) {
        if (isZero(b)) {
            // One zero block then the end of the stream is an end too (Go: "exactly 1 block read").
            if (++this.zeroBlocks === 2)
                this.state = State.Done;
            return;
        }
        if (this.zeroBlocks > 0)
            throw new TarFormatError('a zero block is followed by a tar header', REPUSH);
        if (!checksumOk(b))
            throw new TarFormatError('a tar header has a wrong checksum', REPUSH);
        const typeflag = b[156] === 0 ? '\0' : String.fromCharCode(b[156]);
        let size = parseNumeric(b, 124, 12);
        if (size < 0)
            throw new TarFormatError('a tar header has an invalid size', REPUSH);
        if (typeflag === 'x' || typeflag === 'g' || typeflag === 'L' || typeflag === 'K') {
            if (size > MAX_SPECIAL_SIZE) {
                const what = typeflag === 'x' || typeflag === 'g' ? 'pax header' : 'GNU long name';
                throw new TarFormatError(`a ${what} of ${size} bytes, over the 1 MiB that Go's archive/tar reads`, "hosts refuse this layer too (podman, skopeo and bootc read layers with Go's archive/tar); rebuild the layer without the oversized record");
            }
            this.special = { type: typeflag, buf: Buffer.allocUnsafe(size), fill: 0 };
            this.member = undefined;
            this.startContent(State.Special, size);
            return;
        }
        const magic = b.toString('latin1', 257, 263);
        const version = b.toString('latin1', 263, 265);
        let name = tar_scanner_cString(b, 0, 100);
        if (magic === 'ustar\0') {
            const star = b.toString('latin1', 508, 512) === 'tar\0';
            const prefix = tar_scanner_cString(b, 345, star ? 131 : 155);
            if (prefix)
                name = `${prefix}/${name}`;
        }
        else if (!(magic === 'ustar ' && version === ' \0')) {
            // V7: the name field alone.
        }
        let linkname = tar_scanner_cString(b, 157, 100);
        const pax = this.pax;
        if (pax) {
            const path = pax.get('path');
            if (path !== undefined)
                name = path;
            const link = pax.get('linkpath');
            if (link !== undefined)
                linkname = link;
            const paxSize = pax.get('size');
            if (paxSize !== undefined) {
                if (!/^[0-9]+$/.test(paxSize) || !Number.isSafeInteger(Number(paxSize)))
                    throw new TarFormatError(`a pax header has an invalid size ${JSON.stringify(paxSize)}`, REPUSH);
                size = Number(paxSize);
            }
        }
        if (this.longName !== undefined)
            name = this.longName;
        if (this.longLink !== undefined)
            linkname = this.longLink;
        this.pax = undefined;
        this.longName = undefined;
        this.longLink = undefined;
        const type = memberType(typeflag, name);
        if (headerOnly(typeflag))
            size = 0;
        this.member = name;
        const sink = this.visit({ name, linkname, type, size });
        if (sink)
            this.openSink(sink);
        // An old-GNU sparse member whose map does not fit its header (byte 482 set) continues it in
        // 512-byte extension blocks before the content: skipped, as the map is not used here.
        if (typeflag === 'S' && magic === 'ustar ' && version === ' \0' && b[482] !== 0) {
            this.sparseSize = size;
            this.state = State.SparseExt;
            return;
        }
        this.startContent(State.Body, size);
    }
    startContent(state, size) {
        this.padding = (BLOCK - (size % BLOCK)) % BLOCK;
        this.remaining = size;
        this.state = state;
        if (size === 0) {
            if (state === State.Body)
                this.endMember();
            else
                this.endSpecial(this.special);
        }
    }
    openSink(sink) {
        this.sink = sink;
        this.finishing.push(new Promise((resolve) => {
            const onError = (e) => {
                this.sinkError ??= e;
                resolve();
            };
            sink.once('error', onError);
            sink.once('finish', () => {
                sink.off('error', onError);
                // A later error (on close) must not become an uncaught one.
                sink.on('error', () => undefined);
                resolve();
            });
        }));
    }
    endMember() {
        if (this.sinkError)
            throw this.sinkError;
        this.sink?.end();
        this.sink = undefined;
        this.member = undefined;
        this.state = this.padding > 0 ? State.Padding : State.Header;
    }
    endSpecial(s) {
        this.special = undefined;
        if (s.type === 'x')
            this.pax = tar_scanner_parsePax(s.buf);
        else if (s.type === 'g')
            tar_scanner_parsePax(s.buf); // checked as Go does; applies to nothing here
        else if (s.type === 'L')
            this.longName = tar_scanner_cString(s.buf, 0, s.buf.length, 'utf8');
        else
            this.longLink = tar_scanner_cString(s.buf, 0, s.buf.length, 'utf8');
        this.state = this.padding > 0 ? State.Padding : State.Header;
    }
}
function isZero(b) {
    // Reads as 64 doubles' worth of bytes would be faster, but headers are a sliver of the work.
    for (let i = 0; i < BLOCK; i++)
        if (b[i] !== 0)
            return false;
    return true;
}
function checksumOk(b) {
    const field = b.toString('latin1', 148, 156).replace(/^[ \0]+|[ \0]+$/g, '');
    if (!/^[0-7]*$/.test(field))
        return false;
    const want = field === '' ? 0 : parseInt(field, 8);
    let unsigned = 0;
    let signed = 0;
    for (let i = 0; i < BLOCK; i++) {
        const c = i >= 148 && i < 156 ? 0x20 : b[i];
        unsigned += c;
        signed += c > 127 ? c - 256 : c;
    }
    return want === unsigned || want === signed;
}
/** Octal, or base-256 when the high bit of the first byte is set (GNU, for sizes over 8 GiB). */
function parseNumeric(b, off, len) {
    const first = b[off];
    if (first & 0x80) {
        if (first & 0x40)
            return -1; // negative
        let x = first & 0x7f;
        for (let i = 1; i < len; i++) {
            x = x * 256 + b[off + i];
            if (x > Number.MAX_SAFE_INTEGER)
                return -1;
        }
        return x;
    }
    const s = b.toString('latin1', off, off + len).replace(/^[ \0]+|[ \0]+$/g, '');
    if (s === '')
        return 0;
    if (!/^[0-7]+$/.test(s))
        return -1;
    return parseInt(s, 8);
}
function tar_scanner_cString(b, off, len, encoding = 'utf8') {
    const nul = b.indexOf(0, off);
    const stop = nul >= 0 && nul < off + len ? nul : off + len;
    return b.toString(encoding, off, stop);
}
/** `"%d %s=%s\n"` records, as archive/tar's parsePAXRecord reads them. */
function tar_scanner_parsePax(buf) {
    const out = new Map();
    let at = 0;
    while (at < buf.length) {
        const space = buf.indexOf(0x20, at);
        const lenText = space > at ? buf.toString('latin1', at, space) : '';
        const len = /^[0-9]+$/.test(lenText) ? Number(lenText) : NaN;
        if (!(len >= 5) || at + len > buf.length || buf[at + len - 1] !== 0x0a)
            throw new TarFormatError('a pax header has a malformed record', REPUSH);
        const rec = buf.subarray(space + 1, at + len - 1);
        const eq = rec.indexOf(0x3d);
        if (eq <= 0)
            throw new TarFormatError('a pax header has a record without a key', REPUSH);
        out.set(rec.toString('utf8', 0, eq), rec.toString('utf8', eq + 1));
        at += len;
    }
    return out;
}
function headerOnly(typeflag) {
    return typeflag >= '1' && typeflag <= '6';
}
function memberType(typeflag, name) {
    switch (typeflag) {
        case '\0':
            return name.endsWith('/') ? 'dir' : 'file';
        case '0':
        case '7':
            return 'file';
        case '1':
            return 'hardlink';
        case '2':
            return 'symlink';
        case '5':
            return 'dir';
        default:
            return 'other';
    }
}

;// CONCATENATED MODULE: ./packages/core/src/layers/layer-tar.ts






const GZIP = [0x1f, 0x8b];
const ZSTD = [0x28, 0xb5, 0x2f, 0xfd];
const startsWith = (b, magic) => magic.every((m, i) => b[i] === m);
/**
 * Streams one layer blob through digest check, decompression (gzip, zstd or none, told by the
 * bytes rather than the media type, which tools get wrong) and a tar parser. Throws a LAYER
 * error naming the layer (and member) when the tar is cut short or malformed, and
 * DIGEST_MISMATCH when the stored bytes are not the descriptor's: callers must drop what the
 * visitor kept from a layer that throws.
 */
async function walkLayerTar(source, layer, where, visit, signal) {
    // A response's errors reach the walk through its iterator; this keeps one that fails while
    // nobody iterates it (abandoned, below) from becoming an uncaught 'error' event.
    source.on?.('error', () => undefined);
    // Abandoned (the walk stopped above this layer): stop reading; the caller ignores the result.
    const onAbort = () => source.destroy?.();
    if (signal?.aborted) {
        onAbort();
        throw new Error('layer no longer needed');
    }
    signal?.addEventListener('abort', onAbort, { once: true });
    const chunks = source[Symbol.asyncIterator]();
    try {
        await walk(chunks, source.reusesBuffers === true, source.sharedRing, layer, where, visit, signal);
    }
    finally {
        signal?.removeEventListener('abort', onAbort);
        // Closes the file (or the response) when the walk stops early.
        await chunks.return?.().catch(() => undefined);
        source.release?.();
    }
}
// Output chunks the size of the read ring's: what is in flight when a scavenge runs survives it
// until a full collection, so the chunk size sets how much memory waits for one.
const OUTPUT_CHUNK = 256 * 1024;
async function walk(it, reusesBuffers, sharedRing, layer, where, visit, signal) {
    const hash = sharedRing !== undefined ? sharedMemoryDigest() : localDigest();
    try {
        await walkHashed(it, reusesBuffers, sharedRing ?? Number.POSITIVE_INFINITY, hash, layer, where, visit, signal);
    }
    finally {
        // The ring is given back after this: nothing may still be reading it.
        await hash.idle();
        hash.drop();
    }
}
async function walkHashed(it, reusesBuffers, ring, hash, layer, where, visit, signal) {
    let size = 0;
    // Chunks a worker thread has yet to digest: the source's ring must not come round to one.
    const hashing = [];
    const next = async () => {
        if (signal?.aborted)
            throw new Error('layer no longer needed');
        while (hashing.length >= ring - 1)
            await hashing.shift();
        const r = await it.next();
        if (!r.done) {
            const read = hash.update(r.value);
            if (read) {
                // Awaited when the ring comes round; a failure until then is the digest's to report.
                read.catch(() => undefined);
                hashing.push(read);
            }
            size += r.value.length;
            if (!reusesBuffers)
                releaseBuffers(r.value.length);
        }
        return r;
    };
    const digestMismatch = async () => {
        const digest = `sha256:${await hash.hex()}`;
        if (digest === layer.digest && (layer.size === undefined || size === layer.size))
            return undefined;
        return new errors_BydigestError('DIGEST_MISMATCH', `${where}: layer ${layer.digest}: content is ${digest} (${size} bytes), not what the manifest says (${layer.size} bytes)`, {
            operation: 'read layer',
            reference: layer.digest,
            hint: 'the stored blob is corrupt or was replaced; re-push the image',
        });
    };
    // The first bytes tell the compression; they are copied (the source may reuse its buffer).
    const head = [];
    let headLen = 0;
    let ended = false;
    while (headLen < 4 && !ended) {
        const r = await next();
        if (r.done)
            ended = true;
        else {
            head.push(Buffer.from(r.value));
            headLen += r.value.length;
        }
    }
    const first = Buffer.concat(head);
    const compression = startsWith(first, GZIP) ? 'gzip' : startsWith(first, ZSTD) ? 'zstd' : undefined;
    // The parser reads each decompressed chunk as it comes; a sink that asks to wait holds the
    // decompressor (and so the feed) back.
    const inflater = compression
        ? openInflater(compression, OUTPUT_CHUNK, (out) => (tar.done ? undefined : tar.push(out)))
        : undefined;
    const tar = new TarScanner((h) => {
        const entry = { path: normalizeImagePath(h.name), type: h.type, size: h.size };
        if (entry.type === 'symlink')
            entry.linkname = h.linkname;
        if (entry.type === 'hardlink')
            entry.linkname = normalizeImagePath(h.linkname);
        const sink = visit(entry);
        return entry.type === 'file' ? sink : undefined;
    }, inflater ? inflater.reusesOutput : reusesBuffers);
    // Each chunk is handed on and consumed before the next is read, so the source can reuse its
    // buffers: a layer costs two read buffers and the decompressor's output, not a queue.
    const write = inflater
        ? (b) => inflater.write(b)
        : async (b) => {
            if (!tar.done)
                await tar.push(b);
        };
    let e;
    try {
        // One read ahead while the decompressor works on the current chunk (the source's ring
        // holds at least two buffers, so the one being read is never the one being consumed).
        let ahead = ended ? undefined : next();
        // Rejects when the walk is abandoned while the first chunk is written: awaited below, or dropped.
        ahead?.catch(() => undefined);
        if (first.length)
            await write(first);
        while (ahead) {
            const r = await ahead;
            if (r.done)
                break;
            ahead = next();
            ahead.catch(() => undefined);
            await write(Buffer.from(r.value.buffer, r.value.byteOffset, r.value.byteLength));
        }
        await inflater?.end();
        await tar.end();
    }
    catch (err) {
        e = err;
    }
    finally {
        inflater?.close();
    }
    if (e !== undefined) {
        tar.abort();
        if (e instanceof errors_BydigestError)
            throw e;
        if (signal?.aborted)
            throw e;
        // A parse error in a layer that is not the one the manifest names is a digest mismatch:
        // read the rest (bounded by the descriptor's size) to tell which.
        if (layer.size === undefined || size <= layer.size) {
            try {
                for (let r = await next(); !r.done && size <= (layer.size ?? 0); r = await next())
                    ;
            }
            catch {
                // the source itself failed; report the parse error
            }
        }
        const mismatch = await digestMismatch().catch(() => undefined);
        if (mismatch)
            throw mismatch;
        const at = tar.member !== undefined ? `member ${JSON.stringify(tar.member)}` : 'between members';
        throw new errors_BydigestError('LAYER', `${where}: layer ${layer.digest}: ${e.message} (${at})`, {
            operation: 'read layer',
            reference: layer.digest,
            hint: e instanceof TarFormatError ? e.hint : 'the layer is truncated or not a tar stream; re-push the image',
            cause: e,
        });
    }
    const mismatch = await digestMismatch();
    if (mismatch)
        throw mismatch;
}

;// CONCATENATED MODULE: ./packages/core/src/layers/merged-view.ts

/**
 * cyrb53 cut to 52 bits: the view keeps a number, not the string, per path seen, and the kind
 * goes in the 53rd bit (`hash * 2 + 1` for a non-directory), so a path costs 8 bytes.
 */
function pathHash(s) {
    let h1 = 0xdeadbeef;
    let h2 = 0x41c6ce57;
    for (let i = 0; i < s.length; i++) {
        const c = s.charCodeAt(i);
        h1 = Math.imul(h1 ^ c, 2654435761);
        h2 = Math.imul(h2 ^ c, 1597334677);
    }
    h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
    h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
    return 4294967296 * (1048575 & h2) + (h1 >>> 0);
}
const DIR = 0;
const NON_DIR = 1;
/** A growable list of keys in a Float64Array: 8 bytes an entry, off the JS heap. */
class KeyList {
    keys = new Float64Array(1024);
    length = 0;
    push(key) {
        if (this.length === this.keys.length) {
            const keys = new Float64Array(this.keys.length * 2);
            keys.set(this.keys);
            this.keys = keys;
        }
        this.keys[this.length++] = key;
    }
    /** The keys sorted, each hash once (within a layer, which duplicate wins does not matter here). */
    sorted() {
        const keys = this.keys.subarray(0, this.length).sort();
        let n = 0;
        for (let i = 0; i < keys.length; i++) {
            const k = keys[i];
            if (n === 0 || Math.floor(k / 2) !== Math.floor(keys[n - 1] / 2))
                keys[n++] = k;
        }
        return keys.subarray(0, n);
    }
}
/** What one layer says about the merged view, gathered while it streams, applied in layer order. */
class LayerRecord {
    entries = new KeyList();
    /** In tar order: a later duplicate wins within the layer. */
    links = [];
    whiteouts = [];
    opaque = [];
    /** Records an entry; returns false for whiteout markers (not files). */
    add(path, kind, linkTarget) {
        const name = baseOf(path);
        if (name.startsWith('.wh.')) {
            const dir = parentOf(path);
            if (name === '.wh..wh..opq')
                this.opaque.push(dir);
            else
                this.whiteouts.push(`${dir ? `${dir}/` : ''}${name.slice(4)}`);
            return false;
        }
        this.entries.push(pathHash(path) * 2 + (kind === 'dir' ? DIR : NON_DIR));
        if (kind === 'symlink' && linkTarget !== undefined)
            this.links.push([path, linkTarget]);
        return true;
    }
}
/**
 * Every path of the applied layers as one sorted Float64Array of keys, the upper layer's kind
 * for each: a million paths take 8 MB outside the JS heap (a Map of them took ~90 MB of heap
 * and doubled while it grew). Lookups are a binary search; they are few (candidates, symlinks
 * and their parents), the paths are many.
 */
class PathKinds {
    keys = new Float64Array(0);
    get(path) {
        const h = pathHash(path);
        const keys = this.keys;
        let lo = 0;
        let hi = keys.length;
        while (lo < hi) {
            const mid = (lo + hi) >>> 1;
            if (keys[mid] < h * 2)
                lo = mid + 1;
            else
                hi = mid;
        }
        const k = keys[lo];
        return k !== undefined && Math.floor(k / 2) === h ? k % 2 : undefined;
    }
    /** Merges a lower layer's sorted keys in; a path the view has keeps the kind it has. */
    addBelow(lower) {
        const upper = this.keys;
        const out = new Float64Array(upper.length + lower.length);
        let i = 0;
        let j = 0;
        let n = 0;
        while (i < upper.length && j < lower.length) {
            const a = upper[i];
            const b = lower[j];
            const ha = Math.floor(a / 2);
            const hb = Math.floor(b / 2);
            if (ha <= hb) {
                out[n++] = a;
                i++;
                if (ha === hb)
                    j++;
            }
            else {
                out[n++] = b;
                j++;
            }
        }
        while (i < upper.length)
            out[n++] = upper[i++];
        while (j < lower.length)
            out[n++] = lower[j++];
        this.keys = n === out.length ? out : out.slice(0, n);
    }
}
/**
 * What the layers applied so far (top-down) decide about the merged filesystem, as overlayfs
 * merges it: an upper entry hides the same path below; `.wh.NAME` hides NAME below;
 * `.wh..wh..opq` hides everything below in its directory; an upper non-directory hides
 * everything below under its path. Per path only a hash and a kind are kept, so memory stays
 * flat for images of hundreds of thousands of files; symlinks are kept whole, to resolve paths.
 */
class MergedView {
    kinds = new PathKinds();
    whiteouts = new Set();
    opaque = new Set();
    links = new Map();
    /** Whether an entry at `path` in the next layer down is hidden by the layers applied. */
    hidden(path, isDir) {
        if (this.whiteouts.has(path))
            return true;
        const own = this.kinds.get(path);
        if (own !== undefined && (!isDir || own === NON_DIR))
            return true;
        for (let p = parentOf(path);; p = parentOf(p)) {
            if (this.opaque.has(p) || (p !== '' && (this.whiteouts.has(p) || this.kinds.get(p) === NON_DIR)))
                return true;
            if (p === '')
                return false;
        }
    }
    /**
     * Applies the next layer down: its visible symlinks join the view, then its entries hide
     * what lies below. Entries of one layer never hide each other.
     */
    apply(rec) {
        const layerLinks = new Map();
        for (const [p, t] of rec.links)
            layerLinks.set(p, t);
        for (const [p, t] of layerLinks)
            if (!this.hidden(p, false))
                this.links.set(p, t);
        this.kinds.addBelow(rec.entries.sorted());
        for (const w of rec.whiteouts)
            this.whiteouts.add(w);
        for (const o of rec.opaque)
            this.opaque.add(o);
    }
    /** The visible symlink at `path` in the applied layers, if any. */
    readlink(path) {
        return this.links.get(path);
    }
}

;// CONCATENATED MODULE: ./packages/core/src/layers/find-in-image.ts







/**
 * Decompression runs on libuv's pool while the tar parsing, hashing and garbage collection run on
 * the main thread; each stream waits for the main thread between chunks, so one stream more than
 * there are cores keeps every core inflating (on two cores: 3 streams, ~1.7× one; a fourth bought
 * nothing, docs/benchmarks.md). Memory per stream is two 256 KiB reads and 1 MiB of output.
 */
const LAYERS_AT_ONCE = Math.min(4, (0,external_node_os_.availableParallelism)() + 1);
/**
 * Finds files in an image's merged view without unpacking it: layers are streamed top-down (a
 * few at once), the few members whose names could be a wanted file are copied to a private
 * directory, and the walk stops as soon as `enough` says so. A file reached through a hard link (ostree
 * chunked layers) is fetched with a second pass over its layer.
 */
async function findInImage(image, req) {
    const spool = await privateDir('layers');
    try {
        return await find_in_image_walk(image, req, spool);
    }
    catch (e) {
        await spool.remove();
        throw e;
    }
}
async function find_in_image_walk(image, req, spool) {
    const wantedNames = new Set(req.paths.map((p) => baseOf(normalizeImagePath(p))));
    const wantedDirNames = new Set((req.dirs ?? []).map((p) => baseOf(normalizeImagePath(p))));
    const view = new MergedView();
    const candidates = new Map();
    let n = 0;
    const nextFile = () => (0,external_node_path_.join)(spool.path, String(n++));
    const found = new Map();
    let layersRead = 0;
    const enough = req.enough ?? ((f) => req.paths.every((p) => f.has(p)));
    const resolveAll = () => {
        for (const requested of req.paths) {
            if (found.has(requested))
                continue;
            const at = resolveInRoot(requested, (p) => view.readlink(p));
            const c = candidates.get(at);
            if (c?.file)
                found.set(requested, { requested, path: `/${at}`, layer: c.layer.digest, file: c.file, size: c.size });
        }
    };
    // Layers stream concurrently, top-down; each one's record is applied in order, so the walk can
    // stop at the first layer that completes the picture and abandon the ones still streaming.
    const order = image.layers.map((_, i) => image.layers.length - 1 - i);
    const abort = new AbortController();
    const scans = [];
    const start = (k) => {
        const i = order[k];
        const scan = scanLayer(image, i, wantedNames, wantedDirNames, nextFile, abort.signal);
        scan.catch(() => undefined);
        scans[k] = scan;
    };
    const window = Math.max(1, Math.min(8, req.concurrency ?? LAYERS_AT_ONCE));
    for (let k = 0; k < Math.min(window, order.length); k++)
        start(k);
    try {
        for (let k = 0; k < order.length; k++) {
            const { record, candidates: mine } = await scans[k];
            if (k + window < order.length)
                start(k + window);
            // A later duplicate of a path in the same tar wins, as when extracting it.
            const visible = new Map();
            for (const c of mine)
                if (!view.hidden(c.path, false))
                    visible.set(c.path, c);
            for (const [path, c] of visible)
                candidates.set(path, c);
            view.apply(record);
            layersRead++;
            resolveAll();
            if (enough(found))
                break;
        }
    }
    finally {
        abort.abort();
        await Promise.allSettled(scans);
    }
    const dirs = new Map();
    for (const d of req.dirs ?? []) {
        const at = resolveInRoot(d, (p) => view.readlink(p));
        const files = [...candidates.values()]
            .filter((c) => c.file && parentOf(c.path) === at)
            .sort((a, b) => a.path.localeCompare(b.path))
            .map((c) => ({ requested: d, path: `/${c.path}`, layer: c.layer.digest, file: c.file, size: c.size }));
        dirs.set(d, files);
    }
    return { files: found, dirs, layersRead, layersTotal: image.layers.length, close: () => spool.remove() };
}
/** One layer streamed: what it says about the merged view, and copies of the members that could be wanted. */
async function scanLayer(image, i, names, dirNames, nextFile, signal) {
    const layer = image.layers[i];
    const where = `${image.description} (layer ${i + 1} of ${image.layers.length})`;
    const record = new LayerRecord();
    const mine = [];
    await walkLayerTar(await image.openLayer(layer), layer, where, (entry) => {
        const kind = entry.type === 'dir' ? 'dir' : entry.type === 'symlink' ? 'symlink' : 'other';
        if (!record.add(entry.path, kind, entry.linkname))
            return undefined;
        if (entry.type !== 'file' && entry.type !== 'hardlink')
            return undefined;
        if (!names.has(baseOf(entry.path)) && !dirNames.has(baseOf(parentOf(entry.path))))
            return undefined;
        const c = { path: entry.path, layer, size: entry.size };
        mine.push(c);
        if (entry.type === 'hardlink') {
            c.linkTo = entry.linkname;
            return undefined;
        }
        c.file = nextFile();
        return (0,external_node_fs_.createWriteStream)(c.file, { mode: 0o600 });
    }, signal);
    const links = mine.filter((c) => c.linkTo !== undefined);
    if (links.length > 0)
        await fetchHardLinkTargets(image, layer, where, links, nextFile, signal);
    return { record, candidates: mine };
}
/** Second pass over one layer for the members hard links point at (tar links point backwards). */
async function fetchHardLinkTargets(image, layer, where, links, nextFile, signal) {
    const byTarget = new Map();
    for (const c of links)
        byTarget.set(c.linkTo, [...(byTarget.get(c.linkTo) ?? []), c]);
    await walkLayerTar(await image.openLayer(layer), layer, where, (entry) => {
        const waiting = entry.type === 'file' ? byTarget.get(entry.path) : undefined;
        if (!waiting)
            return undefined;
        const file = nextFile();
        for (const c of waiting) {
            c.file = file;
            c.size = entry.size;
        }
        return (0,external_node_fs_.createWriteStream)(file, { mode: 0o600 });
    }, signal);
}

;// CONCATENATED MODULE: ./packages/core/src/layers/find-in-rootfs.ts





/**
 * findInImage for a flat export (`dir:ROOTFS`): the same requests, the same root-confined
 * symlink resolution (an absolute link means the export's root, not the host's). Files are
 * returned in place, not copied.
 */
async function findInRootfs(root, req) {
    const st = await (0,promises_.lstat)(root).catch(() => undefined);
    if (!st?.isDirectory())
        throw new errors_BydigestError('INVALID_ARGUMENT', `dir:${root}: no such directory`, {
            hint: 'point source at the root of an unpacked image (podman export | tar -x)',
        });
    const link = (p) => {
        try {
            return (0,external_node_fs_.lstatSync)((0,external_node_path_.join)(root, p)).isSymbolicLink() ? (0,external_node_fs_.readlinkSync)((0,external_node_path_.join)(root, p)) : undefined;
        }
        catch {
            return undefined;
        }
    };
    const files = new Map();
    for (const requested of req.paths) {
        const at = resolveInRoot(requested, link);
        const s = await (0,promises_.lstat)((0,external_node_path_.join)(root, at)).catch(() => undefined);
        if (s?.isFile())
            files.set(requested, { requested, path: `/${at}`, file: (0,external_node_path_.join)(root, at), size: s.size });
    }
    const dirs = new Map();
    for (const d of req.dirs ?? []) {
        const at = resolveInRoot(d, link);
        const names = await (0,promises_.readdir)((0,external_node_path_.join)(root, at)).catch(() => []);
        const list = [];
        for (const n of names.sort()) {
            const s = await (0,promises_.lstat)((0,external_node_path_.join)(root, at, n)).catch(() => undefined);
            if (s?.isFile())
                list.push({ requested: d, path: `/${at}/${n}`, file: (0,external_node_path_.join)(root, at, n), size: s.size });
        }
        dirs.set(d, list);
    }
    return { files, dirs, layersRead: 0, layersTotal: 0, close: async () => { }, inPlace: false };
}

;// CONCATENATED MODULE: ./packages/core/src/trust/image-files.ts
/**
 * The trust files a host takes from the image it runs, read out of the image through the
 * streaming layer walk (whiteouts and symlinks honoured, nothing extracted): policy.json and
 * registries.d in a first pass (registries.d is only complete once every layer is read), then
 * the key files the policy names in a second pass that stops as soon as all are found.
 */






const POLICY_PATH = '/etc/containers/policy.json';
const REGISTRIES_D = '/etc/containers/registries.d';
/** ostree images of the older layout keep the default /etc under /usr/etc. */
const USR_ETC = '/usr/etc';
/** A trust file larger than this is not a trust file; refusing it keeps a hostile image from filling memory. */
const MAX_TRUST_FILE = 4 * 1024 * 1024;
async function openTrustSource(source, opts) {
    const spec = parseImageSource(source);
    if (spec.kind === 'dir')
        return { description: source, find: (req) => findInRootfs(spec.path, req), close: async () => { } };
    const platform = parsePlatform(opts.platform || 'linux/amd64');
    let image;
    if (spec.kind === 'docker') {
        if (!opts.client)
            throw new errors_BydigestError('INVALID_ARGUMENT', 'docker:// sources need a registry client');
        image = await openRegistryImage(opts.client, spec.ref, platform);
    }
    else {
        image = await openLayoutImage(spec, platform);
    }
    return {
        description: image.description,
        digest: image.digest,
        subjectDigest: image.subjectDigest,
        find: (req) => findInImage(image, req),
        close: () => image.close(),
    };
}
/**
 * Where images keep the keys their policy names (bootc's and Universal Blue's layout). Their
 * files come with the first pass, so the keys need a second walk over the layers only when the
 * policy names a key elsewhere. A few small files at most: more, or larger, are left to that walk.
 */
const KEY_DIRS = ['/etc/pki/containers', `${USR_ETC}/pki/containers`];
const MAX_KEY_DIR_FILES = 32;
const MAX_KEY_FILE = 64 * 1024;
/** The image path a host path lives at. */
function imagePathOf(hostPath, etc) {
    const abs = external_node_path_.posix.resolve('/', hostPath);
    return etc !== '/etc' && (abs === '/etc' || abs.startsWith('/etc/')) ? `${etc}${abs.slice(4)}` : abs;
}
async function readFound(f, hostPath, source) {
    if (f.size > MAX_TRUST_FILE) {
        throw new errors_BydigestError('POLICY', `${source}: ${hostPath} is ${f.size} bytes, not a trust file`, {
            hint: `a policy, registries.d file or key is far smaller than ${MAX_TRUST_FILE} bytes; check what the image installs there`,
        });
    }
    return { path: hostPath, resolved: f.path, ...(f.layer ? { layer: f.layer } : {}), bytes: await (0,promises_.readFile)(f.file) };
}
async function readHostConfig(src, also) {
    const usrPolicy = `${USR_ETC}/containers/policy.json`;
    const found = await src.find({
        paths: [POLICY_PATH, usrPolicy, ...(also?.request.paths ?? [])],
        dirs: [REGISTRIES_D, `${USR_ETC}/containers/registries.d`, ...KEY_DIRS, ...(also?.request.dirs ?? [])],
        enough: () => false,
    });
    try {
        await also?.read(found);
        const etc = found.files.has(POLICY_PATH) ? '/etc' : found.files.has(usrPolicy) ? USR_ETC : undefined;
        if (etc === undefined) {
            throw new errors_BydigestError('POLICY', `${src.description} has no ${POLICY_PATH}: a host running it has no containers policy, and containers/image then refuses every pull (bootc upgrade, podman pull)`, {
                hint: `is this a bootc OS image? If so, install the policy as a real bootc image does: COPY policy.json ${POLICY_PATH} (with registries.d and the public key)`,
            });
        }
        const policyFound = found.files.get(etc === '/etc' ? POLICY_PATH : usrPolicy);
        const policy = await readFound(policyFound, POLICY_PATH, src.description);
        const dirFiles = found.dirs.get(etc === '/etc' ? REGISTRIES_D : `${USR_ETC}/containers/registries.d`) ?? [];
        const registriesD = [];
        // loadAndMergeConfig reads only the *.yaml names.
        for (const f of dirFiles.filter((d) => d.path.endsWith('.yaml')))
            registriesD.push(await readFound(f, `${REGISTRIES_D}/${external_node_path_.posix.basename(f.path)}`, src.description));
        return { etc, policy, registriesD, keyDirFiles: await keyDirFiles(found, src.description) };
    }
    finally {
        await found.close();
    }
}
async function keyDirFiles(found, source) {
    const out = new Map();
    const files = KEY_DIRS.flatMap((dir) => (found.dirs.get(dir) ?? []).map((f) => ({ dir, f })));
    if (files.length > MAX_KEY_DIR_FILES)
        return out;
    for (const { dir, f } of files) {
        // Keyed by the name the directory holds; a file that resolved elsewhere (a symlink) is left to the key walk.
        const imagePath = `${dir}/${external_node_path_.posix.basename(f.path)}`;
        if (f.size <= MAX_KEY_FILE && f.path === imagePath)
            out.set(imagePath, await readFound(f, imagePath, source));
    }
    return out;
}
/**
 * The files at these host paths (absolute, or relative to `/` — the working directory of bootc's
 * update service): the map has an entry for each one found. Paths in `known` (image paths, from
 * readHostConfig) are not walked for again.
 */
async function readImageFiles(src, hostPaths, etc, known = new Map()) {
    const out = new Map();
    const wanted = [...new Set(hostPaths)];
    for (const p of wanted) {
        const k = known.get(imagePathOf(p, etc));
        if (k)
            out.set(p, { ...k, path: p });
    }
    const byImagePath = new Map(wanted.filter((p) => !out.has(p)).map((p) => [imagePathOf(p, etc), p]));
    if (byImagePath.size === 0)
        return out;
    const found = await src.find({ paths: [...byImagePath.keys()] });
    try {
        for (const [imagePath, f] of found.files)
            out.set(byImagePath.get(imagePath), await readFound(f, byImagePath.get(imagePath), src.description));
    }
    finally {
        await found.close();
    }
    return out;
}

;// CONCATENATED MODULE: ./packages/core/src/policy/trust-root.ts
/**
 * The public keys of a sigstoreSigned requirement (policy_eval_sigstore.go prepareTrustRoot).
 * containers/image reads the key files for each signature it checks, not when it loads the
 * policy: a missing keyPath only surfaces once a signature exists, as the reason that signature
 * is rejected. Errors are worded as Go prints them, so they read like skopeo's.
 */




function workingDirectoryReader(cwd = process.cwd()) {
    return (path) => (0,external_node_fs_.readFileSync)((0,external_node_path_.resolve)(cwd, path));
}
function loadTrustRoot(source, read) {
    const pems = [];
    if (source.kind === 'keyPath' || source.kind === 'keyPaths') {
        for (const path of source.paths) {
            try {
                pems.push(read(path));
            }
            catch (e) {
                const err = e;
                return {
                    ok: false,
                    reason: goReadFileError(path, err),
                    code: err.code === 'ENOENT' ? 'KEY_FILE_MISSING' : 'KEY_UNUSABLE',
                };
            }
        }
    }
    else {
        pems.push(...source.datas);
    }
    const keys = [];
    for (const [i, pem] of pems.entries()) {
        const parsed = unmarshalPemToPublicKey(pem);
        if (typeof parsed === 'string')
            return { ok: false, reason: `parsing public key ${i + 1}: ${parsed}`, code: 'KEY_UNUSABLE' };
        keys.push(parsed);
    }
    if (keys.length === 0)
        return {
            ok: false,
            reason: 'Internal inconsistency: "keyPath", "keyPaths", "keyData" and "keyDatas" produced no public keys',
            code: 'KEY_UNUSABLE',
        };
    return { ok: true, keys };
}
/** sigstore cryptoutils.UnmarshalPEMToPublicKey: the key, or Go's error text. */
function unmarshalPemToPublicKey(pem) {
    const decoded = decodeFirstPem(pem.toString('latin1'));
    if (!decoded.ok)
        return 'PEM decoding failed';
    const { label, der } = decoded.block;
    let type;
    if (label === 'PUBLIC KEY')
        type = 'spki';
    else if (label === 'RSA PUBLIC KEY' || label === 'PKCS1 PUBLIC KEY')
        type = 'pkcs1';
    else
        return `unknown Public key PEM file type: ${label}. Are you passing the correct public key?`;
    try {
        return (0,external_node_crypto_.createPublicKey)({ key: der, format: 'der', type });
    }
    catch (e) {
        return `x509: ${e.message}`;
    }
}
const ERRNO_TEXT = {
    ENOENT: 'no such file or directory',
    EACCES: 'permission denied',
    EPERM: 'operation not permitted',
    ENOTDIR: 'not a directory',
    ELOOP: 'too many levels of symbolic links',
    ENAMETOOLONG: 'file name too long',
};
/** os.ReadFile's *PathError text: "open /etc/pki/containers/x.pub: no such file or directory". */
function goReadFileError(path, e) {
    if (e.code === 'EISDIR')
        return `read ${path}: is a directory`;
    const text = e.code ? ERRNO_TEXT[e.code] : undefined;
    return `open ${path}: ${text ?? e.message}`;
}

;// CONCATENATED MODULE: ./packages/core/src/trust/key-check.ts
/**
 * Check 2: every key file the policy names exists in the image at the path a host opens, and
 * parses as the key (or CA) it is meant to be. containers/image reads these files only when it
 * checks a signature, so a missing or broken one does not stop the policy from loading: it makes
 * every signature in that scope fail, which is how #4197 stopped updates silently.
 */





/** A KeyFileReader over files taken from the image: relative paths resolve against `/`, as for bootc's service. */
function imageKeyReader(files) {
    return (path) => {
        const f = files.get(path);
        if (f)
            return f.bytes;
        const e = new Error(`open ${path}: no such file or directory`);
        e.code = 'ENOENT';
        throw e;
    };
}
function resolveKeys(refs, files) {
    const read = imageKeyReader(files);
    return refs.map((ref) => {
        const file = ref.path !== undefined ? files.get(ref.path) : undefined;
        const out = { ref, keys: [], fingerprints: [], ...(file ? { file } : {}) };
        if (ref.role === 'fulcio-ca') {
            const pem = file?.bytes ?? ref.data;
            if (!pem)
                return { ...out, problem: `open ${ref.path}: no such file or directory` };
            try {
                const cert = new external_node_crypto_.X509Certificate(pem);
                out.fingerprints.push(cert.fingerprint256.replaceAll(':', '').toLowerCase());
            }
            catch (e) {
                out.problem = `not a PEM certificate: ${e.message}`;
            }
            return out;
        }
        const root = loadTrustRoot(ref.path !== undefined
            ? { kind: 'keyPath', paths: [ref.path] }
            : { kind: 'keyData', datas: [ref.data ?? Buffer.alloc(0)] }, read);
        if (!root.ok)
            return { ...out, problem: root.reason.replace(/^parsing public key 1: /, '') };
        out.keys = root.keys;
        out.fingerprints = root.keys.map(publicKeyId);
        return out;
    });
}
const ROLE_NAME = {
    'public-key': 'public key',
    'fulcio-ca': 'Fulcio CA certificate',
    'rekor-key': 'Rekor public key',
};
/** `inScope`: the scope label hosts use for pull-ref; problems elsewhere only warn (other pulls break). */
function keyFilesCheck(resolved, policyFile, inScope) {
    const findings = [];
    for (const k of resolved) {
        const { ref } = k;
        const status = inScope(ref.scope) ? 'fail' : 'warn';
        const who = inScope(ref.scope) ? 'hosts pulling this image' : `pulls that use ${ref.scope}`;
        if (ref.path !== undefined && !external_node_path_.posix.isAbsolute(ref.path)) {
            findings.push({
                status,
                file: policyFile,
                field: ref.field,
                message: `${ref.field} is the relative path ${JSON.stringify(ref.path)}: containers/image opens it relative to the working directory of whatever process pulls (${k.file ? `it exists as ${external_node_path_.posix.resolve('/', ref.path)}, so bootc's service, running in /, finds it, but` : 'even from /'} podman or skopeo run from any other directory fail every signature)`,
                fix: `write the absolute path, e.g. ${JSON.stringify(external_node_path_.posix.resolve('/', ref.path))}`,
            });
        }
        if (k.problem === undefined)
            continue;
        const missing = ref.path !== undefined && !k.file;
        findings.push({
            status,
            file: ref.path !== undefined && k.file ? k.file.path : policyFile,
            field: ref.field,
            message: missing
                ? `${ref.field} names ${ref.path}, which is not in the image (${k.problem}): ${who} reject every signature, so updates stop`
                : `${ref.field}: the ${ROLE_NAME[ref.role]} ${ref.path ?? '(inline data)'} does not parse (${k.problem}): ${who} reject every signature`,
            fix: missing
                ? `install the ${ROLE_NAME[ref.role]} in the image at ${external_node_path_.posix.resolve('/', ref.path)} (e.g. COPY cosign.pub ${external_node_path_.posix.resolve('/', ref.path)}), or point ${ref.field} at where it is`
                : `replace it with the PEM ${ref.role === 'fulcio-ca' ? 'certificate' : '"PUBLIC KEY" (cosign.pub as cosign writes it)'}`,
        });
    }
    const files = resolved.filter((k) => k.ref.path !== undefined).length;
    return verdict('key-files', findings, resolved.length === 0
        ? 'the policy names no keys'
        : `${files} key file(s) and ${resolved.length - files} inline key(s) parse`);
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

;// CONCATENATED MODULE: ./packages/core/src/policy/json-decode.ts
/**
 * Strict reading of policy.json members the way containers/image does it
 * (signature/internal/json.go ParanoidUnmarshalJSONObject + encoding/json): unknown or duplicate
 * keys are errors, and type errors use Go's wording, so a file skopeo refuses is refused here with
 * the same words. The object rules are shared with the signature payload (util/paranoid-json);
 * the Go types only policy.json uses are decoded here.
 */


/** A policy file containers/image would refuse to load. */
class PolicyFormatError extends Error {
    name = 'PolicyFormatError';
}
const { paranoidObject, exactFields, goString: json_decode_goString, typeError } = paranoidJsonReader((message) => new PolicyFormatError(message));

function goStringList(node) {
    if (node.kind === 'null')
        return undefined;
    if (node.kind !== 'array')
        throw typeError(node, '[]string');
    return node.items.map(json_decode_goString);
}
/** Go's []byte: a standard-base64 string. */
function goBytes(node) {
    if (node.kind === 'null')
        return undefined;
    if (node.kind !== 'string')
        throw typeError(node, '[]uint8');
    const decoded = decodeStdBase64(node.value);
    if (!decoded.ok)
        throw new PolicyFormatError(decoded.reason);
    return decoded.bytes;
}
function goBytesList(node) {
    if (node.kind === 'null')
        return undefined;
    if (node.kind !== 'array')
        throw typeError(node, '[][]uint8');
    return node.items.map((n) => goBytes(n) ?? Buffer.alloc(0));
}
/** The `type` member read leniently first, as containers/image does to pick the parser. */
function typeField(node) {
    if (node.kind !== 'object')
        throw typeError(node, 'signature.prCommon');
    let type = '';
    for (const [key, value] of node.entries) {
        // encoding/json matches field names case-insensitively and keeps the last duplicate.
        if (key.toLowerCase() === 'type')
            type = value.kind === 'null' ? type : json_decode_goString(value);
    }
    return type;
}

;// CONCATENATED MODULE: ./packages/core/src/policy/parse-requirement.ts


/** PolicyRequirements.UnmarshalJSON: a non-empty array of requirements. */
function parseRequirements(node) {
    if (node.kind !== 'array' && node.kind !== 'null') {
        throw new PolicyFormatError(`json: cannot unmarshal ${node.kind} into Go value of type []json.RawMessage`);
    }
    const items = node.kind === 'array' ? node.items : [];
    if (items.length === 0)
        throw new PolicyFormatError('List of verification policy requirements must not be empty');
    return items.map(parseRequirement);
}
function parseRequirement(node) {
    const type = typeField(node);
    switch (type) {
        case 'insecureAcceptAnything':
        case 'reject':
            exactFields(node, { type: () => { } });
            return { type };
        case 'sigstoreSigned':
            return parseSigstoreSigned(node);
        case 'signedBy':
            paranoidObject(node, (key) => ['type', 'keyType', 'keyPath', 'keyPaths', 'keyData', 'signedIdentity'].includes(key) ? () => { } : undefined);
            return { type };
        case 'signedBaseLayer':
            exactFields(node, { type: () => { }, baseLayerIdentity: () => { } });
            return { type };
        default:
            throw new PolicyFormatError(`Unknown policy requirement type ${JSON.stringify(type)}`);
    }
}
const REKOR_SOURCES = 'rekorPublickeyPath, rekorPublicKeyPaths, rekorPublickeyData and rekorPublicKeyDatas';
/**
 * prSigstoreSigned.UnmarshalJSON then newPRSigstoreSigned: members are decoded in file order (a
 * broken fulcio/pki object fails where it stands), then the identity, then the option checks in
 * Go's order. Presence follows Go's values: "" and null are "not given" for strings and []byte.
 */
function parseSigstoreSigned(node) {
    let keyPath = '';
    let keyPaths;
    let keyData;
    let keyDatas;
    let gotKeyPaths = false;
    let gotKeyDatas = false;
    let fulcio;
    let pki = false;
    let rekorPath = '';
    let rekorPaths;
    let rekorData;
    let rekorDatas;
    let gotRekorPaths = false;
    let gotRekorDatas = false;
    let signedIdentityNode;
    paranoidObject(node, (key) => {
        switch (key) {
            case 'type':
                return () => { };
            case 'keyPath':
                return (v) => (keyPath = json_decode_goString(v));
            case 'keyPaths':
                return (v) => {
                    gotKeyPaths = true;
                    keyPaths = goStringList(v);
                };
            case 'keyData':
                return (v) => (keyData = goBytes(v));
            case 'keyDatas':
                return (v) => {
                    gotKeyDatas = true;
                    keyDatas = goBytesList(v);
                };
            case 'fulcio':
                return (v) => (fulcio = parseFulcio(v));
            case 'pki':
                return (v) => {
                    parsePki(v);
                    pki = true;
                };
            case 'rekorPublicKeyPath':
                return (v) => (rekorPath = json_decode_goString(v));
            case 'rekorPublicKeyPaths':
                return (v) => {
                    gotRekorPaths = true;
                    rekorPaths = goStringList(v);
                };
            case 'rekorPublicKeyData':
                return (v) => (rekorData = goBytes(v));
            case 'rekorPublicKeyDatas':
                return (v) => {
                    gotRekorDatas = true;
                    rekorDatas = goBytesList(v);
                };
            case 'signedIdentity':
                return (v) => (signedIdentityNode = v);
            default:
                return undefined;
        }
    });
    const signedIdentity = signedIdentityNode === undefined ? { type: 'matchRepoDigestOrExact' } : parseSignedIdentity(signedIdentityNode);
    if (gotKeyPaths && !keyPaths?.length)
        throw new PolicyFormatError('"keyPaths" contains no entries');
    if (gotKeyDatas && !keyDatas?.length)
        throw new PolicyFormatError('"keyDatas" contains no entries');
    // containers/image's own spelling ("Publickey") in these messages.
    if (gotRekorPaths && !rekorPaths?.length)
        throw new PolicyFormatError('"rekorPublickeyPaths" contains no entries');
    if (gotRekorDatas && !rekorDatas?.length)
        throw new PolicyFormatError('"rekorPublickeyDatas" contains no entries');
    const sources = [];
    if (keyPath !== '')
        sources.push({ kind: 'keyPath', paths: [keyPath] });
    if (keyPaths)
        sources.push({ kind: 'keyPaths', paths: keyPaths });
    if (keyData)
        sources.push({ kind: 'keyData', datas: [keyData] });
    if (keyDatas)
        sources.push({ kind: 'keyDatas', datas: keyDatas });
    if (sources.length + (fulcio !== undefined ? 1 : 0) + (pki ? 1 : 0) !== 1) {
        throw new PolicyFormatError('exactly one of keyPath, keyPaths, keyData, keyDatas, fulcio, and pki must be specified');
    }
    const rekor = [
        rekorPath !== '' && 'rekorPublicKeyPath',
        rekorPaths && 'rekorPublicKeyPaths',
        rekorData && 'rekorPublicKeyData',
        rekorDatas && 'rekorPublicKeyDatas',
    ].filter((k) => typeof k === 'string');
    if (rekor.length > 1)
        throw new PolicyFormatError(`at most one of ${REKOR_SOURCES} can be used simultaneously`);
    if (fulcio !== undefined && rekor.length === 0)
        throw new PolicyFormatError(`At least one of ${REKOR_SOURCES} must be specified if fulcio is used`);
    const result = { type: 'sigstoreSigned', signedIdentity };
    const [source] = sources;
    if (source)
        result.keys = source;
    const rekorKeys = rekorPath !== ''
        ? { kind: 'keyPath', paths: [rekorPath] }
        : rekorPaths
            ? { kind: 'keyPaths', paths: rekorPaths }
            : rekorData
                ? { kind: 'keyData', datas: [rekorData] }
                : rekorDatas
                    ? { kind: 'keyDatas', datas: rekorDatas }
                    : undefined;
    if (rekorKeys)
        result.rekorKeys = rekorKeys;
    // fulcio always comes with a Rekor key (checked above): evaluated like containers/image does.
    if (fulcio)
        result.fulcio = fulcio;
    else if (pki)
        result.unsupported = 'a PKI trust root';
    else if (rekor.length > 0)
        result.unsupported = `a Rekor public key (${rekor[0]}) with plain keys`;
    return result;
}
/** prSigstoreSignedFulcio.UnmarshalJSON + newPRSigstoreSignedFulcio. */
function parseFulcio(node) {
    let caPath = '';
    let caData;
    let oidcIssuer = '';
    let subjectEmail = '';
    paranoidObject(node, (key) => {
        switch (key) {
            case 'caPath':
                return (v) => (caPath = json_decode_goString(v));
            case 'caData':
                return (v) => (caData = goBytes(v));
            case 'oidcIssuer':
                return (v) => (oidcIssuer = json_decode_goString(v));
            case 'subjectEmail':
                return (v) => (subjectEmail = json_decode_goString(v));
            default:
                return undefined;
        }
    });
    if (caPath !== '' && caData)
        throw new PolicyFormatError('caPath and caData cannot be used simultaneously');
    if (caPath === '' && !caData)
        throw new PolicyFormatError('At least one of caPath and caData must be specified');
    if (oidcIssuer === '')
        throw new PolicyFormatError('oidcIssuer not specified');
    if (subjectEmail === '')
        throw new PolicyFormatError('subjectEmail not specified');
    return { ...(caPath !== '' ? { caPath } : {}), ...(caData ? { caData } : {}), oidcIssuer, subjectEmail };
}
/** prSigstoreSignedPKI.UnmarshalJSON + newPRSigstoreSignedPKI: validated, not evaluated. */
function parsePki(node) {
    const paths = {
        caRootsPath: '',
        caIntermediatesPath: '',
        subjectEmail: '',
        subjectHostname: '',
    };
    const datas = { caRootsData: undefined, caIntermediatesData: undefined };
    paranoidObject(node, (key) => {
        if (Object.hasOwn(paths, key))
            return (v) => (paths[key] = json_decode_goString(v));
        if (Object.hasOwn(datas, key))
            return (v) => (datas[key] = goBytes(v));
        return undefined;
    });
    if (paths.caRootsPath !== '' && datas.caRootsData)
        throw new PolicyFormatError('caRootsPath and caRootsData cannot be used simultaneously');
    if (paths.caRootsPath === '' && !datas.caRootsData)
        throw new PolicyFormatError('At least one of caRootsPath and caRootsData must be specified');
    if (paths.caIntermediatesPath !== '' && datas.caIntermediatesData)
        throw new PolicyFormatError('caIntermediatesPath and caIntermediatesData cannot be used simultaneously');
    if (paths.subjectEmail === '' && paths.subjectHostname === '')
        throw new PolicyFormatError('At least one of subjectEmail, subjectHostname must be specified');
}
function parseSignedIdentity(node) {
    const type = typeField(node);
    switch (type) {
        case 'matchExact':
        case 'matchRepoDigestOrExact':
        case 'matchRepository':
            exactFields(node, { type: () => { } });
            return { type };
        case 'exactReference': {
            let dockerReference = '';
            exactFields(node, { type: () => { }, dockerReference: (v) => (dockerReference = json_decode_goString(v)) });
            const ref = parseNormalizedNamed(dockerReference);
            if (!ref)
                throw new PolicyFormatError(`Invalid format of dockerReference ${JSON.stringify(dockerReference)}`);
            if (isNameOnly(ref))
                throw new PolicyFormatError(`dockerReference ${JSON.stringify(dockerReference)} contains neither a tag nor digest`);
            return { type, dockerReference };
        }
        case 'exactRepository': {
            let dockerRepository = '';
            exactFields(node, { type: () => { }, dockerRepository: (v) => (dockerRepository = json_decode_goString(v)) });
            if (!parseNormalizedNamed(dockerRepository))
                throw new PolicyFormatError(`Invalid format of dockerRepository ${JSON.stringify(dockerRepository)}`);
            return { type, dockerRepository };
        }
        case 'remapIdentity': {
            let prefix = '';
            let signedPrefix = '';
            exactFields(node, {
                type: () => { },
                prefix: (v) => (prefix = json_decode_goString(v)),
                signedPrefix: (v) => (signedPrefix = json_decode_goString(v)),
            });
            for (const p of [prefix, signedPrefix])
                if (!validRemapPrefix(p))
                    throw new PolicyFormatError(`prefix ${JSON.stringify(p)} is not valid`);
            return { type, prefix, signedPrefix };
        }
        default:
            throw new PolicyFormatError(`Unknown policy reference match type ${JSON.stringify(type)}`);
    }
}
// validateIdentityRemappingPrefix: a bare domain ("host[:port]") or a name starting with one.
const DOMAIN = '(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?(?:\\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*|\\[[0-9a-fA-F:.]+\\])(?::[0-9]+)?';
const PATH_COMPONENT = '[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*';
const REMAP_DOMAIN = new RegExp(`^${DOMAIN}$`);
const REMAP_NAME = new RegExp(`^${DOMAIN}/${PATH_COMPONENT}(?:/${PATH_COMPONENT})*$`);
function validRemapPrefix(s) {
    return REMAP_DOMAIN.test(s) || REMAP_NAME.test(s);
}

;// CONCATENATED MODULE: ./packages/core/src/policy/parse-policy.ts
/**
 * policy.json → Policy, refusing what containers/image refuses (NewPolicyFromBytes): a host that
 * cannot load its policy pulls nothing, so a file we accept must be one skopeo accepts too.
 */




/**
 * Parses policy.json. `source` (the file name) only shapes the message, which is
 * containers/image's: `invalid policy in "<file>": <reason>`.
 */
function parsePolicy(bytes, source = 'policy.json') {
    try {
        const text = typeof bytes === 'string' ? bytes : new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
        return policyFromTree(parseJsonTree(text));
    }
    catch (e) {
        throw new errors_BydigestError('POLICY', `invalid policy in ${JSON.stringify(source)}: ${e.message}`, {
            cause: e,
            hint: 'skopeo, podman and bootc refuse to pull anything with this file; see containers-policy.json(5).',
        });
    }
}
function policyFromTree(root) {
    let defaults;
    const transports = new Map();
    paranoidObject(root, (key) => {
        if (key === 'default')
            return (v) => (defaults = parseRequirements(v));
        if (key === 'transports')
            return (v) => parseTransports(v, transports);
        return undefined;
    });
    if (defaults === undefined)
        throw new PolicyFormatError('Default policy is missing');
    return { default: defaults, transports };
}
function parseTransports(node, into) {
    if (node.kind === 'null')
        return;
    paranoidObject(node, (transport) => (value) => {
        const scopes = new Map();
        if (value.kind !== 'null') {
            // containers/image validates scope names per transport; the docker transport accepts any
            // string, and for the others a bad scope can only fail to match, so none is refused here.
            paranoidObject(value, (scope) => (reqs) => scopes.set(scope, parseRequirements(reqs)));
        }
        into.set(transport, scopes);
    });
}

// EXTERNAL MODULE: ./node_modules/.pnpm/yaml@2.9.1/node_modules/yaml/dist/index.js
var dist = __webpack_require__(8009);
;// CONCATENATED MODULE: ./packages/core/src/policy/yaml-depth.ts
/**
 * How deep a YAML file's flow collections ([ and {) nest, found before the YAML library sees the
 * text: the library recurses per level, throws RangeError from about 900 levels and aborts the
 * whole process (a fatal out-of-memory, nothing to catch) around 10,000. containers/image's YAML
 * reader (yaml.v3) refuses more than 10,000 levels itself ("exceeded max depth of 10000").
 */
/** yaml.v3's max_flow_level (and max_indents). */
const GO_YAML_MAX_DEPTH = 10_000;
/**
 * The deepest flow nesting, and the 1-based line where it first went past `limit`. Brackets inside quoted
 * scalars and comments are skipped; one inside a plain scalar (`a: b[c`) is counted, so the figure
 * is an upper bound — exact for the nesting that matters here, which is hundreds of levels deep.
 */
function flowDepth(text, limit) {
    let depth = 0;
    let max = 0;
    let overLine = 0;
    let line = 1;
    let quote;
    for (let i = 0; i < text.length; i++) {
        const c = text[i];
        if (c === '\n')
            line++;
        if (quote) {
            if (quote === '"' && c === '\\')
                i++;
            else if (c === quote)
                quote = undefined;
            continue;
        }
        if (c === '"' || c === "'") {
            // A quote opens a quoted scalar only where a scalar starts; an apostrophe inside a plain scalar is text.
            const before = i === 0 ? '\n' : text[i - 1];
            if (before === undefined || /[\s[{,:]/.test(before))
                quote = c;
        }
        else if (c === '#' && (i === 0 || /\s/.test(text[i - 1] ?? ''))) {
            const end = text.indexOf('\n', i);
            i = end < 0 ? text.length : end - 1;
        }
        else if (c === '[' || c === '{') {
            depth++;
            if (depth > max) {
                max = depth;
                if (depth === limit + 1)
                    overLine = line;
            }
        }
        else if ((c === ']' || c === '}') && depth > 0) {
            depth--;
        }
    }
    return { depth: max, line: overLine };
}
/**
 * How deep a YAML file's block collections nest, by indentation: each line indented past the
 * lines it sits under opens a level. The library recurses per level here too, and whether ~900
 * levels overflow the stack depends on how warm the engine is, so the same file was refused on
 * one read and taken on the next; counted first, the answer is the same every time. Lines of a
 * block scalar count as well: an upper bound, exact for the nesting that matters.
 */
function blockDepth(text, limit) {
    const indents = [];
    let max = 0;
    let overLine = 0;
    let line = 0;
    for (let start = 0; start <= text.length; line++) {
        let end = text.indexOf('\n', start);
        if (end < 0)
            end = text.length;
        let indent = start;
        while (indent < end && text[indent] === ' ')
            indent++;
        const first = text[indent];
        if (indent < end && first !== '#' && first !== '\r') {
            const width = indent - start;
            while (indents.length > 0 && indents[indents.length - 1] > width)
                indents.pop();
            if (indents.length === 0 || indents[indents.length - 1] < width)
                indents.push(width);
            if (indents.length > max) {
                max = indents.length;
                if (max === limit + 1)
                    overLine = line + 1;
            }
        }
        start = end + 1;
    }
    return { depth: max, line: overLine };
}

;// CONCATENATED MODULE: ./packages/core/src/policy/registries-d.ts
/**
 * registries.d (containers-registries.d(5)) as containers/image reads it (docker/registries_d.go):
 * every *.yaml file is merged, a namespace defined in two files is an error, and for a pull the
 * most specific namespace that *sets* use-sigstore-attachments decides, then default-docker;
 * nothing set means false — and then the `.sig` signatures are never even fetched.
 */




/** The empty configuration: what a host without registries.d (or without a matching entry) has. */
function emptyRegistriesConfig() {
    return { docker: new Map() };
}
/** Merges the files as loadAndMergeConfig does; `files` should be the directory's *.yaml files. */
function mergeRegistriesFiles(files) {
    const merged = emptyRegistriesConfig();
    for (const file of files) {
        const config = parseRegistriesFile(file.text, file.path);
        if (config.defaultDocker) {
            if (merged.defaultDocker) {
                throw storageError(`"default-docker" defined both in ${JSON.stringify(merged.defaultDocker.source)} and ${JSON.stringify(file.path)}`);
            }
            merged.defaultDocker = config.defaultDocker;
        }
        for (const [name, ns] of config.docker) {
            const earlier = merged.docker.get(name);
            if (earlier)
                throw storageError(`"docker" namespace ${JSON.stringify(name)} defined both in ${JSON.stringify(earlier.source)} and ${JSON.stringify(file.path)}`);
            merged.docker.set(name, ns);
        }
    }
    return merged;
}
function storageError(detail) {
    return new errors_BydigestError('POLICY', `Error parsing signature storage configuration: ${detail}`, {
        hint: 'each registries.d namespace may be configured in one file only',
    });
}
/**
 * One file. containers/image converts the YAML (1.1: yes/no/on/off are booleans) to JSON and
 * decodes it loosely: unknown keys are ignored and names match case-insensitively.
 */
function parseRegistriesFile(text, path) {
    refuseDeepNesting(text, path);
    let doc;
    try {
        doc = (0,dist/* parse */.qg)(text, { version: '1.1' });
    }
    catch (e) {
        if (e instanceof RangeError || /call stack/.test(e.message)) {
            // Deep block nesting: the library recursed until the stack ran out; its words name the engine, not the file.
            const at = /at line (\d+)/.exec(e.message)?.[1];
            throw fileError(path, `mappings or lists nested too deep to read${at ? ` (at line ${at})` : ''}: a registries.d file needs 3 levels; flatten it`);
        }
        throw fileError(path, e.message.split('\n')[0] ?? String(e));
    }
    const out = emptyRegistriesConfig();
    if (doc === null || doc === undefined)
        return out;
    if (!isRecord(doc))
        throw fileError(path, `the top level is a ${describe(doc)}, not a mapping`);
    const defaultDocker = field(doc, 'default-docker');
    if (defaultDocker !== undefined && defaultDocker !== null)
        out.defaultDocker = parseNamespace(defaultDocker, path, 'default-docker');
    const docker = field(doc, 'docker');
    if (docker !== undefined && docker !== null) {
        if (!isRecord(docker))
            throw fileError(path, `"docker" is a ${describe(docker)}, not a mapping of namespaces`);
        for (const [name, value] of Object.entries(docker))
            out.docker.set(name, parseNamespace(value, path, `docker.${name}`));
    }
    return out;
}
function parseNamespace(value, path, where) {
    const ns = { source: path };
    if (value === null)
        return ns;
    if (!isRecord(value))
        throw fileError(path, `${where} is a ${describe(value)}, not a mapping`);
    const lookaside = stringField(value, 'lookaside', path, where) ?? stringField(value, 'sigstore', path, where);
    if (lookaside)
        ns.lookaside = lookaside;
    const staging = stringField(value, 'lookaside-staging', path, where) ?? stringField(value, 'sigstore-staging', path, where);
    if (staging)
        ns.lookasideStaging = staging;
    const use = field(value, 'use-sigstore-attachments');
    if (use !== undefined && use !== null) {
        if (typeof use !== 'boolean') {
            throw fileError(path, `${where}.use-sigstore-attachments must be true or false, got the ${describe(use)} ${JSON.stringify(use)}`);
        }
        ns.useSigstoreAttachments = use;
    }
    return ns;
}
function stringField(obj, key, path, where) {
    const v = field(obj, key);
    if (v === undefined || v === null)
        return undefined;
    if (typeof v !== 'string')
        throw fileError(path, `${where}.${key} must be a string, got the ${describe(v)} ${JSON.stringify(v)}`);
    return v;
}
/** encoding/json's field lookup: the exact name, else a case-insensitive match. */
function field(obj, key) {
    if (Object.hasOwn(obj, key))
        return obj[key];
    const found = Object.keys(obj).find((k) => k.toLowerCase() === key);
    return found === undefined ? undefined : obj[found];
}
/** The YAML library follows ~900 levels of [ and { or of indentation; near 10,000 of [ and { it aborts the process. */
const READABLE_FLOW_DEPTH = 512;
function refuseDeepNesting(text, path) {
    const { depth, line } = flowDepth(text, GO_YAML_MAX_DEPTH);
    if (depth > GO_YAML_MAX_DEPTH) {
        // yaml.v3's own words: containers/image refuses the file too.
        throw fileError(path, `yaml: line ${line}: exceeded max depth of ${GO_YAML_MAX_DEPTH} ([ and { nested ${depth} levels deep)`);
    }
    if (depth > READABLE_FLOW_DEPTH) {
        throw fileError(path, `[ and { nested ${depth} levels deep: bydigest reads at most ${READABLE_FLOW_DEPTH} (containers/image ${GO_YAML_MAX_DEPTH}), and a registries.d file needs 3; flatten it`);
    }
    const block = blockDepth(text, READABLE_FLOW_DEPTH);
    if (block.depth > READABLE_FLOW_DEPTH) {
        throw fileError(path, `mappings or lists indented ${block.depth} levels deep (past ${READABLE_FLOW_DEPTH} at line ${block.line}): bydigest reads at most ${READABLE_FLOW_DEPTH}, and a registries.d file needs 3; flatten it`);
    }
}
function fileError(path, detail) {
    return new errors_BydigestError('POLICY', `parsing ${path}: ${detail}`, {
        hint: 'see containers-registries.d(5) for the file format',
    });
}
function isRecord(v) {
    return typeof v === 'object' && v !== null && !Array.isArray(v);
}
function describe(v) {
    return Array.isArray(v) ? 'list' : v === null ? 'null' : typeof v;
}
/** useSigstoreAttachments(ref): whether containers/image reads the `.sig` attachments for this pull. */
function sigstoreAttachmentsFor(config, ref) {
    for (const name of [policyIdentity(ref), ...policyNamespaces(ref)]) {
        const ns = config.docker.get(name);
        // An entry without the option does not decide: the lookup goes on to less specific ones.
        if (ns?.useSigstoreAttachments !== undefined)
            return { enabled: ns.useSigstoreAttachments, decidedBy: `docker[${JSON.stringify(name)}]`, source: ns.source };
    }
    const d = config.defaultDocker;
    if (d?.useSigstoreAttachments !== undefined)
        return { enabled: d.useSigstoreAttachments, decidedBy: 'default-docker', source: d.source };
    return { enabled: false };
}

;// CONCATENATED MODULE: ./packages/core/src/trust/load-check.ts
/** Check 1: the image's policy.json and registries.d load exactly as containers/image loads them. */




const EVERY_PULL = 'containers/image refuses to load it, so every pull on a host running this image fails (bootc upgrade, podman pull, all registries)';
function loadHostConfig(files) {
    const findings = [];
    let policy;
    let registries;
    try {
        policy = parsePolicy(files.policy.bytes, files.policy.path);
    }
    catch (e) {
        const message = e.message;
        findings.push({
            status: 'fail',
            file: files.policy.path,
            field: fieldOf(files.policy.bytes, message),
            message: `${message}: ${EVERY_PULL}`,
            fix: 'correct that field as containers-policy.json(5) spells it (containers/image 5.34 refuses unknown keys, wrong types and missing required fields anywhere in the file), then rebuild the image',
        });
    }
    try {
        registries = mergeRegistriesFiles(files.registriesD.map((f) => ({ path: f.path, text: f.bytes.toString('utf8') })));
    }
    catch (e) {
        const message = e.message;
        const file = files.registriesD.find((f) => message.includes(f.path))?.path ?? `${files.etc}/containers/registries.d`;
        findings.push({
            status: 'fail',
            file,
            field: '',
            message: `${message}: containers/image fails reading registries.d, so every docker:// pull on such a host fails`,
            fix: 'fix the YAML (see containers-registries.d(5)); each namespace may be configured in one file only',
        });
    }
    const out = {
        verdict: verdict('policy-loads', findings, `${files.policy.path} and ${files.registriesD.length} registries.d file(s) load`),
    };
    if (policy)
        out.policy = policy;
    if (registries)
        out.registries = registries;
    return out;
}
/** The JSON location a containers/image message is about, when it names a key; else the whole file. */
function fieldOf(bytes, message) {
    const key = /(?:Unknown key|Duplicate key) "((?:[^"\\]|\\.)*)"/.exec(message)?.[1];
    if (key === undefined)
        return '';
    let root;
    try {
        root = parseJsonTree(bytes.toString('utf8'));
    }
    catch {
        return '';
    }
    return locate(root, JSON.parse(`"${key}"`)) ?? '';
}
/** The path of the first member named `key`, in document order; iterative, as a policy may nest 10,000 deep. */
function locate(root, key) {
    // `member`: the name of the object member this node is the value of.
    const pending = [{ node: root, at: '' }];
    for (let next = pending.pop(); next; next = pending.pop()) {
        const { node, at, member } = next;
        if (member === key)
            return at;
        const children = [];
        if (node.kind === 'object') {
            for (const [k, v] of node.entries) {
                const here = at === ''
                    ? /^[A-Za-z_][\w-]*$/.test(k)
                        ? k
                        : `[${JSON.stringify(k)}]`
                    : /^[A-Za-z_][\w]*$/.test(k)
                        ? `${at}.${k}`
                        : `${at}[${JSON.stringify(k)}]`;
                children.push({ node: v, at: here, member: k });
            }
        }
        else if (node.kind === 'array') {
            for (const [i, v] of node.items.entries())
                children.push({ node: v, at: `${at}[${i}]` });
        }
        // Reversed onto the stack so the first child is searched first.
        for (let i = children.length - 1; i >= 0; i--)
            pending.push(children[i]);
    }
    return undefined;
}

;// CONCATENATED MODULE: ./packages/core/src/trust/scope-check.ts
/**
 * Check 4: the reference hosts pull lands in a scope that verifies signatures (not a fall-through
 * to insecureAcceptAnything), and registries.d turns on use-sigstore-attachments for it —
 * otherwise containers/image never fetches the `.sig` and refuses every signed update.
 */





function scopeCheck(policy, registries, pullRef, policyFile) {
    const scope = requirementsForImage(policy, pullRef);
    const attachments = sigstoreAttachmentsFor(registries, pullRef);
    const ref = formatReference(pullRef);
    const repo = repositoryName(pullRef);
    const findings = [];
    const types = scope.requirements.map((r) => r.type);
    const field = scope.label;
    if (types.includes('reject')) {
        findings.push({
            status: 'fail',
            file: policyFile,
            field,
            message: `${ref} falls in ${scope.label}, which rejects it: hosts refuse every update`,
            fix: `add transports.docker[${JSON.stringify(repo)}] with a sigstoreSigned requirement for the key you sign with`,
        });
    }
    else if (types.every((t) => t === 'insecureAcceptAnything')) {
        findings.push({
            status: 'fail',
            file: policyFile,
            field,
            message: `${ref} falls through to ${scope.label}, which is insecureAcceptAnything: hosts verify nothing (no scope among ${scope.candidates
                .filter(Boolean)
                .map((c) => JSON.stringify(c))
                .join(', ')} is configured)`,
            fix: `add transports.docker[${JSON.stringify(repo)}] with a sigstoreSigned requirement (a scope must match pull-ref ${ref} exactly or be one of its parent namespaces)`,
        });
    }
    const needsSignatures = types.includes('sigstoreSigned');
    if (needsSignatures && !attachments.enabled) {
        const why = attachments.decidedBy
            ? `${attachments.decidedBy} in ${attachments.source} sets use-sigstore-attachments: false`
            : `no registries.d entry sets use-sigstore-attachments for ${repo} or a parent namespace`;
        findings.push({
            status: 'fail',
            file: attachments.source ?? REGISTRIES_D,
            field: attachments.decidedBy ?? `docker[${JSON.stringify(repo)}].use-sigstore-attachments`,
            message: `${why}: hosts never read the .sig, so every update is refused ("A signature was required, but no signature exists")`,
            fix: `install ${REGISTRIES_D}/<name>.yaml with:  docker: { ${repo}: { use-sigstore-attachments: true } }`,
        });
    }
    const ok = `${ref} → ${scope.label} (${types.join(', ')})${needsSignatures ? `; use-sigstore-attachments on via ${attachments.decidedBy} in ${attachments.source}` : ''}`;
    return { verdict: verdict('scope-and-attachments', findings, ok), scope, attachments };
}

;// CONCATENATED MODULE: ./packages/core/src/cosign/legacy/sig-manifest.ts





const SHA256 = /^sha256:[a-f0-9]{64}$/;
const CREATED = '0001-01-01T00:00:00Z';
/** The tag cosign and containers/image look up for an image's legacy signatures. */
function signatureTag(manifestDigest) {
    if (!SHA256.test(manifestDigest)) {
        throw new errors_BydigestError('INVALID_ARGUMENT', `a signature tag needs a manifest digest sha256:<64 lower-case hex>, got ${JSON.stringify(manifestDigest)}`);
    }
    return `sha256-${manifestDigest.slice('sha256:'.length)}.sig`;
}
/** A layer carrying `payload` and its base64 signature, plus optional cosign annotations (bundle, certificate…). */
function signatureLayer(payload, signatureBase64, extraAnnotations = {}) {
    return {
        mediaType: SIMPLE_SIGNING_MEDIA_TYPE,
        size: payload.length,
        digest: sha256Digest(payload),
        annotations: { ...extraAnnotations, [SIGNATURE_ANNOTATION]: signatureBase64 },
    };
}
/**
 * The config blob cosign writes: empty image fields, one history entry and one diff_id per layer
 * (the layers are uncompressed, so a diff_id is the layer digest). Neither cosign nor containers/image reads it.
 */
function sigConfigBytes(layers) {
    if (layers.length === 0)
        throw new BydigestError('INVALID_ARGUMENT', 'a signature manifest needs at least one layer');
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
        mediaType: OCI_CONFIG_MEDIA_TYPE,
        size: configBytes.length,
        digest: sha256Digest(configBytes),
    };
    const manifestBytes = Buffer.from(goStruct([
        ['schemaVersion', '2'],
        ['mediaType', goString(OCI_MANIFEST_MEDIA_TYPE)],
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
    if (!sig_manifest_isRecord(doc))
        throw malformed('not a JSON object');
    if (doc.schemaVersion !== 2)
        throw malformed(`schemaVersion is ${JSON.stringify(doc.schemaVersion)}, expected 2`);
    const mediaType = doc.mediaType;
    if (mediaType !== undefined && typeof mediaType !== 'string')
        throw malformed('mediaType is not a string');
    if (mediaType !== undefined && mediaType !== constants_OCI_MANIFEST_MEDIA_TYPE && mediaType !== DOCKER_MANIFEST_MEDIA_TYPE) {
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
            signature: annotations[constants_SIGNATURE_ANNOTATION],
            isSimpleSigning: d.mediaType === constants_SIMPLE_SIGNING_MEDIA_TYPE,
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
    if (!sig_manifest_isRecord(value))
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
    if (!sig_manifest_isRecord(value) || !Object.values(value).every((v) => typeof v === 'string'))
        throw malformed(`${where} is not a map of strings`);
    return { ...value };
}
function sig_manifest_isRecord(v) {
    return typeof v === 'object' && v !== null && !Array.isArray(v);
}
function malformed(reason) {
    return new errors_BydigestError('SIGNATURE', `the signature manifest is malformed: ${reason}`, {
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
        throw new BydigestError('INVALID_ARGUMENT', `the payload given does not match the new layer ${layer.digest}`);
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
        if (key !== SIGNATURE_ANNOTATION && old.annotations[key] !== value)
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

;// CONCATENATED MODULE: ./packages/core/src/cosign/legacy/signature-store.ts






async function readSignatureManifest(client, repo, digest) {
    const ref = withTag(repo, signatureTag(digest));
    const manifest = await client.getManifestIfExists(ref);
    if (!manifest)
        return undefined;
    return { ref: formatReference(ref), manifest, parsed: parseSigManifest(manifest.bytes) };
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
    const signatureRef = formatReference(withTag(image, signatureTag(image.digest)));
    const stored = await readSignatureManifest(client, image, image.digest);
    if (!stored)
        return { signatureRef, layers: [] };
    if (stored.parsed.mediaType !== undefined && stored.parsed.mediaType !== constants_OCI_MANIFEST_MEDIA_TYPE) {
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
                if (!(e instanceof errors_BydigestError && (e.code === 'NOT_FOUND' || e.code === 'DIGEST_MISMATCH')))
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
        .filter((l) => l.mediaType === SIMPLE_SIGNING_MEDIA_TYPE)
        .map((l) => verifyLayer(l, digest, keys));
    return { signatureRef, stored, verdicts, valid: verdicts.filter((v) => v.keyIndex !== undefined) };
}
function verifyLayer(layer, digest, keys) {
    const verdict = { layerDigest: layer.layerDigest };
    const signature = layer.annotations[SIGNATURE_ANNOTATION];
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

;// CONCATENATED MODULE: ./packages/core/src/cosign/keys/der.ts
/**
 * Just enough DER to tell what kind of private key a decrypted key file holds before handing it
 * to OpenSSL: OpenSSL rejects some keys cosign writes (Ed25519 PKCS#8 v2) with only "wrong tag",
 * and the user needs to hear "this is an Ed25519 key" instead.
 */
const DerTag = {
    Integer: 0x02,
    OctetString: 0x04,
    Null: 0x05,
    Oid: 0x06,
    Sequence: 0x30,
};
/** Reads one element at `offset`; undefined when the bytes are not well-formed DER. */
function readDer(buf, offset = 0) {
    if (offset + 2 > buf.length)
        return undefined;
    const tag = buf[offset];
    if ((tag & 0x1f) === 0x1f)
        return undefined; // multi-byte tags never occur in key structures
    let lenByte = buf[offset + 1];
    let pos = offset + 2;
    let length;
    if (lenByte < 0x80) {
        length = lenByte;
    }
    else {
        lenByte &= 0x7f;
        if (lenByte === 0 || lenByte > 4 || pos + lenByte > buf.length)
            return undefined;
        length = 0;
        for (let i = 0; i < lenByte; i++)
            length = length * 256 + buf[pos + i];
        pos += lenByte;
    }
    if (pos + length > buf.length)
        return undefined;
    return { tag, value: buf.subarray(pos, pos + length), end: pos + length };
}
/** The children of a constructed element (a SEQUENCE), or undefined if they do not parse. */
function readChildren(element) {
    const children = [];
    let offset = 0;
    while (offset < element.value.length) {
        const child = readDer(element.value, offset);
        if (!child)
            return undefined;
        children.push(child);
        offset = child.end;
    }
    return children;
}
function decodeOid(value) {
    const parts = [];
    let acc = 0;
    for (const byte of value) {
        acc = acc * 128 + (byte & 0x7f);
        if ((byte & 0x80) === 0) {
            if (parts.length === 0) {
                const first = acc < 80 ? Math.floor(acc / 40) : 2;
                parts.push(first, acc - first * 40);
            }
            else {
                parts.push(acc);
            }
            acc = 0;
        }
    }
    return parts.join('.');
}

;// CONCATENATED MODULE: ./packages/core/src/signer/certificate-identity.ts



const SAN_OID = '2.5.29.17';
/** Fulcio's issuer extensions: v2 is a DER UTF8String, v1 the raw bytes. */
const ISSUER_V2_OID = '1.3.6.1.4.1.57264.1.8';
const ISSUER_V1_OID = '1.3.6.1.4.1.57264.1.1';
const SOURCE_REPOSITORY_URI_OID = '1.3.6.1.4.1.57264.1.12';
const EXPLICIT_EXTENSIONS = 0xa3;
const SAN_EMAIL = 0x81;
const SAN_URI = 0x86;
const UTF8_STRING = 0x0c;
function certificate_identity_certificateIdentity(certificatePem) {
    let cert;
    try {
        cert = new external_node_crypto_.X509Certificate(certificatePem);
    }
    catch (e) {
        throw new errors_BydigestError('SIGNATURE', `the signing certificate does not parse: ${e.message}`, {
            cause: e,
        });
    }
    const extensions = readExtensions(cert.raw);
    const emails = [];
    const uris = [];
    const san = extensions.get(SAN_OID);
    const names = san ? readDer(san) : undefined;
    for (const name of (names && readChildren(names)) ?? []) {
        if (name.tag === SAN_EMAIL)
            emails.push(name.value.toString('utf8'));
        if (name.tag === SAN_URI)
            uris.push(name.value.toString('utf8'));
    }
    const v2 = extensions.get(ISSUER_V2_OID);
    const v2Value = v2 ? readDer(v2) : undefined;
    const v1 = extensions.get(ISSUER_V1_OID);
    const issuer = v2Value?.tag === UTF8_STRING ? v2Value.value.toString('utf8') : v1?.toString('utf8');
    const source = extensions.get(SOURCE_REPOSITORY_URI_OID);
    const sourceValue = source ? readDer(source) : undefined;
    const sourceRepository = sourceValue?.tag === UTF8_STRING ? sourceValue.value.toString('utf8') : undefined;
    return {
        identity: uris[0] ?? emails[0] ?? '',
        emails,
        uris,
        issuer,
        sourceRepository,
        notBefore: new Date(cert.validFrom),
        notAfter: new Date(cert.validTo),
    };
}
/** extnID → extnValue's content octets, from the tbsCertificate's [3] extensions. */
function readExtensions(der) {
    const out = new Map();
    const certificate = readDer(der);
    const tbs = certificate && readChildren(certificate)?.[0];
    const explicit = tbs && readChildren(tbs)?.find((c) => c.tag === EXPLICIT_EXTENSIONS);
    const list = explicit && readChildren(explicit)?.[0];
    for (const ext of (list && readChildren(list)) ?? []) {
        const parts = readChildren(ext) ?? [];
        const oid = parts[0];
        const value = parts[parts.length - 1];
        if (oid?.tag === DerTag.Oid && value?.tag === DerTag.OctetString)
            out.set(decodeOid(oid.value), value.value);
    }
    return out;
}

// EXTERNAL MODULE: ./node_modules/.pnpm/@sigstore+bundle@5.0.1/node_modules/@sigstore/bundle/dist/index.js
var bundle_dist = __webpack_require__(6028);
// EXTERNAL MODULE: ./node_modules/.pnpm/@sigstore+protobuf-specs@0.5.2/node_modules/@sigstore/protobuf-specs/dist/index.js
var protobuf_specs_dist = __webpack_require__(1443);
// EXTERNAL MODULE: ./node_modules/.pnpm/@sigstore+verify@4.1.3/node_modules/@sigstore/verify/dist/index.js
var verify_dist = __webpack_require__(1254);
;// CONCATENATED MODULE: ./packages/core/src/cosign/keyless/verify.ts








/** Why the certificate's source repository is not the one required; undefined when it is (or none is required). */
function sourceRepositoryMismatch(match, actual) {
    if (match.sourceRepository === undefined || actual === match.sourceRepository)
        return undefined;
    return actual === undefined
        ? `the certificate has no source repository extension; expected ${match.sourceRepository}`
        : `the certificate's source repository is ${actual}, not ${match.sourceRepository}`;
}
/** Reads a trusted_root.json (what `cosign trusted-root create` writes and TUF distributes). */
function keylessTrustFromJson(json, source) {
    let root;
    try {
        root = protobuf_specs_dist.TrustedRoot.fromJSON(JSON.parse(json));
    }
    catch (e) {
        throw new errors_BydigestError('INVALID_ARGUMENT', `${source} is not a Sigstore trusted_root.json: ${e.message}`, {
            hint: 'pass the file `cosign trusted-root create` writes, or the public-good one from the Sigstore TUF repository',
            cause: e,
        });
    }
    if (root.certificateAuthorities.length === 0)
        throw new errors_BydigestError('INVALID_ARGUMENT', `${source} lists no certificate authority`, {
            hint: 'a trusted root for keyless signatures needs the Fulcio CA',
        });
    return { material: (0,verify_dist/* toTrustMaterial */.jO)(root), source };
}
/**
 * Verifies the keyless layers of a `.sig` as cosign does: the certificate chains to a Fulcio CA of
 * the trust root at the Rekor entry's time, the signed entry timestamp is Rekor's, the entry is
 * this signature's, the signature verifies, the payload names `digest`, and the certificate's
 * identity and issuer match. The layer is checked as the sigstore bundle it amounts to, through
 * @sigstore/verify, so `.sig` layers and bundles are judged by the same code.
 */
function verifyKeylessAttachments(fetched, digest, trust, match) {
    const layers = fetched.layers.filter((l) => l.mediaType === SIMPLE_SIGNING_MEDIA_TYPE && l.annotations[CERTIFICATE_ANNOTATION] !== undefined);
    const verdicts = layers.map((l) => verifyKeylessLayer(l, digest, trust, match));
    return { signatureRef: fetched.signatureRef, verdicts, valid: verdicts.filter((v) => v.valid) };
}
function verifyKeylessLayer(layer, digest, trust, match) {
    const verdict = { layerDigest: layer.layerDigest, valid: false };
    const payload = layer.payload;
    if (!payload)
        return { ...verdict, reason: layer.unreadable ?? 'payload blob could not be read' };
    let sourceRepository;
    try {
        const id = certificateIdentity(layer.annotations[CERTIFICATE_ANNOTATION]);
        Object.assign(verdict, { identity: id.identity, ...(id.issuer === undefined ? {} : { issuer: id.issuer }) });
        sourceRepository = id.sourceRepository;
    }
    catch (e) {
        return { ...verdict, reason: e.message };
    }
    const failed = checkKeylessLayer(layer, payload, trust, {
        subjectAlternativeName: match.identityRegexp !== undefined ? new RegExp(match.identityRegexp) : match.identity,
        extensions: { issuer: match.issuer },
    });
    if (failed)
        return { ...verdict, reason: failed };
    const otherSource = sourceRepositoryMismatch(match, sourceRepository);
    if (otherSource)
        return { ...verdict, reason: otherSource };
    try {
        const parsed = parseSimpleSigningPayload(payload);
        if (parsed.manifestDigest !== digest)
            return { ...verdict, reason: `Signature for digest ${parsed.manifestDigest} does not match` };
    }
    catch (e) {
        return { ...verdict, reason: e.message };
    }
    const set = JSON.parse(layer.annotations[BUNDLE_ANNOTATION]);
    return { ...verdict, valid: true, logIndex: set.Payload.logIndex };
}
/**
 * Checks a keyless layer's certificate chain (at the Rekor entry's time), Rekor SET, entry and
 * signature against `trust`, and the certificate against `policy`: undefined when all hold, else
 * why not. `ctlogThreshold: 0` skips the SCT, as containers/image does.
 */
function checkKeylessLayer(layer, payload, trust, policy, opts = {}) {
    let bundle;
    try {
        bundle = layerAsBundle(layer, payload);
    }
    catch (e) {
        return e.message;
    }
    try {
        new verify_dist/* Verifier */.BL(trust.material, { tlogThreshold: 1, ctlogThreshold: opts.ctlogThreshold ?? 1 }).verify((0,verify_dist/* toSignedEntity */.DC)(bundle, payload), policy);
    }
    catch (e) {
        return `${e.message} (trust root ${trust.source})`;
    }
    return undefined;
}
/** A trust root made of CA certificates and Rekor keys (a containers policy's fulcio + rekorPublicKey*). */
function keylessTrustFromParts(parts) {
    const start = '1970-01-01T00:00:00Z';
    const der = (k) => k.export({ format: 'der', type: 'spki' });
    return keylessTrustFromJson(JSON.stringify({
        mediaType: 'application/vnd.dev.sigstore.trustedroot+json;version=0.1',
        tlogs: parts.rekorKeys.map((k) => ({
            baseUrl: 'https://rekor.invalid',
            hashAlgorithm: 'SHA2_256',
            publicKey: { rawBytes: der(k).toString('base64'), keyDetails: 'PKIX_ECDSA_P256_SHA_256', validFor: { start } },
            logId: { keyId: (0,external_node_crypto_.createHash)('sha256').update(der(k)).digest('base64') },
        })),
        // Each CA certificate is a root of its own; intermediates would have to be listed with theirs.
        certificateAuthorities: parts.caCertificates.map((c) => ({
            subject: {},
            uri: 'https://fulcio.invalid',
            certChain: { certificates: [{ rawBytes: c.toString('base64') }] },
            validFor: { start },
        })),
        ctlogs: [],
        timestampAuthorities: [],
    }), parts.source);
}
/**
 * A `.sig` layer as a v0.1 bundle: a message signature over the payload, the leaf certificate, and
 * the Rekor entry rebuilt from cosign's SET annotation (v0.1 is the version that may carry a
 * promise without an inclusion proof, which is all a `.sig` layer has).
 */
function layerAsBundle(layer, payload) {
    const signature = layer.annotations[constants_SIGNATURE_ANNOTATION];
    if (!signature)
        throw new Error('layer has no dev.cosignproject.cosign/signature annotation');
    const setText = layer.annotations[constants_BUNDLE_ANNOTATION];
    if (!setText)
        throw new Error('a keyless signature without a Rekor bundle (dev.sigstore.cosign/bundle annotation) cannot be verified offline');
    let leaf;
    try {
        leaf = new external_node_crypto_.X509Certificate(layer.annotations[constants_CERTIFICATE_ANNOTATION]);
    }
    catch (e) {
        throw new Error(`the certificate annotation does not parse: ${e.message}`, { cause: e });
    }
    const set = JSON.parse(setText);
    const p = set.Payload;
    if (!set.SignedEntryTimestamp || !p?.body || p.integratedTime === undefined || p.logIndex === undefined || !p.logID)
        throw new Error('the Rekor bundle annotation lacks SignedEntryTimestamp or Payload fields');
    const body = JSON.parse(Buffer.from(p.body, 'base64').toString('utf8'));
    return (0,bundle_dist/* bundleFromJSON */.vw)({
        mediaType: 'application/vnd.dev.sigstore.bundle+json;version=0.1',
        verificationMaterial: {
            x509CertificateChain: { certificates: [{ rawBytes: leaf.raw.toString('base64') }] },
            tlogEntries: [
                {
                    logIndex: String(p.logIndex),
                    logId: { keyId: Buffer.from(p.logID, 'hex').toString('base64') },
                    kindVersion: { kind: body.kind ?? '', version: body.apiVersion ?? '' },
                    integratedTime: String(p.integratedTime),
                    inclusionPromise: { signedEntryTimestamp: set.SignedEntryTimestamp },
                    canonicalizedBody: p.body,
                },
            ],
        },
        messageSignature: {
            messageDigest: { algorithm: 'SHA2_256', digest: (0,external_node_crypto_.createHash)('sha256').update(payload).digest('base64') },
            signature,
        },
    });
}
/** Whether a bundle's verification material is a certificate (keyless), from its JSON. */
function isKeylessBundle(bundleBytes) {
    try {
        const m = JSON.parse(bundleBytes.toString('utf8'))
            .verificationMaterial;
        return m?.certificate !== undefined || m?.x509CertificateChain !== undefined;
    }
    catch {
        return false;
    }
}
/**
 * A keyless sigstore bundle (DSSE, cosign sign's statement) checked through @sigstore/verify: the
 * certificate chain, the Rekor entry, the signature and the identity; then the statement must
 * name `digest`.
 */
function checkKeylessBundle(bundleBytes, digest, trust, match) {
    let bundle;
    try {
        bundle = bundleFromJSON(JSON.parse(bundleBytes.toString('utf8')));
    }
    catch (e) {
        return { valid: false, reason: `the bundle does not parse: ${e.message}` };
    }
    const out = { valid: false };
    const material = bundle.verificationMaterial.content;
    const leaf = material.$case === 'certificate'
        ? material.certificate.rawBytes
        : material.$case === 'x509CertificateChain'
            ? material.x509CertificateChain.certificates[0]?.rawBytes
            : undefined;
    if (!leaf)
        return { ...out, reason: 'the bundle is not signed with a certificate' };
    let sourceRepository;
    try {
        const id = certificateIdentity(new X509Certificate(leaf).toString());
        Object.assign(out, { identity: id.identity, ...(id.issuer === undefined ? {} : { issuer: id.issuer }) });
        sourceRepository = id.sourceRepository;
    }
    catch (e) {
        return { ...out, reason: e.message };
    }
    const entry = bundle.verificationMaterial.tlogEntries[0];
    if (entry)
        out.logIndex = Number(entry.logIndex);
    try {
        new Verifier(trust.material, { tlogThreshold: 1, ctlogThreshold: 1 }).verify(toSignedEntity(bundle), {
            subjectAlternativeName: match.identityRegexp !== undefined ? new RegExp(match.identityRegexp) : match.identity,
            extensions: { issuer: match.issuer },
        });
    }
    catch (e) {
        return { ...out, reason: `${e.message} (trust root ${trust.source})` };
    }
    const otherSource = sourceRepositoryMismatch(match, sourceRepository);
    if (otherSource)
        return { ...out, reason: otherSource };
    if (bundle.content.$case !== 'dsseEnvelope')
        return { ...out, reason: 'the bundle holds a message signature, not the DSSE envelope cosign sign writes' };
    const statement = JSON.parse(bundle.content.dsseEnvelope.payload.toString('utf8'));
    if (!statement.subject?.some((s) => `sha256:${s.digest?.sha256}` === digest))
        return { ...out, reason: `the statement does not name ${digest}` };
    return { ...out, valid: true };
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
        throw new BydigestError('INVALID_ARGUMENT', 'the docker-reference of a signature payload is empty', {
            hint: 'Pass the image repository, e.g. ghcr.io/owner/image.',
        });
    }
    if (!/^sha256:[a-f0-9]{64}$/.test(input.manifestDigest)) {
        throw new BydigestError('INVALID_ARGUMENT', `the manifest digest to sign must be sha256:<64 lower-case hex>, got ${JSON.stringify(input.manifestDigest)}`, {
            hint: 'Sign by digest: take the digest from capture-digest or from the registry.',
        });
    }
    const optional = input.optional ?? null;
    if (optional !== null)
        checkOptional(optional);
    const critical = goStruct([
        ['identity', goStruct([['docker-reference', goString(input.dockerReference)]])],
        ['image', goStruct([['docker-manifest-digest', goString(input.manifestDigest)]])],
        ['type', goString(SIGNATURE_TYPE)],
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
        throw new BydigestError('INVALID_ARGUMENT', 'the "creator" annotation must be a string: containers/image rejects any other type');
    }
    if (timestamp !== undefined && !(typeof timestamp === 'number' && Number.isSafeInteger(timestamp))) {
        throw new BydigestError('INVALID_ARGUMENT', 'the "timestamp" annotation must be an integer (Unix seconds): containers/image rejects any other value');
    }
}
/**
 * Parses untrusted payload bytes with containers/image's rules (signature/internal
 * UntrustedSigstorePayload.strictUnmarshalJSON): exactly `critical` and `optional`; `critical` holds
 * exactly `type`, `image`, `identity`; no duplicate keys at those levels; `optional` may be null and
 * may carry unknown members, but `creator` must be a string and `timestamp` an integer.
 * Error messages are containers/image's own.
 */
function payload_parseSimpleSigningPayload(bytes) {
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
    payload_exactFields(root, { critical: (v) => (critical = v), optional: (v) => (optional = v) });
    const result = { dockerReference: '', manifestDigest: '', optional: null };
    // cosign writes "optional": null when there are no annotations.
    if (optional.kind !== 'null') {
        let timestamp;
        payload_paranoidObject(optional, (key) => {
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
    payload_exactFields(critical, {
        type: (v) => (type = decodeString(v)),
        image: (v) => (image = v),
        identity: (v) => (identity = v),
    });
    if (type !== constants_SIGNATURE_TYPE)
        throw payload_invalid(`Unrecognized signature type ${type}`);
    let digest = '';
    payload_exactFields(image, { 'docker-manifest-digest': (v) => (digest = decodeString(v)) });
    const digestError = goDigestError(digest);
    if (digestError)
        throw payload_invalid(`invalid docker-manifest-digest value ${JSON.stringify(digest)}: ${digestError}`);
    result.manifestDigest = digest;
    payload_exactFields(identity, { 'docker-reference': (v) => (result.dockerReference = decodeString(v)) });
    return result;
}
function payload_invalid(message) {
    return new errors_BydigestError('SIGNATURE', message, {
        hint: 'The signature payload is not one containers/image accepts; re-sign the image with bydigest sign-digest or cosign sign.',
    });
}
// Every decoding failure is an invalid payload, so it carries the re-sign hint.
const { paranoidObject: payload_paranoidObject, exactFields: payload_exactFields, goString: decodeString, goFloat64: decodeFloat } = paranoidJsonReader(payload_invalid);

;// CONCATENATED MODULE: ./packages/core/src/cosign/keys/signature.ts


/**
 * SHA-256 over the exact payload bytes, ECDSA (ASN.1 DER) or RSA PKCS#1 v1.5 by key type, standard base64: what cosign
 * writes.
 */
function signPayload(key, payload) {
    const options = key.privateKey.asymmetricKeyType === 'rsa'
        ? { key: key.privateKey, padding: constants.RSA_PKCS1_PADDING }
        : { key: key.privateKey, dsaEncoding: 'der' };
    return sign('sha256', payload, options).toString('base64');
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
function signature_checkPayloadSignature(publicKey, payload, signatureBase64) {
    const verifier = verifierFor(publicKey);
    if (!verifier) {
        return {
            valid: false,
            reason: `creating verifier: unsupported public key type ${publicKey.asymmetricKeyType ?? publicKey.type}`,
        };
    }
    const decoded = decodeStdBase64(signatureBase64);
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
function signature_verifyPayload(publicKey, payload, signatureBase64) {
    return signature_checkPayloadSignature(publicKey, payload, signatureBase64).valid;
}

;// CONCATENATED MODULE: ./packages/core/src/policy/identity.ts

function matchesDockerReference(rule, intended, signatureReference) {
    const signature = parseNormalizedNamed(signatureReference);
    if (!signature)
        return false;
    switch (rule.type) {
        case 'matchExact':
            if (isNameOnly(intended) || isNameOnly(signature))
                return false;
            return referenceString(signature) === referenceString(intended);
        case 'matchRepoDigestOrExact':
            return matchRepoDigestOrExact(intended, signature);
        case 'matchRepository':
            return referenceName(signature) === referenceName(intended);
        case 'exactReference': {
            const wanted = parseNormalizedNamed(rule.dockerReference);
            if (!wanted || isNameOnly(wanted) || isNameOnly(signature))
                return false;
            return referenceString(signature) === referenceString(wanted);
        }
        case 'exactRepository': {
            const wanted = parseNormalizedNamed(rule.dockerRepository);
            return wanted !== undefined && referenceName(signature) === referenceName(wanted);
        }
        case 'remapIdentity': {
            const remapped = remapPrefix(rule, intended);
            return remapped !== undefined && matchRepoDigestOrExact(remapped, signature);
        }
    }
}
function matchRepoDigestOrExact(intended, signature) {
    // A repository-only identity (what cosign writes) never matches this rule, even for a pull by digest.
    if (isNameOnly(signature))
        return false;
    if (intended.tag !== undefined)
        return referenceString(signature) === referenceString(intended);
    // By digest: the repository must match; the digest itself was checked against the manifest.
    if (intended.digest !== undefined)
        return referenceName(signature) === referenceName(intended);
    return false;
}
/** The intended reference with `prefix` replaced by `signedPrefix`, when its name starts with it. */
function remapPrefix(rule, intended) {
    const name = referenceName(intended);
    const matches = name === rule.prefix || (name.startsWith(rule.prefix) && name[rule.prefix.length] === '/');
    if (!matches)
        return intended;
    const s = referenceString(intended);
    return parseCanonicalNamed(s.replace(rule.prefix, rule.signedPrefix));
}

;// CONCATENATED MODULE: ./packages/core/src/policy/sigstore-signed.ts
/**
 * The sigstoreSigned requirement with public keys, step for step as containers/image checks each
 * signature (policy_eval_sigstore.go isSignatureAccepted, internal VerifySigstorePayload):
 * key files → signature annotation → base64 → signature with any key → strict payload parse →
 * manifest digest → signedIdentity. One accepted signature allows the image; otherwise the
 * rejection reasons are summed up in containers/image's words.
 */







function evaluateSigstoreSigned(requirement, image, signatures, readKeyFile) {
    return judgeEach(signatures, (sig) => judgeSignature(requirement, image, sig, readKeyFile));
}
/**
 * The shape every sigstoreSigned evaluation shares (key or Fulcio): each simple-signing layer is
 * judged, other attachments only counted, and one accepted signature is enough.
 */
function judgeEach(signatures, judge) {
    const judged = [];
    let nonSignatureAttachments = 0;
    for (const sig of signatures) {
        if (sig.mediaType !== constants_SIMPLE_SIGNING_MEDIA_TYPE) {
            nonSignatureAttachments++;
            continue;
        }
        judged.push(judge(sig));
    }
    if (judged.some((j) => j.accepted))
        return { allowed: true, signatures: judged, nonSignatureAttachments };
    const code = judged.length === 0 ? 'NO_SIGNATURE' : 'SIGNATURES_REJECTED';
    return {
        allowed: false,
        message: summarize(judged, nonSignatureAttachments),
        code,
        signatures: judged,
        nonSignatureAttachments,
    };
}
function summarize(judged, nonSignatureAttachments) {
    if (judged.length === 0) {
        // containers/image also counts lookaside (GPG) signatures here; those are never read by bydigest.
        return nonSignatureAttachments === 0
            ? 'A signature was required, but no signature exists'
            : `A signature was required, but no signature exists (0 non-sigstore signatures, ${nonSignatureAttachments} sigstore non-signature attachments)`;
    }
    if (judged.length === 1)
        return judged[0]?.reason ?? '';
    return `None of the signatures were accepted, reasons: ${judged.map((j) => j.reason).join('; ')}`;
}
function judgeSignature(requirement, image, sig, readKeyFile) {
    const out = { layerDigest: sig.layerDigest, accepted: false, cryptoVerified: false };
    const reject = (reason, code) => ({ ...out, reason, code });
    const root = loadTrustRoot(requirement.keys, readKeyFile);
    if (!root.ok)
        return reject(root.reason, root.code);
    const signature = sig.annotations[constants_SIGNATURE_ANNOTATION];
    if (signature === undefined)
        return reject(`missing ${constants_SIGNATURE_ANNOTATION} annotation`, 'MALFORMED_SIGNATURE');
    // containers/image would stop the whole pull on an unreadable payload; here it rejects this one.
    if (sig.payload === undefined)
        return reject(sig.unreadable ?? 'the signature payload could not be read', 'PAYLOAD_UNREADABLE');
    const decoded = decodeStdBase64(signature);
    if (!decoded.ok)
        return reject(`base64 decoding: ${decoded.reason}`, 'MALFORMED_SIGNATURE');
    const failures = [];
    for (const [i, key] of root.keys.entries()) {
        const check = signature_checkPayloadSignature(key, sig.payload, signature);
        if (check.valid) {
            out.keyIndex = i;
            break;
        }
        failures.push(check.reason.replace(/^cryptographic signature verification failed: /, ''));
    }
    if (out.keyIndex === undefined)
        return reject(`cryptographic signature verification failed: ${failures.join(', ')}`, 'BAD_SIGNATURE');
    out.cryptoVerified = true;
    return judgeVerifiedPayload(out, image, requirement.signedIdentity, sig.payload);
}
/** The steps after the signature verified: strict payload parse, manifest digest, signedIdentity. */
function judgeVerifiedPayload(out, image, signedIdentity, payloadBytes) {
    const reject = (reason, code) => ({ ...out, reason, code });
    let payload;
    try {
        payload = payload_parseSimpleSigningPayload(payloadBytes);
    }
    catch (e) {
        return reject(e.message, 'BAD_PAYLOAD');
    }
    out.identity = payload.dockerReference;
    out.digest = payload.manifestDigest;
    if (!matchesDigest(image, payload.manifestDigest))
        return reject(`Signature for digest ${payload.manifestDigest} does not match`, 'DIGEST_MISMATCH');
    if (!matchesDockerReference(signedIdentity, image.reference, payload.dockerReference)) {
        return reject(`Signature for identity ${goQuote(payload.dockerReference)} is not accepted`, 'IDENTITY_REJECTED');
    }
    return { ...out, accepted: true };
}
/** manifest.MatchesDigest: the signed digest, in its own algorithm, over the manifest bytes. */
function matchesDigest(image, signed) {
    if (signed === image.manifestDigest)
        return true;
    if (!image.manifestBytes)
        return false;
    const [algorithm, hex] = signed.split(':');
    if (!['sha256', 'sha384', 'sha512'].includes(algorithm))
        return false;
    return (0,external_node_crypto_.createHash)(algorithm).update(image.manifestBytes).digest('hex') === hex;
}
/** Go's %q for the strings that occur here (JSON quoting agrees except for rare control characters). */
function goQuote(s) {
    return JSON.stringify(s);
}

;// CONCATENATED MODULE: ./packages/core/src/policy/fulcio-signed.ts
/**
 * The sigstoreSigned requirement with a `fulcio` trust root, as containers/image checks each
 * signature (signature/fulcio_cert.go, internal/rekor_set.go): the certificate chains to the
 * policy's CA at the time the Rekor SET proves, the SET is signed by the policy's Rekor key, the
 * certificate names the OIDC issuer and — only as an e-mail SAN — subjectEmail, the signature
 * verifies with the certificate's key, then payload digest and signedIdentity as with keys.
 * No SCT check, as containers/image has none.
 */






function evaluateFulcioSigned(requirement, image, signatures, readKeyFile) {
    const trust = loadFulcioTrust(requirement, readKeyFile);
    return judgeEach(signatures, (sig) => 'reason' in trust
        ? { layerDigest: sig.layerDigest, accepted: false, cryptoVerified: false, ...trust }
        : judge(requirement, trust, image, sig));
}
/** The CA and Rekor keys, or why they cannot be read (which rejects every signature, as in containers/image). */
function loadFulcioTrust(requirement, readKeyFile) {
    const rekor = loadTrustRoot(requirement.rekorKeys, readKeyFile);
    if (!rekor.ok)
        return { reason: rekor.reason, code: rekor.code };
    let caPem;
    try {
        caPem = requirement.fulcio.caData
            ? requirement.fulcio.caData.toString('utf8')
            : readKeyFile(requirement.fulcio.caPath).toString('utf8');
    }
    catch (e) {
        const missing = e.code === 'ENOENT';
        return {
            reason: `open ${requirement.fulcio.caPath}: ${missing ? 'no such file or directory' : e.message}`,
            code: missing ? 'KEY_FILE_MISSING' : 'KEY_UNUSABLE',
        };
    }
    const blocks = caPem.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? [];
    if (blocks.length === 0)
        return { reason: 'error loading Fulcio CA certificates: no certificate found', code: 'KEY_UNUSABLE' };
    try {
        const caCertificates = blocks.map((b) => new external_node_crypto_.X509Certificate(b).raw);
        return keylessTrustFromParts({
            caCertificates,
            rekorKeys: rekor.keys,
            source: requirement.fulcio.caPath ?? 'fulcio.caData',
        });
    }
    catch (e) {
        return { reason: `error loading Fulcio CA certificates: ${e.message}`, code: 'KEY_UNUSABLE' };
    }
}
function judge(requirement, trust, image, sig) {
    const out = { layerDigest: sig.layerDigest, accepted: false, cryptoVerified: false };
    const reject = (reason, code) => ({ ...out, reason, code });
    const pem = sig.annotations[constants_CERTIFICATE_ANNOTATION];
    if (pem === undefined)
        return reject(`missing ${constants_CERTIFICATE_ANNOTATION} annotation: the signature was made with a key, not a Fulcio certificate`, 'NO_CERTIFICATE');
    if (sig.payload === undefined)
        return reject(sig.unreadable ?? 'the signature payload could not be read', 'PAYLOAD_UNREADABLE');
    let emails;
    let uris;
    try {
        ({ emails, uris } = certificate_identity_certificateIdentity(pem));
    }
    catch (e) {
        return reject(e.message, 'CERTIFICATE_REJECTED');
    }
    const failed = checkKeylessLayer(sig, sig.payload, trust, { extensions: { issuer: requirement.fulcio.oidcIssuer } }, { ctlogThreshold: 0 });
    if (failed)
        return reject(failed, 'CERTIFICATE_REJECTED');
    if (!emails.includes(requirement.fulcio.subjectEmail)) {
        const got = `[${emails.map((e) => JSON.stringify(e)).join(' ')}]`;
        const uri = uris.length > 0
            ? `; the certificate's identity is the URI ${JSON.stringify(uris[0])}, which containers/image never matches`
            : '';
        return reject(`Required email ${JSON.stringify(requirement.fulcio.subjectEmail)} not found (got ${got})${uri}`, uri ? 'URI_IDENTITY' : 'EMAIL_MISMATCH');
    }
    out.cryptoVerified = true;
    return judgeVerifiedPayload(out, image, requirement.signedIdentity, sig.payload);
}
/**
 * Why a fulcio requirement can never accept anything a CI workflow signs, or undefined: hosts
 * match subjectEmail against e-mail SANs only, and GitHub Actions certificates carry none.
 */
function fulcioNeverMatches(fulcio) {
    const email = fulcio.subjectEmail;
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(email) || !email.includes('@')) {
        return `subjectEmail ${JSON.stringify(email)} is not an e-mail address: containers/image matches it against the certificate's e-mail SANs only, and a workflow identity is a URI SAN, so no signature can ever match`;
    }
    if (email.toLowerCase() === 'noreply@github.com') {
        return 'subjectEmail "noreply@github.com" never appears in a certificate: GitHub Actions certificates carry the workflow URI, not an e-mail address, so no signature can ever match';
    }
    return undefined;
}

;// CONCATENATED MODULE: ./packages/core/src/policy/evaluate.ts
/**
 * IsRunningImageAllowed for a docker:// pull (signature/policy_eval.go): pick the scope, then
 * every requirement in it must allow the image; the first that refuses gives the message. Pure:
 * the caller passes what the registry holds (readSigstoreAttachments) and how to read key files.
 */







function evaluatePolicy(input) {
    // docker:// pulls a name-only reference as :latest.
    const reference = { ...input.image.reference };
    if (reference.tag === undefined && reference.digest === undefined)
        reference.tag = 'latest';
    const image = { ...input.image, reference };
    const identity = policyIdentity(reference);
    const scope = requirementsForImage(input.policy, reference);
    const attachments = sigstoreAttachmentsFor(input.registries, reference);
    const signatures = attachments.enabled ? input.attachments.signatures : [];
    const readKeyFile = input.readKeyFile ?? workingDirectoryReader();
    const reports = scope.requirements.map((requirement) => ({
        requirement,
        evaluated: false,
        signatures: [],
        nonSignatureAttachments: 0,
    }));
    let refusal;
    for (const report of reports) {
        const outcome = evaluateRequirement(report.requirement, image, signatures, attachments.enabled ? input.attachments.error : undefined, readKeyFile, scope);
        Object.assign(report, outcome, { evaluated: true });
        if (!outcome.allowed) {
            refusal = outcome;
            break;
        }
    }
    const evaluation = {
        allowed: refusal === undefined,
        identity,
        scope,
        attachments,
        ignoredSignatures: attachments.enabled ? 0 : input.attachments.signatures.length,
        requirements: reports,
    };
    if (refusal?.message !== undefined)
        evaluation.message = refusal.message;
    if (refusal?.code !== undefined)
        evaluation.code = refusal.code;
    return evaluation;
}
function evaluateRequirement(requirement, image, signatures, attachmentsError, readKeyFile, scope) {
    switch (requirement.type) {
        case 'insecureAcceptAnything':
            return { allowed: true, signatures: [], nonSignatureAttachments: 0 };
        case 'reject':
            return {
                allowed: false,
                message: `Running image ${dockerImageName(image.reference)} is rejected by policy.`,
                code: 'REJECTED_BY_POLICY',
                signatures: [],
                nonSignatureAttachments: 0,
            };
        case 'sigstoreSigned':
            if (requirement.unsupported || (!requirement.keys && !requirement.fulcio))
                throw unsupported(scope, `sigstoreSigned with ${requirement.unsupported ?? 'no public key'}`);
            // containers/image fails the pull when the .sig cannot be read at all (e.g. not an OCI manifest).
            if (attachmentsError !== undefined)
                return {
                    allowed: false,
                    message: attachmentsError,
                    code: 'ATTACHMENTS_UNUSABLE',
                    signatures: [],
                    nonSignatureAttachments: 0,
                };
            if (requirement.fulcio && requirement.rekorKeys) {
                return evaluateFulcioSigned({ fulcio: requirement.fulcio, rekorKeys: requirement.rekorKeys, signedIdentity: requirement.signedIdentity }, image, signatures, readKeyFile);
            }
            if (!requirement.keys)
                throw unsupported(scope, 'sigstoreSigned with no public key');
            return evaluateSigstoreSigned({ keys: requirement.keys, signedIdentity: requirement.signedIdentity }, image, signatures, readKeyFile);
        case 'signedBy':
            throw unsupported(scope, 'signedBy (GPG simple signing, stored in a lookaside or the registry extension)');
        case 'signedBaseLayer':
            throw unsupported(scope, 'signedBaseLayer');
    }
}
function unsupported(scope, what) {
    return new errors_BydigestError('POLICY', `the policy scope ${scope.label} requires ${what}, which bydigest cannot evaluate`, {
        hint: 'check this image with `skopeo copy --policy … docker://… dir:…` instead, or evaluate a policy using sigstoreSigned with keyPath/keyData',
    });
}

;// CONCATENATED MODULE: ./packages/core/src/verify/policy-mode.ts
/**
 * The bootc host's view of one manifest: its `.sig` read where the host reads it (the pulled
 * repository) and the policy evaluated as containers/image evaluates it. verify-digest (keys
 * from the runner's disk) and check-host-trust (keys from the image) both judge through this.
 */



/**
 * Evaluates the host's policy for `digest`. `fetched`, when the caller already read the `.sig`
 * in pull-ref's repository, saves the second read. Throws BydigestError POLICY for a requirement
 * bydigest cannot evaluate (signedBy, signedBaseLayer…).
 */
async function evaluateHostPolicy(client, host, manifest, fetched) {
    const sigs = fetched ?? (await readSigstoreAttachments(client, withDigest(host.pullRef, manifest.digest)));
    const evaluation = evaluatePolicy({
        policy: host.policy,
        registries: host.registries,
        image: {
            reference: host.pullRef,
            manifestDigest: manifest.digest,
            ...(manifest.bytes ? { manifestBytes: manifest.bytes } : {}),
        },
        attachments: { signatures: sigs.layers, ...(sigs.error === undefined ? {} : { error: sigs.error }) },
        ...(host.readKeyFile ? { readKeyFile: host.readKeyFile } : {}),
    });
    return { evaluation, fetched: sigs };
}
/** Signatures the policy accepted on this digest: those every sigstoreSigned requirement accepted. */
function policyAccepted(evaluation) {
    const signed = evaluation.requirements.filter((r) => r.requirement.type === 'sigstoreSigned' && r.evaluated);
    if (signed.length === 0)
        return 0;
    const [first, ...rest] = signed.map((r) => new Set(r.signatures.filter((s) => s.accepted).map((s) => s.layerDigest)));
    return [...(first ?? [])].filter((d) => rest.every((s) => s.has(d))).length;
}

;// CONCATENATED MODULE: ./packages/core/src/trust/signature-check.ts
/**
 * Check 3: the image's own signatures, evaluated under the image's own policy and registries.d
 * for the reference hosts pull, with key files read from the image: if this passes, the next
 * update signed the same way verifies on a host running this image.
 */





async function signatureCheck(client, input) {
    const ref = formatReference(input.pullRef);
    let evaluation;
    try {
        const host = {
            policy: input.policy,
            registries: input.registries,
            pullRef: input.pullRef,
            readKeyFile: imageKeyReader(input.files),
        };
        ({ evaluation } = await evaluateHostPolicy(client, host, { digest: input.digest }));
    }
    catch (e) {
        // fulcio, pki, Rekor, GPG: parsed, judged by the other checks, not evaluated here.
        if (isBydigestError(e, 'POLICY'))
            return { verdict: skipped('signatures', e.message) };
        throw e;
    }
    const accepted = evaluation.requirements.flatMap((r) => r.signatures).filter((s) => s.accepted).length;
    if (evaluation.allowed) {
        return {
            verdict: verdict('signatures', [], accepted > 0
                ? `${ref} at ${input.digest.slice(0, 19)}…: ${accepted} signature(s) accepted under ${evaluation.scope.label}`
                : `${ref}: allowed without a signature`),
            evaluation,
        };
    }
    return {
        verdict: verdict('signatures', [
            {
                status: 'fail',
                file: input.policyFile,
                field: evaluation.scope.label,
                message: `a host running this image refuses ${ref} at ${input.digest}: ${evaluation.message}`,
                fix: "sign this digest in pull-ref's repository with the key the image trusts (sign-digest), with an identity the signedIdentity accepts; or fix the image's policy and keys",
            },
        ], ''),
        evaluation,
    };
}

;// CONCATENATED MODULE: ./packages/core/src/trust/signing-key-check.ts


function signingKeyCheck(scopeKeys, policyFile, scopeLabel, publicKeys) {
    const trusted = new Map();
    for (const k of scopeKeys)
        if (k.ref.role === 'public-key')
            for (const fp of k.fingerprints)
                trusted.set(fp, k);
    const findings = [];
    const given = (publicKeys ?? []).map(publicKeyId);
    // A .sig holds a layer per signing key and a host needs one of them to verify: one trusted key is enough.
    const accepted = given.filter((fp) => trusted.has(fp));
    if (given.length > 0 && accepted.length === 0) {
        const which = given.length === 1
            ? `the signing key (public-key sha256:${given[0].slice(0, 16)}) is not`
            : `none of the ${given.length} signing keys (public-key ${given.map((fp) => `sha256:${fp.slice(0, 16)}`).join(', ')}) is`;
        findings.push({
            status: 'fail',
            file: policyFile,
            field: scopeKeys.find((k) => k.ref.role === 'public-key')?.ref.field ?? scopeLabel,
            message: `${which} among the keys ${scopeLabel} trusts (${[...trusted.keys()].map((k) => `sha256:${k.slice(0, 16)}`).join(', ') || 'none'}): the next update signed with it is refused`,
            fix: 'install the public half of the key the pipeline signs with (cosign.pub) at the path the policy names, or sign with the key the image trusts',
        });
    }
    if (trusted.size === 1) {
        findings.push({
            status: 'warn',
            file: policyFile,
            field: [...trusted.values()][0].ref.field,
            message: `${scopeLabel} trusts one key only: losing or rotating it strands every host`,
            fix: 'use keyPaths with a second, offline backup key, so hosts keep updating across a rotation',
        });
    }
    if (trusted.size === 0 && given.length === 0)
        return skipped('signing-key', 'the scope trusts no public key');
    const summary = given.length === 0
        ? `${trusted.size} keys trusted`
        : given.length === 1
            ? `public-key sha256:${given[0].slice(0, 16)} is one of ${trusted.size} trusted keys`
            : `${accepted.length} of the ${given.length} signing keys are among the ${trusted.size} trusted keys`;
    return verdict('signing-key', findings, summary);
}

;// CONCATENATED MODULE: ./packages/core/src/trust/check-host-trust.ts











const ORDER = [
    'policy-loads',
    'key-files',
    'signatures',
    'scope-and-attachments',
    'signing-key',
    'fulcio-identity',
];
async function checkHostTrust(opts) {
    const src = await openTrustSource(opts.source, {
        ...(opts.client ? { client: opts.client } : {}),
        ...(opts.platform ? { platform: opts.platform } : {}),
    });
    try {
        const config = await readHostConfig(src);
        const loaded = loadHostConfig(config);
        const report = {
            source: src.description,
            files: { policy: config.policy.path, registriesD: config.registriesD.map((f) => f.path), keys: [] },
            keys: [],
            checks: [loaded.verdict],
            passed: false,
        };
        const digest = opts.digest ?? src.digest;
        if (digest)
            report.digest = digest;
        if (!loaded.policy || !loaded.registries)
            return finish(report, 'policy.json or registries.d does not load');
        const { policy, registries } = loaded;
        const refs = keyReferences(policy);
        const files = await readImageFiles(src, refs.flatMap((r) => (r.path !== undefined ? [r.path] : [])), config.etc, config.keyDirFiles);
        report.files.keys = [...files.values()].map((f) => f.path);
        const resolved = resolveKeys(refs, files);
        const scopeLabel = requirementsForImage(policy, opts.pullRef).label;
        const inScope = (label) => label === scopeLabel;
        report.scope = scopeLabel;
        report.keys = resolved.filter((k) => inScope(k.ref.scope));
        report.checks.push(keyFilesCheck(resolved, config.policy.path, inScope));
        if (!opts.client)
            report.checks.push(skipped('signatures', 'no registry to read the signatures from'));
        else if (!digest)
            report.checks.push(skipped('signatures', 'a dir: rootfs has no digest: give image-digest to judge its signatures'));
        else {
            // containers/image checks the policy on the index a tag names and again on the platform
            // manifest it picks: both need a signature the policy accepts.
            const digests = [
                ...new Set([opts.digest === undefined ? src.subjectDigest : undefined, digest].filter((d) => d !== undefined)),
            ];
            const verdicts = [];
            for (const d of digests)
                verdicts.push((await signatureCheck(opts.client, {
                    pullRef: opts.pullRef,
                    digest: d,
                    policy,
                    registries,
                    files,
                    policyFile: config.policy.path,
                })).verdict);
            report.checks.push(mergeVerdicts(verdicts));
        }
        report.checks.push(scopeCheck(policy, registries, opts.pullRef, config.policy.path).verdict);
        report.checks.push(signingKeyCheck(report.keys, config.policy.path, scopeLabel, opts.publicKeys));
        report.checks.push(fulcioCheck(policy, config.policy.path, inScope));
        return finish(report, '');
    }
    finally {
        await src.close();
    }
}
/** One verdict for the same check run on several manifests: the worst status, every finding. */
function mergeVerdicts(verdicts) {
    if (verdicts.length === 1)
        return verdicts[0];
    const rank = { fail: 3, warn: 2, pass: 1, skip: 0 };
    const worst = verdicts.reduce((a, b) => (rank[b.status] > rank[a.status] ? b : a));
    const findings = verdicts.flatMap((v) => v.findings);
    return {
        ...worst,
        findings,
        summary: worst.status === 'pass' ? verdicts.map((v) => v.summary).join('; ') : worst.summary,
    };
}
function finish(report, skipWhy) {
    for (const id of ORDER)
        if (!report.checks.some((c) => c.id === id))
            report.checks.push(skipped(id, skipWhy));
    report.checks.sort((a, b) => ORDER.indexOf(a.id) - ORDER.indexOf(b.id));
    report.passed = report.checks.every((c) => c.status !== 'fail');
    return report;
}
/** The failure to throw from a report that did not pass: every failing finding, with its file, field and fix. */
function hostTrustFailure(report) {
    const lines = report.checks.flatMap((c) => c.findings
        .filter((f) => f.status === 'fail')
        .map((f) => `${f.file}${f.field ? ` ${f.field}` : ''}: ${f.message}. Fix: ${f.fix}`));
    return new errors_BydigestError('POLICY', `${report.source}: hosts running this image would not verify updates:\n- ${lines.join('\n- ')}`, {
        hint: 'the job summary lists every check, the scope and the keys found',
    });
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

;// CONCATENATED MODULE: ./actions/check-host-trust/src/summary.ts

const MARK = { pass: '✅ pass', warn: '⚠️ warn', fail: '❌ fail', skip: '➖ skip' };
/** Ten seconds' reading: the scope, the keys, one row per check, then what to fix. */
async function writeSummary(r) {
    const s = jobSummary()
        .heading(`check-host-trust: ${r.passed ? 'hosts will verify updates' : 'hosts would NOT verify updates'}`)
        .paragraph(html `${code(r.source)}${r.digest ? html ` (${code(r.digest)})` : ''} → scope ${code(r.scope ?? 'none')}`);
    if (r.keys.length > 0) {
        s.table([
            [{ header: 'key' }, { header: 'named in' }, { header: 'fingerprint (sha256)' }],
            ...r.keys.map((k) => [
                code(k.ref.path ?? 'inline'),
                code(k.ref.field),
                k.problem ? `missing or invalid: ${k.problem}` : joinHtml(k.fingerprints.map((f) => code(f.slice(0, 16)))),
            ]),
        ]);
    }
    s.table([
        [{ header: 'check' }, { header: 'verdict' }, { header: 'detail' }],
        ...r.checks.map((c) => [c.title, MARK[c.status], c.summary]),
    ]);
    const problems = r.checks.flatMap((c) => c.findings);
    if (problems.length > 0) {
        s.table([
            [{ header: '' }, { header: 'file' }, { header: 'field' }, { header: 'fix' }],
            ...problems.map((f) => [
                MARK[f.status],
                code(f.file),
                f.field ? code(f.field) : 'whole file',
                f.fix,
            ]),
        ]);
    }
    await s.write();
}

;// CONCATENATED MODULE: ./actions/check-host-trust/src/run.ts



/** Reads the image's trust files, judges them, writes the summary; throws naming every failure. */
async function run(inputs, client = registryClient(inputs.registry)) {
    let report;
    try {
        report = await checkHostTrust({
            source: inputs.source,
            platform: inputs.platform,
            pullRef: inputs.pullRef,
            client,
            ...(inputs.publicKeys ? { publicKeys: inputs.publicKeys } : {}),
            ...(inputs.imageDigest ? { digest: inputs.imageDigest } : {}),
        });
    }
    finally {
        await client.close();
    }
    for (const c of report.checks) {
        (0,lib_core/* info */.pq)(`${c.status.toUpperCase().padEnd(4)} ${c.title}: ${c.summary}`);
        for (const f of c.findings.filter((x) => x.status === 'warn'))
            (0,lib_core/* warning */.$e)(`${f.file}${f.field ? ` ${f.field}` : ''}: ${f.message}. Fix: ${f.fix}`);
    }
    await writeSummary(report);
    if (!report.passed)
        throw hostTrustFailure(report);
    return report;
}

;// CONCATENATED MODULE: ./actions/check-host-trust/src/main.ts



/** The whole step (what GitHub's local-action calls): inputs, the checks, the outputs. */
async function main_run() {
    await runAction(async () => {
        const r = await run(await readInputs());
        setCheckedOutput('trusted', 'true', /^true$/);
        setCheckedOutput('scope', r.scope ?? '', (v) => v.length > 0);
        const fps = r.keys.filter((k) => k.ref.role === 'public-key').flatMap((k) => k.fingerprints);
        setCheckedOutput('key-fingerprints', fps.join(','), /^([a-f0-9]{64}(,[a-f0-9]{64})*)?$/);
        setCheckedOutput('warnings', String(r.checks.flatMap((c) => c.findings).filter((f) => f.status === 'warn').length), /^\d+$/);
        // A layout or rootfs that cannot be opened is the source input's fault; what the image holds is not.
    }, { inputFor: { LAYOUT: 'source', INVALID_ARGUMENT: 'source' } });
}


/***/ })

};
