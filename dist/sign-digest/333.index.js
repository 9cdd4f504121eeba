export const id = 333;
export const ids = [333];
export const modules = {

/***/ 3333:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  run: () => (/* binding */ run)
});

// UNUSED EXPORTS: GITHUB_ANNOTATIONS

// EXTERNAL MODULE: ./packages/core/src/errors.ts
var errors = __webpack_require__(637);
// EXTERNAL MODULE: ./packages/core/src/oci/digest.ts
var digest = __webpack_require__(4276);
// EXTERNAL MODULE: ./packages/core/src/oci/media-types.ts
var media_types = __webpack_require__(418);
// EXTERNAL MODULE: ./packages/core/src/oci/manifest.ts
var oci_manifest = __webpack_require__(389);
// EXTERNAL MODULE: ./packages/core/src/oci/reference.ts
var reference = __webpack_require__(8515);
;// CONCATENATED MODULE: ./packages/core/src/oci/platforms.ts




/**
 * The manifests an index lists, in its order; none for an image manifest. containers/image
 * checks the policy on the index and again on the platform manifest it pulls, each against its
 * own `.sig`, so signing, verifying and copying signatures all walk this same list.
 */
function platformManifests(manifest, reference) {
    if (!(0,media_types/* isIndexMediaType */.$$)(manifest.mediaType))
        return [];
    const index = (0,oci_manifest/* parseManifestJson */.vW)(manifest, reference);
    return (index.manifests ?? []).map((d) => ({
        digest: d.digest,
        platform: d.platform ? [d.platform.os, d.platform.architecture, d.platform.variant].filter(Boolean).join('/') : 'unknown platform',
    }));
}
/** GETs `image` by digest; a missing manifest is an error that says which digest to use. */
async function getSubjectManifest(client, image, hint) {
    const manifest = await client.getManifestIfExists(image);
    if (!manifest) {
        throw new errors/* BydigestError */.W('NOT_FOUND', `${(0,reference/* formatReference */.FH)(image)} does not exist in the registry`, {
            operation: 'GET manifest',
            reference: (0,reference/* formatReference */.FH)(image),
            status: 404,
            hint,
        });
    }
    return manifest;
}

// EXTERNAL MODULE: ./packages/core/src/oci/http/retry.ts
var retry = __webpack_require__(4405);
;// CONCATENATED MODULE: ./packages/core/src/oci/settle.ts


/**
 * Read-modify-write on a registry tag without compare-and-swap (distribution ignores
 * If-Match). After our write we keep re-reading until the tag has been quiet for longer
 * than a read-modify-write takes (4x ours, at least minQuietMs): a writer that read before
 * our write has then either written (and we see whether our entry survived) or cannot
 * write any more from its stale read. When another writer shows up, the window grows to
 * contendedQuietMs and restarts at each change. Cost without contention: the quiet window
 * and two or three GETs; none when the entry was already there and nothing was written.
 */
async function appendUntilSettled(op, opts = {}) {
    const minQuiet = opts.minQuietMs ?? 150;
    const maxQuiet = opts.maxQuietMs ?? 3000;
    const contendedQuiet = opts.contendedQuietMs ?? 1000;
    const maxRounds = opts.maxRounds ?? 12;
    const deadline = Date.now() + (opts.timeoutMs ?? 60_000);
    const maxStale = opts.maxStaleMs ?? minQuiet;
    let writes = 0;
    let failedWrites = 0;
    let attempted = false;
    let announced = false;
    let contended = false;
    for (let round = 1; round <= maxRounds; round++) {
        const started = Date.now();
        let state = await op.read();
        const readAt = Date.now();
        if (!op.satisfied(state)) {
            state = await op.merge(state);
            // Slow preparation (a blob upload that was retried) makes the read stale: read again; the
            // prepared blobs are in place now, so the next merge is quick.
            if (Date.now() - readAt > Math.max(maxStale, 2 * (readAt - started)) && round < maxRounds)
                continue;
            attempted = true;
            try {
                await op.write(state);
            }
            catch (e) {
                // The write may or may not have landed (a reset after the body): the next read tells.
                if (!isTransient(e) || round >= maxRounds || Date.now() > deadline)
                    throw e;
                await (0,retry/* sleep */.yy)((0,retry/* backoffMs */.jo)(failedWrites++, 250, 4000));
                continue;
            }
            writes++;
        }
        const rmwMs = Date.now() - started;
        if (op.contended?.())
            contended = true;
        if (!announced) {
            announced = true;
            opts.onInPlace?.();
        }
        // Nothing written (not even a write that failed but may have landed), nothing of ours at
        // stake: the entry was there before this read, so a writer that read after it appeared
        // keeps it, and one that read earlier is the concern of whoever wrote it (their window).
        if (!attempted && !contended)
            return { rounds: round, writes, contended };
        let quietMs = Math.min(maxQuiet, Math.max(minQuiet, 4 * rmwMs));
        if (contended)
            quietMs = Math.max(quietMs, contendedQuiet);
        let last = op.fingerprint(state);
        let quietSince = Date.now();
        let lost = false;
        while (Date.now() - quietSince < quietMs) {
            if (Date.now() > deadline)
                break;
            await (0,retry/* sleep */.yy)(Math.max(10, Math.min(quietMs / 3, quietMs - (Date.now() - quietSince))));
            const seen = await op.read();
            const fp = op.fingerprint(seen);
            if (fp !== last) {
                // Someone else wrote: keep watching until they are done.
                contended = true;
                quietMs = Math.max(quietMs, contendedQuiet);
                last = fp;
                quietSince = Date.now();
            }
            if (!op.satisfied(seen)) {
                lost = true;
                break;
            }
        }
        if (!lost)
            return { rounds: round, writes, contended };
        if (Date.now() > deadline)
            break;
        // Back off a little, with jitter, so racing writers do not keep colliding in lockstep.
        await (0,retry/* sleep */.yy)(20 + Math.random() * 80 * round);
    }
    throw new errors/* BydigestError */.W('CONFLICT', `${op.what}: other writers kept overwriting it; our entry is not there after ${maxRounds} attempts`, {
        hint: 'another job may be writing to the same tag in a loop; re-run this step',
    });
}
/**
 * A failure worth reading the state again for: the connection broke, a 408/429/5xx answer,
 * or distribution's blob-link race (it rewrites a repository's link file on every upload of
 * a blob, so a manifest PUT that reads it mid-rewrite, while another job uploads the same
 * payload, is told the blob is unknown although it is there).
 */
