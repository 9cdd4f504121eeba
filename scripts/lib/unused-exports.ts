// Dead exports and unused dependencies, found with the TypeScript compiler and the import lines
// (no knip: two questions, and the compiler already knows what a module exports).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

const SKIP = new Set(['node_modules', 'dist', '.cache', 'coverage', 'fixtures']);

/** Every .ts/.mjs/.js source under `dirs` (relative to `root`), dependencies and bundles left out. */
export function sources(root: string, dirs: readonly string[]): string[] {
  const out: string[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      if (SKIP.has(name)) continue;
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (/\.(ts|mts|mjs|js)$/.test(name) && !name.endsWith('.d.ts')) out.push(path);
    }
  };
  for (const d of dirs) walk(join(root, d));
  return out.sort();
}

/**
 * The names an index module exports: its `export { … } from` lists, following `export * from`
 * into the modules it gathers. (The indexes only re-export; the compiler's answer is the same
 * and takes half a minute to build.)
 */
export function exportedNames(entry: string): string[] {
  const names = new Set<string>();
  const text = readFileSync(entry, 'utf8');
  for (const m of text.matchAll(/\bexport\s+(?:type\s+)?\{([^}]*)\}\s*from/g)) {
    for (const part of (m[1] as string).split(',')) {
      const name = part
        .trim()
        .replace(/^type\s+/, '')
        .split(/\s+as\s+/)
        .pop()
        ?.trim();
      if (name) names.add(name);
    }
  }
  for (const m of text.matchAll(/\bexport\s+\*\s+from\s*['"](\.[^'"]+)['"]/g)) {
    for (const n of exportedNames(join(dirname(entry), (m[1] as string).replace(/\.js$/, '.ts')))) names.add(n);
  }
  return [...names].sort();
}

// `import { a, type B } from 'spec'` and `export { a } from 'spec'`, over line breaks.
const NAMED = /\b(?:import|export)\s+(?:type\s+)?\{([^}]*)\}\s*from\s*['"]([^'"]+)['"]/g;

/** The names `files` import (or re-export) from a module specifier `spec` matches. */
export function namesImported(files: readonly string[], spec: (s: string) => boolean): Set<string> {
  const used = new Set<string>();
  for (const f of files) {
    for (const m of readFileSync(f, 'utf8').matchAll(NAMED)) {
      if (!spec(m[2] as string)) continue;
      for (const part of (m[1] as string).split(',')) {
        const name = part
          .trim()
          .replace(/^type\s+/, '')
          .split(/\s+as\s+/)[0]
          ?.trim();
        if (name) used.add(name);
      }
    }
  }
  return used;
}

/** The packages a source imports: `@scope/name` or `name` of every bare specifier (node: left out). */
export function packagesImported(files: readonly string[]): Set<string> {
  const used = new Set<string>();
  const BARE =
    /(?:\bfrom\s*|\bimport\s*\(?\s*|\b(?:require|resolve)\(\s*)['"]((?:@[^/'"]+\/)?[^./'"][^/'"]*)[^'"]*['"]/g;
  for (const f of files)
    for (const m of readFileSync(f, 'utf8').matchAll(BARE))
      if (!(m[1] as string).startsWith('node:')) used.add(m[1] as string);
  return used;
}

export function relativeAll(root: string, files: readonly string[]): string[] {
  return files.map((f) => relative(root, f));
}
