import { describe, expect, it } from '@jest/globals';
import { parseRepository } from '../../src/oci/reference.js';
import { attachmentSubject, parseTagList } from '../../src/oci/tags.js';
import { assertSingleDigest } from '../../src/oci/remote/push.js';

const repo = parseRepository('ghcr.io/o/img');
const A = `sha256:${'a'.repeat(64)}`;
const B = `sha256:${'b'.repeat(64)}`;

describe('parseTagList', () => {
  it('accepts plain tags and full references of the same repository, dropping duplicates', () => {
    expect(parseTagList(repo, ['latest', 'ghcr.io/o/img:1.2', 'latest', 'ghcr.io/o/img:stable'])).toEqual([
      'latest',
      '1.2',
      'stable',
    ]);
  });
  it('refuses other repositories, digests and invalid tags', () => {
    expect(() => parseTagList(repo, ['ghcr.io/o/other:1'])).toThrow(/not in repository ghcr.io\/o\/img/);
    expect(() => parseTagList(repo, [`ghcr.io/o/img@${A}`])).toThrow(/digest reference, not a tag/);
    expect(() => parseTagList(repo, ['.hidden'])).toThrow(/not a valid tag/);
    expect(() => parseTagList(repo, ['x'.repeat(129)])).toThrow(/not a valid tag/);
  });
});

describe('assertSingleDigest', () => {
  it('returns the one digest', () => {
    expect(
      assertSingleDigest(
        [
          { tag: 'a', reference: 'r:a', digest: A },
          { tag: 'b', reference: 'r:b', digest: A },
        ],
        A,
      ),
    ).toBe(A);
  });
  it('names every tag and digest when they differ', () => {
    expect(() =>
      assertSingleDigest([
        { tag: 'a', reference: 'r:a', digest: A },
        { tag: 'b', reference: 'r:b', digest: B },
      ]),
    ).toThrow(new RegExp(`r:a -> ${A}[\\s\\S]*r:b -> ${B}`));
  });
  it('fails when the tags agree but not with what was pushed', () => {
    expect(() => assertSingleDigest([{ tag: 'a', reference: 'r:a', digest: A }], B)).toThrow(/expected/);
  });
  it('names missing tags', () => {
    expect(() => assertSingleDigest([{ tag: 'a', reference: 'r:a', digest: undefined }])).toThrow(/not found: r:a/);
  });
});

describe('attachmentSubject', () => {
  it("names the subject of cosign's attachment tags and of the referrers fallback index", () => {
    const hex = 'a'.repeat(64);
    expect(attachmentSubject(`sha256-${hex}.sig`)).toEqual({ subject: A, kind: 'sig' });
    expect(attachmentSubject(`sha256-${hex}.att`)).toEqual({ subject: A, kind: 'att' });
    expect(attachmentSubject(`sha256-${hex}.sbom`)).toEqual({ subject: A, kind: 'sbom' });
    expect(attachmentSubject(`sha256-${hex}`)).toEqual({ subject: A, kind: 'referrers' });
  });

  it('leaves tags hosts pull alone, even ones that look close', () => {
    for (const tag of [
      'latest',
      'stable-20261201',
      `sha256-${'a'.repeat(63)}.sig`,
      `sha256-${'A'.repeat(64)}.sig`,
      `x-sha256-${'a'.repeat(64)}.sig`,
    ])
      expect(attachmentSubject(tag)).toBeUndefined();
  });
});
