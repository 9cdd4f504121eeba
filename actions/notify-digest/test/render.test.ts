// notify-digest's pure parts, on cases the end-to-end test does not reach.
import { describe, expect, it } from '@jest/globals';
import { parseDigestReference } from '@bydigest/core';
import { resolveImages, type ImageReport } from '../src/images.js';
import { parseNeeds, type Job } from '../src/needs.js';
import { decide, verdictLine } from '../src/outcome.js';
import { withReleaseSection } from '../src/release-section.js';
import type { Report } from '../src/report.js';
import { statusDescription } from '../src/status-text.js';

const HEX = '12'.repeat(32);
const REF = `ghcr.io/o/img@sha256:${HEX}`;
const image: ImageReport = { image: parseDigestReference(REF), ref: REF, tags: ['stable'] };
const job = (name: string, result: Job['result'], outputs: Record<string, string> = {}): Job => ({
  name,
  result,
  outputs,
});

function report(jobs: Job[], workflow = 'build'): Report {
  return {
    jobs,
    verdict: decide(jobs),
    images: [image],
    run: { repository: 'o/img', runUrl: 'https://github.com/o/img/actions/runs/1', sha: 'a'.repeat(40), workflow },
    keyLocation: 'cosign.pub',
  };
}

describe('release section', () => {
  it('replaces its own section in place: notes before and after it stay', () => {
    const once = withReleaseSection('Before.', report([job('sign', 'success')]));
    const edited = `${once}\n\nAfter, added by hand.`;
    const twice = withReleaseSection(edited, report([job('sign', 'failure')]));
    expect(twice.startsWith('Before.\n\n<!-- bydigest:notify-digest:start')).toBe(true);
    expect(twice.endsWith('<!-- bydigest:notify-digest:end -->\n\nAfter, added by hand.')).toBe(true);
    expect(twice.match(/## Verify this release/g)).toHaveLength(1);
    expect(twice).toContain('The pipeline failed: sign failed.');
  });

  it('keeps one section per workflow; a name with -- cannot close the marker early', () => {
    const a = withReleaseSection('', report([job('sign', 'success')], 'x --> y'));
    expect(a).toContain('<!-- bydigest:notify-digest:start workflow="x - -> y" -->');
    const b = withReleaseSection(a, report([job('sign', 'success')], 'other'));
    expect(b.match(/## Verify this release/g)).toHaveLength(2);
  });
});

describe('verdict', () => {
  it('failure outranks cancelled, cancelled outranks success; skipped alone is success', () => {
    expect(decide([job('a', 'cancelled'), job('b', 'failure')]).outcome).toBe('failure');
    expect(decide([job('a', 'cancelled'), job('b', 'success')]).outcome).toBe('cancelled');
    expect(decide([job('a', 'skipped'), job('b', 'success')]).outcome).toBe('success');
    expect(verdictLine(decide([job('a', 'failure'), job('b', 'cancelled'), job('c', 'skipped')]))).toBe(
      'a failed; b cancelled; c skipped',
    );
  });

  it("status descriptions stay within GitHub's 140 characters", () => {
    const many = Array.from({ length: 30 }, (_, i) => job(`job-number-${i}`, 'failure'));
    const d = statusDescription(image, decide(many));
    expect(d).toHaveLength(140);
    expect(d.startsWith(`sha256:${HEX.slice(0, 12)}: job-number-0, `)).toBe(true);
  });
});

describe('images from needs', () => {
  it("matches signature-ref by digest: attach-sbom's signature of the SBOM is not taken for the image", () => {
    const jobs = parseNeeds(
      JSON.stringify({
        build: { result: 'success', outputs: { 'image-ref': REF, tags: 'ghcr.io/o/img:latest ghcr.io/o/img:1.0' } },
        sbom: {
          result: 'success',
          outputs: {
            'sbom-ref': `ghcr.io/o/img@sha256:${'34'.repeat(32)}`,
            'signature-ref': `ghcr.io/o/img:sha256-${'34'.repeat(32)}.sig`,
          },
        },
        sign: { result: 'success', outputs: { 'signature-ref': `ghcr.io/o/img:sha256-${HEX}.sig` } },
      }),
    );
    const { images, missing } = resolveImages(jobs, { imageRefs: [], tags: [] });
    expect(missing).toEqual([]);
    expect(images).toHaveLength(1);
    expect(images[0]).toMatchObject({
      ref: REF,
      tags: ['latest', '1.0'],
      signatureRef: `ghcr.io/o/img:sha256-${HEX}.sig`,
      sbomRef: `ghcr.io/o/img@sha256:${'34'.repeat(32)}`,
    });
  });

  it('accepts a job without outputs (GitHub omits them for a job that never ran)', () => {
    expect(parseNeeds('{"sign":{"result":"skipped"}}')).toEqual([job('sign', 'skipped')]);
  });
});
