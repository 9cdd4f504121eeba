import { runAction, setCheckedOutput } from '@bydigest/action-kit';
import { readInputs } from './inputs.js';
import * as action from './run.js';

/** The whole step (what GitHub's local-action calls): inputs, the files, the outputs. */
export async function run(): Promise<void> {
  await runAction(async () => {
    const r = await action.run(await readInputs());
    setCheckedOutput('dir', r.dir, (v) => v.startsWith('/'));
    setCheckedOutput('policy', r.policy, (v) => v.endsWith('/etc/containers/policy.json'));
    setCheckedOutput('registries-d', r.registriesD, (v) => v.endsWith('/etc/containers/registries.d'));
    setCheckedOutput('key-files', r.keyFiles.join('\n'), (v) => v.split('\n').every((p) => p.endsWith('.pub')));
  });
}
