// The entry stays light (no @actions/*, no registry client): it starts scrypt on libuv's
// pool first, so key derivation overlaps module loading and the registry round-trips.
import { loadSigningKey } from '@bydigest/core/keys';

const input = (name: string) => (process.env[`INPUT_${name.toUpperCase()}`] ?? '').trim();
const pendingKey = loadSigningKey(input('key') || 'env://COSIGN_PRIVATE_KEY', input('password-env') || 'COSIGN_PASSWORD', process.env);
// Errors surface when run() awaits the key, after the inputs are checked.
pendingKey.catch(() => undefined);

const { run } = await import('./run.js');
await run(pendingKey);
