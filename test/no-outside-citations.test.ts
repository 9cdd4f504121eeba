import { describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './harness/paths.js';

/**
 * The repository stands alone: no file cites a document that lives beside it in the authors'
 * workspace (design notes, interop notes, a shared fixtures folder). A reader of the repository
 * cannot open those, so a citation of one is a dead link; describe the fact or link upstream.
 */
const OUTSIDE = [/\bINTEROP\.md\b/, /\bDESIGN\.md\b/, /\.\.\/shared\b/, /(?<![\w.-])shared\/(?:fixtures|hooks|seed)\b/];

const tracked = execFileSync('git', ['ls-files', '-z'], { cwd: repoRoot, encoding: 'utf8' })
  .split('\0')
  .filter((f) => f && !f.startsWith('dist/') && f !== 'pnpm-lock.yaml' && f !== 'test/no-outside-citations.test.ts');

function citations(file: string): string[] {
  let text: string;
  try {
    text = readFileSync(join(repoRoot, file), 'utf8');
  } catch {
    return []; // deleted in the working tree but still in the index
  }
  if (text.includes('\0')) return [];
  return text
    .split('\n')
    .flatMap((line, i) => (OUTSIDE.some((re) => re.test(line)) ? [`${file}:${i + 1}: ${line.trim()}`] : []));
}

describe('the repository cites nothing outside it', () => {
  it('no tracked file names INTEROP.md, DESIGN.md or the shared folder', () => {
    expect(tracked.length).toBeGreaterThan(50);
    const found = tracked.flatMap(citations);
    expect(found).toEqual([]);
  });

  it('the patterns catch what they are for', () => {
    const hit = (line: string) => OUTSIDE.some((re) => re.test(line));
    expect(
      ['see INTEROP.md §7', '// DESIGN.md "Benchmarks"', 'cp ../shared/fixtures/x .', 'from `shared/fixtures/`'].every(
        hit,
      ),
    ).toBe(true);
    expect(['packages/core/test/fixtures/x', 'a shared/unshared lock', 'docs/design.md'].some(hit)).toBe(false);
  });
});
