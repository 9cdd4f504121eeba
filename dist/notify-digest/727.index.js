export const id = 727;
export const ids = [727];
export const modules = {

/***/ 5727:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  run: () => (/* binding */ main_run)
});

// EXTERNAL MODULE: ./node_modules/.pnpm/@actions+github@9.1.1/node_modules/@actions/github/lib/github.js + 22 modules
var github = __webpack_require__(1918);
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

;// CONCATENATED MODULE: ./packages/action-kit/src/github.ts
// The workflow run, as the runner's environment describes it. A local run, act or another CI
// leaves some of these variables unset; each field is then undefined, so a caller renders a
// fallback or names the variable it cannot do without (runContextMissing), never reads undefined.
/** The variable each field comes from, for messages. */
const RUN_CONTEXT_VARIABLES = {
    repository: 'GITHUB_REPOSITORY',
    sha: 'GITHUB_SHA',
    runId: 'GITHUB_RUN_ID',
    workflow: 'GITHUB_WORKFLOW',
    workflowRef: 'GITHUB_WORKFLOW_REF',
};
function runContext(env = process.env) {
    const value = (name) => env[name]?.trim() || undefined;
    const out = {};
    const repository = value(RUN_CONTEXT_VARIABLES.repository);
    const [owner, repo, extra] = repository?.split('/') ?? [];
    // As @actions/github splits it; a value that is not owner/name is as good as none.
    if (repository && owner && repo && extra === undefined)
        Object.assign(out, { repository, owner, repo });
    const sha = value(RUN_CONTEXT_VARIABLES.sha);
    if (sha)
        out.sha = sha;
    const runId = value(RUN_CONTEXT_VARIABLES.runId);
    if (runId && /^\d+$/.test(runId))
        out.runId = runId;
    const workflow = value(RUN_CONTEXT_VARIABLES.workflow);
    if (workflow)
        out.workflow = workflow;
    const workflowRef = value(RUN_CONTEXT_VARIABLES.workflowRef);
    if (workflowRef)
        out.workflowRef = workflowRef;
    if (out.repository && out.runId)
        out.runUrl = `${value('GITHUB_SERVER_URL') ?? 'https://github.com'}/${out.repository}/actions/runs/${out.runId}`;
    return out;
}
/** Why a field is absent, naming its variable: "GITHUB_SHA is not set". */
function runContextMissing(field, env = process.env) {
    const name = RUN_CONTEXT_VARIABLES[field];
    const given = env[name]?.trim();
    return given
        ? `${name} is ${JSON.stringify(given)}, not ${field === 'repository' ? 'owner/name' : field === 'runId' ? 'a run number' : 'usable'}`
        : `${name} is not set`;
}
/**
 * The run this step belongs to, or undefined outside a workflow (no GITHUB_REPOSITORY, GITHUB_SHA or GITHUB_RUN_ID).
 */
