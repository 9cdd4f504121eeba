export const id = 181;
export const ids = [181];
export const modules = {

/***/ 8181:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  run: () => (/* binding */ main_run)
});

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
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

;// CONCATENATED MODULE: ./packages/core/src/secrets/paths.ts



/** Protected roots from the usual environment variables. */
function protectedRootsFromEnv(env) {
    return {
        home: env.HOME || undefined,
        workspace: env.GITHUB_WORKSPACE || undefined,
        runnerTemp: env.RUNNER_TEMP || undefined,
    };
}
/** An absolute, normalised path; relative paths are taken relative to `base` (the workspace). */
function resolveUserPath(path, base) {
    if (path === '')
        throw new errors_BydigestError('INVALID_ARGUMENT', 'the path is empty');
    if (path.includes('\0'))
        throw new errors_BydigestError('INVALID_ARGUMENT', 'the path contains a NUL byte');
    return (0,external_node_path_.isAbsolute)(path) ? (0,external_node_path_.resolve)(path) : (0,external_node_path_.resolve)(base, path);
}
/**
 * The path with every symbolic link in its parent directories resolved, but not the last
 * component: a wipe path that is itself a link means "remove this link", never its target.
 * Parents that do not exist yet are kept as written below the deepest one that does.
 */
async function canonicalParentPath(path) {
    const abs = (0,external_node_path_.resolve)(path);
    if (abs === external_node_path_.sep)
        return abs;
    const parent = (0,external_node_path_.dirname)(abs);
    const missing = [];
    let probe = parent;
    for (;;) {
        try {
            const real = await (0,promises_.realpath)(probe);
            return (0,external_node_path_.join)(real, ...missing.reverse(), (0,external_node_path_.basename)(abs));
        }
        catch (e) {
            if (e.code !== 'ENOENT' && e.code !== 'ENOTDIR')
                throw e;
            if (probe === external_node_path_.sep)
                throw e;
            missing.push((0,external_node_path_.basename)(probe));
            probe = (0,external_node_path_.dirname)(probe);
        }
    }
}
/** Why `path` must not be wiped (it is `/`, one of the roots, or a parent of one), or undefined. */
function protectedReason(path, roots) {
    const p = (0,external_node_path_.resolve)(path);
    if (p === external_node_path_.sep)
        return 'it is the file system root';
    for (const [label, root] of [
        ['$HOME', roots.home],
        ['$GITHUB_WORKSPACE', roots.workspace],
        ['$RUNNER_TEMP', roots.runnerTemp],
    ]) {
        if (!root)
            continue;
        const r = (0,external_node_path_.resolve)(root);
        if (p === r)
            return `it is ${label} (${r})`;
        if (r.startsWith(p + external_node_path_.sep))
            return `it contains ${label} (${r})`;
    }
    return undefined;
}
/**
 * Checks the path as written and with its parents' links resolved, so `/home/runner/../..`
 * and a link to `/` are refused alike. The roots are compared in both forms too.
 */
async function assertNotProtected(path, roots) {
    const canonicalRoots = {};
    for (const key of ['home', 'workspace', 'runnerTemp']) {
        const r = roots[key];
        if (r)
            canonicalRoots[key] = await (0,promises_.realpath)(r).catch(() => (0,external_node_path_.resolve)(r));
    }
    const candidates = [(0,external_node_path_.resolve)(path), await canonicalParentPath(path)];
    // A trailing link would only be unlinked, but whoever lists a link to $HOME expects $HOME to
    // be wiped: refusing says so instead of silently doing something else.
    candidates.push(await (0,promises_.realpath)(path).catch(() => (0,external_node_path_.resolve)(path)));
    for (const p of candidates) {
        const why = protectedReason(p, roots) ?? protectedReason(p, canonicalRoots);
        if (why) {
            throw new errors_BydigestError('INVALID_ARGUMENT', `refusing to wipe ${JSON.stringify((0,external_node_path_.resolve)(path))}: ${why}`, {
                hint: 'name the files or directories that hold secrets, e.g. `${{ runner.temp }}/signing` or `/home/runner/.docker/config.json` (no ~ expansion)',
            });
        }
    }
}
/** A recorded staged file must be a canonical direct child of the staging directory, so it cannot point elsewhere. */
function isDirectChild(path, dir) {
    return (isAbsolute(path) &&
        resolve(path) === path &&
        dirname(path) === dir &&
        basename(path) !== '' &&
        basename(path) !== '..');
}

