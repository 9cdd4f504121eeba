import { BydigestError, formatReference, withTag } from '@bydigest/core';
import { runAction, setCheckedOutput } from '@bydigest/action-kit';
import { readInputs } from './inputs.js';
import * as action from './run.js';

/** The whole step (what GitHub's local-action calls): inputs, the gate, the outputs; fails when not safe. */
export async function run(): Promise<void> {
  await runAction(
    async () => {
      const inputs = await readInputs();
      const results = await action.run(inputs);
      const reports = results.map((r) => r.report);
      const safe = reports.every((r) => r.safe);
      // With several candidates, each blocking tag is named with its repository.
      const several = reports.length > 1;
      const blocking = reports.flatMap((r) =>
        r.blocking.map((t) => (several ? `${formatReference(withTag(r.candidate, t))}` : t)),
      );
      setCheckedOutput('safe', String(safe), /^(true|false)$/);
      setCheckedOutput('phase', inputs.phase, /^(prepare|overlap|switch|retire)$/);
      // Unset when safe: outputs are never set empty.
      if (blocking.length > 0) setCheckedOutput('blocking', blocking.join('\n'), (v) => !safe && v.length > 0);
      const recoveryDir = several ? inputs.recoveryDir : results[0]?.recoveryDir;
      if (recoveryDir && results.some((r) => r.recoveryDir))
        setCheckedOutput('recovery-dir', recoveryDir, (v) => v.length > 0);
      if (!safe) {
        const lines = reports.flatMap((report) =>
          [
            ...report.checks.filter((c) => c.status === 'fail'),
            ...report.releases.filter((v) => v.status === 'fail'),
          ].map(
            (x) =>
              `${several ? `${formatReference(report.candidate)}: ` : ''}${'release' in x ? `${x.release.tags.join(', ')} (${x.release.digest})` : x.id}: ${x.message}. Fix: ${x.fix ?? ''}`,
          ),
        );
        throw new BydigestError(
          'POLICY',
          `${inputs.phase} is not safe: hosts would be stranded or the candidate does not match its phase:\n- ${lines.join('\n- ')}`,
          {
            hint: 'the job summary lists every live release, what it trusts and when it leaves the window',
          },
        );
      }
    },
    // A channel tag the repository lacks is the channels input's fault.
    { inputFor: { INVALID_ARGUMENT: 'channels' } },
  );
}
