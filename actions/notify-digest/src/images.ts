import { formatReference, isValidTag, parseDigestReference, parseReference, type ImageReference } from '@bydigest/core';
import type { Job } from './needs.js';

/** What the notify job reports about one image: its digest and what the other actions attached to it. */
export interface ImageReport {
  image: ImageReference & { digest: string };
  /** `registry/repository@sha256:…` */
  ref: string;
  tags: string[];
  signatureRef?: string;
  sbomRef?: string;
}

/** The explicit inputs; each overrides what `needs` carries. */
export interface ImageInputs {
  imageRefs: string[];
  tags: string[];
  signatureRef?: string;
  sbomRef?: string;
}

export interface ImageResolution {
  images: ImageReport[];
  /** Why something expected is absent, for a warning each. */
  missing: string[];
}

const SPLIT = /[\s,]+/;

/**
 * The images to report: `image-ref` when given, else every distinct `image-ref` output in
 * `needs` (capture-digest's). Tags come from the job that output the image; the signature is
 * the `signature-ref` naming this digest (`…:sha256-<hex>.sig`); the SBOM the `sbom-ref` in the
 * same repository (attach-sbom's outputs name both its SBOM and the SBOM's own signature, so a
 * signature-ref is matched by digest, never taken from any job).
 */
export function resolveImages(jobs: readonly Job[], given: ImageInputs): ImageResolution {
  const missing: string[] = [];
  const fromNeeds = jobs.flatMap((j) => (j.outputs['image-ref'] ? [{ job: j, ref: j.outputs['image-ref'] }] : []));
  const refs = given.imageRefs.length > 0 ? given.imageRefs.map((ref) => ({ job: undefined, ref })) : fromNeeds;
  const images: ImageReport[] = [];
  for (const { job, ref } of refs) {
    const image = parseDigestReference(ref);
    const key = formatReference({ registry: image.registry, repository: image.repository, digest: image.digest });
    if (images.some((i) => i.ref === key)) continue;
    images.push({ image, ref: key, tags: [] });
    const report = images[images.length - 1]!;
    const single = refs.length === 1;
    // Outputs land in Markdown (comment, release notes): only well-formed tags and references do.
    const tags =
      single && given.tags.length > 0 ? given.tags : (job?.outputs.tags ?? '').split(SPLIT).filter(Boolean).map(tagOf);
    report.tags = tags.filter((t) => isValidTag(t));
    for (const t of tags.filter((x) => !isValidTag(x)))
      missing.push(`${key}: tag ${JSON.stringify(t.slice(0, 80))} is not a valid tag; left out`);
    const signatureRef = single && given.signatureRef ? given.signatureRef : findSignature(jobs, image.digest);
    if (signatureRef) report.signatureRef = signatureRef;
    const sbomRef = single && given.sbomRef ? given.sbomRef : findSbom(jobs, image);
    if (sbomRef && isDigestRef(sbomRef)) report.sbomRef = sbomRef;
    else if (sbomRef)
      missing.push(`${key}: sbom-ref ${JSON.stringify(sbomRef.slice(0, 80))} is not a reference by digest; left out`);
  }
  if (images.length === 0) {
    missing.push(
      "no image-ref: neither the input nor any job in needs gave one (capture-digest's image-ref output), so there is no digest to report",
    );
  }
  for (const i of images) {
    if (!i.signatureRef && jobs.some((j) => j.result === 'success' && /sign/i.test(j.name))) {
      missing.push(
        `${i.ref}: no signature-ref naming this digest in needs (map sign-digest's signature-ref to a job output)`,
      );
    }
  }
  return { images, missing };
}

/** Tags as docker/metadata-action prints them may be full references; keep the tag. */
function tagOf(raw: string): string {
  if (!raw.includes('/') && !raw.includes('@')) return raw.replace(/^:/, '');
  try {
    return parseReference(raw).tag ?? raw;
  } catch {
    return raw;
  }
}

function isDigestRef(r: string): boolean {
  try {
    parseDigestReference(r);
    return true;
  } catch {
    return false;
  }
}

/** The signature-ref in needs that names this digest and parses as a reference. */
function findSignature(jobs: readonly Job[], digest: string): string | undefined {
  const suffix = `:${digest.replace(':', '-')}.sig`;
  return jobs
    .map((j) => j.outputs['signature-ref'])
    .find((r): r is string => {
      if (r === undefined || !r.endsWith(suffix)) return false;
      try {
        parseReference(r);
        return true;
      } catch {
        return false;
      }
    });
}

/** The sbom-ref in needs in the image's repository; a malformed one is returned to be reported. */
function findSbom(jobs: readonly Job[], image: ImageReference): string | undefined {
  for (const j of jobs) {
    const r = j.outputs['sbom-ref'];
    if (!r) continue;
    try {
      const sbom = parseReference(r);
      if (sbom.registry === image.registry && sbom.repository === image.repository) return r;
    } catch {
      return r;
    }
  }
  return undefined;
}

/** `sha256:0123456789ab` — enough to tell digests apart in a status line. */
export function shortDigest(digest: string): string {
  const [alg, hex] = digest.split(':') as [string, string];
  return `${alg}:${hex.slice(0, 12)}`;
}
