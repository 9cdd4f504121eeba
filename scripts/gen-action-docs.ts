/**
 * Regenerates the reference part of docs/actions/<name>.md from actions/<name>/action.yml.
 *
 *   pnpm action-docs            rewrite the generated sections (hand-written text around them is kept)
 *   pnpm action-docs --check    change nothing; exit 1 naming every doc that is stale
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseActionYaml, renderGenerated, updateDoc } from './lib/action-docs.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const check = process.argv.includes('--check');
const docsDir = join(root, 'docs', 'actions');
const actions = readdirSync(join(root, 'actions')).filter((n) => existsSync(join(root, 'actions', n, 'action.yml')));

const stale: string[] = [];
if (!check) mkdirSync(docsDir, { recursive: true });
for (const action of actions.sort()) {
  const meta = parseActionYaml(readFileSync(join(root, 'actions', action, 'action.yml'), 'utf8'));
  const file = join(docsDir, `${action}.md`);
  const existing = existsSync(file) ? readFileSync(file, 'utf8') : undefined;
  const next = updateDoc(existing, action, renderGenerated(action, meta));
  if (next === existing) continue;
  stale.push(`docs/actions/${action}.md`);
  if (!check) writeFileSync(file, next);
}

if (check && stale.length > 0) {
  process.stderr.write(`stale (run pnpm action-docs): ${stale.join(', ')}\n`);
  process.exitCode = 1;
} else {
  process.stdout.write(
    stale.length === 0 ? 'docs/actions: up to date\n' : `docs/actions: updated ${stale.join(', ')}\n`,
  );
}