function isTransient(e) {
    if (!(e instanceof errors/* BydigestError */.W))
        return false;
    if (e.status === 400 && /MANIFEST_BLOB_UNKNOWN|DIGEST_INVALID/.test(e.message))
        return true;
    return e.code === 'NETWORK' || (e.status !== undefined && retry/* RETRYABLE_STATUS */.Uz.has(e.status));
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

// EXTERNAL MODULE: ./packages/core/src/cosign/constants.ts
var constants = __webpack_require__(4203);
;// CONCATENATED MODULE: ./packages/core/src/util/paranoid-json.ts
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

;// CONCATENATED MODULE: ./packages/core/src/cosign/go-json.ts
/**
 * JSON text as Go's encoding/json.Marshal writes it, so payloads and .sig manifests are the bytes
 * cosign would write: struct fields in declaration order (the caller lists them), map keys sorted
 * bytewise, and Go's escaping (<, >, & and U+2028/9 escaped; \b \f \n \r \t short forms).
 */
/** A Go struct: fields in order; undefined values are left out (`omitempty`). Values are JSON text. */
function goStruct(fields) {
    const parts = [];
    for (const [name, json] of fields)
        if (json !== undefined)
            parts.push(`${goString(name)}:${json}`);
    return `{${parts.join(',')}}`;
}
/** A Go map or interface{} value: objects get their keys sorted, as Go sorts map keys. */
function goValue(value) {
    if (value === null)
        return 'null';
    if (typeof value === 'string')
        return goString(value);
    if (typeof value === 'boolean')
        return value ? 'true' : 'false';
    if (typeof value === 'number') {
        if (!Number.isFinite(value))
            throw new TypeError(`json: unsupported value: ${value}`);
        // JavaScript's shortest round-trip form matches Go's float64 encoding, exponent thresholds included.
        return Object.is(value, -0) ? '-0' : String(value);
    }
    if (Array.isArray(value))
        return `[${value.map(goValue).join(',')}]`;
    const obj = value;
    const keys = Object.keys(obj).sort(compareBytewise);
    return `{${keys.map((k) => `${goString(k)}:${goValue(obj[k])}`).join(',')}}`;
}
/** Go sorts map keys by their UTF-8 bytes; JavaScript's default sort compares UTF-16 units. */
function compareBytewise(a, b) {
    return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}
const SHORT_ESCAPES = { '"': '\\"', '\\': '\\\\', '\b': '\\b', '\f': '\\f', '\n': '\\n', '\r': '\\r', '\t': '\\t' };
function goString(s) {
    let out = '"';
    for (let i = 0; i < s.length; i++) {
        const ch = s[i];
        const code = s.charCodeAt(i);
        const short = SHORT_ESCAPES[ch];
        if (short)
            out += short;
        else if (code < 0x20 || ch === '<' || ch === '>' || ch === '&' || code === 0x2028 || code === 0x2029)
            out += `\\u${code.toString(16).padStart(4, '0')}`;
        else if (code >= 0xd800 && code <= 0xdbff && i + 1 < s.length && isLowSurrogate(s.charCodeAt(i + 1))) {
            out += ch + s[i + 1];
            i++;
        }
        else if (code >= 0xd800 && code <= 0xdfff)
            out += '\\ufffd'; // a lone surrogate is invalid UTF-8 to Go
        else
            out += ch;
    }
    return `${out}"`;
}
function isLowSurrogate(code) {
    return code >= 0xdc00 && code <= 0xdfff;
}

;// CONCATENATED MODULE: ./packages/core/src/cosign/payload.ts
/**
 * The simple-signing payload cosign signs for the legacy `.sig` format, and the strict reading of
 * it that containers/image (podman, skopeo, bootc) applies before it trusts a signature.
 */






/** The payload bytes exactly as cosign writes them: compact, Go field order, no trailing newline. */
function simpleSigningPayload(input) {
    if (!input.dockerReference) {
        throw new errors/* BydigestError */.W('INVALID_ARGUMENT', 'the docker-reference of a signature payload is empty', {
            hint: 'Pass the image repository, e.g. ghcr.io/owner/image.',
        });
    }
    if (!/^sha256:[a-f0-9]{64}$/.test(input.manifestDigest)) {
        throw new errors/* BydigestError */.W('INVALID_ARGUMENT', `the manifest digest to sign must be sha256:<64 lower-case hex>, got ${JSON.stringify(input.manifestDigest)}`, {
            hint: 'Sign by digest: take the digest from capture-digest or from the registry.',
        });
    }
    const optional = input.optional ?? null;
    if (optional !== null)
        checkOptional(optional);
    const critical = goStruct([
        ['identity', goStruct([['docker-reference', goString(input.dockerReference)]])],
        ['image', goStruct([['docker-manifest-digest', goString(input.manifestDigest)]])],
        ['type', goString(constants/* SIGNATURE_TYPE */.uf)],
    ]);
    return Buffer.from(goStruct([['critical', critical], ['optional', goValue(optional)]]));
}
/** Refuse annotations containers/image would reject, so we never sign a payload it cannot read. */
function checkOptional(optional) {
    const { creator, timestamp } = optional;
    if (creator !== undefined && typeof creator !== 'string') {
        throw new errors/* BydigestError */.W('INVALID_ARGUMENT', 'the "creator" annotation must be a string: containers/image rejects any other type');
    }
    if (timestamp !== undefined && !(typeof timestamp === 'number' && Number.isSafeInteger(timestamp))) {
        throw new errors/* BydigestError */.W('INVALID_ARGUMENT', 'the "timestamp" annotation must be an integer (Unix seconds): containers/image rejects any other value');
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
        throw invalid(e.message);
    }
    let critical = { kind: 'null' };
    let optional = { kind: 'null' };
    exactFields(root, { critical: (v) => (critical = v), optional: (v) => (optional = v) });
    const result = { dockerReference: '', manifestDigest: '', optional: null };
    // cosign writes "optional": null when there are no annotations.
    if (optional.kind !== 'null') {
        let timestamp;
        paranoidObject(optional, (key) => {
            if (key === 'creator')
                return (v) => (result.creator = decodeString(v));
            if (key === 'timestamp')
                return (v) => (timestamp = decodeFloat(v));
            return () => { };
        });
        if (timestamp !== undefined) {
            // Verbatim, typo included, so the message matches what skopeo and podman print.
            if (!Number.isInteger(timestamp) || timestamp < -(2 ** 63) || timestamp >= 2 ** 63)
                throw invalid('Field optional.timestamp is not is not an integer');
            result.timestamp = timestamp;
        }
        result.optional = toPlain(optional);
    }
    let type = '';
    let image = { kind: 'null' };
    let identity = { kind: 'null' };
    exactFields(critical, { type: (v) => (type = decodeString(v)), image: (v) => (image = v), identity: (v) => (identity = v) });
    if (type !== SIGNATURE_TYPE)
        throw invalid(`Unrecognized signature type ${type}`);
    let digest = '';
    exactFields(image, { 'docker-manifest-digest': (v) => (digest = decodeString(v)) });
    const digestError = goDigestError(digest);
    if (digestError)
        throw invalid(`invalid docker-manifest-digest value ${JSON.stringify(digest)}: ${digestError}`);
    result.manifestDigest = digest;
    exactFields(identity, { 'docker-reference': (v) => (result.dockerReference = decodeString(v)) });
    return result;
}
function invalid(message) {
    return new errors/* BydigestError */.W('SIGNATURE', message, {
        hint: 'The signature payload is not one containers/image accepts; re-sign the image with bydigest sign-digest or cosign sign.',
    });
}
// Every decoding failure is an invalid payload, so it carries the re-sign hint.
const { paranoidObject, exactFields, goString: decodeString, goFloat64: decodeFloat } = paranoidJsonReader(invalid);

// EXTERNAL MODULE: ./packages/core/src/cosign/signature.ts
var cosign_signature = __webpack_require__(836);
;// CONCATENATED MODULE: ./packages/core/src/cosign/sig-manifest.ts





const SHA256 = /^sha256:[a-f0-9]{64}$/;
const CREATED = '0001-01-01T00:00:00Z';
/** The tag cosign and containers/image look up for an image's legacy signatures. */
function signatureTag(manifestDigest) {
    if (!SHA256.test(manifestDigest)) {
        throw new errors/* BydigestError */.W('INVALID_ARGUMENT', `a signature tag needs a manifest digest sha256:<64 lower-case hex>, got ${JSON.stringify(manifestDigest)}`);
    }
    return `sha256-${manifestDigest.slice('sha256:'.length)}.sig`;
}
/** A layer carrying `payload` and its base64 signature, plus optional cosign annotations (bundle, certificate…). */
function signatureLayer(payload, signatureBase64, extraAnnotations = {}) {
    return {
        mediaType: constants/* SIMPLE_SIGNING_MEDIA_TYPE */.$r,
        size: payload.length,
        digest: (0,digest/* sha256Digest */.sI)(payload),
        annotations: { ...extraAnnotations, [constants/* SIGNATURE_ANNOTATION */.ZB]: signatureBase64 },
    };
}
/**
 * The config blob cosign writes: empty image fields, one history entry and one diff_id per layer
 * (the layers are uncompressed, so a diff_id is the layer digest). Neither cosign nor containers/image reads it.
 */
function sigConfigBytes(layers) {
    if (layers.length === 0)
        throw new errors/* BydigestError */.W('INVALID_ARGUMENT', 'a signature manifest needs at least one layer');
    const history = layers.map(() => goStruct([['created', goString(CREATED)]]));
    const diffIds = layers.map((l) => goString(l.digest));
    return Buffer.from(goStruct([
        ['architecture', goString('')],
        ['created', goString(CREATED)],
        ['history', `[${history.join(',')}]`],
        ['os', goString('')],
        ['rootfs', goStruct([['type', goString('layers')], ['diff_ids', `[${diffIds.join(',')}]`]])],
        ['config', '{}'],
    ]));
}
/** A complete .sig manifest (and its config) for these layers, in order. */
function buildSigManifest(layers, extra = {}) {
    const configBytes = sigConfigBytes(layers);
    const config = { mediaType: constants/* OCI_CONFIG_MEDIA_TYPE */.rm, size: configBytes.length, digest: (0,digest/* sha256Digest */.sI)(configBytes) };
    const manifestBytes = Buffer.from(goStruct([
        ['schemaVersion', '2'],
        ['mediaType', goString(constants/* OCI_MANIFEST_MEDIA_TYPE */.k_)],
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
    if (!isRecord(doc))
        throw malformed('not a JSON object');
    if (doc.schemaVersion !== 2)
        throw malformed(`schemaVersion is ${JSON.stringify(doc.schemaVersion)}, expected 2`);
    const mediaType = doc.mediaType;
    if (mediaType !== undefined && typeof mediaType !== 'string')
        throw malformed('mediaType is not a string');
    if (mediaType !== undefined && mediaType !== constants/* OCI_MANIFEST_MEDIA_TYPE */.k_ && mediaType !== constants/* DOCKER_MANIFEST_MEDIA_TYPE */.ZC) {
        throw malformed(`it is a ${mediaType}, not an image manifest`);
    }
    if (!Array.isArray(doc.layers))
        throw malformed('"layers" is missing or not an array');
    const layers = doc.layers.map((l, i) => {
        const d = parseDescriptor(l, `layers[${i}]`);
        const annotations = d.annotations ?? {};
        return { ...d, annotations, signature: annotations[constants/* SIGNATURE_ANNOTATION */.ZB], isSimpleSigning: d.mediaType === constants/* SIMPLE_SIGNING_MEDIA_TYPE */.$r };
    });
    const parsed = { mediaType, config: parseDescriptor(doc.config, 'config'), layers };
    if (doc.annotations !== undefined)
        parsed.annotations = parseAnnotations(doc.annotations, 'annotations');
    if (doc.subject !== undefined)
        parsed.subject = parseDescriptor(doc.subject, 'subject');
    return parsed;
}
function parseDescriptor(value, where) {
    if (!isRecord(value))
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
    if (!isRecord(value) || !Object.values(value).every((v) => typeof v === 'string'))
        throw malformed(`${where} is not a map of strings`);
    return { ...value };
}
function isRecord(v) {
    return typeof v === 'object' && v !== null && !Array.isArray(v);
}
function malformed(reason) {
    return new errors/* BydigestError */.W('SIGNATURE', `the signature manifest is malformed: ${reason}`, {
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
    if ((0,digest/* sha256Digest */.sI)(check.payload) !== layer.digest || check.payload.length !== layer.size) {
        throw new errors/* BydigestError */.W('INVALID_ARGUMENT', `the payload given does not match the new layer ${layer.digest}`);
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
        if (key !== constants/* SIGNATURE_ANNOTATION */.ZB && old.annotations[key] !== value)
            return false;
    }
    return (0,cosign_signature/* verifyPayload */.Lo)(check.publicKey, check.payload, old.signature);
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

;// CONCATENATED MODULE: ./packages/core/src/cosign/sign-image.ts










/** The digests to sign: the image, and with `recursive` every manifest an index lists. */
async function signingTargets(client, image, recursive) {
    const manifest = await getSubjectManifest(client, image, 'sign the digest capture-digest reported, after the push');
    if (!recursive)
        return [image.digest];
    return [image.digest, ...platformManifests(manifest, (0,reference/* formatReference */.FH)(image)).map((p) => p.digest)];
}
/**
 * Signs `image` (and its platform manifests) in cosign's legacy format: a simple-signing
 * layer per identity, appended to `sha256-<hex>.sig` with read-modify-write that re-reads
 * until no other writer can still drop our layer, and checks our signatures verify there.
 * Everything that does not need the key (payload upload, first read of the `.sig`) runs
 * while the key is still being derived.
 */
async function signImage(client, opts) {
    if (opts.identities.length === 0)
        throw new errors/* BydigestError */.W('INVALID_ARGUMENT', 'no identity to sign');
    const targets = opts.targets ?? (await signingTargets(client, opts.image, opts.recursive ?? true));
    const signers = [opts.signer].flat();
    if (signers.length === 0)
        throw new errors/* BydigestError */.W('INVALID_ARGUMENT', 'no signer');
    const prepared = await mapLimit(targets, 4, (digest) => prepare(client, (0,reference/* withDigest */.hQ)(opts.image, digest), opts, signers.length));
    await Promise.all(signers.map((s) => s.ready()));
    // Every signature exists before the first write: a signer that fails on its second payload
    // (Rekor down halfway) leaves no platform signed and another not.
    const signed = await mapLimit(prepared, 4, (p) => signPayloads(p, signers));
    return mapLimit(signed, 4, (p) => writeSigned(client, p, opts));
}
async function prepare(client, image, opts, signerCount) {
    const payloads = opts.identities.map((dockerReference) => simpleSigningPayload({ dockerReference, manifestDigest: image.digest, optional: opts.optional ?? null }));
    // The config lists layer digests only, so the one the write will most likely need (what is
    // there now plus our layers) goes up before the key exists, beside the payloads: on a remote
    // registry the preparation is then three round trips, not six. The config is new almost
    // always (it changes with every signature added), so it skips the existence check.
    const readAndUploadConfig = async () => {
        const early = await client.getManifestIfExists((0,reference/* withTag */.Rd)(image, signatureTag(image.digest)));
        const ourLayers = Array.from({ length: signerCount }, () => payloads.map((p) => ({ digest: (0,digest/* sha256Digest */.sI)(p) }))).flat();
        const layers = [...(early ? parseSigManifest(early.bytes).layers : []), ...ourLayers];
        const config = sigConfigBytes(layers);
        await client.uploadBlob(image, { digest: (0,digest/* sha256Digest */.sI)(config), size: config.length, open: () => config }, { skipExistenceCheck: true });
        return early;
    };
    const [early] = await Promise.all([
        readAndUploadConfig(),
        mapLimit(payloads, 4, (payload) => client.uploadBlob(image, { digest: (0,digest/* sha256Digest */.sI)(payload), size: payload.length, open: () => payload })),
    ]);
    return { image, payloads, early: early?.bytes };
}
/** Each signer signs each payload: one layer per pair, signers in the order given. */
async function signPayloads(prep, signers) {
    const pairs = signers.flatMap((signer) => prep.payloads.map((payload) => ({ signer, payload })));
    const ours = await Promise.all(pairs.map(async ({ signer, payload }) => {
        const signed = await signer.sign(payload);
        return { payload, publicKey: signed.material.publicKey, layer: signatureLayer(payload, signed.signature, signed.annotations) };
    }));
    return { ...prep, ours };
}
async function writeSigned(client, prep, opts) {
    const { image, ours } = prep;
    const tag = (0,reference/* withTag */.Rd)(image, signatureTag(image.digest));
    const isOurs = (bytes, o) => appendSignatureLayer(bytes, o.layer, { payload: o.payload, publicKey: o.publicKey }).status === 'already-present';
    let firstSeen;
    let initiallyPresent;
    let contended = false;
    const present = (layers, d) => layers.some((l) => l.digest === d.digest && l.annotations?.[constants/* SIGNATURE_ANNOTATION */.ZB] === d.annotations?.[constants/* SIGNATURE_ANNOTATION */.ZB]);
    let last;
    const fingerprint = (bytes) => (bytes ? (0,digest/* sha256Digest */.sI)(bytes) : 'none');
    const settle = await appendUntilSettled({
        what: `signature manifest ${(0,reference/* formatReference */.FH)(tag)}`,
        read: async () => {
            const m = await client.getManifestIfExists(tag);
            last = m?.bytes;
            if (firstSeen === undefined) {
                // The .sig changed while the key was being derived: another signer is at work.
                contended = fingerprint(m?.bytes) !== fingerprint(prep.early);
                firstSeen = m ? parseSigManifest(m.bytes).layers : [];
                initiallyPresent = ours.every((o) => isOurs(m?.bytes, o));
            }
            return m?.bytes;
        },
        satisfied: (bytes) => {
            if (!ours.every((o) => isOurs(bytes, o)))
                return false;
            const layers = bytes ? parseSigManifest(bytes).layers : [];
            return (firstSeen ?? []).every((d) => present(layers, d));
        },
        merge: async (bytes) => {
            const parsed = bytes ? parseSigManifest(bytes) : undefined;
            const layers = parsed ? parsed.layers.map(plainDescriptor) : [];
            // Put back anything a racing writer dropped that we saw, then our own layers.
            for (const d of firstSeen ?? [])
                if (!present(layers, d))
                    layers.push(plainDescriptor(d));
            const extra = extrasOf(parsed);
            for (const o of ours) {
                if (layers.length === 0 || !isOurs(buildSigManifest(layers, extra).manifestBytes, o))
                    layers.push(o.layer);
            }
            const manifest = buildSigManifest(layers, extra).manifestBytes;
            // The config blob goes up here, not in write: the PUT must follow the read closely.
            const config = sigConfigBytes(parseSigManifest(manifest).layers);
            await client.uploadBlob(image, { digest: (0,digest/* sha256Digest */.sI)(config), size: config.length, open: () => config });
            return manifest;
        },
        write: async (bytes) => {
            const manifest = bytes;
            await client.putManifest(tag, { bytes: manifest, mediaType: media_types/* MediaType */.zu.OciManifest }, { retry: false });
            last = manifest;
        },
        fingerprint,
        contended: () => contended,
    }, 
    // A short floor is safe here: a signer that wrote while we derived the key shows up as a
    // changed .sig (contended), which widens the window to the contended one.
    { minQuietMs: 40, ...opts.settle });
    if (!last)
        throw new errors/* BydigestError */.W('SIGNATURE', `${(0,reference/* formatReference */.FH)(tag)} vanished after signing`);
    return {
        digest: image.digest,
        signatureRef: (0,reference/* formatReference */.FH)(tag),
        signatureDigest: (0,digest/* sha256Digest */.sI)(last),
        layers: ours.map((o) => o.layer.digest),
        alreadySigned: initiallyPresent === true && settle.writes === 0,
        settle,
    };
}

;// CONCATENATED MODULE: ./packages/core/src/oci/referrers.ts






/** The tag the OCI 1.1 fallback keeps a subject's referrers index under. */
function referrersFallbackTag(subjectDigest) {
    return `sha256-${(0,digest/* digestHex */.sU)(subjectDigest)}`;
}
/** ghcr.io and Docker Hub have no referrers API: go to the tag directly, saving a request. */
function referrers_defaultReferrersMode(registry) {
    return registry === 'ghcr.io' || registry === 'docker.io' ? 'tag' : 'auto';
}
/**
 * The referrers of a digest, optionally filtered by artifact type: through the referrers
 * API where the registry has one, else the `sha256-<hex>` fallback index.
 */
async function listReferrers(client, repo, subjectDigest, opts = {}) {
    const mode = opts.mode ?? 'auto';
    const filter = (ds) => (opts.artifactType ? ds.filter((d) => d.artifactType === opts.artifactType) : ds);
    if (mode !== 'tag') {
        const api = await client.referrersApi(repo, subjectDigest, opts.artifactType);
        if (api)
            return { via: 'api', descriptors: filter(indexEntries(api, (0,reference/* formatReference */.FH)(repo))) };
        if (mode === 'api') {
            throw new errors/* BydigestError */.W('REGISTRY', `${(0,reference/* formatReference */.FH)(repo)} has no referrers API`, { hint: "use referrers: tag (or auto)" });
        }
    }
    const index = await readFallbackIndex(client, repo, subjectDigest);
    const listing = { via: 'tag', descriptors: filter(index ? indexEntries(index, (0,reference/* formatReference */.FH)(repo)) : []) };
    if (index)
        listing.index = index;
    return listing;
}
/**
 * Reads the fallback index, refusing a tag that is not an index or that resolves to the
 * subject itself (GitLab answers `sha256-<hex>` with the subject manifest).
 */
async function readFallbackIndex(client, repo, subjectDigest) {
    const tag = referrersFallbackTag(subjectDigest);
    const m = await client.getManifestIfExists((0,reference/* withTag */.Rd)(repo, tag));
    if (!m)
        return undefined;
    const where = (0,reference/* formatReference */.FH)((0,reference/* withTag */.Rd)(repo, tag));
    if (m.digest === subjectDigest) {
        throw new errors/* BydigestError */.W('REGISTRY', `${where} resolves to the subject ${subjectDigest} itself, not to a referrers index`, {
            hint: 'this registry maps sha256-<hex> tags onto digests; use referrers: api if it has a referrers API',
        });
    }
    if (!(0,media_types/* isIndexMediaType */.$$)(m.mediaType)) {
        throw new errors/* BydigestError */.W('REGISTRY', `${where} holds a ${m.mediaType}, not a referrers index; refusing to overwrite it`);
    }
    return m;
}
function indexEntries(m, where) {
    const doc = (0,oci_manifest/* parseManifestJson */.vW)(m, where);
    return Array.isArray(doc.manifests) ? doc.manifests : [];
}
const sameDescriptor = (a, b) => a.digest === b.digest;
/** A referrers descriptor carries the artifact type and every annotation of the referrer. */
function referrerDescriptor(manifest) {
    const doc = (0,oci_manifest/* parseManifestJson */.vW)(manifest, manifest.digest);
    const d = { mediaType: manifest.mediaType, digest: manifest.digest, size: manifest.bytes.length };
    const artifactType = doc.artifactType ?? doc.config?.mediaType;
    if (artifactType)
        d.artifactType = artifactType;
    if (doc.annotations && Object.keys(doc.annotations).length > 0)
        d.annotations = doc.annotations;
    return d;
}
function fallbackIndexBytes(entries) {
    return Buffer.from(JSON.stringify({ schemaVersion: 2, mediaType: media_types/* MediaType */.zu.OciIndex, manifests: entries }));
}
/** The entries of the fallback index of `subjectDigest` (none when it does not exist). */
async function readFallbackEntries(client, repo, subjectDigest) {
    const index = await readFallbackIndex(client, repo, subjectDigest);
    return index ? indexEntries(index, (0,reference/* formatReference */.FH)((0,reference/* withTag */.Rd)(repo, referrersFallbackTag(subjectDigest)))) : [];
}
/**
 * Adds `descriptor` to the fallback index of `subjectDigest`: read (404 = empty), append,
 * write, re-read, confirm our entry and every entry we saw at first are there, retry.
 */
async function appendToFallbackIndex(client, repo, subjectDigest, descriptor, settle = {}, 
/** The entries read earlier (e.g. while the key was derived): a change since means another writer. */
early) {
    const tag = (0,reference/* withTag */.Rd)(repo, referrersFallbackTag(subjectDigest));
    let first;
    const read = async () => {
        const entries = await readFallbackEntries(client, repo, subjectDigest);
        first ??= entries;
        return entries;
    };
    const fingerprint = (entries) => (0,digest/* sha256Digest */.sI)(fallbackIndexBytes(entries));
    const must = () => [...(first ?? []), descriptor];
    return appendUntilSettled({
        what: `referrers index ${(0,reference/* formatReference */.FH)(tag)}`,
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
            await client.putManifest(tag, { bytes: fallbackIndexBytes(entries), mediaType: media_types/* MediaType */.zu.OciIndex }, { retry: false });
        },
        fingerprint,
        contended: () => early !== undefined && first !== undefined && fingerprint(early) !== fingerprint(first),
    }, settle);
}
/** The subject descriptor a referrer manifest points at. */
async function subjectDescriptor(client, repo, digest) {
    const head = await client.headManifest((0,reference/* withDigest */.hQ)(repo, digest));
    if (!head) {
        throw new errors/* BydigestError */.W('NOT_FOUND', `${(0,reference/* formatReference */.FH)((0,reference/* withDigest */.hQ)(repo, digest))} does not exist`, {
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
        const listed = await listReferrers(client, repo, subject, { mode: 'api' });
        if (listed.descriptors.some((d) => d.digest === manifest.digest))
            return { via: 'api' };
        throw new BydigestError('REGISTRY', `${formatReference(repo)} did not index referrer ${manifest.digest}`, { hint: 'use referrers: tag or auto' });
    }
    await appendToFallbackIndex(client, repo, subject, referrerDescriptor(manifest), opts.settle, opts.early);
    return { via: 'tag' };
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
;// CONCATENATED MODULE: ./packages/core/src/cosign/bundle.ts
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
    return (0,external_node_crypto_.createHash)('sha256').update(key.export({ type: 'spki', format: 'der' })).digest('base64');
}
/** protojson (which cosign uses for the Struct) writes map keys sorted. */
function sortedStrings(annotations) {
    const out = {};
    for (const k of Object.keys(annotations).sort()) {
        const v = annotations[k];
        if (typeof v !== 'string')
            throw new errors/* BydigestError */.W('INVALID_ARGUMENT', `annotation ${k} must be a string`);
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
        subject: [{ digest: { sha256: (0,digest/* digestHex */.sU)(manifestDigest) }, annotations: sortedStrings(annotations) }],
        predicateType: COSIGN_SIGN_PREDICATE_TYPE,
        predicate: {},
    };
    return Buffer.from(JSON.stringify(statement), 'utf8');
}
/** A v0.3 bundle with the signer's DSSE signature over the PAE of the statement. */
async function buildSignBundle(signer, manifestDigest, annotations = {}) {
    const statement = cosignSignStatement(manifestDigest, annotations);
    if (signer.signDsseBundle) {
        const { bundle, publicKey } = await signer.signDsseBundle(IN_TOTO_PAYLOAD_TYPE, statement);
        const bytes = Buffer.from(JSON.stringify(bundle), 'utf8');
        return { bytes, digest: (0,digest/* sha256Digest */.sI)(bytes), statement, publicKey };
    }
    const { signature: sig, material } = await signer.sign(dssePae(IN_TOTO_PAYLOAD_TYPE, statement));
    if (material.kind !== 'public-key') {
        throw new errors/* BydigestError */.W('SIGNATURE', 'sigstore bundles are written for key signers only; a certificate signer writes its signature to the .sig', {
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
    return { bytes, digest: (0,digest/* sha256Digest */.sI)(bytes), statement, publicKey: material.publicKey };
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
function bundleReferrerManifest(input) {
    const { subject, bundle } = input;
    if (!(0,digest/* isSha256Digest */.q9)(subject.digest) || !(0,digest/* isSha256Digest */.q9)(bundle.digest)) {
        throw new errors/* BydigestError */.W('INVALID_ARGUMENT', 'a bundle referrer needs sha256 digests for its subject and bundle');
    }
    const manifest = {
        schemaVersion: 2,
        mediaType: media_types/* MediaType */.zu.OciManifest,
        artifactType: SIGSTORE_BUNDLE_MEDIA_TYPE,
        config: { mediaType: media_types/* EMPTY_CONFIG */.$v.mediaType, digest: media_types/* EMPTY_CONFIG */.$v.digest, size: media_types/* EMPTY_CONFIG */.$v.size },
        layers: [
            {
                mediaType: SIGSTORE_BUNDLE_MEDIA_TYPE,
                digest: bundle.digest,
                size: bundle.size,
                annotations: { [TITLE_ANNOTATION]: `sha256-${(0,digest/* digestHex */.sU)(bundle.digest)}.sigstore.json` },
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
    return { bytes, digest: (0,digest/* sha256Digest */.sI)(bytes), mediaType: media_types/* MediaType */.zu.OciManifest };
}

;// CONCATENATED MODULE: ./packages/core/src/util/strict-json.ts
/**
 * A strict RFC 8259 parser that keeps every object member in order, duplicates included.
 * JSON.parse silently keeps the last of duplicate keys; containers/image rejects duplicates in a
 * signature payload and in policy.json, so its rules can only be applied to a tree that still has them.
 * Syntax errors use the wording of Go's encoding/json.
 */
class JsonSyntaxError extends Error {
    name = 'JsonSyntaxError';
}
function strict_json_parseJsonTree(text) {
    const p = new Parser(text);
    p.skipSpace();
    const node = p.value();
    p.skipSpace();
    if (p.pos < text.length)
        throw p.fail('after top-level value');
    return node;
}
/** Plain JavaScript value of a node; for duplicate keys the last wins, as with Go's `any`. */
function strict_json_toPlain(node) {
    switch (node.kind) {
        case 'object': {
            const out = {};
            for (const [k, v] of node.entries) {
                Object.defineProperty(out, k, { value: strict_json_toPlain(v), enumerable: true, writable: true, configurable: true });
            }
            return out;
        }
        case 'array':
            return node.items.map(strict_json_toPlain);
        case 'null':
            return null;
        default:
            return node.value;
    }
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
    value() {
        const c = this.s[this.pos];
        if (c === '{')
            return this.object();
        if (c === '[')
            return this.array();
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
    object() {
        const entries = [];
        this.pos++;
        this.skipSpace();
        if (this.s[this.pos] === '}') {
            this.pos++;
            return { kind: 'object', entries };
        }
        for (;;) {
            if (this.s[this.pos] !== '"')
                throw this.fail('looking for beginning of object key string');
            const key = this.string();
            this.skipSpace();
            if (this.s[this.pos] !== ':')
                throw this.fail('after object key');
            this.pos++;
            this.skipSpace();
            entries.push([key, this.value()]);
            this.skipSpace();
            const c = this.s[this.pos];
            this.pos++;
            if (c === '}')
                return { kind: 'object', entries };
            if (c !== ',') {
                this.pos--;
                throw this.fail('after object key:value pair');
            }
            this.skipSpace();
        }
    }
    array() {
        const items = [];
        this.pos++;
        this.skipSpace();
        if (this.s[this.pos] === ']') {
            this.pos++;
            return { kind: 'array', items };
        }
        for (;;) {
            items.push(this.value());
            this.skipSpace();
            const c = this.s[this.pos];
            this.pos++;
            if (c === ']')
                return { kind: 'array', items };
            if (c !== ',') {
                this.pos--;
                throw this.fail('after array element');
            }
            this.skipSpace();
        }
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
            const simple = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
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

;// CONCATENATED MODULE: ./packages/core/src/cosign/bundle-verify.ts




/** cosign reads bundles of v0.2 and later; both spellings of the media type occur. */
const ACCEPTED_MEDIA_TYPES = new Set([
    SIGSTORE_BUNDLE_MEDIA_TYPE,
    'application/vnd.dev.sigstore.bundle+json;version=0.2',
    'application/vnd.dev.sigstore.bundle+json;version=0.3',
]);
const STATEMENT_TYPES = new Set([IN_TOTO_STATEMENT_V1, 'https://in-toto.io/Statement/v0.1']);
/** protojson decodes bytes fields from standard or URL-safe base64, padded or not. */
const PROTO_BASE64 = /^[A-Za-z0-9+/_-]*={0,2}$/;
const reject = (reason, extra = {}) => ({ valid: false, reason, ...extra });
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
        tree = strict_json_parseJsonTree(text);
    }
    catch (e) {
        if (e instanceof JsonSyntaxError)
            return { ok: false, reason: `${what} is not JSON: ${e.message}` };
        throw e;
    }
    const dup = duplicateKey(tree);
    if (dup !== undefined)
        return { ok: false, reason: `${what} has a duplicate ${JSON.stringify(dup)} member` };
    return { ok: true, value: strict_json_toPlain(tree) };
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
    if (!opts.certificateKey && isObject(material) && (material.certificate !== undefined || material.x509CertificateChain !== undefined)) {
        return reject('the bundle is signed with a certificate (keyless); only key-signed bundles are verified offline');
    }
    const envelope = bundle.dsseEnvelope;
    if (!isObject(envelope)) {
        return reject(bundle.messageSignature !== undefined ? 'the bundle holds a message signature, not the DSSE envelope cosign sign writes' : 'the bundle has no dsseEnvelope');
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
        const check = (0,cosign_signature/* checkPayloadSignature */.zS)(keys[i], pae, sigBytes.toString('base64'));
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
    const want = (0,digest/* digestHex */.sU)(manifestDigest);
    // sigstore-go compares the decoded bytes, so hex case does not matter.
    if (!statement.subjects.some((s) => s.digest.sha256?.toLowerCase() === want)) {
        const named = statement.subjects.map((s) => (s.digest.sha256 ? `sha256:${s.digest.sha256}` : Object.keys(s.digest).join('+') || 'no digest')).join(', ');
        return reject(`the statement is for ${named || 'no subject'}, not ${manifestDigest}`, { keyIndex, statement });
    }
    return { valid: true, keyIndex, statement };
}

;// CONCATENATED MODULE: ./packages/core/src/cosign/bundle-store.ts










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
    return mapLimit(targets, 4, (digest) => signOneBundle(client, (0,reference/* withDigest */.hQ)(opts.image, digest), opts.signer, opts));
}
async function signOneBundle(client, image, signer, opts) {
    const mode = opts.referrers ?? referrers_defaultReferrersMode(image.registry);
    const annotations = opts.annotations ?? {};
    // Signed first (no request): its key tells whether a bundle of ours is already there.
    const bundle = await buildSignBundle(signer, image.digest, annotations);
    const existing = await findOwnBundle(client, image, bundle.publicKey, annotations, mode);
    if (existing)
        return { digest: image.digest, bundleDigest: existing.digest, bundleRef: (0,reference/* formatReference */.FH)((0,reference/* withDigest */.hQ)(image, existing.digest)), via: existing.via, alreadySigned: true };
    const subject = await subjectDescriptor(client, image, image.digest);
    const self = bundle_verify_checkSignBundle(bundle.bytes, image.digest, [bundle.publicKey], { certificateKey: true });
    if (!self.valid)
        throw new errors/* BydigestError */.W('SIGNATURE', `the bundle just made does not verify: ${self.reason}`);
    const manifest = bundleReferrerManifest({ subject, bundle: { digest: bundle.digest, size: bundle.bytes.length }, created: (opts.now ?? (() => new Date()))() });
    await Promise.all([
        client.uploadBlob(image, { digest: bundle.digest, size: bundle.bytes.length, open: () => bundle.bytes }),
        client.uploadBlob(image, { digest: media_types/* EMPTY_CONFIG */.$v.digest, size: media_types/* EMPTY_CONFIG */.$v.size, open: () => media_types/* EMPTY_CONFIG */.$v.bytes }),
    ]);
    const put = await client.putManifest((0,reference/* withDigest */.hQ)(image, manifest.digest), manifest);
    const result = { digest: image.digest, bundleDigest: manifest.digest, bundleRef: (0,reference/* formatReference */.FH)((0,reference/* withDigest */.hQ)(image, manifest.digest)), via: 'api', alreadySigned: false };
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
/** Some registries index referrers asynchronously: give the listing a moment before failing. */
async function awaitListed(client, image, referrer) {
    for (let attempt = 0;; attempt++) {
        const listing = await listReferrers(client, image, image.digest, { mode: 'api' });
        if (listing.descriptors.some((d) => d.digest === referrer))
            return;
        if (attempt >= 5) {
            throw new errors/* BydigestError */.W('SIGNATURE', `${(0,reference/* formatReference */.FH)(image)}: the referrers API does not list the bundle ${referrer} after it was pushed`, {
                hint: 'the registry accepted the subject but does not serve it in its referrers list; try again, or report it to the registry',
            });
        }
        await (0,retry/* sleep */.yy)(100 * 2 ** attempt);
    }
}
async function findOwnBundle(client, image, publicKey, annotations, mode) {
    const { via, bundles } = await readBundles(client, image, image.digest, mode);
    for (const b of bundles) {
        if (!b.bundleBytes)
            continue;
        const check = bundle_verify_checkSignBundle(b.bundleBytes, image.digest, [publicKey]);
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
    if (d.mediaType !== media_types/* MediaType */.zu.OciManifest)
        return false;
    return d.artifactType === undefined || d.artifactType === media_types/* MediaType */.zu.OciEmpty || d.artifactType.startsWith(SIGSTORE_BUNDLE_MEDIA_TYPE_PREFIX);
}
async function readBundles(client, repo, subject, mode) {
    const listing = await listReferrers(client, repo, subject, { mode });
    const read = await mapLimit(listing.descriptors.filter(maybeBundle), 4, (d) => readBundle(client, repo, d));
    return { via: listing.via, bundles: read.filter((b) => b !== undefined) };
}
/** The bundle a referrer holds; undefined when the referrer turns out not to be a bundle. */
async function readBundle(client, repo, d) {
    const claimed = d.artifactType?.startsWith(SIGSTORE_BUNDLE_MEDIA_TYPE_PREFIX) === true;
    const referrerDigest = d.digest;
    const m = await client.getManifestIfExists((0,reference/* withDigest */.hQ)(repo, d.digest));
    if (!m)
        return claimed ? { referrerDigest, reason: 'listed as a referrer, but the manifest does not exist' } : undefined;
    let doc;
    try {
        doc = (0,oci_manifest/* parseManifestJson */.vW)(m, d.digest);
    }
    catch (e) {
        return claimed ? { referrerDigest, reason: e.message } : undefined;
    }
    const layers = Array.isArray(doc.layers) ? doc.layers : [];
    const isBundle = claimed || doc.artifactType?.startsWith(SIGSTORE_BUNDLE_MEDIA_TYPE_PREFIX) === true || layers.some((l) => l.mediaType?.startsWith(SIGSTORE_BUNDLE_MEDIA_TYPE_PREFIX));
    if (!isBundle)
        return undefined;
    // cosign's ociremote.Bundle: exactly one layer, of a bundle media type.
    const layer = layers[0];
    if (layers.length !== 1 || !layer?.mediaType?.startsWith(SIGSTORE_BUNDLE_MEDIA_TYPE_PREFIX)) {
        return { referrerDigest, reason: `expected exactly one layer of type ${SIGSTORE_BUNDLE_MEDIA_TYPE_PREFIX}…, found ${layers.length} layer(s)` };
    }
    try {
        return { referrerDigest, bundleBytes: await client.getBlob(repo, layer.digest, MAX_BUNDLE_BYTES) };
    }
    catch (e) {
        if (e instanceof errors/* BydigestError */.W && (e.code === 'NOT_FOUND' || e.code === 'DIGEST_MISMATCH' || e.code === 'REGISTRY')) {
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
    return (await readBundles(client, image, image.digest, opts.referrers ?? defaultReferrersMode(image.registry))).bundles;
}
async function verifyBundleSignatures(client, image, keys, opts = {}) {
    const { via, bundles } = await readBundles(client, image, image.digest, opts.referrers ?? defaultReferrersMode(image.registry));
    const verdicts = bundles.map((b) => {
        if (!b.bundleBytes)
            return { referrerDigest: b.referrerDigest, reason: b.reason ?? 'unreadable' };
        const check = checkSignBundle(b.bundleBytes, image.digest, keys);
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
/** One line per rejected bundle, for error messages and summaries. */
function describeBundleVerdicts(image, v) {
    if (v.found === 0)
        return `no sigstore bundle refers to ${formatReference(image)}`;
    return v.verdicts.map((x) => `${x.referrerDigest.slice(0, 19)}…: ${x.reason ?? 'valid'}`).join('; ');
}

// EXTERNAL MODULE: ./packages/core/src/cosign/public-key.ts
var public_key = __webpack_require__(455);
// EXTERNAL MODULE: ./packages/action-kit/src/registry-options.ts + 5 modules
var registry_options = __webpack_require__(2542);
// EXTERNAL MODULE: ./packages/action-kit/src/inputs.ts
var inputs = __webpack_require__(6587);
;// CONCATENATED MODULE: ./packages/action-kit/src/github.ts
// The workflow run, as @actions/github's context reads it from the runner's environment. Loaded
// on demand: the package brings Octokit, which no action needs before its first registry request.
/** The run this step belongs to, or undefined outside a workflow (no GITHUB_REPOSITORY). */
async function githubRun() {
    const { context } = await __webpack_require__.e(/* import() */ 918).then(__webpack_require__.bind(__webpack_require__, 1918));
    if (!process.env.GITHUB_REPOSITORY || !context.sha)
        return undefined;
    const repository = `${context.repo.owner}/${context.repo.repo}`;
    return {
        repository,
        sha: context.sha,
        // Not on the context object: the runner exports it for reusable-workflow-aware identities.
        workflowRef: process.env.GITHUB_WORKFLOW_REF ?? `${repository}/${context.workflow}`,
        runId: String(context.runId),
        runUrl: `${context.serverUrl}/${repository}/actions/runs/${context.runId}`,
    };
}

// EXTERNAL MODULE: ./node_modules/.pnpm/@actions+core@3.0.1/node_modules/@actions/core/lib/core.js + 14 modules
var core = __webpack_require__(3070);
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
        const cell = (c) => (typeof c === 'object' && !(c instanceof Html) ? `<th>${escapeHtml(c.header)}</th>` : `<td>${render(c)}</td>`);
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
        await core/* summary */.z.addRaw(`${text}\n`).write();
    }
}
function jobSummary() {
    return new JobSummary();
}

;// CONCATENATED MODULE: ./actions/sign-digest/src/run.ts


/** The annotate-github keys, as `cosign verify -a KEY=VALUE` checks them. */
const GITHUB_ANNOTATIONS = ['github.repository', 'github.sha', 'github.workflow_ref', 'github.run_id'];
async function run(inputs, signers) {
    const { image, format, identities, recursive } = inputs;
    const annotations = { ...inputs.annotations, ...(inputs.annotateGithub ? await githubAnnotations(inputs.annotations) : {}) };
    const legacySigners = [signers.key, signers.keyless].flatMap((s) => (s ? [s] : []));
    // One bundle per signer: the key's, and the keyless one (its own Rekor dsse entry).
    const bundleSigners = legacySigners;
    const client = (0,registry_options/* registryClient */.Rk)(inputs.registry);
    try {
        // The .sig tag and the referrers index are different tags: both formats are written at once,
        // each doing its reads while the signers get ready (scrypt, the Fulcio certificate).
        const [signed, bundled] = await Promise.all([
            format !== 'bundle' ? signImage(client, { image, identities, optional: Object.keys(annotations).length ? annotations : null, recursive, signer: legacySigners }) : undefined,
            format !== 'legacy' ? signBundles(client, bundleSigners, { image, annotations, recursive }) : undefined,
        ]).catch(async (e) => {
            // A bad key or a missing certificate explains more than whatever failed meanwhile.
            await Promise.all(legacySigners.map((s) => s.ready()));
            throw e;
        });
        const result = {
            ...(signers.key ? { publicKeyPem: await signers.key.publicKeyPem() } : {}),
            ...(signers.keyless ? { keyless: await keylessResult(signers.keyless, signed?.[0]) } : {}),
            ...(signed ? { signed } : {}),
            ...(bundled ? { bundled } : {}),
        };
        logResult(inputs, result);
        await summarize(inputs, result);
        return result;
    }
    finally {
        await client.close();
    }
}
async function keylessResult(keyless, signed) {
    const id = await keyless.identity();
    // The .sig layer's entry when there is one (what hosts and cosign 2 read), else the bundle's.
    const logIndex = signed ? signed.layers.map((d) => keyless.entryFor(d)?.logIndex).find((i) => i !== undefined) : keyless.bundleLogIndexes[0];
    if (logIndex === undefined)
        throw new Error('internal error: no Rekor entry for the keyless signature of the image');
    return { identity: id.identity, issuer: id.issuer ?? '', logIndex };
}
/** Each signer's bundle, one signer after the other: they share the referrers index. */
async function signBundles(client, signers, opts) {
    const out = [];
    for (const signer of signers)
        out.push(...(await signImageBundle(client, { ...opts, signer })));
    return out;
}
async function githubAnnotations(given) {
    const clash = GITHUB_ANNOTATIONS.find((k) => k in given);
    if (clash)
        throw new inputs/* InputError */.dz('annotations', `sets ${clash}, which annotate-github sets too`, 'drop it from annotations, or set annotate-github: false');
    const gh = await githubRun();
    if (!gh)
        throw new inputs/* InputError */.dz('annotate-github', 'is true but this step runs outside a GitHub workflow (GITHUB_REPOSITORY is not set)', 'set annotate-github: false');
    return { 'github.repository': gh.repository, 'github.sha': gh.sha, 'github.workflow_ref': gh.workflowRef, 'github.run_id': gh.runId };
}
function logResult({ image }, { signed, bundled, keyless }) {
    if (keyless)
        (0,core/* info */.pq)(`keyless: certificate for ${keyless.identity} (issuer ${keyless.issuer || 'unknown'}), Rekor log index ${keyless.logIndex}`);
    for (const s of signed ?? []) {
        (0,core/* info */.pq)(`${s.alreadySigned ? 'already signed' : 'signed'} ${(0,reference/* formatReference */.FH)({ ...image, digest: s.digest })} -> ${s.signatureRef} (${s.settle.writes} write(s)${s.settle.contended ? ', other writers seen' : ''})`);
    }
    for (const b of bundled ?? []) {
        const how = b.via === 'api' ? 'referrers API' : `referrers index sha256-${b.digest.slice(7)}${b.settle ? ` (${b.settle.writes} write(s)${b.settle.contended ? ', other writers seen' : ''})` : ''}`;
        (0,core/* info */.pq)(`${b.alreadySigned ? 'bundle already attached to' : 'bundle attached to'} ${(0,reference/* formatReference */.FH)({ ...image, digest: b.digest })} -> ${b.bundleRef} via ${how}`);
    }
}
async function summarize({ image, identities }, { signed, bundled, publicKeyPem, keyless }) {
    const digests = (signed ?? bundled ?? []).map((s) => s.digest);
    const header = [{ header: 'digest' }];
    if (signed)
        header.push({ header: 'signature' }, { header: 'identities' });
    if (bundled)
        header.push({ header: 'sigstore bundle' });
    const rows = digests.map((digest) => {
        const row = [code(digest)];
        const s = signed?.find((x) => x.digest === digest);
        if (signed)
            row.push(s ? code(s.signatureRef) : '', identities.join(', '));
        const b = bundled?.find((x) => x.digest === digest);
        if (bundled)
            row.push(b ? html `${code(b.bundleDigest)}${b.alreadySigned ? ' (already there)' : ''}` : '');
        return row;
    });
    const checks = [signed ? 'the .sig read back and verified' : '', bundled ? 'the bundle verified and listed among the referrers' : ''].filter(Boolean).join('; ');
    const summary = jobSummary().heading('sign-digest').table([header, ...rows]);
    if (bundled)
        summary.paragraph(html `bundle-digest ${code(bundled[0].bundleDigest)} (${(0,reference/* formatReference */.FH)({ ...image, digest: bundled[0].bundleDigest })})`);
    const who = [
        publicKeyPem ? html `Key ${code((0,public_key/* publicKeyId */.QQ)((0,public_key/* loadPublicKey */.fg)(publicKeyPem)).slice(0, 16))}` : undefined,
        keyless ? html `keyless ${code(keyless.identity)} (issuer ${code(keyless.issuer)}, Rekor log index ${String(keyless.logIndex)})` : undefined,
    ].filter((x) => x !== undefined);
    await summary.paragraph(html `${joinHtml(who, '; ')}; ${checks}.`).write();
}


/***/ })

};
