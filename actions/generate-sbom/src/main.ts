import { runAction, setCheckedOutput } from '@bydigest/action-kit';
import { readInputs } from './inputs.js';
import * as action from './run.js';

/** The whole step (what GitHub's local-action calls): inputs, the SBOM file(s), the outputs. */
export async function run(): Promise<void> {
  await runAction(async () => {
      const inputs = readInputs();
      const r = await action.run(inputs);
      const first = r.files[0]!;
      // attach-sbom takes `sbom` as is; with format: both, the SPDX file comes first.
      setCheckedOutput('sbom', first.path, (v) => v.startsWith('/'));
      setCheckedOutput('format', inputs.format, /^(spdx-json|cyclonedx-json|both)$/);
      setCheckedOutput('packages', String(r.packages), /^\d+$/);
      setCheckedOutput('media-type', first.mediaType, /^application\/vnd\.(spdx|cyclonedx)\+json$/);
      if (r.files[1]) setCheckedOutput('cyclonedx', r.files[1].path, (v) => v.startsWith('/'));
      if (r.imageDigest) setCheckedOutput('image-digest', r.imageDigest, /^sha256:[a-f0-9]{64}$/);
  });
}
