import { describe, expect, it } from '@jest/globals';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  generatedSection,
  listedNames,
  parseActionYaml,
  renderGenerated,
  updateDoc,
  type ActionMeta,
} from '../scripts/lib/action-docs.js';
import { repoRoot } from './harness/paths.js';

const actions = readdirSync(join(repoRoot, 'actions')).filter((n) =>
  existsSync(join(repoRoot, 'actions', n, 'action.yml')),
);
const meta = (action: string): ActionMeta =>
  parseActionYaml(readFileSync(join(repoRoot, 'actions', action, 'action.yml'), 'utf8'));
const docPath = (action: string): string => join(repoRoot, 'docs', 'actions', `${action}.md`);

/** What differs between an action.yml and the names its doc lists, in words a reviewer can act on. */
function drift(m: ActionMeta, section: string): string[] {
  const listed = listedNames(section);
  const problems: string[] = [];
  for (const kind of ['inputs', 'outputs'] as const) {
    const declared = Object.keys(m[kind] ?? {});
    for (const n of declared)
      if (!listed[kind].includes(n)) problems.push(`${kind.slice(0, -1)} '${n}' is in action.yml but not in the doc`);
    for (const n of listed[kind])
      if (!declared.includes(n)) problems.push(`${kind.slice(0, -1)} '${n}' is in the doc but not in action.yml`);
  }
  return problems;
}

describe('docs/actions/<name>.md', () => {
  it('exists for every action', () => {
    expect(actions.filter((a) => !existsSync(docPath(a)))).toEqual([]);
  });

  it.each(actions)('%s: lists exactly the inputs and outputs of its action.yml', (action) => {
    const section = generatedSection(readFileSync(docPath(action), 'utf8'));
    expect(section).toBeDefined();
    expect(drift(meta(action), section!)).toEqual([]);
  });

  it.each(actions)(
    '%s: the generated section is current (run `pnpm action-docs` after editing action.yml)',
    (action) => {
      const doc = readFileSync(docPath(action), 'utf8');
      expect(generatedSection(doc)).toBe(renderGenerated(action, meta(action)));
    },
  );

  it.each(actions)('%s: keeps a hand-written example outside the generated section', (action) => {
    const doc = readFileSync(docPath(action), 'utf8');
    const outside = doc.replace(generatedSection(doc) ?? '', '');
    expect(outside).toMatch(new RegExp(`uses: <owner>/bydigest/actions/${action}@<sha> # v`));
  });
});

describe('the freshness check fails when action.yml and its doc disagree', () => {
  const action = 'sign-digest';
  const doc = readFileSync(docPath(action), 'utf8');

  it('an input added to action.yml only', () => {
    const changed = meta(action);
    changed.inputs = { ...changed.inputs, 'new-input': { description: 'new', required: false, default: '' } };
    expect(drift(changed, generatedSection(doc)!)).toEqual(["input 'new-input' is in action.yml but not in the doc"]);
    expect(generatedSection(doc)).not.toBe(renderGenerated(action, changed));
  });

  it('an output added to the doc only', () => {
    const edited = doc.replace(
      '| Output | Description |\n| --- | --- |\n',
      '| Output | Description |\n| --- | --- |\n| `extra` | hand-added |\n',
    );
    expect(drift(meta(action), generatedSection(edited)!)).toEqual([
      "output 'extra' is in the doc but not in action.yml",
    ]);
  });

  it('a changed default or description (names equal, text stale)', () => {
    const changed = meta(action);
    changed.inputs!.format!.default = 'both';
    expect(drift(changed, generatedSection(doc)!)).toEqual([]);
    expect(generatedSection(doc)).not.toBe(renderGenerated(action, changed));
  });

  it('regenerating keeps the hand-written text and replaces only the generated section', () => {
    const changed = meta(action);
    changed.outputs = { ...changed.outputs, extra: { description: 'x' } };
    const next = updateDoc(doc, action, renderGenerated(action, changed));
    expect(next.replace(generatedSection(next)!, '')).toBe(doc.replace(generatedSection(doc)!, ''));
    expect(listedNames(generatedSection(next)!).outputs).toContain('extra');
  });

  it('a doc without markers is refused, not overwritten', () => {
    expect(() =>
      updateDoc('# sign-digest\n\nhand-written only\n', action, renderGenerated(action, meta(action))),
    ).toThrow(/no generated-section markers/);
  });
});

describe('docs/migrate-from-shell.md', () => {
  const guide = readFileSync(join(repoRoot, 'docs', 'migrate-from-shell.md'), 'utf8');
  const sections = guide.split(/^## /m).slice(1);

  it.each(actions)('%s: has a row in the table and a section with the shell before and the action after', (action) => {
    expect(guide).toMatch(new RegExp(`^\\| .+ \\| \\[${action}\\]\\(actions/${action}\\.md\\) \\|$`, 'm'));
    const section = sections.find((s) => s.includes(`bydigest/actions/${action}@`));
    expect(section?.split('\n')[0]).toBeDefined();
    // Before: a shell step (or the lack of one, said in words); after: the action's step.
    expect(section).toMatch(/^Before: /m);
    expect(section).toMatch(/^After: /m);
  });
});
