import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 303:
/***/ ((module, __unused_webpack___webpack_exports__, __nccwpck_require__) => {

__nccwpck_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony import */ var _bydigest_action_kit__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(700);
/* harmony import */ var _post_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(70);
// The post step's own entry (action.yml `post:`): it can never take itself for main. When main
// and post shared one file, told apart by a state flag main saves first, a main step killed
// before that (while Node loaded the bundle: cancellation, OOM) left a post step with no state,
// which ran as main and staged the secrets again, for nobody to wipe.


await (0,_bydigest_action_kit__WEBPACK_IMPORTED_MODULE_1__/* .runAction */ .Cs)(_post_js__WEBPACK_IMPORTED_MODULE_0__/* .post */ .b);

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 70:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  b: () => (/* binding */ post)
});

// EXTERNAL MODULE: ./packages/action-kit/src/runner/commands.ts
var commands = __nccwpck_require__(93);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __nccwpck_require__(455);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __nccwpck_require__(161);
;// CONCATENATED MODULE: ./packages/action-kit/src/runner/summary.ts
// The job summary: Markdown/HTML appended to the file the runner names in GITHUB_STEP_SUMMARY.


const wrap = (tag, content) => `<${tag}>${content}</${tag}>`;
class Summary {
    buffer = '';
    addRaw(text) {
        this.buffer += text;
        return this;
    }
    addHeading(text, level = 1) {
        return this.addRaw(wrap(`h${level}`, text) + external_node_os_.EOL);
    }
    addTable(rows) {
        const cell = (c) => (typeof c === 'string' ? wrap('td', c) : wrap(c.header ? 'th' : 'td', c.data));
        return this.addRaw(wrap('table', rows.map((r) => wrap('tr', r.map(cell).join(''))).join('')) + external_node_os_.EOL);
    }
    /** Appends what was added since the last write; without GITHUB_STEP_SUMMARY there is nowhere to write, so it is dropped. */
    async write() {
        const file = process.env.GITHUB_STEP_SUMMARY;
        const text = this.buffer;
        this.buffer = '';
        if (file)
            await (0,promises_.appendFile)(file, text, 'utf8');
    }
}
const summary = new Summary();

;// CONCATENATED MODULE: external "node:path"
const external_node_path_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");
;// CONCATENATED MODULE: ./packages/core/src/secrets/paths.ts



/** Protected roots from the usual environment variables. */
function paths_protectedRootsFromEnv(env) {
    return { home: env.HOME || undefined, workspace: env.GITHUB_WORKSPACE || undefined, runnerTemp: env.RUNNER_TEMP || undefined };
}
/** An absolute, normalised path; relative paths are taken relative to `base` (the workspace). */
function resolveUserPath(path, base) {
    if (path === '')
        throw new BydigestError('INVALID_ARGUMENT', 'the path is empty');
    if (path.includes('\0'))
        throw new BydigestError('INVALID_ARGUMENT', 'the path contains a NUL byte');
    return isAbsolute(path) ? resolve(path) : resolve(base, path);
}
/**
 * The path with every symbolic link in its parent directories resolved, but not the last
 * component: a wipe path that is itself a link means "remove this link", never its target.
 * Parents that do not exist yet are kept as written below the deepest one that does.
 */
async function canonicalParentPath(path) {
    const abs = resolve(path);
    if (abs === sep)
        return abs;
    const parent = dirname(abs);
    const missing = [];
    let probe = parent;
    for (;;) {
        try {
            const real = await realpath(probe);
            return join(real, ...missing.reverse(), basename(abs));
        }
        catch (e) {
            if (e.code !== 'ENOENT' && e.code !== 'ENOTDIR')
                throw e;
            if (probe === sep)
                throw e;
            missing.push(basename(probe));
            probe = dirname(probe);
        }
    }
}
/** Why `path` must not be wiped (it is `/`, one of the roots, or a parent of one), or undefined. */
function protectedReason(path, roots) {
    const p = (0,external_node_path_namespaceObject.resolve)(path);
    if (p === external_node_path_namespaceObject.sep)
        return 'it is the file system root';
    for (const [label, root] of [
        ['$HOME', roots.home],
        ['$GITHUB_WORKSPACE', roots.workspace],
        ['$RUNNER_TEMP', roots.runnerTemp],
    ]) {
        if (!root)
            continue;
        const r = (0,external_node_path_namespaceObject.resolve)(root);
        if (p === r)
            return `it is ${label} (${r})`;
        if (r.startsWith(p + external_node_path_namespaceObject.sep))
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
            canonicalRoots[key] = await realpath(r).catch(() => resolve(r));
    }
    const candidates = [resolve(path), await canonicalParentPath(path)];
    // A trailing link would only be unlinked, but whoever lists a link to $HOME expects $HOME to
    // be wiped: refusing says so instead of silently doing something else.
    candidates.push(await realpath(path).catch(() => resolve(path)));
    for (const p of candidates) {
        const why = protectedReason(p, roots) ?? protectedReason(p, canonicalRoots);
        if (why) {
            throw new BydigestError('INVALID_ARGUMENT', `refusing to wipe ${JSON.stringify(resolve(path))}: ${why}`, {
                hint: 'name the files or directories that hold secrets, e.g. `${{ runner.temp }}/signing` or `/home/runner/.docker/config.json` (no ~ expansion)',
            });
        }
    }
}
/** A recorded staged file must be a canonical direct child of the staging directory, so it cannot point elsewhere. */
function isDirectChild(path, dir) {
    return (0,external_node_path_namespaceObject.isAbsolute)(path) && (0,external_node_path_namespaceObject.resolve)(path) === path && (0,external_node_path_namespaceObject.dirname)(path) === dir && (0,external_node_path_namespaceObject.basename)(path) !== '' && (0,external_node_path_namespaceObject.basename)(path) !== '..';
}

