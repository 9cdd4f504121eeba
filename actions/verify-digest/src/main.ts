import { runAction, setCheckedOutput } from '@bydigest/action-kit';
import { readInputs } from './inputs.js';
import { run } from './run.js';

await runAction(async () => {
  const { signatures } = await run(await readInputs());
  setCheckedOutput('verified', 'true', /^true$/);
  setCheckedOutput('signatures', String(signatures), /^\d+$/);
});