// EXTERNAL MODULE: ./node_modules/.pnpm/@actions+core@3.0.1/node_modules/@actions/core/lib/core.js + 14 modules
var lib_core = __webpack_require__(3070);
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

;// CONCATENATED MODULE: ./packages/core/src/secrets/spec.ts

// A single path component that cannot climb out of the staging directory or hide behind
// shell-special characters; `.` and `..` match the character class and are refused separately.
const NAME_PATTERN = /^[A-Za-z0-9._-]+$/;
const ENV_VAR_PATTERN = /^[A-Za-z_][A-Za-z0-9_]*$/;
// NAME_MAX on Linux and macOS.
const NAME_MAX_BYTES = 255;
const FORMAT_HINT = 'one `NAME=ENV_VAR` per line, e.g. `MOK.key=MOK_KEY`; NAME is a file name (letters, digits, . _ -), ENV_VAR the environment variable holding the secret';
/** Throws unless `name` can be used as a file name directly inside the staging directory. */
function assertValidFileName(name, where = '') {
    const at = where ? `${where}: ` : '';
    if (name === '')
        throw new errors_BydigestError('INVALID_ARGUMENT', `${at}the file name is empty`, { hint: FORMAT_HINT });
    if (name.includes('/') || name.includes('\\')) {
        throw new errors_BydigestError('INVALID_ARGUMENT', `${at}file name ${JSON.stringify(name)} contains a path separator`, {
            hint: 'give a bare file name; files are always created directly inside `dir`',
        });
    }
    if (name === '.' || name === '..' || name.includes('..')) {
        throw new errors_BydigestError('INVALID_ARGUMENT', `${at}file name ${JSON.stringify(name)} contains '..' or is '.'`, {
            hint: 'give a plain file name such as MOK.key',
        });
    }
    if (!NAME_PATTERN.test(name)) {
        throw new errors_BydigestError('INVALID_ARGUMENT', `${at}file name ${JSON.stringify(name)} has characters other than letters, digits, '.', '_' and '-'`, {
            hint: FORMAT_HINT,
        });
    }
    if (Buffer.byteLength(name) > NAME_MAX_BYTES) {
        throw new errors_BydigestError('INVALID_ARGUMENT', `${at}file name is longer than ${NAME_MAX_BYTES} bytes`, {
            hint: 'use a shorter name',
        });
    }
}
function isValidEnvVarName(name) {
    return ENV_VAR_PATTERN.test(name);
}
/**
 * Parses `NAME=ENV_VAR` lines. Blank lines and `#` comments are skipped. Values are never
 * taken from the input itself: the right-hand side must name an environment variable, so a
 * secret pasted into `with:` by mistake is rejected instead of being written (or echoed back).
 */
