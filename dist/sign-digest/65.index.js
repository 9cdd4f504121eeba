export const id = 65;
export const ids = [65];
export const modules = {

/***/ 6587:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $A: () => (/* binding */ integerInput),
/* harmony export */   Bb: () => (/* binding */ keyValueInput),
/* harmony export */   CU: () => (/* binding */ parseInput),
/* harmony export */   JR: () => (/* binding */ rawInput),
/* harmony export */   dt: () => (/* binding */ listInput),
/* harmony export */   dz: () => (/* binding */ InputError),
/* harmony export */   ij: () => (/* binding */ choiceInput),
/* harmony export */   kR: () => (/* binding */ maskEnvSecret),
/* harmony export */   tE: () => (/* binding */ booleanInput),
/* harmony export */   xv: () => (/* binding */ truncate)
/* harmony export */ });
/* unused harmony exports requiredInput, publicKeyInput */
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3070);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_1__);



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
/** The raw input, trimmed; empty when unset (the runner passes action.yml defaults itself). */
function rawInput(name) {
    return _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .getInput */ .V4(name);
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
    try {
        return parse(raw);
    }
    catch (e) {
        const err = e;
        throw new InputError(name, err.message, err.hint ?? opts.hint);
    }
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
    _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setSecret */ .Pq(value);
    for (const line of value.split(/\r?\n/)) {
        const l = line.trim();
        // PEM armour lines are public text; masking them would only garble unrelated logs.
        if (l.length >= 4 && !l.startsWith('-----'))
            _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setSecret */ .Pq(l);
    }
}
/** A public key given as PEM text or as a path to a PEM file. */
async function publicKeyInput(name) {
    const raw = rawInput(name);
    let pem = raw;
    if (!raw.includes('-----BEGIN')) {
        try {
            pem = await readFile(raw, 'utf8');
        }
        catch (e) {
            throw new InputError(name, `is neither PEM text nor a readable file (${e.code ?? 'unreadable'}: ${truncate(raw)})`, 'pass the contents of cosign.pub or its path');
        }
    }
    try {
        return loadPublicKey(pem);
    }
    catch (e) {
        throw new InputError(name, e.message, e.hint);
    }
}


/***/ }),

/***/ 2542:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  rS: () => (/* binding */ readRegistryInputs),
  Rk: () => (/* binding */ registryClient)
});

// UNUSED EXPORTS: registryClientFromInputs

// EXTERNAL MODULE: ./node_modules/.pnpm/@actions+core@3.0.1/node_modules/@actions/core/lib/core.js + 14 modules
var core = __webpack_require__(3070);
// EXTERNAL MODULE: ./packages/core/src/errors.ts
var errors = __webpack_require__(637);
// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(1421);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
;// CONCATENATED MODULE: ./packages/core/src/oci/auth/credentials.ts





/**
 * The lookup order of DESIGN.md: explicit, $REGISTRY_AUTH_FILE, containers auth.json
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
        throw new errors/* BydigestError */.W('INVALID_ARGUMENT', `auth file ${path} is not valid JSON`, { hint: 'fix or remove the file' });
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

// EXTERNAL MODULE: ./packages/core/src/oci/digest.ts
var oci_digest = __webpack_require__(4276);
// EXTERNAL MODULE: ./packages/core/src/oci/http/retry.ts
var retry = __webpack_require__(4405);
// EXTERNAL MODULE: ./node_modules/.pnpm/undici@6.29.1/node_modules/undici/index.js
var undici = __webpack_require__(9309);
;// CONCATENATED MODULE: ./packages/core/src/oci/auth/challenge.ts
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

// EXTERNAL MODULE: ./packages/core/src/oci/reference.ts
var reference = __webpack_require__(8515);
;// CONCATENATED MODULE: ./packages/core/src/oci/http/tokens.ts
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

