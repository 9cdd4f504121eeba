import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/** The actions a release offers: every actions/<name> with an action.yml, sorted. */
export function actionNames(root: string): string[] {
  return readdirSync(join(root, 'actions'), { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(root, 'actions', d.name, 'action.yml')))
    .map((d) => d.name)
    .sort();
}
