import { describe, expect, it } from '@jest/globals';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './harness/paths.js';

/**
 * One shape for every action: actions/<name>/src holds
 *   index.ts   the bundle's entry (dist/<name>/index.js): the only file with top-level work;
 *   main.ts    `export async function run()`: inputs, the action, outputs (GitHub's local-action calls it);
 *   inputs.ts  the action's inputs, parsed and checked before any request;
 *   run.ts     `export async function run(inputs, …)`: the work, callable from a unit test without a runner.
 * A new action gets the shape by copying any other; this test keeps them from drifting apart.
 */
const actionsDir = join(repoRoot, 'actions');
const actions = readdirSync(actionsDir, { withFileTypes: true })
  .filter((d) => d.isDirectory() && existsSync(join(actionsDir, d.name, 'action.yml')))
  .map((d) => d.name)
  .sort();

const src = (action: string, file: string) => join(actionsDir, action, 'src', file);
const text = (action: string, file: string) => readFileSync(src(action, file), 'utf8');

/** `export async function run`, `export function run`, `export const run =`, or `export { run }`. */
const EXPORTS_RUN =
  /export\s+(?:async\s+)?function\s+run\s*[(<]|export\s+const\s+run\s*[:=]|export\s*\{[^}]*\brun\b[^}]*\}/;
const IMPORTS_RUN = /(?:from\s*|import\s*\(\s*)['"]\.\/run\.js['"]/;
const IMPORTS_INPUTS = /(?:from\s*|import\s*\(\s*)['"]\.\/inputs\.js['"]/;
/** A statement at column 0 that does work: an await, a call, or an if (imports, declarations and exports aside). */
const TOP_LEVEL_WORK = /^(?:await\b|if\s*\(|[A-Za-z_$][\w$.]*\s*\()/m;

describe('every action has one shape', () => {
  it('finds the actions', () => {
    expect(actions.length).toBeGreaterThanOrEqual(6);
  });

  it.each(actions)('%s: src/index.ts, src/main.ts, src/inputs.ts and src/run.ts exist', (action) => {
    const missing = ['index.ts', 'main.ts', 'inputs.ts', 'run.ts'].filter((f) => !existsSync(src(action, f)));
    expect(missing).toEqual([]);
  });

  it.each(actions)('%s: main.ts and run.ts export run; main.ts reads inputs.ts and calls run.ts', (action) => {
    expect(EXPORTS_RUN.test(text(action, 'run.ts'))).toBe(true);
    expect(EXPORTS_RUN.test(text(action, 'main.ts'))).toBe(true);
    expect(IMPORTS_RUN.test(text(action, 'main.ts'))).toBe(true);
    expect(IMPORTS_INPUTS.test(text(action, 'main.ts'))).toBe(true);
  });

  it.each(actions)('%s: only index.ts does work on import', (action) => {
    const files = readdirSync(join(actionsDir, action, 'src')).filter(
      (f) => f.endsWith('.ts') && f !== 'index.ts' && f !== 'post-entry.ts',
    );
    const working = files.filter((f) => TOP_LEVEL_WORK.test(text(action, f)));
    expect(working).toEqual([]);
    expect(TOP_LEVEL_WORK.test(text(action, 'index.ts'))).toBe(true);
  });

  it('the patterns match what they are for', () => {
    for (const ok of [
      'export async function run(opts: O): Promise<void> {',
      'export function run<T>(x: T) {',
      'export const run = async () => {}',
      'export { run, other };',
    ]) {
      expect(EXPORTS_RUN.test(ok)).toBe(true);
    }
    for (const bad of ['export async function runAll() {', 'async function run() {}', 'export const runner = 1;'])
      expect(EXPORTS_RUN.test(bad)).toBe(false);
    expect(IMPORTS_RUN.test("const { run } = await import('./run.js');")).toBe(true);
    expect(IMPORTS_RUN.test("import { run } from './runner.js';")).toBe(false);
    expect(TOP_LEVEL_WORK.test('await runAction(stage);')).toBe(true);
    expect(TOP_LEVEL_WORK.test('if (runnerFilesPresent()) {')).toBe(true);
    expect(TOP_LEVEL_WORK.test('export async function run() {\n  await x();\n}')).toBe(false);
  });
});
