/**
 * Whether an image is named in `allow-floating`: the same reference, or an entry without tag or
 * digest naming the repository (every tag of it floats on purpose).
 */
export function isAllowedFloating(image: string, allowed: readonly string[]): boolean {
  const name = repositoryOf(image);
  return allowed.some((a) => a === image || (repositoryOf(a) === a && a === name));
}

function repositoryOf(ref: string): string {
  const at = ref.indexOf('@');
  const noDigest = at === -1 ? ref : ref.slice(0, at);
  const slash = noDigest.lastIndexOf('/');
  const colon = noDigest.lastIndexOf(':');
  return colon > slash ? noDigest.slice(0, colon) : noDigest;
}
