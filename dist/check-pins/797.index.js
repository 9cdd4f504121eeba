export const id = 797;
export const ids = [797];
export const modules = {

/***/ 5797:
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

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
;// CONCATENATED MODULE: ./packages/core/src/pins/types.ts
/** The rule ids check-pins reports; stable, used in `ignore` and in the report. */
const RULE_IDS = [
    'unpinned-uses',
    'missing-version-comment',
    'ref-version-mismatch',
    'impostor-commit',
    'unpinned-tool',
    'floating-from',
    'unused-base-pin',
    'missing-permissions',
];

;// CONCATENATED MODULE: ./packages/core/src/pins/ignore.ts


function parseIgnore(lines) {
    return lines.map((line) => {
        const text = line.trim();
        const colon = text.indexOf(':');
        const rule = colon === -1 ? text : text.slice(0, colon);
        if (!RULE_IDS.includes(rule)) {
            throw new errors_BydigestError('INVALID_ARGUMENT', `ignore: ${JSON.stringify(rule)} is not a rule id`, {
                hint: `use one of ${RULE_IDS.join(', ')}, optionally followed by :path`,
            });
        }
        if (colon === -1)
            return { rule: rule };
        return { rule: rule, path: pathPattern(text.slice(colon + 1).trim()) };
    });
}
function pathPattern(glob) {
    const body = glob
        .replace(/^\.\//, '')
        .split(/(\*\*\/|\*\*|\*)/)
        .map((part) => part === '**/'
        ? '(?:.*/)?'
        : part === '**'
            ? '.*'
            : part === '*'
                ? '[^/]*'
                : part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
        .join('');
    return new RegExp(`^${body}${glob.endsWith('/') ? '.*' : ''}$`);
}
const isIgnored = (f, entries) => entries.some((e) => e.rule === f.rule && (e.path === undefined || e.path.test(f.file)));

;// CONCATENATED MODULE: ./packages/core/src/pins/discover.ts



const DEFAULT_PATHS = [
    '.github/workflows',
    '.github/actions',
    '**/action.yml',
    '**/action.yaml',
    '**/Containerfile*',
    '**/Dockerfile*',
];
/** Folders never walked: other people's code and our own build output. */
const SKIPPED = new Set(['.git', 'node_modules']);
const MAX_ENTRIES = 50_000;
const MAX_FILE_BYTES = 4 * 1024 * 1024;
/**
 * The files `paths` names under the checkout: folders are walked for workflows, action.yml files
 * and Containerfiles; patterns with `*` match paths relative to the checkout. A symlink that
 * leads out of the checkout is reported and not followed, so neither check nor fix reads or
 * writes outside it.
 */
function discoverFiles(root, paths) {
    const realRoot = (0,external_node_fs_.realpathSync)(root);
    const out = { files: [], problems: [] };
    const seen = new Set();
    const patterns = paths.filter((p) => p.includes('*')).map(pathPattern);
    const plain = paths.filter((p) => !p.includes('*'));
    let entries = 0;
    const inside = (abs) => {
        const rel = (0,external_node_path_.relative)(realRoot, abs);
        return rel === '' || (!rel.startsWith('..') && !(0,external_node_path_.isAbsolute)(rel));
    };
    const add = (rel, kind) => {
        if (kind === undefined || seen.has(rel))
            return;
        seen.add(rel);
        const abs = (0,external_node_path_.join)(realRoot, rel);
        let real;
        try {
            real = (0,external_node_fs_.realpathSync)(abs);
        }
        catch {
            out.problems.push({ file: rel, message: `${rel} is a broken symlink; not checked` });
            return;
        }
        if (!inside(real)) {
            out.problems.push({ file: rel, message: `${rel} is a symlink out of the checkout; not followed` });
            return;
        }
        const size = (0,external_node_fs_.statSync)(real).size;
        if (size > MAX_FILE_BYTES) {
            out.problems.push({
                file: rel,
                message: `${rel} is ${size} bytes, more than a workflow or Containerfile has; not checked`,
            });
            return;
        }
        out.files.push({ file: rel, kind, text: utf8((0,external_node_fs_.readFileSync)(real)) });
    };
    const walk = (relDir, explicit) => {
        let names;
        try {
            names = (0,external_node_fs_.readdirSync)((0,external_node_path_.join)(realRoot, relDir)).sort();
        }
        catch {
            return;
        }
        for (const name of names) {
            if (++entries > MAX_ENTRIES)
                return;
            const rel = relDir === '' ? name : `${relDir}/${name}`;
            const st = (0,external_node_fs_.lstatSync)((0,external_node_path_.join)(realRoot, rel));
            if (st.isSymbolicLink()) {
                const kind = kindOf(rel, explicit);
                if (kind !== undefined && (explicit || patterns.some((p) => p.test(rel))))
                    add(rel, kind);
                else if (kind === undefined && explicit)
                    checkLinkedFolder(rel);
                continue;
            }
            if (st.isDirectory()) {
                if (!SKIPPED.has(name))
                    walk(rel, explicit);
            }
            else if (st.isFile() && (explicit || patterns.some((p) => p.test(rel)))) {
                add(rel, kindOf(rel, explicit));
            }
        }
    };
    // A symlinked folder inside an explicit path: reported when it leads out, not walked either way.
    const checkLinkedFolder = (rel) => {
        try {
            if (!inside((0,external_node_fs_.realpathSync)((0,external_node_path_.join)(realRoot, rel))))
                out.problems.push({ file: rel, message: `${rel} is a symlink out of the checkout; not followed` });
        }
        catch {
            /* a broken link to something that is not a checked file */
        }
    };
    for (const p of plain) {
        const rel = p.replace(/^\.\//, '').replace(/\/+$/, '').split(external_node_path_.sep).join('/');
        let st;
        try {
            st = (0,external_node_fs_.lstatSync)((0,external_node_path_.join)(realRoot, rel));
        }
        catch {
            continue; // a default path the repository does not have
        }
        if (st.isSymbolicLink()) {
            // A linked folder is walked only when it leads to a folder inside the checkout.
            let target;
            try {
                target = (0,external_node_fs_.realpathSync)((0,external_node_path_.join)(realRoot, rel));
            }
            catch {
                target = undefined;
            }
            if (target !== undefined && inside(target) && (0,external_node_fs_.statSync)(target).isDirectory())
                walk(rel, true);
            else if (target !== undefined && !inside(target))
                out.problems.push({ file: rel, message: `${rel} is a symlink out of the checkout; not followed` });
            else
                add(rel, kindOf(rel, true) ?? 'workflow');
        }
        else if (st.isDirectory()) {
            walk(rel, true);
        }
        else {
            add(rel, kindOf(rel, true));
        }
    }
    if (patterns.length > 0)
        walk('', false);
    out.files.sort((a, b) => (a.file < b.file ? -1 : 1));
    return out;
}
/** What a path is by its name: Containerfiles and action.yml by name, other YAML in a named folder as workflows. */
function kindOf(rel, explicit) {
    const name = (0,external_node_path_.basename)(rel);
    if (/^(?:Containerfile|Dockerfile)(?:\..*)?$/i.test(name) || /\.(?:Containerfile|Dockerfile)$/i.test(name))
        return 'containerfile';
    if (/^action\.ya?ml$/.test(name))
        return 'action';
    if (/\.ya?ml$/.test(name) && (explicit || rel.includes('.github/workflows/')))
        return rel.startsWith('.github/actions/') ? undefined : 'workflow';
    return undefined;
}
const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
/** The text, or undefined for bytes that are not UTF-8 (a binary file); a fix must write back the same bytes. */
function utf8(bytes) {
    try {
        const text = decoder.decode(bytes);
        return text.includes('\u0000') ? undefined : text;
    }
    catch {
        return undefined;
    }
}

;// CONCATENATED MODULE: ./packages/core/src/pins/installers.ts

const KNOWN_INSTALLERS = new Map([
    ['sigstore/cosign-installer', ['cosign-release']],
    ['anchore/sbom-action', ['syft-version']],
    ['anchore/sbom-action/download-syft', ['syft-version']],
    ['anchore/scan-action', ['grype-version']],
    ['anchore/scan-action/download-grype', ['grype-version']],
    ['oras-project/setup-oras', ['version']],
    ['imjasonh/setup-crane', ['version']],
    ['aquasecurity/setup-trivy', ['version']],
    ['aquasecurity/trivy-action', ['version']],
    ['docker/setup-buildx-action', ['version']],
    ['goreleaser/goreleaser-action', ['version']],
    ['ko-build/setup-ko', ['version']],
    ['azure/setup-helm', ['version']],
    ['azure/setup-kubectl', ['version']],
    ['hashicorp/setup-terraform', ['terraform_version']],
]);
const ENTRY = /^([A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+(?:\/[^\s=:]+)?)\s*[=:]\s*([A-Za-z0-9_-]+(?:\s*[,|]\s*[A-Za-z0-9_-]+)*)$/;
/** The known table plus `owner/repo[/path]=input[,input]` lines (an entry for a known action replaces it). */
function installerTable(lines) {
    const table = new Map(KNOWN_INSTALLERS);
    for (const line of lines) {
        const m = ENTRY.exec(line.trim());
        if (!m) {
            throw new errors_BydigestError('INVALID_ARGUMENT', `installers: ${JSON.stringify(line)} is not owner/repo=input`, {
                hint: 'write one installer per line as owner/repo[/path]=version-input, e.g. sigstore/cosign-installer=cosign-release',
            });
        }
        table.set(m[1].toLowerCase(), m[2].split(/\s*[,|]\s*/));
    }
    return table;
}
/** A release number with major, minor and patch (`v2.5.3`, `1.2.0-rc.1`); `v2`, `latest` and `2.x` float. */
const EXACT_VERSION = /^v?\d+\.\d+\.\d+(?:[-+][0-9A-Za-z.-]+)?$/;

;// CONCATENATED MODULE: ./actions/check-pins/src/inputs.ts



/** One entry per line; blank lines and `#` comments skipped. */
function lines(name) {
    return rawInput(name)
        .split(/\r?\n/)
        .map((l) => l.trim())
        .filter((l) => l !== '' && !l.startsWith('#'));
}
function parsed(name, parse) {
    try {
        return parse();
    }
    catch (e) {
        throw new InputError(name, e.message.replace(`${name}: `, ''), e.hint);
    }
}
function readInputs() {
    const githubToken = rawInput('github-token');
    if (githubToken)
        (0,lib_core/* setSecret */.Pq)(githubToken);
    const paths = lines('paths');
    for (const p of paths) {
        if ((0,external_node_path_.isAbsolute)(p) || p.split(/[\\/]/).includes('..')) {
            throw new InputError('paths', `${JSON.stringify(truncate(p))} is outside the checkout`, 'give paths relative to the checkout, without .. (check-pins reads and writes nothing outside it)');
        }
    }
    const mode = choiceInput('mode', ['check', 'fix'], 'check');
    if (mode === 'fix' && !githubToken) {
        throw new InputError('github-token', 'is empty, but mode: fix looks up the commit each tag points at', 'leave github-token at its default (${{ github.token }}), or use mode: check');
    }
    const allowFloating = lines('allow-floating');
    for (const a of allowFloating) {
        if (/\s/.test(a) || a.includes('${'))
            throw new InputError('allow-floating', `${JSON.stringify(truncate(a))} is not an image reference`, 'give one image reference per line, as FROM has it after the ARG defaults');
    }
    return {
        paths: paths.length > 0 ? paths : DEFAULT_PATHS,
        options: {
            allowFloating,
            ignore: parsed('ignore', () => parseIgnore(lines('ignore'))),
            installers: parsed('installers', () => installerTable(lines('installers'))),
        },
        mode,
        githubToken,
    };
}

;// CONCATENATED MODULE: ./packages/core/src/github/rest.ts

const MAX_ATTEMPTS = 4;
function createGitHubRest(options) {
    const base = (options.baseUrl ?? 'https://api.github.com').replace(/\/+$/, '');
    const maxWait = options.maxRateLimitWaitSeconds ?? 60;
    const sleep = options.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms)));
    const answers = new Map();
    let requests = 0;
    const fetchJson = async (path) => {
        for (let attempt = 1;; attempt++) {
            requests++;
            let res;
            try {
                res = await fetch(`${base}${path}`, {
                    headers: {
                        accept: 'application/vnd.github+json',
                        authorization: `Bearer ${options.token}`,
                        'x-github-api-version': '2022-11-28',
                        'user-agent': 'bydigest-check-pins',
                    },
                });
            }
            catch (e) {
                throw new errors_BydigestError('NETWORK', `GitHub API GET ${path}: ${e.message}`, {
                    operation: 'GitHub API GET',
                    reference: path,
                    cause: e,
                });
            }
            if (res.status === 404) {
                await res.body?.cancel();
                return undefined;
            }
            if (res.ok)
                return res.json();
            const text = await res.text();
            const wait = rateLimitWait(res);
            if (wait !== undefined) {
                if (wait > maxWait || attempt >= MAX_ATTEMPTS) {
                    throw new errors_BydigestError('GITHUB', `GitHub API GET ${path}: rate limited (HTTP ${res.status}), retry after ${wait} s`, {
                        operation: 'GitHub API GET',
                        reference: path,
                        status: res.status,
                        hint: `the wait is longer than ${maxWait} s or the limit held for ${MAX_ATTEMPTS} attempts; run again later, or pass a token with a higher limit (the job's GITHUB_TOKEN, or an app token)`,
                    });
                }
                await sleep(wait * 1000);
                continue;
            }
            throw new errors_BydigestError('GITHUB', `GitHub API GET ${path}: HTTP ${res.status} ${messageOf(text)}`, {
                operation: 'GitHub API GET',
                reference: path,
                status: res.status,
                hint: res.status === 401
                    ? 'the github-token is not valid'
                    : res.status === 403
                        ? 'the github-token may not read this repository (contents: read)'
                        : undefined,
            });
        }
    };
    return {
        get(path) {
            let answer = answers.get(path);
            if (!answer) {
                answer = fetchJson(path);
                answers.set(path, answer);
            }
            return answer;
        },
        get requests() {
            return requests;
        },
    };
}
/** Seconds to wait for a 403/429 rate limit (secondary: retry-after; primary: x-ratelimit-reset), or undefined. */
function rateLimitWait(res) {
    if (res.status !== 403 && res.status !== 429)
        return undefined;
    const retryAfter = res.headers.get('retry-after');
    if (retryAfter !== null && /^\d+$/.test(retryAfter.trim()))
        return Number(retryAfter.trim());
    if (res.headers.get('x-ratelimit-remaining') === '0') {
        const reset = Number(res.headers.get('x-ratelimit-reset'));
        if (Number.isFinite(reset))
            return Math.max(1, Math.ceil(reset - Date.now() / 1000));
    }
    return res.status === 429 ? 60 : undefined;
}
function messageOf(text) {
    try {
        const m = JSON.parse(text).message;
        return typeof m === 'string' ? `(${m.slice(0, 200)})` : '';
    }
    catch {
        return '';
    }
}
/** `/repos/{owner}/{repo}` with both parts encoded. */
const repoPath = (owner, repo) => `/repos/${encodeURIComponent(owner)}/${encodeURIComponent(repo)}`;
/**
 * The pin checks' client behind the Octokit-shaped seam the shared GitHub logic takes
 * (isReachableFromRepository): `GET /repos/{owner}/{repo}/…` routes with their parameters
 * expanded (the rest as the query), a 404 as a rejection with `status`, as Octokit rejects.
 */
function restAsGitHubApi(rest) {
    return {
        async request(route, params) {
            const [method, template] = route.split(' ');
            if (method !== 'GET')
                throw new Error(`${route}: the pin checks' GitHub client only reads`);
            const query = new URLSearchParams();
            const path = template.replace(/\{(\w+)\}/g, (_, name) => encodeURIComponent(String(params[name] ?? '')));
            for (const [k, v] of Object.entries(params))
                if (!template.includes(`{${k}}`))
                    query.set(k, String(v));
            const url = query.size > 0 ? `${path}?${query}` : path;
            const data = await rest.get(url);
            if (data === undefined)
                throw Object.assign(new Error(`GET ${url}: Not Found`), { status: 404 });
            return { data };
        },
    };
}

// EXTERNAL MODULE: ./node_modules/.pnpm/yaml@2.9.1/node_modules/yaml/dist/index.js
var dist = __webpack_require__(8009);
// EXTERNAL MODULE: ./node_modules/.pnpm/@actions+workflow-parser@0.3.61/node_modules/@actions/workflow-parser/dist/index.js + 92 modules
var workflow_parser_dist = __webpack_require__(1706);
;// CONCATENATED MODULE: ./packages/core/src/pins/workflow-reader.ts

class NotReadable extends Error {
}
/**
 * Reads a workflow with GitHub's own parser (the one the Actions service's language server uses),
 * so what counts as a job, a step or a `uses:` is what GitHub reads, with its positions.
 */
function readWorkflow(name, source) {
    const parsed = (0,workflow_parser_dist/* parseWorkflow */.hM)({ name, content: source.text }, new workflow_parser_dist/* NoOperationTraceWriter */.P0());
    const root = parsed.value;
    const errors = parsed.context.errors.getErrors();
    if (root === undefined || !(0,workflow_parser_dist/* isMapping */.pi)(root)) {
        throw new NotReadable(errors[0] ? firstLine(errors[0].message) : 'is not a YAML mapping, so not a workflow');
    }
    const jobs = find(root, 'jobs');
    if (jobs === undefined || !(0,workflow_parser_dist/* isMapping */.pi)(jobs)) {
        const why = errors.find((e) => /yaml|syntax|indent|unexpected/i.test(e.message)) ?? errors[0];
        throw new NotReadable(why ? firstLine(why.message) : 'has no jobs: mapping, so it is not a workflow');
    }
    const permissions = readPermissions(find(root, 'permissions'));
    return {
        kind: 'workflow',
        ...(permissions ? { permissions } : {}),
        jobs: [...jobs].map((kv) => readJob(String(literal(kv.key)), kv.key, kv.value, source)),
    };
}
function readJob(id, key, job, source) {
    const model = { id, at: span(key), images: [], steps: [] };
    if (!(0,workflow_parser_dist/* isMapping */.pi)(job))
        return model;
    const permissions = readPermissions(find(job, 'permissions'));
    if (permissions)
        model.permissions = permissions;
    const uses = located(find(job, 'uses'), source);
    if (uses)
        model.uses = uses;
    const container = find(job, 'container');
    pushImage(model.images, container, source);
    const services = find(job, 'services');
    if (services && (0,workflow_parser_dist/* isMapping */.pi)(services))
        for (const s of services)
            pushImage(model.images, s.value, source);
    const steps = find(job, 'steps');
    if (steps && (0,workflow_parser_dist/* isSequence */.wZ)(steps)) {
        for (const step of steps)
            if ((0,workflow_parser_dist/* isMapping */.pi)(step))
                model.steps.push(readStep(step, source));
    }
    return model;
}
function readStep(step, source) {
    const model = { with: new Map() };
    const uses = located(find(step, 'uses'), source);
    if (uses)
        model.uses = uses;
    const run = located(find(step, 'run'), source);
    if (run)
        model.run = run;
    const inputs = find(step, 'with');
    if (inputs && (0,workflow_parser_dist/* isMapping */.pi)(inputs)) {
        for (const kv of inputs) {
            const v = located(kv.value, source);
            if (v)
                model.with.set(String(literal(kv.key)), v);
        }
    }
    return model;
}
function pushImage(into, node, source) {
    const image = node && (0,workflow_parser_dist/* isMapping */.pi)(node) ? find(node, 'image') : node;
    const l = located(image, source);
    if (l && l.value !== '')
        into.push(l);
}
function readPermissions(node) {
    if (node === undefined)
        return undefined;
    if ((0,workflow_parser_dist/* isMapping */.pi)(node)) {
        const writes = [...node].filter((kv) => String(literal(kv.value)) === 'write').map((kv) => String(literal(kv.key)));
        return { at: span(node), writes };
    }
    return { at: span(node), scalar: String(literal(node)), writes: [] };
}
function find(m, key) {
    for (const kv of m)
        if ((0,workflow_parser_dist/* isString */.Kg)(kv.key) && kv.key.value === key)
            return kv.value;
    return undefined;
}
function literal(t) {
    if ((0,workflow_parser_dist/* isBasicExpression */.hR)(t))
        return `\${{ ${t.expression} }}`;
    if ((0,workflow_parser_dist/* isLiteral */.c$)(t))
        return t.value;
    return '';
}
function span(t) {
    const r = t.range;
    return r
        ? { start: { ...r.start }, end: { ...r.end } }
        : { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } };
}
function located(t, source) {
    if (t === undefined || !((0,workflow_parser_dist/* isLiteral */.c$)(t) || (0,workflow_parser_dist/* isBasicExpression */.hR)(t)))
        return undefined;
    const value = literal(t);
    const s = span(t);
    return {
        value: value === null ? '' : String(value),
        span: s,
        after: source.line(s.end.line).slice(s.end.column - 1),
        expression: (0,workflow_parser_dist/* isBasicExpression */.hR)(t),
    };
}
/** YAML errors carry a source excerpt on the lines after the first; a log line needs only the first. */
const firstLine = (message) => message.split('\n')[0].trim();

;// CONCATENATED MODULE: ./packages/core/src/pins/action-reader.ts


/**
 * Reads an action.yml with a YAML parser that keeps positions: a composite action's steps
 * (`uses:`, `with:`, `run:`), and a Docker action's `runs.image` when it is a `docker://` image.
 */
function readAction(source) {
    const lines = new dist/* LineCounter */.HN();
    const doc = (0,dist/* parseDocument */.Tp)(source.text, { lineCounter: lines });
    if (doc.errors.length > 0)
        throw new NotReadable(doc.errors[0].message.split('\n')[0]);
    const root = doc.contents;
    if (!(0,dist/* isMap */.jh)(root))
        throw new NotReadable('is not a YAML mapping, so not an action');
    const runs = root.get('runs', true);
    if (!(0,dist/* isMap */.jh)(runs))
        throw new NotReadable('has no runs: mapping, so it is not an action');
    const spanOf = (node) => {
        const [from = 0, to = 0] = node.range ?? [];
        const start = lines.linePos(from);
        const end = lines.linePos(to);
        return { start: { line: start.line, column: start.col }, end: { line: end.line, column: end.col } };
    };
    const located = (node) => {
        if (!(0,dist/* isScalar */.jn)(node) || node.value === null || typeof node.value === 'object')
            return undefined;
        const s = spanOf(node);
        const value = String(node.value);
        return {
            value,
            span: s,
            after: source.line(s.end.line).slice(s.end.column - 1),
            expression: value.includes('${{'),
        };
    };
    const steps = [];
    const image = located(runs.get('image', true));
    if (image?.value.startsWith('docker://'))
        steps.push({ uses: image, with: new Map() });
    const list = runs.get('steps', true);
    if ((0,dist/* isSeq */.oP)(list)) {
        for (const item of list.items) {
            if (!(0,dist/* isMap */.jh)(item))
                continue;
            const step = { with: new Map() };
            const uses = located(item.get('uses', true));
            if (uses)
                step.uses = uses;
            const run = located(item.get('run', true));
            if (run)
                step.run = run;
            const inputs = item.get('with', true);
            if ((0,dist/* isMap */.jh)(inputs)) {
                for (const pair of inputs.items) {
                    const v = located(pair.value);
                    if ((0,dist/* isScalar */.jn)(pair.key) && v)
                        step.with.set(String(pair.key.value), v);
                }
            }
            steps.push(step);
        }
    }
    return { kind: 'action', jobs: [{ id: 'runs', at: spanOf(runs), images: [], steps }] };
}

;// CONCATENATED MODULE: ./packages/core/src/pins/containerfile-reader.ts

const VARIABLE = /\$(?:\{([A-Za-z_][A-Za-z0-9_]*)(?::?[-+][^}]*)?\}|([A-Za-z_][A-Za-z0-9_]*))/g;
/**
 * Reads a Containerfile (Dockerfile syntax): line continuations, comments and parser directives
 * (`# syntax=`, `# escape=`), ARG defaults substituted into the images pulled, stage names told
 * from images. Heredoc bodies are skipped.
 */
