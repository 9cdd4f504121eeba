import { runAction, setCheckedOutput } from '@bydigest/action-kit';
import { BydigestError } from '@bydigest/core';
import { readInputs } from './inputs.js';
import * as action from './run.js';

/**
 * The whole step (what GitHub's local-action calls): inputs, the checks, the outputs; fails when anything is reported.
 */
export async function run(): Promise<void> {
  await runAction(async () => {
    const inputs = readInputs();
    const r = await action.run(inputs, {
      root: process.env.GITHUB_WORKSPACE || process.cwd(),
      apiUrl: process.env.GITHUB_API_URL || 'https://api.github.com',
      reportDir: process.env.RUNNER_TEMP || process.cwd(),
    });
    setCheckedOutput('problems', String(r.problems), /^\d+$/);
    setCheckedOutput('report', r.reportPath, (v) => v.endsWith('.json'));
    if (r.problems > 0) {
      throw new BydigestError(
        'INVALID_ARGUMENT',
        `check-pins: ${r.problems} problem(s) in ${r.filesChecked} file(s); see the annotations and the job summary`,
        {
          hint: r.fixable > 0 && inputs.mode === 'check' ? `${r.fixable} of them mode: fix can pin` : undefined,
        },
      );
    }
  });
}
