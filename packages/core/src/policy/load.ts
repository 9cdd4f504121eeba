/** Reading a host's policy.json and registries.d from disk, with containers/image's rules. */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { BydigestError } from '../errors.js';
import { parsePolicy } from './parse-policy.js';
import { mergeRegistriesFiles, type RegistriesConfig } from './registries-d.js';
import { goReadFileError } from './trust-root.js';
import type { Policy } from './types.js';

export async function loadPolicyFile(path: string): Promise<Policy> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (e) {
    throw new BydigestError('POLICY', goReadFileError(path, e as NodeJS.ErrnoException), {
      cause: e,
      hint: 'pass the policy.json your image installs (e.g. the file that becomes /etc/containers/policy.json)',
    });
  }
  return parsePolicy(bytes, path);
}

export interface LoadedRegistriesD {
  config: RegistriesConfig;
  /** False when the directory does not exist: containers/image then uses an empty configuration. */
  exists: boolean;
  /** The *.yaml files read, in order. */
  files: string[];
}

/** loadAndMergeConfig: every *.yaml in `dir` (other names are ignored); a missing directory is empty. */
export async function loadRegistriesDir(dir: string): Promise<LoadedRegistriesD> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    if (err.code === 'ENOENT') return { config: mergeRegistriesFiles([]), exists: false, files: [] };
    throw new BydigestError('POLICY', goReadFileError(dir, err), {
      cause: e,
      hint: 'pass a readable registries.d directory',
    });
  }
  // containers/image reads them in directory order; sorted here so conflicts are reported stably.
  const files = names
    .filter((n) => n.endsWith('.yaml'))
    .sort()
    .map((n) => join(dir, n));
  const texts = [];
  for (const path of files) {
    try {
      texts.push({ path, text: await readFile(path, 'utf8') });
    } catch (e) {
      throw new BydigestError('POLICY', goReadFileError(path, e as NodeJS.ErrnoException), { cause: e });
    }
  }
  return { config: mergeRegistriesFiles(texts), exists: true, files };
}
