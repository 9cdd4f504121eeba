import { lstatSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { basename, isAbsolute, join, relative, sep } from 'node:path';
import type { FileKind, SourceFile } from './check.js';
import { pathPattern } from './ignore.js';
import type { FileProblem } from './types.js';

export const DEFAULT_PATHS = [
  '.github/workflows',
  '.github/actions',
  '**/action.yml',
  '**/action.yaml',
  '**/Containerfile*',
  '**/Dockerfile*',
];

/** Folders never walked: other people's code and our own build output. */
const SKIPPED = new Set(['.git', 'node_modules']);
const MAX_ENTRIES = 50_000;
const MAX_FILE_BYTES = 4 * 1024 * 1024;

export interface Discovered {
  files: SourceFile[];
  problems: FileProblem[];
}

/**
 * The files `paths` names under the checkout: folders are walked for workflows, action.yml files
 * and Containerfiles; patterns with `*` match paths relative to the checkout. A symlink that
 * leads out of the checkout is reported and not followed, so neither check nor fix reads or
 * writes outside it.
 */
export function discoverFiles(root: string, paths: readonly string[]): Discovered {
  const realRoot = realpathSync(root);
  const out: Discovered = { files: [], problems: [] };
  const seen = new Set<string>();
  const patterns = paths.filter((p) => p.includes('*')).map(pathPattern);
  const plain = paths.filter((p) => !p.includes('*'));
  let entries = 0;

  const inside = (abs: string): boolean => {
    const rel = relative(realRoot, abs);
    return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
  };
  const add = (rel: string, kind: FileKind | undefined): void => {
    if (kind === undefined || seen.has(rel)) return;
    seen.add(rel);
    const abs = join(realRoot, rel);
    let real: string;
    try {
      real = realpathSync(abs);
    } catch {
      out.problems.push({ file: rel, message: `${rel} is a broken symlink; not checked` });
      return;
    }
    if (!inside(real)) {
      out.problems.push({ file: rel, message: `${rel} is a symlink out of the checkout; not followed` });
      return;
    }
    const size = statSync(real).size;
    if (size > MAX_FILE_BYTES) {
      out.problems.push({
        file: rel,
        message: `${rel} is ${size} bytes, more than a workflow or Containerfile has; not checked`,
      });
      return;
    }
    out.files.push({ file: rel, kind, text: utf8(readFileSync(real)) });
  };

  const walk = (relDir: string, explicit: boolean): void => {
    let names: string[];
    try {
      names = readdirSync(join(realRoot, relDir)).sort();
    } catch {
      return;
    }
    for (const name of names) {
      if (++entries > MAX_ENTRIES) return;
      const rel = relDir === '' ? name : `${relDir}/${name}`;
      const st = lstatSync(join(realRoot, rel));
      if (st.isSymbolicLink()) {
        const kind = kindOf(rel, explicit);
        if (kind !== undefined && (explicit || patterns.some((p) => p.test(rel)))) add(rel, kind);
        else if (kind === undefined && explicit) checkLinkedFolder(rel);
        continue;
      }
      if (st.isDirectory()) {
        if (!SKIPPED.has(name)) walk(rel, explicit);
      } else if (st.isFile() && (explicit || patterns.some((p) => p.test(rel)))) {
        add(rel, kindOf(rel, explicit));
      }
    }
  };
  // A symlinked folder inside an explicit path: reported when it leads out, not walked either way.
  const checkLinkedFolder = (rel: string): void => {
    try {
      if (!inside(realpathSync(join(realRoot, rel))))
        out.problems.push({ file: rel, message: `${rel} is a symlink out of the checkout; not followed` });
    } catch {
      /* a broken link to something that is not a checked file */
    }
  };

  for (const p of plain) {
    const rel = p.replace(/^\.\//, '').replace(/\/+$/, '').split(sep).join('/');
    let st;
    try {
      st = lstatSync(join(realRoot, rel));
    } catch {
      continue; // a default path the repository does not have
    }
    if (st.isSymbolicLink()) {
      // A linked folder is walked only when it leads to a folder inside the checkout.
      let target: string | undefined;
      try {
        target = realpathSync(join(realRoot, rel));
      } catch {
        target = undefined;
      }
      if (target !== undefined && inside(target) && statSync(target).isDirectory()) walk(rel, true);
      else if (target !== undefined && !inside(target))
        out.problems.push({ file: rel, message: `${rel} is a symlink out of the checkout; not followed` });
      else add(rel, kindOf(rel, true) ?? 'workflow');
    } else if (st.isDirectory()) {
      walk(rel, true);
    } else {
      add(rel, kindOf(rel, true));
    }
  }
  if (patterns.length > 0) walk('', false);
  out.files.sort((a, b) => (a.file < b.file ? -1 : 1));
  return out;
}

/** What a path is by its name: Containerfiles and action.yml by name, other YAML in a named folder as workflows. */
export function kindOf(rel: string, explicit: boolean): FileKind | undefined {
  const name = basename(rel);
  if (/^(?:Containerfile|Dockerfile)(?:\..*)?$/i.test(name) || /\.(?:Containerfile|Dockerfile)$/i.test(name))
    return 'containerfile';
  if (/^action\.ya?ml$/.test(name)) return 'action';
  if (/\.ya?ml$/.test(name) && (explicit || rel.includes('.github/workflows/')))
    return rel.startsWith('.github/actions/') ? undefined : 'workflow';
  return undefined;
}

const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** The text, or undefined for bytes that are not UTF-8 (a binary file); a fix must write back the same bytes. */
export function utf8(bytes: Buffer): string | undefined {
  try {
    const text = decoder.decode(bytes);
    return text.includes('\u0000') ? undefined : text;
  } catch {
    return undefined;
  }
}
