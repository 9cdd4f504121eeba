import { runAction, runner, setCheckedOutput } from '@bydigest/action-kit';
import { readInputs } from './inputs.js';
import { run } from './run.js';

await runAction(async () => {
  const inputs = readInputs();
  const r = await run(inputs);
  const first = r.files[0]!;
  // attach-sbom takes `sbom` as is; with format: both, the SPDX file comes first.
  setCheckedOutput('sbom', first.path, (v) => v.startsWith('/'));
  setCheckedOutput('format', inputs.format, /^(spdx-json|cyclonedx-json|both)$/);
  setCheckedOutput('packages', String(r.packages), /^\d+$/);
  setCheckedOutput('media-type', first.mediaType, /^application\/vnd\.(spdx|cyclonedx)\+json$/);
  if (r.files[1]) setCheckedOutput('cyclonedx', r.files[1].path, (v) => v.startsWith('/'));
  if (r.imageDigest) setCheckedOutput('image-digest', r.imageDigest, /^sha256:[a-f0-9]{64}$/);
  await runner.summary
    .addHeading('generate-sbom', 3)
    .addTable([
      [{ data: 'source', header: true }, { data: 'database', header: true }, { data: 'packages', header: true }, { data: 'SBOM', header: true }],
      [`<code>${inputs.source}</code>`, r.db ? `<code>${r.db.path}</code>` : 'none', String(r.packages), r.files.map((f) => `<code>${f.path}</code>`).join('<br>')],
    ])
    .write();
});
