import type { KeyObject } from 'node:crypto';
import { statSync, type Stats } from 'node:fs';
import { parseDigestReference, publicKeyId, parseLiveWindow, parsePlatform, parseTagList, ROTATION_PHASES, ROTATION_STRATEGIES, type LiveWindow, type RotationPhase, type RotationStrategy } from '@bydigest/core';
import { choiceInput, InputError, listInput, parseInput, publicKeysInput, rawInput, readRegistryInputs, requiredInput, truncate, type RegistryInputs } from '@bydigest/action-kit';

export interface RotationInputs {
  candidate: ReturnType<typeof parseDigestReference>;
  channels: string[];
  currentKeys: KeyObject[];
  nextKeys: KeyObject[];
  phase: RotationPhase;
  strategy: RotationStrategy;
  window: LiveWindow;
  asOf: Date;
  recoveryDir?: string;
  platform: string;
  registry: RegistryInputs;
}

export async function readInputs(): Promise<RotationInputs> {
  const candidate = parseInput('candidate', parseDigestReference, { required: true })!;
  requiredInput('channels', 'the tags hosts follow, e.g. stable');
  const channels = parseInput('channels', () => parseTagList(candidate, listInput('channels')))!;
  requiredInput('phase', `one of ${ROTATION_PHASES.join(', ')}: the phase this release is in`);
  const phase = choiceInput('phase', ROTATION_PHASES, 'overlap');
  const strategy = choiceInput('strategy', ROTATION_STRATEGIES, 'keyPaths');
  const window = parseInput('live-window', parseLiveWindow) ?? parseLiveWindow('90d');
  const asOf = asOfInput();
  requiredInput('current-key', 'the cosign.pub releases are signed with today');
  requiredInput('next-key', 'the cosign.pub of the key pair the rotation moves to');
  const currentKeys = await publicKeysInput('current-key');
  const nextKeys = await publicKeysInput('next-key');
  const currentIds = new Set(currentKeys.map(publicKeyId));
  const same = nextKeys.findIndex((k) => currentIds.has(publicKeyId(k)));
  if (same >= 0) {
    throw new InputError('next-key', `key ${same + 1} (sha256:${publicKeyId(nextKeys[same]!).slice(0, 16)}) is also in current-key: a rotation moves to a new key pair`, 'generate the next key pair (cosign generate-key-pair) and pass its cosign.pub here');
  }
  const platform = rawInput('platform') || 'linux/amd64';
  parseInput('platform', parsePlatform);
  const recoveryDir = rawInput('recovery-dir');
  if (recoveryDir) checkRecoveryDir(recoveryDir);
  return { candidate, channels, currentKeys, nextKeys, phase, strategy, window, asOf, platform, registry: readRegistryInputs(), ...(recoveryDir ? { recoveryDir } : {}) };
}

function asOfInput(): Date {
  const raw = rawInput('as-of');
  if (!raw) return new Date();
  const date = /^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.test(raw) ? new Date(/T/.test(raw) ? raw : `${raw}T00:00:00Z`) : undefined;
  if (!date || Number.isNaN(date.getTime())) throw new InputError('as-of', `${JSON.stringify(truncate(raw))} is not an ISO date`, 'e.g. 2026-12-01 or 2026-12-01T12:00:00Z; empty means now');
  return date;
}

/** The recovery files go there after the gate ran: a path that cannot be a directory fails now, not then. */
function checkRecoveryDir(path: string): void {
  if (path.length > 4096) throw new InputError('recovery-dir', `is ${path.length} characters long: not a path`, 'e.g. ${{ runner.temp }}/recovery');
  let st: Stats | undefined;
  try {
    st = statSync(path);
  } catch {
    return; // created when the files are written
  }
  if (!st.isDirectory()) throw new InputError('recovery-dir', `${truncate(path)} exists and is not a directory`, 'name a new or existing directory, e.g. ${{ runner.temp }}/recovery');
}