// EXTERNAL MODULE: ./packages/core/src/errors.ts
var errors = __nccwpck_require__(637);
;// CONCATENATED MODULE: ./packages/core/src/secrets/report.ts
function emptyWipeReport() {
    return { files: 0, bytes: 0, directories: 0, links: 0, other: 0, absent: 0, warnings: [], errors: [] };
}
function mergeWipeReports(...reports) {
    const out = emptyWipeReport();
    for (const r of reports) {
        out.files += r.files;
        out.bytes += r.bytes;
        out.directories += r.directories;
        out.links += r.links;
        out.other += r.other;
        out.absent += r.absent;
        out.warnings.push(...r.warnings);
        out.errors.push(...r.errors);
    }
    return out;
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
        throw new errors/* BydigestError */.W('INVALID_ARGUMENT', `${at}the file name is empty`, { hint: FORMAT_HINT });
    if (name.includes('/') || name.includes('\\')) {
        throw new errors/* BydigestError */.W('INVALID_ARGUMENT', `${at}file name ${JSON.stringify(name)} contains a path separator`, {
            hint: 'give a bare file name; files are always created directly inside `dir`',
        });
    }
    if (name === '.' || name === '..' || name.includes('..')) {
        throw new errors/* BydigestError */.W('INVALID_ARGUMENT', `${at}file name ${JSON.stringify(name)} contains '..' or is '.'`, {
            hint: 'give a plain file name such as MOK.key',
        });
    }
    if (!NAME_PATTERN.test(name)) {
        throw new errors/* BydigestError */.W('INVALID_ARGUMENT', `${at}file name ${JSON.stringify(name)} has characters other than letters, digits, '.', '_' and '-'`, {
            hint: FORMAT_HINT,
        });
    }
    if (Buffer.byteLength(name) > NAME_MAX_BYTES) {
        throw new errors/* BydigestError */.W('INVALID_ARGUMENT', `${at}file name is longer than ${NAME_MAX_BYTES} bytes`, { hint: 'use a shorter name' });
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
            throw new BydigestError('INVALID_ARGUMENT', `line ${line}: expected NAME=ENV_VAR, found no '='`, { hint: FORMAT_HINT });
        }
        const name = trimmed.slice(0, eq).trim();
        const envVar = trimmed.slice(eq + 1).trim();
        assertValidFileName(name, `line ${line}`);
        if (!isValidEnvVarName(envVar)) {
            throw new BydigestError('INVALID_ARGUMENT', `line ${line} (${name}): the part after '=' is not an environment variable name (letters, digits and _, not starting with a digit)`, { hint: 'put the secret in the step\'s env: (e.g. `MOK_KEY: ${{ secrets.MOK_KEY }}`) and write `' + name + '=MOK_KEY` here; never the secret itself' });
        }
        // Case-insensitive, because on macOS runners `key` and `KEY` are the same file.
        const folded = name.toLowerCase();
        const first = seen.get(folded);
        if (first !== undefined) {
            throw new BydigestError('INVALID_ARGUMENT', `line ${line}: file name ${JSON.stringify(name)} is already used on line ${first}`, {
                hint: 'give every file its own name (names that differ only in case collide on case-insensitive file systems)',
            });
        }
        seen.set(folded, line);
        specs.push({ name, envVar, line });
    }
    return specs;
}

;// CONCATENATED MODULE: external "node:fs"
const external_node_fs_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");
;// CONCATENATED MODULE: ./packages/core/src/secrets/zero-file.ts



const CHUNK = 1 << 20;
// O_NONBLOCK: if a FIFO were swapped in after the lstat, opening it must not hang the post step.
const NOFOLLOW = external_node_fs_namespaceObject.constants.O_NOFOLLOW | external_node_fs_namespaceObject.constants.O_NONBLOCK;
/**
 * Overwrites a regular file in place with zeros over its current length and fsyncs it, so the
 * blocks that held the secret hold zeros before the name goes away. `seen` is the lstat the
 * caller made; the open file must be that same inode, or something was swapped in between.
 * (Copy-on-write file systems and SSD remapping may keep old blocks; this is the ext4/xfs case
 * of the runners, and it also empties every other hard link to the file.)
 */
