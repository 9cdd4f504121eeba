/**
 * The rotation gate: before a channel moves to a candidate, every host that may still run a
 * live release must verify the candidate with the trust files that release installed, and the
 * candidate must trust and carry the keys its declared phase needs. containers/image is the
 * judge (its evaluator, over each release's own policy.json, registries.d and keys).
 */
import type { KeyObject } from 'node:crypto';
import { publicKeyId } from '../cosign/keys/public-key.js';
import {
  readSigstoreAttachments,
  verifyAttachments,
  type SigstoreAttachments,
} from '../cosign/legacy/signature-store.js';
import { BydigestError } from '../errors.js';
import { formatReference, withDigest, withTag, type ImageReference } from '../oci/reference.js';
import type { RegistryClient } from '../oci/remote/registry.js';
import { evaluatePolicy } from '../policy/evaluate.js';
import { imageKeyReader } from '../trust/key-check.js';
import { createdDate, liveReleases, type LiveRelease } from './live-releases.js';
import { isoDay, type LiveWindow } from './live-window.js';
import { dropsCurrentSignature, phaseShape, type KeySet, type RotationPhase, type RotationStrategy } from './phases.js';
import { readReleaseTrust, trustedAmong, type ReleaseTrust } from './release-trust.js';

export interface RotationGateOptions {
  client: RegistryClient;
  /** The image about to be published, by digest; the channels move to it if the gate says safe. */
  candidate: ImageReference & { digest: string };
  /** The channel tags hosts follow in the candidate's repository, e.g. stable, latest. */
  channels: string[];
  currentKeys: KeyObject[];
  nextKeys: KeyObject[];
  phase: RotationPhase;
  strategy: RotationStrategy;
  window: LiveWindow;
  asOf: Date;
  platform?: string;
}

export type Verdict = 'pass' | 'warn' | 'fail';

export interface CandidateCheck {
  id: 'candidate-trusts' | 'candidate-signed' | 'candidate-loaders';
  status: Verdict;
  message: string;
  fix?: string;
}

export interface ReleaseVerdict {
  release: LiveRelease;
  /** Which of the rotation's keys the release's policy trusts for the pull. */
  trusts: 'current' | 'next' | 'both' | 'neither';
  /** containers/image, with this release's trust files, accepts the candidate. */
  accepts: boolean;
  status: Verdict;
  message: string;
  fix?: string;
}

export interface RotationReport {
  phase: RotationPhase;
  strategy: RotationStrategy;
  asOf: Date;
  candidate: ImageReference & { digest: string };
  checks: CandidateCheck[];
  releases: ReleaseVerdict[];
  /** The channels and tags of releases that block (a host there would be stranded). */
  blocking: string[];
  safe: boolean;
  /** Distinct digests whose trust files were read (the candidate's included). */
  digestsRead: number;
  /** The candidate's trust files: what recovery installs on stranded hosts. */
  candidateTrust: ReleaseTrust;
}

const KEY_SET_NAME: Record<KeySet, string> = { current: 'the current key', next: 'the next key', both: 'both keys' };

export async function checkRotation(opts: RotationGateOptions): Promise<RotationReport> {
  checkKeys(opts.currentKeys, opts.nextKeys);
  const { client, candidate } = opts;
  const platform = opts.platform ?? 'linux/amd64';
  const repo: ImageReference = { registry: candidate.registry, repository: candidate.repository };
  const pullRef = withTag(repo, opts.channels[0] ?? 'latest');
  const [releases, signatures] = await Promise.all([
    liveReleases(client, repo, opts.channels, opts.window, opts.asOf),
    readSigstoreAttachments(client, candidate),
  ]);

  const trustByDigest = new Map<string, Promise<ReleaseTrust>>();
  const trustOf = (digest: string) => {
    let t = trustByDigest.get(digest);
    // keyPaths needs containers/image 5.33 in the programs a release ships: read them from its packages.
    if (!t)
      trustByDigest.set(
        digest,
        (t = readReleaseTrust(client, repo, digest, pullRef, platform, { loaders: opts.strategy === 'keyPaths' })),
      );
    return t;
  };
  const candidateTrust = await trustOf(candidate.digest);
  const checks = [candidateTrustCheck(opts, candidateTrust), candidateSignedCheck(opts, signatures)];
  const loaders = candidateLoadersCheck(candidateTrust);
  if (loaders) checks.push(loaders);

  const verdicts: ReleaseVerdict[] = [];
  for (const release of releases) {
    const trust = await trustOf(release.digest);
    if (!release.date && trust.platformDigest) {
      const created = await createdDate(client, repo, trust.platformDigest).catch(() => undefined);
      if (created) Object.assign(release, { date: created, dateFrom: 'created' });
    }
    verdicts.push(judgeRelease(opts, release, trust, signatures, candidate));
  }
  verdicts.sort((a, b) => (a.release.date?.getTime() ?? 0) - (b.release.date?.getTime() ?? 0));
  const blocking = verdicts.filter((v) => v.status === 'fail').flatMap((v) => v.release.tags);
  const safe = checks.every((c) => c.status !== 'fail') && blocking.length === 0;
  return {
    phase: opts.phase,
    strategy: opts.strategy,
    asOf: opts.asOf,
    candidate,
    checks,
    releases: verdicts,
    blocking,
    safe,
    digestsRead: trustByDigest.size,
    candidateTrust,
  };
}

