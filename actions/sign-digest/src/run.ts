import {
  formatReference,
  loadPublicKeys,
  publicKeyId,
  signImage,
  signImageBundle,
  type BundledDigest,
  type KeylessSigner,
  type RegistryClient,
  type SignedDigest,
  type Signer,
} from '@bydigest/core';
import {
  code,
  githubRun,
  html,
  info,
  joinHtml,
  InputError,
  jobSummary,
  registryClient,
  runContext,
  runContextMissing,
  type SummaryCell,
} from '@bydigest/action-kit';
import type { SignInputs } from './inputs.js';
import type { SignDigestSigners } from './signers.js';

export interface SignResult {
  /** The legacy `.sig` of the image digest (format legacy or both). */
  signed?: SignedDigest[];
  /** The bundle referrers (format bundle or both). */
  bundled?: BundledDigest[];
  /** The keys' public keys, PEM blocks concatenated in the key input's order (signer key or both). */
  publicKeyPem?: string;
  /** The keyless signature of the image digest: who signed, and where Rekor logged it. */
  keyless?: KeylessResult;
}

export interface KeylessResult {
  identity: string;
  issuer: string;
  /** The Rekor v1 log index of the image digest's signature. */
  logIndex: number;
}

/** The annotate-github keys, as `cosign verify -a KEY=VALUE` checks them. */
export const GITHUB_ANNOTATIONS = ['github.repository', 'github.sha', 'github.workflow_ref', 'github.run_id'] as const;

export async function run(
  inputs: SignInputs,
  signers: SignDigestSigners,
  client: RegistryClient = registryClient(inputs.registry),
): Promise<SignResult> {
  const { image, format, identities, recursive } = inputs;
  const annotations = {
    ...inputs.annotations,
    ...(inputs.annotateGithub ? await githubAnnotations(inputs.annotations) : {}),
  };
  const legacySigners: Signer[] = [...(signers.keys ?? []), ...(signers.keyless ? [signers.keyless] : [])];
  // One bundle per signer: the key's, and the keyless one (its own Rekor dsse entry).
  const bundleSigners = legacySigners;
  try {
    // The .sig tag and the referrers index are different tags: both formats are written at once,
    // each doing its reads while the signers get ready (scrypt, the Fulcio certificate).
    const [signed, bundled] = await Promise.all([
      format !== 'bundle'
        ? signImage(client, {
            image,
            identities,
            optional: Object.keys(annotations).length ? annotations : null,
            recursive,
            signer: legacySigners,
          })
        : undefined,
      format !== 'legacy' ? signBundles(client, bundleSigners, { image, annotations, recursive }) : undefined,
    ]).catch(async (e: unknown) => {
      // A bad key or a missing certificate explains more than whatever failed meanwhile.
      await Promise.all(legacySigners.map((s) => s.ready()));
      throw e;
    });
    const result: SignResult = {
      ...(signers.keys
        ? { publicKeyPem: (await Promise.all(signers.keys.map((k) => k.publicKeyPem()))).join('') }
        : {}),
      ...(signers.keyless ? { keyless: await keylessResult(signers.keyless, signed?.[0]) } : {}),
      ...(signed ? { signed } : {}),
      ...(bundled ? { bundled } : {}),
    };
    logResult(inputs, result);
    await summarize(inputs, result);
    return result;
  } finally {
    await client.close();
  }
}

async function keylessResult(keyless: KeylessSigner, signed: SignedDigest | undefined): Promise<KeylessResult> {
  const id = await keyless.identity();
  // The .sig layer's entry when there is one (what hosts and cosign 2 read), else the bundle's.
  const logIndex = signed
    ? signed.layers.map((d) => keyless.entryFor(d)?.logIndex).find((i) => i !== undefined)
    : keyless.bundleLogIndexes[0];
  if (logIndex === undefined) throw new Error('internal error: no Rekor entry for the keyless signature of the image');
  return { identity: id.identity, issuer: id.issuer ?? '', logIndex };
}

/** Each signer's bundle, one signer after the other: they share the referrers index. */
async function signBundles(
  client: RegistryClient,
  signers: Signer[],
  opts: { image: SignInputs['image']; annotations: Record<string, string>; recursive: boolean },
): Promise<BundledDigest[]> {
  const out: BundledDigest[] = [];
  for (const signer of signers) out.push(...(await signImageBundle(client, { ...opts, signer })));
  return out;
}

