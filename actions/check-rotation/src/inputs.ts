import type { KeyObject } from 'node:crypto';
import { statSync, type Stats } from 'node:fs';
import {
  parseDigestReference,
  publicKeyId,
  parseLiveWindow,
  parsePlatform,
  parseTagList,
  ROTATION_PHASES,
  ROTATION_STRATEGIES,
  type LiveWindow,
  type RotationPhase,
  type RotationStrategy,
} from '@bydigest/core';
import {
  choiceInput,
  InputError,
  listInput,
  parseInput,
  publicKeysInput,
  rawInput,
  readRegistryInputs,
  requiredInput,
  truncate,
  type RegistryInputs,
} from '@bydigest/action-kit';

export type Candidate = ReturnType<typeof parseDigestReference>;

export interface RotationInputs {
  /** One per image variant (its own repository): the same channels, keys and phase for each. */
  candidates: Candidate[];
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
  requiredInput('candidate', "the image about to be published, by digest (capture-digest's image-ref)");
  const candidates = candidatesInput();
  requiredInput('channels', 'the tags hosts follow, e.g. stable');
  // Tags only: each candidate's channels are looked up in its own repository.
  const channels = parseInput('channels', () => parseTagList(candidates[0]!, listInput('channels')))!;
  if (candidates.length > 1 && listInput('channels').some((c) => c.includes('/'))) {
    throw new InputError(
      'channels',
      'names a repository, but there are several candidates',
      "give bare tags (stable, latest): each is looked up in each candidate's repository",
    );
  }
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
    throw new InputError(
      'next-key',
      `key ${same + 1} (sha256:${publicKeyId(nextKeys[same]!).slice(0, 16)}) is also in current-key: a rotation moves to a new key pair`,
      'generate the next key pair (cosign generate-key-pair) and pass its cosign.pub here',
    );
  }
  const platform = rawInput('platform') || 'linux/amd64';
  parseInput('platform', parsePlatform);
  const recoveryDir = rawInput('recovery-dir');
  if (recoveryDir) checkRecoveryDir(recoveryDir);
  return {
    candidates,
    channels,
    currentKeys,
    nextKeys,
    phase,
    strategy,
    window,
    asOf,
    platform,
    registry: readRegistryInputs(),
    ...(recoveryDir ? { recoveryDir } : {}),
  };
}

/** One digest reference per line; each a different repository (a variant), at most 64. */
function candidatesInput(): Candidate[] {
  const lines = rawInput('candidate')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '');
  if (lines.length > 64)
    throw new InputError(
      'candidate',
      `lists ${lines.length} images; at most 64 in one call`,
      'split the variants over a matrix',
    );
  const seen = new Map<string, number>();
  return lines.map((line, i) => {
    const c = parseInput('candidate', () => parseDigestReference(line))!;
    const repo = `${c.registry}/${c.repository}`;
    const earlier = seen.get(repo);
    if (earlier !== undefined)
      throw new InputError(
        'candidate',
        `lines ${earlier + 1} and ${i + 1} are both in ${repo}`,
        'one candidate per repository: the variant being published',
      );
    seen.set(repo, i);
    return c;
  });
}

function asOfInput(): Date {
  const raw = rawInput('as-of');
  if (!raw) return new Date();
  const date = /^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.test(raw)
    ? new Date(/T/.test(raw) ? raw : `${raw}T00:00:00Z`)
    : undefined;
  if (!date || Number.isNaN(date.getTime()))
    throw new InputError(
      'as-of',
      `${JSON.stringify(truncate(raw))} is not an ISO date`,
      'e.g. 2026-12-01 or 2026-12-01T12:00:00Z; empty means now',
    );
  return date;
}

/** The recovery files go there after the gate ran: a path that cannot be a directory fails now, not then. */
function checkRecoveryDir(path: string): void {
  if (path.length > 4096)
    throw new InputError(
      'recovery-dir',
      `is ${path.length} characters long: not a path`,
      'e.g. ${{ runner.temp }}/recovery',
    );
  let st: Stats | undefined;
  try {
    st = statSync(path);
  } catch {
    return; // created when the files are written
  }
  if (!st.isDirectory())
    throw new InputError(
      'recovery-dir',
      `${truncate(path)} exists and is not a directory`,
      'name a new or existing directory, e.g. ${{ runner.temp }}/recovery',
    );
}
