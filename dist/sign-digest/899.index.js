export const id = 899;
export const ids = [899];
export const modules = {

/***/ 7899:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  readInputs: () => (/* binding */ readInputs)
});

// EXTERNAL MODULE: ./packages/core/src/oci/reference.ts
var reference = __webpack_require__(8515);
// EXTERNAL MODULE: ./packages/core/src/errors.ts
var errors = __webpack_require__(637);
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
            const ref = (0,reference/* parseReference */.F2)(entry);
            if (ref.digest !== undefined)
                throw new errors/* BydigestError */.W('INVALID_ARGUMENT', `${JSON.stringify(entry)} is a digest reference, not a tag`);
            if (ref.tag === undefined)
                throw new errors/* BydigestError */.W('INVALID_ARGUMENT', `${JSON.stringify(entry)} has no tag`);
            if (!(0,reference/* sameRepository */.RB)(ref, repo)) {
                throw new errors/* BydigestError */.W('INVALID_ARGUMENT', `${JSON.stringify(entry)} is not in repository ${(0,reference/* formatReference */.FH)(repo)}`, {
                    hint: 'list tags of the `image` repository only',
                });
            }
            tag = ref.tag;
        }
        else {
            if (!(0,reference/* isValidTag */.r_)(entry)) {
                throw new errors/* BydigestError */.W('INVALID_ARGUMENT', `${JSON.stringify(entry.length > 80 ? `${entry.slice(0, 80)}…` : entry)} is not a valid tag (letters, digits, _ . -; at most 128; not starting with . or -)`);
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

// EXTERNAL MODULE: ./packages/action-kit/src/inputs.ts
var inputs = __webpack_require__(6587);
// EXTERNAL MODULE: ./packages/action-kit/src/registry-options.ts + 5 modules
var registry_options = __webpack_require__(2542);
// EXTERNAL MODULE: ./packages/action-kit/src/signing-key.ts + 1 modules
var signing_key = __webpack_require__(8120);
;// CONCATENATED MODULE: ./actions/sign-digest/src/inputs.ts


/**
 * Reads every input and checks the key input is well-formed (its password is checked by scrypt,
 * later): every mistake a user can make in `with:` fails here, before any request.
 */
async function readInputs(pendingKey) {
    const image = (0,inputs/* parseInput */.CU)('image-ref', reference/* parseDigestReference */.Dn, { required: true });
    const format = (0,inputs/* choiceInput */.ij)('format', ['legacy', 'bundle', 'both'], 'legacy');
    const identity = (0,inputs/* choiceInput */.ij)('identity', ['repository', 'tags'], 'repository');
    const recursive = (0,inputs/* booleanInput */.tE)('recursive', true);
    const annotations = (0,inputs/* keyValueInput */.Bb)('annotations');
    const annotateGithub = (0,inputs/* booleanInput */.tE)('annotate-github', false);
    const tagEntries = (0,inputs/* listInput */.dt)('tags');
    if (identity === 'tags' && tagEntries.length === 0) {
        throw new inputs/* InputError */.dz('tags', 'is empty but identity is tags', 'list the tags the image is published under, or use identity: repository');
    }
    const tags = (0,inputs/* parseInput */.CU)('tags', () => parseTagList(image, tagEntries)) ?? [];
    const identities = identity === 'repository' ? [(0,reference/* repositoryName */.aR)(image)] : tags.map((t) => `${(0,reference/* repositoryName */.aR)(image)}:${t}`);
    const registry = (0,registry_options/* readRegistryInputs */.rS)();
    await (0,signing_key/* keyInputChecked */.n)(pendingKey);
    return { image, format, identities, recursive, annotations, annotateGithub, registry };
}


/***/ }),

/***/ 8120:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  n: () => (/* binding */ keyInputChecked),
  G: () => (/* binding */ keyInputSigner)
});

// EXTERNAL MODULE: ./packages/core/src/cosign/signature.ts
var signature = __webpack_require__(836);
// EXTERNAL MODULE: ./packages/core/src/signer/pending-key.ts + 11 modules
var pending_key = __webpack_require__(421);
;// CONCATENATED MODULE: ./packages/core/src/signer/key-signer.ts


/** Signs with a cosign key file's key; the public key is the verification material. */
class KeySigner {
    pending;
    constructor(key) {
        this.pending = key instanceof pending_key/* PendingKey */.x ? key : pending_key/* PendingKey */.x.of(key);
    }
    async ready() {
        await this.pending.key();
    }
    async sign(payload) {
        const key = await this.pending.key();
        return { signature: (0,signature/* signPayload */.cM)(key, payload), material: keyMaterial(key) };
    }
}
function keyMaterial(key) {
    return { kind: 'public-key', publicKey: key.publicKey, publicKeyPem: key.publicKeyPem, keyId: key.keyId };
}

// EXTERNAL MODULE: ./packages/action-kit/src/inputs.ts
var inputs = __webpack_require__(6587);
;// CONCATENATED MODULE: ./packages/action-kit/src/signing-key.ts


const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** The password variable's name, checked: a bad one is this input's fault, not the key's. */
function passwordEnvName() {
    const name = (0,inputs/* rawInput */.JR)('password-env') || 'COSIGN_PASSWORD';
    if (name.length > 256)
        throw new inputs/* InputError */.dz('password-env', `is ${name.length} characters long: not a variable name`, 'e.g. COSIGN_PASSWORD');
    if (!ENV_NAME.test(name))
        throw new inputs/* InputError */.dz('password-env', `${JSON.stringify((0,inputs/* truncate */.xv)(name))} is not an environment variable name`, 'e.g. COSIGN_PASSWORD');
    return name;
}
/** A key error names the input to fix: password-env for a wrong password, else key. */
function keyInputError(e) {
    if (e instanceof inputs/* InputError */.dz)
        return e;
    const err = e;
    const input = err.code === 'KEY' && /wrong password/.test(err.message) ? 'password-env' : 'key';
    return new inputs/* InputError */.dz(input, err.message, err.hint);
}
function maskKeyInputs() {
    const spec = (0,inputs/* rawInput */.JR)('key') || 'env://COSIGN_PRIVATE_KEY';
    if (spec.startsWith('env://'))
        (0,inputs/* maskEnvSecret */.kR)(spec.slice('env://'.length));
    (0,inputs/* maskEnvSecret */.kR)(passwordEnvName());
}
/**
 * Masks the key and password variables before anything can print them and waits until the key
 * input is read and parsed (not for scrypt): call it before the first registry write, so a
 * malformed key input fails the step with nothing written.
 */
async function keyInputChecked(pending) {
    maskKeyInputs();
    try {
        await pending.parsed();
    }
    catch (e) {
        throw keyInputError(e);
    }
}
/** The key inputs' signer: its errors name the `with:` input to fix (key or password-env). */
function keyInputSigner(pending) {
    const signer = new KeySigner(pending);
    const named = (p) => p.catch((e) => Promise.reject(keyInputError(e)));
    return {
        ready: () => named(signer.ready()),
        sign: (payload) => named(signer.sign(payload)),
        publicKeyPem: () => named(pending.key().then((k) => k.publicKeyPem)),
    };
}


/***/ })

};