function checkKeys(current: KeyObject[], next: KeyObject[]): void {
  const currentIds = new Set(current.map(publicKeyId));
  const same = next.find((k) => currentIds.has(publicKeyId(k)));
  if (same) {
    throw new BydigestError(
      'INVALID_ARGUMENT',
      `the next key sha256:${publicKeyId(same).slice(0, 16)} is also a current key: a rotation needs a new key pair`,
      {
        hint: 'generate the next key pair (cosign generate-key-pair) and pass its cosign.pub as the next key',
      },
    );
  }
}

function keysOf(opts: RotationGateOptions, set: KeySet): KeyObject[] {
  return set === 'current'
    ? opts.currentKeys
    : set === 'next'
      ? opts.nextKeys
      : [...opts.currentKeys, ...opts.nextKeys];
}

function trustsWhich(trust: ReleaseTrust, opts: RotationGateOptions): ReleaseVerdict['trusts'] {
  const cur = trustedAmong(trust, opts.currentKeys).length > 0;
  const nxt = trustedAmong(trust, opts.nextKeys).length > 0;
  return cur && nxt ? 'both' : cur ? 'current' : nxt ? 'next' : 'neither';
}

/** The candidate's own trust files trust the keys that will sign the release after it. */
function candidateTrustCheck(opts: RotationGateOptions, trust: ReleaseTrust): CandidateCheck {
  const id = 'candidate-trusts';
  if (trust.problem)
    return {
      id,
      status: 'fail',
      message: `hosts running the candidate would refuse every pull: ${trust.problem}`,
      fix: 'fix the policy.json and registries.d the image installs (check-host-trust names the field)',
    };
  const shape = phaseShape(opts.strategy, opts.phase);
  const wanted = keysOf(opts, shape.trusts);
  const missing = wanted.filter((k) => !trust.trustedKeyIds.has(publicKeyId(k)));
  const which = trustsWhich(trust, opts);
  if (missing.length > 0) {
    return {
      id,
      status: 'fail',
      message: `phase ${opts.phase} (${opts.strategy}): the candidate must trust ${KEY_SET_NAME[shape.trusts]}, but its policy trusts ${which === 'neither' ? 'neither key' : KEY_SET_NAME[which]} (missing ${missing.map((k) => `sha256:${publicKeyId(k).slice(0, 16)}`).join(', ')})`,
      fix:
        shape.trusts === 'current'
          ? 'keep the current key at the keyPath until the switch release'
          : "install the next key's cosign.pub in the image and name it in policy.json (keyPaths, or the keyPath file for keyPath-swap)",
    };
  }
  if (!shape.keepsCurrent && trustedAmong(trust, opts.currentKeys).length > 0) {
    return {
      id,
      status: 'fail',
      message: `phase ${opts.phase}: the candidate still trusts the current key`,
      fix:
        opts.phase === 'retire'
          ? 'drop the old key from policy.json and the image (that is what retire publishes)'
          : "replace the keyPath file's content with the next key",
    };
  }
  return {
    id,
    status: 'pass',
    message: `trusts ${KEY_SET_NAME[which === 'neither' ? shape.trusts : which]}, as phase ${opts.phase} needs`,
  };
}

/** The candidate carries a valid `.sig` layer for each key its phase signs with. */
function candidateSignedCheck(opts: RotationGateOptions, signatures: SigstoreAttachments): CandidateCheck {
  const id = 'candidate-signed';
  const shape = phaseShape(opts.strategy, opts.phase);
  const wanted = keysOf(opts, shape.signedWith);
  const verified = verifyAttachments(signatures, opts.candidate.digest, wanted);
  const signedBy = new Set(verified.valid.map((v) => v.keyIndex));
  const unsigned = wanted.filter((_, i) => !signedBy.has(i));
  if (unsigned.length > 0) {
    return {
      id,
      status: 'fail',
      message: `phase ${opts.phase} signs with ${KEY_SET_NAME[shape.signedWith]}, but ${signatures.signatureRef} has no valid signature by ${unsigned.map((k) => `sha256:${publicKeyId(k).slice(0, 16)}`).join(', ')}`,
      fix:
        shape.signedWith === 'both'
          ? 'sign with both keys in one sign-digest step (key: two lines, env://COSIGN_PRIVATE_KEY and env://COSIGN_PRIVATE_KEY_NEXT)'
          : 'sign the candidate with the key of this phase (sign-digest)',
    };
  }
  return {
    id,
    status: 'pass',
    message: `signed with ${KEY_SET_NAME[shape.signedWith]} (${verified.valid.length} valid signature(s))`,
  };
}