;// CONCATENATED MODULE: ./packages/core/src/oci/http/transport.ts






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
        if (opts.insecure && !(0,reference/* isLoopbackHost */.cW)(host))
            connect.rejectUnauthorized = false;
        this.dispatcher = new undici.Agent({
            headersTimeout: timeout,
            bodyTimeout: timeout,
            connectTimeout: Math.min(timeout, 30_000),
            keepAliveTimeout: 10_000,
            connections: 16,
            connect,
        });
        this.tokens = new TokenCache((scopes) => this.fetchToken(scopes));
        this.mayUsePlainHttp = (0,reference/* isLoopbackHost */.cW)(host) || opts.insecure === true;
        if (!this.mayUsePlainHttp)
            this.scheme = 'https';
    }
    async close() {
        await this.dispatcher.close();
    }
    async request(req) {
        const accept = req.accept ?? ok2xx;
        let authRetried = false;
        let extraScope;
        for (let attempt = 0;; attempt++) {
            const url = await this.urlFor(req.path);
            let res;
            try {
                res = await this.send(req, url, extraScope);
            }
            catch (e) {
                this.emit(req, url, undefined, attempt, e);
                if (url.startsWith('https:') && this.scheme !== 'https' && this.mayUsePlainHttp && isTlsMismatch(e)) {
                    // A loopback (or insecure) registry that does not speak TLS: use plain HTTP from now on.
                    this.scheme = 'http';
                    attempt--;
                    continue;
                }
                if (req.retry !== false && attempt < this.retries && (0,retry/* isRetryableError */.$d)(e)) {
                    await (0,retry/* sleep */.yy)((0,retry/* backoffMs */.jo)(attempt, this.backoff.baseMs, this.backoff.maxMs));
                    continue;
                }
                throw networkError(req, url, e);
            }
            this.scheme ??= url.startsWith('https:') ? 'https' : 'http';
            const headers = flattenHeaders(res.headers);
            this.emit(req, url, res.statusCode, attempt);
            if (res.statusCode === 401 && !authRetried) {
                const challenge = parseChallenge(headers['www-authenticate']);
                await res.body.dump();
                if (challenge) {
                    // A 401 despite a token means it expired or lacks a scope: fetch afresh.
                    if (this.challenge)
                        this.tokens.clear();
                    this.challenge = challenge;
                    extraScope = challenge.params.scope;
                    authRetried = true;
                    attempt--;
                    continue;
                }
            }
            if (REDIRECTS.has(res.statusCode) && headers.location && (req.method === 'GET' || req.method === 'HEAD')) {
                await res.body.dump();
                return this.followRedirect(req, new URL(headers.location, url).toString(), accept, 0);
            }
            if (accept(res.statusCode))
                return { status: res.statusCode, headers, body: res.body, url };
            if (req.retry !== false && retry/* RETRYABLE_STATUS */.Uz.has(res.statusCode) && attempt < this.retries) {
                await res.body.dump();
                const wait = (0,retry/* retryAfterMs */.Vs)(headers['retry-after'], this.backoff.retryAfterCapMs);
                await (0,retry/* sleep */.yy)(wait ?? (0,retry/* backoffMs */.jo)(attempt, this.backoff.baseMs, this.backoff.maxMs));
                continue;
            }
            throw await statusError(req, res.statusCode, headers, res.body);
        }
    }
    async followRedirect(req, url, accept, depth) {
        if (depth >= 5)
            throw new errors/* BydigestError */.W('REGISTRY', `${req.operation} ${req.reference}: too many redirects`, { operation: req.operation, reference: req.reference });
        const sameHost = new URL(url).host === this.host;
        for (let attempt = 0;; attempt++) {
            let res;
            try {
                const headers = { ...req.headers };
                if (sameHost)
                    Object.assign(headers, await this.authHeaders(req.scopes));
                res = await (0,undici.request)(url, { method: req.method, headers, dispatcher: this.dispatcher });
            }
            catch (e) {
                this.emit(req, url, undefined, attempt, e);
                if (attempt < this.retries && (0,retry/* isRetryableError */.$d)(e)) {
                    await (0,retry/* sleep */.yy)((0,retry/* backoffMs */.jo)(attempt, this.backoff.baseMs, this.backoff.maxMs));
                    continue;
                }
                throw networkError(req, url, e);
            }
            const headers = flattenHeaders(res.headers);
            this.emit(req, url, res.statusCode, attempt);
            if (REDIRECTS.has(res.statusCode) && headers.location) {
                await res.body.dump();
                return this.followRedirect(req, new URL(headers.location, url).toString(), accept, depth + 1);
            }
            if (accept(res.statusCode))
                return { status: res.statusCode, headers, body: res.body, url };
            if (retry/* RETRYABLE_STATUS */.Uz.has(res.statusCode) && attempt < this.retries) {
                await res.body.dump();
                await (0,retry/* sleep */.yy)((0,retry/* retryAfterMs */.Vs)(headers['retry-after'], this.backoff.retryAfterCapMs) ?? (0,retry/* backoffMs */.jo)(attempt, this.backoff.baseMs, this.backoff.maxMs));
                continue;
            }
            throw await statusError(req, res.statusCode, headers, res.body);
        }
    }
    async send(req, url, extraScope) {
        const headers = { 'user-agent': this.opts.userAgent ?? 'bydigest', ...req.headers };
        Object.assign(headers, await this.authHeaders(req.scopes, extraScope));
        return (0,undici.request)(url, {
            method: req.method,
            headers,
            body: req.body ? toBody(req.body()) : null,
            dispatcher: this.dispatcher,
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
                    hint: 'set the username/password inputs, or log in first (podman/skopeo/docker login) so an auth file has them',
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
        for (let attempt = 0;; attempt++) {
            let res;
            try {
                if (creds?.kind === 'refresh') {
                    const form = new URLSearchParams({ grant_type: 'refresh_token', refresh_token: creds.refreshToken, client_id: 'bydigest' });
                    if (params.service)
                        form.set('service', params.service);
                    if (scopeStrings.length > 0)
                        form.set('scope', scopeStrings.join(' '));
                    res = await (0,undici.request)(realm, {
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
                    res = await (0,undici.request)(u, { method: 'GET', headers, dispatcher: this.dispatcher });
                }
            }
            catch (e) {
                this.opts.onRequest?.({ method: 'GET', operation, url: realm, status: undefined, attempt, error: String((0,retry/* errorCode */.CA)(e) ?? e) });
                if (attempt < this.retries && (0,retry/* isRetryableError */.$d)(e)) {
                    await (0,retry/* sleep */.yy)((0,retry/* backoffMs */.jo)(attempt, this.backoff.baseMs, this.backoff.maxMs));
                    continue;
                }
                throw new errors/* BydigestError */.W('NETWORK', `${operation} from ${realm} failed: ${describeError(e)}`, { operation, reference, cause: e });
            }
            this.opts.onRequest?.({ method: 'GET', operation, url: realm, status: res.statusCode, attempt });
            if (res.statusCode === 200) {
                const body = (await res.body.json());
                const token = body.token ?? body.access_token;
                if (!token)
                    throw new errors/* BydigestError */.W('UNAUTHORIZED', `token endpoint ${realm} answered without a token`, { operation, reference });
                return { token, expiresInSec: typeof body.expires_in === 'number' && body.expires_in > 0 ? body.expires_in : 60 };
            }
            await res.body.dump();
            if (retry/* RETRYABLE_STATUS */.Uz.has(res.statusCode) && attempt < this.retries) {
                await (0,retry/* sleep */.yy)((0,retry/* backoffMs */.jo)(attempt, this.backoff.baseMs, this.backoff.maxMs));
                continue;
            }
            throw new errors/* BydigestError */.W('UNAUTHORIZED', `${this.host}: the token endpoint refused ${creds ? `the credentials for ${creds.username}` : 'anonymous access'} (HTTP ${res.statusCode})`, { operation, reference, status: res.statusCode, hint: creds ? 'check the username/password or the token scope' : 'set the username/password inputs or log in first' });
        }
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
            e.error = (0,retry/* errorCode */.CA)(error) ?? String(error);
        this.opts.onRequest(e);
    }
}
/** undici takes async iterables at run time; its v6 types do not say so. */
function toBody(body) {
    return body;
}
function isTlsMismatch(e) {
    const code = (0,retry/* errorCode */.CA)(e) ?? '';
    const msg = e instanceof Error ? `${e.message} ${String(e.cause?.message ?? '')}` : '';
    // A plain-HTTP server answers a ClientHello with a 400 (OpenSSL: "wrong version number")
    // or just closes the connection during the handshake.
    return code === 'EPROTO' || code.startsWith('ERR_SSL') || /wrong version number|packet length too long|ssl|before secure TLS connection/i.test(msg);
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
    const code = (0,retry/* errorCode */.CA)(e);
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
    try {
        const text = req.method === 'HEAD' ? '' : (await body.text()).slice(0, 4096);
        if (text) {
            try {
                const parsed = JSON.parse(text);
                detail = (parsed.errors ?? []).map((x) => [x.code, x.message].filter(Boolean).join(': ')).join('; ');
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
        ? 'check that the credentials (username/password inputs or an auth file) may push and pull this repository'
        : undefined;
    void headers;
    return new errors/* BydigestError */.W(code, `${req.operation} ${req.reference}: HTTP ${status}${detail ? ` (${detail})` : ''}`, {
        operation: req.operation,
        reference: req.reference,
        status,
        ...(hint ? { hint } : {}),
    });
}

// EXTERNAL MODULE: ./packages/core/src/oci/manifest.ts
var manifest = __webpack_require__(389);
// EXTERNAL MODULE: ./packages/core/src/oci/media-types.ts
var media_types = __webpack_require__(418);
;// CONCATENATED MODULE: ./packages/core/src/oci/registry.ts








const pull = (r) => [{ repository: r.repository, actions: ['pull'] }];
const push = (r) => [{ repository: r.repository, actions: ['pull', 'push'] }];
/**
 * The registry operations bydigest needs, for any number of registry hosts. Manifests are
 * handled as bytes; every digest is computed over bytes received.
 */
class RegistryClient {
    opts;
    transports = new Map();
    credentials;
    /** Blobs this client saw present (HEAD 200, upload, mount): no need to ask again. */
    knownBlobs = new Set();
    uploading = new Map();
    constructor(opts = {}) {
        this.opts = opts;
        const c = opts.credentials;
        this.credentials = typeof c === 'function' ? c : credentialResolver(c ?? {});
    }
    transport(registry) {
        const host = (0,reference/* apiHost */.nz)(registry);
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
    async retryingBody(read) {
        const retries = this.opts.retries ?? 3;
        for (let attempt = 0;; attempt++) {
            try {
                return await read();
            }
            catch (e) {
                if (attempt >= retries || !isBodyFailure(e))
                    throw e;
                await (0,retry/* sleep */.yy)((0,retry/* backoffMs */.jo)(attempt, 250, 4000));
            }
        }
    }
    async close() {
        await Promise.all([...this.transports.values()].map((t) => t.close()));
        this.transports.clear();
    }
    /** Digest, media type and size of a tag or digest; undefined when the registry has none. */
    async headManifest(ref) {
        const where = (0,reference/* formatReference */.FH)(ref);
        const res = await this.transport(ref.registry).request({
            method: 'HEAD',
            path: `/v2/${ref.repository}/manifests/${manifestRef(ref)}`,
            headers: { accept: media_types/* MANIFEST_ACCEPT */.dY },
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
            throw new errors/* BydigestError */.W('DIGEST_MISMATCH', `HEAD manifest ${where}: registry answered digest ${digest}`, { reference: where });
        }
        return { digest, mediaType: res.headers['content-type'] ?? '', size: Number(res.headers['content-length'] ?? 0) };
    }
    async getManifest(ref) {
        const m = await this.getManifestIfExists(ref);
        if (!m) {
            throw new errors/* BydigestError */.W('NOT_FOUND', `GET manifest ${(0,reference/* formatReference */.FH)(ref)}: not found (HTTP 404)`, {
                operation: 'GET manifest',
                reference: (0,reference/* formatReference */.FH)(ref),
                status: 404,
            });
        }
        return m;
    }
    async getManifestIfExists(ref) {
        return this.retryingBody(() => this.getManifestOnce(ref));
    }
    async getManifestOnce(ref) {
        const where = (0,reference/* formatReference */.FH)(ref);
        const res = await this.transport(ref.registry).request({
            method: 'GET',
            path: `/v2/${ref.repository}/manifests/${manifestRef(ref)}`,
            headers: { accept: media_types/* MANIFEST_ACCEPT */.dY },
            scopes: pull(ref),
            operation: 'GET manifest',
            reference: where,
            accept: (s) => s === 200 || s === 404,
        });
        if (res.status === 404) {
            await res.body.dump();
            return undefined;
        }
        const bytes = await readLimited(res, manifest/* MAX_MANIFEST_BYTES */.ZJ, where);
        const digest = (0,oci_digest/* sha256Digest */.sI)(bytes);
        if (ref.digest && digest !== ref.digest) {
            throw new errors/* BydigestError */.W('DIGEST_MISMATCH', `GET manifest ${where}: the bytes received hash to ${digest}`, { reference: where });
        }
        const header = (res.headers['content-type'] ?? '').split(';')[0]?.trim() ?? '';
        const mediaType = (0,manifest/* detectManifestMediaType */.Th)(bytes) ?? header;
        (0,manifest/* assertManifestMediaType */.G3)(mediaType, `GET manifest ${where}`);
        return { bytes, mediaType, digest };
    }
    /**
     * PUTs the exact bytes with their exact Content-Type under a tag or digest, and checks the
     * registry stored what we sent. Returns the `OCI-Subject` header when the registry sent one
     * (its sign of a referrers API).
     */
    async putManifest(ref, manifest, opts = {}) {
        const where = (0,reference/* formatReference */.FH)(ref);
        const digest = (0,oci_digest/* sha256Digest */.sI)(manifest.bytes);
        if (ref.digest && ref.digest !== digest) {
            throw new errors/* BydigestError */.W('DIGEST_MISMATCH', `PUT manifest ${where}: the bytes hash to ${digest}`, { reference: where });
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
        let res;
        for (let attempt = 0;; attempt++) {
            try {
                res = await send();
                break;
            }
            catch (e) {
                // distribution rewrites a repository's link file on every upload of a blob, so a PUT
                // that checks the link mid-rewrite (another job uploading the same small blob) hears
                // "blob unknown" for a blob that is there. Asking again is safe except for a
                // read-modify-write caller, which reads again instead.
                if (opts.retry === false || attempt >= (this.opts.retries ?? 3) || !isBlobLinkRace(e))
                    throw e;
                await (0,retry/* sleep */.yy)((0,retry/* backoffMs */.jo)(attempt, 100, 1000));
            }
        }
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
            reference: (0,reference/* formatReference */.FH)(ref),
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
        if ((0,oci_digest/* sha256Digest */.sI)(bytes) !== digest)
            throw new errors/* BydigestError */.W('DIGEST_MISMATCH', `GET blob ${where}: content does not match its digest`, { reference: where });
        return bytes;
    }
    /**
     * Uploads a blob unless the repository has it (one HEAD). A failed PUT on an upload
     * session is not retried blindly: the blob may have landed, so HEAD again, then restart.
     */
    async uploadBlob(repo, blob, opts = {}) {
        const known = `${repo.registry}/${repo.repository}@${blob.digest}`;
        if (this.knownBlobs.has(known))
            return 'exists';
        // Callers in parallel (an index's platforms, both signature formats) share one upload of
        // the same blob: concurrent uploads of one digest race inside distribution.
        let inFlight = this.uploading.get(known);
        if (!inFlight) {
            inFlight = this.uploadBlobOnce(repo, blob, opts).finally(() => this.uploading.delete(known));
            this.uploading.set(known, inFlight);
        }
        const outcome = await inFlight;
        this.knownBlobs.add(known);
        return outcome;
    }
    async uploadBlobOnce(repo, blob, opts) {
        if (!opts.skipExistenceCheck && (await this.headBlob(repo, blob.digest)) !== undefined)
            return 'exists';
        const attempts = (this.opts.retries ?? 3) + 1;
        let lastError;
        for (let attempt = 0; attempt < attempts; attempt++) {
            if (attempt > 0 && (await this.headBlob(repo, blob.digest)) !== undefined)
                return 'uploaded';
            let location;
            const mounting = opts.mountFrom && attempt === 0 ? await this.tryMount(repo, blob.digest, opts.mountFrom) : undefined;
            if (mounting?.mounted)
                return 'mounted';
            if (mounting && !mounting.mounted) {
                location = mounting.location;
            }
            else {
                const started = await this.startUpload(repo, blob.digest);
                if (started.mounted)
                    return 'mounted';
                location = started.location;
            }
            try {
                await this.finishUpload(repo, location, blob);
                return 'uploaded';
            }
            catch (e) {
                lastError = e;
                if (e instanceof errors/* BydigestError */.W && (e.code === 'DIGEST_MISMATCH' || e.code === 'UNAUTHORIZED' || e.code === 'INVALID_ARGUMENT'))
                    throw e;
            }
        }
        throw lastError;
    }
    /**
     * A refused mount is not an error: registries answer 202 with an upload session, or, with
     * token auth, 401 when the token may not pull from the other repository. Either way we
     * upload the blob ourselves. Undefined means "no session yet, start a plain one".
     */
    async tryMount(repo, digest, from) {
        try {
            return await this.startUpload(repo, digest, from);
        }
        catch (e) {
            if (e instanceof errors/* BydigestError */.W && e.code === 'UNAUTHORIZED' && e.status !== undefined)
                return undefined;
            throw e;
        }
    }
    async startUpload(repo, digest, mountFrom) {
        const where = repoName(repo);
        const scopes = push(repo);
        let path = `/v2/${repo.repository}/blobs/uploads/`;
        if (mountFrom) {
            scopes.push(...pull(mountFrom));
            path += `?mount=${encodeURIComponent(digest)}&from=${encodeURIComponent(mountFrom.repository)}`;
        }
        const res = await this.transport(repo.registry).request({
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
            throw new errors/* BydigestError */.W('REGISTRY', `start blob upload ${where}: no Location header`, { reference: where, status: res.status });
        return { mounted: false, location: new URL(location, res.url).toString() };
    }
    async finishUpload(repo, location, blob) {
        const where = `${repoName(repo)}@${blob.digest}`;
        const url = new URL(location);
        url.searchParams.set('digest', blob.digest);
        const res = await this.transport(repo.registry).request({
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
    async listTags(repo) {
        const tags = [];
        let path = `/v2/${repo.repository}/tags/list?n=1000`;
        for (let page = 0; path && page < 1000; page++) {
            const res = await this.transport(repo.registry).request({
                method: 'GET',
                path,
                scopes: pull(repo),
                operation: 'list tags',
                reference: repoName(repo),
                accept: (s) => s === 200 || s === 404,
            });
            if (res.status === 404) {
                await res.body.dump();
                return tags;
            }
            const body = (await res.body.json());
            tags.push(...(body.tags ?? []));
            const link = /<([^>]+)>;\s*rel="?next"?/.exec(res.headers.link ?? '');
            path = link ? new URL(link[1], res.url).toString() : undefined;
        }
        return tags;
    }
    /**
     * The referrers API answer for a digest: the index bytes, or undefined when the registry
     * has no such API (distribution 2.8 answers 404 for the route).
     */
    async referrersApi(repo, digest, artifactType) {
        const where = `${repoName(repo)}@${digest}`;
        let path = `/v2/${repo.repository}/referrers/${digest}`;
        if (artifactType)
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
        if (res.status !== 200 || !(res.headers['content-type'] ?? '').includes('application/vnd.oci.image.index.v1+json')) {
            await res.body.dump();
            return undefined;
        }
        const bytes = await readLimited(res, manifest/* MAX_MANIFEST_BYTES */.ZJ, where);
        return { bytes, mediaType: 'application/vnd.oci.image.index.v1+json', digest: (0,oci_digest/* sha256Digest */.sI)(bytes) };
    }
}
/** The transport retries until headers arrive; a body cut short afterwards is retried here. */
function isBodyFailure(e) {
    return (e instanceof errors/* BydigestError */.W && e.code === 'NETWORK') || (!(e instanceof errors/* BydigestError */.W) && (0,retry/* isRetryableError */.$d)(e));
}
/** registry/repository of a RepoRef, also when it is a full reference (a digest or tag would read twice in messages). */
function repoName(repo) {
    return (0,reference/* formatReference */.FH)({ registry: repo.registry, repository: repo.repository });
}
function isBlobLinkRace(e) {
    return e instanceof errors/* BydigestError */.W && e.status === 400 && /MANIFEST_BLOB_UNKNOWN|DIGEST_INVALID/.test(e.message);
}
function manifestRef(ref) {
    if (ref.digest)
        return ref.digest;
    if (ref.tag)
        return ref.tag;
    throw new errors/* BydigestError */.W('INVALID_REFERENCE', `${(0,reference/* formatReference */.FH)(ref)} has neither tag nor digest`);
}
async function readLimited(res, max, where) {
    const declared = Number(res.headers['content-length'] ?? NaN);
    if (declared > max) {
        await res.body.dump();
        throw new errors/* BydigestError */.W('REGISTRY', `${where}: response of ${declared} bytes exceeds the ${max}-byte limit`);
    }
    const chunks = [];
    let total = 0;
    for await (const chunk of res.body) {
        total += chunk.length;
        if (total > max) {
            res.body.destroy();
            throw new errors/* BydigestError */.W('REGISTRY', `${where}: response exceeds the ${max}-byte limit`);
        }
        chunks.push(chunk);
    }
    const bytes = Buffer.concat(chunks);
    if (!Number.isNaN(declared) && declared !== bytes.length) {
        throw new errors/* BydigestError */.W('NETWORK', `${where}: body truncated (${bytes.length} of ${declared} bytes)`);
    }
    return bytes;
}

// EXTERNAL MODULE: ./packages/action-kit/src/inputs.ts
var inputs = __webpack_require__(6587);
;// CONCATENATED MODULE: ./packages/action-kit/src/registry-options.ts



/** Reads and checks the shared registry inputs; secrets are masked before anything can log them. */
function readRegistryInputs() {
    const username = (0,inputs/* rawInput */.JR)('username');
    const password = (0,inputs/* rawInput */.JR)('password');
    const githubToken = (0,inputs/* rawInput */.JR)('github-token');
    if (password)
        core/* setSecret */.Pq(password);
    if (githubToken)
        core/* setSecret */.Pq(githubToken);
    // Checked here, not when a registry first asks for credentials: an anonymous registry never
    // asks, and the mistake would pass unnoticed until the registry requires a login.
    if (username && !password)
        throw new inputs/* InputError */.dz('username', 'is given without password', 'set both, or neither to use an auth file');
    if (password && !username)
        throw new inputs/* InputError */.dz('password', 'is given without username', 'set both, or neither to use an auth file');
    return {
        ...(username ? { username } : {}),
        ...(password ? { password } : {}),
        ...(githubToken ? { githubToken } : {}),
        retries: (0,inputs/* integerInput */.$A)('retries', 3, { min: 0, max: 10 }),
        insecure: (0,inputs/* booleanInput */.tE)('insecure', false),
    };
}
/** A registry client for the shared inputs. */
function registryClient(inputs, extra = {}) {
    // Not an input: a knob for fault tests and slow registries, read from the environment.
    const timeoutMs = Number(process.env.BYDIGEST_HTTP_TIMEOUT_MS ?? '') || undefined;
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


/***/ }),

/***/ 836:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Lo: () => (/* binding */ verifyPayload),
/* harmony export */   cM: () => (/* binding */ signPayload),
/* harmony export */   zS: () => (/* binding */ checkPayloadSignature)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _base64_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9075);


/** ECDSA P-256 over SHA-256 of the exact payload bytes, ASN.1 DER, standard base64: what cosign writes. */
function signPayload(key, payload) {
    return (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.sign)('sha256', payload, { key: key.privateKey, dsaEncoding: 'der' }).toString('base64');
}
function verifierFor(publicKey) {
    switch (publicKey.asymmetricKeyType) {
        case 'ec':
            return {
                verify: (data, sig) => (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.verify)('sha256', data, { key: publicKey, dsaEncoding: 'der' }, sig),
                failure: 'invalid signature when validating ASN.1 encoded signature',
            };
        case 'rsa':
            return {
                verify: (data, sig) => (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.verify)('sha256', data, { key: publicKey, padding: node_crypto__WEBPACK_IMPORTED_MODULE_0__.constants.RSA_PKCS1_PADDING }, sig),
                failure: 'crypto/rsa: verification error',
            };
        case 'ed25519':
            return { verify: (data, sig) => (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.verify)(null, data, publicKey, sig), failure: 'failed to verify signature' };
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
        return { valid: false, reason: `creating verifier: unsupported public key type ${publicKey.asymmetricKeyType ?? publicKey.type}` };
    }
    const decoded = (0,_base64_js__WEBPACK_IMPORTED_MODULE_1__/* .decodeStdBase64 */ .t)(signatureBase64);
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
    return ok ? { valid: true } : { valid: false, reason: `cryptographic signature verification failed: ${verifier.failure}` };
}
function verifyPayload(publicKey, payload, signatureBase64) {
    return checkPayloadSignature(publicKey, payload, signatureBase64).valid;
}


/***/ }),

/***/ 4276:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   m: () => (/* binding */ parseDigest),
/* harmony export */   q9: () => (/* binding */ isSha256Digest),
/* harmony export */   sI: () => (/* binding */ sha256Digest),
/* harmony export */   sU: () => (/* binding */ digestHex)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(637);


const DIGEST_RE = /^([a-z0-9]+(?:[.+_-][a-z0-9]+)*):([a-zA-Z0-9=_-]+)$/;
function sha256Digest(bytes) {
    return `sha256:${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(bytes).digest('hex')}`;
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
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .BydigestError */ .W('INVALID_ARGUMENT', `${JSON.stringify(short(value))} is not a digest (expected sha256:<64 hex>)`);
    }
    const [, algorithm, hex] = m;
    if (algorithm !== 'sha256') {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .BydigestError */ .W('INVALID_ARGUMENT', `unsupported digest algorithm ${JSON.stringify(algorithm)} (only sha256 is supported)`);
    }
    if (!/^[a-f0-9]+$/.test(hex)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .BydigestError */ .W('INVALID_ARGUMENT', `digest hex must be lower-case hexadecimal: ${JSON.stringify(short(value))}`);
    }
    if (hex.length !== 64) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .BydigestError */ .W('INVALID_ARGUMENT', `sha256 digest must have 64 hex characters, got ${hex.length}: ${JSON.stringify(short(value))}`);
    }
    return value;
}
function digestHex(digest) {
    return parseDigest(digest).slice('sha256:'.length);
}
function short(v) {
    return v.length > 90 ? `${v.slice(0, 90)}…` : v;
}


/***/ }),

/***/ 4405:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $d: () => (/* binding */ isRetryableError),
/* harmony export */   CA: () => (/* binding */ errorCode),
/* harmony export */   Uz: () => (/* binding */ RETRYABLE_STATUS),
/* harmony export */   Vs: () => (/* binding */ retryAfterMs),
/* harmony export */   jo: () => (/* binding */ backoffMs),
/* harmony export */   yy: () => (/* binding */ sleep)
/* harmony export */ });
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


/***/ }),

/***/ 389:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   G3: () => (/* binding */ assertManifestMediaType),
/* harmony export */   Th: () => (/* binding */ detectManifestMediaType),
/* harmony export */   ZJ: () => (/* binding */ MAX_MANIFEST_BYTES),
/* harmony export */   vW: () => (/* binding */ parseManifestJson)
/* harmony export */ });
/* unused harmony export referencedBlobs */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(637);
/* harmony import */ var _media_types_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(418);


