import {
  describeVerdicts,
  formatReference,
  parseDigestReference,
  parseTargets,
  promoteByDigest,
  repositoryName,
  sameRepository,
  verifyLegacySignatures,
  withDigest,
} from '@bydigest/core';
import {
  awaitSigningKey,
  booleanInput,
  InputError,
  integerInput,
  listInput,
  parseInput,
  publicKeyInput,
  rawInput,
  registryClientFromInputs,
  runAction,
  setCheckedOutput,
  setDigestOutput,
  runner,
} from '@bydigest/action-kit';
import { startSigningKey } from '@bydigest/action-kit/early-key';
import { copySignatures } from './copy-signatures.js';
import { foreignIdentityRefusal, signedDigestsOf, sourceSignatureRefs } from './foreign-identity.js';
import { describeSigned, signInTarget } from './sign-targets.js';

// Signing in the target repositories is opt-in: a key only when the key input is given.
const pendingKey = startSigningKey({ optional: true });
pendingKey?.catch(() => undefined);

await runAction(async () => {
  const source = parseInput('source', parseDigestReference, { required: true })!;
  const entries = listInput('tags');
  if (entries.length === 0) throw new InputError('tags', 'lists no targets', 'e.g. stable, or ghcr.io/owner/other:stable');
  const targets = parseInput('tags', () => parseTargets(source, entries))!;
  const requiredKey = rawInput('require-signature') ? await publicKeyInput('require-signature') : undefined;
  const copySigs = booleanInput('copy-signatures', true);
  const allowForeign = booleanInput('allow-foreign-identity', false);
  const concurrency = integerInput('concurrency', 4, { min: 1, max: 32 });
  // A bad key or password fails here, before any request: a promotion that cannot sign writes nothing.
  const key = pendingKey ? await awaitSigningKey(pendingKey) : undefined;
  const client = registryClientFromInputs();

  try {
    // One GET by digest: the bytes every target receives. A tag is never re-resolved.
    const manifest = await client.getManifest(source);
    if (requiredKey) {
      const v = await verifyLegacySignatures(client, source, [requiredKey]);
      if (v.valid.length === 0) {
        throw new InputError(
          'require-signature',
          `${formatReference(source)} carries no valid signature for the required key; nothing was promoted (${describeVerdicts(v)})`,
          'sign this digest with sign-digest using the matching private key, then promote',
        );
      }
      runner.info(`signature check: ${v.valid.length} valid signature(s) at ${v.signatureRef}`);
    }

    const elsewhere = targets.filter((t) => !sameRepository(t, source));
    const otherRepos = uniqueRepos(elsewhere);
    const digests = signedDigestsOf(source, manifest);
    // The source's signatures name the source repository: carried as they are, only hosts that
    // remap the identity accept them. Signing in the target (key) or the explicit opt-in avoids that.
    const carryImageSignatures = copySigs && (allowForeign || !key);
    if (otherRepos.length > 0 && carryImageSignatures && !allowForeign) {
      const sigRefs = await sourceSignatureRefs(client, source, digests);
      if (sigRefs.length > 0 || requiredKey) throw foreignIdentityRefusal(source, otherRepos, sigRefs);
    }
    if (key && otherRepos.length === 0) runner.info('key given, but every target is in the source repository, whose signatures already name it: nothing to sign');
    // Signatures and referrers go first: no target tag may point at the digest before they are there.
    const copyFirst = async () => {
      for (const repo of otherRepos) {
        if (copySigs) {
          const copied = await copySignatures(client, source, repo, concurrency, manifest, { imageSignatures: carryImageSignatures });
          runner.info(`copied ${copied} signature/referrer manifest(s) to ${formatReference(repo)}${carryImageSignatures ? '' : " (not the image's own .sig, which names the source repository)"}`);
        }
        if (key) runner.info(describeSigned(withDigest(repo, source.digest), await signInTarget(client, source, repo, manifest, digests, key)));
      }
    };
    const result = await promoteByDigest(client, source, targets, { manifest, concurrency, beforeTags: copyFirst });
    const { stats } = result;
    if (elsewhere.length > 0) runner.info(`blobs: ${stats.mounted} mounted, ${stats.streamed} streamed, ${stats.existing} already present`);

    setDigestOutput('digest', manifest.digest);
    setCheckedOutput('promoted', result.written.join('\n'), (v) => v.split('\n').length === targets.length);
    await runner.summary
      .addHeading('promote-preserve-digest', 3)
      .addRaw(
        `<p>Source <code>${formatReference(source)}</code>${requiredKey ? ' (signature verified)' : ''}${key && otherRepos.length > 0 ? `; signed in ${otherRepos.map((r) => `<code>${repositoryName(r)}</code>`).join(', ')} with key <code>${key.keyId.slice(0, 16)}</code>` : ''}</p>`,
      )
      .addTable([
        [{ data: 'target', header: true }, { data: 'resolves to', header: true }],
        ...result.written.map((r) => [r, `<code>${manifest.digest}</code>`]),
      ])
      .write();
  } finally {
    await client.close();
  }
});

function uniqueRepos<T extends { registry: string; repository: string }>(refs: T[]): { registry: string; repository: string }[] {
  const seen = new Map<string, { registry: string; repository: string }>();
  for (const r of refs) seen.set(`${r.registry}/${r.repository}`, { registry: r.registry, repository: r.repository });
  return [...seen.values()];
}
