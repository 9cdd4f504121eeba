export const id = 744;
export const ids = [744];
export const modules = {

/***/ 1744:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  run: () => (/* binding */ main_run)
});

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

// EXTERNAL MODULE: ./node_modules/.pnpm/@actions+core@3.0.1/node_modules/@actions/core/lib/core.js + 10 modules
var lib_core = __webpack_require__(715);
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
            const ref = reference_parseReference(entry);
            if (ref.digest !== undefined)
                throw new errors_BydigestError('INVALID_ARGUMENT', `${JSON.stringify(entry)} is a digest reference, not a tag`);
            if (ref.tag === undefined)
                throw new errors_BydigestError('INVALID_ARGUMENT', `${JSON.stringify(entry)} has no tag`);
            if (!sameRepository(ref, repo)) {
                throw new errors_BydigestError('INVALID_ARGUMENT', `${JSON.stringify(entry)} is not in repository ${reference_formatReference(repo)}`, {
                    hint: 'list tags of the `image` repository only',
                });
            }
            tag = ref.tag;
        }
        else {
            if (!reference_isValidTag(entry)) {
                throw new errors_BydigestError('INVALID_ARGUMENT', `${JSON.stringify(entry.length > 80 ? `${entry.slice(0, 80)}…` : entry)} is not a valid tag (letters, digits, _ . -; at most 128; not starting with . or -)`);
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
        const digest = sha256Digest(bytes);
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
        const digest = sha256Digest(manifest.bytes);
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

;// CONCATENATED MODULE: ./actions/capture-digest/src/inputs.ts




async function readInputs() {
    const repo = parseInput('image', parseRepository, { required: true, hint: 'e.g. ghcr.io/owner/name' });
    const entries = listInput('tags');
    if (entries.length === 0)
        throw new InputError('tags', 'lists no tags', 'give at least one tag, e.g. `latest`');
    const tags = parseInput('tags', () => parseTagList(repo, entries));
    const source = rawInput('source');
    const digestfile = rawInput('digestfile');
    // Checked before the push: a digestfile that cannot be written must not fail the step after it.
    if (digestfile)
        await checkWritableFile('digestfile', digestfile);
    const concurrency = integerInput('concurrency', 4, { min: 1, max: 32 });
    const expectLabels = readExpectLabels();
    return {
        repo,
        tags,
        ...(source ? { source } : {}),
        ...(digestfile ? { digestfile } : {}),
        concurrency,
        expectLabels,
        registry: readRegistryInputs(),
    };
}
/**
 * `key=value` lines, as resolve-ref's `label` output prints one; a key without a value checks nothing, so it is
 * refused.
 */
function readExpectLabels() {
    const labels = keyValueInput('expect-labels');
    for (const [key, value] of Object.entries(labels)) {
        if (/\s/.test(key))
            throw new InputError('expect-labels', `label key ${JSON.stringify(truncate(key))} contains whitespace`, 'write one key=value per line, e.g. org.opencontainers.image.revision=${{ steps.spec.outputs.sha }}');
        if (value === '') {
            throw new InputError('expect-labels', `label ${JSON.stringify(truncate(key))} has an empty value`, 'an empty expected value would pass an image built without the build-arg: check the step output it comes from');
        }
    }
    return labels;
}
/** The path can be written: not a directory, in a directory that exists and is writable. */
async function checkWritableFile(input, path) {
    const fail = (why) => {
        throw new InputError(input, `cannot write ${JSON.stringify(truncate(path))}: ${why}`, 'give a file path in an existing, writable directory');
    };
    const target = await (0,promises_.stat)(path).catch((e) => e.code === 'ENOENT' ? undefined : fail(e.code ?? e.message));
    if (target?.isDirectory())
        fail('it is a directory');
    const dir = (0,external_node_path_.dirname)((0,external_node_path_.resolve)(path));
    const parent = await (0,promises_.stat)(dir).catch((e) => fail(e.code === 'ENOENT' ? `directory ${truncate(dir)} does not exist` : (e.code ?? e.message)));
    if (!parent.isDirectory())
        fail(`${truncate(dir)} is not a directory`);
    await (0,promises_.access)(target ? path : dir, promises_.constants.W_OK).catch(() => fail('permission denied'));
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

;// CONCATENATED MODULE: ./packages/core/src/oci/remote/push.ts





/**
 * Pushes one manifest (image or index) from a layout: every blob once, skipping those the
 * repository has, several in flight; child manifests by digest before their index; then the
 * exact manifest bytes under every tag (or by digest when there are none).
 */
async function pushLayout(client, repo, layout, manifest, tags, opts = {}) {
    const children = [];
    const blobs = new Map();
    const collect = (m) => {
        const refs = referencedBlobs(parseManifestJson(m, layout.description), m.mediaType);
        for (const b of refs.blobs)
            blobs.set(b.digest, b);
        return refs.manifests;
    };
    for (const child of collect(manifest)) {
        const bytes = await layout.readBlob(child.digest);
        const c = { bytes, mediaType: child.mediaType, digest: child.digest };
        if (isIndexMediaType(c.mediaType)) {
            throw new errors_BydigestError('LAYOUT', `${layout.description}: nested index ${child.digest} is not supported`);
        }
        collect(c);
        children.push(c);
    }
    let uploaded = 0;
    let skipped = 0;
    let bytesUploaded = 0;
    await mapLimit([...blobs.values()], opts.concurrency ?? 4, async (d) => {
        const size = await layout.blobSize(d.digest);
        if (size !== d.size) {
            throw new errors_BydigestError('LAYOUT', `${layout.description}: blob ${d.digest} has ${size} bytes, the manifest says ${d.size}`);
        }
        const outcome = await client
            .uploadBlob(repo, { digest: d.digest, size, open: () => layout.blobChunks(d.digest) })
            .catch((e) => {
            // Blobs are streamed, not hashed first: the registry is the one to notice bytes that do not
            // match their digest, and it refuses the upload (no manifest or tag is written).
            if (isBydigestError(e) && e.status === 400 && e.registryCodes.includes('DIGEST_INVALID')) {
                throw new errors_BydigestError('LAYOUT', `a blob in the layout does not match its digest; the registry refused it (${e.message})`, { hint: 'the layout is corrupt: export it again', cause: e });
            }
            throw e;
        });
        if (outcome === 'exists')
            skipped++;
        else {
            uploaded++;
            bytesUploaded += size;
        }
    });
    await mapLimit(children, opts.concurrency ?? 4, (c) => client.putManifest(withDigest(repo, c.digest), c));
    if (tags.length === 0)
        await client.putManifest(withDigest(repo, manifest.digest), manifest);
    for (const tag of tags)
        await client.putManifest(withTag(repo, tag), manifest);
    return {
        digest: manifest.digest,
        mediaType: manifest.mediaType,
        blobsUploaded: uploaded,
        blobsSkipped: skipped,
        bytesUploaded,
    };
}
/** HEADs every tag (with the full Accept list) in parallel. */
async function resolveTags(client, repo, tags) {
    return mapLimit(tags, 8, async (tag) => {
        const ref = withTag(repo, tag);
        const head = await client.headManifest(ref);
        return { tag, reference: reference_formatReference(ref), digest: head?.digest };
    });
}
/** Fails, naming each tag and its digest, unless every tag resolves to `expected` (or to one digest). */
function assertSingleDigest(resolved, expected) {
    const missing = resolved.filter((r) => r.digest === undefined);
    if (missing.length > 0) {
        throw new errors_BydigestError('NOT_FOUND', `tag${missing.length > 1 ? 's' : ''} not found: ${missing.map((r) => r.reference).join(', ')}`, {
            hint: 'push the image first, or give `source` so capture-digest pushes it',
        });
    }
    const digests = new Set(resolved.map((r) => r.digest));
    if (expected !== undefined)
        digests.add(expected);
    if (digests.size !== 1) {
        const lines = resolved.map((r) => `  ${r.reference} -> ${r.digest}`).join('\n');
        throw new errors_BydigestError('TAG_MISMATCH', `tags resolve to ${digests.size} different digests${expected ? ` (expected ${expected})` : ''}:\n${lines}`, { hint: 'another push may have moved a tag; re-run the push, and do not tag from parallel jobs' });
    }
    return [...digests][0];
}

;// CONCATENATED MODULE: ./packages/core/src/oci/labels.ts




/** buildx adds attestation manifests to an index (`unknown/unknown`): they have no image config to check. */
const ATTESTATION = 'attestation-manifest';
const MAX_DEPTH = 2;
/**
 * Checks the labels in the config of the image `top` names, and of every platform image of an
 * index: the label `--label` stamped at build time is the evidence of what the build consumed,
 * so a platform built without it must not pass because another platform has it.
 */
async function labelMismatches(top, read, expected) {
    const out = [];
    const visit = async (m, platform, depth) => {
        if (isIndexMediaType(m.mediaType)) {
            if (depth > MAX_DEPTH)
                throw new errors_BydigestError('LAYOUT', `index ${m.digest} nests indexes more than ${MAX_DEPTH} deep`);
            const index = parseManifestJson(m, m.digest);
            const children = (index.manifests ?? []).filter((d) => d.annotations?.['vnd.docker.reference.type'] !== ATTESTATION);
            if (children.length === 0)
                throw new errors_BydigestError('LAYOUT', `index ${m.digest} lists no images whose labels could be checked`);
            for (const d of children) {
                const p = d.platform
                    ? [d.platform.os, d.platform.architecture, d.platform.variant].filter(Boolean).join('/')
                    : d.digest;
                await visit(await read.manifest(d), p, depth + 1);
            }
            return;
        }
        const doc = parseManifestJson(m, m.digest);
        if (!doc.config?.digest)
            throw new errors_BydigestError('LAYOUT', `manifest ${m.digest} has no config, so no labels`, {
                hint: 'expect-labels checks container images, not artifacts',
            });
        const bytes = await read.blob(doc.config);
        if (sha256Digest(bytes) !== doc.config.digest)
            throw new errors_BydigestError('DIGEST_MISMATCH', `config ${doc.config.digest} of ${m.digest} does not match its digest`);
        let labels;
        try {
            const config = JSON.parse(bytes.toString('utf8'));
            labels = config.config?.Labels ?? {};
        }
        catch {
            throw new errors_BydigestError('LAYOUT', `config ${doc.config.digest} of ${m.digest} is not JSON`);
        }
        for (const [key, value] of Object.entries(expected)) {
            const found = labels[key];
            if (found !== value)
                out.push({
                    platform,
                    config: doc.config.digest,
                    key,
                    expected: value,
                    found: typeof found === 'string' ? found : undefined,
                });
        }
    };
    await visit(top, 'image', 0);
    return out;
}
/** Fails, listing every label that is missing or different, per platform. */
async function assertLabels(top, read, expected, where) {
    if (Object.keys(expected).length === 0)
        return;
    const wrong = await labelMismatches(top, read, expected);
    if (wrong.length === 0)
        return;
    const lines = wrong.map((w) => `${w.platform === 'image' ? '' : `${w.platform}: `}label ${w.key}: expected ${JSON.stringify(w.expected)}, found ${w.found === undefined ? 'no such label' : JSON.stringify(w.found)}`);
    throw new errors_BydigestError('LABEL_MISMATCH', `${where} (${top.digest}) does not carry the expected labels: ${lines.join('; ')}`, {
        reference: where,
        hint: "build with --label key=value (resolve-ref's label output) and the matching --build-arg, or fix expect-labels",
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

// EXTERNAL MODULE: ./node_modules/.pnpm/@actions+exec@3.0.0/node_modules/@actions/exec/lib/exec.js + 3 modules
var exec = __webpack_require__(296);
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

;// CONCATENATED MODULE: ./packages/core/src/oci/layout/source.ts


function missingBlob(where, digest) {
    return new errors_BydigestError('LAYOUT', `${where}: blob ${digest} is missing`, {
        hint: 'the layout is incomplete; re-export it',
    });
}
/** A blob read whole is checked against its name: a layout on disk is not content-addressed storage. */
function verifiedBlob(where, digest, bytes) {
    if (sha256Digest(bytes) !== digest)
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

;// CONCATENATED MODULE: ./actions/capture-digest/src/push-source.ts






/**
 * A layout that is missing, malformed or whose bytes do not match their digests (the registry
 * refuses such a blob: core reports it as LAYOUT) is the `source` input's fault.
 */
const FROM_SOURCE = { LAYOUT: 'source' };
async function pushSource(client, repo, source, tags, opts) {
    const native = parseLayoutTransport(source);
    if (native)
        return pushFromLayout(client, repo, native.kind, native.path, native.ref, tags, opts, source);
    if (!/^[a-z][a-z0-9-]*:./.test(source)) {
        throw new InputError('source', `${JSON.stringify(source)} names no transport`, 'use oci:DIR, oci-archive:FILE or a containers transport such as containers-storage:IMAGE');
    }
    if (source.startsWith('docker://')) {
        throw new InputError('source', 'a docker:// source is a registry copy, not a push', 'use promote-preserve-digest to copy between registries by digest');
    }
    const dir = await (0,promises_.mkdtemp)((0,external_node_path_.join)(process.env.RUNNER_TEMP ?? (0,external_node_os_.tmpdir)(), 'bydigest-export-'));
    try {
        (0,lib_core/* info */.pq)(`exporting ${source} with skopeo`);
        // A local export: signature policy governs pulls from registries, and this image is about
        // to be signed by us; hosts without /etc/containers/policy.json would refuse otherwise.
        await exec/* exec */.m('skopeo', ['copy', '--quiet', '--insecure-policy', source, `oci:${dir}:export`]);
        return await pushFromLayout(client, repo, 'oci', dir, 'export', tags, opts, source);
    }
    finally {
        await (0,promises_.rm)(dir, { recursive: true, force: true });
    }
}
async function pushFromLayout(client, repo, kind, path, ref, tags, opts, source) {
    const layout = await withInput(FROM_SOURCE, () => openLayout(kind, path));
    try {
        const manifest = await withInput(FROM_SOURCE, () => selectLayoutManifest(layout, ref));
        await assertLabels(manifest, layoutReader(layout), opts.expectLabels, source);
        const result = await withInput(FROM_SOURCE, () => pushLayout(client, repo, layout, manifest, tags, { concurrency: opts.concurrency }));
        (0,lib_core/* info */.pq)(`pushed ${manifest.digest}: ${result.blobsUploaded} blob(s) uploaded (${result.bytesUploaded} bytes), ${result.blobsSkipped} already present`);
        return result;
    }
    finally {
        await layout.close();
    }
}
function layoutReader(layout) {
    return {
        manifest: async (d) => ({ bytes: await layout.readBlob(d.digest), mediaType: d.mediaType, digest: d.digest }),
        blob: (d) => layout.readBlob(d.digest),
    };
}

;// CONCATENATED MODULE: ./actions/capture-digest/src/run.ts




/** Pushes the source once (if given), tags it, and checks every tag resolves to the one digest. */
async function run(inputs, client = registryClient(inputs.registry)) {
    const { repo, tags, source, digestfile } = inputs;
    try {
        const pushed = source
            ? await pushSource(client, repo, source, tags, {
                concurrency: inputs.concurrency,
                expectLabels: inputs.expectLabels,
            })
            : undefined;
        const resolved = await resolveTags(client, repo, tags);
        const digest = assertSingleDigest(resolved, pushed?.digest);
        // Capture-only: the tags are already out; what stops the sign job is failing before any output is set.
        if (!pushed)
            await checkPushedLabels(client, repo, digest, inputs.expectLabels);
        const mediaType = pushed?.mediaType ?? (await client.headManifest(withDigest(repo, digest)))?.mediaType ?? '';
        if (digestfile)
            await (0,promises_.writeFile)(digestfile, digest);
        (0,lib_core/* info */.pq)(`${reference_formatReference(withDigest(repo, digest))} (${tags.length} tag${tags.length > 1 ? 's' : ''})`);
        const labels = Object.keys(inputs.expectLabels);
        await jobSummary()
            .heading('capture-digest')
            .table([[{ header: 'tag' }, { header: 'digest' }], ...resolved.map((r) => [r.reference, code(r.digest ?? '')])])
            .paragraph(pushed
            ? html `Pushed from ${code(source)}: ${pushed.blobsUploaded} blob(s) uploaded, ${pushed.blobsSkipped} already present.`
            : html `Resolve-only: no ${code('source')} given.`)
            .paragraph(labels.length > 0
            ? html `Labels checked on every platform's config: ${joinHtml(labels.map((k) => code(`${k}=${inputs.expectLabels[k]}`)))}.`
            : html `No labels checked (${code('expect-labels')} is empty).`)
            .write();
        return { digest, mediaType, resolved };
    }
    finally {
        await client.close();
    }
}
async function checkPushedLabels(client, repo, digest, expected) {
    if (Object.keys(expected).length === 0)
        return;
    const image = withDigest(repo, digest);
    await assertLabels(await client.getManifest(image), {
        manifest: (d) => client.getManifest(withDigest(repo, d.digest)),
        blob: (d) => client.getBlob(repo, d.digest),
    }, expected, reference_formatReference(image));
}

;// CONCATENATED MODULE: ./actions/capture-digest/src/main.ts




/** The whole step (what GitHub's local-action calls): inputs, the action, its outputs. */
async function main_run() {
    await runAction(async () => {
        const inputs = await readInputs();
        const { digest, mediaType } = await run(inputs);
        setDigestOutput('digest', digest);
        setDigestRefOutput('image-ref', reference_formatReference(withDigest(inputs.repo, digest)));
        setCheckedOutput('tags', inputs.tags.join('\n'), (v) => v.trim() !== '');
        setCheckedOutput('media-type', mediaType, /^application\/[\w.+-]+$/);
    });
}


/***/ })

};