function judgeRelease(
  opts: RotationGateOptions,
  release: LiveRelease,
  trust: ReleaseTrust,
  signatures: SigstoreAttachments,
  candidate: ImageReference & { digest: string },
): ReleaseVerdict {
  const trusts = trustsWhich(trust, opts);
  const where =
    release.channels.length > 0
      ? `while ${release.channels.map((c) => `:${c}`).join(', ')} point${release.channels.length === 1 ? 's' : ''} at it`
      : release.leaves
        ? `until it leaves the window on ${isoDay(release.leaves)}`
        : 'while its tag matches the live pattern';
  if (trust.problem) {
    return {
      release,
      trusts,
      accepts: false,
      status: 'fail',
      message: `a host running it refuses every pull: ${trust.problem}`,
      fix: 'hosts running it need the recovery files; republish the channel with a working policy',
    };
  }
  const pullRef = withTag(candidate, release.channels[0] ?? opts.channels[0] ?? 'latest');
  const evaluation = evaluatePolicy({
    policy: trust.policy!,
    registries: trust.registries!,
    image: { reference: pullRef, manifestDigest: candidate.digest },
    attachments: {
      signatures: signatures.layers,
      ...(signatures.error === undefined ? {} : { error: signatures.error }),
    },
    readKeyFile: imageKeyReader(trust.files),
  });
  if (!evaluation.allowed) {
    const stranded = trusts === 'current' && dropsCurrentSignature(opts.strategy, opts.phase);
    return {
      release,
      trusts,
      accepts: false,
      status: 'fail',
      message: `${stranded ? `trusts only the current key and the candidate is signed with the next key only: ` : ''}a host running it refuses ${formatReference(withDigest(pullRef, candidate.digest))} (${evaluation.message ?? 'refused'}); live ${where}`,
      fix: stranded
        ? `keep signing with both keys (phase overlap) ${release.leaves ? `until ${isoDay(release.leaves)}` : `and move ${release.channels.map((c) => `:${c}`).join(', ') || 'its channel'} to an overlap release first`}`
        : 'sign the candidate with a key this release trusts',
    };
  }
  // retire (and keyPaths' switch) end the overlap: refuse them while a live release trusts only the old key.
  const endsOverlap = opts.phase === 'retire' || (opts.phase === 'switch' && opts.strategy === 'keyPaths');
  if (endsOverlap && trusts === 'current') {
    return {
      release,
      trusts,
      accepts: true,
      status: 'fail',
      message: `still trusts only the current key, live ${where}: the next ${opts.phase === 'retire' ? 'release' : 'switch'} signed with the next key alone would strand its hosts`,
      fix: `keep signing with both keys (phase overlap)${release.leaves ? ` until ${isoDay(release.leaves)}` : ''}`,
    };
  }
  const old = oldLoaders(trust);
  if (opts.strategy === 'keyPaths' && old) {
    return {
      release,
      trusts,
      accepts: true,
      status: 'warn',
      message: `accepts the candidate, but it ships ${old}: a policy.json with keyPaths does not load there${trust.usesKeyPaths ? ' (its own does: its hosts refuse every pull already)' : ''}; live ${where}`,
      fix: 'use strategy keyPath-swap (one keyPath whose file changes at the switch), or ship podman ≥ 5.3 / skopeo ≥ 1.17 before any release trusts keyPaths',
    };
  }
  const warn = opts.strategy === 'keyPaths' && trust.usesKeyPaths;
  return {
    release,
    trusts,
    accepts: true,
    status: 'pass',
    message: `accepts the candidate${warn ? ' (its policy uses keyPaths: containers/image ≥ 5.33 on its hosts)' : ''}; live ${where}`,
  };
}

/** "skopeo 1.14.2 (keyPaths since 1.17.0), podman 4.9.4 (…)", or undefined when none is old. */
function oldLoaders(trust: ReleaseTrust): string | undefined {
  const old = Array.isArray(trust.oldLoaders) ? trust.oldLoaders : [];
  return old.length > 0 ? old.map((l) => `${l.name} ${l.version} (keyPaths since ${l.since})`).join(', ') : undefined;
}

/**
 * keyPaths only: the candidate's own programs must load the policy it installs, or every host
 * that updates to it is stranded at the next pull.
 */
function candidateLoadersCheck(trust: ReleaseTrust): CandidateCheck | undefined {
  const id = 'candidate-loaders';
  if (trust.oldLoaders === undefined || trust.problem) return undefined;
  if (!Array.isArray(trust.oldLoaders)) {
    return {
      id,
      status: 'warn',
      message: `could not read the candidate's podman/skopeo versions (${trust.oldLoaders.unknown})`,
      fix: 'make sure the programs that pull (podman ≥ 5.3, skopeo ≥ 1.17) load keyPaths',
    };
  }
  const old = oldLoaders(trust);
  if (!old) return { id, status: 'pass', message: 'its podman/skopeo/buildah load keyPaths (containers/image ≥ 5.33)' };
  return {
    id,
    status: trust.usesKeyPaths ? 'fail' : 'warn',
    message: `it ships ${old}${trust.usesKeyPaths ? ', and its policy.json uses keyPaths: hosts that update to it cannot load their policy and refuse every pull' : ': a later release whose policy uses keyPaths would not load on them'}`,
    fix: 'upgrade podman/skopeo in the image first, or use strategy keyPath-swap',
  };
}
