// The bundle's entry (dist/preflight/index.js). scrypt first, as in sign-digest: the key's
// derivation overlaps loading the rest of the action and the registry round-trips.
import { startSigningKeys } from '@bydigest/action-kit/early-key';
import { runnerFilesPresent } from '@bydigest/action-kit/entry';

if (runnerFilesPresent()) {
  const signingKeys = startSigningKeys()!;
  const { run } = await import('./main.js');
  await run(signingKeys);
}