async function zeroFile(path, seen) {
    const fh = await openForZeroing(path, seen);
    try {
        const st = await fh.stat();
        if (st.ino !== seen.ino || st.dev !== seen.dev || !st.isFile()) {
            throw new errors/* BydigestError */.W('SECRETS', `${path} was replaced while being wiped`);
        }
        const size = st.size;
        if (size > 0) {
            const zeros = Buffer.alloc(Math.min(size, CHUNK));
            let offset = 0;
            while (offset < size) {
                const { bytesWritten } = await fh.write(zeros, 0, Math.min(zeros.length, size - offset), offset);
                if (bytesWritten <= 0)
                    throw new errors/* BydigestError */.W('SECRETS', `zeroing ${path} made no progress`);
                offset += bytesWritten;
            }
            await fh.sync();
        }
        return { bytes: size, extraLinks: st.nlink - 1 };
    }
    finally {
        await fh.close();
    }
}
async function openForZeroing(path, seen) {
    try {
        return await (0,promises_.open)(path, external_node_fs_namespaceObject.constants.O_WRONLY | NOFOLLOW);
    }
    catch (e) {
        if (e.code !== 'EACCES')
            throw e;
    }
    // A read-only file of ours (a key someone chmod 400'ed): make it writable through a descriptor
    // of the same inode, never by path, so a link swapped in cannot redirect the chmod.
    const ro = await (0,promises_.open)(path, external_node_fs_namespaceObject.constants.O_RDONLY | NOFOLLOW);
    try {
        const st = await ro.stat();
        if (st.ino !== seen.ino || st.dev !== seen.dev)
            throw new errors/* BydigestError */.W('SECRETS', `${path} was replaced while being wiped`);
        await ro.chmod(0o600);
    }
    finally {
        await ro.close();
    }
    return (0,promises_.open)(path, external_node_fs_namespaceObject.constants.O_WRONLY | NOFOLLOW);
}

;// CONCATENATED MODULE: ./packages/core/src/secrets/wipe.ts







/**
 * Wipes what stageSecretFiles wrote: each planned file (zeros, fsync, unlink), then anything
 * else found in the directory, then the directory. Keeps going past errors; the report lists them.
 */
async function wipeStaged(record, roots) {
    const report = { ...emptyWipeReport(), wiped: [], missing: [] };
    const { dir } = record;
    if (dir === undefined) {
        // The directory was never created, so no file can have been.
        report.missing.push(...record.files.map((f) => f.name));
        return report;
    }
    const refused = await refuseRoot(dir, roots);
    if (refused) {
        report.errors.push(refused);
        return report;
    }
    let dirStat;
    try {
        dirStat = await (0,promises_.lstat)(dir);
    }
    catch (e) {
        if (isGone(e)) {
            report.absent += 1;
            report.missing.push(...record.files.map((f) => f.name));
            return report;
        }
        report.errors.push(`${dir}: ${errCode(e)}`);
        return report;
    }
    if (!dirStat.isDirectory()) {
        // Our directory was swapped for a link or a file: its contents may now live somewhere else,
        // and going through a link could wipe a stranger's files. Remove the impostor, fail loudly.
        await wipeTree(dir, report);
        report.errors.push(`${dir} was replaced by ${dirStat.isSymbolicLink() ? 'a symbolic link' : 'a non-directory'}; the staged files were not found there`);
        return report;
    }
    for (const file of record.files) {
        if (!isDirectChild(file.path, dir) || (0,external_node_path_namespaceObject.basename)(file.path) !== file.name || !validName(file.name)) {
            report.errors.push(`${file.path}: not a file of ${dir}; left alone`);
            continue;
        }
        let st;
        try {
            st = await (0,promises_.lstat)(file.path);
        }
        catch (e) {
            // Planned but never created (staging stopped before it), or removed by someone else.
            if (isGone(e))
                report.missing.push(file.name);
            else
                report.errors.push(`${file.path}: ${errCode(e)}`);
            continue;
        }
        if (st.isFile() && st.size !== file.size) {
            report.warnings.push(`${file.name} holds ${st.size} bytes where ${file.size} were staged (cut short, or changed since); all ${st.size} were zeroed`);
        }
        else if (!st.isFile()) {
            report.warnings.push(`${file.name} is no longer a regular file; removed without following it`);
        }
        const errorsBefore = report.errors.length;
        await wipeTree(file.path, report, st);
        if (report.errors.length === errorsBefore)
            report.wiped.push(file.name);
    }
    let extras = [];
    try {
        extras = await (0,promises_.readdir)(dir);
    }
    catch {
        // wipeTree below reports it.
    }
    if (extras.length > 0)
        report.warnings.push(`${extras.length} other entr${extras.length === 1 ? 'y' : 'ies'} in ${dir} wiped too: ${extras.join(', ')}`);
    await wipeTree(dir, report);
    return report;
}
/** Wipes each path (file, directory tree or link) that exists; missing ones are counted as absent. */
async function wipePaths(paths, roots) {
    const report = emptyWipeReport();
    for (const path of paths) {
        const refused = await refuseRoot(path, roots);
        if (refused) {
            report.errors.push(refused);
            continue;
        }
        let st;
        try {
            st = await (0,promises_.lstat)(path);
        }
        catch (e) {
            if (isGone(e))
                report.absent += 1;
            else
                report.errors.push(`${path}: ${errCode(e)}`);
            continue;
        }
        await wipeTree(path, report, st);
    }
    return report;
}
/** The paths that still exist (or cannot be checked) after a wipe. */
async function remainingPaths(paths) {
    const left = [];
    for (const path of [...new Set(paths)]) {
        try {
            await (0,promises_.lstat)(path);
            left.push(path);
        }
        catch (e) {
            if (!isGone(e))
                left.push(path);
        }
    }
    return left;
}
/**
 * Removes one entry: a regular file is zeroed first, a directory is emptied depth-first, a link
 * or special file is unlinked, never followed. Never crosses into another file system (a mount
 * point under a wiped directory is reported, not emptied). Errors are recorded, not thrown.
 *
 * Node has no openat()/unlinkat(), so between an lstat and the use of a path a process of the same
 * user could swap a component; O_NOFOLLOW and the inode check in zeroFile close that for the
 * bytes that matter, the contents of files.
 */
