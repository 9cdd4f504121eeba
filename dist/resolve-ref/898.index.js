export const id = 898;
export const ids = [898];
export const modules = {

/***/ 898:
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
function rateLimitWait(status, headers, message, now) {
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


class GitHubError extends BydigestError {
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
            const wait = rateLimitWait(e.status, e.response?.headers ?? {}, e.message, policy.now());
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

;// CONCATENATED MODULE: ./packages/core/src/github/resolve-ref.ts



const FULL_SHA = /^[0-9a-fA-F]{40}$/;
/** Annotated tags may point at annotated tags; git itself never nests deeper than a handful. */
const MAX_TAG_DEPTH = 5;
/**
 * A ref as `git check-ref-format` accepts it for a branch or tag name (the part of its rules
 * that matters in a URL): no spaces or control characters, none of `~^:?*[\`, no `..`, no `@{`,
 * no leading `-` or `/`, no trailing `/`, `.` or `.lock`.
 */
function checkRefName(ref) {
    const bad = ref.length > 255 ||
        [...ref].some((ch) => ch.charCodeAt(0) <= 0x20 || ch.charCodeAt(0) === 0x7f) ||
        /[~^:?*[\\]/.test(ref) ||
        ref.includes('..') ||
        ref.includes('@{') ||
        ref.includes('//') ||
        /^[-/]/.test(ref) ||
        /(\/|\.|\.lock)$/.test(ref) ||
        ref === '@';
    if (bad) {
        throw new BydigestError('INVALID_ARGUMENT', `${JSON.stringify(ref.length > 80 ? `${ref.slice(0, 80)}…` : ref)} is not a branch, tag or commit SHA`, {
            hint: 'give a branch (main), a tag (v1.2.0), refs/heads/… or refs/tags/…, or a full 40-character commit SHA',
        });
    }
}
/**
 * Resolves a branch, tag or SHA of `owner/repo` to the commit it names, as the chapter's
 * `gh api repos/<o>/<r>/commits/<ref> --jq .sha` did, but strictly: a name must be exactly one
 * branch or one tag (both is ambiguous, a prefix is nothing), annotated tags are followed to
 * their commit, a SHA must be complete and reachable from the repository's own branches or tags
 * (not a commit that only exists in a fork), and no ref means the default branch.
 */
async function resolveRef(api, owner, repo, ref, opts = {}) {
    const slug = `${owner}/${repo}`;
    const rl = opts.rateLimit ? { rateLimit: opts.rateLimit } : {};
    let requests = 0;
    const repository = async () => {
        requests++;
        return get(api, 'GET /repos/{owner}/{repo}', { owner, repo }, {
            ...rl,
            operation: 'get repository',
            reference: slug,
            notFound: () => new GitHubError(`repository ${slug} was not found, or the token cannot read it`, {
                operation: 'get repository',
                reference: slug,
                status: 404,
                about: 'repository',
                hint: 'check owner/name; a private repository other than this one needs a github-token with contents: read on it (GitHub answers 404, not 403, to a token without access)',
            }),
        });
    };
    /** A missing thing is the ref's fault only once the repository is known to be readable. */
    const missingRef = async (message, hint) => {
        await repository();
        throw new GitHubError(message, {
            operation: 'resolve ref',
            reference: `${slug}@${ref ?? ''}`,
            status: 404,
            about: 'ref',
            hint,
        });
    };
    if (ref === undefined || ref === '') {
        const branch = (await repository()).default_branch;
        const r = await resolveName(branch, ['heads']);
        return { ...r, requests };
    }
    checkRefName(ref);
    if (FULL_SHA.test(ref)) {
        const sha = ref.toLowerCase();
        requests++;
        const commit = await getOrMissing(api, 'GET /repos/{owner}/{repo}/commits/{ref}', { owner, repo, ref: sha }, { ...rl, operation: 'get commit', reference: `${slug}@${sha}`, missing: [422] });
        if (!commit)
            return missingRef(`commit ${sha} does not exist in ${slug}`, 'give a commit of this repository (git rev-parse on a clone of it), or a branch or tag');
        const { default_branch } = await repository();
        const reach = await isReachableFromRepository(api, owner, repo, sha, { defaultBranch: default_branch, ...opts });
        requests += reach.requests;
        if (!reach.reachable) {
            const searched = reach.complete
                ? 'any of its branches or tags'
                : `the default branch or the ${reach.checked.length - 1} other branches and tags compared (the search is bounded)`;
            throw new GitHubError(`commit ${sha} is not reachable from ${searched} in ${slug}: it exists only in a fork or a deleted ref (an impostor commit)`, {
                operation: 'check commit is reachable',
                reference: `${slug}@${sha}`,
                about: 'ref',
                hint: `pin a commit of ${slug} itself: give a tag or branch, or a SHA from its history`,
            });
        }
        return { sha, ref: sha, kind: 'commit', reachableVia: reach.via, requests };
    }
    const spaces = ref.startsWith('refs/heads/')
        ? ['heads']
        : ref.startsWith('refs/tags/')
            ? ['tags']
            : ['heads', 'tags'];
    const name = ref.replace(/^refs\/(heads|tags)\//, '');
    checkRefName(name);
    return { ...(await resolveName(name, spaces)), requests };
    async function resolveName(name, spaces) {
        requests += spaces.length;
        const found = await Promise.all(spaces.map(async (space) => ({
            space,
            ref: await getOrMissing(api, 'GET /repos/{owner}/{repo}/git/ref/{ref}', { owner, repo, ref: `${space}/${name}` }, { ...rl, operation: 'get ref', reference: `${slug} refs/${space}/${name}` }),
        })));
        const hits = found.filter((f) => f.ref !== undefined && f.ref.ref === `refs/${f.space}/${name}`);
        if (hits.length === 0) {
            const shortSha = /^[0-9a-fA-F]{7,39}$/.test(name) ? '; a commit SHA must be given in full (40 characters)' : '';
            return missingRef(`${JSON.stringify(name)} is neither a branch nor a tag of ${slug}`, `check the name (branches and tags are case-sensitive)${shortSha}`);
        }
        if (hits.length > 1) {
            throw new GitHubError(`${JSON.stringify(name)} is both a branch and a tag of ${slug}`, {
                operation: 'resolve ref',
                reference: `${slug}@${name}`,
                about: 'ref',
                hint: `say which: refs/heads/${name} or refs/tags/${name}`,
            });
        }
        const hit = hits[0];
        let object = hit.ref.object;
        let depth = 0;
        while (object.type === 'tag') {
            if (++depth > MAX_TAG_DEPTH)
                throw new GitHubError(`tag ${name} of ${slug} nests annotated tags more than ${MAX_TAG_DEPTH} deep`, {
                    operation: 'get tag',
                    reference: `${slug}@${name}`,
                    about: 'ref',
                });
            requests++;
            const tagSha = object.sha;
            const tag = await get(api, 'GET /repos/{owner}/{repo}/git/tags/{tag_sha}', { owner, repo, tag_sha: tagSha }, {
                ...rl,
                operation: 'get tag',
                reference: `${slug}@${tagSha}`,
                notFound: () => new GitHubError(`tag object ${tagSha} of ${name} is missing from ${slug}`, {
                    operation: 'get tag',
                    reference: `${slug}@${tagSha}`,
                    status: 404,
                    about: 'ref',
                }),
            });
            object = tag.object;
        }
        if (object.type !== 'commit' || !FULL_SHA.test(object.sha)) {
            throw new GitHubError(`${hit.ref.ref} of ${slug} points at a ${object.type}, not a commit`, {
                operation: 'resolve ref',
                reference: `${slug}@${name}`,
                about: 'ref',
                hint: 'give a branch or tag that names a commit',
            });
        }
        return {
            sha: object.sha.toLowerCase(),
            ref: hit.ref.ref,
            kind: hit.space === 'heads' ? 'branch' : depth > 0 ? 'annotated-tag' : 'tag',
        };
    }
}

;// CONCATENATED MODULE: ./actions/resolve-ref/src/inputs.ts



/** An OCI label key as buildah and the image-spec's annotation rules take it: reverse DNS, no `=` or spaces. */
const LABEL_KEY = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
/** A build argument as a Containerfile `ARG` declares it. */
const ARG_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
function readInputs(env = process.env) {
    const token = rawInput('github-token');
    if (token)
        (0,lib_core/* setSecret */.Pq)(token);
    const slug = rawInput('repository') || env.GITHUB_REPOSITORY || '';
    if (slug === '')
        throw new InputError('repository', 'is empty and GITHUB_REPOSITORY is not set', 'give owner/name');
    // Not parseInput: an empty input falls back to GITHUB_REPOSITORY, which parseInput would skip as empty.
    const { owner, repo } = withInput('repository', () => parseRepositorySlug(slug));
    const ref = rawInput('ref') || undefined;
    if (ref !== undefined)
        parseInput('ref', checkRefName);
    const labelKey = rawInput('label-key') || 'org.opencontainers.image.revision';
    if (!LABEL_KEY.test(labelKey) || labelKey.length > 255) {
        throw new InputError('label-key', `${JSON.stringify(truncate(labelKey))} is not a label key`, 'use reverse DNS of letters, digits, ".", "-" and "_", e.g. place.the-empty.margine.spec-ref');
    }
    const buildArgName = rawInput('build-arg-name') || 'SPEC_REF';
    if (!ARG_NAME.test(buildArgName) || buildArgName.length > 255) {
        throw new InputError('build-arg-name', `${JSON.stringify(truncate(buildArgName))} is not a build argument name`, 'use letters, digits and "_", not starting with a digit, as the Containerfile\'s ARG declares it (e.g. SPEC_REF)');
    }
    if (!token)
        throw new InputError('github-token', 'is empty', 'leave it at its default (${{ github.token }}) or pass a token that can read the repository');
    return { owner, repo, ...(ref ? { ref } : {}), labelKey, buildArgName, githubToken: token };
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

;// CONCATENATED MODULE: ./actions/resolve-ref/src/run.ts


/** Resolves the ref to one commit and writes the lines the build and the capture step take. */
async function run(inputs, api, opts = {}) {
    const slug = `${inputs.owner}/${inputs.repo}`;
    const r = await resolveRef(api, inputs.owner, inputs.repo, inputs.ref, opts);
    const what = r.kind === 'commit'
        ? `commit ${r.sha}, reachable from ${r.reachableVia}`
        : r.kind === 'annotated-tag'
            ? `annotated tag ${r.ref} → commit ${r.sha}`
            : `${r.kind} ${r.ref} → ${r.sha}`;
    (0,lib_core/* info */.pq)(`${slug}: ${what} (${r.requests} API request${r.requests === 1 ? '' : 's'})`);
    const out = {
        sha: r.sha,
        ref: r.ref,
        buildArg: `${inputs.buildArgName}=${r.sha}`,
        label: `${inputs.labelKey}=${r.sha}`,
    };
    await jobSummary()
        .heading('resolve-ref')
        .table([
        [{ header: 'repository' }, { header: 'asked' }, { header: 'resolved' }, { header: 'commit' }],
        [
            slug,
            inputs.ref ?? '(default branch)',
            r.kind === 'commit' ? `commit (reachable from ${r.reachableVia})` : r.ref,
            code(r.sha),
        ],
    ])
        .paragraph(code(`--build-arg ${out.buildArg} --label ${out.label}`))
        .write();
    return out;
}

;// CONCATENATED MODULE: ./actions/resolve-ref/src/main.ts





const SHA = /^[0-9a-f]{40}$/;
/** The whole step (what GitHub's local-action calls): inputs, the resolution, the outputs. */
async function main_run() {
    await runAction(async () => {
        const inputs = readInputs();
        // Read now, not when @actions/github was first imported (GitHub Enterprise, local runners).
        const baseUrl = process.env.GITHUB_API_URL;
        const octokit = (0,github/* getOctokit */.Q)(inputs.githubToken, baseUrl ? { baseUrl } : {});
        const r = await run(inputs, { request: (route, params) => octokit.request(route, params) })
            .catch(namingInput);
        setCheckedOutput('sha', r.sha, SHA);
        setCheckedOutput('build-arg', r.buildArg, new RegExp(`^${inputs.buildArgName}=[0-9a-f]{40}$`));
        setCheckedOutput('label', r.label, (v) => v === `${inputs.labelKey}=${r.sha}`);
        setCheckedOutput('ref', r.ref, /^(refs\/(heads|tags)\/\S+|[0-9a-f]{40})$/);
    });
}
/** An API error about the repository, the ref or the token is that input's. */
function namingInput(e) {
    if (e instanceof GitHubError && e.about) {
        throw new InputError(e.about === 'token' ? 'github-token' : e.about, `${e.message}${e.status ? ` (HTTP ${e.status})` : ''}`, e.hint);
    }
    throw e;
}


/***/ })

};
