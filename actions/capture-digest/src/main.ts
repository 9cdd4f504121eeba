import { hello } from '@bydigest/action-kit';
import { sha256Digest } from '@bydigest/core';
hello();
console.log(sha256Digest(Buffer.from('{}')));