async function githubAnnotations(given: Record<string, string>): Promise<Record<string, string>> {
  const clash = GITHUB_ANNOTATIONS.find((k) => k in given);
  if (clash)
    throw new InputError(
      'annotations',
      `sets ${clash}, which annotate-github sets too`,
      'drop it from annotations, or set annotate-github: false',
    );
  const gh = await githubRun();
  if (!gh) {
    const run = runContext();
    const missing = (['repository', 'sha', 'runId'] as const).filter((f) => !run[f]).map((f) => runContextMissing(f));
    throw new InputError(
      'annotate-github',
      `is true but this step runs outside a GitHub workflow (${missing.join('; ')})`,
      'set annotate-github: false',
    );
  }
  return {
    'github.repository': gh.repository,
    'github.sha': gh.sha,
    'github.workflow_ref': gh.workflowRef,
    'github.run_id': gh.runId,
  };
}

function logResult({ image }: SignInputs, { signed, bundled, keyless }: SignResult): void {
  if (keyless)
    info(
      `keyless: certificate for ${keyless.identity} (issuer ${keyless.issuer || 'unknown'}), Rekor log index ${keyless.logIndex}`,
    );
  for (const s of signed ?? []) {
    info(
      `${s.alreadySigned ? 'already signed' : 'signed'} ${formatReference({ ...image, digest: s.digest })} -> ${s.signatureRef} (${s.settle.writes} write(s)${s.settle.contended ? ', other writers seen' : ''})`,
    );
  }
  for (const b of bundled ?? []) {
    const how =
      b.via === 'api'
        ? 'referrers API'
        : `referrers index sha256-${b.digest.slice(7)}${b.settle ? ` (${b.settle.writes} write(s)${b.settle.contended ? ', other writers seen' : ''})` : ''}`;
    info(
      `${b.alreadySigned ? 'bundle already attached to' : 'bundle attached to'} ${formatReference({ ...image, digest: b.digest })} -> ${b.bundleRef} via ${how}`,
    );
  }
}

async function summarize(
  { image, identities }: SignInputs,
  { signed, bundled, publicKeyPem, keyless }: SignResult,
): Promise<void> {
  const digests = (signed ?? bundled ?? []).map((s) => s.digest);
  const header: SummaryCell[] = [{ header: 'digest' }];
  if (signed) header.push({ header: 'signature' }, { header: 'identities' });
  if (bundled) header.push({ header: 'sigstore bundle' });
  const rows = digests.map((digest) => {
    const row: SummaryCell[] = [code(digest)];
    const s = signed?.find((x) => x.digest === digest);
    if (signed) row.push(s ? code(s.signatureRef) : '', identities.join(', '));
    const b = bundled?.find((x) => x.digest === digest);
    if (bundled) row.push(b ? html`${code(b.bundleDigest)}${b.alreadySigned ? ' (already there)' : ''}` : '');
    return row;
  });
  const checks = [
    signed ? 'the .sig read back and verified' : '',
    bundled ? 'the bundle verified and listed among the referrers' : '',
  ]
    .filter(Boolean)
    .join('; ');
  const summary = jobSummary()
    .heading('sign-digest')
    .table([header, ...rows]);
  if (bundled)
    summary.paragraph(
      html`bundle-digest ${code(bundled[0]!.bundleDigest)} (${formatReference({ ...image, digest: bundled[0]!.bundleDigest })})`,
    );
  const who = [
    publicKeyPem
      ? html`${loadPublicKeys(publicKeyPem).length > 1 ? 'Keys' : 'Key'} ${joinHtml(
          loadPublicKeys(publicKeyPem).map((k) => code(publicKeyId(k).slice(0, 16))),
          ', ',
        )}`
      : undefined,
    keyless
      ? html`keyless ${code(keyless.identity)} (issuer ${code(keyless.issuer)}, Rekor log index ${String(keyless.logIndex)})`
      : undefined,
  ].filter((x) => x !== undefined);
  await summary.paragraph(html`${joinHtml(who, '; ')}; ${checks}.`).write();
}
