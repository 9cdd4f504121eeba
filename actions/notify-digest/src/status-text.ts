import { repositoryName } from '@bydigest/core';
import { shortDigest, type ImageReport } from './images.js';
import { verdictLine, type Verdict } from './outcome.js';

/** GitHub cuts status descriptions at 140 characters. */
export function statusDescription(i: ImageReport | undefined, verdict: Verdict): string {
  const text = `${i ? `${shortDigest(i.image.digest)}: ` : 'no digest: '}${verdictLine(verdict)}`;
  return text.length > 140 ? `${text.slice(0, 139)}…` : text;
}

/** `bydigest/<registry>/<repository>`, or `bydigest` when no image was reported. */
export function statusContext(i: ImageReport | undefined): string {
  return i ? `bydigest/${repositoryName(i.image)}` : 'bydigest';
}
