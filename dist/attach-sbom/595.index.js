export const id = 595;
export const ids = [595];
export const modules = {

/***/ 1595:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   readInputs: () => (/* binding */ readInputs)
/* harmony export */ });
/* harmony import */ var _bydigest_core__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8515);
/* harmony import */ var _bydigest_core__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(6150);
/* harmony import */ var _bydigest_action_kit__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6587);
/* harmony import */ var _bydigest_action_kit__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2542);
/* harmony import */ var _bydigest_action_kit__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8120);


/** Every input, checked before the first request (the key's password waits for scrypt). */
async function readInputs(pendingKey) {
    const image = (0,_bydigest_action_kit__WEBPACK_IMPORTED_MODULE_0__/* .parseInput */ .CU)('image-ref', _bydigest_core__WEBPACK_IMPORTED_MODULE_1__/* .parseDigestReference */ .Dn, { required: true });
    const sbom = (0,_bydigest_action_kit__WEBPACK_IMPORTED_MODULE_0__/* .requiredInput */ .YF)('sbom', 'the path of the SBOM file written by generate-sbom, syft or your SBOM tool');
    const mode = (0,_bydigest_action_kit__WEBPACK_IMPORTED_MODULE_0__/* .choiceInput */ .ij)('referrers', ['auto', 'api', 'tag'], 'auto');
    const annotations = (0,_bydigest_action_kit__WEBPACK_IMPORTED_MODULE_0__/* .keyValueInput */ .Bb)('annotations');
    const sign = (0,_bydigest_action_kit__WEBPACK_IMPORTED_MODULE_0__/* .booleanInput */ .tE)('sign', true);
    const artifactType = (0,_bydigest_action_kit__WEBPACK_IMPORTED_MODULE_0__/* .rawInput */ .JR)('artifact-type') || undefined;
    const registry = (0,_bydigest_action_kit__WEBPACK_IMPORTED_MODULE_2__/* .readRegistryInputs */ .rS)();
    if (sign && pendingKey)
        await (0,_bydigest_action_kit__WEBPACK_IMPORTED_MODULE_3__/* .keyInputChecked */ .n)(pendingKey);
    return {
        image,
        sbom,
        ...(artifactType ? { artifactType } : {}),
        referrers: mode === 'auto' ? (0,_bydigest_core__WEBPACK_IMPORTED_MODULE_4__/* .defaultReferrersMode */ .zB)(image.registry) : mode,
        annotations,
        sign: sign && pendingKey !== undefined,
        registry,
    };
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
// EXTERNAL MODULE: ./packages/core/src/signer/pending-key.ts + 12 modules
var pending_key = __webpack_require__(6316);
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
