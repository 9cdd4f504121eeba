// The bundle's entry (dist/sign-digest/index.js). scrypt first: the key input is read and its
// derivation started before the rest of the action (the toolkit, the registry client) is even
// loaded, so ~190 ms of key derivation overlaps it.
import { startSigningKeys } from '@bydigest/action-kit/early-key';
import { runnerFilesPresent } from '@bydigest/action-kit/entry';

if (runnerFilesPresent()) {
  const signingKeys = startSigningKeys()!;
  const { run } = await import('./main.js');
  await run(signingKeys);
}
