import { runAction, runner } from '@bydigest/action-kit';
import { post } from './post.js';
import { stage } from './stage.js';
import { STATE } from './state.js';

// One bundle is both `main` and `post` (action.yml points both at it). The runner gives the
// post step the state the main step saved, so the flag tells the two apart. It is saved before
// anything else: a post step that mistook itself for main would stage secrets nobody wipes.
const isPost = runner.getState(STATE.isPost) === 'true';
if (!isPost) runner.saveState(STATE.isPost, 'true');

await runAction(isPost ? post : stage);
