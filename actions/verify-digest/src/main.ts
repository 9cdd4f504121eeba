import { runAction, setCheckedOutput } from '@bydigest/action-kit';
import { readInputs } from './inputs.js';
import * as action from './run.js';

/** The whole step (what GitHub's local-action calls): inputs, the action, its outputs. */
export async function run(): Promise<void> {
  await runAction(async () => {
    const { signatures } = await action.run(await readInputs());
    setCheckedOutput('verified', 'true', /^true$/);
    setCheckedOutput('signatures', String(signatures), /^\d+$/);
  });
}