function readContainerfile(text) {
    // eslint-disable-next-line no-control-regex -- a NUL byte is how a binary file shows
    if (/\u0000/.test(text) || text.includes('\uFFFD'))
        throw new NotReadable('is not a text file (binary content), so not a Containerfile');
    const escape = /^#\s*escape\s*=\s*`/im.test(text.split('\n').slice(0, 5).join('\n')) ? '`' : '\\';
    const instructions = logicalLines(text, escape);
    const globals = new Map();
    const args = [];
    const pulls = [];
    const stages = new Set();
    let stageArgs;
    let stageCount = 0;
    let sawInstruction = false;
    for (const ins of instructions) {
        const m = /^\s*([A-Za-z]+)(\s+|$)/.exec(ins.text);
        if (!m)
            continue;
        const keyword = m[1].toUpperCase();
        const bodyAt = m[0].length;
        if (!sawInstruction && !['ARG', 'FROM'].includes(keyword))
            throw new NotReadable(`starts with ${keyword}, not FROM or ARG, so it is not a Containerfile`);
        sawInstruction = true;
        const words = splitWords(ins.text, bodyAt);
        const scope = stageArgs ?? globals;
        switch (keyword) {
            case 'ARG':
                for (const w of words) {
                    const eq = w.text.indexOf('=');
                    const name = eq === -1 ? w.text : w.text.slice(0, eq);
                    let value = eq === -1 ? undefined : unquote(w.text.slice(eq + 1));
                    // A stage's `ARG NAME` without a value takes the global one's default.
                    if (value === undefined && stageArgs)
                        value = globals.get(name);
                    if (value !== undefined)
                        value = substitute(value, scope).value;
                    scope.set(name, value);
                    args.push({ name, value, at: ins.where[w.start] });
                }
                break;
            case 'FROM': {
                const rest = words.filter((w) => !w.text.startsWith('--'));
                const image = rest[0];
                if (image) {
                    if (!stages.has(image.text.toLowerCase()) && image.text.toLowerCase() !== 'scratch')
                        pulls.push(pull(image, ins, globals, 'FROM'));
                    if (rest[1]?.text.toUpperCase() === 'AS' && rest[2])
                        stages.add(rest[2].text.toLowerCase());
                }
                stageArgs = new Map();
                stages.add(String(stageCount++));
                break;
            }
            case 'COPY':
            case 'ADD':
                for (const w of words) {
                    const from = /^--from=(.+)$/.exec(w.text);
                    if (from && !stages.has(from[1].toLowerCase())) {
                        pulls.push(pull({ text: from[1], start: w.start + '--from='.length }, ins, scope, keyword === 'COPY' ? 'COPY --from' : 'ADD --from'));
                    }
                }
                break;
            case 'RUN':
                for (const w of words) {
                    if (!w.text.startsWith('--mount=')) {
                        if (!w.text.startsWith('--'))
                            break;
                        continue;
                    }
                    let offset = '--mount='.length;
                    for (const option of w.text.slice(offset).split(',')) {
                        const from = /^from=(.+)$/.exec(option);
                        if (from && !stages.has(from[1].toLowerCase())) {
                            pulls.push(pull({ text: from[1], start: w.start + offset + 'from='.length }, ins, scope, 'RUN --mount from'));
                        }
                        offset += option.length + 1;
                    }
                }
                break;
            default:
        }
    }
    return { pulls, args };
}
function pull(word, ins, scope, instruction) {
    const raw = unquote(word.text);
    const { value, unresolved, used } = substitute(raw, scope);
    return { raw, resolved: value, unresolved, args: used, at: ins.where[word.start], instruction };
}
function substitute(s, scope) {
    const unresolved = [];
    const used = [];
    const value = s.replace(VARIABLE, (whole, braced, bare) => {
        const name = (braced ?? bare);
        used.push(name);
        const v = scope.get(name);
        if (v === undefined) {
            // `${NAME:-default}` falls back to its default.
            const fallback = /^\$\{[^:}]+:-([^}]*)\}$/.exec(whole)?.[1];
            if (fallback !== undefined)
                return fallback;
            unresolved.push(name);
            return whole;
        }
        return v;
    });
    return { value, unresolved, used };
}
const unquote = (s) => s.length >= 2 && (s[0] === '"' || s[0] === "'") && s.endsWith(s[0]) ? s.slice(1, -1) : s;
/** Whitespace-separated words from `from`, with their offsets in the instruction text. */
function splitWords(text, from) {
    const out = [];
    const re = /\S+/g;
    re.lastIndex = from;
    for (let m = re.exec(text); m; m = re.exec(text))
        out.push({ text: m[0], start: m.index });
    return out;
}
/** Joins continued lines into instructions, keeping each character's source position. */
function logicalLines(text, escape) {
    const lines = text.split('\n');
    const out = [];
    let current;
    let heredoc;
    lines.forEach((rawLine, i) => {
        const line = rawLine.replace(/\r$/, '');
        if (heredoc !== undefined) {
            if (line.trim() === heredoc)
                heredoc = undefined;
            return;
        }
        const trimmed = line.trimStart();
        // Comments (and parser directives) are whole lines, also between continued lines.
        if (trimmed.startsWith('#') || (current === undefined && trimmed === ''))
            return;
        const continued = line.trimEnd().endsWith(escape);
        const body = continued ? line.trimEnd().slice(0, -1) : line;
        current ??= { text: '', where: [] };
        if (current.text !== '') {
            current.text += ' ';
            current.where.push({ line: i + 1, column: 1 });
        }
        for (let c = 0; c < body.length; c++)
            current.where.push({ line: i + 1, column: c + 1 });
        current.text += body;
        if (!continued) {
            const marker = /<<-?\s*["']?([A-Za-z_][A-Za-z0-9_]*)["']?/.exec(current.text);
            if (marker && /^\s*(RUN|COPY|ADD)\b/i.test(current.text))
                heredoc = marker[1];
            out.push(current);
            current = undefined;
        }
    });
    if (current)
        out.push(current);
    return out;
}

;// CONCATENATED MODULE: ./packages/core/src/pins/allow-floating.ts
/**
 * Whether an image is named in `allow-floating`: the same reference, or an entry without tag or
 * digest naming the repository (every tag of it floats on purpose).
 */
function isAllowedFloating(image, allowed) {
    const name = repositoryOf(image);
    return allowed.some((a) => a === image || (repositoryOf(a) === a && a === name));
}
function repositoryOf(ref) {
    const at = ref.indexOf('@');
    const noDigest = at === -1 ? ref : ref.slice(0, at);
    const slash = noDigest.lastIndexOf('/');
    const colon = noDigest.lastIndexOf(':');
    return colon > slash ? noDigest.slice(0, colon) : noDigest;
}

;// CONCATENATED MODULE: ./packages/core/src/pins/rule-fixes.ts
/** The fix for each rule, as the job summary and the docs print it. */
const RULE_FIXES = {
    'unpinned-uses': 'pin to the full 40-character commit SHA with the tag as a comment (`owner/repo@<sha> # v1.2.3`), or run check-pins with `mode: fix`',
    'missing-version-comment': 'add the tag the SHA was taken from as a comment (`# v1.2.3`), so a reader and Renovate know which version it is',
    'ref-version-mismatch': 'set the comment to the tag that points at this SHA, or the SHA to the one the commented tag points at',
    'impostor-commit': "pin a SHA from the repository's own branches or tags; this commit exists only in its fork network",
    'unpinned-tool': "set the installer's version input to an exact release (e.g. `cosign-release: v2.5.3`)",
    'floating-from': 'pin the image by digest (`name:tag@sha256:<64 hex>`), or list it in `allow-floating` if it floats on purpose',
    'unused-base-pin': 'make FROM (or --from) use the pinned digest, e.g. `FROM ${BASE_IMAGE}@${BASE_DIGEST}`, or drop the unused pin',
    'missing-permissions': 'declare `permissions:` at the top of the workflow or in every job, with only what the job needs (never write-all)',
};

;// CONCATENATED MODULE: ./packages/core/src/pins/uses-ref.ts
const FULL_SHA = /^[0-9a-f]{40}$/;
const IMAGE_DIGEST = /@sha256:[0-9a-f]{64}$/;
function parseUses(raw) {
    const value = raw.trim();
    if (value.startsWith('./') || value.startsWith('.\\'))
        return { kind: 'local', raw: value };
    if (value.startsWith('docker://')) {
        const image = value.slice('docker://'.length);
        return { kind: 'docker', raw: value, image, pinned: IMAGE_DIGEST.test(image) };
    }
    const at = value.lastIndexOf('@');
    const name = at === -1 ? value : value.slice(0, at);
    const ref = at === -1 ? undefined : value.slice(at + 1);
    const [owner = '', repo = '', ...rest] = name.split('/');
    return { kind: 'repo', raw: value, owner, repo, path: rest.join('/'), ref };
}
/** `owner/repo` or `owner/repo/path`, without the ref, lowercased (GitHub names are case-insensitive). */
function actionName(u) {
    return [u.owner, u.repo, ...(u.path ? [u.path] : [])].join('/').toLowerCase();
}
/** Whether an expression decides the value at run time (nothing to check statically). */
const isExpression = (v) => v.includes('${{');

;// CONCATENATED MODULE: ./packages/core/src/pins/containerfile-rules.ts



const DIGEST_VALUE = /sha256:[0-9a-f]{64}/;
/** floating-from and unused-base-pin for one Containerfile. */
function containerfileRules(file, model, allowFloating) {
    const findings = [];
    const report = (rule, at, message) => {
        findings.push({ file, line: at.line, column: at.column, rule, message, fix: RULE_FIXES[rule] });
    };
    for (const p of model.pulls) {
        if (IMAGE_DIGEST.test(p.resolved) || isAllowedFloating(p.resolved, allowFloating))
            continue;
        const shown = p.resolved === p.raw ? p.raw : `${p.raw} (${p.resolved} with the ARG defaults)`;
        report('floating-from', p.at, p.unresolved.length > 0
            ? `${p.instruction} ${shown}: ${p.unresolved.join(', ')} has no default, so what is pulled is decided by the build, not pinned here`
            : `${p.instruction} ${shown} is not pinned by digest`);
    }
    // A digest in an ARG that no image reference uses pins nothing (the FROM took a tag instead).
    const used = new Set(model.pulls.flatMap((p) => p.args));
    const seen = new Set();
    for (const a of model.args) {
        if (a.value === undefined || !DIGEST_VALUE.test(a.value) || used.has(a.name) || seen.has(a.name))
            continue;
        seen.add(a.name);
        report('unused-base-pin', a.at, `ARG ${a.name} holds a digest (${a.value.slice(0, 80)}) that no FROM, COPY --from or RUN --mount from= uses; the image pulled is not the one pinned`);
    }
    return findings;
}
/** The ARG names that some Containerfile's image references use. */
const pullArgs = (models) => new Set(models.flatMap((m) => m.pulls.flatMap((p) => p.args)));

;// CONCATENATED MODULE: ./packages/core/src/pins/version-comment.ts
/**
 * The version comment after a pinned ref on the same line: `# v1.2.3`, Renovate's `# tag=v1.2.3`,
 * or pin-github-action's `# pin@v1.2.3`. A version has a digit in it; `# TODO` is not one.
 */
const COMMENT = /^\s+#\s*(?:tag=|pin\s*@|ratchet:[^@\s]+@)?(\S+)/;
const VERSION = /^[\w.+-]*\d[\w.+/-]*$/;
/** The version named in the comment that starts right after `rest` begins, or undefined. */
function versionComment(rest) {
    const m = COMMENT.exec(rest);
    const word = m?.[1];
    return word !== undefined && VERSION.test(word) ? word : undefined;
}
/** Whether there is any comment at all after the value (so a fix replaces it instead of adding one). */
function commentStart(rest) {
    const m = /^(\s+)#/.exec(rest);
    return m ? m[1].length : -1;
}

;// CONCATENATED MODULE: ./packages/core/src/pins/pipeline-rules.ts





const pipeline_rules_DIGEST_VALUE = /sha256:[0-9a-f]{64}/;
const BUILD_COMMAND = /\b(?:buildah\s+(?:bud|build)|podman\s+(?:image\s+)?build|docker\s+(?:buildx\s+)?(?:image\s+)?build)\b/;
const BUILD_ARG = /--build-arg(?:=|\s+)(["']?)([A-Za-z_][A-Za-z0-9_]*)=([^\s"']*)/g;
/** The image `name:tag` part carries a tag when the last path segment has a colon before the `@`. */
const TAGGED = /^[^:@]+:[\w][\w.-]*@/;
/** The rules that read one workflow or action.yml on its own. */
function pipelineRules(file, model, source, options) {
    const out = { findings: [], pins: [], floating: [], buildArgs: [] };
    const report = (rule, at, message) => {
        out.findings.push({ file, line: at.start.line, column: at.start.column, rule, message, fix: RULE_FIXES[rule] });
    };
    if (model.kind === 'workflow')
        permissionRules(model, report);
    for (const job of model.jobs) {
        if (job.uses)
            usesRule(job.uses, `job '${job.id}'`);
        for (const image of job.images)
            imageRule(image, `job '${job.id}'`);
        for (const step of job.steps) {
            if (step.uses) {
                usesRule(step.uses, `job '${job.id}'`);
                toolRule(step, step.uses);
            }
            buildArgs(step);
        }
    }
    return out;
    function usesRule(uses, where) {
        const ref = parseUses(uses.value);
        if (ref.kind === 'local')
            return;
        if (ref.kind === 'docker') {
            if (!ref.pinned)
                report('unpinned-uses', uses.span, `${where}: uses: ${uses.value} is an image by tag; pin it by digest (docker://name:tag@sha256:…)`);
            return;
        }
        if (ref.ref === undefined || !FULL_SHA.test(ref.ref)) {
            report('unpinned-uses', uses.span, `${where}: uses: ${uses.value} is not pinned to a full 40-character commit SHA${ref.ref ? ` (${ref.ref} is a tag or branch someone can move)` : ''}`);
            if (ref.ref)
                out.floating.push({ file, span: uses.span, owner: ref.owner, repo: ref.repo, ref: ref.ref, after: uses.after });
            return;
        }
        const comment = versionComment(uses.after);
        if (comment === undefined)
            report('missing-version-comment', uses.span, `${where}: uses: ${uses.value} has no version comment (# v1.2.3) for readers and Renovate`);
        out.pins.push({ file, span: uses.span, owner: ref.owner, repo: ref.repo, sha: ref.ref, comment });
    }
    function imageRule(image, where) {
        if (image.expression) {
            report('floating-from', image.span, `${where}: image ${image.value} is decided at run time, so no digest is pinned here`);
            return;
        }
        if (!IMAGE_DIGEST.test(image.value)) {
            if (!isAllowedFloating(image.value, options.allowFloating)) {
                report('floating-from', image.span, `${where}: image ${image.value} is not pinned by digest; a tag can be moved under you`);
            }
            return;
        }
        const lastSegment = image.value.slice(image.value.lastIndexOf('/') + 1);
        if (!TAGGED.test(lastSegment) && versionComment(image.after) === undefined) {
            report('missing-version-comment', image.span, `${where}: image ${image.value} says no version: write the tag beside the digest (name:tag@sha256:…) or a # <tag> comment`);
        }
    }
    function toolRule(step, uses) {
        const ref = parseUses(uses.value);
        if (ref.kind !== 'repo')
            return;
        const inputs = options.installers.get(actionName(ref));
        if (!inputs)
            return;
        const given = inputs
            .map((name) => ({ name, v: step.with.get(name) }))
            .filter((x) => x.v !== undefined && x.v.value.trim() !== '');
        const pinned = given.find((x) => x.v.expression || EXACT_VERSION.test(x.v.value.trim()));
        if (pinned)
            return;
        const floating = given[0];
        if (floating) {
            report('unpinned-tool', floating.v.span, `${actionName(ref)}: ${floating.name}: ${floating.v.value} is not an exact release; the tool it installs can change under the same SHA`);
        }
        else {
            report('unpinned-tool', uses.span, `${actionName(ref)} installs a tool whose version is not pinned: set ${inputs.join(' or ')} to an exact release (without it, the action picks its default or the latest)`);
        }
    }
    function buildArgs(step) {
        if (step.run && BUILD_COMMAND.test(step.run.value)) {
            for (const m of step.run.value.matchAll(BUILD_ARG))
                addBuildArg(m[2], m[3], step.run);
        }
        const uses = step.uses && parseUses(step.uses.value);
        const args = step.with.get('build-args');
        if (uses?.kind === 'repo' && actionName(uses) === 'redhat-actions/buildah-build' && args) {
            for (const line of args.value.split('\n')) {
                const m = /^\s*([A-Za-z_][A-Za-z0-9_]*)=(\S*)\s*$/.exec(line);
                if (m)
                    addBuildArg(m[1], m[2], args);
            }
        }
    }
    function addBuildArg(name, value, node) {
        if (!pipeline_rules_DIGEST_VALUE.test(value))
            return;
        out.buildArgs.push({ file, span: spanOfText(source, node.span, `${name}=`), name, value });
    }
}
/** Where `needle` first appears inside a node (a run: block), or the node's start. */
function spanOfText(source, within, needle) {
    const from = source.offset(within.start.line, within.start.column);
    const to = source.offset(within.end.line, within.end.column);
    const at = source.text.indexOf(needle, from);
    if (at === -1 || at > to)
        return within;
    const start = source.position(at);
    return { start, end: source.position(at + needle.length) };
}
function permissionRules(model, report) {
    const writeAll = (p) => p?.scalar === 'write-all';
    if (writeAll(model.permissions))
        report('missing-permissions', model.permissions.at, 'the workflow grants permissions: write-all to every job');
    for (const job of model.jobs) {
        if (writeAll(job.permissions))
            report('missing-permissions', job.permissions.at, `job '${job.id}' grants permissions: write-all`);
        else if (!job.permissions && !model.permissions) {
            report('missing-permissions', job.at, `job '${job.id}' has no permissions: and the workflow sets none, so it gets the repository's default token permissions`);
        }
    }
}

;// CONCATENATED MODULE: ./packages/core/src/pins/source-text.ts
/** Line starts of a text, to turn 1-based line/column positions into string offsets and back. */
class SourceText {
    text;
    starts;
    constructor(text) {
        this.text = text;
        this.starts = [0];
        for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1))
            this.starts.push(i + 1);
    }
    get lineCount() {
        return this.starts.length;
    }
    /** The line's text without its end-of-line characters. */
    line(n) {
        const start = this.starts[n - 1];
        if (start === undefined)
            return '';
        const next = this.starts[n];
        return this.text.slice(start, next === undefined ? undefined : next - 1).replace(/\r$/, '');
    }
    offset(line, column) {
        return (this.starts[line - 1] ?? this.text.length) + column - 1;
    }
    position(offset) {
        let lo = 0;
        let hi = this.starts.length - 1;
        while (lo < hi) {
            const mid = (lo + hi + 1) >> 1;
            if (this.starts[mid] <= offset)
                lo = mid;
            else
                hi = mid - 1;
        }
        return { line: lo + 1, column: offset - this.starts[lo] + 1 };
    }
}

;// CONCATENATED MODULE: ./packages/core/src/pins/check.ts








/** The checks that need nothing but the files: every rule except the ones that ask GitHub. */
function checkSources(files, options) {
    const result = { findings: [], problems: [], pins: [], floating: [], sources: new Map() };
    const containerfiles = [];
    const buildArgs = [];
    for (const f of files) {
        if (f.text === undefined) {
            result.problems.push({ file: f.file, message: `${f.file} is not UTF-8 text (a binary file?); not checked` });
            continue;
        }
        const source = new SourceText(f.text);
        try {
            if (f.kind === 'containerfile') {
                const model = readContainerfile(f.text);
                containerfiles.push(model);
                result.findings.push(...containerfileRules(f.file, model, options.allowFloating));
            }
            else {
                const model = f.kind === 'workflow' ? readWorkflow(f.file, source) : readAction(source);
                const found = pipelineRules(f.file, model, source, options);
                result.findings.push(...found.findings);
                result.pins.push(...found.pins);
                result.floating.push(...found.floating);
                buildArgs.push(...found.buildArgs);
            }
            result.sources.set(f.file, source);
        }
        catch (e) {
            if (!(e instanceof NotReadable))
                throw e;
            result.problems.push({ file: f.file, message: `${f.file} ${e.message}; not checked` });
        }
    }
    // A digest a workflow passes to a build pins nothing unless some image reference uses that ARG.
    const used = pullArgs(containerfiles);
    for (const b of buildArgs) {
        if (used.has(b.name))
            continue;
        result.findings.push({
            file: b.file,
            line: b.span.start.line,
            column: b.span.start.column,
            rule: 'unused-base-pin',
            message: `the build is passed ${b.name}=${b.value.slice(0, 80)}, but no FROM, COPY --from or RUN --mount from= in the Containerfiles checked uses \${${b.name}}`,
            fix: RULE_FIXES['unused-base-pin'],
        });
    }
    result.findings = sortFindings(result.findings.filter((f) => !isIgnored(f, options.ignore)));
    return result;
}
function sortFindings(findings) {
    return findings.sort((a, b) => a.file < b.file
        ? -1
        : a.file > b.file
            ? 1
            : a.line - b.line || a.column - b.column || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0));
}