function parseSecretFileSpecs(text) {
    const specs = [];
    const seen = new Map();
    const lines = text.split(/\r?\n/);
    for (let i = 0; i < lines.length; i++) {
        const line = i + 1;
        const trimmed = lines[i].trim();
        if (trimmed === '' || trimmed.startsWith('#'))
            continue;
        const eq = trimmed.indexOf('=');
        if (eq < 0) {
            // Do not echo the line: it may be a secret pasted where a variable name belongs.
            throw new errors_BydigestError('INVALID_ARGUMENT', `line ${line}: expected NAME=ENV_VAR, found no '='`, {
                hint: FORMAT_HINT,
            });
        }
        const name = trimmed.slice(0, eq).trim();
        const envVar = trimmed.slice(eq + 1).trim();
        assertValidFileName(name, `line ${line}`);
        if (!isValidEnvVarName(envVar)) {
            throw new errors_BydigestError('INVALID_ARGUMENT', `line ${line} (${name}): the part after '=' is not an environment variable name (letters, digits and _, not starting with a digit)`, {
                hint: "put the secret in the step's env: (e.g. `MOK_KEY: ${{ secrets.MOK_KEY }}`) and write `" +
                    name +
                    '=MOK_KEY` here; never the secret itself',
            });
        }
        // Case-insensitive, because on macOS runners `key` and `KEY` are the same file.
        const folded = name.toLowerCase();
        const first = seen.get(folded);
        if (first !== undefined) {
            throw new errors_BydigestError('INVALID_ARGUMENT', `line ${line}: file name ${JSON.stringify(name)} is already used on line ${first}`, {
                hint: 'give every file its own name (names that differ only in case collide on case-insensitive file systems)',
            });
        }
        seen.set(folded, line);
        specs.push({ name, envVar, line });
    }
    return specs;
}

;// CONCATENATED MODULE: ./actions/wipe-secrets/src/state.ts


/** State keys. Values hold paths and sizes only, never secret bytes. */
const STATE = {
    dir: 'dir',
    files: 'files',
    wipePaths: 'wipe-paths',
};
/** What the main step recorded; a malformed record fails the post step instead of wiping blindly. */
function readPostState() {
    const dir = getState(STATE.dir);
    const files = parseJson(STATE.files, getState(STATE.files), isStagedFileList) ?? [];
    const wipePaths = parseJson(STATE.wipePaths, getState(STATE.wipePaths), isStringList) ?? [];
    if (dir !== '' && !dir.startsWith('/'))
        throw corrupt(STATE.dir);
    return { ...(dir ? { dir } : {}), files, wipePaths };
}
function parseJson(key, raw, check) {
    if (raw === '')
        return undefined;
    let value;
    try {
        value = JSON.parse(raw);
    }
    catch {
        throw corrupt(key);
    }
    if (!check(value))
        throw corrupt(key);
    return value;
}
function corrupt(key) {
    return new BydigestError('SECRETS', `the state '${key}' saved by the main step is malformed; nothing was wiped`, {
        hint: "the staged files may still exist: check the runner's temp directory",
    });
}
function isStringList(v) {
    return Array.isArray(v) && v.every((p) => typeof p === 'string' && p.startsWith('/'));
}
function isStagedFileList(v) {
    return (Array.isArray(v) &&
        v.every((f) => typeof f === 'object' &&
            f !== null &&
            typeof f.name === 'string' &&
            typeof f.path === 'string' &&
            Number.isSafeInteger(f.size)));
}

;// CONCATENATED MODULE: ./actions/wipe-secrets/src/inputs.ts



/** Resolved against the workspace, parents' links resolved, never a protected directory. */
async function safePath(raw, roots) {
    const abs = resolveUserPath(raw, roots.workspace ?? process.cwd());
    await assertNotProtected(abs, roots);
    return canonicalParentPath(abs);
}
async function readWipePaths(roots) {
    const lines = rawInput('wipe-paths')
        .split(/\r?\n/)
        .map((l) => l.trim())
        .filter((l) => l !== '' && !l.startsWith('#'));
    const out = [];
    for (const line of lines) {
        const p = await withInput({ INVALID_ARGUMENT: 'wipe-paths' }, () => safePath(line, roots));
        if (!out.includes(p))
            out.push(p);
    }
    return out;
}
async function readStageInputs(roots, wipePaths) {
    const specs = await withInput('files', () => parseSecretFileSpecs(rawInput('files')));
    if (specs.length === 0 && wipePaths.length === 0) {
        throw new InputError('files', 'lists no files (and wipe-paths is empty too)', "add lines such as `MOK.key=MOK_KEY`, with MOK_KEY set in the step's env:");
    }
    const allowEmpty = booleanInput('allow-empty', false);
    const rawDir = rawInput('dir');
    const dir = rawDir === '' ? undefined : await withInput('dir', () => safePath(rawDir, roots));
    return { specs, ...(dir ? { dir } : {}), allowEmpty, wipePaths };
}
/**
 * Every input. wipe-paths are read and recorded in the post step's state first: they are wiped
 * even if another input is wrong and the main step stops here.
 */
