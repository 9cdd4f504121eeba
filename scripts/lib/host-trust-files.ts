/**
 * The host trust files for the sample image and the runner (scripts/lib/sample.ts,
 * sample-artifacts.ts host-files, the demo): core's one source (packages/core/src/trust/host-files.ts,
 * what the trust-files action writes), with a synchronous writer for these scripts.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import {
  HOST_KEY_DIR,
  HOST_POLICY_PATH,
  HOST_REGISTRIES_D,
  hostTrustFiles,
  type HostTrustOptions,
} from '../../packages/core/src/trust/host-files.js';

export { hostTrustFiles, type HostTrustFile, type HostTrustOptions } from '../../packages/core/src/trust/host-files.js';
export const POLICY_PATH = HOST_POLICY_PATH;
export const REGISTRIES_D = HOST_REGISTRIES_D;
export const KEY_DIR = HOST_KEY_DIR;

export interface WrittenHostTrust {
  policy: string;
  registriesD: string;
  pubFile: string;
}

/**
 * Writes the files under `root` with keyPath re-rooted to `root`, for tools that run on this
 * machine (skopeo --policy, cosign --key, verify-digest's policy input).
 */
export function writeHostTrustFiles(root: string, opts: Omit<HostTrustOptions, 'keyRoot'>): WrittenHostTrust {
  const abs = resolve(root);
  const files = hostTrustFiles({ ...opts, keyRoot: abs });
  for (const f of files) {
    mkdirSync(dirname(join(abs, f.path)), { recursive: true });
    writeFileSync(join(abs, f.path), f.content);
  }
  return { policy: join(abs, POLICY_PATH), registriesD: join(abs, REGISTRIES_D), pubFile: join(abs, files[0]!.path) };
}