;// CONCATENATED MODULE: ./packages/core/src/github/git-refs.ts


/** Annotated tags can point at tags; a chain longer than this is not a release tag. */
const MAX_TAG_DEPTH = 5;
/**
 * The commit a tag points at, through annotated tag objects; undefined when the repository has
 * no such tag (or no such repository: see `repositoryExists`).
 */
async function tagCommit(api, owner, repo, tag) {
    return refCommit(api, owner, repo, `tags/${tag}`);
}
/** The commit a branch points at, or undefined. */
async function branchCommit(api, owner, repo, branch) {
    return refCommit(api, owner, repo, `heads/${branch}`);
}
async function refCommit(api, owner, repo, ref) {
    const found = await api.get(`${repoPath(owner, repo)}/git/ref/${ref.split('/').map(encodeURIComponent).join('/')}`);
    let object = found?.object;
    for (let depth = 0; object?.type === 'tag'; depth++) {
        if (depth >= MAX_TAG_DEPTH) {
            throw new errors_BydigestError('GITHUB', `${owner}/${repo} ${ref}: more than ${MAX_TAG_DEPTH} annotated tags in a chain`, { operation: 'dereference tag', reference: `${owner}/${repo}@${ref}` });
        }
        object = (await api.get(`${repoPath(owner, repo)}/git/tags/${object.sha}`))?.object;
    }
    return object?.type === 'commit' ? object.sha : undefined;
}
async function repositoryExists(api, owner, repo) {
    return (await api.get(repoPath(owner, repo))) !== undefined;
}

