import { protectedRootsFromEnv } from '@bydigest/core';
import { runAction, setCheckedOutput } from '@bydigest/action-kit';
import { isAbsolute } from 'node:path';
import { readInputs } from './inputs.js';
import { run } from './run.js';

// The post step has its own entry (post-entry.ts), so nothing here tells main from post.
await runAction(async () => {
  const inputs = await readInputs(protectedRootsFromEnv(process.env));
  const { dir, paths } = await run(inputs);
  setCheckedOutput('dir', dir, (v) => isAbsolute(v));
  const names = Object.keys(paths);
  setCheckedOutput('paths', JSON.stringify(paths), () => names.length === inputs.specs.length && Object.values(paths).every((p) => isAbsolute(p)));
});
