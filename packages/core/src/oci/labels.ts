import { BydigestError } from '../errors.js';
import { sha256Digest } from './digest.js';
import { parseManifestJson } from './manifest.js';
import { isIndexMediaType } from './media-types.js';
import type { Descriptor, ImageIndex, ImageManifest, ManifestBytes } from './types.js';

/** Where an image's manifests and configs are read from: a layout before a push, the registry after. */
export interface ManifestReader {
  manifest(d: Descriptor): Promise<ManifestBytes>;
  blob(d: Descriptor): Promise<Buffer>;
}

/** One label an image config lacks or carries with another value. */
export interface LabelMismatch {
  /** `linux/amd64`, or `image` for a single-platform manifest. */
  platform: string;
  config: string;
  key: string;
  expected: string;
  found: string | undefined;
}

/** buildx adds attestation manifests to an index (`unknown/unknown`): they have no image config to check. */
const ATTESTATION = 'attestation-manifest';
const MAX_DEPTH = 2;

/**
 * Checks the labels in the config of the image `top` names, and of every platform image of an
 * index: the label `--label` stamped at build time is the evidence of what the build consumed,
 * so a platform built without it must not pass because another platform has it.
 */
export async function labelMismatches(
  top: ManifestBytes,
  read: ManifestReader,
  expected: Readonly<Record<string, string>>,
): Promise<LabelMismatch[]> {
  const out: LabelMismatch[] = [];
  const visit = async (m: ManifestBytes, platform: string, depth: number): Promise<void> => {
    if (isIndexMediaType(m.mediaType)) {
      if (depth > MAX_DEPTH)
        throw new BydigestError('LAYOUT', `index ${m.digest} nests indexes more than ${MAX_DEPTH} deep`);
      const index = parseManifestJson(m, m.digest) as ImageIndex;
      const children = (index.manifests ?? []).filter(
        (d) => d.annotations?.['vnd.docker.reference.type'] !== ATTESTATION,
      );
      if (children.length === 0)
        throw new BydigestError('LAYOUT', `index ${m.digest} lists no images whose labels could be checked`);
      for (const d of children) {
        const p = d.platform
          ? [d.platform.os, d.platform.architecture, d.platform.variant].filter(Boolean).join('/')
          : d.digest;
        await visit(await read.manifest(d), p, depth + 1);
      }
      return;
    }
    const doc = parseManifestJson(m, m.digest) as ImageManifest;
    if (!doc.config?.digest)
      throw new BydigestError('LAYOUT', `manifest ${m.digest} has no config, so no labels`, {
        hint: 'expect-labels checks container images, not artifacts',
      });
    const bytes = await read.blob(doc.config);
    if (sha256Digest(bytes) !== doc.config.digest)
      throw new BydigestError(
        'DIGEST_MISMATCH',
        `config ${doc.config.digest} of ${m.digest} does not match its digest`,
      );
    let labels: Record<string, unknown>;
    try {
      const config = JSON.parse(bytes.toString('utf8')) as { config?: { Labels?: Record<string, unknown> | null } };
      labels = config.config?.Labels ?? {};
    } catch {
      throw new BydigestError('LAYOUT', `config ${doc.config.digest} of ${m.digest} is not JSON`);
    }
    for (const [key, value] of Object.entries(expected)) {
      const found = labels[key];
      if (found !== value)
        out.push({
          platform,
          config: doc.config.digest,
          key,
          expected: value,
          found: typeof found === 'string' ? found : undefined,
        });
    }
  };
  await visit(top, 'image', 0);
  return out;
}

/** Fails, listing every label that is missing or different, per platform. */
export async function assertLabels(
  top: ManifestBytes,
  read: ManifestReader,
  expected: Readonly<Record<string, string>>,
  where: string,
): Promise<void> {
  if (Object.keys(expected).length === 0) return;
  const wrong = await labelMismatches(top, read, expected);
  if (wrong.length === 0) return;
  const lines = wrong.map(
    (w) =>
      `${w.platform === 'image' ? '' : `${w.platform}: `}label ${w.key}: expected ${JSON.stringify(w.expected)}, found ${w.found === undefined ? 'no such label' : JSON.stringify(w.found)}`,
  );
  throw new BydigestError(
    'LABEL_MISMATCH',
    `${where} (${top.digest}) does not carry the expected labels: ${lines.join('; ')}`,
    {
      reference: where,
      hint: "build with --label key=value (resolve-ref's label output) and the matching --build-arg, or fix expect-labels",
    },
  );
}