async function wipeTree(path, report, seen, device) {
    let st = seen;
    try {
        st ??= await (0,promises_.lstat)(path);
    }
    catch (e) {
        if (isGone(e))
            report.absent += 1;
        else
            report.errors.push(`${path}: ${errCode(e)}`);
        return;
    }
    try {
        if (st.isSymbolicLink()) {
            await (0,promises_.unlink)(path);
            report.links += 1;
        }
        else if (st.isDirectory()) {
            if (device !== undefined && st.dev !== device) {
                report.errors.push(`${path}: is a mount point; not wiping another file system`);
                return;
            }
            for (const entry of await (0,promises_.readdir)(path))
                await wipeTree((0,external_node_path_namespaceObject.join)(path, entry), report, undefined, st.dev);
            await (0,promises_.rmdir)(path);
            report.directories += 1;
        }
        else if (st.isFile()) {
            try {
                const zeroed = await zeroFile(path, st);
                if (zeroed.extraLinks > 0)
                    report.warnings.push(`${path} had ${zeroed.extraLinks} other hard link(s); they now read as zeros`);
                report.files += 1;
                report.bytes += zeroed.bytes;
            }
            catch (e) {
                // Still unlink: a name that later steps can open is worse than unzeroed free blocks.
                // The error fails the step either way.
                report.errors.push(describe(path, e, 'not zeroed'));
            }
            await (0,promises_.unlink)(path);
        }
        else {
            await (0,promises_.unlink)(path);
            report.other += 1;
        }
    }
    catch (e) {
        report.errors.push(describe(path, e));
    }
}
/**
 * A root recorded by the main step is refused when it became protected, or when a directory
 * above it is now a symbolic link (the recorded path is canonical, so its parent must resolve
 * to itself): following such a link would wipe whatever it points to.
 */
async function refuseRoot(path, roots) {
    const why = protectedReason(path, roots);
    if (why)
        return `${path}: refused, ${why}`;
    const parent = (0,external_node_path_namespaceObject.dirname)(path);
    try {
        const real = await (0,promises_.realpath)(parent);
        if (real !== parent)
            return `${path}: refused, ${parent} now resolves to ${real} (a symbolic link was put in its path)`;
    }
    catch (e) {
        if (!isGone(e))
            return `${path}: ${errCode(e)}`;
    }
    return undefined;
}
function validName(name) {
    try {
        assertValidFileName(name);
        return true;
    }
    catch {
        return false;
    }
}
function isGone(e) {
    const code = e.code;
    return code === 'ENOENT' || code === 'ENOTDIR';
}
function describe(path, e, what) {
    const why = e instanceof errors/* BydigestError */.W ? e.message : `${path}: ${errCode(e)}`;
    return what ? `${why} (${what})` : why;
}
function errCode(e) {
    return e.code ?? String(e);
}

;// CONCATENATED MODULE: external "node:crypto"
const external_node_crypto_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");
;// CONCATENATED MODULE: ./packages/action-kit/src/runner/file-commands.ts
// File commands: step outputs and state go to the files the runner names in GITHUB_OUTPUT and
// GITHUB_STATE, as heredocs with a random delimiter, so no value can forge another entry.



