import {
  formatReference,
  promoteImage,
  repositoryName,
  type PromotedImage,
  type PromoteRefusal,
  type RegistryClient,
  type Signer,
} from '@bydigest/core';
import { code, html, info, InputError, jobSummary, joinHtml, registryClient } from '@bydigest/action-kit';
import type { PromoteInputs } from './inputs.js';

/** The input a refusal asks to change. */
const REFUSAL_INPUT: Record<PromoteRefusal['code'], string> = {
  UNSIGNED_SOURCE: 'require-signature',
  FOREIGN_IDENTITY: 'tags',
};

/** Promotes the source digest to every target (core's promoteImage); a refusal is the input error it names. */
export async function run(
  inputs: PromoteInputs,
  signer: readonly Signer[] | undefined,
  client: RegistryClient = registryClient(inputs.registry),
): Promise<PromotedImage> {
  try {
    const outcome = await promoteImage(client, {
      source: inputs.source,
      targets: inputs.targets,
      ...(inputs.requiredKeys ? { requiredKeys: inputs.requiredKeys } : {}),
      copySignatures: inputs.copySignatures,
      allowForeignIdentity: inputs.allowForeignIdentity,
      concurrency: inputs.concurrency,
      ...(signer && signer.length > 0 ? { signer } : {}),
      log: info,
    });
    if (outcome.refused)
      throw new InputError(REFUSAL_INPUT[outcome.refused.code], outcome.refused.message, outcome.refused.hint);
    await summarize(inputs, outcome.promoted);
    return outcome.promoted;
  } finally {
    await client.close();
  }
}

async function summarize(
  { source, requiredKeys }: PromoteInputs,
  { digest, written, signedIn }: PromotedImage,
): Promise<void> {
  await jobSummary()
    .heading('promote-preserve-digest')
    .paragraph(
      html`Source ${code(formatReference(source))}${requiredKeys ? ' (signature verified)' : ''}${
        signedIn.length > 0 ? html`; signed in ${joinHtml(signedIn.map((r) => code(repositoryName(r))))}` : ''
      }`,
    )
    .table([[{ header: 'target' }, { header: 'resolves to' }], ...written.map((r) => [r, code(digest)])])
    .write();
}