;// CONCATENATED MODULE: ./packages/core/src/github/rate-limit.ts
const DEFAULT_RATE_LIMIT_POLICY = {
    maxWaitMs: 60_000,
    maxRetries: 2,
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    now: () => Date.now(),
};
const SECONDARY_DEFAULT_MS = 60_000;
function header(headers, name) {
    const v = headers[name] ?? headers[name.toLowerCase()];
    return v === undefined ? undefined : String(v);
}
/** How long to wait before asking again, or undefined when the refusal is not a rate limit. */
function rate_limit_rateLimitWait(status, headers, message, now) {
    if (status !== 403 && status !== 429)
        return undefined;
    const retryAfter = header(headers, 'retry-after');
    if (retryAfter !== undefined && /^\d+$/.test(retryAfter.trim()))
        return Number(retryAfter) * 1000;
    if (header(headers, 'x-ratelimit-remaining') === '0') {
        const reset = Number(header(headers, 'x-ratelimit-reset'));
        // One second past the reset: GitHub's clock and ours differ by that much.
        if (Number.isFinite(reset) && reset > 0)
            return Math.max(0, reset * 1000 - now) + 1000;
        return SECONDARY_DEFAULT_MS;
    }
    if (status === 429 || /rate limit/i.test(message))
        return SECONDARY_DEFAULT_MS;
    return undefined;
}

