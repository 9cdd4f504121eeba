import { fileURLToPath } from 'node:url';

/** The repository root, from this file's location, so tests work from any cwd. */
export const repoRoot = fileURLToPath(new URL('../../', import.meta.url)).replace(/\/$/, '');
