import { runAction, setCheckedOutput } from '@bydigest/action-kit';
import { readInputs } from './inputs.js';
import * as action from './run.js';

/** The whole step (what GitHub's local-action calls): inputs, the checks, the outputs. */
export async function run(): Promise<void> {
  await runAction(
    async () => {
      const r = await action.run(await readInputs());
      setCheckedOutput('trusted', 'true', /^true$/);
      setCheckedOutput('scope', r.scope ?? '', (v) => v.length > 0);
      const fps = r.keys.filter((k) => k.ref.role === 'public-key').flatMap((k) => k.fingerprints);
      setCheckedOutput('key-fingerprints', fps.join(','), /^([a-f0-9]{64}(,[a-f0-9]{64})*)?$/);
      setCheckedOutput(
        'warnings',
        String(r.checks.flatMap((c) => c.findings).filter((f) => f.status === 'warn').length),
        /^\d+$/,
      );
      // A layout or rootfs that cannot be opened is the source input's fault; what the image holds is not.
    },
    { inputFor: { LAYOUT: 'source', INVALID_ARGUMENT: 'source' } },
  );
}