function appendKeyValue(fileVar, name, value) {
    const file = process.env[fileVar];
    if (!file)
        throw new Error(`${fileVar} is not set: this step must run under a GitHub Actions runner (or test/harness/runner.ts)`);
    const delimiter = `ghadelimiter_${randomUUID()}`;
    if (name.includes(delimiter) || value.includes(delimiter))
        throw new Error(`${name}: the value contains the heredoc delimiter`);
    appendFileSync(file, `${name}<<${delimiter}${EOL}${value}${EOL}${delimiter}${EOL}`, 'utf8');
}
/** An input as the runner passes it (INPUT_<NAME>, spaces as underscores), trimmed. */
function getInput(name) {
    return (process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim();
}
function setOutput(name, value) {
    appendKeyValue('GITHUB_OUTPUT', name, value);
}
/** State for this action's post step (it reads it back as STATE_<name>). */
function saveState(name, value) {
    appendKeyValue('GITHUB_STATE', name, value);
}
function getState(name) {
    return process.env[`STATE_${name}`] ?? '';
}

;// CONCATENATED MODULE: ./actions/wipe-secrets/src/state.ts


/** State keys. Values hold paths and sizes only, never secret bytes. */
const state_STATE = {
    isPost: 'isPost',
    dir: 'dir',
    files: 'files',
    wipePaths: 'wipe-paths',
};
/** What the main step recorded; a malformed record fails the post step instead of wiping blindly. */
function readPostState() {
    const dir = getState(state_STATE.dir);
    const files = parseJson(state_STATE.files, getState(state_STATE.files), isStagedFileList) ?? [];
    const wipePaths = parseJson(state_STATE.wipePaths, getState(state_STATE.wipePaths), isStringList) ?? [];
    if (dir !== '' && !dir.startsWith('/'))
        throw corrupt(state_STATE.dir);
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
    return new errors/* BydigestError */.W('SECRETS', `the state '${key}' saved by the main step is malformed; nothing was wiped`, {
        hint: 'the staged files may still exist: check the runner\'s temp directory',
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

;// CONCATENATED MODULE: ./actions/wipe-secrets/src/stage.ts






/**
 * The main step. Order matters for the post step, which only knows what is in the state:
 * wipe-paths are recorded first (they are wiped even if the rest fails), every secret is read
 * and masked before anything touches the disk, the directory is recorded as soon as it exists,
 * and the file list before the first file is opened.
 */
async function stage() {
    const roots = protectedRootsFromEnv(process.env);
    const wipePaths = await readWipePaths(roots);
    if (wipePaths.length > 0)
        runner.saveState(STATE.wipePaths, JSON.stringify(wipePaths));
    const inputs = await readStageInputs(roots, wipePaths);
    const values = await forInput('files', () => readSecretValues(inputs.specs, process.env, { allowEmpty: inputs.allowEmpty, rawEnviron: readStartupEnviron() }));
    try {
        for (const v of values)
            for (const m of maskValuesFor(v.value))
                runner.setSecret(m);
        const dir = await forInput('dir', () => createStagingDir({
            dir: inputs.dir,
            parent: process.env.RUNNER_TEMP || tmpdir(),
            onCreated: (d) => runner.saveState(STATE.dir, d),
        }));
        const workspace = process.env.GITHUB_WORKSPACE;
        if (inputs.dir && workspace && (dir + sep).startsWith(resolve(workspace) + sep)) {
            // A key inside the build context can be copied into a layer, and deleting it in a later
            // layer leaves it in the image's history.
            runner.warning(`dir ${dir} is inside the workspace: a build whose context is the workspace (COPY . …) would copy these secrets into the image. Prefer the default (under RUNNER_TEMP) and pass files with --secret.`);
        }
        const staged = await stageSecretFiles(dir, values, {
            onPlanned: (files) => runner.saveState(STATE.files, JSON.stringify(files)),
        });
        setCheckedOutput('dir', dir, (v) => isAbsolute(v));
        const paths = JSON.stringify(Object.fromEntries(staged.map((f) => [f.name, f.path])));
        setCheckedOutput('paths', paths, (v) => isPathMap(v, staged.length));
        const empty = values.filter((v) => v.value.length === 0);
        runner.info(`Staged ${staged.length} file(s) in ${dir} (directory 0700, files 0600): ${staged.map((f) => f.name).join(', ') || 'none'}`);
        for (const v of empty)
            runner.info(`${v.name}: ${v.envVar} is unset or empty; staged an empty file (allow-empty)`);
        if (wipePaths.length > 0)
            runner.info(`The post step will also wipe: ${wipePaths.join(', ')}`);
        await writeSummary(dir, values, wipePaths);
    }
    finally {
        // The environment still holds the secret; these copies at least need not outlive the step.
        for (const v of values)
            v.value.fill(0);
    }
}
function isPathMap(json, count) {
    const parsed = JSON.parse(json);
    return (typeof parsed === 'object' &&
        parsed !== null &&
        Object.keys(parsed).length === count &&
        Object.values(parsed).every((p) => typeof p === 'string' && isAbsolute(p)));
}
async function writeSummary(dir, values, wipePaths) {
    const s = runner.summary.addHeading('wipe-secrets: staged', 3);
    if (values.length > 0) {
        s.addTable([
            [
                { data: 'file', header: true },
                { data: 'from variable', header: true },
            ],
            ...values.map((v) => [`<code>${v.name}</code>`, `<code>${v.envVar}</code>`]),
        ]);
    }
    s.addRaw(`<p>${values.length} file(s) in <code>${escapeHtml(dir)}</code>, mode 0600 in a 0700 directory; the post step wipes them.</p>`);
    if (wipePaths.length > 0)
        s.addRaw(`<p>Also wiped by the post step: ${wipePaths.map((p) => `<code>${escapeHtml(p)}</code>`).join(', ')}</p>`);
    await s.write();
}
function escapeHtml(s) {
    return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

;// CONCATENATED MODULE: ./actions/wipe-secrets/src/post.ts




/**
 * The post step (post-if: always()): wipe what the main step recorded, however far it got,
 * then check that every recorded path is gone. Prints counts and paths, never contents.
 */
async function post() {
    const state = readPostState();
    const roots = paths_protectedRootsFromEnv(process.env);
    const staged = await wipeStaged({ dir: state.dir, files: state.files }, roots);
    const extra = await wipePaths(state.wipePaths, roots);
    const all = mergeWipeReports(staged, extra);
    const recorded = [...(state.dir ? [state.dir] : []), ...state.files.map((f) => f.path), ...state.wipePaths];
    const left = await remainingPaths(recorded);
    for (const w of all.warnings)
        commands/* warning */.$e(w);
    if (!state.dir && state.files.length === 0 && state.wipePaths.length === 0) {
        commands/* info */.pq('Nothing was staged; nothing to wipe.');
    }
    else {
        commands/* info */.pq(`Wiped ${staged.wiped.length} staged file(s)` +
            (staged.missing.length > 0 ? ` (${staged.missing.length} never created)` : '') +
            `${state.dir ? ' and their directory' : ''}` +
            (state.wipePaths.length > 0 ? `; wipe-paths: ${counts(extra)}` : '') +
            `. ${all.bytes} byte(s) overwritten with zeros.`);
    }
    await post_writeSummary(state.dir, staged.wiped, staged.missing, state.wipePaths, all, left);
    if (all.errors.length > 0 || left.length > 0) {
        const parts = [
            ...(left.length > 0 ? [`${left.length} path(s) still exist: ${left.join(', ')}`] : []),
            ...(all.errors.length > 0 ? [`${all.errors.length} error(s): ${all.errors.join('; ')}`] : []),
        ];
        throw new errors/* BydigestError */.W('SECRETS', `wipe incomplete: ${parts.join('. ')}`, {
            hint: 'remove these paths by hand, and treat the secrets they held as exposed on this runner if it is reused',
        });
    }
}
function counts(r) {
    return `${r.files} file(s), ${r.directories} director${r.directories === 1 ? 'y' : 'ies'}, ${r.links} link(s), ${r.other} other, ${r.absent} not present`;
}
async function post_writeSummary(dir, wiped, missing, wipePathList, all, left) {
    const code = (xs) => xs.map((x) => `<code>${escapeHtml(x)}</code>`).join(', ');
    const s = summary.addHeading('wipe-secrets: wiped', 3);
    s.addRaw(`<p>Staged files wiped: ${wiped.length > 0 ? code(wiped) : 'none'}${missing.length > 0 ? `; never created: ${code(missing)}` : ''}.</p>`);
    if (dir)
        s.addRaw(`<p>Directory removed: <code>${escapeHtml(dir)}</code></p>`);
    if (wipePathList.length > 0)
        s.addRaw(`<p>wipe-paths: ${code(wipePathList)}</p>`);
    s.addRaw(`<p>${all.files} file(s) zeroed and removed (${all.bytes} bytes), ${all.directories} director${all.directories === 1 ? 'y' : 'ies'}, ` +
        `${all.links} link(s), ${all.other} other entr${all.other === 1 ? 'y' : 'ies'} removed; ${all.absent} path(s) already gone.</p>`);
    if (left.length > 0 || all.errors.length > 0)
        s.addRaw(`<p><strong>Incomplete:</strong> ${code([...left, ...all.errors])}</p>`);
    await s.write();
}


/***/ }),

/***/ 700:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  Cs: () => (/* binding */ runAction)
});

// UNUSED EXPORTS: failureMessage, shortenLongWords

// EXTERNAL MODULE: ./packages/action-kit/src/runner/commands.ts
var commands = __nccwpck_require__(93);
// EXTERNAL MODULE: ./packages/core/src/errors.ts
var errors = __nccwpck_require__(637);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __nccwpck_require__(455);
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
/** The raw input, trimmed; empty when unset (the runner passes action.yml defaults itself). */
function rawInput(name) {
    return runner.getInput(name);
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
    runner.setSecret(value);
    for (const line of value.split(/\r?\n/)) {
        const l = line.trim();
        // PEM armour lines are public text; masking them would only garble unrelated logs.
        if (l.length >= 4 && !l.startsWith('-----'))
            runner.setSecret(l);
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

;// CONCATENATED MODULE: ./packages/action-kit/src/run.ts



/**
 * Runs an action's body: any error becomes one `setFailed` line (with the hint on the next
 * line) and exit code 1. Unexpected errors keep their stack in the debug log only.
 */
async function runAction(body) {
    try {
        await body();
    }
    catch (e) {
        commands/* setFailed */.C1(shortenLongWords(failureMessage(e)));
        if (e instanceof Error && !(e instanceof InputError) && !(e instanceof errors/* BydigestError */.W)) {
            commands/* debug */.Yz(e.stack ?? String(e));
        }
        process.exitCode = 1;
    }
}
function failureMessage(e) {
    if (e instanceof InputError)
        return e.hint ? `${e.message}\nhint: ${e.hint}` : e.message;
    if (e instanceof errors/* BydigestError */.W) {
        const where = [e.operation, e.reference, e.status === undefined ? undefined : `HTTP ${e.status}`].filter(Boolean);
        const head = where.length > 0 && !e.message.includes(where[0]) ? `${e.message} (${where.join(', ')})` : e.message;
        return e.hint ? `${head}\nhint: ${e.hint}` : head;
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


/***/ }),

/***/ 93:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   $e: () => (/* binding */ warning),
/* harmony export */   C1: () => (/* binding */ setFailed),
/* harmony export */   Yz: () => (/* binding */ debug),
/* harmony export */   pq: () => (/* binding */ info)
/* harmony export */ });
/* unused harmony exports issueCommand, setSecret */
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_os__WEBPACK_IMPORTED_MODULE_0__);
// Workflow commands on stdout (`::name::message`), escaped as the runner unescapes them
// (actions/runner ActionCommand.cs), so a message cannot end a command early or start another.

