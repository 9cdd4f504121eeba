import {
  describeVerdicts,
  formatReference,
  parseDigestReference,
  parseTargets,
  promoteByDigest,
  sameRepository,
  verifyLegacySignatures,
} from '@bydigest/core';
import {
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
  code,
  html,
  info,
  jobSummary,
} from '@bydigest/action-kit';
import { copySignatures } from './copy-signatures.js';

/** The whole step (what GitHub's local-action calls): inputs, the action, its outputs. */
export async function run(): Promise<void> {
  await runAction(async () => {
    const source = parseInput('source', parseDigestReference, { required: true })!;
    const entries = listInput('tags');
    if (entries.length === 0) throw new InputError('tags', 'lists no targets', 'e.g. stable, or ghcr.io/owner/other:stable');
    const targets = parseInput('tags', () => parseTargets(source, entries))!;
    const requiredKey = rawInput('require-signature') ? await publicKeyInput('require-signature') : undefined;
    const copySigs = booleanInput('copy-signatures', true);
    const concurrency = integerInput('concurrency', 4, { min: 1, max: 32 });
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
        info(`signature check: ${v.valid.length} valid signature(s) at ${v.signatureRef}`);
      }

      const elsewhere = targets.filter((t) => !sameRepository(t, source));
      // Signatures and referrers go first: no target tag may point at the digest before they are there.
      const copyFirst = async () => {
        if (!copySigs) return;
        for (const repo of uniqueRepos(elsewhere)) {
          const copied = await copySignatures(client, source, repo, concurrency, manifest);
          info(`copied ${copied} signature/referrer manifest(s) to ${formatReference(repo)}`);
        }
      };
      const result = await promoteByDigest(client, source, targets, { manifest, concurrency, beforeTags: copyFirst });
      const { stats } = result;
      if (elsewhere.length > 0) info(`blobs: ${stats.mounted} mounted, ${stats.streamed} streamed, ${stats.existing} already present`);

      setDigestOutput('digest', manifest.digest);
      setCheckedOutput('promoted', result.written.join('\n'), (v) => v.split('\n').length === targets.length);
      await jobSummary()
        .heading('promote-preserve-digest')
        .paragraph(html`Source ${code(formatReference(source))}${requiredKey ? ' (signature verified)' : ''}`)
        .table([[{ header: 'target' }, { header: 'resolves to' }], ...result.written.map((r) => [r, code(manifest.digest)])])
        .write();
    } finally {
      await client.close();
    }
  });
}

function uniqueRepos<T extends { registry: string; repository: string }>(refs: T[]): { registry: string; repository: string }[] {
  const seen = new Map<string, { registry: string; repository: string }>();
  for (const r of refs) seen.set(`${r.registry}/${r.repository}`, { registry: r.registry, repository: r.repository });
  return [...seen.values()];
}
