import { code, html, info, joinHtml, jobSummary, saveState, setSecret, warning, withInput } from '@bydigest/action-kit';
import {
  createStagingDir,
  maskValuesFor,
  readSecretValues,
  readStartupEnviron,
  stageSecretFiles,
  type SecretValue,
} from '@bydigest/core';
import { tmpdir } from 'node:os';
import { resolve, sep } from 'node:path';
import type { StageInputs } from './inputs.js';
import { STATE } from './state.js';

/**
 * The main step. Order matters for the post step, which only knows what is in the state:
 * wipe-paths are recorded first (they are wiped even if the rest fails), every secret is read
 * and masked before anything touches the disk, the directory is recorded as soon as it exists,
 * and the file list before the first file is opened.
 */
export interface Staged {
  dir: string;
  /** File name → absolute path. */
  paths: Record<string, string>;
}

export async function run(inputs: StageInputs): Promise<Staged> {
  const { wipePaths } = inputs;

  // Every error reading the values or making the directory (one that cannot be created, say) is the input's.
  const values = await withInput('files', () =>
    readSecretValues(inputs.specs, process.env, { allowEmpty: inputs.allowEmpty, rawEnviron: readStartupEnviron() }),
  );
  try {
    for (const v of values) for (const m of maskValuesFor(v.value)) setSecret(m);

    const dir = await withInput('dir', () =>
      createStagingDir({
        dir: inputs.dir,
        parent: process.env.RUNNER_TEMP || tmpdir(),
        onCreated: (d) => saveState(STATE.dir, d),
      }),
    );
    const workspace = process.env.GITHUB_WORKSPACE;
    if (inputs.dir && workspace && (dir + sep).startsWith(resolve(workspace) + sep)) {
      // A key inside the build context can be copied into a layer, and deleting it in a later
      // layer leaves it in the image's history.
      warning(
        `dir ${dir} is inside the workspace: a build whose context is the workspace (COPY . …) would copy these secrets into the image. Prefer the default (under RUNNER_TEMP) and pass files with --secret.`,
      );
    }
    const staged = await stageSecretFiles(dir, values, {
      onPlanned: (files) => saveState(STATE.files, JSON.stringify(files)),
    });

    const empty = values.filter((v) => v.value.length === 0);
    info(
      `Staged ${staged.length} file(s) in ${dir} (directory 0700, files 0600): ${staged.map((f) => f.name).join(', ') || 'none'}`,
    );
    for (const v of empty) info(`${v.name}: ${v.envVar} is unset or empty; staged an empty file (allow-empty)`);
    if (wipePaths.length > 0) info(`The post step will also wipe: ${wipePaths.join(', ')}`);
    await writeSummary(dir, values, wipePaths);
    return { dir, paths: Object.fromEntries(staged.map((f) => [f.name, f.path])) };
  } finally {
    // The environment still holds the secret; these copies at least need not outlive the step.
    for (const v of values) v.value.fill(0);
  }
}

async function writeSummary(dir: string, values: readonly SecretValue[], wipePaths: readonly string[]): Promise<void> {
  const s = jobSummary().heading('wipe-secrets: staged');
  if (values.length > 0)
    s.table([[{ header: 'file' }, { header: 'from variable' }], ...values.map((v) => [code(v.name), code(v.envVar)])]);
  s.paragraph(html`${values.length} file(s) in ${code(dir)}, mode 0600 in a 0700 directory; the post step wipes them.`);
  if (wipePaths.length > 0) s.paragraph(html`Also wiped by the post step: ${joinHtml(wipePaths.map(code))}`);
  await s.write();
}
