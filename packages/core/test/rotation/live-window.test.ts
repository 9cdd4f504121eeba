import { describe, expect, it } from '@jest/globals';
import { isoDay, parseLiveWindow, phaseShape, ROTATION_PHASES, tagDate } from '../../src/index.js';
import { isLiveTag, leavesWindow } from '../../src/rotation/live-window.js';
import { thrown } from '../bydigest-error.js';

describe('dated tags', () => {
  it('reads the date the distros put at the end of a tag', () => {
    for (const tag of ['stable-20261101', '41-20261101', 'stable.20261101', '20261101', 'gts_20261101'])
      expect(isoDay(tagDate(tag)!)).toBe('2026-11-01');
  });

  it('ignores tags that end in no date or in a date that does not exist', () => {
    for (const tag of ['stable', 'latest', '41', 'stable-2026110', 'stable-20261301', 'stable-20260230', 'v20261101'])
      expect({ tag, date: tagDate(tag) }).toEqual({ tag, date: undefined });
  });
});

describe('the live window', () => {
  const asOf = new Date('2026-03-01T12:00:00Z');

  it('keeps a dated release live for the span after its date, and not before it was published', () => {
    const w = parseLiveWindow('45d');
    expect(isLiveTag(w, 'stable-20260115', asOf)).toBe(false); // left on 03-01 at 00:00
    expect(isoDay(leavesWindow(w, tagDate('stable-20260115')!)!)).toBe('2026-03-01');
    expect(isLiveTag(w, 'stable-20260116', asOf)).toBe(true);
    expect(isLiveTag(w, 'stable-20260114', asOf)).toBe(false);
    expect(isLiveTag(w, 'stable-20260302', asOf)).toBe(false);
    expect(isLiveTag(w, 'stable', asOf)).toBe(false);
    expect(parseLiveWindow('12w')).toMatchObject({ kind: 'days', days: 84 });
  });

  it('takes a tag pattern instead of a span', () => {
    const w = parseLiveWindow('stable-2026*');
    expect(isLiveTag(w, 'stable-20260101', asOf)).toBe(true);
    expect(isLiveTag(w, 'stable-20251231', asOf)).toBe(false);
    expect(isLiveTag(w, 'latest', asOf)).toBe(false);
  });

  it('refuses what is neither', () => {
    for (const bad of ['90', '0d', '3m', 'stable/*', 'three months'])
      expect(thrown(() => parseLiveWindow(bad)).code).toBe('INVALID_ARGUMENT');
  });
});

describe('the phases', () => {
  it('keyPaths: trust both until retire, sign with both only in overlap; keyPath-swap: sign with both until retire', () => {
    expect(ROTATION_PHASES.map((p) => phaseShape('keyPaths', p))).toEqual([
      { trusts: 'both', signedWith: 'current', keepsCurrent: true },
      { trusts: 'both', signedWith: 'both', keepsCurrent: true },
      { trusts: 'both', signedWith: 'next', keepsCurrent: true },
      { trusts: 'next', signedWith: 'next', keepsCurrent: false },
    ]);
    expect(ROTATION_PHASES.map((p) => phaseShape('keyPath-swap', p).signedWith)).toEqual([
      'both',
      'both',
      'both',
      'next',
    ]);
  });
});
