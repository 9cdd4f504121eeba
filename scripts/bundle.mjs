// Builds dist/<action>/index.js for every action with ncc. The output is committed and
// `.ci/run` fails when it differs from a fresh build, so keep this deterministic.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const ncc = join(root, 'node_modules', '@vercel', 'ncc', 'dist', 'ncc', 'cli.js');
const only = process.argv.slice(2);
const actions = readdirSync(join(root, 'actions')).filter(
  (name) => existsSync(join(root, 'actions', name, 'src', 'main.ts')) && (only.length === 0 || only.includes(name)),
);

// Built beside dist/ and swapped in, so a failed build leaves the previous bundle in place.
function build(name) {
  const out = join(root, 'dist', name);
  const staging = join(root, 'dist', `.${name}.building`);
  rmSync(staging, { recursive: true, force: true });
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [ncc, 'build', join('actions', name, 'src', 'main.ts'), '-o', staging, '--license', 'licenses.txt', '--quiet'], {
      cwd: root,
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    child.on('close', (code) => {
      if (code !== 0) {
        rmSync(staging, { recursive: true, force: true });
        return reject(new Error(`ncc failed for ${name} (exit ${code})`));
      }
      rmSync(out, { recursive: true, force: true });
      renameSync(staging, out);
      resolve();
    });
  });
}

// Two at a time: the machines have two cores.
const queue = [...actions];
await Promise.all(
  [0, 1].map(async () => {
    while (queue.length > 0) {
      const name = queue.shift();
      await build(name);
      console.log(`bundled dist/${name}/index.js`);
    }
  }),
);
