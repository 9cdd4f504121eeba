import { protectedRootsFromEnv } from '@bydigest/core';
import { runAction, setCheckedOutput } from '@bydigest/action-kit';
import { isAbsolute } from 'node:path';
import { readInputs } from './inputs.js';
import * as action from './run.js';

/**
 * The main step (what GitHub's local-action calls): stage the files, output their paths. The post
 * step has its own entry (post.ts), so nothing tells main from post by state.
 */
export async function run(): Promise<void> {
  await runAction(async () => {
    const inputs = await readInputs(protectedRootsFromEnv(process.env));
    const { dir, paths } = await action.run(inputs);
    setCheckedOutput('dir', dir, (v) => isAbsolute(v));
    const names = Object.keys(paths);
    setCheckedOutput(
      'paths',
      JSON.stringify(paths),
      () => names.length === inputs.specs.length && Object.values(paths).every((p) => isAbsolute(p)),
    );
  });
}