;// CONCATENATED MODULE: ./packages/core/src/github/api.ts


class GitHubError extends errors_BydigestError {
    about;
    constructor(message, details) {
        super('GITHUB', message, details);
        this.name = 'GitHubError';
        this.about = details?.about;
    }
}
function isRequestError(e) {
    return typeof e === 'object' && e !== null && typeof e.status === 'number';
}
/**
 * `owner/name` as GitHub spells them: the owner 1–39 of letters, digits and dashes; the name of letters, digits, `.`,
 * `_`, `-`.
 */
function parseRepositorySlug(value) {
    const m = /^([A-Za-z0-9](?:[A-Za-z0-9-]{0,38}))\/([A-Za-z0-9._-]{1,100})$/.exec(value);
    if (!m || m[2] === '.' || m[2] === '..') {
        throw new BydigestError('INVALID_ARGUMENT', `${JSON.stringify(value.length > 80 ? `${value.slice(0, 80)}…` : value)} is not a repository`, {
            hint: 'write owner/name, e.g. ublue-os/bluefin (no URL, no .git)',
        });
    }
    return { owner: m[1], repo: m[2] };
}
/**
 * One request: a rate-limit refusal is waited out when the wait is short (within the policy's
 * bound, a bounded number of times), else it fails saying when the limit resets. A 404 comes back
 * as `undefined` (the callers decide what is missing); any other refusal is a GitHubError.
 */
