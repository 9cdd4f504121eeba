import {
  copySignatures,
  digestWithPlatforms,
  describeVerdicts,
  formatReference,
  promoteByDigest,
  repositoryName,
  sameRepository,
  signInRepository,
  sourceSignatureRefs,
  verifyLegacySignatures,
  withDigest,
  type PromoteResult,
  type RegistryClient,
  type RepoRef,
  type Signer,
} from '@bydigest/core';
import { code, html, info, InputError, jobSummary, joinHtml, registryClient } from '@bydigest/action-kit';
import { foreignIdentityRefusal } from './foreign-identity.js';
import type { PromoteInputs } from './inputs.js';

export interface Promoted {
  digest: string;
  /** The refs written, in the order of the tags input. */
  written: string[];
}

/**
 * Writes the source manifest's bytes to every target. Into another repository go first the
 * signatures a host of that repository accepts (signed there with each of `signer`, or copied as they
 * are when allowed) and every referrer; a tag never points at the digest before they are there.
 */
export async function run(inputs: PromoteInputs, signer: readonly Signer[] | undefined): Promise<Promoted> {
  const { source, targets, requiredKeys, concurrency } = inputs;
  const client = registryClient(inputs.registry);
  try {
    // One GET by digest: the bytes every target receives. A tag is never re-resolved.
    const manifest = await client.getManifest(source);
    if (requiredKeys) await requireSignature(client, inputs);

    const otherRepos = uniqueRepos(targets.filter((t) => !sameRepository(t, source)));
    // The source's signatures name the source repository: carried as they are, only hosts that
    // remap the identity accept them. Signing in the target (key) or the explicit opt-in avoids that.
    const carryImageSignatures = inputs.copySignatures && (inputs.allowForeignIdentity || !signer);
    if (otherRepos.length > 0 && carryImageSignatures && !inputs.allowForeignIdentity) {
      const sigRefs = await sourceSignatureRefs(client, source, digestWithPlatforms(source, manifest));
      if (sigRefs.length > 0 || requiredKeys) throw foreignIdentityRefusal(source, otherRepos, sigRefs);
    }
    if (signer && otherRepos.length === 0) info('key given, but every target is in the source repository, whose signatures already name it: nothing to sign');
    if (signer) await Promise.all(signer.map((s) => s.ready())); // a wrong password fails before anything is written
    const carryFirst = async () => {
      for (const repo of otherRepos) {
        if (inputs.copySignatures) {
          const copied = await copySignatures(client, source, repo, { concurrency, manifest, imageSignatures: carryImageSignatures });
          info(`copied ${copied} signature/referrer manifest(s) to ${formatReference(repo)}${carryImageSignatures ? '' : " (not the image's own .sig, which names the source repository)"}`);
        }
        if (signer) {
          const s = await signInRepository(client, { source, target: repo, manifest, signer });
          const how = s.signed.every((x) => x.alreadySigned) ? 'already signed' : 'signed';
          info(`${how} ${formatReference(withDigest(repo, source.digest))} (${s.signed.length} manifest(s)) for identity ${s.identity} -> ${s.signed[0]?.signatureRef ?? '?'}`);
        }
      }
    };
    const result = await promoteByDigest(client, source, targets, { manifest, concurrency, beforeTags: carryFirst });
    if (otherRepos.length > 0) info(`blobs: ${result.stats.mounted} mounted, ${result.stats.streamed} streamed, ${result.stats.existing} already present`);
    await summarize(inputs, manifest.digest, result, signer && otherRepos.length > 0 ? otherRepos : []);
    return { digest: manifest.digest, written: result.written };
  } finally {
    await client.close();
  }
}

async function requireSignature(client: RegistryClient, { source, requiredKeys }: PromoteInputs): Promise<void> {
  const v = await verifyLegacySignatures(client, source, requiredKeys!);
  if (v.valid.length === 0) {
    throw new InputError(
      'require-signature',
      `${formatReference(source)} carries no valid signature for the required key; nothing was promoted (${describeVerdicts(v)})`,
      'sign this digest with sign-digest using the matching private key, then promote',
    );
  }
  info(`signature check: ${v.valid.length} valid signature(s) at ${v.signatureRef}`);
}

async function summarize({ source, requiredKeys }: PromoteInputs, digest: string, result: PromoteResult, signedIn: RepoRef[]): Promise<void> {
  await jobSummary()
    .heading('promote-preserve-digest')
    .paragraph(
      html`Source ${code(formatReference(source))}${requiredKeys ? ' (signature verified)' : ''}${
        signedIn.length > 0 ? html`; signed in ${joinHtml(signedIn.map((r) => code(repositoryName(r))))}` : ''
      }`,
    )
    .table([[{ header: 'target' }, { header: 'resolves to' }], ...result.written.map((r) => [r, code(digest)])])
    .write();
}

function uniqueRepos(refs: RepoRef[]): RepoRef[] {
  const seen = new Map<string, RepoRef>();
  for (const r of refs) seen.set(`${r.registry}/${r.repository}`, { registry: r.registry, repository: r.repository });
  return [...seen.values()];
}
