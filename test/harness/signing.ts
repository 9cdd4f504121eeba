import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateKeyPair } from '@bydigest/core';
import { runPeer } from './peers.js';
import type { RunningRegistry } from './registry.js';
import { runAction, type ActionRun } from './runner.js';

export interface TestKey {
  privateKeyPem: string;
  publicKeyPem: string;
  password: string;
  /** cosign.pub written to a temp file, for peers and policies. */
  pubFile: string;
}

export async function makeKey(password = ''): Promise<TestKey> {
  const kp = await generateKeyPair(password);
  const dir = mkdtempSync(join(tmpdir(), 'key-'));
  const pubFile = join(dir, 'cosign.pub');
  writeFileSync(pubFile, kp.publicKeyPem);
  return { ...kp, password, pubFile };
}

/** The step env a workflow would give sign-digest: the key and password as secrets. */
export function keyEnv(key: { privateKeyPem: string; password: string }): Record<string, string> {
  return { COSIGN_PRIVATE_KEY: key.privateKeyPem, COSIGN_PASSWORD: key.password };
}

export function sign(
  reg: RunningRegistry,
  imageRef: string,
  key: TestKey,
  inputs: Record<string, string> = {},
): Promise<ActionRun> {
  return runAction('sign-digest', {
    inputs: { 'image-ref': imageRef, ...inputs },
    env: { ...keyEnv(key), REGISTRY_AUTH_FILE: reg.authFile },
  });
}

/** `cosign verify --key` offline, as a user would run it against this registry. */
export function cosignVerify(version: '2.5' | '3.1', reg: RunningRegistry, pubFile: string, ref: string) {
  const args = ['verify', '--key', pubFile, '--insecure-ignore-tlog=true', '--allow-http-registry', ref];
  return runPeer(`cosign-${version}`, args, { env: reg.clientEnv, timeoutMs: 60_000 });
}

/** A bootc host's view: policy.json + registries.d, then skopeo copy to a dir (which verifies). */
export function writeHostPolicy(scope: string, requirement: object): { policy: string; registriesD: string } {
  const dir = mkdtempSync(join(tmpdir(), 'host-'));
  const policy = join(dir, 'policy.json');
  const registriesD = join(dir, 'registries.d');
  writeFileSync(
    policy,
    JSON.stringify({
      default: [{ type: 'reject' }],
      transports: { docker: { [scope]: [requirement] }, dir: { '': [{ type: 'insecureAcceptAnything' }] } },
    }),
  );
  mkdirSync(registriesD);
  writeFileSync(join(registriesD, 'bydigest.yaml'), `docker:\n  ${scope}:\n    use-sigstore-attachments: true\n`);
  return { policy, registriesD };
}

export function skopeoPull(reg: RunningRegistry, ref: string, host: { policy: string; registriesD: string }) {
  const out = mkdtempSync(join(tmpdir(), 'pull-'));
  const tls = reg.tls ? ['--src-cert-dir', reg.certDir as string] : ['--src-tls-verify=false'];
  return runPeer(
    'skopeo',
    ['copy', '--policy', host.policy, '--registries.d', host.registriesD, ...tls, `docker://${ref}`, `dir:${out}`],
    {
      env: reg.clientEnv,
      timeoutMs: 60_000,
    },
  );
}

/** What cosign's keyless verification matches: the certificate's identity (or a regexp) and OIDC issuer. */
export interface CertificateMatch {
  identity?: string;
  identityRegexp?: string;
  issuer: string;
}

/**
 * `cosign verify` of a keyless signature against a private Sigstore, offline: cosign 2.5 through
 * its SIGSTORE_* variables, cosign 3.1 through --trusted-root.
 */
export function cosignVerifyKeyless(
  version: '2.5' | '3.1',
  reg: RunningRegistry,
  trust: { cosign2Env: Record<string, string>; files: { trustedRoot: string } },
  ref: string,
  match: CertificateMatch,
  extra: string[] = [],
) {
  const who = [
    ...(match.identity !== undefined ? ['--certificate-identity', match.identity] : []),
    ...(match.identityRegexp !== undefined ? ['--certificate-identity-regexp', match.identityRegexp] : []),
    '--certificate-oidc-issuer',
    match.issuer,
  ];
  const trustArgs = version === '3.1' ? ['--trusted-root', trust.files.trustedRoot] : [];
  const env = version === '2.5' ? { ...reg.clientEnv, ...trust.cosign2Env } : reg.clientEnv;
  return runPeer(`cosign-${version}`, ['verify', ...who, ...trustArgs, ...extra, '--allow-http-registry', ref], {
    env,
    timeoutMs: 60_000,
  });
}

/**
 * sign-digest as a workflow with `id-token: write` runs it against a private Sigstore: the
 * runner's OIDC variables set (unless `oidc: false`), fulcio-url and rekor-url pointing at it.
 */
export function signWithSigstore(
  reg: RunningRegistry,
  sigstore: { inputs: Record<string, string>; oidcEnv: Record<string, string> },
  imageRef: string,
  inputs: Record<string, string>,
  opts: { key?: TestKey; oidc?: boolean } = {},
): Promise<ActionRun> {
  return runAction('sign-digest', {
    inputs: { 'image-ref': imageRef, ...sigstore.inputs, ...inputs },
    env: {
      REGISTRY_AUTH_FILE: reg.authFile,
      ...(opts.oidc === false ? {} : sigstore.oidcEnv),
      ...(opts.key ? keyEnv(opts.key) : {}),
    },
  });
}
