export const id = 435;
export const ids = [435];
export const modules = {

/***/ 4435:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  run: () => (/* binding */ main_run)
});

// EXTERNAL MODULE: ./node_modules/.pnpm/@actions+core@3.0.1/node_modules/@actions/core/lib/core.js + 14 modules
var lib_core = __webpack_require__(3070);
;// CONCATENATED MODULE: ./packages/core/src/errors.ts
class BydigestError extends Error {
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
    return e instanceof BydigestError && (code === undefined || e.code === code);
}

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
    const input = typeof to === 'string' ? to : ((e instanceof BydigestError ? to[e.code] : undefined) ?? to['*']);
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
        lib_core/* setFailed */.C1(shortenLongWords(failureMessage(e)));
        if (e instanceof Error && !(e instanceof InputError) && !(e instanceof BydigestError)) {
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
    if (e instanceof BydigestError) {
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
        throw new BydigestError('INVALID_ARGUMENT', `${JSON.stringify(digest_short(value))} is not a digest (expected sha256:<64 hex>)`);
    }
    const [, algorithm, hex] = m;
    if (algorithm !== 'sha256') {
        throw new BydigestError('INVALID_ARGUMENT', `unsupported digest algorithm ${JSON.stringify(algorithm)} (only sha256 is supported)`);
    }
    if (!/^[a-f0-9]+$/.test(hex)) {
        throw new BydigestError('INVALID_ARGUMENT', `digest hex must be lower-case hexadecimal: ${JSON.stringify(digest_short(value))}`);
    }
    if (hex.length !== 64) {
        throw new BydigestError('INVALID_ARGUMENT', `sha256 digest must have 64 hex characters, got ${hex.length}: ${JSON.stringify(digest_short(value))}`);
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
    return new BydigestError('LAYOUT', `${where}: blob ${digest} is missing`, {
        hint: 'the layout is incomplete; re-export it',
    });
}
/** A blob read whole is checked against its name: a layout on disk is not content-addressed storage. */
function verifiedBlob(where, digest, bytes) {
    if (sha256Digest(bytes) !== digest)
        throw new BydigestError('LAYOUT', `${where}: blob ${digest} does not match its digest`);
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
            throw new BydigestError('LAYOUT', `oci-archive:${file} is not a tar archive or is empty`);
        return new TarLayout(file, members);
    }
    member(name) {
        return this.members.get(name);
    }
    async readIndex() {
        const m = this.member('index.json');
        if (!m)
            throw new BydigestError('LAYOUT', `${this.description}: index.json is missing`, {
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
            throw new BydigestError('LAYOUT', 'archive is truncated');
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
            throw new BydigestError('LAYOUT', `${this.description}: index.json is missing`, {
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
        throw new BydigestError('LAYOUT', `${kind}:${path}: no such ${kind === 'oci' ? 'directory' : 'file'}`, {
            hint: kind === 'oci'
                ? 'point `source` at the directory holding oci-layout and index.json'
                : 'point `source` at the .tar file',
        });
    }
    if (kind === 'oci') {
        if (!st.isDirectory())
            throw new BydigestError('LAYOUT', `oci:${path} is not a directory`, { hint: 'use oci-archive: for a tar file' });
        return new DirectoryLayout(path);
    }
    if (!st.isFile())
        throw new BydigestError('LAYOUT', `oci-archive:${path} is not a file`);
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
        throw new BydigestError('REGISTRY', `${where}: manifest ${m.digest} is not valid JSON`);
    }
    if (!doc || typeof doc !== 'object')
        throw new BydigestError('REGISTRY', `${where}: manifest ${m.digest} is not a JSON object`);
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
        throw new BydigestError('REGISTRY', `${where}: unsupported manifest media type ${JSON.stringify(mediaType)}`, {
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
        if (e instanceof BydigestError)
            throw e;
        throw new BydigestError('LAYOUT', `${layout.description}: index.json is not valid JSON`);
    }
    const entries = Array.isArray(index.manifests) ? index.manifests : [];
    let chosen;
    if (ref !== undefined) {
        chosen = entries.find((d) => d.annotations?.[REF_NAME] === ref);
        if (!chosen) {
            const names = entries.map((d) => d.annotations?.[REF_NAME]).filter(Boolean);
            throw new BydigestError('LAYOUT', `${layout.description}: no manifest named ${JSON.stringify(ref)} in index.json`, {
                hint: names.length ? `it has: ${names.join(', ')}` : 'its index.json names no manifests',
            });
        }
    }
    else if (entries.length === 1) {
        chosen = entries[0];
    }
    else {
        throw new BydigestError('LAYOUT', `${layout.description}: index.json lists ${entries.length} manifests; say which one with :REF`, {
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
    return new BydigestError('INVALID_REFERENCE', `invalid image reference ${JSON.stringify(shown)}: ${why}`, hint ? { hint } : {});
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
    throw new BydigestError('INVALID_ARGUMENT', `${JSON.stringify(value)} is not an image source`, {
        hint: 'use oci:DIR[:tag], oci-archive:FILE[:tag], docker://REPO@sha256:… or dir:ROOTFS',
    });
}
function parsePlatform(value) {
    const [os, architecture, variant, ...rest] = value.split('/');
    if (!os || !architecture || rest.length > 0) {
        throw new BydigestError('INVALID_ARGUMENT', `${JSON.stringify(value)} is not a platform`, {
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
        throw new BydigestError('NOT_FOUND', `${where}: the index has no ${want.os}/${want.architecture}${want.variant ? `/${want.variant}` : ''} image`, {
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
        throw new BydigestError('LAYOUT', `${where}: manifest ${m.digest} lists no layers`, {
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
                throw new BydigestError('INVALID_ARGUMENT', 'username and password must be given together');
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
        throw new BydigestError('INVALID_ARGUMENT', `auth file ${path} is not valid JSON`, {
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
                throw new BydigestError('INVALID_ARGUMENT', `auth file ${path}: entry for ${key} is not base64 user:password`);
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
                reject(new BydigestError('UNAUTHORIZED', `credential helper docker-credential-${name} could not be run: ${e.message}`));
        });
        child.on('close', (code) => {
            clearTimeout(timer);
            if (code !== 0) {
                if (/credentials not found/i.test(out + err) || optional)
                    return resolve(undefined);
                return reject(new BydigestError('UNAUTHORIZED', `credential helper docker-credential-${name} failed for ${server} (exit ${code})`));
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
                reject(new BydigestError('UNAUTHORIZED', `credential helper docker-credential-${name} printed no JSON`));
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
                if (e instanceof BydigestError && FINAL.has(e.code))
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
            if (e instanceof BydigestError && e.code === 'UNAUTHORIZED' && e.status !== undefined)
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
            throw new BydigestError('REGISTRY', `start blob upload ${where}: no Location header`, {
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
            throw new BydigestError('DIGEST_MISMATCH', `PUT blob ${where}: registry stored ${stored}`, { reference: where });
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
            throw new BydigestError('REGISTRY', `${req.operation} ${req.reference}: too many redirects`, {
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
                throw new BydigestError('UNAUTHORIZED', `${this.host} requires a username and password and none were found`, {
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
            throw new BydigestError('UNAUTHORIZED', `${this.host} sent a Bearer challenge without a realm`, { status: 401 });
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
                const err = new BydigestError('NETWORK', `${operation} from ${realm} failed: ${describeError(e)}`, {
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
                    throw new BydigestError('UNAUTHORIZED', `token endpoint ${realm} answered without a token`, {
                        operation,
                        reference,
                    });
                return done({
                    token,
                    expiresInSec: typeof body.expires_in === 'number' && body.expires_in > 0 ? body.expires_in : 60,
                });
            }
            await res.body.dump();
            const err = new BydigestError('UNAUTHORIZED', `${this.host}: the token endpoint refused ${creds ? `the credentials for ${creds.username}` : 'anonymous access'} (HTTP ${res.statusCode})`, {
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
    return new BydigestError('NETWORK', `${req.operation} ${req.reference}: cannot reach ${host}: ${describeError(e)}`, {
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
    return new BydigestError(code, `${req.operation} ${req.reference}: HTTP ${status}${detail ? ` (${detail})` : ''}`, {
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
            throw new BydigestError('DIGEST_MISMATCH', `HEAD manifest ${where}: registry answered digest ${digest}`, {
                reference: where,
            });
        }
        return { digest, mediaType: res.headers['content-type'] ?? '', size: Number(res.headers['content-length'] ?? 0) };
    }
    async getManifest(ref) {
        const m = await this.getManifestIfExists(ref);
        if (!m) {
            throw new BydigestError('NOT_FOUND', `GET manifest ${formatReference(ref)}: not found (HTTP 404)`, {
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
            throw new BydigestError('DIGEST_MISMATCH', `GET manifest ${where}: the bytes received hash to ${digest}`, {
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
            throw new BydigestError('DIGEST_MISMATCH', `PUT manifest ${where}: the bytes hash to ${digest}`, {
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
            throw new BydigestError('DIGEST_MISMATCH', `PUT manifest ${where}: registry stored ${stored}, expected ${digest}`, { reference: where });
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
            throw new BydigestError('DIGEST_MISMATCH', `GET blob ${where}: content does not match its digest`, {
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
                throw new BydigestError('REGISTRY', `the tag list of ${where} does not end: page ${page} ${seen.has(path) ? `asks again for ${path}` : `exceeds the bound of ${maxPages} pages`} (a \`last\` that loops); stopped after ${tags.length} tags`, {
                    operation: 'list tags',
                    reference: where,
                    hint: 'the registry paginates its tags/list wrongly; report it to the registry operator',
                });
            }
            seen.add(path);
            const { status, body, next } = await this.retryingBody(() => this.tagPage(repo, path));
            if (status === 404) {
                if (opts.missing === 'error') {
                    throw new BydigestError('NOT_FOUND', `${where}: the registry has no such repository (tags/list answered HTTP 404)`, {
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
    return (e instanceof BydigestError && e.code === 'NETWORK') || (!(e instanceof BydigestError) && isRetryableError(e));
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
        throw new BydigestError('REGISTRY', `tag list page ${page} of ${where} is not JSON: ${e.message}`, {
            operation: 'list tags',
            reference: where,
        });
    }
    const tags = doc?.tags;
    if (tags === undefined || tags === null)
        return [];
    if (!Array.isArray(tags) || !tags.every((t) => typeof t === 'string')) {
        throw new BydigestError('REGISTRY', `tag list page ${page} of ${where} is malformed: "tags" is not a list of strings`, { operation: 'list tags', reference: where });
    }
    return tags;
}
function manifestRef(ref) {
    if (ref.digest)
        return ref.digest;
    if (ref.tag)
        return ref.tag;
    throw new BydigestError('INVALID_REFERENCE', `${formatReference(ref)} has neither tag nor digest`);
}
async function readLimited(res, max, where) {
    const declared = Number(res.headers['content-length'] ?? NaN);
    if (declared > max) {
        await res.body.dump();
        throw new BydigestError('REGISTRY', `${where}: response of ${declared} bytes exceeds the ${max}-byte limit`);
    }
    const chunks = [];
    let total = 0;
    try {
        for await (const chunk of res.body) {
            total += chunk.length;
            if (total > max) {
                res.body.destroy();
                throw new BydigestError('REGISTRY', `${where}: response exceeds the ${max}-byte limit`);
            }
            chunks.push(chunk);
        }
    }
    catch (e) {
        if (e instanceof BydigestError)
            throw e;
        // undici's own error names neither the request nor the reference; NETWORK is retried (isBodyFailure).
        throw new BydigestError('NETWORK', `${where}: the body broke off after ${total} bytes: ${describeError(e)}`, {
            reference: where,
            cause: e,
        });
    }
    const bytes = Buffer.concat(chunks);
    if (!Number.isNaN(declared) && declared !== bytes.length) {
        throw new BydigestError('NETWORK', `${where}: body truncated (${bytes.length} of ${declared} bytes)`);
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

;// CONCATENATED MODULE: ./actions/generate-sbom/src/inputs.ts



const DEFAULT_OUTPUT = {
    'spdx-json': 'sbom.spdx.json',
    'cyclonedx-json': 'sbom.cdx.json',
};
function readInputs() {
    const source = requiredInput('source', 'e.g. oci:./layout:latest, oci-archive:image.tar, docker://ghcr.io/o/app@sha256:… or dir:./rootfs');
    const spec = parseInput('source', parseImageSource, { required: true });
    const platform = rawInput('platform') || 'linux/amd64';
    parseInput('platform', parsePlatform);
    const format = choiceInput('format', ['spdx-json', 'cyclonedx-json', 'both'], 'spdx-json');
    const output = rawInput('output');
    const workspace = process.env.GITHUB_WORKSPACE || process.cwd();
    const formats = format === 'both' ? ['spdx-json', 'cyclonedx-json'] : [format];
    if (format === 'both' && output) {
        throw new InputError('output', 'names one file, but format: both writes two', 'leave output empty (sbom.spdx.json and sbom.cdx.json), or run the step once per format');
    }
    const outputs = formats.map((f) => ({ format: f, path: (0,external_node_path_.resolve)(workspace, output || DEFAULT_OUTPUT[f]) }));
    const distro = rawInput('distro');
    if (distro && !/^[a-z0-9][a-z0-9._-]*$/.test(distro))
        throw new InputError('distro', `${JSON.stringify(distro)} is not an os-release ID`, 'e.g. fedora, rhel, centos, debian');
    return {
        source,
        remote: spec.kind === 'docker',
        platform,
        ...(distro ? { distro } : {}),
        allowEmpty: booleanInput('allow-empty', false),
        outputs,
        format,
        registry: readRegistryInputs(),
    };
}

// EXTERNAL MODULE: ./node_modules/.pnpm/packageurl-js@2.0.1/node_modules/packageurl-js/index.js
var packageurl_js = __webpack_require__(7970);
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
            throw new BydigestError('LAYER', `/${normalizeImagePath(path)}: more than ${MAX_SYMLINK_HOPS} symlinks (a loop at /${here}?)`, { operation: 'resolve image path' });
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
        return new BydigestError('DIGEST_MISMATCH', `${where}: layer ${layer.digest}: content is ${digest} (${size} bytes), not what the manifest says (${layer.size} bytes)`, {
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
        if (e instanceof BydigestError)
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
        throw new BydigestError('LAYER', `${where}: layer ${layer.digest}: ${e.message} (${at})`, {
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
        throw new BydigestError('INVALID_ARGUMENT', `dir:${root}: no such directory`, {
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

;// CONCATENATED MODULE: ./packages/core/src/pkgdb/apk.ts
/** Packages of an apk `lib/apk/db/installed`: blank-line separated records of `X:value` lines. */
function parseApkInstalled(text) {
    const pkgs = [];
    for (const record of text.split(/\n\s*\n/)) {
        const f = new Map();
        for (const line of record.split('\n')) {
            if (line.length > 2 && line[1] === ':' && !f.has(line[0]))
                f.set(line[0], line.slice(2));
        }
        const name = f.get('P');
        const version = f.get('V');
        if (!name || !version)
            continue;
        const pkg = { name, version };
        const set = (k, v) => v !== undefined && v !== '' && (pkg[k] = v);
        set('arch', f.get('A'));
        set('license', f.get('L'));
        set('supplier', f.get('m'));
        set('source', f.get('o'));
        const size = Number(f.get('I'));
        if (Number.isFinite(size) && size > 0)
            pkg.size = size;
        pkgs.push(pkg);
    }
    return pkgs;
}

;// CONCATENATED MODULE: ./packages/core/src/pkgdb/dpkg.ts
/** Paragraphs of a deb822 file (dpkg `status`, `status.d/*`): field → value, continuation lines joined. */
function paragraphs(text) {
    const out = [];
    let cur = new Map();
    let last;
    for (const line of text.split('\n')) {
        if (line.trim() === '') {
            if (cur.size)
                out.push(cur);
            cur = new Map();
            last = undefined;
        }
        else if (/^[ \t]/.test(line) && last) {
            cur.set(last, `${cur.get(last)}\n${line.trim()}`);
        }
        else {
            const i = line.indexOf(':');
            if (i <= 0)
                continue;
            last = line.slice(0, i);
            cur.set(last, line.slice(i + 1).trim());
        }
    }
    if (cur.size)
        out.push(cur);
    return out;
}
/** Installed packages of a dpkg status file; entries whose Status is not "… installed" are not installed. */
function parseDpkgStatus(text) {
    const pkgs = [];
    for (const p of paragraphs(text)) {
        const name = p.get('Package');
        const version = p.get('Version');
        const status = p.get('Status');
        if (!name || !version)
            continue;
        if (status !== undefined && !/\binstalled$/.test(status))
            continue;
        const pkg = { name, version };
        const arch = p.get('Architecture');
        if (arch)
            pkg.arch = arch;
        const maintainer = p.get('Maintainer');
        if (maintainer)
            pkg.supplier = maintainer;
        // "Source: glibc (2.36-9)" names the source package and, when it differs, its version.
        const source = p.get('Source')?.split(' ')[0];
        if (source)
            pkg.source = source;
        const size = Number(p.get('Installed-Size'));
        if (Number.isFinite(size) && size > 0)
            pkg.size = size * 1024;
        pkgs.push(pkg);
    }
    return pkgs;
}

;// CONCATENATED MODULE: ./packages/core/src/pkgdb/os-release.ts
/** Parses os-release: KEY=value lines, values optionally quoted with shell escapes. */
function parseOsRelease(text) {
    const fields = new Map();
    for (const line of text.split('\n')) {
        const m = /^\s*([A-Z0-9_]+)=(.*)$/.exec(line);
        if (!m)
            continue;
        let v = m[2].trim();
        const q = v[0];
        if ((q === '"' || q === "'") && v.endsWith(q) && v.length >= 2)
            v = v.slice(1, -1);
        if (q === '"')
            v = v.replace(/\\(["\\$`])/g, '$1');
        fields.set(m[1], v);
    }
    const os = {
        id: (fields.get('ID') ?? 'linux').toLowerCase(),
        idLike: (fields.get('ID_LIKE') ?? '').toLowerCase().split(/\s+/).filter(Boolean),
    };
    const versionId = fields.get('VERSION_ID');
    if (versionId)
        os.versionId = versionId;
    const pretty = fields.get('PRETTY_NAME');
    if (pretty)
        os.prettyName = pretty;
    return os;
}
/** Distribution IDs whose package namespaces vulnerability databases know (syft's and grype's names). */
const KNOWN_IDS = new Set([
    'fedora',
    'rhel',
    'centos',
    'rocky',
    'almalinux',
    'ol',
    'amzn',
    'mariner',
    'azurelinux',
    'photon',
    'opensuse-leap',
    'opensuse-tumbleweed',
    'sles',
    'sle-micro',
    'debian',
    'ubuntu',
    'alpine',
    'wolfi',
    'chainguard',
]);
/**
 * The distro an inventory is namespaced by: the image's `ID` when vulnerability databases know
 * it, else the first known `ID_LIKE` (Universal Blue's `ID=aurora ID_LIKE="fedora"` → fedora),
 * unless the user says otherwise. `rhel`'s PURL namespace is `redhat`, as syft writes it.
 */
function distroOf(os, override) {
    const id = override?.toLowerCase() || (KNOWN_IDS.has(os.id) ? os.id : (os.idLike.find((l) => KNOWN_IDS.has(l)) ?? os.id));
    return { id, ...(os.versionId ? { versionId: os.versionId } : {}), namespace: id === 'rhel' ? 'redhat' : id };
}

;// CONCATENATED MODULE: ./packages/core/src/pkgdb/rpm-header.ts

// rpm lib/header.c: a stored header blob has no magic; it starts at the index count.
const TYPE_INT32 = 4;
const TYPE_STRING = 6;
const TYPE_STRING_ARRAY = 8;
const TYPE_I18NSTRING = 9;
const RPMTAG = {
    NAME: 1000,
    VERSION: 1001,
    RELEASE: 1002,
    EPOCH: 1003,
    SIZE: 1009,
    VENDOR: 1011,
    LICENSE: 1014,
    ARCH: 1022,
    SOURCERPM: 1044,
};
/** rpm's own sanity limits (hdrchkTags / hdrchkData), so a corrupt count cannot make us allocate. */
const MAX_ENTRIES = 0xffff;
const MAX_DATA = 256 * 1024 * 1024;
/**
 * Reads the tags generate-sbom needs from one rpm header blob (as rpmdb stores it:
 * `il`, `dl`, `il` index entries, data store). Later ("dribble") entries override earlier ones.
 * `where` names the blob in errors (database file and record).
 */
function parseRpmHeader(blob, where) {
    const buf = Buffer.from(blob.buffer, blob.byteOffset, blob.byteLength);
    const fail = (why) => new BydigestError('PKGDB', `${where}: malformed rpm header: ${why}`, { operation: 'read rpm header' });
    if (buf.length < 8)
        throw fail(`${buf.length} bytes, shorter than the 8-byte preamble`);
    const il = buf.readUInt32BE(0);
    const dl = buf.readUInt32BE(4);
    if (il < 1 || il > MAX_ENTRIES)
        throw fail(`index count ${il} out of range`);
    if (dl > MAX_DATA)
        throw fail(`data length ${dl} out of range`);
    const dataStart = 8 + il * 16;
    if (dataStart + dl > buf.length)
        throw fail(`needs ${dataStart + dl} bytes, blob has ${buf.length} (truncated)`);
    const data = buf.subarray(dataStart, dataStart + dl);
    const entries = new Map();
    for (let i = 0; i < il; i++) {
        const at = 8 + i * 16;
        const tag = buf.readInt32BE(at);
        const type = buf.readUInt32BE(at + 4);
        const offset = buf.readInt32BE(at + 8);
        const count = buf.readUInt32BE(at + 12);
        if (offset < 0 || offset > dl)
            throw fail(`entry ${i} (tag ${tag}) points outside the data store`);
        entries.set(tag, { type, offset, count });
    }
    const str = (tag) => {
        const e = entries.get(tag);
        if (!e)
            return undefined;
        if (e.type !== TYPE_STRING && e.type !== TYPE_I18NSTRING && e.type !== TYPE_STRING_ARRAY)
            throw fail(`tag ${tag} has type ${e.type}, expected a string`);
        const end = data.indexOf(0, e.offset);
        if (end < 0)
            throw fail(`tag ${tag}: string runs past the data store`);
        const s = data.toString('utf8', e.offset, end);
        return s === '(none)' ? undefined : s;
    };
    const int = (tag) => {
        const e = entries.get(tag);
        if (!e)
            return undefined;
        if (e.type !== TYPE_INT32)
            throw fail(`tag ${tag} has type ${e.type}, expected int32`);
        if (e.count < 1 || e.offset + 4 > dl)
            throw fail(`tag ${tag}: int32 runs past the data store`);
        return data.readUInt32BE(e.offset);
    };
    const name = str(RPMTAG.NAME);
    const version = str(RPMTAG.VERSION);
    if (!name)
        throw fail('no NAME tag');
    if (version === undefined)
        throw fail(`package ${name} has no VERSION tag`);
    const pkg = { name, version, release: str(RPMTAG.RELEASE) ?? '' };
    const epoch = int(RPMTAG.EPOCH);
    if (epoch !== undefined)
        pkg.epoch = epoch;
    const optional = {
        arch: str(RPMTAG.ARCH),
        license: str(RPMTAG.LICENSE),
        supplier: str(RPMTAG.VENDOR),
        source: str(RPMTAG.SOURCERPM),
        size: int(RPMTAG.SIZE),
    };
    for (const [k, v] of Object.entries(optional))
        if (v !== undefined)
            pkg[k] = v;
    return pkg;
}
/** rpm's gpg-pubkey pseudo-packages are keys in the keyring, not software; rpm -qa lists them, syft drops them. */
function isRpmPubkey(p) {
    return p.name === 'gpg-pubkey' || p.name === 'gpg-pubkey-release';
}

;// CONCATENATED MODULE: ./packages/core/src/pkgdb/rpm-bdb.ts



// Berkeley DB hash file (db/dbinc/db_page.h), as rpm ≤ 4.15 wrote `Packages`: a metadata page,
// hash pages of key/value item offsets, values too big for the page (every header) on
// chains of overflow pages. The byte order is the writer's; the magic tells it.
const HASH_MAGIC = 0x061561;
const P_HASH_UNSORTED = 2;
const P_OVERFLOW = 7;
const P_HASH = 13;
const H_OFFPAGE = 3;
/** An off-page item: type, 3 unused bytes, first overflow page, total length. */
const HOFFPAGE_SIZE = 12;
const PAGE_HEADER = 26;
/** Packages of an rpm Berkeley DB `Packages` file, read without libdb. `where` names it in errors. */
async function readRpmBdb(file, where) {
    const db = await (0,promises_.readFile)(file);
    const fail = (why) => new BydigestError('PKGDB', `${where}: not a readable rpm Berkeley DB: ${why}`, {
        operation: 'read rpm bdb database',
    });
    if (db.length < 512)
        throw fail(`${db.length} bytes, shorter than a metadata page`);
    const le = db.readUInt32LE(12) === HASH_MAGIC;
    if (!le && db.readUInt32BE(12) !== HASH_MAGIC)
        throw fail('no hash database magic');
    const u32 = (at) => (le ? db.readUInt32LE(at) : db.readUInt32BE(at));
    const u16 = (at) => (le ? db.readUInt16LE(at) : db.readUInt16BE(at));
    const pageSize = u32(20);
    if (pageSize < 512 || pageSize > 65536 || (pageSize & (pageSize - 1)) !== 0)
        throw fail(`page size ${pageSize}`);
    if (db[24] !== 0)
        throw fail('the database is encrypted');
    const lastPage = u32(32);
    if ((lastPage + 1) * pageSize > db.length)
        throw fail(`${lastPage + 1} pages of ${pageSize} bytes do not fit in ${db.length} (truncated?)`);
    // Every overflow page belongs to one value, as Berkeley DB writes them: a page already read (a
    // chain that loops, or two items sharing a chain) is refused, so the chains read at most
    // every page once and the work stays linear in the file's size.
    const read = new Set();
    const overflowValue = (first) => {
        const parts = [];
        for (let page = first; page !== 0;) {
            if (page > lastPage || read.has(page))
                throw fail(`overflow chain reaches page ${page}${read.has(page) ? ', read already (a loop, or a page in two chains)' : ''}`);
            read.add(page);
            const start = page * pageSize;
            if (db[start + 25] !== P_OVERFLOW)
                throw fail(`overflow chain reaches page ${page}, of type ${db[start + 25]}`);
            const next = u32(start + 16);
            const used = next === 0 ? u16(start + 22) : pageSize - PAGE_HEADER;
            if (PAGE_HEADER + used > pageSize)
                throw fail(`overflow page ${page} claims ${used} bytes`);
            parts.push(db.subarray(start + PAGE_HEADER, start + PAGE_HEADER + used));
            page = next;
        }
        return Buffer.concat(parts);
    };
    const pkgs = [];
    for (let page = 1; page <= lastPage; page++) {
        const start = page * pageSize;
        const type = db[start + 25];
        if (type !== P_HASH && type !== P_HASH_UNSORTED)
            continue;
        const entries = u16(start + 20);
        if (entries % 2 !== 0 || PAGE_HEADER + entries * 2 > pageSize)
            throw fail(`hash page ${page} has ${entries} entries`);
        // Items alternate key, value; the value's offset is the odd one.
        for (let i = 1; i < entries; i += 2) {
            const at = start + u16(start + PAGE_HEADER + i * 2);
            if (at >= start + pageSize)
                throw fail(`hash page ${page} item ${i} points outside the page`);
            // Small values sit on the page (rpm's own bookkeeping record); headers are always off-page.
            if (db[at] !== H_OFFPAGE)
                continue;
            if (at + HOFFPAGE_SIZE > start + pageSize)
                throw fail(`hash page ${page} item ${i} runs past the page`);
            pkgs.push(parseRpmHeader(overflowValue(u32(at + 4)), `${where} (page ${page} item ${i})`));
        }
    }
    return pkgs.filter((p) => !isRpmPubkey(p));
}

;// CONCATENATED MODULE: ./packages/core/src/pkgdb/rpm-ndb.ts



// rpm lib/backend/ndb/rpmpkg.c: little-endian; a 32-byte header, slot pages of 16-byte slots,
// blobs in 16-byte blocks, each a 16-byte blob header then the rpm header blob.
const HEADER_MAGIC = 0x506d7052; // 'RpmP'
const SLOT_MAGIC = 0x746f6c53; // 'Slot'
const BLOB_MAGIC = 0x53626c42; // 'BlbS'
const PAGE = 4096;
const rpm_ndb_BLOCK = 16;
/** Packages of an rpm ndb database (SUSE's `Packages.db`). `where` names it in errors. */
async function readRpmNdb(file, where) {
    const db = await (0,promises_.readFile)(file);
    const fail = (why) => new BydigestError('PKGDB', `${where}: not a readable rpm ndb database: ${why}`, {
        operation: 'read rpm ndb database',
    });
    if (db.length < 32 || db.readUInt32LE(0) !== HEADER_MAGIC)
        throw fail('no RpmP header magic');
    const slotPages = db.readUInt32LE(12);
    if (slotPages < 1 || slotPages * PAGE > db.length)
        throw fail(`${slotPages} slot pages do not fit in ${db.length} bytes (truncated?)`);
    const pkgs = [];
    // Blobs do not overlap in a database rpm wrote; slots that point many times at one big blob
    // would make the work grow with slots × blob size, so the bytes read stay within the file's.
    let blobBytes = 0;
    // The header takes the first two slots of the first page.
    for (let at = 32; at < slotPages * PAGE; at += 16) {
        if (db.readUInt32LE(at) !== SLOT_MAGIC)
            throw fail(`slot at byte ${at} has no Slot magic`);
        const pkgIndex = db.readUInt32LE(at + 4);
        if (pkgIndex === 0)
            continue;
        const blobAt = db.readUInt32LE(at + 8) * rpm_ndb_BLOCK;
        if (blobAt + 16 > db.length)
            throw fail(`package ${pkgIndex}'s blob starts past the end of the file (truncated?)`);
        if (db.readUInt32LE(blobAt) !== BLOB_MAGIC || db.readUInt32LE(blobAt + 4) !== pkgIndex)
            throw fail(`package ${pkgIndex}'s blob header is not BlbS for it`);
        const len = db.readUInt32LE(blobAt + 12);
        if (blobAt + 16 + len > db.length)
            throw fail(`package ${pkgIndex}'s blob runs past the end of the file (truncated?)`);
        blobBytes += 16 + len;
        if (blobBytes > db.length)
            throw fail(`package ${pkgIndex}'s blob overlaps another (the slots name more blob bytes than the file holds)`);
        pkgs.push(parseRpmHeader(db.subarray(blobAt + 16, blobAt + 16 + len), `${where} (package ${pkgIndex})`));
    }
    return pkgs.filter((p) => !isRpmPubkey(p));
}

// EXTERNAL MODULE: external "node:url"
var external_node_url_ = __webpack_require__(3136);
;// CONCATENATED MODULE: ./packages/core/src/pkgdb/rpm-sqlite.ts






/**
 * Packages of an rpm sqlite database (rpmdb.sqlite). Opened read-only from a private copy:
 * `immutable=1` when there is no WAL to replay (no side files at all), plain read-only with
 * the copied `-wal` otherwise, since immutable would ignore the WAL's committed pages.
 * `where` names the database in errors (image path and layer).
 */
async function readRpmSqlite(file, where, opts = {}) {
    const { DatabaseSync } = await Promise.resolve(/* import() */).then(__webpack_require__.t.bind(__webpack_require__, 99, 23));
    const walSrc = opts.wal ?? `${file}-wal`;
    const walSize = (await (0,promises_.stat)(walSrc).catch(() => undefined))?.size ?? 0;
    const tmp = opts.inPlace && (walSize === 0 || opts.wal === `${file}-wal`) ? undefined : await privateDir('rpmdb');
    try {
        let db = file;
        if (tmp) {
            db = (0,external_node_path_.join)(tmp.path, 'rpmdb.sqlite');
            await (0,promises_.copyFile)(file, db);
            if (walSize > 0)
                await (0,promises_.copyFile)(walSrc, `${db}-wal`);
        }
        const url = (0,external_node_url_.pathToFileURL)(db);
        if (walSize === 0)
            url.search = '?immutable=1';
        let conn;
        try {
            conn = new DatabaseSync(url, { readOnly: true });
        }
        catch (e) {
            throw new BydigestError('PKGDB', `${where}: cannot open as sqlite: ${e.message}`, {
                operation: 'open rpm sqlite database',
                cause: e,
            });
        }
        try {
            // Row by row: a Fedora database holds a few hundred MB of headers, never all in memory.
            const pkgs = [];
            try {
                refuseComputedPackages(conn, where);
                const rows = conn.prepare('SELECT hnum, blob FROM Packages ORDER BY hnum');
                // hnum is a 32-bit number in rpm; a hostile row's 64-bit one must not become a RangeError.
                rows.setReadBigInts(true);
                for (const row of rows.iterate()) {
                    const r = row;
                    const at = `${where} (Packages hnum ${String(r.hnum)})`;
                    if (!(r.blob instanceof Uint8Array)) {
                        throw new BydigestError('PKGDB', `${at}: the blob is ${r.blob === null ? 'NULL' : `a ${typeof r.blob}`}, not an rpm header`, { operation: 'read rpm sqlite Packages table', hint: 'the file is corrupt, or not an rpmdb.sqlite' });
                    }
                    const p = parseRpmHeader(r.blob, at);
                    if (!isRpmPubkey(p))
                        pkgs.push(p);
                }
            }
            catch (e) {
                if (e instanceof BydigestError)
                    throw e;
                throw new BydigestError('PKGDB', `${where}: not a readable rpm database: ${e.message}`, {
                    operation: 'read rpm sqlite Packages table',
                    hint: 'the file is truncated or corrupt, or not an rpmdb.sqlite',
                    cause: e,
                });
            }
            return pkgs;
        }
        finally {
            conn.close();
        }
    }
    finally {
        await tmp?.remove();
    }
}
/**
 * rpm's Packages is a plain table. What a hostile image can put in its place is evaluated on
 * every read: a view (a recursive one never ends) or a virtual table runs code, and a virtual
 * generated column computes its value (zeroblob(900000000) allocates 900 MB a row).
 */
function refuseComputedPackages(conn, where) {
    const fail = (why) => new BydigestError('PKGDB', `${where}: not an rpm database: ${why}`, {
        operation: 'read rpm sqlite Packages table',
        hint: 'rpm writes Packages as a plain table of (hnum, blob); this file was not written by rpm',
    });
    const master = conn.prepare("SELECT type, sql FROM sqlite_master WHERE name = 'Packages' COLLATE NOCASE").all();
    const table = master[0];
    if (!table)
        return; // the SELECT reports the missing table in SQLite's words
    if (table.type !== 'table')
        throw fail(`Packages is a ${table.type}, not a table`);
    if (/^\s*CREATE\s+VIRTUAL\b/i.test(table.sql ?? ''))
        throw fail('Packages is a virtual table');
    const computed = conn.prepare("SELECT name FROM pragma_table_xinfo('Packages') WHERE hidden <> 0").all();
    if (computed.length > 0)
        throw fail(`Packages has computed columns (${computed.map((c) => c.name).join(', ')})`);
}

;// CONCATENATED MODULE: ./packages/core/src/pkgdb/catalog.ts








/** Every rpm database path rpm and syft look at, most recent layout first. */
const RPM_DIRS = ['/usr/lib/sysimage/rpm', '/var/lib/rpm', '/usr/share/rpm'];
const RPM_FILES = [
    ['rpmdb.sqlite', 'rpm-sqlite'],
    ['Packages.db', 'rpm-ndb'],
    ['Packages', 'rpm-bdb'],
];
const DATABASES = [
    ...RPM_DIRS.flatMap((d) => RPM_FILES.map(([f, k]) => [`${d}/${f}`, k])),
    ['/var/lib/dpkg/status', 'dpkg'],
    ['/lib/apk/db/installed', 'apk'],
];
const DPKG_STATUS_D = '/var/lib/dpkg/status.d';
const OS_RELEASE = ['/etc/os-release', '/usr/lib/os-release'];
/**
 * The text files are read whole, so their size is bounded: a hostile layer's 1 GB os-release
 * would otherwise take the action past its memory. os-release is a few hundred bytes; a dpkg
 * status or apk installed of a full desktop system is a few MB.
 */
const MAX_OS_RELEASE = 64 * 1024;
const MAX_TEXT_DB = 32 * 1024 * 1024;
async function readText(f, max, what) {
    if (f.size > max) {
        throw new BydigestError('PKGDB', `${f.path}${f.layer ? ` in layer ${f.layer}` : ''} is ${f.size} bytes, too large for ${what} (at most ${max})`, {
            operation: 'read package database',
            hint: 'the image holds something else at this path; check what its layers install there',
        });
    }
    return (0,promises_.readFile)(f.file, 'utf8');
}
/** The paths searched, for the "no package database" message. */
const PACKAGE_DB_PATHS = [...DATABASES.map(([p]) => p), `${DPKG_STATUS_D}/*`];
/** What generate-sbom asks the layer walk for; it stops at the first layer that completes the picture. */
function packageDbRequest() {
    return {
        paths: [...DATABASES.map(([p]) => p), ...RPM_DIRS.map((d) => `${d}/rpmdb.sqlite-wal`), ...OS_RELEASE],
        dirs: [DPKG_STATUS_D],
        enough: (f) => OS_RELEASE.some((p) => f.has(p)) && DATABASES.some(([p]) => f.has(p)),
    };
}
/** Reads the package database (the first found, in DATABASES order) and os-release out of a walk's result. */
async function catalogFound(found, opts) {
    const osFile = OS_RELEASE.map((p) => found.files.get(p)).find(Boolean);
    const os = osFile ? parseOsRelease(await readText(osFile, MAX_OS_RELEASE, 'an os-release')) : undefined;
    const withOs = (c) => (os ? { ...c, os } : c);
    const where = (f) => `${f.path}${f.layer ? ` in layer ${f.layer}` : ''}`;
    for (const [path, kind] of DATABASES) {
        const f = found.files.get(path);
        if (!f)
            continue;
        const db = { kind, path: f.path, ...(f.layer ? { layer: f.layer } : {}) };
        return withOs({ packages: await readDb(kind, f, where(f), found, opts), db });
    }
    const statusD = found.dirs.get(DPKG_STATUS_D) ?? [];
    if (statusD.length > 0) {
        const packages = [];
        for (const f of statusD)
            packages.push(...parseDpkgStatus(await readText(f, MAX_TEXT_DB, 'a dpkg status file')));
        const first = statusD[0];
        return withOs({
            packages,
            db: { kind: 'dpkg', path: DPKG_STATUS_D, ...(first.layer ? { layer: first.layer } : {}) },
        });
    }
    return withOs({ packages: [] });
}
async function readDb(kind, f, where, found, opts) {
    switch (kind) {
        case 'rpm-sqlite': {
            // The WAL counts only when it came with this database (same layer), never a stale one below.
            const wal = found.files.get(`${f.requested}-wal`);
            const sameWal = wal && wal.layer === f.layer && wal.path === `${f.path}-wal` ? wal.file : '/nonexistent';
            return readRpmSqlite(f.file, where, { inPlace: opts.inPlace, wal: sameWal });
        }
        case 'dpkg':
            return parseDpkgStatus(await readText(f, MAX_TEXT_DB, 'a dpkg status file'));
        case 'apk':
            return parseApkInstalled(await readText(f, MAX_TEXT_DB, 'an apk installed database'));
        case 'rpm-ndb':
            return readRpmNdb(f.file, where);
        case 'rpm-bdb':
            return readRpmBdb(f.file, where);
    }
}

;// CONCATENATED MODULE: ./packages/core/src/inventory/atomic-write.ts



/** Writes beside the target and renames over it: a reader never sees half a file, a failure leaves none. */
async function writeFileAtomic(path, data) {
    const tmp = (0,external_node_path_.join)((0,external_node_path_.dirname)(path), `.${(0,external_node_path_.basename)(path)}.${(0,external_node_crypto_.randomBytes)(6).toString('hex')}.tmp`);
    try {
        await (0,promises_.writeFile)(tmp, data, { mode: 0o644, flag: 'wx' });
        await (0,promises_.rename)(tmp, path);
    }
    catch (e) {
        await (0,promises_.rm)(tmp, { force: true });
        throw e;
    }
}

// EXTERNAL MODULE: ./node_modules/.pnpm/spdx-expression-parse@4.0.0/node_modules/spdx-expression-parse/index.js
var spdx_expression_parse = __webpack_require__(395);
var spdx_expression_parse_default = /*#__PURE__*/__webpack_require__.n(spdx_expression_parse);
;// CONCATENATED MODULE: ./packages/core/src/inventory/license.ts

/**
 * Fedora's legacy (pre-2022 "callaway") short names and the SPDX identifiers Fedora's own
 * conversion table gives them. Only unambiguous ones: "BSD" or "GPL+" stay LicenseRefs.
 */
const LEGACY = {
    GPLv1: 'GPL-1.0-only',
    GPLv2: 'GPL-2.0-only',
    'GPLv2+': 'GPL-2.0-or-later',
    GPLv3: 'GPL-3.0-only',
    'GPLv3+': 'GPL-3.0-or-later',
    LGPLv2: 'LGPL-2.0-only',
    'LGPLv2+': 'LGPL-2.0-or-later',
    'LGPLv2.1': 'LGPL-2.1-only',
    'LGPLv2.1+': 'LGPL-2.1-or-later',
    LGPLv3: 'LGPL-3.0-only',
    'LGPLv3+': 'LGPL-3.0-or-later',
    AGPLv3: 'AGPL-3.0-only',
    'AGPLv3+': 'AGPL-3.0-or-later',
    GFDL: 'GFDL-1.3-or-later',
    'MPLv1.0': 'MPL-1.0',
    'MPLv1.1': 'MPL-1.1',
    'MPLv2.0': 'MPL-2.0',
    'ASL 1.1': 'Apache-1.1',
    'ASL 2.0': 'Apache-2.0',
    Boost: 'BSL-1.0',
    zlib: 'Zlib',
    Python: 'Python-2.0.1',
    PSF: 'PSF-2.0',
    OpenSSL: 'OpenSSL',
    'Artistic 2.0': 'Artistic-2.0',
    'Public Domain': 'LicenseRef-Fedora-Public-Domain',
    'Copyright only': 'LicenseRef-Fedora-Copyright-Only',
    ISC: 'ISC',
    MIT: 'MIT',
    Vim: 'Vim',
    Ruby: 'Ruby',
    OFL: 'OFL-1.1',
    CC0: 'CC0-1.0',
    'EPL-1.0': 'EPL-1.0',
    UCD: 'Unicode-DFS-2016',
};
function valid(expr) {
    try {
        spdx_expression_parse_default()(expr);
        return true;
    }
    catch {
        return false;
    }
}
/** `LicenseRef-` + the text, reduced to the idstring SPDX allows (letters, digits, `.`, `-`). */
function licenseRefFor(text) {
    return `LicenseRef-${text.replace(/[^A-Za-z0-9.-]+/g, '-').replace(/^-+|-+$/g, '') || 'unknown'}`;
}
/**
 * The license a package database states, as a valid SPDX expression: taken as is when it
 * already is one; legacy Fedora names with `and`/`or` mapped term by term; otherwise a
 * LicenseRef carrying the text, so nothing is lost and nothing invalid is written.
 */
function declaredLicense(text) {
    const t = text?.trim();
    if (!t)
        return { expression: 'NOASSERTION' };
    if (valid(t))
        return { expression: t };
    const parts = t.split(/(\(|\)|\s+(?:and|or|AND|OR|with|WITH)\s+)/).filter((s) => s !== undefined && s.trim() !== '');
    const mapped = parts.map((p) => {
        const s = p.trim();
        if (s === '(' || s === ')')
            return s;
        if (/^(and|or|with)$/i.test(s))
            return ` ${s.toUpperCase()} `;
        const legacy = LEGACY[s];
        if (legacy)
            return legacy;
        return valid(s) ? s : undefined;
    });
    if (mapped.every((m) => m !== undefined)) {
        const expr = mapped.join('').replace(/\s+/g, ' ').replace(/\( /g, '(').replace(/ \)/g, ')').trim();
        if (valid(expr))
            return { expression: expr };
    }
    const licenseId = licenseRefFor(t);
    return { expression: licenseId, extracted: { licenseId, extractedText: t } };
}

;// CONCATENATED MODULE: ./packages/core/src/inventory/identifiers.ts

function ecosystemOf(kind) {
    return kind === 'dpkg' ? 'deb' : kind === 'apk' ? 'apk' : 'rpm';
}
/** `[epoch:]version-release` for rpm, the version as is for deb and apk (they carry it inside). */
function packageVersion(p) {
    const vr = p.release ? `${p.version}-${p.release}` : p.version;
    return p.epoch !== undefined ? `${p.epoch}:${vr}` : vr;
}
/**
 * The PURL syft writes for the same package (syft/pkg/cataloger/{redhat,debian,alpine}):
 * the epoch is a qualifier, not part of the version; `distro=ID-VERSION_ID`; `upstream=` the
 * source package; qualifiers sorted (packageurl-js sorts them).
 */
function packageUrl(eco, p, distro) {
    const q = {};
    if (p.arch)
        q.arch = p.arch;
    q.distro = distro.versionId ? `${distro.id}-${distro.versionId}` : distro.id;
    if (eco === 'rpm' && p.epoch !== undefined)
        q.epoch = String(p.epoch);
    if (p.source && (eco !== 'deb' || p.source !== p.name))
        q.upstream = p.source;
    const version = eco === 'rpm' ? (p.release ? `${p.version}-${p.release}` : p.version) : p.version;
    return new packageurl_js.PackageURL(eco, distro.namespace, p.name, version, q, undefined).toString();
}
/** CPE 2.3 formatted-string escaping: anything but letters, digits, `_`, `-` and `.` gets a backslash. */
function cpeValue(s) {
    return s.toLowerCase().replace(/[^a-z0-9_.-]/g, (c) => `\\${c}`);
}
/**
 * A CPE in the shape of syft's first candidate for an OS package: vendor and product from the
 * package name, version without the release (NVD's CPE dictionary has no release).
 */
function packageCpe(p) {
    const vendor = p.name;
    return `cpe:2.3:a:${cpeValue(vendor)}:${cpeValue(p.name)}:${cpeValue(p.version)}:*:*:*:*:*:*:*`;
}

;// CONCATENATED MODULE: ./packages/core/src/inventory/cyclonedx-writer.ts



/** A UUID-shaped serial number derived from the content, so the same input gives the same BOM. */
function serialOf(text) {
    const h = (0,external_node_crypto_.createHash)('sha256').update(text).digest('hex');
    return `urn:uuid:${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
/** A CycloneDX 1.6 JSON BOM: the image as metadata.component, the distro and every package as components. */
function cyclonedxDocument(inv) {
    const eco = inv.db ? ecosystemOf(inv.db.kind) : 'rpm';
    const components = inv.packages.map((p) => {
        const purl = packageUrl(eco, p, inv.distro);
        const lic = declaredLicense(p.license);
        const licenses = lic.expression === 'NOASSERTION'
            ? []
            : lic.extracted
                ? [{ license: { name: lic.extracted.extractedText } }]
                : [{ expression: lic.expression }];
        return {
            type: 'library',
            'bom-ref': purl,
            ...(p.supplier ? { supplier: { name: p.supplier }, publisher: p.supplier } : {}),
            name: p.name,
            version: packageVersion(p),
            ...(licenses.length ? { licenses } : {}),
            cpe: packageCpe(p),
            purl,
            properties: [
                ...(inv.db ? [{ name: 'bydigest:package:database', value: inv.db.path }] : []),
                ...(p.source ? [{ name: 'bydigest:package:source', value: p.source }] : []),
                ...(p.arch ? [{ name: 'bydigest:package:arch', value: p.arch }] : []),
            ],
        };
    });
    const os = {
        type: 'operating-system',
        'bom-ref': `os:${inv.distro.id}-${inv.distro.versionId ?? ''}`,
        name: inv.distro.id,
        ...(inv.distro.versionId ? { version: inv.distro.versionId } : {}),
        ...(inv.distro.prettyName ? { description: inv.distro.prettyName } : {}),
    };
    const rootRef = `image:${inv.image.digest ?? inv.image.name}`;
    const body = {
        bomFormat: 'CycloneDX',
        specVersion: '1.6',
        serialNumber: '',
        version: 1,
        metadata: {
            timestamp: `${inv.created.toISOString().slice(0, 19)}Z`,
            tools: { components: [{ type: 'application', name: inv.tool.name, version: inv.tool.version }] },
            component: {
                type: 'container',
                'bom-ref': rootRef,
                name: inv.image.name,
                ...(inv.image.digest
                    ? {
                        version: inv.image.digest,
                        hashes: [{ alg: 'SHA-256', content: inv.image.digest.replace(/^sha256:/, '') }],
                    }
                    : {}),
                ...(inv.image.purl ? { purl: inv.image.purl } : {}),
            },
        },
        components: [os, ...components],
        dependencies: [{ ref: rootRef, dependsOn: [os['bom-ref'], ...components.map((c) => c['bom-ref'])] }],
    };
    body.serialNumber = serialOf(`${rootRef}\n${JSON.stringify(components)}`);
    return body;
}

;// CONCATENATED MODULE: ./packages/core/src/inventory/spdx-writer.ts



const SOURCE_INFO = {
    rpm: 'acquired package info from RPM DB',
    deb: 'acquired package info from DPKG DB',
    apk: 'acquired package info from APK DB',
};
/** SPDXIDs are `SPDXRef-` + [A-Za-z0-9.-]; a short hash keeps two packages of one name apart. */
function spdxId(kind, name, unique) {
    const h = (0,external_node_crypto_.createHash)('sha256').update(unique).digest('hex').slice(0, 16);
    return `SPDXRef-${kind}-${name.replace(/[^A-Za-z0-9.-]+/g, '-')}-${h}`;
}
const isoSeconds = (d) => `${d.toISOString().slice(0, 19)}Z`;
/**
 * An SPDX 2.3 JSON document with the package fields syft writes (syft's spdxhelpers): the image as
 * the described root package (its digest as version and checksum, listed last), every package
 * CONTAINed by it.
 * The namespace is derived from the image digest and the content, so the same input gives the
 * same document.
 */
function spdxDocument(inv) {
    const eco = inv.db ? ecosystemOf(inv.db.kind) : 'rpm';
    const rootId = spdxId('DocumentRoot-Image', inv.image.name.split('/').pop() || 'image', inv.image.digest ?? inv.image.name);
    const extracted = new Map();
    const packages = inv.packages.map((p) => {
        const purl = packageUrl(eco, p, inv.distro);
        const lic = declaredLicense(p.license);
        if (lic.extracted)
            extracted.set(lic.extracted.licenseId, lic.extracted.extractedText);
        const supplier = p.supplier ? `Organization: ${p.supplier}` : 'NOASSERTION';
        return {
            name: p.name,
            SPDXID: spdxId('Package', p.name, purl),
            versionInfo: packageVersion(p),
            supplier,
            originator: supplier,
            downloadLocation: 'NOASSERTION',
            filesAnalyzed: false,
            sourceInfo: `${SOURCE_INFO[eco]}: ${inv.db?.path ?? ''}`,
            licenseConcluded: 'NOASSERTION',
            licenseDeclared: lic.expression,
            copyrightText: 'NOASSERTION',
            externalRefs: [
                { referenceCategory: 'SECURITY', referenceType: 'cpe23Type', referenceLocator: packageCpe(p) },
                { referenceCategory: 'PACKAGE-MANAGER', referenceType: 'purl', referenceLocator: purl },
            ],
        };
    });
    const digestHex = inv.image.digest?.replace(/^sha256:/, '');
    const root = {
        name: inv.image.name,
        SPDXID: rootId,
        ...(digestHex
            ? { versionInfo: inv.image.digest, checksums: [{ algorithm: 'SHA256', checksumValue: digestHex }] }
            : {}),
        supplier: 'NOASSERTION',
        downloadLocation: 'NOASSERTION',
        filesAnalyzed: false,
        primaryPackagePurpose: 'CONTAINER',
        licenseConcluded: 'NOASSERTION',
        licenseDeclared: 'NOASSERTION',
        copyrightText: 'NOASSERTION',
        ...(inv.image.purl
            ? {
                externalRefs: [
                    { referenceCategory: 'PACKAGE-MANAGER', referenceType: 'purl', referenceLocator: inv.image.purl },
                ],
            }
            : {}),
    };
    const body = {
        spdxVersion: 'SPDX-2.3',
        dataLicense: 'CC0-1.0',
        SPDXID: 'SPDXRef-DOCUMENT',
        name: inv.image.digest ? `${inv.image.name}@${inv.image.digest}` : inv.image.name,
        documentNamespace: '',
        creationInfo: {
            created: isoSeconds(inv.created),
            creators: [`Tool: ${inv.tool.name}-${inv.tool.version}`, 'Organization: bydigest'],
            ...(inv.distro.prettyName ? { comment: `operating system: ${inv.distro.prettyName}` } : {}),
        },
        // The image last: grype takes the distro from the first package's PURL (`distro=`), which the
        // image's pkg:oci PURL does not carry.
        packages: [...packages, root],
        relationships: [
            { spdxElementId: 'SPDXRef-DOCUMENT', relationshipType: 'DESCRIBES', relatedSpdxElement: rootId },
            ...packages.map((p) => ({ spdxElementId: rootId, relationshipType: 'CONTAINS', relatedSpdxElement: p.SPDXID })),
        ],
        ...(extracted.size
            ? {
                hasExtractedLicensingInfos: [...extracted].map(([licenseId, extractedText]) => ({
                    licenseId,
                    extractedText,
                    name: extractedText,
                })),
            }
            : {}),
    };
    const contentHash = (0,external_node_crypto_.createHash)('sha256').update(JSON.stringify(body.packages)).digest('hex').slice(0, 32);
    body.documentNamespace = `https://bydigest.invalid/spdx/${digestHex ?? 'rootfs'}/${contentHash}`;
    return body;
}

;// CONCATENATED MODULE: ./packages/core/src/inventory/generate.ts












const MEDIA_TYPE = {
    'spdx-json': SBOM_FORMAT_TYPES.spdx.artifactType,
    'cyclonedx-json': SBOM_FORMAT_TYPES.cyclonedx.artifactType,
};
/**
 * Reads the package database of an image (or a flat export) without unpacking it and writes
 * SPDX 2.3 and/or CycloneDX 1.6 JSON. Nothing is written when reading fails.
 */
async function generateSbom(opts) {
    const spec = parseImageSource(opts.source);
    const platform = parsePlatform(opts.platform || 'linux/amd64');
    let image;
    let found;
    let name;
    let purl;
    if (spec.kind === 'dir') {
        found = await findInRootfs(spec.path, packageDbRequest());
        name = spec.path;
    }
    else {
        if (spec.kind === 'docker') {
            if (!opts.client)
                throw new BydigestError('INVALID_ARGUMENT', 'docker:// sources need a registry client');
            image = await openRegistryImage(opts.client, spec.ref, platform);
            name = repositoryName(spec.ref);
            purl = new packageurl_js.PackageURL('oci', undefined, spec.ref.repository.split('/').pop(), image.digest, { repository_url: name }, undefined).toString();
        }
        else {
            image = await openLayoutImage(spec, platform);
            name = image.description;
        }
        try {
            found = await findInImage(image, packageDbRequest());
        }
        catch (e) {
            await image.close();
            throw e;
        }
    }
    try {
        const catalog = await catalogFound(found, { inPlace: spec.kind !== 'dir' });
        if (!catalog.db && !opts.allowEmpty) {
            throw new BydigestError('PKGDB', `${image?.description ?? opts.source}: no package database in the image${image ? ` ${image.digest}` : ''}`, {
                operation: 'find package database',
                ...(image ? { reference: image.digest } : {}),
                hint: `searched ${PACKAGE_DB_PATHS.join(', ')} (symlinks followed); set allow-empty: true to write an empty inventory`,
            });
        }
        const os = catalog.os ?? { id: 'linux', idLike: [] };
        const distro = { ...distroOf(os, opts.distro), ...(os.prettyName ? { prettyName: os.prettyName } : {}) };
        const inv = {
            image: { name, ...(image ? { digest: image.digest } : {}), ...(purl ? { purl } : {}) },
            distro,
            ...(catalog.db ? { db: catalog.db } : {}),
            packages: [...catalog.packages].sort((a, b) => a.name.localeCompare(b.name) || (a.arch ?? '').localeCompare(b.arch ?? '')),
            tool: opts.tool,
            created: opts.created ?? new Date(),
        };
        // Both documents are built before either is written: a failure writes neither.
        const docs = opts.outputs.map((o) => ({
            ...o,
            text: `${JSON.stringify(o.format === 'spdx-json' ? spdxDocument(inv) : cyclonedxDocument(inv), null, 2)}\n`,
        }));
        for (const d of docs)
            await writeFileAtomic(d.path, d.text);
        return {
            files: docs.map((d) => ({ format: d.format, path: d.path, mediaType: MEDIA_TYPE[d.format] })),
            packages: inv.packages.length,
            ...(image ? { imageDigest: image.digest, subjectDigest: image.subjectDigest } : {}),
            ...(catalog.db ? { db: catalog.db } : {}),
            distro: distro.versionId ? `${distro.id}-${distro.versionId}` : distro.id,
            layersRead: found.layersRead,
            layersTotal: found.layersTotal,
        };
    }
    finally {
        await found.close();
        await image?.close();
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
        await lib_core/* summary */.z.addRaw(`${text}\n`).write();
    }
}
function jobSummary() {
    return new JobSummary();
}

;// CONCATENATED MODULE: ./actions/generate-sbom/src/run.ts


const TOOL = { name: 'bydigest-generate-sbom', version: '0.1.0' };
/** Reads the image's package database and writes the SBOM file(s); the client only for docker://. */
async function run(inputs, client = inputs.remote ? registryClient(inputs.registry) : undefined) {
    try {
        const started = Date.now();
        const r = await generateSbom({
            source: inputs.source,
            platform: inputs.platform,
            ...(client ? { client } : {}),
            ...(inputs.distro ? { distro: inputs.distro } : {}),
            allowEmpty: inputs.allowEmpty,
            outputs: inputs.outputs,
            tool: TOOL,
        });
        const where = r.db
            ? `${r.db.path}${r.db.layer ? ` (layer ${r.db.layer})` : ''}`
            : 'no package database (allow-empty)';
        (0,lib_core/* info */.pq)(`${r.packages} packages from ${where}; distro ${r.distro}; read ${r.layersRead} of ${r.layersTotal} layers in ${Date.now() - started} ms`);
        for (const f of r.files)
            (0,lib_core/* info */.pq)(`wrote ${f.format} to ${f.path}`);
        await jobSummary()
            .heading('generate-sbom')
            .table([
            [{ header: 'source' }, { header: 'database' }, { header: 'packages' }, { header: 'SBOM' }],
            [code(inputs.source), r.db ? code(r.db.path) : 'none', r.packages, joinHtml(r.files.map((f) => code(f.path)))],
        ])
            .write();
        return r;
    }
    finally {
        await client?.close();
    }
}

;// CONCATENATED MODULE: ./actions/generate-sbom/src/main.ts



/** The whole step (what GitHub's local-action calls): inputs, the SBOM file(s), the outputs. */
async function main_run() {
    await runAction(async () => {
        const inputs = readInputs();
        const r = await run(inputs);
        const first = r.files[0];
        // attach-sbom takes `sbom` as is; with format: both, the SPDX file comes first.
        setCheckedOutput('sbom', first.path, (v) => v.startsWith('/'));
        setCheckedOutput('format', inputs.format, /^(spdx-json|cyclonedx-json|both)$/);
        setCheckedOutput('packages', String(r.packages), /^\d+$/);
        setCheckedOutput('media-type', first.mediaType, /^application\/vnd\.(spdx|cyclonedx)\+json$/);
        if (r.files[1])
            setCheckedOutput('cyclonedx', r.files[1].path, (v) => v.startsWith('/'));
        if (r.imageDigest)
            setCheckedOutput('image-digest', r.imageDigest, /^sha256:[a-f0-9]{64}$/);
    });
}


/***/ })

};