/** Manifests above this are refused: no registry accepts them and they would only cost memory. */
const MAX_MANIFEST_BYTES = 4 * 1024 * 1024;
function parseManifestJson(m, where) {
    let doc;
    try {
        doc = JSON.parse(m.bytes.toString('utf8'));
    }
    catch {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .BydigestError */ .W('REGISTRY', `${where}: manifest ${m.digest} is not valid JSON`);
    }
    if (!doc || typeof doc !== 'object')
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .BydigestError */ .W('REGISTRY', `${where}: manifest ${m.digest} is not a JSON object`);
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
            return _media_types_js__WEBPACK_IMPORTED_MODULE_1__/* .MediaType */ .zu.OciIndex;
        if (doc.config)
            return _media_types_js__WEBPACK_IMPORTED_MODULE_1__/* .MediaType */ .zu.OciManifest;
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
    if (!(0,_media_types_js__WEBPACK_IMPORTED_MODULE_1__/* .isManifestMediaType */ .CM)(mediaType)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .BydigestError */ .W('REGISTRY', `${where}: unsupported manifest media type ${JSON.stringify(mediaType)}`, {
            hint: 'only OCI and Docker v2 schema 2 manifests and indexes are supported',
        });
    }
}


/***/ }),

/***/ 418:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $$: () => (/* binding */ isIndexMediaType),
/* harmony export */   $v: () => (/* binding */ EMPTY_CONFIG),
/* harmony export */   CM: () => (/* binding */ isManifestMediaType),
/* harmony export */   dY: () => (/* binding */ MANIFEST_ACCEPT),
/* harmony export */   zu: () => (/* binding */ MediaType)
/* harmony export */ });
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
    return (mediaType === MediaType.OciManifest ||
        mediaType === MediaType.DockerManifest ||
        isIndexMediaType(mediaType));
}
/** The empty JSON blob OCI 1.1 artifacts use as config; it must still be uploaded. */
const EMPTY_CONFIG = {
    mediaType: MediaType.OciEmpty,
    digest: 'sha256:44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a',
    size: 2,
    bytes: Buffer.from('{}'),
};


