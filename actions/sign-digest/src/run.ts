import * as core from '@actions/core';
import {
  formatReference,
  parseDigestReference,
  parseTagList,
  repositoryName,
  signImage,
  type SigningKey,
} from '@bydigest/core';
import {
  choiceInput,
  InputError,
  keyValueInput,
  awaitSigningKey,
  listInput,
  booleanInput,
  parseInput,
  registryClientFromInputs,
  runAction,
  setCheckedOutput,
  setDigestOutput,
} from '@bydigest/action-kit';

export async function run(pendingKey: Promise<SigningKey>): Promise<void> {
  await runAction(async () => {
    const image = parseInput('image-ref', parseDigestReference, { required: true })!;
    const format = choiceInput('format', ['legacy', 'bundle', 'both'] as const, 'legacy');
    const identity = choiceInput('identity', ['repository', 'tags'] as const, 'repository');
    const recursive = booleanInput('recursive', true);
    const optional = keyValueInput('annotations');
    const tagEntries = listInput('tags');
    if (identity === 'tags' && tagEntries.length === 0) {
      throw new InputError('tags', 'is empty but identity is tags', 'list the tags the image is published under, or use identity: repository');
    }
    const tags = parseInput('tags', () => parseTagList(image, tagEntries)) ?? [];
    const identities = identity === 'repository' ? [repositoryName(image)] : tags.map((t) => `${repositoryName(image)}:${t}`);
    if (format !== 'legacy') {
      throw new InputError('format', `${format} is not available in this version`, 'use format: legacy, which podman, skopeo and bootc verify');
    }

    const key = await awaitSigningKey(pendingKey);
    const client = registryClientFromInputs();
    try {
      const signed = await signImage(client, { image, identities, optional: Object.keys(optional).length ? optional : null, recursive, key });
      const top = signed[0]!;
      setCheckedOutput('signature-ref', top.signatureRef, (v) => v.endsWith(`:sha256-${image.digest.slice(7)}.sig`));
      setDigestOutput('signature-digest', top.signatureDigest);
      setCheckedOutput('public-key', key.publicKeyPem, (v) => v.startsWith('-----BEGIN PUBLIC KEY-----'));
      for (const s of signed) {
        core.info(`${s.alreadySigned ? 'already signed' : 'signed'} ${formatReference({ ...image, digest: s.digest })} -> ${s.signatureRef} (${s.settle.writes} write(s)${s.settle.contended ? ', other writers seen' : ''})`);
      }
      await core.summary
        .addHeading('sign-digest', 3)
        .addTable([
          [{ data: 'digest', header: true }, { data: 'signature', header: true }, { data: 'identities', header: true }],
          ...signed.map((s) => [`<code>${s.digest}</code>`, `<code>${s.signatureRef}</code>`, identities.join('<br>')]),
        ])
        .addRaw(`<p>Key <code>${key.keyId.slice(0, 16)}</code>; verified by reading the signature back.</p>`)
        .write();
    } finally {
      await client.close();
    }
  });
}