const escapeData = (s) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
function issueCommand(name, message) {
    process.stdout.write(`::${name}::${escapeData(message)}${node_os__WEBPACK_IMPORTED_MODULE_0__.EOL}`);
}
/** A plain log line. */
function info(message) {
    process.stdout.write(message + node_os__WEBPACK_IMPORTED_MODULE_0__.EOL);
}
/** Shown only when step debug logging is on (ACTIONS_STEP_DEBUG). */
function debug(message) {
    issueCommand('debug', message);
}
/** A warning annotation on the run. */
function warning(message) {
    issueCommand('warning', message);
}
/** An error annotation, and the step fails once the process exits. */
function setFailed(message) {
    process.exitCode = 1;
    issueCommand('error', message);
}
/**
 * The runner replaces the value with *** in every later log line. Multi-line values are masked
 * line by line by the runner only when each line is registered, which callers do themselves.
 */
function setSecret(value) {
    issueCommand('add-mask', value);
}


/***/ }),

/***/ 637:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   W: () => (/* binding */ BydigestError)
/* harmony export */ });
/* unused harmony export isBydigestError */
class BydigestError extends Error {
    code;
    operation;
    reference;
    status;
    hint;
    constructor(code, message, details = {}) {
        super(message, details.cause === undefined ? undefined : { cause: details.cause });
        this.name = 'BydigestError';
        this.code = code;
        this.operation = details.operation;
        this.reference = details.reference;
        this.status = details.status;
        this.hint = details.hint;
    }
}
function isBydigestError(e, code) {
    return e instanceof BydigestError && (code === undefined || e.code === code);
}