async function getOrMissing(api, route, params, opts) {
    const policy = opts.rateLimit ?? DEFAULT_RATE_LIMIT_POLICY;
    for (let attempt = 0;; attempt++) {
        try {
            return (await api.request(route, params)).data;
        }
        catch (e) {
            if (!isRequestError(e)) {
                throw new GitHubError(`${opts.operation} failed: ${e.message}`, {
                    operation: opts.operation,
                    reference: opts.reference,
                    cause: e,
                });
            }
            if (e.status === 404 || opts.missing?.includes(e.status))
                return undefined;
            const wait = rate_limit_rateLimitWait(e.status, e.response?.headers ?? {}, e.message, policy.now());
            if (wait !== undefined) {
                if (wait <= policy.maxWaitMs && attempt < policy.maxRetries) {
                    await policy.sleep(wait);
                    continue;
                }
                const resumes = new Date(policy.now() + wait).toISOString();
                throw new GitHubError(`GitHub's API rate limit refused ${opts.operation} for ${opts.reference}: the limit lifts at ${resumes}, in ${Math.ceil(wait / 1000)} s${attempt > 0 ? ` (after ${attempt} wait(s))` : ''}, longer than this step waits (${Math.round(policy.maxWaitMs / 1000)} s)`, {
                    operation: opts.operation,
                    reference: opts.reference,
                    status: e.status,
                    about: 'token',
                    hint: 'pass github-token (the job token or an app token: anonymous requests get 60 an hour), or run again after the limit lifts',
                    cause: e,
                });
            }
            throw refusal(e, opts);
        }
    }
}
async function get(api, route, params, opts) {
    const data = await getOrMissing(api, route, params, opts);
    if (data === undefined)
        throw opts.notFound();
    return data;
}
function refusal(e, opts) {
    // Octokit reports a request that never got an answer (DNS, refused, reset) as status 500 without a response.
    if (e.response === undefined) {
        return new GitHubError(`${opts.operation} for ${opts.reference} failed before GitHub answered: ${e.message}`, {
            operation: opts.operation,
            reference: opts.reference,
            cause: e,
            hint: "check GITHUB_API_URL and the runner's network",
        });
    }
    const details = { operation: opts.operation, reference: opts.reference, status: e.status, cause: e };
    if (e.status === 401) {
        return new GitHubError(`GitHub did not accept the token: ${e.message}`, {
            ...details,
            about: 'token',
            hint: 'pass ${{ github.token }} or a token that is still valid',
        });
    }
    if (e.status === 403) {
        return new GitHubError(`GitHub refused ${opts.operation} for ${opts.reference}: ${e.message}`, {
            ...details,
            about: 'token',
            hint: 'the token may not read this repository: for another private repository pass a token with contents: read on it (the job token covers only this one)',
        });
    }
    return new GitHubError(`GitHub answered ${opts.operation} for ${opts.reference} with HTTP ${e.status}: ${e.message}`, details);
}

