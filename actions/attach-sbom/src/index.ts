// The bundle's entry (dist/attach-sbom/index.js): the key starts decoding (scrypt) before the
// toolkit and the registry client load.
import { startSigningKeys } from '@bydigest/action-kit/early-key';
import { runnerFilesPresent } from '@bydigest/action-kit/entry';

if (runnerFilesPresent()) {
  const signingKeys = startSigningKeys({ unless: 'sign' });
  const { run } = await import('./main.js');
  await run(signingKeys);
}
