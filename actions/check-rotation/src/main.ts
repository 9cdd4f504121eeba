import { BydigestError } from '@bydigest/core';
import { runAction, setCheckedOutput } from '@bydigest/action-kit';
import { readInputs } from './inputs.js';
import * as action from './run.js';

/** The whole step (what GitHub's local-action calls): inputs, the gate, the outputs; fails when not safe. */
export async function run(): Promise<void> {
  await runAction(
    async () => {
      const { report, recoveryDir } = await action.run(await readInputs());
      setCheckedOutput('safe', String(report.safe), /^(true|false)$/);
      setCheckedOutput('phase', report.phase, /^(prepare|overlap|switch|retire)$/);
      // Unset when safe: outputs are never set empty.
      if (report.blocking.length > 0) setCheckedOutput('blocking', report.blocking.join('\n'), (v) => !report.safe && v.length > 0);
      if (recoveryDir) setCheckedOutput('recovery-dir', recoveryDir, (v) => v.length > 0);
      if (!report.safe) {
        const lines = [...report.checks.filter((c) => c.status === 'fail'), ...report.releases.filter((v) => v.status === 'fail')].map((x) =>
          'release' in x ? `${x.release.tags.join(', ')} (${x.release.digest}): ${x.message}. Fix: ${x.fix ?? ''}` : `${x.id}: ${x.message}. Fix: ${x.fix ?? ''}`,
        );
        throw new BydigestError('POLICY', `${report.phase} is not safe: hosts would be stranded or the candidate does not match its phase:\n- ${lines.join('\n- ')}`, { hint: 'the job summary lists every live release, what it trusts and when it leaves the window' });
      }
    },
    // A channel tag the repository lacks is the channels input's fault.
    { inputFor: { INVALID_ARGUMENT: 'channels' } },
  );
}
