import {
  formatReference,
  parseDigestReference,
  parseTagList,
  repositoryName,
  signImage,
  signImageBundle,
  type BundledDigest,
  type SignedDigest,
  type SigningKey,
} from '@bydigest/core';
import {
  choiceInput,
  InputError,
  keyValueInput,
  awaitSigningKey,
  keyInputChecked,
  listInput,
  booleanInput,
  parseInput,
  registryClientFromInputs,
  runAction,
  setCheckedOutput,
  setDigestOutput,
  runner,
} from '@bydigest/action-kit';

type ImageRef = ReturnType<typeof parseDigestReference>;

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

    // Masks the key variables now; the key itself is awaited by signImage once the registry work
    // that does not need it (manifest and .sig reads, payload blobs) is done, so scrypt overlaps it.
    // A malformed key input fails here, before any write; only the password waits for scrypt.
    await keyInputChecked(pendingKey);
    const pending = awaitSigningKey(pendingKey);
    pending.catch(() => undefined);
    const client = registryClientFromInputs();
    try {
      const wantLegacy = format !== 'bundle';
      const wantBundle = format !== 'legacy';
      // The .sig tag and the referrers index are different tags: both formats are written at once.
      const [signed, bundled] = await Promise.all([
        wantLegacy ? signImage(client, { image, identities, optional: Object.keys(optional).length ? optional : null, recursive, key: pending }) : undefined,
        wantBundle ? signImageBundle(client, { image, key: pending, annotations: optional, recursive }) : undefined,
      ]).catch(async (e: unknown) => {
        // A bad key explains more than whatever failed while it was being decoded.
        await pending;
        throw e;
      });
      const key = await pending;
      if (signed) reportLegacy(image, signed);
      if (bundled) reportBundles(image, bundled);
      setCheckedOutput('public-key', key.publicKeyPem, (v) => v.startsWith('-----BEGIN PUBLIC KEY-----'));
      await summarize(image, identities, key, signed, bundled);
    } finally {
      await client.close();
    }
  });
}

function reportLegacy(image: ImageRef, signed: SignedDigest[]): void {
  const top = signed[0]!;
  setCheckedOutput('signature-ref', top.signatureRef, (v) => v.endsWith(`:sha256-${image.digest.slice(7)}.sig`));
  setDigestOutput('signature-digest', top.signatureDigest);
  for (const s of signed) {
    runner.info(`${s.alreadySigned ? 'already signed' : 'signed'} ${formatReference({ ...image, digest: s.digest })} -> ${s.signatureRef} (${s.settle.writes} write(s)${s.settle.contended ? ', other writers seen' : ''})`);
  }
}

function reportBundles(image: ImageRef, bundled: BundledDigest[]): void {
  const top = bundled[0]!;
  if (top.digest !== image.digest) throw new Error(`internal error: the first bundle is for ${top.digest}, not ${image.digest}`);
  setDigestOutput('bundle-digest', top.bundleDigest);
  for (const b of bundled) {
    const how = b.via === 'api' ? 'referrers API' : `referrers index sha256-${b.digest.slice(7)}${b.settle ? ` (${b.settle.writes} write(s)${b.settle.contended ? ', other writers seen' : ''})` : ''}`;
    runner.info(`${b.alreadySigned ? 'bundle already attached to' : 'bundle attached to'} ${formatReference({ ...image, digest: b.digest })} -> ${b.bundleRef} via ${how}`);
  }
}

async function summarize(image: ImageRef, identities: string[], key: SigningKey, signed: SignedDigest[] | undefined, bundled: BundledDigest[] | undefined): Promise<void> {
  const digests = (signed ?? bundled ?? []).map((s) => s.digest);
  const header = [{ data: 'digest', header: true }];
  if (signed) header.push({ data: 'signature', header: true }, { data: 'identities', header: true });
  if (bundled) header.push({ data: 'sigstore bundle', header: true });
  const rows = digests.map((digest) => {
    const row = [`<code>${digest}</code>`];
    const s = signed?.find((x) => x.digest === digest);
    if (signed) row.push(s ? `<code>${s.signatureRef}</code>` : '', identities.join('<br>'));
    const b = bundled?.find((x) => x.digest === digest);
    if (bundled) row.push(b ? `<code>${b.bundleDigest}</code>${b.alreadySigned ? ' (already there)' : ''}` : '');
    return row;
  });
  const checks = [signed ? 'the .sig read back and verified' : '', bundled ? 'the bundle verified and listed among the referrers' : ''].filter(Boolean).join('; ');
  const bundleLine = bundled ? `<p>bundle-digest <code>${bundled[0]!.bundleDigest}</code> (${formatReference({ ...image, digest: bundled[0]!.bundleDigest })})</p>` : '';
  await runner.summary
    .addHeading('sign-digest', 3)
    .addTable([header, ...rows])
    .addRaw(`${bundleLine}<p>Key <code>${key.keyId.slice(0, 16)}</code>; ${checks}.</p>`)
    .write();
}
