// Light entry: the key starts decoding (scrypt) before the registry client loads.
import { startSigningKey } from '@bydigest/action-kit/early-key';

const pendingKey = startSigningKey({ unless: 'sign' });
const { run } = await import('./run.js');
await run(pendingKey);