async function githubRun() {
    const run = runContext();
    if (!run.repository || !run.sha || !run.runId || !run.runUrl)
        return undefined;
    return {
        repository: run.repository,
        sha: run.sha,
        // Not on @actions/github's context object: the runner exports it for reusable-workflow-aware identities.
        workflowRef: run.workflowRef ?? `${run.repository}/${run.workflow ?? ''}`,
        runId: run.runId,
        runUrl: run.runUrl,
    };
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

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
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

;// CONCATENATED MODULE: ./actions/notify-digest/src/needs.ts

const RESULTS = ['success', 'failure', 'cancelled', 'skipped'];
const HINT = 'pass `needs: ${{ toJSON(needs) }}` in the notify job, whose `needs:` lists the jobs to report on';
function needs_invalid(message) {
    return new BydigestError('INVALID_ARGUMENT', message, { hint: HINT });
}
/**
 * Parses the JSON of `toJSON(needs)`: `{"<job>": {"result": "success", "outputs": {…}}, …}`.
 * Every job must carry a known result; outputs may be missing (a job that failed early sets none).
 */
function parseNeeds(raw) {
    let parsed;
    try {
        parsed = JSON.parse(raw);
    }
    catch (e) {
        throw needs_invalid(`is not JSON (${e.message})`);
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
        throw needs_invalid(`must be a JSON object of jobs, got ${Array.isArray(parsed) ? 'an array' : JSON.stringify(parsed)}`);
    }
    const jobs = [];
    for (const [name, value] of Object.entries(parsed)) {
        if (typeof value !== 'object' || value === null || Array.isArray(value))
            throw needs_invalid(`job '${name}' must be an object with a result`);
        const { result, outputs } = value;
        if (typeof result !== 'string' || !RESULTS.includes(result)) {
            throw needs_invalid(`job '${name}' has result ${JSON.stringify(result)}; expected one of ${RESULTS.join(', ')}`);
        }
        jobs.push({ name, result: result, outputs: stringOutputs(name, outputs) });
    }
    if (jobs.length === 0)
        throw needs_invalid('lists no jobs');
    return jobs;
}
function stringOutputs(job, outputs) {
    if (outputs === undefined || outputs === null)
        return {};
    if (typeof outputs !== 'object' || Array.isArray(outputs))
        throw needs_invalid(`job '${job}' has outputs that are not an object`);
    const out = {};
    for (const [k, v] of Object.entries(outputs)) {
        // The runner gives every output as a string; anything else was not produced by toJSON(needs).
        if (typeof v !== 'string')
            throw needs_invalid(`job '${job}' output '${k}' is not a string`);
        out[k] = v;
    }
    return out;
}

;// CONCATENATED MODULE: ./actions/notify-digest/src/targets.ts
/** Where the notify job publishes. The summary is always written; the others are chosen by `publish`. */
const TARGETS = ['summary', 'status', 'release', 'comment'];
/** The `permissions:` each target needs in the notify job; the README and the 403 hint say the same. */
const PERMISSION = {
    status: 'statuses: write',
    release: 'contents: write',
    comment: 'pull-requests: write',
};

;// CONCATENATED MODULE: ./actions/notify-digest/src/inputs.ts





const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
function readInputs(env = process.env) {
    // Both secrets are masked before anything else can print them, including an error about another input.
    const token = rawInput('github-token');
    if (token)
        (0,lib_core/* setSecret */.Pq)(token);
    const ntfyUrlEnv = rawInput('ntfy-url-env') || 'NTFY_URL';
    if (!ENV_NAME.test(ntfyUrlEnv)) {
        if (/^[a-z]+:\/\//i.test(ntfyUrlEnv))
            (0,lib_core/* setSecret */.Pq)(ntfyUrlEnv);
        throw new InputError('ntfy-url-env', /^[a-z]+:\/\//i.test(ntfyUrlEnv)
            ? 'holds a URL, not the name of an environment variable'
            : `${JSON.stringify(truncate(ntfyUrlEnv))} is not an environment variable name`, "pass the topic URL through the step's env: (NTFY_URL: ${{ secrets.NTFY_URL }}) and name that variable here; a URL in with: lands in the workflow file and logs");
    }
    const ntfyUrl = env[ntfyUrlEnv]?.trim() || undefined;
    if (ntfyUrl)
        (0,lib_core/* setSecret */.Pq)(ntfyUrl);
    const raw = rawInput('needs');
    if (raw === '')
        throw new InputError('needs', 'is required but empty', 'pass `needs: ${{ toJSON(needs) }}`');
    const jobs = withInput('needs', () => parseNeeds(raw));
    const imageRefs = listInput('image-ref');
    for (const r of imageRefs)
        withInput('image-ref', () => parseDigestReference(r));
    const signatureRef = rawInput('signature-ref') || undefined;
    if (signatureRef)
        withInput('signature-ref', () => parseReference(signatureRef));
    const sbomRef = rawInput('sbom-ref') || undefined;
    if (sbomRef)
        withInput('sbom-ref', () => parseDigestReference(sbomRef));
    if (imageRefs.length > 1 && (signatureRef || sbomRef || rawInput('tags'))) {
        throw new InputError('image-ref', 'lists several images, but tags, signature-ref or sbom-ref can only describe one', "give one image-ref, or let each image's refs come from needs");
    }
    const publish = new Set(['summary']);
    for (const t of listInput('publish')) {
        if (!TARGETS.includes(t))
            throw new InputError('publish', `unknown target ${JSON.stringify(truncate(t))}`, `choose from ${TARGETS.join(', ')}`);
        publish.add(t);
    }
    const needsToken = [...publish].filter((t) => t !== 'summary');
    if (needsToken.length > 0 && !token) {
        throw new InputError('github-token', `is empty, but publish lists ${needsToken.join(', ')}`, 'leave github-token at its default (${{ github.token }}) or publish only summary');
    }
    return {
        jobs,
        imageRefs,
        tags: listInput('tags'),
        ...(signatureRef ? { signatureRef } : {}),
        ...(sbomRef ? { sbomRef } : {}),
        publish,
        ntfyUrlEnv,
        ...(ntfyUrl ? { ntfyUrl } : {}),
        githubToken: token,
        keyLocation: keyLocation(),
    };
}
/** Printed into shell commands and Markdown: one word, nothing a shell or Markdown would read. */
function keyLocation() {
    const raw = rawInput('key-location') || 'cosign.pub';
    // No shell metacharacters: users paste the command as printed.
    if (!/^[A-Za-z0-9._~:/@=%+,-]+$/.test(raw)) {
        throw new InputError('key-location', `${JSON.stringify(truncate(raw))} is not a path or URL a user can paste after --key`, 'give a path such as cosign.pub or an https URL of letters, digits and . _ ~ : / @ = % + , -');
    }
    return raw;
}

;// CONCATENATED MODULE: ./actions/notify-digest/src/github.ts


/** The context a GitHub target writes to; refused, naming the variable, when the runner did not give it. */
function repoContextFor(target, ctx) {
    if (!('missing' in ctx))
        return ctx;
    throw new BydigestError('INVALID_ARGUMENT', `publish target '${target}' needs the run's repository and commit, but ${ctx.missing}`, {
        hint: 'run the step in a GitHub Actions workflow (the runner sets GITHUB_REPOSITORY and GITHUB_SHA), or set publish: summary to report without GitHub',
    });
}
function isRequestError(e) {
    return typeof e === 'object' && e !== null && typeof e.status === 'number';
}
/**
 * Runs one API call; a refusal becomes a BydigestError naming the operation and status, and a
 * 403 the permission the job lacks (GitHub answers "Resource not accessible by integration").
 */
async function api(target, operation, reference, call) {
    try {
        return await call();
    }
    catch (e) {
        if (!isRequestError(e)) {
            throw new BydigestError('NETWORK', `${operation} failed: ${e.message}`, {
                operation,
                reference,
                cause: e,
            });
        }
        const hint = e.status === 403
            ? `publish target '${target}' needs \`permissions: ${PERMISSION[target]}\` on the notify job (and a token that may write to ${reference})`
            : e.status === 401
                ? 'github-token is not accepted: pass ${{ github.token }} or a token for this repository'
                : undefined;
        throw new BydigestError('GITHUB', `the GitHub API refused: ${e.message}`, {
            operation,
            reference,
            status: e.status,
            cause: e,
            ...(hint ? { hint } : {}),
        });
    }
}

;// CONCATENATED MODULE: ./actions/notify-digest/src/images.ts

const SPLIT = /[\s,]+/;
/**
 * The images to report: `image-ref` when given, else every distinct `image-ref` output in
 * `needs` (capture-digest's). Tags come from the job that output the image; the signature is
 * the `signature-ref` naming this digest (`…:sha256-<hex>.sig`); the SBOM the `sbom-ref` in the
 * same repository (attach-sbom's outputs name both its SBOM and the SBOM's own signature, so a
 * signature-ref is matched by digest, never taken from any job).
 */
function resolveImages(jobs, given) {
    const missing = [];
    const fromNeeds = jobs.flatMap((j) => (j.outputs['image-ref'] ? [{ job: j, ref: j.outputs['image-ref'] }] : []));
    const refs = given.imageRefs.length > 0 ? given.imageRefs.map((ref) => ({ job: undefined, ref })) : fromNeeds;
    const images = [];
    for (const { job, ref } of refs) {
        const image = parseDigestReference(ref);
        const key = formatReference({ registry: image.registry, repository: image.repository, digest: image.digest });
        if (images.some((i) => i.ref === key))
            continue;
        images.push({ image, ref: key, tags: [] });
        const report = images[images.length - 1];
        const single = refs.length === 1;
        // Outputs land in Markdown (comment, release notes): only well-formed tags and references do.
        const tags = single && given.tags.length > 0 ? given.tags : (job?.outputs.tags ?? '').split(SPLIT).filter(Boolean).map(tagOf);
        report.tags = tags.filter((t) => isValidTag(t));
        for (const t of tags.filter((x) => !isValidTag(x)))
            missing.push(`${key}: tag ${JSON.stringify(t.slice(0, 80))} is not a valid tag; left out`);
        const signatureRef = single && given.signatureRef ? given.signatureRef : findSignature(jobs, image.digest);
        if (signatureRef)
            report.signatureRef = signatureRef;
        const sbomRef = single && given.sbomRef ? given.sbomRef : findSbom(jobs, image);
        if (sbomRef && isDigestRef(sbomRef))
            report.sbomRef = sbomRef;
        else if (sbomRef)
            missing.push(`${key}: sbom-ref ${JSON.stringify(sbomRef.slice(0, 80))} is not a reference by digest; left out`);
    }
    if (images.length === 0) {
        missing.push("no image-ref: neither the input nor any job in needs gave one (capture-digest's image-ref output), so there is no digest to report");
    }
    for (const i of images) {
        if (!i.signatureRef && jobs.some((j) => j.result === 'success' && /sign/i.test(j.name))) {
            missing.push(`${i.ref}: no signature-ref naming this digest in needs (map sign-digest's signature-ref to a job output)`);
        }
    }
    return { images, missing };
}
/** Tags as docker/metadata-action prints them may be full references; keep the tag. */
function tagOf(raw) {
    if (!raw.includes('/') && !raw.includes('@'))
        return raw.replace(/^:/, '');
    try {
        return parseReference(raw).tag ?? raw;
    }
    catch {
        return raw;
    }
}
function isDigestRef(r) {
    try {
        parseDigestReference(r);
        return true;
    }
    catch {
        return false;
    }
}
/** The signature-ref in needs that names this digest and parses as a reference. */
function findSignature(jobs, digest) {
    const suffix = `:${digest.replace(':', '-')}.sig`;
    return jobs
        .map((j) => j.outputs['signature-ref'])
        .find((r) => {
        if (r === undefined || !r.endsWith(suffix))
            return false;
        try {
            parseReference(r);
            return true;
        }
        catch {
            return false;
        }
    });
}
/** The sbom-ref in needs in the image's repository; a malformed one is returned to be reported. */
function findSbom(jobs, image) {
    for (const j of jobs) {
        const r = j.outputs['sbom-ref'];
        if (!r)
            continue;
        try {
            const sbom = parseReference(r);
            if (sbom.registry === image.registry && sbom.repository === image.repository)
                return r;
        }
        catch {
            return r;
        }
    }
    return undefined;
}
/** `sha256:0123456789ab` — enough to tell digests apart in a status line. */
function shortDigest(digest) {
    const [alg, hex] = digest.split(':');
    return `${alg}:${hex.slice(0, 12)}`;
}

;// CONCATENATED MODULE: ./actions/notify-digest/src/ntfy.ts
/** ntfy answers within seconds or not at all; a notification never holds up the pipeline for long. */
const TIMEOUT_MS = 15_000;
/** Header values must be Latin-1 (fetch refuses anything else); ntfy reads the rest as-is. */
const latin1 = (s) => s.replace(/[^\x20-\x7e\xa0-\xff]/g, '?');
/**
 * One POST to the topic URL with ntfy's headers. Never throws: the caller turns a refusal into
 * a warning, as a notification failing must not fail the pipeline. The URL is secret, so no
 * reason quotes it.
 */
async function sendNtfy(topicUrl, m) {
    let url;
    try {
        url = new URL(topicUrl);
    }
    catch {
        return { sent: false, reason: 'the ntfy URL does not parse as a URL' };
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:')
        return { sent: false, reason: `the ntfy URL has scheme ${url.protocol}, expected https:` };
    const headers = {
        Title: latin1(m.title),
        Priority: String(m.priority),
        Tags: m.tags.join(','),
        'Content-Type': 'text/plain; charset=utf-8',
    };
    if (m.click)
        headers.Click = m.click;
    // https://user:pass@ntfy.example/topic: fetch refuses credentials in a URL, ntfy takes Basic auth.
    if (url.username !== '' || url.password !== '') {
        headers.Authorization = `Basic ${Buffer.from(`${decodeURIComponent(url.username)}:${decodeURIComponent(url.password)}`).toString('base64')}`;
        url.username = '';
        url.password = '';
    }
    try {
        const res = await fetch(url, { method: 'POST', headers, body: m.message, signal: AbortSignal.timeout(TIMEOUT_MS) });
        const text = await res.text().catch(() => '');
        if (!res.ok)
            return { sent: false, reason: `ntfy answered HTTP ${res.status}${ntfyError(text)}` };
        return { sent: true, status: res.status };
    }
    catch (e) {
        const err = e;
        return { sent: false, reason: `the POST to ntfy failed (${err.cause?.code ?? err.name})` };
    }
}
/** ntfy's JSON error (`{"code":40301,"error":"forbidden"}`) says why in a word. */
function ntfyError(text) {
    try {
        const e = JSON.parse(text);
        return e.error ? `: ${e.error}${e.code ? ` (${e.code})` : ''}` : '';
    }
    catch {
        return '';
    }
}

;// CONCATENATED MODULE: ./actions/notify-digest/src/outcome.ts
function decide(jobs) {
    const named = (r) => jobs.filter((j) => j.result === r).map((j) => j.name);
    const failed = named('failure');
    const cancelled = named('cancelled');
    const skipped = named('skipped');
    const outcome = failed.length > 0 ? 'failure' : cancelled.length > 0 ? 'cancelled' : 'success';
    return { outcome, failed, cancelled, skipped };
}
/**
 * Commit status states: GitHub has no "cancelled"; `error` is what it shows as neither passed nor failed by the code.
 */
function commitState(outcome) {
    return outcome === 'success' ? 'success' : outcome === 'failure' ? 'failure' : 'error';
}
/** ntfy priorities 1–5: a failure is high (4) so it buzzes; the rest stay at the default (3). */
function ntfyPriority(outcome) {
    return outcome === 'failure' ? 4 : 3;
}
/** ntfy tags; the first emoji short code is shown before the title. */
function ntfyTags(outcome) {
    const emoji = outcome === 'success' ? 'white_check_mark' : outcome === 'failure' ? 'rotating_light' : 'warning';
    return [emoji, 'bydigest', outcome];
}
/** One line on what happened, e.g. "sign failed; promote skipped". */
function verdictLine(v) {
    const parts = [
        ...(v.failed.length > 0 ? [`${v.failed.join(', ')} failed`] : []),
        ...(v.cancelled.length > 0 ? [`${v.cancelled.join(', ')} cancelled`] : []),
        ...(v.skipped.length > 0 ? [`${v.skipped.join(', ')} skipped`] : []),
    ];
    return parts.length > 0 ? parts.join('; ') : 'all jobs succeeded';
}

;// CONCATENATED MODULE: ./actions/notify-digest/src/markdown.ts


const RESULT_MARK = { success: '✅', failure: '❌', cancelled: '⚠️', skipped: '⏭️' };
const SPDX_ARTIFACT = 'application/vnd.spdx+json';
/** Markdown inline code that survives backticks in the value. */
function code(s) {
    const fence = s.includes('`') ? '``' : '`';
    return `${fence}${s}${fence}`;
}
/** The commands a user runs to check this image: cosign, then a bootc host, then the referrers. */
function verifyCommands(i, keyLocation) {
    const pull = i.tags[0]
        ? formatReference({ registry: i.image.registry, repository: i.image.repository, tag: i.tags[0] })
        : i.ref;
    return [
        // sign-digest signs offline: no Rekor entry, so cosign must be told not to look for one.
        `cosign verify --key ${keyLocation} --insecure-ignore-tlog=true ${i.ref}`,
        `bootc switch --enforce-container-sigpolicy ${pull}`,
        `oras discover --artifact-type ${SPDX_ARTIFACT} ${i.ref}`,
    ];
}
/** One image: digest, tags, signature, SBOM, and the commands to verify it. */
function imageBlock(i, keyLocation) {
    const rows = [
        `| digest | ${code(i.image.digest)} |`,
        `| image | ${code(i.ref)} |`,
        `| tags | ${i.tags.length > 0 ? i.tags.map(code).join(' ') : '—'} |`,
        `| signature | ${i.signatureRef ? code(i.signatureRef) : 'none reported'} |`,
        `| SBOM | ${i.sbomRef ? code(i.sbomRef) : 'none reported'} |`,
    ];
    return [
        `#### ${code(repositoryName(i.image))}`,
        '',
        '| | |',
        '| --- | --- |',
        ...rows,
        '',
        'Verify it:',
        '',
        '```sh',
        ...verifyCommands(i, keyLocation),
        '```',
    ].join('\n');
}
function imageBlocks(r, none) {
    return r.images.length > 0 ? r.images.map((i) => imageBlock(i, r.keyLocation)).join('\n\n') : none;
}
function jobsTable(jobs) {
    return [
        '| job | result |',
        '| --- | --- |',
        ...jobs.map((j) => `| ${code(j.name)} | ${RESULT_MARK[j.result]} ${j.result} |`),
    ].join('\n');
}
function headline(r) {
    const word = r.verdict.outcome === 'success' ? 'succeeded' : r.verdict.outcome === 'failure' ? 'failed' : 'was cancelled';
    const workflow = r.run.runUrl ? `[${r.run.workflow}](${r.run.runUrl})` : r.run.workflow;
    return `${RESULT_MARK[r.verdict.outcome]} ${workflow} ${word}: ${verdictLine(r.verdict)}`;
}
/** What the summary and the pull request comment show: the verdict, each job, each image. */
function reportBody(r) {
    return [
        headline(r),
        '',
        jobsTable(r.jobs),
        '',
        imageBlocks(r, '_No digest was reported: the image was not pushed._'),
    ].join('\n');
}
/** The job summary. */
function renderSummary(r) {
    return `### notify-digest\n\n${reportBody(r)}\n`;
}
/** An HTML comment that cannot be closed early by what it quotes. */
function marker(kind, workflow) {
    return `<!-- bydigest:notify-digest${kind} workflow=${JSON.stringify(workflow).replace(/--/g, '- -')} -->`;
}

;// CONCATENATED MODULE: ./actions/notify-digest/src/report.ts
/** The commit as a message shows it: 7 hex digits, or that it is not known. */
function shortCommit(run) {
    return run.sha ? run.sha.slice(0, 7) : 'unknown commit';
}

;// CONCATENATED MODULE: ./actions/notify-digest/src/comment-body.ts


/** The marker that finds our comment again: one sticky comment per workflow and pull request. */
function commentMarker(workflow) {
    return marker('', workflow);
}
function renderComment(r) {
    return `${commentMarker(r.run.workflow)}\n### bydigest: ${shortCommit(r.run)}\n\n${reportBody(r)}\n`;
}

;// CONCATENATED MODULE: ./actions/notify-digest/src/publish-comment.ts


/**
 * One sticky comment per pull request and workflow: found again by its marker and edited in
 * place, so re-runs and later pushes never stack comments. Two runs at once can each find none
 * and create one; so after creating, the comments are listed again and only the oldest of ours
 * is kept (with this run's body). A push (not a pull_request event) comments on the open pull
 * request whose head is this commit, if there is one.
 */
async function publishComment(octokit, ctx, report) {
    const number = ctx.pullNumber ?? (await pullForCommit(octokit, ctx));
    if (number === undefined)
        return { action: 'none', reason: `no open pull request has ${ctx.sha.slice(0, 7)} as its head` };
    const thread = {
        octokit,
        ctx,
        number,
        ref: `${ctx.owner}/${ctx.repo}#${number}`,
        marker: commentMarker(report.run.workflow),
    };
    const body = renderComment(report);
    const existing = await ourComments(thread);
    if (existing.length > 0) {
        const kept = await update(thread, existing[0].id, body);
        return { action: 'updated', ...kept, removed: await remove(thread, existing.slice(1)) };
    }
    const created = await api('comment', 'create comment', thread.ref, () => octokit.rest.issues.createComment({ owner: ctx.owner, repo: ctx.repo, issue_number: number, body }));
    const after = await ourComments(thread);
    const oldest = after[0];
    if (!oldest || oldest.id === created.data.id) {
        return {
            action: 'created',
            id: created.data.id,
            url: created.data.html_url,
            removed: await remove(thread, after.slice(1)),
        };
    }
    // Another run created one first: it stays, with this run's body, and ours goes.
    const kept = await update(thread, oldest.id, body);
    return { action: 'updated', ...kept, removed: await remove(thread, after.slice(1)) };
}
/** Our comments on the thread, oldest first. */
async function ourComments(t) {
    const comments = await api('comment', 'list pull request comments', t.ref, () => t.octokit.paginate(t.octokit.rest.issues.listComments, {
        owner: t.ctx.owner,
        repo: t.ctx.repo,
        issue_number: t.number,
        per_page: 100,
    }));
    return comments.filter((c) => c.body?.includes(t.marker)).sort((a, b) => a.id - b.id);
}
async function update(t, id, body) {
    const res = await api('comment', 'update comment', `${t.ref} comment ${id}`, () => t.octokit.rest.issues.updateComment({ owner: t.ctx.owner, repo: t.ctx.repo, comment_id: id, body }));
    return { id: res.data.id, url: res.data.html_url };
}
/** Deletes duplicates; one another run deleted first (404) is gone all the same. */
async function remove(t, extra) {
    for (const c of extra) {
        try {
            await t.octokit.rest.issues.deleteComment({ owner: t.ctx.owner, repo: t.ctx.repo, comment_id: c.id });
        }
        catch (e) {
            if (e.status === 404)
                continue;
            await api('comment', 'delete duplicate comment', `${t.ref} comment ${c.id}`, () => Promise.reject(e));
        }
    }
    return extra.length;
}
async function pullForCommit(octokit, ctx) {
    const pulls = await api('comment', 'list pull requests for commit', `${ctx.owner}/${ctx.repo}@${ctx.sha}`, () => octokit.rest.repos.listPullRequestsAssociatedWithCommit({ owner: ctx.owner, repo: ctx.repo, commit_sha: ctx.sha }));
    return pulls.data.find((p) => p.state === 'open' && p.head.sha === ctx.sha)?.number;
}

;// CONCATENATED MODULE: ./actions/notify-digest/src/release-section.ts


const SECTION_END = '<!-- bydigest:notify-digest:end -->';
/**
 * The release notes with our section appended, or replaced where a re-run already wrote it:
 * the notes a maintainer wrote stay as they are.
 */
function withReleaseSection(notes, r) {
    const start = marker(':start', r.run.workflow);
    const warning = r.verdict.outcome === 'success'
        ? []
        : [
            `> [!WARNING]\n> The pipeline ${r.verdict.outcome === 'failure' ? 'failed' : 'was cancelled'}: ${verdictLine(r.verdict)}.`,
            '',
        ];
    const section = [
        start,
        '## Verify this release',
        '',
        ...warning,
        imageBlocks(r, '_No digest was reported._'),
        SECTION_END,
    ].join('\n');
    const from = notes.indexOf(start);
    const to = from >= 0 ? notes.indexOf(SECTION_END, from) : -1;
    if (from >= 0 && to >= 0)
        return notes.slice(0, from) + section + notes.slice(to + SECTION_END.length);
    const trimmed = notes.replace(/\s+$/, '');
    return trimmed === '' ? section : `${trimmed}\n\n${section}`;
}

;// CONCATENATED MODULE: ./actions/notify-digest/src/publish-release.ts


/**
 * Appends the verify section to the run's release: the release event's own, else the one for
 * the pushed tag. A run with neither has no release to write to, which is not an error.
 */
async function publishRelease(octokit, ctx, report) {
    const repo = `${ctx.owner}/${ctx.repo}`;
    let release;
    if (ctx.releaseId !== undefined) {
        const id = ctx.releaseId;
        release = (await api('release', 'get release', `${repo} release ${id}`, () => octokit.rest.repos.getRelease({ owner: ctx.owner, repo: ctx.repo, release_id: id }))).data;
    }
    else if (ctx.tag !== undefined) {
        const tag = ctx.tag;
        try {
            release = (await octokit.rest.repos.getReleaseByTag({ owner: ctx.owner, repo: ctx.repo, tag })).data;
        }
        catch (e) {
            if (e.status === 404)
                return { updated: false, reason: `no release exists for tag ${tag} yet` };
            return api('release', 'get release by tag', `${repo} tag ${tag}`, () => Promise.reject(e));
        }
    }
    else {
        return { updated: false, reason: 'this run is neither a release event nor a tag push' };
    }
    const id = release.id;
    const updated = await api('release', 'update release', `${repo} release ${id}`, () => octokit.rest.repos.updateRelease({
        owner: ctx.owner,
        repo: ctx.repo,
        release_id: id,
        body: withReleaseSection(release.body ?? '', report),
    }));
    return { updated: true, id, url: updated.data.html_url };
}

;// CONCATENATED MODULE: ./actions/notify-digest/src/status-text.ts



/** GitHub cuts status descriptions at 140 characters. */
function statusDescription(i, verdict) {
    const text = `${i ? `${shortDigest(i.image.digest)}: ` : 'no digest: '}${verdictLine(verdict)}`;
    return text.length > 140 ? `${text.slice(0, 139)}…` : text;
}
/** `bydigest/<registry>/<repository>`, or `bydigest` when no image was reported. */
function statusContext(i) {
    return i ? `bydigest/${repositoryName(i.image)}` : 'bydigest';
}

;// CONCATENATED MODULE: ./actions/notify-digest/src/publish-status.ts



/** One commit status per image, context `bydigest/<image>`, linking to the run. */
async function publishStatuses(octokit, ctx, images, verdict, runUrl) {
    const state = commitState(verdict.outcome);
    const contexts = [];
    for (const image of images.length > 0 ? images : [undefined]) {
        const context = statusContext(image);
        await api('status', 'create commit status', `${ctx.owner}/${ctx.repo}@${ctx.sha}`, () => octokit.rest.repos.createCommitStatus({
            owner: ctx.owner,
            repo: ctx.repo,
            sha: ctx.sha,
            state,
            context,
            description: statusDescription(image, verdict),
            ...(runUrl ? { target_url: runUrl } : {}),
        }));
        contexts.push(context);
    }
    return contexts;
}

;// CONCATENATED MODULE: ./actions/notify-digest/src/ntfy-message.ts


/** Plain text: the verdict, each image with its tags, the commit. */
function renderNtfyMessage(r, priority, tags) {
    const word = r.verdict.outcome === 'success' ? 'published' : r.verdict.outcome === 'failure' ? 'failed' : 'cancelled';
    const lines = [
        `${r.run.workflow}: ${verdictLine(r.verdict)}`,
        ...r.images.map((i) => `${i.ref}${i.tags.length > 0 ? ` (${i.tags.join(', ')})` : ''}${i.signatureRef ? ', signed' : ''}${i.sbomRef ? ', SBOM' : ''}`),
        r.run.sha ? `commit ${shortCommit(r.run)}` : shortCommit(r.run),
    ];
    return {
        title: `${r.run.repository ?? 'unknown repository'} ${word}`,
        message: lines.join('\n'),
        priority,
        tags,
        ...(r.run.runUrl ? { click: r.run.runUrl } : {}),
    };
}

;// CONCATENATED MODULE: ./actions/notify-digest/src/run.ts











/**
 * Reports the pipeline: summary first (it needs nothing but a file), then ntfy, then the GitHub targets.
 * A GitHub refusal fails the step after the others have had their turn; ntfy never does.
 */
async function run(inputs, ctx) {
    const verdict = decide(inputs.jobs);
    const { images, missing } = resolveImages(inputs.jobs, inputs);
    for (const m of missing)
        (0,lib_core/* warning */.$e)(m);
    const report = { jobs: inputs.jobs, verdict, images, run: ctx.run, keyLocation: inputs.keyLocation };
    const published = [];
    // @actions/core throws without a summary file; a runner without one (act, say) still gets the rest.
    if (process.env.GITHUB_STEP_SUMMARY) {
        await lib_core/* summary */.z.addRaw(renderSummary(report)).write();
        published.push('summary');
    }
    else {
        (0,lib_core/* info */.pq)('summary: GITHUB_STEP_SUMMARY is not set (not a GitHub runner?); no job summary written');
    }
    if (!inputs.ntfyUrl) {
        (0,lib_core/* info */.pq)(`ntfy: ${inputs.ntfyUrlEnv} is not set; no notification sent`);
    }
    else {
        const sent = await sendNtfy(inputs.ntfyUrl, renderNtfyMessage(report, ntfyPriority(verdict.outcome), ntfyTags(verdict.outcome)));
        if (sent.sent) {
            (0,lib_core/* info */.pq)(`ntfy: notification sent (HTTP ${sent.status})`);
            published.push('ntfy');
        }
        else {
            (0,lib_core/* warning */.$e)(`ntfy: ${sent.reason}; the pipeline's result stands`);
        }
    }
    const failures = [];
    const attempt = async (target, body) => {
        if (!inputs.publish.has(target))
            return;
        try {
            await body(ctx.octokit, repoContextFor(target, ctx.repo));
            published.push(target);
        }
        catch (e) {
            failures.push(e);
        }
    };
    await attempt('status', async (o, repo) => {
        const contexts = await publishStatuses(o, repo, images, verdict, ctx.run.runUrl);
        (0,lib_core/* info */.pq)(`status: ${contexts.join(', ')} set to ${verdict.outcome} on ${repo.sha}`);
    });
    await attempt('release', async (o, repo) => {
        const r = await publishRelease(o, repo, report);
        if (r.updated)
            (0,lib_core/* info */.pq)(`release: verify section written to ${r.url}`);
        else
            (0,lib_core/* info */.pq)(`release: skipped, ${r.reason}`);
    });
    await attempt('comment', async (o, repo) => {
        const r = await publishComment(o, repo, report);
        if (r.action === 'none')
            (0,lib_core/* info */.pq)(`comment: skipped, ${r.reason}`);
        else
            (0,lib_core/* info */.pq)(`comment: ${r.action} ${r.url}${r.removed > 0 ? ` (${r.removed} duplicate(s) from a concurrent run removed)` : ''}`);
    });
    // The first refusal fails the step; any others are logged, so one run shows every missing permission.
    for (const e of failures.slice(1))
        (0,lib_core/* error */.z3)(failureMessage(e));
    if (failures.length > 0)
        throw failures[0];
    return { outcome: verdict.outcome, published };
}

;// CONCATENATED MODULE: ./actions/notify-digest/src/main.ts




/** The whole step (what GitHub's local-action calls): inputs, the notifications, the outputs. */
async function main_run() {
    await runAction(async () => {
        const inputs = readInputs();
        const runner = runContext();
        const result = await run(inputs, {
            run: runInfo(runner),
            repo: repoContext(runner),
            ...([...inputs.publish].some((t) => t !== 'summary') ? { octokit: (0,github/* getOctokit */.Q)(inputs.githubToken) } : {}),
        });
        setCheckedOutput('outcome', result.outcome, /^[a-z]+$/);
        // Never an empty output: a runner without a summary file and nothing else to publish says so.
        setCheckedOutput('published', result.published.join(' ') || 'none', /^[a-z ]+$/);
    });
}
/** Statuses on a pull request go on its head commit: GITHUB_SHA is the merge commit, which nobody sees. */
const commit = (runner) => github/* context */._.payload.pull_request?.head?.sha ?? runner.sha;
function runInfo(runner) {
    const sha = commit(runner);
    return {
        ...(runner.repository ? { repository: runner.repository } : {}),
        ...(runner.runUrl ? { runUrl: runner.runUrl } : {}),
        ...(sha ? { sha } : {}),
        workflow: runner.workflow ?? 'workflow',
    };
}
function repoContext(runner) {
    const sha = commit(runner);
    if (!runner.owner || !runner.repo || !sha) {
        return {
            missing: [runner.repository ? '' : runContextMissing('repository'), sha ? '' : runContextMissing('sha')]
                .filter(Boolean)
                .join(' and '),
        };
    }
    const pr = github/* context */._.payload.pull_request;
    const release = github/* context */._.payload.release;
    const ref = github/* context */._.ref ?? '';
    const tag = ref.startsWith('refs/tags/') ? ref.slice('refs/tags/'.length) : undefined;
    return {
        owner: runner.owner,
        repo: runner.repo,
        sha,
        ...(pr ? { pullNumber: pr.number } : {}),
        ...(typeof release?.id === 'number' ? { releaseId: release.id } : {}),
        ...(tag ? { tag } : {}),
    };
}


/***/ })

};
