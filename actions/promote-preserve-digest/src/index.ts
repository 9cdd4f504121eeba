// The bundle's entry (dist/promote-preserve-digest/index.js). Signing in the target repositories
// is opt-in: the key starts decoding (scrypt) first only when the key input is given.
import { startSigningKeys } from '@bydigest/action-kit/early-key';
import { runnerFilesPresent } from '@bydigest/action-kit/entry';

if (runnerFilesPresent()) {
  const signingKeys = startSigningKeys({ optional: true });
  const { run } = await import('./main.js');
  await run(signingKeys);
}