async function readInputs(roots) {
    const wipePaths = await readWipePaths(roots);
    if (wipePaths.length > 0)
        (0,lib_core/* saveState */.LZ)(STATE.wipePaths, JSON.stringify(wipePaths));
    return readStageInputs(roots, wipePaths);
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

;// CONCATENATED MODULE: ./packages/core/src/secrets/values.ts

/**
 * Reads every secret before anything is written, so a missing variable fails the step with
 * no secret on disk. All missing variables are reported at once.
 */
function readSecretValues(specs, env, opts = {}) {
    const problems = [];
    const values = [];
    for (const spec of specs) {
        const text = env[spec.envVar];
        if ((text === undefined || text === '') && !opts.allowEmpty) {
            problems.push(`line ${spec.line} (${spec.name}): environment variable ${spec.envVar} is ${text === undefined ? 'not set' : 'empty'}`);
            continue;
        }
        values.push({ name: spec.name, envVar: spec.envVar, value: exactBytes(spec.envVar, text ?? '', opts.rawEnviron) });
    }
    if (problems.length > 0) {
        const names = [...new Set(specs.filter((s) => !values.some((v) => v.name === s.name)).map((s) => s.envVar))];
        for (const v of values)
            v.value.fill(0);
        throw new errors_BydigestError('SECRETS', problems.join('; '), {
            hint: `pass ${names.map((n) => `${n}: \${{ secrets.${n} }}`).join(', ')} under this step's env: ` +
                '(a secret that is not defined, or not available to this run such as a pull request from a fork, expands to an empty string); ' +
                'set allow-empty: true to stage empty files instead',
        });
    }
    return values;
}
function exactBytes(envVar, text, raw) {
    const raw8 = text.includes('\uFFFD') ? raw?.get(envVar) : undefined;
    // Only trust the startup bytes when they decode to what process.env holds: the variable may
    // have been changed since start-up, and then process.env is the truth.
    if (raw8 && raw8.toString('utf8') === text)
        return Buffer.from(raw8);
    return Buffer.from(text, 'utf8');
}

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
;// CONCATENATED MODULE: ./packages/core/src/secrets/environ.ts

/**
 * Splits an `environ` block (NUL-terminated `NAME=value` entries) into raw byte values.
 * Node decodes `process.env` as UTF-8 and replaces invalid bytes with U+FFFD, so a value that
 * is not valid UTF-8 can only be recovered exactly from the bytes the process was started with.
 */
function parseEnviron(block) {
    const out = new Map();
    let start = 0;
    while (start < block.length) {
        let end = block.indexOf(0, start);
        if (end < 0)
            end = block.length;
        const entry = block.subarray(start, end);
        const eq = entry.indexOf(0x3d);
        // The first definition wins, as getenv(3) returns it.
        if (eq > 0) {
            const name = entry.subarray(0, eq).toString('latin1');
            if (!out.has(name))
                out.set(name, Buffer.from(entry.subarray(eq + 1)));
        }
        start = end + 1;
    }
    return out;
}
/** The environment this process started with, byte for byte; undefined where /proc is absent. */
function readStartupEnviron() {
    try {
        return parseEnviron((0,external_node_fs_.readFileSync)('/proc/self/environ'));
    }
    catch {
        return undefined;
    }
}

;// CONCATENATED MODULE: ./packages/core/src/secrets/masks.ts
// Lines shorter than this are not masked on their own: masking `==` or `}` would blank out
// every occurrence in the whole log while hiding almost nothing of the secret.
const MIN_LINE_MASK = 4;
/**
 * The strings to register with the log masker for one secret: the value, its base64 form
 * (what `docker login` and config files hold) and, because the runner masks line by line,
 * each line of a multi-line value such as a PEM key. Deduplicated; never empty strings.
 */
function maskValuesFor(value) {
    if (value.length === 0)
        return [];
    const buf = Buffer.from(value.buffer, value.byteOffset, value.byteLength);
    const text = buf.toString('utf8');
    const out = new Set([text, buf.toString('base64')]);
    if (/[\r\n]/.test(text)) {
        for (const raw of text.split('\n')) {
            const line = raw.replace(/\r$/, '');
            for (const candidate of [line, line.trim()]) {
                if (candidate.length >= MIN_LINE_MASK)
                    out.add(candidate);
            }
        }
    }
    return [...out].filter((s) => s.trim() !== '');
}

;// CONCATENATED MODULE: ./packages/core/src/secrets/staging-dir.ts



const PREFIX = 'wipe-secrets-';
/** Creates (or claims) the staging directory with mode 0700 and returns its canonical path. */
async function createStagingDir(opts) {
    let dir;
    if (opts.dir === undefined) {
        // mkdtemp creates the directory 0700 whatever the umask; the check below still runs.
        try {
            dir = await (0,promises_.realpath)(await (0,promises_.mkdtemp)((0,external_node_path_.join)(await (0,promises_.realpath)(opts.parent), PREFIX)));
        }
        catch (e) {
            throw new errors_BydigestError('SECRETS', `cannot create a directory in ${opts.parent}: ${e.code ?? String(e)}`, {
                hint: 'RUNNER_TEMP must be an existing, writable directory; or choose another staging directory',
                cause: e,
            });
        }
    }
    else {
        dir = opts.dir;
        await claimDir(dir);
    }
    opts.onCreated?.(dir);
    await ensurePrivateDir(dir);
    return dir;
}
async function claimDir(dir) {
    try {
        // Not recursive: parents created here would outlive the wipe, which removes only `dir`.
        await (0,promises_.mkdir)(dir, { mode: 0o700 });
        return;
    }
    catch (e) {
        const code = e.code;
        if (code === 'ENOENT') {
            throw new errors_BydigestError('INVALID_ARGUMENT', `the parent directory of ${dir} does not exist`, {
                hint: 'create the parent first, or let a fresh directory be made under $RUNNER_TEMP',
                cause: e,
            });
        }
        if (code !== 'EEXIST')
            throw new errors_BydigestError('SECRETS', `cannot create ${dir}: ${code ?? String(e)}`, { cause: e });
    }
    const st = await (0,promises_.lstat)(dir);
    if (st.isSymbolicLink()) {
        throw new errors_BydigestError('INVALID_ARGUMENT', `${dir} is a symbolic link`, {
            hint: 'give a real directory, or a path that does not exist yet',
        });
    }
    if (!st.isDirectory())
        throw new errors_BydigestError('INVALID_ARGUMENT', `${dir} exists and is not a directory`, {
            hint: 'give a path that does not exist yet',
        });
    const entries = await (0,promises_.readdir)(dir);
    if (entries.length > 0) {
        // Everything in the directory would be wiped after the job: never take over someone's files.
        throw new errors_BydigestError('INVALID_ARGUMENT', `${dir} exists and is not empty (${entries.length} entr${entries.length === 1 ? 'y' : 'ies'})`, {
            hint: 'give a path that does not exist yet or an empty directory; the whole directory is wiped by the post step',
        });
    }
    const uid = process.getuid?.();
    if (uid !== undefined && uid !== 0 && st.uid !== uid) {
        throw new errors_BydigestError('INVALID_ARGUMENT', `${dir} belongs to another user (uid ${st.uid})`, {
            hint: 'give a directory you own, or a path that does not exist yet',
        });
    }
}
/**
 * Verifies the directory is a real directory of ours with no access for group or others.
 * mkdir's mode is filtered by the umask (which can only remove bits) or by a default ACL
 * inherited from the parent (which can add group bits), so the result is checked, not assumed.
 * The directory is still empty here, so correcting the mode exposes nothing.
 */
async function ensurePrivateDir(dir) {
    let st = await (0,promises_.lstat)(dir);
    if (!st.isDirectory() || st.isSymbolicLink())
        throw new errors_BydigestError('SECRETS', `${dir} is not a directory any more`);
    if ((st.mode & 0o777) !== 0o700) {
        await (0,promises_.chmod)(dir, 0o700);
        st = await (0,promises_.lstat)(dir);
    }
    if (!st.isDirectory() || (st.mode & 0o777) !== 0o700) {
        throw new errors_BydigestError('SECRETS', `${dir} has mode ${(st.mode & 0o777).toString(8)}, expected 700`, {
            hint: "the file system may not support Unix modes; use a directory on the runner's local disk",
        });
    }
}

;// CONCATENATED MODULE: ./packages/core/src/secrets/stage.ts





// O_EXCL (the `x` of `wx`) refuses any existing entry, a planted symlink included; O_NOFOLLOW
// says the same thing once more for the last component. The mode applies from creation on.
const CREATE_FLAGS = external_node_fs_.constants.O_WRONLY | external_node_fs_.constants.O_CREAT | external_node_fs_.constants.O_EXCL | external_node_fs_.constants.O_NOFOLLOW;
/** Writes each secret to `dir/name`, mode 0600, exactly its bytes. `dir` must be private (0700). */
async function stageSecretFiles(dir, secrets, opts = {}) {
    for (const s of secrets)
        assertValidFileName(s.name);
    const plan = secrets.map((s) => ({ name: s.name, path: (0,external_node_path_.join)(dir, s.name), size: s.value.byteLength }));
    opts.onPlanned?.(plan.map((f) => ({ ...f })));
    for (let i = 0; i < secrets.length; i++) {
        await writeSecretFile(plan[i], secrets[i].value);
    }
    return plan;
}
async function writeSecretFile(file, value) {
    let fh;
    try {
        fh = await (0,promises_.open)(file.path, CREATE_FLAGS, 0o600);
    }
    catch (e) {
        const code = e.code;
        const why = code === 'EEXIST' || code === 'ELOOP' ? 'something else created it first' : (code ?? String(e));
        throw new errors_BydigestError('SECRETS', `cannot create ${file.path}: ${why}`, { cause: e });
    }
    try {
        let st = await fh.stat();
        // The umask can only remove bits, but a default ACL on the directory can add group bits.
        // Nothing has been written yet, so tightening the mode here still means 0600 from the first byte.
        if ((st.mode & 0o777) !== 0o600) {
            await fh.chmod(0o600);
            st = await fh.stat();
        }
        if (!st.isFile() || (st.mode & 0o777) !== 0o600 || st.nlink !== 1) {
            throw new errors_BydigestError('SECRETS', `${file.name} was created with mode ${(st.mode & 0o777).toString(8)} and ${st.nlink} link(s); expected 600 and 1`);
        }
        let offset = 0;
        while (offset < value.byteLength) {
            const { bytesWritten } = await fh.write(value, offset, value.byteLength - offset, offset);
            if (bytesWritten <= 0)
                throw new errors_BydigestError('SECRETS', `writing ${file.name} made no progress`);
            offset += bytesWritten;
        }
        const after = await fh.stat();
        if (after.size !== value.byteLength) {
            throw new errors_BydigestError('SECRETS', `${file.name} holds ${after.size} bytes after writing ${value.byteLength}`);
        }
    }
    catch (e) {
        if (e instanceof errors_BydigestError)
            throw e;
        const code = e.code;
        throw new errors_BydigestError('SECRETS', `writing ${file.name} failed: ${code ?? String(e)}`, { cause: e });
    }
    finally {
        await fh.close();
    }
}

// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
;// CONCATENATED MODULE: ./actions/wipe-secrets/src/run.ts





async function run(inputs) {
    const { wipePaths } = inputs;
    // Every error reading the values or making the directory (one that cannot be created, say) is the input's.
    const values = await withInput('files', () => readSecretValues(inputs.specs, process.env, { allowEmpty: inputs.allowEmpty, rawEnviron: readStartupEnviron() }));
    try {
        for (const v of values)
            for (const m of maskValuesFor(v.value))
                (0,lib_core/* setSecret */.Pq)(m);
        const dir = await withInput('dir', () => createStagingDir({
            dir: inputs.dir,
            parent: process.env.RUNNER_TEMP || (0,external_node_os_.tmpdir)(),
            onCreated: (d) => (0,lib_core/* saveState */.LZ)(STATE.dir, d),
        }));
        const workspace = process.env.GITHUB_WORKSPACE;
        if (inputs.dir && workspace && (dir + external_node_path_.sep).startsWith((0,external_node_path_.resolve)(workspace) + external_node_path_.sep)) {
            // A key inside the build context can be copied into a layer, and deleting it in a later
            // layer leaves it in the image's history.
            (0,lib_core/* warning */.$e)(`dir ${dir} is inside the workspace: a build whose context is the workspace (COPY . …) would copy these secrets into the image. Prefer the default (under RUNNER_TEMP) and pass files with --secret.`);
        }
        const staged = await stageSecretFiles(dir, values, {
            onPlanned: (files) => (0,lib_core/* saveState */.LZ)(STATE.files, JSON.stringify(files)),
        });
        const empty = values.filter((v) => v.value.length === 0);
        (0,lib_core/* info */.pq)(`Staged ${staged.length} file(s) in ${dir} (directory 0700, files 0600): ${staged.map((f) => f.name).join(', ') || 'none'}`);
        for (const v of empty)
            (0,lib_core/* info */.pq)(`${v.name}: ${v.envVar} is unset or empty; staged an empty file (allow-empty)`);
        if (wipePaths.length > 0)
            (0,lib_core/* info */.pq)(`The post step will also wipe: ${wipePaths.join(', ')}`);
        await writeSummary(dir, values, wipePaths);
        return { dir, paths: Object.fromEntries(staged.map((f) => [f.name, f.path])) };
    }
    finally {
        // The environment still holds the secret; these copies at least need not outlive the step.
        for (const v of values)
            v.value.fill(0);
    }
}
async function writeSummary(dir, values, wipePaths) {
    const s = jobSummary().heading('wipe-secrets: staged');
    if (values.length > 0)
        s.table([[{ header: 'file' }, { header: 'from variable' }], ...values.map((v) => [code(v.name), code(v.envVar)])]);
    s.paragraph(html `${values.length} file(s) in ${code(dir)}, mode 0600 in a 0700 directory; the post step wipes them.`);
    if (wipePaths.length > 0)
        s.paragraph(html `Also wiped by the post step: ${joinHtml(wipePaths.map(code))}`);
    await s.write();
}

;// CONCATENATED MODULE: ./actions/wipe-secrets/src/main.ts





/**
 * The main step (what GitHub's local-action calls): stage the files, output their paths. The post
 * step has its own entry (post.ts), so nothing tells main from post by state.
 */
async function main_run() {
    await runAction(async () => {
        const inputs = await readInputs(protectedRootsFromEnv(process.env));
        const { dir, paths } = await run(inputs);
        setCheckedOutput('dir', dir, (v) => (0,external_node_path_.isAbsolute)(v));
        const names = Object.keys(paths);
        setCheckedOutput('paths', JSON.stringify(paths), () => names.length === inputs.specs.length && Object.values(paths).every((p) => (0,external_node_path_.isAbsolute)(p)));
    });
}


/***/ })

};
