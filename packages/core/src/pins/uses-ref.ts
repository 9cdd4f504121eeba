/** A `uses:` value, read the way the Actions runner reads it. */
export type UsesRef =
  | { kind: 'local'; raw: string }
  | { kind: 'docker'; raw: string; image: string; pinned: boolean }
  | { kind: 'repo'; raw: string; owner: string; repo: string; path: string; ref: string | undefined };

export const FULL_SHA = /^[0-9a-f]{40}$/;
export const IMAGE_DIGEST = /@sha256:[0-9a-f]{64}$/;

export function parseUses(raw: string): UsesRef {
  const value = raw.trim();
  if (value.startsWith('./') || value.startsWith('.\\')) return { kind: 'local', raw: value };
  if (value.startsWith('docker://')) {
    const image = value.slice('docker://'.length);
    return { kind: 'docker', raw: value, image, pinned: IMAGE_DIGEST.test(image) };
  }
  const at = value.lastIndexOf('@');
  const name = at === -1 ? value : value.slice(0, at);
  const ref = at === -1 ? undefined : value.slice(at + 1);
  const [owner = '', repo = '', ...rest] = name.split('/');
  return { kind: 'repo', raw: value, owner, repo, path: rest.join('/'), ref };
}

/** `owner/repo` or `owner/repo/path`, without the ref, lowercased (GitHub names are case-insensitive). */
export function actionName(u: { owner: string; repo: string; path: string }): string {
  return [u.owner, u.repo, ...(u.path ? [u.path] : [])].join('/').toLowerCase();
}

/** Whether an expression decides the value at run time (nothing to check statically). */
export const isExpression = (v: string): boolean => v.includes('${{');
