// The entry stays light (no @actions/*, no registry client) so scrypt starts first.
import { startSigningKey } from '@bydigest/action-kit/early-key';

const pendingKey = startSigningKey()!;
const { run } = await import('./run.js');
await run(pendingKey);
