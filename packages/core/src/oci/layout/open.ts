import { stat } from 'node:fs/promises';
import { BydigestError } from '../../errors.js';
import { TarLayout } from './archive.js';
import { DirectoryLayout } from './directory.js';
import type { LayoutSource } from './source.js';

/**
 * `oci:DIR[:REF]` / `oci-archive:FILE[:REF]` → source and reference, as containers/image
 * spells them. The path may contain colons only when a REF follows.
 */
export function parseLayoutTransport(
  value: string,
): { kind: 'oci' | 'oci-archive'; path: string; ref?: string } | undefined {
  const m = /^(oci|oci-archive):(.+)$/.exec(value);
  if (!m) return undefined;
  const kind = m[1] as 'oci' | 'oci-archive';
  const rest = m[2] as string;
  const colon = rest.lastIndexOf(':');
  if (colon > 0 && !rest.slice(colon + 1).includes('/'))
    return { kind, path: rest.slice(0, colon), ref: rest.slice(colon + 1) };
  return { kind, path: rest };
}

export async function openLayout(kind: 'oci' | 'oci-archive', path: string): Promise<LayoutSource> {
  let st;
  try {
    st = await stat(path);
  } catch {
    throw new BydigestError('LAYOUT', `${kind}:${path}: no such ${kind === 'oci' ? 'directory' : 'file'}`, {
      hint:
        kind === 'oci'
          ? 'point `source` at the directory holding oci-layout and index.json'
          : 'point `source` at the .tar file',
    });
  }
  if (kind === 'oci') {
    if (!st.isDirectory())
      throw new BydigestError('LAYOUT', `oci:${path} is not a directory`, { hint: 'use oci-archive: for a tar file' });
    return new DirectoryLayout(path);
  }
  if (!st.isFile()) throw new BydigestError('LAYOUT', `oci-archive:${path} is not a file`);
  return TarLayout.open(path);
}