;// CONCATENATED MODULE: ./packages/core/src/github/reachable.ts

/**
 * Compares `<ref>...<sha>` (GET /repos/{o}/{r}/compare/{base}...{head}): `identical` or `behind`
 * means the commit is in the ref's history. The default branch first (where nearly every
 * legitimate pin lives), then a SHA match against the tips of the first 100 tags and branches
 * (free), then compares against those tags and branches, tags first, at most `maxCompares` of
 * them. A search stopped by the bound reports `complete: false`; callers treat it as unreachable
 * and say the search was bounded.
 */
async function isReachableFromRepository(api, owner, repo, sha, opts = {}) {
    const slug = `${owner}/${repo}`;
    const call = { reference: `${slug}@${sha}`, ...(opts.rateLimit ? { rateLimit: opts.rateLimit } : {}) };
    const notFound = () => new GitHubError(`repository ${slug} was not found, or the token cannot read it`, {
        ...call,
        operation: 'get repository',
        status: 404,
        about: 'repository',
    });
    let requests = 0;
    const checked = [];
    let defaultBranch = opts.defaultBranch;
    if (defaultBranch === undefined) {
        requests++;
        defaultBranch = (await get(api, 'GET /repos/{owner}/{repo}', { owner, repo }, { ...call, operation: 'get repository', notFound })).default_branch;
    }
    const compare = async (label, base) => {
        requests++;
        checked.push(label);
        const c = await getOrMissing(api, 'GET /repos/{owner}/{repo}/compare/{basehead}', { owner, repo, basehead: `${base}...${sha}` }, { ...call, operation: `compare ${label}` });
        // 404: the commit is not in the network at all (or the ref vanished meanwhile).
        return c !== undefined && (c.status === 'identical' || c.status === 'behind');
    };
    if (await compare(`branch ${defaultBranch}`, defaultBranch))
        return { reachable: true, via: `branch ${defaultBranch}`, checked, complete: true, requests };
    const list = async (what) => {
        requests++;
        const refs = (await getOrMissing(api, `GET /repos/{owner}/{repo}/${what}`, { owner, repo, per_page: 100 }, { ...call, operation: `list ${what}` })) ?? [];
        return { refs, more: refs.length === 100 };
    };
    const tags = await list('tags');
    const branches = await list('branches');
    const candidates = [
        ...tags.refs.map((t) => ({ label: `tag ${t.name}`, tip: t.commit.sha })),
        ...branches.refs
            .filter((b) => b.name !== defaultBranch)
            .map((b) => ({ label: `branch ${b.name}`, tip: b.commit.sha })),
    ];
    const tip = candidates.find((c) => c.tip.toLowerCase() === sha.toLowerCase());
    if (tip)
        return { reachable: true, via: tip.label, checked: [...checked, tip.label], complete: true, requests };
    const budget = opts.maxCompares ?? 10;
    for (const c of candidates.slice(0, budget)) {
        if (await compare(c.label, c.tip))
            return { reachable: true, via: c.label, checked, complete: true, requests };
    }
    return { reachable: false, checked, complete: candidates.length <= budget && !tags.more && !branches.more, requests };
}

;// CONCATENATED MODULE: ./packages/core/src/pins/verify-pins.ts




/**
 * ref-version-mismatch and impostor-commit: the comment's tag must point at the pinned SHA
 * (through annotated tags), and a SHA whose tag does not vouch for it must be in the history of
 * the repository's own branches or tags. Each (repository, ref) is asked about once.
 */
async function verifyPins(api, pins) {
    const out = { findings: [], unverified: [] };
    const memo = new Map();
    const once = (key, f) => {
        let p = memo.get(key);
        if (!p)
            memo.set(key, (p = f()));
        return p;
    };
    for (const pin of pins) {
        const name = `${pin.owner}/${pin.repo}`;
        const at = { file: pin.file, line: pin.span.start.line, column: pin.span.start.column };
        const report = (rule, message) => {
            out.findings.push({ ...at, rule, message, fix: RULE_FIXES[rule] });
        };
        if (!(await once(`repo ${name}`.toLowerCase(), () => repositoryExists(api, pin.owner, pin.repo)))) {
            out.unverified.push({
                ...at,
                message: `${name}: no such repository, or the github-token cannot read it (HTTP 404); its pin was not verified`,
            });
            continue;
        }
        if (pin.comment !== undefined) {
            const tagged = await once(`tag ${name}@${pin.comment}`.toLowerCase(), () => tagCommit(api, pin.owner, pin.repo, pin.comment));
            if (tagged === pin.sha)
                continue;
            report('ref-version-mismatch', tagged === undefined
                ? `${name}@${pin.sha} # ${pin.comment}: ${name} has no tag ${pin.comment}`
                : `${name}@${pin.sha} # ${pin.comment}: tag ${pin.comment} points at ${tagged}, not at the pinned SHA (the tag moved, or the comment is stale)`);
        }
        const reach = await once(`reach ${name}@${pin.sha}`.toLowerCase(), async () => {
            const r = await isReachableFromRepository(restAsGitHubApi(api), pin.owner, pin.repo, pin.sha, {
                maxCompares: 50,
            });
            return r.reachable ? 'reachable' : r.complete ? 'unreachable' : 'inconclusive';
        });
        if (reach === 'unreachable') {
            report('impostor-commit', `${name}@${pin.sha} is not in the history of any branch or tag of ${name}: a commit from its fork network, not from ${name} itself`);
        }
        else if (reach === 'inconclusive') {
            out.unverified.push({
                ...at,
                message: `${name}@${pin.sha}: not found from the first branches and tags compared; not verified as ${name}'s own commit`,
            });
        }
    }
    return out;
}
/** The commit each tag or branch ref points at (for `mode: fix`); a ref that resolves to nothing is left out. */
async function resolveFloating(api, sites) {
    const out = new Map();
    const memo = new Map();
    for (const s of sites) {
        const key = `${s.owner}/${s.repo}@${s.ref}`.toLowerCase();
        let p = memo.get(key);
        if (!p)
            memo.set(key, (p = (async () => (await tagCommit(api, s.owner, s.repo, s.ref)) ?? branchCommit(api, s.owner, s.repo, s.ref))()));
        const sha = await p;
        if (sha)
            out.set(s, sha);
    }
    return out;
}

;// CONCATENATED MODULE: ./packages/core/src/pins/fix.ts

/**
 * The text with each tag or branch ref replaced by its commit SHA and the ref as the version
 * comment (`owner/repo@<sha> # v1.2.3`), as pinact and pin-github-action write it. Every other
 * byte stays: quoting, other comments, spacing, line ends. An existing version comment is
 * replaced; another comment is kept after the new one; a value followed by more YAML on its line
 * (a flow mapping) gets the SHA without a comment.
 */
function pinnedText(source, fixes) {
    const edits = [];
    for (const { site, sha } of fixes) {
        const start = source.offset(site.span.start.line, site.span.start.column);
        const end = source.offset(site.span.end.line, site.span.end.column);
        const value = source.text.slice(start, end);
        const at = value.lastIndexOf(`@${site.ref}`);
        if (at === -1)
            continue;
        edits.push({ from: start + at + 1, to: start + at + 1 + site.ref.length, text: sha });
        const old = versionComment(site.after);
        const hash = commentStart(site.after);
        if (old !== undefined) {
            const word = end + site.after.indexOf(old, hash);
            edits.push({ from: word, to: word + old.length, text: site.ref });
        }
        else if (hash >= 0 || site.after.trim() === '') {
            edits.push({ from: end, to: end, text: ` # ${site.ref}` });
        }
    }
    let text = source.text;
    for (const e of edits.sort((a, b) => b.from - a.from))
        text = text.slice(0, e.from) + e.text + text.slice(e.to);
    return text;
}

;// CONCATENATED MODULE: ./packages/core/src/pins/write-fixes.ts



