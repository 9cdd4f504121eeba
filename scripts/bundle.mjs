// Builds dist/<action>/index.js for every action with ncc. The output is committed and
// `.ci/run` fails when it differs from a fresh build, so keep this deterministic.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const ncc = join(root, 'node_modules', '@vercel', 'ncc', 'dist', 'ncc', 'cli.js');
// `--out-dir=DIR` builds somewhere other than dist/ (the release check compares a fresh build
// with the committed one without touching the tree); the other arguments name actions.
const args = process.argv.slice(2);
const outArg = args.find((a) => a.startsWith('--out-dir='));
const outRoot = outArg ? resolve(outArg.slice('--out-dir='.length)) : join(root, 'dist');
const only = args.filter((a) => a !== outArg);
const actions = readdirSync(join(root, 'actions')).filter(
  (name) => existsSync(join(root, 'actions', name, 'src', 'index.ts')) && (only.length === 0 || only.includes(name)),
);

function ncc_(name, entry, outDir) {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [ncc, 'build', join('actions', name, 'src', entry), '-o', outDir, '--license', 'licenses.txt', '--quiet'],
      {
        cwd: root,
        stdio: ['ignore', 'inherit', 'inherit'],
      },
    );
    child.on('close', (code) =>
      code === 0 ? resolve() : reject(new Error(`ncc failed for ${name}/${entry} (exit ${code})`)),
    );
  });
}

// Built beside dist/ and swapped in, so a failed build leaves the previous bundle in place.
// An action with src/post-entry.ts gets its post step as a bundle of its own (dist/<name>/post/):
// a post step that shares main's file must tell itself apart by main's state, which a main
// killed early never saved.
async function build(name) {
  const out = join(outRoot, name);
  const staging = join(outRoot, `.${name}.building`);
  const postStaging = join(outRoot, `.${name}.post.building`);
  const hasPost = existsSync(join(root, 'actions', name, 'src', 'post-entry.ts'));
  rmSync(staging, { recursive: true, force: true });
  rmSync(postStaging, { recursive: true, force: true });
  try {
    // ncc empties its output directory first: the post bundle is built apart, then moved in.
    await ncc_(name, 'index.ts', staging);
    if (hasPost) {
      await ncc_(name, 'post-entry.ts', postStaging);
      renameSync(postStaging, join(staging, 'post'));
    }
  } catch (e) {
    rmSync(staging, { recursive: true, force: true });
    rmSync(postStaging, { recursive: true, force: true });
    throw e;
  }
  rmSync(out, { recursive: true, force: true });
  renameSync(staging, out);
}

mkdirSync(outRoot, { recursive: true });

// Two at a time: the machines have two cores.
const queue = [...actions];
await Promise.all(
  [0, 1].map(async () => {
    while (queue.length > 0) {
      const name = queue.shift();
      await build(name);
      console.log(`bundled ${relative(root, join(outRoot, name, 'index.js'))}`);
    }
  }),
);