/***/ }),

/***/ 8515:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Dn: () => (/* binding */ parseDigestReference),
/* harmony export */   F2: () => (/* binding */ parseReference),
/* harmony export */   FH: () => (/* binding */ formatReference),
/* harmony export */   RB: () => (/* binding */ sameRepository),
/* harmony export */   Rd: () => (/* binding */ withTag),
/* harmony export */   aR: () => (/* binding */ repositoryName),
/* harmony export */   cW: () => (/* binding */ isLoopbackHost),
/* harmony export */   hQ: () => (/* binding */ withDigest),
/* harmony export */   nz: () => (/* binding */ apiHost),
/* harmony export */   r_: () => (/* binding */ isValidTag)
/* harmony export */ });
/* unused harmony exports DOCKER_HUB, parseRepository */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(637);
/* harmony import */ var _digest_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4276);


const DOCKER_HUB = 'docker.io';
const COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const TAG = /^[\w][\w.-]{0,127}$/;
const HOST = /^(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*|\[[0-9a-fA-F:.]+\])(?::\d{1,5})?$/;
function invalid(input, why, hint) {
    const shown = input.length > 120 ? `${input.slice(0, 120)}…` : input;
    return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .BydigestError */ .W('INVALID_REFERENCE', `invalid image reference ${JSON.stringify(shown)}: ${why}`, hint ? { hint } : {});
}
/**
 * Parses `[registry/]repo[:tag][@sha256:…]` the way distribution/reference does, with
 * Docker Hub normalisation (`busybox` → `docker.io/library/busybox`).
 */
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
            digest = (0,_digest_js__WEBPACK_IMPORTED_MODULE_1__/* .parseDigest */ .m)(rest.slice(at + 1));
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
    if (parts.length > 1 && (first.includes('.') || first.includes(':') || first === 'localhost' || first.startsWith('['))) {
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
    const host = hostWithPort.startsWith('[') ? hostWithPort.slice(1, hostWithPort.indexOf(']')) : hostWithPort.replace(/:\d+$/, '');
    return host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);
}


/***/ })

};
