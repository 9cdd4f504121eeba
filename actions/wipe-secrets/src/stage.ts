import { setCheckedOutput, runner } from '@bydigest/action-kit';
import {
  createStagingDir,
  maskValuesFor,
  protectedRootsFromEnv,
  readSecretValues,
  readStartupEnviron,
  stageSecretFiles,
  type SecretValue,
} from '@bydigest/core';
import { tmpdir } from 'node:os';
import { isAbsolute, resolve, sep } from 'node:path';
import { forInput, readStageInputs, readWipePaths } from './inputs.js';
import { STATE } from './state.js';

/**
 * The main step. Order matters for the post step, which only knows what is in the state:
 * wipe-paths are recorded first (they are wiped even if the rest fails), every secret is read
 * and masked before anything touches the disk, the directory is recorded as soon as it exists,
 * and the file list before the first file is opened.
 */
export async function stage(): Promise<void> {
  const roots = protectedRootsFromEnv(process.env);
  const wipePaths = await readWipePaths(roots);
  if (wipePaths.length > 0) runner.saveState(STATE.wipePaths, JSON.stringify(wipePaths));
  const inputs = await readStageInputs(roots, wipePaths);

  const values = await forInput('files', () =>
    readSecretValues(inputs.specs, process.env, { allowEmpty: inputs.allowEmpty, rawEnviron: readStartupEnviron() }),
  );
  try {
    for (const v of values) for (const m of maskValuesFor(v.value)) runner.setSecret(m);

    const dir = await forInput('dir', () =>
      createStagingDir({
        dir: inputs.dir,
        parent: process.env.RUNNER_TEMP || tmpdir(),
        onCreated: (d) => runner.saveState(STATE.dir, d),
      }),
    );
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
    for (const v of empty) runner.info(`${v.name}: ${v.envVar} is unset or empty; staged an empty file (allow-empty)`);
    if (wipePaths.length > 0) runner.info(`The post step will also wipe: ${wipePaths.join(', ')}`);
    await writeSummary(dir, values, wipePaths);
  } finally {
    // The environment still holds the secret; these copies at least need not outlive the step.
    for (const v of values) v.value.fill(0);
  }
}

function isPathMap(json: string, count: number): boolean {
  const parsed: unknown = JSON.parse(json);
  return (
    typeof parsed === 'object' &&
    parsed !== null &&
    Object.keys(parsed).length === count &&
    Object.values(parsed).every((p) => typeof p === 'string' && isAbsolute(p))
  );
}

async function writeSummary(dir: string, values: readonly SecretValue[], wipePaths: readonly string[]): Promise<void> {
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
  if (wipePaths.length > 0) s.addRaw(`<p>Also wiped by the post step: ${wipePaths.map((p) => `<code>${escapeHtml(p)}</code>`).join(', ')}</p>`);
  await s.write();
}

export function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
