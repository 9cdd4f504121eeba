// The corpus: workflows, action.yml files and Containerfiles (the supply-chain chapter's own
// snippets, this repository's workflows, a case or more per rule, and bad input), each beside a
// `<file>.expected.json` with exactly the findings it must give: rule, line and column.
import { describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  checkSources,
  installerTable,
  parseIgnore,
  RULE_IDS,
  type FileKind,
  type SourceFile,
} from '@bydigest/core/pins';
import { utf8 } from '../../src/pins/discover.js';

const dir = join(dirname(fileURLToPath(import.meta.url)), 'corpus');
const cases = readdirSync(dir)
  .filter((f) => !f.endsWith('.expected.json'))
  .sort();

interface Expected {
  options?: { allowFloating?: string[]; ignore?: string[]; installers?: string[] };
  findings: Array<{ line: number; column: number; rule: string }>;
  /** Each a pattern the one problem reported for the file must match. */
  problems?: string[];
}

const kindOf = (name: string): FileKind =>
  name.endsWith('.workflow.yml') ? 'workflow' : name.endsWith('.action.yml') ? 'action' : 'containerfile';

function check(name: string) {
  const expected = JSON.parse(readFileSync(join(dir, `${name}.expected.json`), 'utf8')) as Expected;
  const file: SourceFile = { file: name, kind: kindOf(name), text: utf8(readFileSync(join(dir, name))) };
  const o = expected.options ?? {};
  const result = checkSources([file], {
    allowFloating: o.allowFloating ?? [],
    ignore: parseIgnore(o.ignore ?? []),
    installers: installerTable(o.installers ?? []),
  });
  return { expected, file, result };
}

describe('the check-pins corpus', () => {
  it('has at least 40 files, and a case for every rule that needs no network', () => {
    expect(cases.length).toBeGreaterThanOrEqual(40);
    const seen = new Set(cases.flatMap((c) => check(c).expected.findings.map((f) => f.rule)));
    const offline = RULE_IDS.filter((r) => r !== 'ref-version-mismatch' && r !== 'impostor-commit');
    expect(offline.filter((r) => !seen.has(r))).toEqual([]);
  });

  it.each(cases)('%s gives exactly its expected findings', (name) => {
    const { expected, result } = check(name);
    expect(result.findings.map((f) => ({ line: f.line, column: f.column, rule: f.rule }))).toEqual(expected.findings);
    expect(result.problems.length).toBe((expected.problems ?? []).length);
    (expected.problems ?? []).forEach((p, i) => expect(result.problems[i]!.message).toMatch(new RegExp(p)));
    for (const f of result.findings) {
      expect(f.file).toBe(name);
      expect(f.fix.length).toBeGreaterThan(20);
    }
  });

  it.each(cases.filter((c) => !c.endsWith('.Containerfile')))(
    '%s: each uses finding points at the value itself',
    (name) => {
      const { file, result } = check(name);
      const lines = (file.text ?? '').split('\n');
      for (const f of result.findings.filter(
        (x) => x.rule === 'unpinned-uses' || (x.rule === 'missing-version-comment' && !x.message.includes('image')),
      )) {
        const at = (lines[f.line - 1] ?? '').slice(f.column - 1).replace(/^["']/, '');
        expect(at).toMatch(/^(?:docker:\/\/|[\w.-]+\/[\w.-]+)/);
      }
    },
  );
});
