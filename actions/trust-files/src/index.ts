// The bundle's entry (dist/trust-files/index.js): the runner runs this file.
import { runnerFilesPresent } from '@bydigest/action-kit/entry';

if (runnerFilesPresent()) {
  const { run } = await import('./main.js');
  await run();
}
