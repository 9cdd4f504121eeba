/**
 * Compiles packages/core/src (and the child runner) to plain ESM JavaScript in a directory, so a
 * child `node` measures our code alone: no jest worker, no TypeScript loader in its RSS.
 * Type-only transpilation (TypeScript's transpileModule); `pnpm typecheck` is the type check.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const CORE = fileURLToPath(new URL('../../', import.meta.url));

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? tsFiles(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

/** Returns the path of the compiled child runner. */
export function buildInspectChild(outDir: string): string {
  const sources = [...tsFiles(join(CORE, 'src')), join(CORE, 'test/sbom/inspect-child.ts')];
  for (const file of sources) {
    const { outputText } = ts.transpileModule(readFileSync(file, 'utf8'), {
      fileName: file,
      compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2023, verbatimModuleSyntax: true },
    });
    const out = join(outDir, relative(CORE, file)).replace(/\.ts$/, '.js');
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, outputText);
  }
  writeFileSync(join(outDir, 'package.json'), '{"type":"module"}\n');
  return join(outDir, 'test/sbom/inspect-child.js');
}
