import { readFile } from 'node:fs/promises';
import type { KeyObject } from 'node:crypto';
import {
  formatReference,
  keylessTrustFromJson,
  loadPolicyFile,
  publicGoodTrust,
  loadRegistriesDir,
  parseDigestReference,
  parseReference,
  type CertificateMatch,
  type ImageReference,
  type KeylessTrust,
  type LoadedRegistriesD,
  type Policy,
} from '@bydigest/core';
import {
  choiceInput,
  InputError,
  parseInput,
  withInput,
  publicKeysInput,
  rawInput,
  readRegistryInputs,
  type RegistryInputs,
} from '@bydigest/action-kit';

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
  /** Any one of them verifying a signature passes (keyPaths' rule). */
  publicKeys?: KeyObject[];
  /** Keyless: the certificate identity and issuer a `.sig` layer must carry, and the root they chain to. */
  keyless?: { match: CertificateMatch; trust: KeylessTrust };
  host?: HostPolicy;
  registry: RegistryInputs;
}

export async function readInputs(): Promise<VerifyOptions> {
  const image = parseInput('image-ref', parseDigestReference, { required: true })!;
  const format = choiceInput('format', ['legacy', 'bundle', 'any'] as const, 'any');
  const policyPath = rawInput('policy');
  const registriesDir = rawInput('registries-d');
  const match = certificateMatchInputs();
  if (!rawInput('public-key') && !policyPath && !match) {
    throw new InputError(
      'public-key',
      'is required unless policy or certificate-identity is given',
      'pass cosign.pub (PEM text or its path), certificate-identity and certificate-oidc-issuer for a keyless signature, or a policy.json and registries.d to check as a bootc host',
    );
  }
  if (registriesDir && !policyPath) {
    throw new InputError(
      'registries-d',
      'is given without policy',
      'registries.d only matters for evaluating a policy.json: pass policy too',
    );
  }
  if (policyPath && !registriesDir) {
    throw new InputError(
      'registries-d',
      'is required with policy',
      'pass the registries.d directory your image installs: containers/image reads the .sig signatures only where it sets use-sigstore-attachments: true',
    );
  }
  const options: VerifyOptions = { image, format, registry: readRegistryInputs() };
  if (rawInput('public-key')) options.publicKeys = await publicKeysInput('public-key');
  if (match) options.keyless = { match, trust: await trustedRootInput() };
  else if (rawInput('trusted-root'))
    throw new InputError(
      'trusted-root',
      'is given without certificate-identity',
      'trusted-root is the root keyless signatures chain to: pass certificate-identity and certificate-oidc-issuer too',
    );
  const pullRef = parseInput('pull-ref', (raw) => checkPullRef(parseReference(raw), image));
  if (pullRef && !policyPath)
    throw new InputError(
      'pull-ref',
      'is given without policy',
      'pull-ref only selects the policy scope and identity: pass policy and registries-d too',
    );
  if (policyPath) {
    const policy = await withInput('policy', () => loadPolicyFile(policyPath));
    const registries = await withInput('registries-d', () => loadRegistriesDir(registriesDir));
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
    throw new InputError(
      'pull-ref',
      `${formatReference(ref)} has both a tag and a digest; containers/image pulls one or the other`,
      'give the tag the host pulls, e.g. ghcr.io/owner/image:stable',
    );
  }
  if (ref.digest !== undefined && ref.digest !== image.digest) {
    throw new InputError(
      'pull-ref',
      `names digest ${ref.digest}, but image-ref is ${image.digest}`,
      'give the tag the host pulls, or leave pull-ref empty',
    );
  }
  return ref;
}

/** certificate-identity or -regexp with certificate-oidc-issuer, as cosign verify takes them. */
function certificateMatchInputs(): CertificateMatch | undefined {
  const identity = rawInput('certificate-identity');
  const identityRegexp = rawInput('certificate-identity-regexp');
  const issuer = rawInput('certificate-oidc-issuer');
  const source = sourceRepositoryInput();
  if (identity && identityRegexp)
    throw new InputError(
      'certificate-identity-regexp',
      'is given with certificate-identity; give one of them',
      'certificate-identity matches exactly, certificate-identity-regexp by pattern',
    );
  if (!identity && !identityRegexp) {
    if (issuer)
      throw new InputError(
        'certificate-oidc-issuer',
        'is given without certificate-identity',
        'pass the identity too, e.g. https://github.com/OWNER/REPO/.github/workflows/release.yml@refs/heads/main',
      );
    if (source)
      throw new InputError(
        'certificate-source-repository',
        'is given without certificate-identity',
        "pass the identity too: the reusable workflow that signed (publish.yml's keyless-identity output)",
      );
    return undefined;
  }
  const which = identity ? 'certificate-identity' : 'certificate-identity-regexp';
  if (!issuer)
    throw new InputError(
      'certificate-oidc-issuer',
      `is required with ${which}`,
      'for GitHub Actions: https://token.actions.githubusercontent.com',
    );
  if (identityRegexp) {
    try {
      new RegExp(identityRegexp);
    } catch (e) {
      throw new InputError('certificate-identity-regexp', `is not a regular expression: ${(e as Error).message}`);
    }
    return { identityRegexp, issuer, ...source };
  }
  return { identity, issuer, ...source };
}

/** OWNER/REPO or its https://github.com/OWNER/REPO form, as Fulcio writes it into certificates. */
function sourceRepositoryInput(): { sourceRepository: string } | undefined {
  const raw = rawInput('certificate-source-repository');
  if (!raw) return undefined;
  const url = /^[\w.-]+\/[\w.-]+$/.test(raw) ? `https://github.com/${raw}` : raw;
  if (!/^https:\/\/[^/\s]+\/[^\s]+[^/]$/.test(url)) {
    throw new InputError(
      'certificate-source-repository',
      `${JSON.stringify(raw)} is neither OWNER/REPO nor a repository URL`,
      'e.g. https://github.com/OWNER/REPO or OWNER/REPO: the repository whose workflow run signed',
    );
  }
  return { sourceRepository: url };
}

async function trustedRootInput(): Promise<KeylessTrust> {
  const path = rawInput('trusted-root');
  if (!path)
    return publicGoodTrust(process.env.RUNNER_TEMP ? `${process.env.RUNNER_TEMP}/bydigest-sigstore-tuf` : undefined);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    throw new InputError(
      'trusted-root',
      `cannot be read: ${(e as Error).message}`,
      'pass the path of a trusted_root.json',
    );
  }
  return withInput('trusted-root', async () => keylessTrustFromJson(text, path));
}
