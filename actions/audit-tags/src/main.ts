import { runAction, setCheckedOutput } from '@bydigest/action-kit';
import { readInputs } from './inputs.js';
import * as action from './run.js';

type Result = Awaited<ReturnType<typeof action.run>>;

/** The whole step (what GitHub's local-action calls): inputs, the audit, the outputs; fails as fail-on says. */
export async function run(): Promise<void> {
  await runAction(async () => {
    let result: Result;
    try {
      result = await action.run(await readInputs());
    } catch (e) {
      // A failing audit still hands its report to the next step (if: failure()).
      const failedRun = (e as { result?: Result }).result;
      if (failedRun) setOutputs(failedRun);
      throw e;
    }
    setOutputs(result);
  });
}

function setOutputs({ report, reportPath }: Result): void {
  setCheckedOutput('failed', String(report.tags.filter((t) => t.status === 'fail').length), /^\d+$/);
  setCheckedOutput('unknown', String(report.tags.filter((t) => t.status === 'unknown').length), /^\d+$/);
  setCheckedOutput('report', reportPath, (v) => v.endsWith('.json'));
}