/***/ }),

/***/ 455:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs/promises");

/***/ }),

/***/ 161:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");

/***/ })

/******/ });
/************************************************************************/
/******/ // The module cache
/******/ var __webpack_module_cache__ = {};
/******/ 
/******/ // The require function
/******/ function __nccwpck_require__(moduleId) {
/******/ 	// Check if module is in cache
/******/ 	var cachedModule = __webpack_module_cache__[moduleId];
/******/ 	if (cachedModule !== undefined) {
/******/ 		return cachedModule.exports;
/******/ 	}
/******/ 	// Create a new module (and put it into the cache)
/******/ 	var module = __webpack_module_cache__[moduleId] = {
/******/ 		// no module.id needed
/******/ 		// no module.loaded needed
/******/ 		exports: {}
/******/ 	};
/******/ 
/******/ 	// Execute the module function
/******/ 	var threw = true;
/******/ 	try {
/******/ 		__webpack_modules__[moduleId](module, module.exports, __nccwpck_require__);
/******/ 		threw = false;
/******/ 	} finally {
/******/ 		if(threw) delete __webpack_module_cache__[moduleId];
/******/ 	}
/******/ 
/******/ 	// Return the exports of the module
/******/ 	return module.exports;
/******/ }
/******/ 
/************************************************************************/
/******/ /* webpack/runtime/asset-relocator-loader */
/******/ if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = decodeURIComponent(new URL('.', import.meta.url).pathname).slice(import.meta.url.match(/^file:\/\/\/\w:/) ? 1 : 0, -1) + "/";
/******/ 
/******/ /* webpack/runtime/async module */
/******/ (() => {
/******/ 	var webpackQueues = typeof Symbol === "function" ? Symbol("webpack queues") : "__webpack_queues__";
/******/ 	var webpackExports = typeof Symbol === "function" ? Symbol("webpack exports") : "__webpack_exports__";
/******/ 	var webpackError = typeof Symbol === "function" ? Symbol("webpack error") : "__webpack_error__";
/******/ 	var resolveQueue = (queue) => {
/******/ 		if(queue && queue.d < 1) {
/******/ 			queue.d = 1;
/******/ 			queue.forEach((fn) => (fn.r--));
/******/ 			queue.forEach((fn) => (fn.r-- ? fn.r++ : fn()));
/******/ 		}
/******/ 	}
/******/ 	var wrapDeps = (deps) => (deps.map((dep) => {
/******/ 		if(dep !== null && typeof dep === "object") {
/******/ 			if(dep[webpackQueues]) return dep;
/******/ 			if(dep.then) {
/******/ 				var queue = [];
/******/ 				queue.d = 0;
/******/ 				dep.then((r) => {
/******/ 					obj[webpackExports] = r;
/******/ 					resolveQueue(queue);
/******/ 				}, (e) => {
/******/ 					obj[webpackError] = e;
/******/ 					resolveQueue(queue);
/******/ 				});
/******/ 				var obj = {};
/******/ 				obj[webpackQueues] = (fn) => (fn(queue));
/******/ 				return obj;
/******/ 			}
/******/ 		}
/******/ 		var ret = {};
/******/ 		ret[webpackQueues] = x => {};
/******/ 		ret[webpackExports] = dep;
/******/ 		return ret;
/******/ 	}));
/******/ 	__nccwpck_require__.a = (module, body, hasAwait) => {
/******/ 		var queue;
/******/ 		hasAwait && ((queue = []).d = -1);
/******/ 		var depQueues = new Set();
/******/ 		var exports = module.exports;
/******/ 		var currentDeps;
/******/ 		var outerResolve;
/******/ 		var reject;
/******/ 		var promise = new Promise((resolve, rej) => {
/******/ 			reject = rej;
/******/ 			outerResolve = resolve;
/******/ 		});
/******/ 		promise[webpackExports] = exports;
/******/ 		promise[webpackQueues] = (fn) => (queue && fn(queue), depQueues.forEach(fn), promise["catch"](x => {}));
/******/ 		module.exports = promise;
/******/ 		body((deps) => {
/******/ 			currentDeps = wrapDeps(deps);
/******/ 			var fn;
/******/ 			var getResult = () => (currentDeps.map((d) => {
/******/ 				if(d[webpackError]) throw d[webpackError];
/******/ 				return d[webpackExports];
/******/ 			}))
/******/ 			var promise = new Promise((resolve) => {
/******/ 				fn = () => (resolve(getResult));
/******/ 				fn.r = 0;
/******/ 				var fnQueue = (q) => (q !== queue && !depQueues.has(q) && (depQueues.add(q), q && !q.d && (fn.r++, q.push(fn))));
/******/ 				currentDeps.map((dep) => (dep[webpackQueues](fnQueue)));
/******/ 			});
/******/ 			return fn.r ? promise : getResult();
/******/ 		}, (err) => ((err ? reject(promise[webpackError] = err) : outerResolve(exports)), resolveQueue(queue)));
/******/ 		queue && queue.d < 0 && (queue.d = 0);
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/compat get default export */
/******/ (() => {
/******/ 	// getDefaultExport function for compatibility with non-harmony modules
/******/ 	__nccwpck_require__.n = (module) => {
/******/ 		var getter = module && module.__esModule ?
/******/ 			() => (module['default']) :
/******/ 			() => (module);
/******/ 		__nccwpck_require__.d(getter, { a: getter });
/******/ 		return getter;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/define property getters */
/******/ (() => {
/******/ 	// define getter functions for harmony exports
/******/ 	__nccwpck_require__.d = (exports, definition) => {
/******/ 		for(var key in definition) {
/******/ 			if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 				Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 			}
/******/ 		}
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/hasOwnProperty shorthand */
/******/ (() => {
/******/ 	__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ })();
/******/ 
/************************************************************************/
/******/ 
/******/ // startup
/******/ // Load entry module and return exports
/******/ // This entry module used 'module' so it can't be inlined
/******/ var __webpack_exports__ = __nccwpck_require__(303);
/******/ __webpack_exports__ = await __webpack_exports__;
/******/ 