/**
 * Writes the pinned files back in place. A file is written only where its real path is inside
 * the checkout (a symlink out of it is never followed), through a temporary file beside it and
 * a rename, so a failed write leaves the original.
 */
function writeFixes(root, sources, sites, resolved) {
    const realRoot = (0,external_node_fs_.realpathSync)(root);
    const out = { written: [], problems: [] };
    const byFile = new Map();
    for (const site of sites) {
        const sha = resolved.get(site);
        if (sha === undefined) {
            out.problems.push({
                file: site.file,
                message: `${site.file}:${site.span.start.line}: ${site.owner}/${site.repo}@${site.ref}: no such tag or branch, left as it is`,
            });
            continue;
        }
        byFile.set(site.file, [...(byFile.get(site.file) ?? []), { site, sha }]);
    }
    for (const [file, fixes] of byFile) {
        const source = sources.get(file);
        if (!source)
            continue;
        const real = (0,external_node_fs_.realpathSync)((0,external_node_path_.join)(realRoot, file));
        const rel = (0,external_node_path_.relative)(realRoot, real);
        if (rel.startsWith('..') || (0,external_node_path_.isAbsolute)(rel)) {
            out.problems.push({ file, message: `${file} leads out of the checkout; not written` });
            continue;
        }
        const text = pinnedText(source, fixes);
        if (text === source.text)
            continue;
        const temp = (0,external_node_path_.join)((0,external_node_path_.dirname)(real), `.check-pins.${process.pid}.tmp`);
        try {
            (0,external_node_fs_.writeFileSync)(temp, text, { mode: (0,external_node_fs_.lstatSync)(real).mode & 0o777, flag: 'wx' });
            (0,external_node_fs_.renameSync)(temp, real);
        }
        catch (e) {
            (0,external_node_fs_.rmSync)(temp, { force: true });
            out.problems.push({ file, message: `${file}: could not be written (${e.message})` });
            continue;
        }
        out.written.push(file);
    }
    return out;
}

;// CONCATENATED MODULE: ./packages/core/src/pins/check-pins.ts






/** The whole check over a checkout: read, rule, (fix and read again), then ask GitHub about the SHA pins. */
async function checkPins(req) {
    if (req.mode === 'fix' && !req.api) {
        throw new errors_BydigestError('INVALID_ARGUMENT', 'mode: fix needs a github-token to look up the commit each tag points at', { hint: 'pass github-token: ${{ github.token }}, or use mode: check' });
    }
    let found = discoverFiles(req.root, req.paths);
    let checked = checkSources(found.files, req.options);
    const written = [];
    const fixProblems = [];
    if (req.mode === 'fix' && checked.floating.length > 0) {
        const resolved = await resolveFloating(req.api, checked.floating);
        const w = writeFixes(req.root, checked.sources, checked.floating, resolved);
        written.push(...w.written);
        fixProblems.push(...w.problems);
        found = discoverFiles(req.root, req.paths);
        checked = checkSources(found.files, req.options);
    }
    const findings = [...checked.findings];
    const unverified = [];
    if (req.api) {
        const v = await verifyPins(req.api, checked.pins);
        findings.push(...v.findings.filter((f) => !isIgnored(f, req.options.ignore)));
        unverified.push(...v.unverified);
    }
    return {
        findings: sortFindings(findings),
        problems: [...found.problems, ...checked.problems, ...fixProblems],
        unverified,
        written,
        filesChecked: found.files.length,
        networkChecked: req.api !== undefined,
    };
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

;// CONCATENATED MODULE: ./actions/check-pins/src/summary.ts


/** The job summary: one section per rule with its fix and its findings, then the files not checked. */
function renderSummary(o) {
    const s = jobSummary().heading('check-pins', 2);
    const total = o.findings.length + o.problems.length;
    s.paragraph(total === 0
        ? `${o.filesChecked} file(s) keep the pinning policy.`
        : `${o.findings.length} finding(s) and ${o.problems.length} file(s) not checked, in ${o.filesChecked} file(s).`);
    if (!o.networkChecked)
        s.paragraph(html `<strong>Not checked:</strong> ${code('ref-version-mismatch')} and ${code('impostor-commit')} (no github-token).`);
    if (o.written.length > 0)
        s.paragraph(html `Pinned in place: ${o.written.map((w) => code(w))}`);
    for (const rule of RULE_IDS) {
        const found = o.findings.filter((f) => f.rule === rule);
        if (found.length === 0)
            continue;
        s.heading(html `${code(rule)} (${found.length})`, 3);
        s.paragraph(html `Fix: ${RULE_FIXES[rule]}`);
        s.table([
            [{ header: 'Where' }, { header: 'Finding' }],
            ...found.map((f) => [code(`${f.file}:${f.line}:${f.column}`), f.message]),
        ]);
    }
    if (o.problems.length > 0) {
        s.heading('Files not checked', 3);
        s.table([[{ header: 'File' }, { header: 'Why' }], ...o.problems.map((p) => [code(p.file), p.message])]);
    }
    if (o.unverified.length > 0) {
        s.heading('Pins not verified', 3);
        s.table([
            [{ header: 'Where' }, { header: 'Why' }],
            ...o.unverified.map((u) => [code(`${u.file}:${u.line}:${u.column}`), u.message]),
        ]);
    }
    return s;
}
async function writeSummary(o) {
    await renderSummary(o).write();
}

;// CONCATENATED MODULE: ./actions/check-pins/src/run.ts







/** Checks (and in fix mode rewrites) the checkout, annotates each finding, writes the report and the summary. */
async function run(inputs, env) {
    const api = inputs.githubToken ? createGitHubRest({ baseUrl: env.apiUrl, token: inputs.githubToken }) : undefined;
    if (!api) {
        (0,lib_core/* notice */.lm)('check-pins: github-token is empty, so ref-version-mismatch and impostor-commit were NOT checked (a version comment may not match its SHA, a SHA may come from a fork)');
    }
    const outcome = await checkPins({
        root: env.root,
        paths: inputs.paths,
        options: inputs.options,
        mode: inputs.mode,
        ...(api ? { api } : {}),
    });
    for (const f of outcome.findings) {
        (0,lib_core/* error */.z3)(`${f.message}. Fix: ${f.fix}`, {
            title: `check-pins ${f.rule}`,
            file: f.file,
            startLine: f.line,
            startColumn: f.column,
        });
    }
    for (const p of outcome.problems)
        (0,lib_core/* warning */.$e)(p.message, { title: 'check-pins: not checked', file: p.file });
    for (const u of outcome.unverified)
        (0,lib_core/* warning */.$e)(u.message, { title: 'check-pins: not verified', file: u.file, startLine: u.line, startColumn: u.column });
    for (const w of outcome.written)
        (0,lib_core/* info */.pq)(`check-pins: pinned ${w}`);
    if (api)
        (0,lib_core/* info */.pq)(`check-pins: ${api.requests} GitHub API request(s)`);
    (0,lib_core/* info */.pq)(`check-pins: ${outcome.filesChecked} file(s) checked, ${outcome.findings.length} finding(s), ${outcome.problems.length} file(s) not checked`);
    const reportPath = (0,external_node_path_.join)((0,external_node_fs_.mkdtempSync)((0,external_node_path_.join)(env.reportDir, 'check-pins-')), 'report.json');
    const { findings, problems, unverified, written, networkChecked } = outcome;
    (0,external_node_fs_.writeFileSync)(reportPath, `${JSON.stringify({ findings, problems, unverified, written, networkChecked }, null, 2)}\n`);
    await writeSummary(outcome);
    return {
        outcome,
        problems: findings.length + problems.length,
        filesChecked: outcome.filesChecked,
        reportPath,
        fixable: findings.filter((f) => f.rule === 'unpinned-uses').length,
    };
}

;// CONCATENATED MODULE: ./actions/check-pins/src/main.ts




/**
 * The whole step (what GitHub's local-action calls): inputs, the checks, the outputs; fails when anything is reported.
 */
async function main_run() {
    await runAction(async () => {
        const inputs = readInputs();
        const r = await run(inputs, {
            root: process.env.GITHUB_WORKSPACE || process.cwd(),
            apiUrl: process.env.GITHUB_API_URL || 'https://api.github.com',
            reportDir: process.env.RUNNER_TEMP || process.cwd(),
        });
        setCheckedOutput('problems', String(r.problems), /^\d+$/);
        setCheckedOutput('report', r.reportPath, (v) => v.endsWith('.json'));
        if (r.problems > 0) {
            throw new errors_BydigestError('INVALID_ARGUMENT', `check-pins: ${r.problems} problem(s) in ${r.filesChecked} file(s); see the annotations and the job summary`, {
                hint: r.fixable > 0 && inputs.mode === 'check' ? `${r.fixable} of them mode: fix can pin` : undefined,
            });
        }
    });
}


/***/ })

};
