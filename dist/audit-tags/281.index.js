export const id = 281;
export const ids = [281];
export const modules = {

/***/ 281:
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
const BUNDLE_ANNOTATION = 'dev.sigstore.cosign/bundle';
const CERTIFICATE_ANNOTATION = 'dev.sigstore.cosign/certificate';
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

;// CONCATENATED MODULE: ./packages/core/src/audit/types.ts
/** Every way a tag fails; `fail-on` lists these (and `unknown`). docs/actions/audit-tags.md gives each one's fix. */
const PROBLEM_CODES = [
    'unsigned',
    'bad-signature',
    'policy-rejected',
    'no-sbom',
    'sbom-unsigned',
    'not-same',
    'stale',
    'unreadable',
];

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
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

;// CONCATENATED MODULE: ./packages/core/src/oci/digest.ts


const DIGEST_RE = /^([a-z0-9]+(?:[.+_-][a-z0-9]+)*):([a-zA-Z0-9=_-]+)$/;
function digest_sha256Digest(bytes) {
    return `sha256:${(0,external_node_crypto_.createHash)('sha256').update(bytes).digest('hex')}`;
}
function digest_isSha256Digest(value) {
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
function digest_digestHex(digest) {
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
function reference_withTag(ref, tag) {
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

;// CONCATENATED MODULE: ./packages/core/src/policy/docker-reference.ts
/**
 * Docker references as containers/image's policy code sees them (docker/reference): fully
 * expanded names ("docker.io/library/busybox"), String() = name[:tag][@digest].
 */

/** reference.ParseNormalizedNamed; undefined where it would fail (a failed parse never matches). */
function parseNormalizedNamed(value) {
    try {
        return reference_parseReference(value);
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

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
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

;// CONCATENATED MODULE: ./packages/core/src/policy/load.ts
/** Reading a host's policy.json and registries.d from disk, with containers/image's rules. */






async function loadPolicyFile(path) {
    let bytes;
    try {
        bytes = await (0,promises_.readFile)(path);
    }
    catch (e) {
        throw new errors_BydigestError('POLICY', goReadFileError(path, e), {
            cause: e,
            hint: 'pass the policy.json your image installs (e.g. the file that becomes /etc/containers/policy.json)',
        });
    }
    return parsePolicy(bytes, path);
}
/** loadAndMergeConfig: every *.yaml in `dir` (other names are ignored); a missing directory is empty. */
async function loadRegistriesDir(dir) {
    let names;
    try {
        names = await (0,promises_.readdir)(dir);
    }
    catch (e) {
        const err = e;
        if (err.code === 'ENOENT')
            return { config: mergeRegistriesFiles([]), exists: false, files: [] };
        throw new errors_BydigestError('POLICY', goReadFileError(dir, err), {
            cause: e,
            hint: 'pass a readable registries.d directory',
        });
    }
    // containers/image reads them in directory order; sorted here so conflicts are reported stably.
    const files = names
        .filter((n) => n.endsWith('.yaml'))
        .sort()
        .map((n) => (0,external_node_path_.join)(dir, n));
    const texts = [];
    for (const path of files) {
        try {
            texts.push({ path, text: await (0,promises_.readFile)(path, 'utf8') });
        }
        catch (e) {
            throw new errors_BydigestError('POLICY', goReadFileError(path, e), { cause: e });
        }
    }
    return { config: mergeRegistriesFiles(texts), exists: true, files };
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
const retry_done = (value) => ({ done: value });
const retry_retryAfter = (error, waitMs) => ({ retry: error, waitMs });
/**
 * The one retry loop: runs `attempt` until it is done, throws, or has failed `retries + 1`
 * times (then the last failure is thrown). Waits are jittered exponential backoff unless the
 * attempt names its own (Retry-After). An error an attempt throws is final.
 */
async function retry_withRetry(policy, attempt) {
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
            return retry_done(await fn(n));
        }
        catch (e) {
            if (retryable(e))
                return retry_retryAfter(e);
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
        return retry_withRetry({ retries: this.deps.retries, baseMs: 0, maxMs: 0 }, async (attempt) => {
            if (attempt > 0 && (await this.deps.headBlob(repo, blob.digest)) !== undefined)
                return retry_done('uploaded');
            const mounting = opts.mountFrom && attempt === 0 ? await this.tryMount(repo, blob.digest, opts.mountFrom) : undefined;
            if (mounting?.mounted)
                return retry_done('mounted');
            let location;
            if (mounting && !mounting.mounted) {
                location = mounting.location;
            }
            else {
                const started = await this.start(repo, blob.digest);
                if (started.mounted)
                    return retry_done('mounted');
                location = started.location;
            }
            try {
                await this.finish(repo, location, blob);
                return retry_done('uploaded');
            }
            catch (e) {
                if (e instanceof errors_BydigestError && FINAL.has(e.code))
                    throw e;
                return retry_retryAfter(e);
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
        return retry_withRetry(this.policy, async (attempt) => {
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
                        return retry_retryAfter(err);
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
                    return retry_done(await this.followRedirect(req, new URL(headers.location, url).toString(), accept, 0));
                }
                return this.outcome(req, url, res, headers, accept, retrying);
            }
        });
    }
    /** A response's verdict: accepted, worth another attempt (408/429/5xx), or a final error. */
    async outcome(req, url, res, headers, accept, retrying) {
        if (accept(res.statusCode))
            return retry_done({ status: res.statusCode, headers, body: res.body, url });
        const err = await statusError(req, res.statusCode, headers, res.body);
        if (retrying && RETRYABLE_STATUS.has(res.statusCode))
            return retry_retryAfter(err, retryAfterMs(headers['retry-after'], this.backoff.retryAfterCapMs));
        throw err;
    }
    async followRedirect(req, url, accept, depth) {
        if (depth >= 5)
            throw new errors_BydigestError('REGISTRY', `${req.operation} ${req.reference}: too many redirects`, {
                operation: req.operation,
                reference: req.reference,
            });
        const sameHost = new URL(url).host === this.host;
        return retry_withRetry(this.policy, async (attempt) => {
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
                    return retry_retryAfter(networkError(req, url, e));
                throw networkError(req, url, e);
            }
            const headers = flattenHeaders(res.headers);
            this.emit(req, url, res.statusCode, attempt);
            if (REDIRECTS.has(res.statusCode) && headers.location) {
                await res.body.dump();
                return retry_done(await this.followRedirect(req, new URL(headers.location, url).toString(), accept, depth + 1));
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
        return retry_withRetry(this.policy, async (attempt) => {
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
                    return retry_retryAfter(err);
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
                return retry_done({
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
                return retry_retryAfter(err);
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

;// CONCATENATED MODULE: ./packages/core/src/oci/media-types.ts
const media_types_MediaType = {
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
    media_types_MediaType.OciManifest,
    media_types_MediaType.OciIndex,
    media_types_MediaType.DockerManifest,
    media_types_MediaType.DockerManifestList,
].join(', ');
function media_types_isIndexMediaType(mediaType) {
    return mediaType === media_types_MediaType.OciIndex || mediaType === media_types_MediaType.DockerManifestList;
}
function isManifestMediaType(mediaType) {
    return mediaType === media_types_MediaType.OciManifest || mediaType === media_types_MediaType.DockerManifest || media_types_isIndexMediaType(mediaType);
}
/** The empty JSON blob OCI 1.1 artifacts use as config; it must still be uploaded. */
const media_types_EMPTY_CONFIG = {
    mediaType: media_types_MediaType.OciEmpty,
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
            return media_types_MediaType.OciIndex;
        if (doc.config)
            return media_types_MediaType.OciManifest;
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
        return retry_withRetry({ retries: this.opts.retries ?? 3, baseMs: 250, maxMs: 4000 }, retryingOn(isBodyFailure, read));
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
            throw new errors_BydigestError('DIGEST_MISMATCH', `HEAD manifest ${where}: registry answered digest ${digest}`, {
                reference: where,
            });
        }
        return { digest, mediaType: res.headers['content-type'] ?? '', size: Number(res.headers['content-length'] ?? 0) };
    }
    async getManifest(ref) {
        const m = await this.getManifestIfExists(ref);
        if (!m) {
            throw new errors_BydigestError('NOT_FOUND', `GET manifest ${reference_formatReference(ref)}: not found (HTTP 404)`, {
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
        const where = reference_formatReference(ref);
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
        const res = await retry_withRetry({ retries: opts.retry === false ? 0 : (this.opts.retries ?? 3), baseMs: 100, maxMs: 1000 }, retryingOn(isBlobLinkRace, send));
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
    throw new errors_BydigestError('INVALID_REFERENCE', `${reference_formatReference(ref)} has neither tag nor digest`);
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

;// CONCATENATED MODULE: ./actions/audit-tags/src/inputs.ts


/** What fail-on may list: every problem code, and `unknown` (tags that could not be judged). */
const FAIL_ON = [...PROBLEM_CODES.filter((c) => c !== 'unreadable'), 'unknown'];
async function readInputs() {
    requiredInput('images', 'the repositories to audit, one per line, e.g. ghcr.io/owner/image');
    const repositories = listInput('images').map((raw) => parseInput('images', () => repositoryOnly(raw)));
    const require = requireInput();
    const policyPath = rawInput('policy');
    const registriesDir = rawInput('registries-d');
    if (rawInput('public-key') && policyPath)
        throw new InputError('policy', 'is given with public-key; give one of them', 'public-key checks as cosign verify --key does; policy + registries-d as a bootc host does');
    if ((require.signature || require.sbom) && !rawInput('public-key') && !policyPath) {
        throw new InputError('public-key', 'is required unless policy is given', 'pass cosign.pub (PEM text or paths, one per line), or a policy.json and registries.d to audit as a bootc host');
    }
    if (registriesDir && !policyPath)
        throw new InputError('registries-d', 'is given without policy', 'registries.d only matters for evaluating a policy.json: pass policy too');
    if (policyPath && !registriesDir)
        throw new InputError('registries-d', 'is required with policy', 'pass the registries.d directory your image installs (use-sigstore-attachments: true)');
    const inputs = {
        repositories,
        require,
        failOn: failOnInput(),
        expectSame: expectSameInput(),
        registry: readRegistryInputs(),
    };
    if (rawInput('public-key'))
        inputs.publicKeys = await publicKeysInput('public-key');
    if (policyPath) {
        inputs.host = {
            path: policyPath,
            registriesDir,
            policy: await withInput('policy', () => loadPolicyFile(policyPath)),
            registries: await withInput('registries-d', () => loadRegistriesDir(registriesDir)),
        };
    }
    const stale = staleInput();
    if (stale)
        inputs.stale = stale;
    return inputs;
}
function repositoryOnly(raw) {
    const ref = reference_parseReference(raw);
    if (ref.tag !== undefined || ref.digest !== undefined)
        throw new InputError('images', `${truncate(raw)} names a tag or digest; list repositories`, 'e.g. ghcr.io/owner/image (every tag of it is audited)');
    return ref;
}
function requireInput() {
    const parts = listInput('require');
    const bad = parts.find((p) => p !== 'signature' && p !== 'sbom');
    if (bad !== undefined)
        throw new InputError('require', `${JSON.stringify(truncate(bad))} is not signature or sbom`, 'e.g. signature,sbom (each part optional)');
    return { signature: parts.includes('signature'), sbom: parts.includes('sbom') };
}
function failOnInput() {
    const parts = listInput('fail-on');
    if (parts.length === 0 || (parts.length === 1 && parts[0] === 'any'))
        return 'any';
    if (parts.length === 1 && parts[0] === 'none')
        return 'none';
    const bad = parts.find((p) => !FAIL_ON.includes(p));
    if (bad !== undefined)
        throw new InputError('fail-on', `${JSON.stringify(truncate(bad))} is not a problem code`, `any, none, or a list of ${FAIL_ON.join(', ')}`);
    return parts;
}
function staleInput() {
    const raw = rawInput('stale-tags');
    if (!raw) {
        if (rawInput('max-age-days'))
            throw new InputError('max-age-days', 'is given without stale-tags', 'stale-tags names the channel tags to age, e.g. ^(stable|latest)$');
        return undefined;
    }
    let pattern;
    try {
        pattern = new RegExp(raw);
    }
    catch (e) {
        throw new InputError('stale-tags', `is not a regular expression: ${e.message}`, 'e.g. ^(stable|latest)$');
    }
    return { pattern, maxAgeDays: integerInput('max-age-days', 14, { min: 0, max: 36_500 }) };
}
/** Bare tags, looked up in every repository: a value that is no tag is the input's fault, not a failed audit. */
function expectSameInput() {
    const tags = listInput('expect-same');
    const bad = tags.find((t) => !reference_isValidTag(t));
    if (bad !== undefined) {
        throw new InputError('expect-same', `${JSON.stringify(truncate(bad))} is not a tag`, 'list bare tags, e.g. latest stable 41');
    }
    return tags;
}

;// CONCATENATED MODULE: ./packages/core/src/util/map-limit.ts
/** Runs `fn` over `items` with at most `limit` in flight; rejects on the first failure. */
async function map_limit_mapLimit(items, limit, fn) {
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
function checkPayloadSignature(publicKey, payload, signatureBase64) {
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
    return checkPayloadSignature(publicKey, payload, signatureBase64).valid;
}

;// CONCATENATED MODULE: ./packages/core/src/cosign/legacy/signature-store.ts






async function readSignatureManifest(client, repo, digest) {
    const ref = reference_withTag(repo, signatureTag(digest));
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
    const signatureRef = reference_formatReference(reference_withTag(image, signatureTag(image.digest)));
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
        .filter((l) => l.mediaType === constants_SIMPLE_SIGNING_MEDIA_TYPE)
        .map((l) => verifyLayer(l, digest, keys));
    return { signatureRef, stored, verdicts, valid: verdicts.filter((v) => v.keyIndex !== undefined) };
}
function verifyLayer(layer, digest, keys) {
    const verdict = { layerDigest: layer.layerDigest };
    const signature = layer.annotations[constants_SIGNATURE_ANNOTATION];
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
function certificateIdentity(certificatePem) {
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
    const layers = fetched.layers.filter((l) => l.mediaType === constants_SIMPLE_SIGNING_MEDIA_TYPE && l.annotations[CERTIFICATE_ANNOTATION] !== undefined);
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
    const setText = layer.annotations[BUNDLE_ANNOTATION];
    if (!setText)
        throw new Error('a keyless signature without a Rekor bundle (dev.sigstore.cosign/bundle annotation) cannot be verified offline');
    let leaf;
    try {
        leaf = new external_node_crypto_.X509Certificate(layer.annotations[CERTIFICATE_ANNOTATION]);
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
        bundle = (0,bundle_dist/* bundleFromJSON */.vw)(JSON.parse(bundleBytes.toString('utf8')));
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
        const id = certificateIdentity(new external_node_crypto_.X509Certificate(leaf).toString());
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
        new verify_dist/* Verifier */.BL(trust.material, { tlogThreshold: 1, ctlogThreshold: 1 }).verify((0,verify_dist/* toSignedEntity */.DC)(bundle), {
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
        const check = checkPayloadSignature(key, sig.payload, signature);
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
        payload = parseSimpleSigningPayload(payloadBytes);
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
    const pem = sig.annotations[CERTIFICATE_ANNOTATION];
    if (pem === undefined)
        return reject(`missing ${CERTIFICATE_ANNOTATION} annotation: the signature was made with a key, not a Fulcio certificate`, 'NO_CERTIFICATE');
    if (sig.payload === undefined)
        return reject(sig.unreadable ?? 'the signature payload could not be read', 'PAYLOAD_UNREADABLE');
    let emails;
    let uris;
    try {
        ({ emails, uris } = certificateIdentity(pem));
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
    const sigs = fetched ?? (await readSigstoreAttachments(client, reference_withDigest(host.pullRef, manifest.digest)));
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

;// CONCATENATED MODULE: ./packages/core/src/oci/remote/referrers.ts






/** The tag the OCI 1.1 fallback keeps a subject's referrers index under. */
function referrersFallbackTag(subjectDigest) {
    return `sha256-${digest_digestHex(subjectDigest)}`;
}
/** ghcr.io and Docker Hub have no referrers API: go to the tag directly, saving a request. */
function referrers_defaultReferrersMode(registry) {
    return registry === 'ghcr.io' || registry === 'docker.io' ? 'tag' : 'auto';
}
/**
 * The referrers of a digest, optionally filtered by artifact type: through the referrers
 * API where the registry has one, else the `sha256-<hex>` fallback index.
 */
async function referrers_listReferrers(client, repo, subjectDigest, opts = {}) {
    const mode = opts.mode ?? 'auto';
    const filter = (ds) => opts.artifactType ? ds.filter((d) => d.artifactType === opts.artifactType) : ds;
    if (mode !== 'tag') {
        const api = await referrersThroughApi(client, repo, subjectDigest, opts.artifactType);
        if (api)
            return { via: 'api', descriptors: filter(api) };
        if (mode === 'api') {
            throw new errors_BydigestError('REGISTRY', `${reference_formatReference(repo)} has no referrers API`, {
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
            throw new errors_BydigestError('REGISTRY', `the referrers of ${where} do not end: page ${page} ${asked.has(next) ? `asks again for ${next}` : `exceeds the bound of ${MAX_REFERRER_PAGES} pages`}`, {
                operation: 'GET referrers',
                reference: where,
                hint: 'the registry paginates its referrers API wrongly; report it to the registry operator',
            });
        asked.add(next);
        const more = await client.referrersApi(repo, subjectDigest, artifactType, next);
        if (!more)
            throw new errors_BydigestError('REGISTRY', `page ${page} of the referrers of ${where} (${next}) is not a referrers index`, {
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
    const m = await client.getManifestIfExists(reference_withTag(repo, tag));
    if (!m)
        return undefined;
    const where = reference_formatReference(reference_withTag(repo, tag));
    if (m.digest === subjectDigest) {
        throw new errors_BydigestError('REGISTRY', `${where} resolves to the subject ${subjectDigest} itself, not to a referrers index`, {
            hint: 'this registry maps sha256-<hex> tags onto digests; use referrers: api if it has a referrers API',
        });
    }
    if (!media_types_isIndexMediaType(m.mediaType)) {
        throw new errors_BydigestError('REGISTRY', `${where} holds a ${m.mediaType}, not a referrers index; refusing to overwrite it`);
    }
    return m;
}
function indexEntries(m, where) {
    const doc = manifest_parseManifestJson(m, where);
    return Array.isArray(doc.manifests) ? doc.manifests : [];
}
const sameDescriptor = (a, b) => a.digest === b.digest;
/** A referrers descriptor carries the artifact type and every annotation of the referrer. */
function referrers_referrerDescriptor(manifest) {
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
async function referrers_appendToFallbackIndex(client, repo, subjectDigest, descriptor, settle = {}, 
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
async function referrers_subjectDescriptor(client, repo, digest) {
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
        const listed = await referrers_listReferrers(client, repo, subject, { mode: 'api' });
        if (listed.descriptors.some((d) => d.digest === manifest.digest))
            return { via: 'api' };
        throw new BydigestError('REGISTRY', `${formatReference(repo)} did not index referrer ${manifest.digest}`, {
            hint: 'use referrers: tag or auto',
        });
    }
    await referrers_appendToFallbackIndex(client, repo, subject, referrers_referrerDescriptor(manifest), opts.settle, opts.early);
    return { via: 'tag' };
}

;// CONCATENATED MODULE: ./packages/core/src/cosign/bundle/bundle.ts
/**
 * The sigstore bundle cosign 3 writes for `cosign sign --key`: a DSSE envelope around an in-toto
 * Statement v1 with predicateType https://sigstore.dev/cosign/sign/v1, attached to the image as an
 * OCI 1.1 referrer. Pure functions: the caller moves the bytes (bundle-store.ts).
 * Layout checked against what cosign 3.1 writes to distribution 2.8 (see bundle.test.ts).
 */




const SIGSTORE_BUNDLE_MEDIA_TYPE = 'application/vnd.dev.sigstore.bundle.v0.3+json';
/** Every bundle version's media type starts so; cosign matches referrers by this prefix. */
const SIGSTORE_BUNDLE_MEDIA_TYPE_PREFIX = 'application/vnd.dev.sigstore.bundle';
const IN_TOTO_PAYLOAD_TYPE = 'application/vnd.in-toto+json';
const IN_TOTO_STATEMENT_V1 = 'https://in-toto.io/Statement/v1';
const COSIGN_SIGN_PREDICATE_TYPE = 'https://sigstore.dev/cosign/sign/v1';
const BUNDLE_CONTENT_ANNOTATION = 'dev.sigstore.bundle.content';
const BUNDLE_PREDICATE_TYPE_ANNOTATION = 'dev.sigstore.bundle.predicateType';
const CREATED_ANNOTATION = 'org.opencontainers.image.created';
const TITLE_ANNOTATION = 'org.opencontainers.image.title';
/** DSSE pre-authentication encoding; lengths are byte counts, in ASCII decimal. */
function dssePae(payloadType, payload) {
    const type = Buffer.from(payloadType, 'utf8');
    return Buffer.concat([Buffer.from(`DSSEv1 ${type.length} `), type, Buffer.from(` ${payload.length} `), payload]);
}
/** `publicKey.hint` as cosign writes it: standard base64 of sha256 over the PKIX DER key. */
function publicKeyHint(key) {
    return createHash('sha256')
        .update(key.export({ type: 'spki', format: 'der' }))
        .digest('base64');
}
/** protojson (which cosign uses for the Struct) writes map keys sorted. */
function sortedStrings(annotations) {
    const out = {};
    for (const k of Object.keys(annotations).sort()) {
        const v = annotations[k];
        if (typeof v !== 'string')
            throw new BydigestError('INVALID_ARGUMENT', `annotation ${k} must be a string`);
        out[k] = v;
    }
    return out;
}
/**
 * The statement `cosign sign` signs, byte for byte: no subject name, the `-a` annotations on the
 * subject (cosign verify prints them as "optional"), an empty predicate.
 */
function cosignSignStatement(manifestDigest, annotations = {}) {
    const statement = {
        _type: IN_TOTO_STATEMENT_V1,
        subject: [{ digest: { sha256: digestHex(manifestDigest) }, annotations: sortedStrings(annotations) }],
        predicateType: COSIGN_SIGN_PREDICATE_TYPE,
        predicate: {},
    };
    return Buffer.from(JSON.stringify(statement), 'utf8');
}
/**
 * A v0.3 bundle with the signer's DSSE signature (SHA-256; ECDSA DER or RSA PKCS#1 v1.5) over the PAE of the statement.
 */
async function bundle_buildSignBundle(signer, manifestDigest, annotations = {}) {
    const statement = cosignSignStatement(manifestDigest, annotations);
    if (signer.signDsseBundle) {
        const { bundle, publicKey } = await signer.signDsseBundle(IN_TOTO_PAYLOAD_TYPE, statement);
        const bytes = Buffer.from(JSON.stringify(bundle), 'utf8');
        return { bytes, digest: sha256Digest(bytes), statement, publicKey };
    }
    const { signature: sig, material } = await signer.sign(dssePae(IN_TOTO_PAYLOAD_TYPE, statement));
    if (material.kind !== 'public-key') {
        throw new BydigestError('SIGNATURE', 'sigstore bundles are written for key signers only; a certificate signer writes its signature to the .sig', {
            hint: 'use format: legacy with this signer',
        });
    }
    // Field order of the protobuf messages, as protojson writes them; no tlogEntries offline.
    const bundle = {
        mediaType: SIGSTORE_BUNDLE_MEDIA_TYPE,
        verificationMaterial: { publicKey: { hint: publicKeyHint(material.publicKey) } },
        dsseEnvelope: { payload: statement.toString('base64'), payloadType: IN_TOTO_PAYLOAD_TYPE, signatures: [{ sig }] },
    };
    const bytes = Buffer.from(JSON.stringify(bundle), 'utf8');
    return { bytes, digest: sha256Digest(bytes), statement, publicKey: material.publicKey };
}
/** RFC 3339 in whole seconds, UTC, as cosign stamps `org.opencontainers.image.created`. */
function bundleCreatedTime(now) {
    return now.toISOString().replace(/\.\d{3}Z$/, 'Z');
}
/**
 * The referrer manifest: artifactType and the one layer of the bundle media type, the empty
 * config, the annotations cosign sets (they are copied into the referrers index, where tools
 * tell signatures from attestations without fetching each manifest). The layer title lets
 * `oras pull` save it under a unique name (cosign's BUNDLE_SPEC).
 */
function bundle_bundleReferrerManifest(input) {
    const { subject, bundle } = input;
    if (!isSha256Digest(subject.digest) || !isSha256Digest(bundle.digest)) {
        throw new BydigestError('INVALID_ARGUMENT', 'a bundle referrer needs sha256 digests for its subject and bundle');
    }
    const manifest = {
        schemaVersion: 2,
        mediaType: MediaType.OciManifest,
        artifactType: SIGSTORE_BUNDLE_MEDIA_TYPE,
        config: { mediaType: EMPTY_CONFIG.mediaType, digest: EMPTY_CONFIG.digest, size: EMPTY_CONFIG.size },
        layers: [
            {
                mediaType: SIGSTORE_BUNDLE_MEDIA_TYPE,
                digest: bundle.digest,
                size: bundle.size,
                annotations: { [TITLE_ANNOTATION]: `sha256-${digestHex(bundle.digest)}.sigstore.json` },
            },
        ],
        subject: { mediaType: subject.mediaType, digest: subject.digest, size: subject.size },
        annotations: {
            [BUNDLE_CONTENT_ANNOTATION]: 'dsse-envelope',
            [BUNDLE_PREDICATE_TYPE_ANNOTATION]: COSIGN_SIGN_PREDICATE_TYPE,
            [CREATED_ANNOTATION]: bundleCreatedTime(input.created),
        },
    };
    const bytes = Buffer.from(JSON.stringify(manifest), 'utf8');
    return { bytes, digest: sha256Digest(bytes), mediaType: MediaType.OciManifest };
}

;// CONCATENATED MODULE: ./packages/core/src/cosign/bundle/bundle-verify.ts




/** cosign reads bundles of v0.2 and later; both spellings of the media type occur. */
const ACCEPTED_MEDIA_TYPES = new Set([
    SIGSTORE_BUNDLE_MEDIA_TYPE,
    'application/vnd.dev.sigstore.bundle+json;version=0.2',
    'application/vnd.dev.sigstore.bundle+json;version=0.3',
]);
const STATEMENT_TYPES = new Set([IN_TOTO_STATEMENT_V1, 'https://in-toto.io/Statement/v0.1']);
/** protojson decodes bytes fields from standard or URL-safe base64, padded or not. */
const PROTO_BASE64 = /^[A-Za-z0-9+/_-]*={0,2}$/;
const reject = (reason, extra = {}) => ({
    valid: false,
    reason,
    ...extra,
});
/** Duplicate members make a document mean different things to different parsers; protojson refuses them. */
function duplicateKey(node) {
    if (node.kind === 'array') {
        for (const item of node.items) {
            const d = duplicateKey(item);
            if (d !== undefined)
                return d;
        }
    }
    else if (node.kind === 'object') {
        const seen = new Set();
        for (const [k, v] of node.entries) {
            if (seen.has(k))
                return k;
            seen.add(k);
            const d = duplicateKey(v);
            if (d !== undefined)
                return d;
        }
    }
    return undefined;
}
function parseStrict(text, what) {
    let tree;
    try {
        tree = parseJsonTree(text);
    }
    catch (e) {
        if (e instanceof JsonSyntaxError)
            return { ok: false, reason: `${what} is not JSON: ${e.message}` };
        throw e;
    }
    const dup = duplicateKey(tree);
    if (dup !== undefined)
        return { ok: false, reason: `${what} has a duplicate ${JSON.stringify(dup)} member` };
    return { ok: true, value: toPlain(tree) };
}
const isObject = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);
function decodeProtoBytes(v) {
    if (typeof v !== 'string' || !PROTO_BASE64.test(v) || v.replace(/=+$/, '').length % 4 === 1)
        return undefined;
    return Buffer.from(v.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
}
function parseStatement(payload) {
    const parsed = parseStrict(payload.toString('utf8'), 'the DSSE payload');
    if (!parsed.ok)
        return parsed;
    const doc = parsed.value;
    if (!isObject(doc))
        return { ok: false, reason: 'the DSSE payload is not a JSON object' };
    const type = doc._type;
    if (typeof type !== 'string' || !STATEMENT_TYPES.has(type))
        return { ok: false, reason: `the DSSE payload is not an in-toto statement (_type ${JSON.stringify(type)})` };
    if (!Array.isArray(doc.subject))
        return { ok: false, reason: 'the in-toto statement has no subject list' };
    const subjects = [];
    for (const s of doc.subject) {
        if (!isObject(s) || !isObject(s.digest))
            return { ok: false, reason: 'an in-toto statement subject has no digest' };
        const digest = {};
        for (const [alg, value] of Object.entries(s.digest)) {
            if (typeof value !== 'string')
                return { ok: false, reason: `subject digest ${alg} is not a string` };
            digest[alg] = value;
        }
        const subject = { digest };
        if (typeof s.name === 'string')
            subject.name = s.name;
        if (isObject(s.annotations))
            subject.annotations = s.annotations;
        subjects.push(subject);
    }
    const predicateType = typeof doc.predicateType === 'string' ? doc.predicateType : '';
    return { ok: true, statement: { type, predicateType, subjects } };
}
/**
 * Verdict on the bytes of one bundle for `manifestDigest`. `keyIndex` (into `keys`) is set once
 * the signature verified, also when the statement is then rejected.
 */
function bundle_verify_checkSignBundle(bundleBytes, manifestDigest, keys, opts = {}) {
    const parsed = parseStrict(bundleBytes.toString('utf8'), 'the bundle');
    if (!parsed.ok)
        return reject(parsed.reason);
    const bundle = parsed.value;
    if (!isObject(bundle))
        return reject('the bundle is not a JSON object');
    if (typeof bundle.mediaType !== 'string' || !ACCEPTED_MEDIA_TYPES.has(bundle.mediaType)) {
        return reject(`unsupported bundle mediaType ${JSON.stringify(bundle.mediaType)} (cosign reads v0.2 and v0.3)`);
    }
    const material = bundle.verificationMaterial;
    // `certificateKey`: the caller holds the certificate's own key (a signer checking what it just made).
    if (!opts.certificateKey &&
        isObject(material) &&
        (material.certificate !== undefined || material.x509CertificateChain !== undefined)) {
        return reject('the bundle is signed with a certificate (keyless); only key-signed bundles are verified offline');
    }
    const envelope = bundle.dsseEnvelope;
    if (!isObject(envelope)) {
        return reject(bundle.messageSignature !== undefined
            ? 'the bundle holds a message signature, not the DSSE envelope cosign sign writes'
            : 'the bundle has no dsseEnvelope');
    }
    if (envelope.payloadType !== IN_TOTO_PAYLOAD_TYPE) {
        return reject(`DSSE payloadType is ${JSON.stringify(envelope.payloadType)}, expected ${IN_TOTO_PAYLOAD_TYPE}`);
    }
    const payload = decodeProtoBytes(envelope.payload);
    if (!payload)
        return reject('the DSSE payload is not base64');
    // sigstore-go: "exactly one signature is required", however permissive DSSE itself is.
    if (!Array.isArray(envelope.signatures) || envelope.signatures.length !== 1) {
        return reject(`the DSSE envelope has ${Array.isArray(envelope.signatures) ? envelope.signatures.length : 'no'} signatures; a sigstore bundle carries exactly one`);
    }
    const signature = envelope.signatures[0];
    const sigBytes = isObject(signature) ? decodeProtoBytes(signature.sig) : undefined;
    if (!sigBytes || sigBytes.length === 0)
        return reject('the DSSE signature is missing or not base64');
    const pae = dssePae(IN_TOTO_PAYLOAD_TYPE, payload);
    let keyIndex;
    let lastReason = 'no public key given';
    for (let i = 0; i < keys.length && keyIndex === undefined; i++) {
        const check = checkPayloadSignature(keys[i], pae, sigBytes.toString('base64'));
        if (check.valid)
            keyIndex = i;
        else
            lastReason = check.reason;
    }
    if (keyIndex === undefined)
        return reject(`DSSE signature: ${lastReason}`);
    const st = parseStatement(payload);
    if (!st.ok)
        return reject(st.reason, { keyIndex });
    const { statement } = st;
    if (statement.predicateType !== COSIGN_SIGN_PREDICATE_TYPE) {
        return reject(`predicateType ${JSON.stringify(statement.predicateType)} is an attestation, not a cosign signature (${COSIGN_SIGN_PREDICATE_TYPE})`, { keyIndex, statement });
    }
    const want = digest_digestHex(manifestDigest);
    // sigstore-go compares the decoded bytes, so hex case does not matter.
    if (!statement.subjects.some((s) => s.digest.sha256?.toLowerCase() === want)) {
        const named = statement.subjects
            .map((s) => (s.digest.sha256 ? `sha256:${s.digest.sha256}` : Object.keys(s.digest).join('+') || 'no digest'))
            .join(', ');
        return reject(`the statement is for ${named || 'no subject'}, not ${manifestDigest}`, { keyIndex, statement });
    }
    return { valid: true, keyIndex, statement };
}

;// CONCATENATED MODULE: ./packages/core/src/cosign/bundle/bundle-store.ts










/** Bundles are a few KB (more with certificate chains and log entries); this bounds a hostile one. */
const MAX_BUNDLE_BYTES = 4 * 1024 * 1024;
/**
 * Signs `image` (and with `recursive` each platform manifest) with a cosign-3-style sigstore
 * bundle. A bundle already there from the same key over the same statement is reused rather
 * than piling up another on each re-run; otherwise bundle blob, empty config and manifest are
 * pushed, the fallback index updated when the registry has no referrers API, and the referrers
 * listing re-read until it holds our manifest.
 */
async function signImageBundle(client, opts) {
    const targets = await signingTargets(client, opts.image, opts.recursive ?? true);
    await opts.signer.ready();
    return mapLimit(targets, 4, (digest) => signOneBundle(client, withDigest(opts.image, digest), opts.signer, opts));
}
async function signOneBundle(client, image, signer, opts) {
    const mode = opts.referrers ?? defaultReferrersMode(image.registry);
    const annotations = opts.annotations ?? {};
    // Signed first (no request): its key tells whether a bundle of ours is already there.
    const bundle = await buildSignBundle(signer, image.digest, annotations);
    const existing = await findOwnBundle(client, image, bundle.publicKey, annotations, mode);
    if (existing)
        return {
            digest: image.digest,
            bundleDigest: existing.digest,
            bundleRef: formatReference(withDigest(image, existing.digest)),
            via: existing.via,
            alreadySigned: true,
        };
    const subject = await subjectDescriptor(client, image, image.digest);
    const self = checkSignBundle(bundle.bytes, image.digest, [bundle.publicKey], { certificateKey: true });
    if (!self.valid)
        throw new BydigestError('SIGNATURE', `the bundle just made does not verify: ${self.reason}`);
    const manifest = bundleReferrerManifest({
        subject,
        bundle: { digest: bundle.digest, size: bundle.bytes.length },
        created: (opts.now ?? (() => new Date()))(),
    });
    await Promise.all([
        client.uploadBlob(image, { digest: bundle.digest, size: bundle.bytes.length, open: () => bundle.bytes }),
        client.uploadBlob(image, { digest: EMPTY_CONFIG.digest, size: EMPTY_CONFIG.size, open: () => EMPTY_CONFIG.bytes }),
    ]);
    const put = await client.putManifest(withDigest(image, manifest.digest), manifest);
    const result = {
        digest: image.digest,
        bundleDigest: manifest.digest,
        bundleRef: formatReference(withDigest(image, manifest.digest)),
        via: 'api',
        alreadySigned: false,
    };
    // OCI 1.1: a registry that indexed the subject says so with OCI-Subject; without it the client keeps the index.
    if (mode === 'tag' || (mode === 'auto' && put.subject !== image.digest)) {
        result.via = 'tag';
        result.settle = await appendToFallbackIndex(client, image, image.digest, referrerDescriptor(manifest), opts.settle);
    }
    else {
        await awaitListed(client, image, manifest.digest);
    }
    return result;
}
/**
 * Some registries index referrers asynchronously: give the listing a moment before failing. A
 * poll, but the one retry loop runs it (six looks, 100 ms doubling between them, no jitter).
 */
async function awaitListed(client, image, referrer) {
    await withRetry({ retries: 5, baseMs: 100, maxMs: 3200 }, async (n) => {
        const listing = await listReferrers(client, image, image.digest, { mode: 'api' });
        if (listing.descriptors.some((d) => d.digest === referrer))
            return done(undefined);
        const notListed = new BydigestError('SIGNATURE', `${formatReference(image)}: the referrers API does not list the bundle ${referrer} after it was pushed`, {
            hint: 'the registry accepted the subject but does not serve it in its referrers list; try again, or report it to the registry',
        });
        return retryAfter(notListed, 100 * 2 ** n);
    });
}
async function findOwnBundle(client, image, publicKey, annotations, mode) {
    const { via, bundles } = await readBundles(client, image, image.digest, mode);
    for (const b of bundles) {
        if (!b.bundleBytes)
            continue;
        const check = checkSignBundle(b.bundleBytes, image.digest, [publicKey]);
        if (check.valid && sameAnnotations(check.statement, image.digest, annotations))
            return { digest: b.referrerDigest, via };
    }
    return undefined;
}
function sameAnnotations(statement, digest, want) {
    const subject = statement.subjects.find((s) => `sha256:${s.digest.sha256?.toLowerCase()}` === digest);
    const have = subject?.annotations ?? {};
    const keys = Object.keys(want);
    return Object.keys(have).length === keys.length && keys.every((k) => have[k] === want[k]);
}
/**
 * Candidates in a referrers listing: go-containerregistry's fallback writer (cosign 3) puts the
 * config media type (empty) where the artifactType belongs, so those are looked at too, as
 * cosign does (it tries every referrer).
 */
function maybeBundle(d) {
    if (d.mediaType !== media_types_MediaType.OciManifest)
        return false;
    return (d.artifactType === undefined ||
        d.artifactType === media_types_MediaType.OciEmpty ||
        d.artifactType.startsWith(SIGSTORE_BUNDLE_MEDIA_TYPE_PREFIX));
}
async function readBundles(client, repo, subject, mode) {
    const listing = await referrers_listReferrers(client, repo, subject, { mode });
    const read = await map_limit_mapLimit(listing.descriptors.filter(maybeBundle), 4, (d) => readBundle(client, repo, d));
    return { via: listing.via, bundles: read.filter((b) => b !== undefined) };
}
/** The bundle a referrer holds; undefined when the referrer turns out not to be a bundle. */
async function readBundle(client, repo, d) {
    const claimed = d.artifactType?.startsWith(SIGSTORE_BUNDLE_MEDIA_TYPE_PREFIX) === true;
    const referrerDigest = d.digest;
    const m = await client.getManifestIfExists(reference_withDigest(repo, d.digest));
    if (!m)
        return claimed ? { referrerDigest, reason: 'listed as a referrer, but the manifest does not exist' } : undefined;
    let doc;
    try {
        doc = manifest_parseManifestJson(m, d.digest);
    }
    catch (e) {
        return claimed ? { referrerDigest, reason: e.message } : undefined;
    }
    const layers = Array.isArray(doc.layers) ? doc.layers : [];
    const isBundle = claimed ||
        doc.artifactType?.startsWith(SIGSTORE_BUNDLE_MEDIA_TYPE_PREFIX) === true ||
        layers.some((l) => l.mediaType?.startsWith(SIGSTORE_BUNDLE_MEDIA_TYPE_PREFIX));
    if (!isBundle)
        return undefined;
    // cosign's ociremote.Bundle: exactly one layer, of a bundle media type.
    const layer = layers[0];
    if (layers.length !== 1 || !layer?.mediaType?.startsWith(SIGSTORE_BUNDLE_MEDIA_TYPE_PREFIX)) {
        return {
            referrerDigest,
            reason: `expected exactly one layer of type ${SIGSTORE_BUNDLE_MEDIA_TYPE_PREFIX}…, found ${layers.length} layer(s)`,
        };
    }
    try {
        return { referrerDigest, bundleBytes: await client.getBlob(repo, layer.digest, MAX_BUNDLE_BYTES) };
    }
    catch (e) {
        if (e instanceof errors_BydigestError &&
            (e.code === 'NOT_FOUND' || e.code === 'DIGEST_MISMATCH' || e.code === 'REGISTRY')) {
            return { referrerDigest, reason: `bundle blob ${layer.digest}: ${e.message}` };
        }
        throw e;
    }
}
/**
 * Lists `image`'s referrers and checks every sigstore bundle among them with `keys`, as
 * `cosign verify --key … --insecure-ignore-tlog=true` does: one DSSE signature valid under one of
 * the keys, over an in-toto statement naming `image.digest`, of cosign's signature predicateType.
 * Key-based and offline; transparency-log entries are not checked.
 */
/** The sigstore bundles that refer to `image`, unjudged (for verifiers other than a key's). */
async function readImageBundles(client, image, opts = {}) {
    return (await readBundles(client, image, image.digest, opts.referrers ?? referrers_defaultReferrersMode(image.registry)))
        .bundles;
}
async function verifyBundleSignatures(client, image, keys, opts = {}) {
    const { via, bundles } = await readBundles(client, image, image.digest, opts.referrers ?? referrers_defaultReferrersMode(image.registry));
    const verdicts = bundles.map((b) => {
        if (!b.bundleBytes)
            return { referrerDigest: b.referrerDigest, reason: b.reason ?? 'unreadable' };
        const check = bundle_verify_checkSignBundle(b.bundleBytes, image.digest, keys);
        const v = { referrerDigest: b.referrerDigest };
        if (check.statement)
            v.statement = check.statement;
        // As with legacy verdicts, keyIndex marks a valid bundle only, never a half-passed one.
        if (check.valid)
            v.keyIndex = check.keyIndex;
        else
            v.reason = check.reason;
        return v;
    });
    return { found: verdicts.length, via, verdicts, valid: verdicts.filter((v) => v.keyIndex !== undefined) };
}

;// CONCATENATED MODULE: ./packages/core/src/verify/bundle-verdicts.ts

/**
 * The sigstore bundles (cosign v3's default format) that refer to `image`, each checked with
 * `keys`: one DSSE signature by a key, over an in-toto statement naming the digest, of
 * cosign's signature predicate. Bundles carry no docker-reference, so `identity` is the
 * subject annotations at most. containers/image (bootc) never reads bundles, so policy
 * evaluation does not use this.
 */
async function bundleVerdicts(client, image, keys) {
    const v = await verifyBundleSignatures(client, image, keys);
    return v.verdicts.map((x) => {
        const out = { referrerDigest: x.referrerDigest };
        if (x.keyIndex !== undefined)
            out.keyIndex = x.keyIndex;
        if (x.reason !== undefined)
            out.reason = x.reason;
        const annotations = x.statement?.subjects[0]?.annotations;
        if (annotations && Object.keys(annotations).length > 0)
            out.identity = JSON.stringify(annotations);
        return out;
    });
}

;// CONCATENATED MODULE: ./packages/core/src/verify/key-check.ts


/**
 * `sig` reads the `.sig` (format legacy or any); the bundles are read here (format bundle or
 * any). The two are independent reads, made at once.
 */
async function keyCheck(client, at, keys, sig, readBundles) {
    const [fetched, bundle] = await Promise.all([sig, readBundles ? bundleVerdicts(client, at, keys) : undefined]);
    const check = { valid: 0 };
    if (fetched) {
        check.legacy = verifyAttachments(fetched, at.digest, [...keys]);
        check.valid += check.legacy.valid.length;
    }
    if (bundle) {
        check.bundle = bundle;
        check.valid += bundle.filter((v) => v.keyIndex !== undefined).length;
    }
    return check;
}

;// CONCATENATED MODULE: ./packages/core/src/verify/keyless-check.ts
/** cosign's keyless view: `.sig` layers and bundles whose certificate matches the identity and issuer. */


/** `sig` reads the `.sig` (format legacy or any); the bundles are read here (format bundle or any), at once. */
async function keylessCheck(client, at, { match, trust }, sig, readBundles) {
    const [fetched, bundles = []] = await Promise.all([sig, readBundles ? readImageBundles(client, at) : undefined]);
    const legacy = fetched ? verifyKeylessAttachments(fetched, at.digest, trust, match) : undefined;
    const fromBundles = bundles
        .filter((b) => b.bundleBytes && isKeylessBundle(b.bundleBytes))
        .map((b) => ({
        layerDigest: b.referrerDigest,
        bundle: true,
        ...checkKeylessBundle(b.bundleBytes, at.digest, trust, match),
    }));
    const verdicts = [...(legacy?.verdicts ?? []), ...fromBundles];
    return {
        signatureRef: legacy?.signatureRef ?? 'the sigstore bundles',
        verdicts,
        valid: verdicts.filter((v) => v.valid),
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
        throw new errors_BydigestError('NOT_FOUND', `${reference_formatReference(image)} does not exist in the registry`, {
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
    return [image.digest, ...platformManifests(manifest, formatReference(image)).map((p) => p.digest)];
}

;// CONCATENATED MODULE: ./packages/core/src/verify/targets.ts



/** The image and, for an index, each platform manifest, with the bytes the policy judges. */
async function verificationTargets(client, image) {
    const top = await getSubjectManifest(client, image, 'verify the digest capture-digest reported, after the push (and check the registry credentials)');
    const children = await map_limit_mapLimit(platformManifests(top, reference_formatReference(image)), 4, async ({ digest, platform }) => ({
        digest,
        platform,
        manifestBytes: (await client.getManifest(reference_withDigest(image, digest))).bytes,
    }));
    return [{ digest: image.digest, manifestBytes: top.bytes }, ...children];
}

;// CONCATENATED MODULE: ./packages/core/src/verify/verify-image.ts







async function verifyImage(client, request) {
    const targets = await verificationTargets(client, request.image);
    const pullRef = request.host?.pullRef;
    // The verdict is about the image's digest; what the tag hosts pull points at today is context.
    const pullRefNow = pullRef?.tag !== undefined ? { ...(await headDigest(client, pullRef)) } : undefined;
    const verdicts = await map_limit_mapLimit(targets, 4, (t) => verifyTarget(client, request, t));
    const top = verdicts[0];
    const signatures = top.key
        ? top.key.valid
        : top.keyless
            ? top.keyless.valid.length
            : top.policy
                ? policyAccepted(top.policy.evaluation)
                : 0;
    return {
        image: request.image,
        targets: verdicts,
        passed: verdicts.every((v) => v.passed),
        signatures,
        ...(pullRefNow ? { pullRefNow } : {}),
    };
}
async function verifyTarget(client, request, target) {
    const at = reference_withDigest(request.image, target.digest);
    const out = { target, passed: true, problems: [] };
    const refuse = (problem) => {
        out.passed = false;
        out.problems.push(problem);
    };
    // One read of the .sig, shared by every check that wants it.
    let sig;
    const readSig = request.format !== 'bundle' ? () => (sig ??= readSigstoreAttachments(client, at)) : () => undefined;
    const readBundles = request.format !== 'legacy';
    if (request.publicKeys && request.publicKeys.length > 0) {
        out.key = await keyCheck(client, at, request.publicKeys, readSig(), readBundles);
        const found = (out.key.legacy?.verdicts.length ?? 0) + (out.key.bundle?.length ?? 0);
        if (out.key.valid === 0)
            refuse({ check: 'key', code: found === 0 ? 'NO_SIGNATURE' : 'NO_VALID_SIGNATURE' });
    }
    if (request.keyless) {
        out.keyless = await keylessCheck(client, at, request.keyless, readSig(), readBundles);
        if (out.keyless.valid.length === 0)
            refuse({ check: 'keyless', code: out.keyless.verdicts.length === 0 ? 'NO_SIGNATURE' : 'NO_VALID_SIGNATURE' });
    }
    if (sig)
        out.fetched = await sig;
    if (request.host) {
        const same = out.fetched && reference_sameRepository(request.host.pullRef, request.image) ? out.fetched : undefined;
        out.policy = await evaluateHostPolicy(client, request.host, { digest: target.digest, bytes: target.manifestBytes }, same);
        if (!out.policy.evaluation.allowed)
            refuse({ check: 'policy', code: out.policy.evaluation.code ?? 'SIGNATURES_REJECTED' });
    }
    return out;
}
async function headDigest(client, ref) {
    const head = await client.headManifest(ref).catch(() => undefined);
    return head ? { digest: head.digest } : {};
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

;// CONCATENATED MODULE: ./packages/core/src/audit/sbom-check.ts



const SBOM_TYPES = new Set(Object.values(SBOM_FORMAT_TYPES).map((t) => t.artifactType));
async function sbomCheck(client, referrersOf, repository, digest, trust) {
    const listing = await referrersOf(repository, digest);
    const referrers = listing.descriptors.map((d) => d.digest);
    const sboms = listing.descriptors.filter((d) => d.artifactType !== undefined && SBOM_TYPES.has(d.artifactType));
    if (sboms.length === 0)
        return {
            problems: [
                {
                    code: 'no-sbom',
                    message: `${digest} has no SBOM referrer (${listing.via === 'api' ? 'referrers API' : 'referrers fallback tag'})`,
                },
            ],
            referrers,
        };
    // Any one signed SBOM is enough: a re-attached SBOM leaves the older one listed.
    const reasons = [];
    for (const sbom of sboms) {
        const image = reference_withDigest(repository, sbom.digest);
        const verdict = await verifyImage(client, {
            image,
            format: 'legacy',
            ...(trust.publicKeys ? { publicKeys: trust.publicKeys } : {}),
            // By digest, in the repository's scope: that scope's keys judge it.
            ...(trust.host ? { host: { ...trust.host, policy: keysOnly(trust.host.policy), pullRef: image } } : {}),
        });
        if (verdict.passed)
            return { problems: [], referrers };
        const top = verdict.targets[0];
        reasons.push(`${sbom.digest}: ${top?.policy?.evaluation.message ?? top?.problems.map((p) => p.code).join(', ') ?? 'refused'}`);
    }
    return {
        problems: [
            {
                code: 'sbom-unsigned',
                message: `${digest}: ${sboms.length} SBOM referrer(s), none with a signature that verifies (${reasons.join('; ')})`,
            },
        ],
        referrers,
    };
}
/**
 * The policy with every sigstoreSigned identity relaxed to matchRepository: hosts never pull an
 * SBOM, so only its keys matter, and attach-sbom (like cosign) signs it for the repository name,
 * which matchRepoDigestOrExact refuses for any pull.
 */
function keysOnly(policy) {
    const relax = (rs) => rs.map((r) => (r.type === 'sigstoreSigned' ? { ...r, signedIdentity: { type: 'matchRepository' } } : r));
    return {
        default: relax(policy.default),
        transports: new Map([...policy.transports].map(([t, scopes]) => [t, new Map([...scopes].map(([scope, rs]) => [scope, relax(rs)]))])),
    };
}

;// CONCATENATED MODULE: ./packages/core/src/audit/signature-problems.ts
const on = (target) => (target.platform ? { platform: target.platform } : {});
const what = (target) => target.platform ? `platform manifest ${target.platform} (${target.digest})` : target.digest;
/** Key mode: a `.sig` with no layer valid for any key. */
function keyProblems(verdict) {
    const out = [];
    for (const t of verdict.targets) {
        for (const p of t.problems) {
            if (p.check !== 'key')
                continue;
            const found = t.key?.legacy?.verdicts.length ?? 0;
            out.push(p.code === 'NO_SIGNATURE'
                ? {
                    code: 'unsigned',
                    message: `${what(t.target)} has no signature (no ${t.fetched?.signatureRef ?? '.sig'})`,
                    ...on(t.target),
                }
                : {
                    code: 'bad-signature',
                    message: `${what(t.target)} holds ${found} signature(s), none valid for the public key(s)`,
                    ...on(t.target),
                });
        }
    }
    return out;
}
/** Policy mode: what containers/image says for one pull of one manifest. */
function policyProblem(target, evaluation) {
    if (evaluation.allowed)
        return undefined;
    const message = `${evaluation.identity}: ${target.platform ? `platform ${target.platform}: ` : ''}${evaluation.message ?? 'rejected by the policy'}`;
    return { code: evaluation.code === 'NO_SIGNATURE' ? 'unsigned' : 'policy-rejected', message, ...on(target) };
}

;// CONCATENATED MODULE: ./packages/core/src/audit/digest-checks.ts
/**
 * Everything judged once per distinct digest: its signatures (verifyImage, the verdict
 * verify-digest gives), its SBOM, its platform manifests and referrers. In policy mode the
 * signatures are read once and the policy evaluated again for each tag's identity. The reads
 * start with the first tag found to point at the digest (`readDigest`), while other tags are
 * still being resolved; the per-tag verdicts wait for all of them (`digestFindings`).
 */





async function readDigest(client, referrersOf, repository, digest, first, request) {
    const image = reference_withDigest(repository, digest);
    const host = request.host ? { ...request.host, pullRef: reference_withTag(repository, first) } : undefined;
    const [verdict, sbom] = await Promise.all([
        verifyImage(client, {
            image,
            format: 'legacy',
            ...(request.publicKeys ? { publicKeys: request.publicKeys } : {}),
            ...(host ? { host } : {}),
        }),
        request.require.sbom
            ? sbomCheck(client, referrersOf, repository, digest, {
                ...(request.publicKeys ? { publicKeys: request.publicKeys } : {}),
                ...(request.host ? { host: request.host } : {}),
            })
            : undefined,
    ]);
    return { digest, first, verdict, sbom };
}
/** Each tag's problems from what was read of its digest: identities are judged per tag. */
async function digestFindings(client, repository, read, tags, request) {
    const { digest, first, verdict, sbom } = read;
    const problemsByTag = new Map();
    const shared = request.require.signature && request.publicKeys ? keyProblems(verdict) : [];
    for (const tag of tags) {
        const signature = [...shared];
        if (request.require.signature && request.host) {
            for (const t of verdict.targets) {
                const evaluation = tag === first
                    ? t.policy.evaluation
                    : (await evaluateHostPolicy(client, { ...request.host, pullRef: reference_withTag(repository, tag) }, { digest: t.target.digest, bytes: t.target.manifestBytes }, t.policy.fetched)).evaluation;
                const p = policyProblem(t.target, evaluation);
                if (p)
                    signature.push(p);
            }
        }
        problemsByTag.set(tag, [...signature, ...(sbom?.problems ?? [])]);
    }
    const targets = verdict.targets.map((t) => t.target);
    return {
        digest,
        problemsByTag,
        live: [...targets.slice(1).map((t) => t.digest), ...(sbom?.referrers ?? [])],
        referrersRead: sbom !== undefined,
        targets,
    };
}

;// CONCATENATED MODULE: ./packages/core/src/audit/expect-same.ts
function expectSameProblems(tags, expected) {
    const out = new Map();
    const group = tags.filter((t) => expected.includes(t.tag) && t.digest !== undefined);
    const digests = new Set(group.map((t) => t.digest));
    if (digests.size <= 1)
        return out;
    const names = group.map((t) => `${t.tag} → ${t.digest.slice(0, 19)}…`).join(', ');
    for (const t of group)
        out.set(t.tag, { code: 'not-same', message: `expect-same tags resolve to ${digests.size} digests: ${names}` });
    return out;
}

;// CONCATENATED MODULE: ./packages/core/src/audit/orphans.ts
function orphanTags(inventory, live) {
    return inventory.attachments
        .filter((a) => !live.has(a.subject))
        .map((a) => ({ image: inventory.image, tag: a.tag, subject: a.subject }));
}

;// CONCATENATED MODULE: ./packages/core/src/audit/referrers-of.ts
/**
 * The referrers of each digest, asking the registry how once: after the first answer (the API,
 * or the `sha256-<hex>` fallback tag when the registry has no API, as distribution 2.8) every
 * later digest goes straight there, saving a request per digest.
 */

function referrersReader(client) {
    const learned = new Map();
    // While the first question to a registry is in flight the others wait for its answer, rather
    // than each asking the API (16 digests are judged at once); if it fails, the next one asks.
    const asking = new Map();
    return async (repository, digest) => {
        const registry = repository.registry;
        for (let first = asking.get(registry); !learned.has(registry) && first; first = asking.get(registry))
            await first.catch(() => undefined);
        const mode = learned.get(registry) ?? referrers_defaultReferrersMode(registry);
        const listing = referrers_listReferrers(client, repository, digest, { mode });
        if (!learned.has(registry)) {
            asking.set(registry, listing);
            const done = () => asking.delete(registry);
            listing.then(done, done);
        }
        const result = await listing;
        learned.set(registry, result.via);
        return result;
    };
}

;// CONCATENATED MODULE: ./packages/core/src/rotation/live-releases.ts
/**
 * The releases hosts may still run, from the registry's tags: every channel tag's current
 * image, and the dated tags within the live window at `asOf`. Tags pointing at one digest are
 * one release.
 */






async function liveReleases(client, repository, channels, window, asOf) {
    // Attachment tags (`sha256-<hex>.sig`, `.att`, `.sbom`, the referrers fallback) are not releases.
    const tags = (await client.listTags(repository)).filter((t) => !attachmentSubject(t));
    const missing = channels.filter((c) => !tags.includes(c));
    if (missing.length > 0) {
        throw new BydigestError('INVALID_ARGUMENT', `${formatReference(repository)} has no tag ${missing.map((c) => JSON.stringify(c)).join(', ')}`, {
            hint: `channels are tags hosts follow; this repository has ${tags
                .filter((t) => !tagDate(t))
                .slice(0, 10)
                .join(', ') || 'no undated tags'}`,
        });
    }
    const live = [...new Set([...channels, ...tags.filter((t) => !channels.includes(t) && isLiveTag(window, t, asOf))])];
    const resolved = await mapLimit(live, 8, async (tag) => {
        const head = await client.headManifest(withTag(repository, tag));
        if (!head)
            throw new BydigestError('NOT_FOUND', `${formatReference(withTag(repository, tag))} is listed but does not resolve`, { hint: 'a tag deleted while the gate ran: run it again' });
        return { tag, digest: head.digest };
    });
    const byDigest = new Map();
    for (const { tag, digest } of resolved) {
        const r = byDigest.get(digest) ?? { repository, digest, tags: [], channels: [], dateFrom: 'unknown' };
        r.tags.push(tag);
        if (channels.includes(tag))
            r.channels.push(tag);
        const d = tagDate(tag);
        if (d && (!r.date || d > r.date))
            Object.assign(r, { date: d, dateFrom: 'tag' });
        byDigest.set(digest, r);
    }
    for (const r of byDigest.values()) {
        // A host leaves a release when it updates; the newest dated tag of a digest is the last day it was current.
        if (r.date && r.channels.length === 0) {
            const leaves = leavesWindow(window, r.date);
            if (leaves)
                r.leaves = leaves;
        }
    }
    return [...byDigest.values()];
}
/** A release without a dated tag: its date is the image config's `created`. */
async function createdDate(client, repository, platformDigest) {
    const m = await client.getManifest(reference_withDigest(repository, platformDigest));
    const doc = manifest_parseManifestJson(m, reference_formatReference(reference_withDigest(repository, platformDigest)));
    if (!doc.config?.digest)
        return undefined;
    const config = JSON.parse((await client.getBlob(repository, doc.config.digest, 4 * 1024 * 1024)).toString('utf8'));
    const date = typeof config.created === 'string' ? new Date(config.created) : undefined;
    return date && !Number.isNaN(date.getTime()) ? date : undefined;
}

;// CONCATENATED MODULE: ./packages/core/src/rotation/live-window.ts
/**
 * Which releases hosts may still run: each channel tag's current image, and the dated tags
 * (`stable-20261101`, `41-20261101`) within the window the maintainer sets, or the tags a
 * pattern names.
 */

const DAY_MS = (/* unused pure expression or super */ null && (24 * 60 * 60 * 1000));
/** `90d`, `12w`, or a tag pattern with `*` and `?` (e.g. `stable-2026*`). */
function parseLiveWindow(text) {
    const value = text.trim();
    const span = /^(\d{1,4})([dw])$/.exec(value);
    if (span) {
        const days = Number(span[1]) * (span[2] === 'w' ? 7 : 1);
        if (days === 0)
            throw new BydigestError('INVALID_ARGUMENT', 'is 0 days: no dated release would be live', {
                hint: 'e.g. 90d, the longest a host may go without updating',
            });
        return { kind: 'days', days, text: value };
    }
    if (/[*?]/.test(value) && /^[A-Za-z0-9_.*?-]{1,128}$/.test(value)) {
        const source = value.replace(/[.]/g, '\\.').replace(/\*/g, '[A-Za-z0-9_.-]*').replace(/\?/g, '[A-Za-z0-9_.-]');
        return { kind: 'pattern', pattern: new RegExp(`^${source}$`), text: value };
    }
    throw new BydigestError('INVALID_ARGUMENT', `${JSON.stringify(value.slice(0, 80))} is neither a span of days (90d, 12w) nor a tag pattern with * or ?`, { hint: 'e.g. 90d' });
}
/** The date a dated tag carries (`…-YYYYMMDD`, `….YYYYMMDD` or `YYYYMMDD`), at 00:00 UTC. */
function live_window_tagDate(tag) {
    const m = /(?:^|[-._])(\d{4})(\d{2})(\d{2})$/.exec(tag);
    if (!m)
        return undefined;
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const date = new Date(Date.UTC(y, mo - 1, d));
    // 20261341 is not a date: Date.UTC would roll it over.
    if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d)
        return undefined;
    return date;
}
/** When a release dated `date` leaves the window (undefined for a pattern: it stays while its tag does). */
function live_window_leavesWindow(window, date) {
    return window.kind === 'days' ? new Date(date.getTime() + window.days * DAY_MS) : undefined;
}
/** Whether a tag is a live release at `asOf`; releases dated after `asOf` were not published yet. */
function live_window_isLiveTag(window, tag, asOf) {
    if (window.kind === 'pattern')
        return window.pattern.test(tag);
    const date = live_window_tagDate(tag);
    if (!date || date.getTime() > asOf.getTime())
        return false;
    return asOf.getTime() < live_window_leavesWindow(window, date).getTime();
}
/** `2026-11-01` */
function isoDay(date) {
    return date.toISOString().slice(0, 10);
}

;// CONCATENATED MODULE: ./packages/core/src/audit/staleness.ts


const staleness_DAY_MS = 86_400_000;
async function staleProblem(client, repository, sameDigestTags, configDigest, rule, asOf) {
    const dated = sameDigestTags.map(live_window_tagDate).filter((d) => d !== undefined);
    const fromTag = dated.length > 0 ? new Date(Math.max(...dated.map((d) => d.getTime()))) : undefined;
    const date = fromTag ?? (await createdDate(client, repository, configDigest));
    if (!date)
        return { code: 'stale', message: `its age is unknown: no dated tag on its digest and no config created date` };
    const days = Math.floor((asOf.getTime() - date.getTime()) / staleness_DAY_MS);
    if (days <= rule.maxAgeDays)
        return undefined;
    return {
        code: 'stale',
        message: `its image is ${days} days old (${isoDay(date)}, from ${fromTag ? 'its dated tag' : "the config's created"}); at most ${rule.maxAgeDays} allowed`,
    };
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
/** cosign's `sha256-<hex>.sig/.att/.sbom` tags and the referrers fallback index `sha256-<hex>`. */
const ATTACHMENT_TAG = /^sha256-([a-f0-9]{64})(?:\.([a-z]+))?$/;
/** The subject digest an attachment tag hangs off, or undefined for a tag hosts pull. */
function tags_attachmentSubject(tag) {
    const m = ATTACHMENT_TAG.exec(tag);
    return m ? { subject: `sha256:${m[1]}`, kind: m[2] ?? 'referrers' } : undefined;
}

;// CONCATENATED MODULE: ./packages/core/src/audit/tag-inventory.ts
/**
 * A repository's tags split into those hosts pull and the attachment tags, each pulled tag read
 * once (HEAD) for its digest. A tag that cannot be read is kept with its error: it becomes
 * `unknown`, never a pass.
 */



/** `onResolved` hears each tag's digest as soon as it is read, so judging it need not wait for the rest. */
async function tagInventory(client, repository, onResolved) {
    const all = await client.listTags(repository, { missing: 'error' });
    const attachments = [];
    const pulled = [];
    for (const tag of all) {
        const a = tags_attachmentSubject(tag);
        if (a)
            attachments.push({ tag, subject: a.subject });
        else
            pulled.push(tag);
    }
    // As many HEADs in flight as the transport keeps connections to one registry (16).
    const tags = await map_limit_mapLimit(pulled, 16, async (tag) => {
        try {
            const head = await client.headManifest(reference_withTag(repository, tag));
            if (head)
                onResolved?.(tag, head.digest);
            return head
                ? { tag, digest: head.digest }
                : {
                    tag,
                    error: `${reference_formatReference(reference_withTag(repository, tag))} is listed but does not resolve (deleted during the audit?)`,
                };
        }
        catch (e) {
            return { tag, error: e.message };
        }
    });
    return { repository, image: repositoryName(repository), tags, attachments };
}

;// CONCATENATED MODULE: ./packages/core/src/audit/audit-tags.ts








async function auditTags(client, request) {
    const report = { tags: [], orphans: [] };
    const stats = {
        repositories: request.repositories.length,
        tags: 0,
        digests: 0,
        attachmentTags: 0,
        orphansSkipped: [],
    };
    const referrersOf = referrersReader(client);
    // Each digest is read as soon as a tag is found to point at it, beside the HEADs still running.
    const reads = new Map();
    const gate = limiter(DIGESTS_AT_ONCE);
    const readKey = (repository, digest) => `${repositoryName(repository)}@${digest}`;
    // Repositories one after another: a repository that cannot be listed stops the audit, named.
    const inventories = [];
    for (const repository of request.repositories) {
        const inventory = await tagInventory(client, repository, (tag, digest) => {
            const key = readKey(repository, digest);
            if (reads.has(key))
                return;
            const read = gate(() => readDigest(client, referrersOf, repository, digest, tag, request)).catch((e) => ({ error: e.message }));
            reads.set(key, read);
        });
        inventories.push(inventory);
    }
    for (const inventory of inventories) {
        const readOf = (digest) => reads.get(readKey(inventory.repository, digest));
        const { tags, orphans, digests, complete } = await auditRepository(client, referrersOf, readOf, inventory, request);
        report.tags.push(...tags);
        report.orphans.push(...orphans);
        stats.tags += tags.length;
        stats.digests += digests;
        stats.attachmentTags += inventory.attachments.length;
        if (!complete)
            stats.orphansSkipped.push(inventory.image);
    }
    return { report, stats };
}
// Each digest is a short chain of reads (manifest, .sig, its payload): 16 at once keep the registry busy.
const DIGESTS_AT_ONCE = 16;
async function auditRepository(client, referrersOf, readOf, inventory, request) {
    const { repository, image } = inventory;
    const byDigest = new Map();
    for (const t of inventory.tags)
        if (t.digest)
            byDigest.set(t.digest, [...(byDigest.get(t.digest) ?? []), t.tag]);
    const findings = new Map();
    await map_limit_mapLimit([...byDigest], DIGESTS_AT_ONCE, async ([digest, tags]) => {
        try {
            const read = await readOf(digest);
            if (!read)
                throw new Error(`${digest} was not read`);
            findings.set(digest, 'error' in read ? read : await digestFindings(client, repository, read, tags, request));
        }
        catch (e) {
            findings.set(digest, { error: e.message });
        }
    });
    const same = expectSameProblems(inventory.tags, request.expectSame ?? []);
    const asOf = request.asOf ?? new Date();
    const results = await map_limit_mapLimit(inventory.tags, 4, async (t) => {
        const found = t.digest ? findings.get(t.digest) : undefined;
        const problems = [];
        if (t.error !== undefined || !found || 'error' in found) {
            problems.push({
                code: 'unreadable',
                message: t.error ?? (found && 'error' in found ? found.error : 'not judged'),
            });
        }
        else {
            problems.push(...(found.problemsByTag.get(t.tag) ?? []));
            if (request.stale?.pattern.test(t.tag)) {
                const configOf = found.targets[1]?.digest ?? found.digest;
                const stale = await staleProblem(client, repository, byDigest.get(found.digest) ?? [], configOf, request.stale, asOf).catch((e) => ({ code: 'unreadable', message: `age: ${e.message}` }));
                if (stale)
                    problems.push(stale);
            }
        }
        const notSame = same.get(t.tag);
        if (notSame)
            problems.push(notSame);
        const status = problems.some((p) => p.code === 'unreadable') ? 'unknown' : problems.length > 0 ? 'fail' : 'pass';
        return { image, tag: t.tag, digest: t.digest ?? '', status, problems };
    });
    for (const tag of request.expectSame ?? []) {
        if (!inventory.tags.some((t) => t.tag === tag))
            results.push({
                image,
                tag,
                digest: '',
                status: 'fail',
                problems: [{ code: 'not-same', message: `expect-same names ${tag}, which ${image} does not have` }],
            });
    }
    const { live, complete } = await liveDigests(referrersOf, inventory, byDigest, findings);
    // An unreadable index may keep alive what we could not see: no orphan is claimed then.
    return { tags: results, orphans: complete ? orphanTags(inventory, live) : [], digests: byDigest.size, complete };
}
/**
 * What the tags keep alive: their digests, platform manifests and referrers. Referrers not read
 * for the SBOM check are read only when an attachment tag would otherwise be an orphan.
 */
async function liveDigests(referrersOf, inventory, byDigest, findings) {
    const live = new Set(byDigest.keys());
    let complete = !inventory.tags.some((t) => t.error !== undefined);
    const unread = [];
    for (const f of findings.values()) {
        if ('error' in f)
            complete = false;
        else {
            for (const d of f.live)
                live.add(d);
            if (!f.referrersRead)
                unread.push(f.digest);
        }
    }
    if (complete && unread.length > 0 && inventory.attachments.some((a) => !live.has(a.subject))) {
        await map_limit_mapLimit(unread, 4, async (digest) => {
            try {
                for (const d of (await referrersOf(inventory.repository, digest)).descriptors)
                    live.add(d.digest);
            }
            catch {
                complete = false;
            }
        });
    }
    return { live, complete };
}

;// CONCATENATED MODULE: ./packages/core/src/audit/fixes.ts
const PROBLEM_FIXES = {
    unsigned: 'sign the digest (sign-digest with the key hosts trust), or delete the tag if hosts must not pull it',
    'bad-signature': 'sign the digest again with a key the public-key input (or the policy) trusts; during a key rotation list both keys',
    'policy-rejected': "read containers/image's reason: re-sign for the identity hosts pull, or fix policy.json / registries.d",
    'no-sbom': 'attach the SBOM to this digest (generate-sbom, then attach-sbom with the signing key)',
    'sbom-unsigned': 'sign the SBOM referrer (attach-sbom with private-key), or attach it again signed',
    'not-same': 'move the tags together (promote-preserve-digest with every tag in one step)',
    stale: 'publish the channel again (the build that moves it is not running or failing), or retire the tag',
    unreadable: 'run the audit again; if it persists check the credentials (packages: read) and the registry',
};

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

;// CONCATENATED MODULE: ./actions/audit-tags/src/summary.ts


const MARK = { pass: '✅ pass', fail: '❌ fail', unknown: '❔ unknown' };
// A summary is capped at 1 MiB: past this, the report file holds the rows.
const MAX_ROWS = 300;
/** Totals, then failures first (each with its fix), unknown tags, the orphans; passing tags only counted. */
async function writeSummary(report, stats, failOn) {
    const failed = report.tags.filter((t) => t.status === 'fail');
    const unknown = report.tags.filter((t) => t.status === 'unknown');
    const s = jobSummary()
        .heading(`audit-tags: ${failed.length} failed, ${unknown.length} unknown, ${report.tags.length - failed.length - unknown.length} passed`)
        .paragraph(html `${String(stats.repositories)} repository(ies), ${String(stats.tags)} tag(s), ${String(stats.digests)} distinct digest(s), ${String(stats.attachmentTags)} attachment tag(s), ${String(report.orphans.length)} orphan(s); fail-on ${code(Array.isArray(failOn) ? failOn.join(',') : failOn)}.`);
    const rows = [...failed, ...unknown];
    if (rows.length > 0) {
        s.table([
            [{ header: 'tag' }, { header: 'digest' }, { header: 'verdict' }, { header: 'problem' }, { header: 'fix' }],
            ...rows
                .slice(0, MAX_ROWS)
                .map((t) => [
                code(`${t.image}:${t.tag}`),
                code(t.digest ? t.digest.slice(0, 19) : 'unresolved'),
                MARK[t.status],
                t.problems.map((p) => `${p.code}${p.platform ? ` (${p.platform})` : ''}: ${p.message}`).join('; '),
                [...new Set(t.problems.map((p) => PROBLEM_FIXES[p.code]))].join('; '),
            ]),
        ]);
        if (rows.length > MAX_ROWS)
            s.paragraph(`… ${rows.length - MAX_ROWS} more in the report file.`);
    }
    if (report.orphans.length > 0) {
        s.heading('Orphaned attachment tags (nothing was deleted)', 3);
        s.table([
            [{ header: 'tag' }, { header: 'subject' }],
            ...report.orphans.slice(0, MAX_ROWS).map((o) => [code(`${o.image}:${o.tag}`), code(o.subject)]),
        ]);
    }
    for (const repo of stats.orphansSkipped)
        s.paragraph(html `Orphans of ${code(repo)} not judged: some of its tags could not be read.`);
    await s.write();
}

;// CONCATENATED MODULE: ./actions/audit-tags/src/run.ts






// GitHub shows at most 10 error annotations per step; the report and summary hold the rest.
const MAX_ANNOTATIONS = 10;
/**
 * Audits every tag (core's auditTags), writes the report, summary and annotations; fails the step when fail-on says so.
 */
async function run(inputs, client = registryClient(inputs.registry)) {
    let audited;
    try {
        audited = await auditTags(client, {
            repositories: inputs.repositories,
            require: inputs.require,
            ...(inputs.publicKeys ? { publicKeys: inputs.publicKeys } : {}),
            ...(inputs.host ? { host: { policy: inputs.host.policy, registries: inputs.host.registries.config } } : {}),
            ...(inputs.expectSame.length > 0 ? { expectSame: inputs.expectSame } : {}),
            ...(inputs.stale ? { stale: inputs.stale } : {}),
        });
    }
    finally {
        await client.close();
    }
    const { report, stats } = audited;
    const reportPath = (0,external_node_path_.join)(process.env.RUNNER_TEMP ?? '.', 'bydigest-audit-tags', 'report.json');
    await (0,promises_.mkdir)((0,external_node_path_.join)(reportPath, '..'), { recursive: true });
    await (0,promises_.writeFile)(reportPath, JSON.stringify(report, null, 2) + '\n');
    const failing = report.tags.filter((t) => counts(t, inputs.failOn));
    (0,lib_core/* info */.pq)(`${stats.repositories} repository(ies), ${stats.tags} tag(s), ${stats.digests} distinct digest(s), ${stats.attachmentTags} attachment tag(s); report: ${reportPath}`);
    for (const t of report.tags.filter((x) => x.status !== 'pass').slice(0, MAX_ANNOTATIONS)) {
        const text = `${t.image}:${t.tag} (${t.digest || 'unresolved'}): ${t.problems.map((p) => `${p.code}: ${p.message}`).join('; ')}. Fix: ${t.problems.map((p) => PROBLEM_FIXES[p.code]).join('; ')}`;
        if (t.status === 'unknown')
            (0,lib_core/* warning */.$e)(text, { title: `audit-tags: ${t.tag} unknown` });
        else
            lib_core/* error */.z3(text, { title: `audit-tags: ${t.tag} ${t.problems.map((p) => p.code).join(', ')}` });
    }
    for (const o of report.orphans)
        (0,lib_core/* info */.pq)(`orphan: ${o.image}:${o.tag} (subject ${o.subject} has no tag)`);
    for (const repo of stats.orphansSkipped)
        (0,lib_core/* warning */.$e)(`${repo}: orphans not judged, since some tag could not be read`);
    await writeSummary(report, stats, inputs.failOn);
    const result = { report, stats, reportPath, failing };
    if (failing.length > 0) {
        const lines = failing
            .slice(0, 20)
            .map((t) => `${t.image}:${t.tag} ${t.status}: ${t.problems.map((p) => p.code).join(', ')}`);
        throw Object.assign(new errors_BydigestError('POLICY', `${failing.length} tag(s) fail the audit:\n- ${lines.join('\n- ')}${failing.length > 20 ? `\n- … (${failing.length - 20} more in ${reportPath})` : ''}`, { hint: 'the job summary gives each problem its fix' }), { result });
    }
    return result;
}
function counts(t, failOn) {
    if (failOn === 'none' || t.status === 'pass')
        return false;
    if (failOn === 'any')
        return true;
    if (t.status === 'unknown')
        return failOn.includes('unknown');
    return t.problems.some((p) => failOn.includes(p.code));
}

;// CONCATENATED MODULE: ./actions/audit-tags/src/main.ts



/** The whole step (what GitHub's local-action calls): inputs, the audit, the outputs; fails as fail-on says. */
async function main_run() {
    await runAction(async () => {
        let result;
        try {
            result = await run(await readInputs());
        }
        catch (e) {
            // A failing audit still hands its report to the next step (if: failure()).
            const failedRun = e.result;
            if (failedRun)
                setOutputs(failedRun);
            throw e;
        }
        setOutputs(result);
    });
}
function setOutputs({ report, reportPath }) {
    setCheckedOutput('failed', String(report.tags.filter((t) => t.status === 'fail').length), /^\d+$/);
    setCheckedOutput('unknown', String(report.tags.filter((t) => t.status === 'unknown').length), /^\d+$/);
    setCheckedOutput('report', reportPath, (v) => v.endsWith('.json'));
}


/***/ })

};
