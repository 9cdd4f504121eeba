// The post step's own bundle entry (action.yml `post:`): it can never take itself for main. When
// main and post shared one file, told apart by a state flag main saves first, a main step killed
// before that (while Node loaded the bundle: cancellation, OOM) left a post step with no state,
// which ran as main and staged the secrets again, for nobody to wipe.
import { run } from './post.js';

await run();
