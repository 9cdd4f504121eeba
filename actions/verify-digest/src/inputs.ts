import type { KeyObject } from 'node:crypto';
import {
  formatReference,
  loadPolicyFile,
  loadRegistriesDir,
  parseDigestReference,
  parseReference,
  type ImageReference,
  type LoadedRegistriesD,
  type Policy,
} from '@bydigest/core';
import { choiceInput, InputError, parseInput, publicKeyInput, rawInput, readRegistryInputs, type RegistryInputs } from '@bydigest/action-kit';

export type Format = 'legacy' | 'bundle' | 'any';

export interface HostPolicy {
  path: string;
  policy: Policy;
  registriesDir: string;
  registries: LoadedRegistriesD;
  /** The reference the host pulls: scope and signedIdentity are judged against it. */
  pullRef: ImageReference;
  /** Whether pull-ref was given (else it defaults to image-ref's repository@digest). */
  pullRefGiven: boolean;
}

export interface VerifyOptions {
  image: ImageReference & { digest: string };
  format: Format;
  publicKey?: KeyObject;
  host?: HostPolicy;
  registry: RegistryInputs;
}

export async function readInputs(): Promise<VerifyOptions> {
  const image = parseInput('image-ref', parseDigestReference, { required: true })!;
  const format = choiceInput('format', ['legacy', 'bundle', 'any'] as const, 'any');
  const policyPath = rawInput('policy');
  const registriesDir = rawInput('registries-d');
  if (!rawInput('public-key') && !policyPath) {
    throw new InputError('public-key', 'is required unless policy is given', 'pass cosign.pub (PEM text or its path), or a policy.json and registries.d to check as a bootc host');
  }
  if (registriesDir && !policyPath) {
    throw new InputError('registries-d', 'is given without policy', 'registries.d only matters for evaluating a policy.json: pass policy too');
  }
  if (policyPath && !registriesDir) {
    throw new InputError(
      'registries-d',
      'is required with policy',
      'pass the registries.d directory your image installs: containers/image reads the .sig signatures only where it sets use-sigstore-attachments: true',
    );
  }
  const options: VerifyOptions = { image, format, registry: readRegistryInputs() };
  if (rawInput('public-key')) options.publicKey = await publicKeyInput('public-key');
  const pullRef = parseInput('pull-ref', (raw) => checkPullRef(parseReference(raw), image));
  if (pullRef && !policyPath) throw new InputError('pull-ref', 'is given without policy', 'pull-ref only selects the policy scope and identity: pass policy and registries-d too');
  if (policyPath) {
    const policy = await loadOrFail('policy', () => loadPolicyFile(policyPath));
    const registries = await loadOrFail('registries-d', () => loadRegistriesDir(registriesDir));
    options.host = {
      path: policyPath,
      policy,
      registriesDir,
      registries,
      pullRef: pullRef ?? { registry: image.registry, repository: image.repository, digest: image.digest },
      pullRefGiven: pullRef !== undefined,
    };
  }
  return options;
}

/** The host pulls a tag or a digest, never both (docker:// refuses that), and only this digest. */
function checkPullRef(ref: ImageReference, image: ImageReference & { digest: string }): ImageReference {
  if (ref.tag !== undefined && ref.digest !== undefined) {
    throw new InputError('pull-ref', `${formatReference(ref)} has both a tag and a digest; containers/image pulls one or the other`, 'give the tag the host pulls, e.g. ghcr.io/owner/image:stable');
  }
  if (ref.digest !== undefined && ref.digest !== image.digest) {
    throw new InputError('pull-ref', `names digest ${ref.digest}, but image-ref is ${image.digest}`, 'give the tag the host pulls, or leave pull-ref empty');
  }
  return ref;
}

async function loadOrFail<T>(input: string, load: () => Promise<T>): Promise<T> {
  try {
    return await load();
  } catch (e) {
    const err = e as Error & { hint?: string };
    throw new InputError(input, err.message, err.hint);
  }
}
