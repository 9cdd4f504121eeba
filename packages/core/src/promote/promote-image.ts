/**
 * promoteImage: the source manifest's bytes under every target tag. Into another repository go
 * first the signatures a host of that repository accepts (signed there with `signer`, or copied
 * as they are when allowed) and every referrer; a tag never points at the digest before they are
 * there. It lives above oci/ (the copy) and cosign/ (the signatures) because it composes both.
 */
import type { KeyObject } from 'node:crypto';
import { copySignatures, signInRepository, sourceSignatureRefs } from '../cosign/legacy/carry-signatures.js';
import { describeVerdicts, verifyLegacySignatures } from '../cosign/legacy/signature-store.js';
import { promoteByDigest, type BlobCopyStats } from '../oci/remote/copy.js';
import { digestWithPlatforms } from '../oci/remote/platforms.js';
import { formatReference, sameRepository, withDigest, type ImageReference } from '../oci/reference.js';
import type { RegistryClient, RepoRef } from '../oci/remote/registry.js';
import type { Signer } from '../signer/signer.js';
import { foreignIdentityRefusal } from './foreign-identity.js';
import type { PromoteRefusal } from './refusal.js';

export type { PromoteRefusal } from './refusal.js';

export interface PromoteImageRequest {
  source: ImageReference & { digest: string };
  targets: (ImageReference & { tag: string })[];
  /** Refuse unless the source carries a valid `.sig` signature for one of these keys. */
  requiredKeys?: readonly KeyObject[];
  /** Carry the signatures and referrers into other repositories. */
  copySignatures: boolean;
  /**
   * Carry the image's own signatures as they are, though they name the source repository (hosts remap the identity).
   */
  allowForeignIdentity: boolean;
  concurrency: number;
  /** Signs the digest in each other repository, with that repository's identity. */
  /** One `.sig` layer each in every other repository (a rotation's overlap signs with two keys). */
  signer?: Signer | readonly Signer[];
  /** Progress, one line at a time, as it happens. */
  log?: (line: string) => void;
}

export interface PromotedImage {
  digest: string;
  /** The refs written, in the order of the targets. */
  written: string[];
  /** The other repositories the signer signed in. */
  signedIn: RepoRef[];
  stats: BlobCopyStats;
}

export type PromoteOutcome =
  { promoted: PromotedImage; refused?: undefined } | { refused: PromoteRefusal; promoted?: undefined };

export async function promoteImage(client: RegistryClient, request: PromoteImageRequest): Promise<PromoteOutcome> {
  const { source, targets, requiredKeys, concurrency, signer } = request;
  const log = request.log ?? (() => {});
  // One GET by digest: the bytes every target receives. A tag is never re-resolved.
  const manifest = await client.getManifest(source);
  if (requiredKeys) {
    const v = await verifyLegacySignatures(client, source, [...requiredKeys]);
    if (v.valid.length === 0) {
      const message = `${formatReference(source)} carries no valid signature for the required key; nothing was promoted (${describeVerdicts(v)})`;
      return {
        refused: {
          code: 'UNSIGNED_SOURCE',
          message,
          hint: 'sign this digest with sign-digest using the matching private key, then promote',
        },
      };
    }
    log(`signature check: ${v.valid.length} valid signature(s) at ${v.signatureRef}`);
  }

  const otherRepos = uniqueRepos(targets.filter((t) => !sameRepository(t, source)));
  // The source's signatures name the source repository: carried as they are, only hosts that
  // remap the identity accept them. Signing in the target (key) or the explicit opt-in avoids that.
  const carryImageSignatures = request.copySignatures && (request.allowForeignIdentity || !signer);
  if (otherRepos.length > 0 && carryImageSignatures && !request.allowForeignIdentity) {
    const sigRefs = await sourceSignatureRefs(client, source, digestWithPlatforms(source, manifest));
    if (sigRefs.length > 0 || requiredKeys) return { refused: foreignIdentityRefusal(source, otherRepos, sigRefs) };
  }
  if (signer && otherRepos.length === 0)
    log('key given, but every target is in the source repository, whose signatures already name it: nothing to sign');
  // A wrong password fails before anything is written.
  if (signer) await Promise.all((Array.isArray(signer) ? signer : [signer as Signer]).map((s) => s.ready()));
  const carryFirst = async () => {
    for (const repo of otherRepos) {
      if (request.copySignatures) {
        const copied = await copySignatures(client, source, repo, {
          concurrency,
          manifest,
          imageSignatures: carryImageSignatures,
        });
        log(
          `copied ${copied} signature/referrer manifest(s) to ${formatReference(repo)}${carryImageSignatures ? '' : " (not the image's own .sig, which names the source repository)"}`,
        );
      }
      if (signer) {
        const s = await signInRepository(client, { source, target: repo, manifest, signer });
        const how = s.signed.every((x) => x.alreadySigned) ? 'already signed' : 'signed';
        log(
          `${how} ${formatReference(withDigest(repo, source.digest))} (${s.signed.length} manifest(s)) for identity ${s.identity} -> ${s.signed[0]?.signatureRef ?? '?'}`,
        );
      }
    }
  };
  const result = await promoteByDigest(client, source, targets, { manifest, concurrency, beforeTags: carryFirst });
  if (otherRepos.length > 0)
    log(
      `blobs: ${result.stats.mounted} mounted, ${result.stats.streamed} streamed, ${result.stats.existing} already present`,
    );
  return {
    promoted: {
      digest: manifest.digest,
      written: result.written,
      signedIn: signer ? otherRepos : [],
      stats: result.stats,
    },
  };
}

function uniqueRepos(refs: RepoRef[]): RepoRef[] {
  const seen = new Map<string, RepoRef>();
  for (const r of refs) seen.set(`${r.registry}/${r.repository}`, { registry: r.registry, repository: r.repository });
  return [...seen.values()];
}
