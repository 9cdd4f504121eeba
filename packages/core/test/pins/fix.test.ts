// pinnedText: the byte-preserving rewrite behind mode: fix, without the network (SHAs given).
import { describe, expect, it } from '@jest/globals';
import { checkSources, installerTable, pinnedText, SourceText } from '@bydigest/core/pins';

const SHA = 'b'.repeat(40);
const options = { installers: installerTable([]), allowFloating: [], ignore: [] };

function fix(text: string, kind: 'workflow' | 'action' = 'workflow'): string {
  const checked = checkSources([{ file: 'f.yml', kind, text }], options);
  return pinnedText(
    new SourceText(text),
    checked.floating.map((site) => ({ site, sha: SHA })),
  );
}

describe('pinnedText', () => {
  it('changes only the refs and their comments, in workflows and composite actions', () => {
    const wf =
      'on: push\npermissions: {}\njobs:\n  a:\n    runs-on: x\n    steps:\n      - uses: a/b@v1 # v1\n      - uses: a/b/sub@v2.1.0\t# see #12\n      - uses: a/b@release/v3\n';
    expect(fix(wf)).toBe(
      `on: push\npermissions: {}\njobs:\n  a:\n    runs-on: x\n    steps:\n      - uses: a/b@${SHA} # v1\n      - uses: a/b/sub@${SHA} # v2.1.0\t# see #12\n      - uses: a/b@${SHA} # release/v3\n`,
    );
    const action = 'runs:\n  using: composite\n  steps:\n    - uses: "a/b@v4"\r\n      with: { x: 1 }\r\n';
    expect(fix(action, 'action')).toBe(
      `runs:\n  using: composite\n  steps:\n    - uses: "a/b@${SHA}" # v4\r\n      with: { x: 1 }\r\n`,
    );
  });

  it('keeps multi-byte text around the edits', () => {
    const wf =
      'name: café ✓\non: push\npermissions: {}\njobs:\n  a:\n    runs-on: x\n    steps:\n      - name: ünïcode — step\n        uses: a/b@v1 # ☃\n';
    const out = fix(wf);
    expect(out).toBe(wf.replace('a/b@v1 # ☃', `a/b@${SHA} # v1 # ☃`));
    expect(checkSources([{ file: 'f.yml', kind: 'workflow', text: out }], options).findings).toEqual([]);
  });
});
