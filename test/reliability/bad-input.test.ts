import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdirSync, mkdtempSync, readdirSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  KeySigner,
  openLayout,
  parseDigestReference,
  signImage,
  parseRepository,
  pushLayout,
  selectLayoutManifest,
} from '@bydigest/core';
import { startFaultProxy, type FaultProxy } from '../harness/fault-proxy.js';
import { startGitHubApi, type GitHubApi } from '../harness/github-api.js';
import { FakeGitRepo } from '../harness/github-git.js';
import { buildImage, writeOciLayout } from '../harness/image.js';
import { imageOfTars, tarOf } from '../harness/layers.js';
import { pushTestImage, testClient } from '../harness/push.js';
import { startRegistry, type RunningRegistry } from '../harness/registry.js';
import { errorLines, readActionYaml, REPO_ROOT, runAction } from '../harness/runner.js';
import { keyEnv, makeKey, type TestKey } from '../harness/signing.js';
import { writeReport } from './lib/campaign.js';
import { signInProcess, signingKey } from './lib/setup.js';

// For every input of every action (read from each action.yml, so a new input without catalog
// entries fails here), the malformed forms that apply. Each must fail with exit code 1 and a
// message naming the input ("input '<name>'"), having written nothing: the proxy in front of
// the registry sees no PUT, POST, PATCH or DELETE (wipe-secrets: nothing staged). Inputs with
// no malformed form say why.

const ACTIONS = [
  'capture-digest',
  'sign-digest',
  'verify-digest',
  'attach-sbom',
  'promote-preserve-digest',
  'wipe-secrets',
  'check-host-trust',
  'check-pins',
  'resolve-ref',
  'check-rotation',
  'preflight',
  'trust-files',
  'audit-tags',
] as const;
type Action = (typeof ACTIONS)[number];

interface Fixtures {
  host: string;
  /** host/bad/img@sha256:… of a signed image, through this case's proxy. */
  ref: string;
  repo: string;
  digest: string;
  key: TestKey;
  layout: string;
  dir: string;
  sbom: string;
  /** A file of invalid UTF-8 (0xff 0xfe …). */
  badUtf8: string;
  /** A 100 kB value. */
  huge: string;
  runnerTemp: string;
  /** An image whose trust files trust key and nextKey, signed with key and tagged stable: a safe prepare. */
  rotating: string;
  nextKey: TestKey;
}

interface Case {
  form: string;
  value: (fx: Fixtures) => string;
  /** Other inputs this form needs (e.g. identity: tags for the tags input). */
  with?: (fx: Fixtures) => Record<string, string>;
  env?: (fx: Fixtures) => Record<string, string>;
  /** The input the message must name, when it is not this one (the form is about a pair). */
  names?: string;
  /** Why this form may upload blobs (never a manifest or a tag): the only accepted writes. */
  allowBlobWrites?: string;
}

type Entry = { cases: Case[] } | { none: string };

const c = (form: string, value: (fx: Fixtures) => string, more: Omit<Case, 'form' | 'value'> = {}): Case => ({
  form,
  value,
  ...more,
});
const HEX = 'a'.repeat(64);

/** The forms of a by-digest image reference. */
const digestRefForms = (): Case[] => [
  c('empty', () => ''),
  c('whitespace', () => '  \t '),
  c('wrong scheme (docker://)', (fx) => `docker://${fx.ref}`),
  c('wrong scheme (https://)', (fx) => `https://${fx.ref}`),
  c('tag for digest', (fx) => `${fx.host}/bad/img:latest`),
  c('unknown algorithm (md5)', (fx) => `${fx.host}/bad/img@md5:${'a'.repeat(32)}`),
  c('unsupported algorithm (sha512)', (fx) => `${fx.host}/bad/img@sha512:${'a'.repeat(128)}`),
  c('truncated hex', (fx) => fx.ref.slice(0, -20)),
  c('upper-case hex', (fx) => `${fx.host}/bad/img@sha256:${fx.digest.slice(7).toUpperCase()}`),
  c('upper-case repository', (fx) => `${fx.host}/Bad/Img@${fx.digest}`),
  c('path traversal', (fx) => `${fx.host}/bad/../../etc@${fx.digest}`),
  c('two references', (fx) => `${fx.ref}\n${fx.ref}`),
  c('huge (100 kB)', (fx) => `${fx.host}/${fx.huge}@${fx.digest}`),
];

const WORKFLOW_IDENTITY = 'https://github.com/o/r/.github/workflows/release.yml@refs/heads/main';
const GITHUB_ISSUER = 'https://token.actions.githubusercontent.com';
/** The forms of a Fulcio or Rekor base URL. */
const serviceUrlForms = (): Case[] => [
  c('not a URL', () => 'fulcio.sigstore.dev'),
  c('plain http off loopback', () => 'http://fulcio.example.com'),
  c('with a query', () => 'https://fulcio.example.com/?x=1'),
  c('huge (100 kB)', (fx) => `https://${fx.huge}`),
];
const boolForms = (): Case[] => [c('not a boolean', () => 'yes'), c('huge (100 kB)', (fx) => fx.huge)];
const choiceForms = (wrong: string[]): Case[] => [
  ...wrong.map((w) => c(`not a choice (${w})`, () => w)),
  c('huge (100 kB)', (fx) => fx.huge),
];
const intForms = (): Case[] => [
  c('not a number', () => 'three'),
  c('negative', () => '-1'),
  c('fraction', () => '1.5'),
  c('exponent', () => '1e3'),
  c('out of range', () => '99'),
  c('huge (100 kB)', (fx) => `9${fx.huge.replace(/./g, '9')}`),
];
const registryInputs = (): Record<string, Entry> => ({
  username: { cases: [c('username without password', () => 'someone')] },
  password: { cases: [c('password without username', () => 'hunter2')] },
  'github-token': { none: 'an opaque token, used only for ghcr.io when nothing else matches; any string may be one' },
  retries: { cases: intForms() },
  insecure: { cases: boolForms() },
});

/** A public key given as PEM text or a path. */
const publicKeyForms = (): Case[] => [
  c('neither PEM nor a file', () => 'not a key'),
  c('missing file', () => '/nonexistent/cosign.pub'),
  c('a directory', (fx) => fx.dir),
  c('invalid UTF-8 file', (fx) => fx.badUtf8),
  c('a private key', (fx) => fx.key.privateKeyPem),
  c('garbage PEM', () => '-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n'),
  c('path traversal to a non-key', () => '../../../../../../etc/hostname'),
  c('huge (100 kB)', (fx) => `-----BEGIN PUBLIC KEY-----\n${fx.huge}\n-----END PUBLIC KEY-----\n`),
];

/** The cosign private key input (default env://COSIGN_PRIVATE_KEY). */
const keyForms = (): Case[] => [
  c('env:// without a name', () => 'env://'),
  c('env:// naming an unset variable', () => 'env://BYDIGEST_NO_SUCH_VARIABLE'),
  c('env:// naming an invalid variable', () => 'env://not a name'),
  c('wrong scheme (file://)', () => 'file:///tmp/cosign.key'),
  c('missing file', () => '/nonexistent/cosign.key'),
  c('a directory', (fx) => fx.dir),
  c('invalid UTF-8 file', (fx) => fx.badUtf8),
  c('a public key', (fx) => {
    const f = join(fx.dir, 'pub-as-key.pem');
    writeFileSync(f, fx.key.publicKeyPem);
    return f;
  }),
  c('path traversal to a non-key', () => '../../../../../../etc/hostname'),
  c('env var holding garbage', () => 'env://COSIGN_PRIVATE_KEY', {
    env: () => ({
      COSIGN_PRIVATE_KEY:
        '-----BEGIN ENCRYPTED SIGSTORE PRIVATE KEY-----\nAAAA\n-----END ENCRYPTED SIGSTORE PRIVATE KEY-----\n',
    }),
  }),
  c('huge (100 kB)', (fx) => fx.huge),
];
const passwordEnvForms = (): Case[] => [
  c('not a variable name', () => 'NOT A NAME'),
  c('starts with a digit', () => '1PASSWORD'),
  c('assignment', () => 'COSIGN_PASSWORD=pw'),
  c('names a variable with the wrong password', () => 'WRONG_PASSWORD', {
    env: () => ({ WRONG_PASSWORD: 'not-the-password' }),
    allowBlobWrites:
      'a wrong password shows only when scrypt ends (~90 ms at N=32768), which overlaps the first registry requests: signature payload and config blobs (content-addressed, unreferenced) may be uploaded by then',
  }),
  c('huge (100 kB)', (fx) => fx.huge),
];
/** password-env where the key is optional (promote-preserve-digest): read only with a key given. */
const keyedPasswordEnvForms = (): Case[] =>
  passwordEnvForms().map(({ allowBlobWrites: _early, ...cs }) => ({
    ...cs,
    with: () => ({ key: 'env://COSIGN_PRIVATE_KEY' }),
    env: (fx: Fixtures) => ({ ...keyEnv(fx.key), ...(cs.env?.(fx) ?? {}) }),
  }));
const annotationForms = (): Case[] => [
  c('line without =', () => 'novalue'),
  c('empty key', () => '=value'),
  c('key given twice', () => 'a=1\na=2'),
];
const tagForms = (opts: { sameRepoOnly: boolean }): Case[] => [
  c('empty', () => ''),
  c('whitespace', () => ' \n\t '),
  c('invalid characters', () => 'v1 bad!tag'),
  c('leading dot', () => '.hidden'),
  c('129 characters', () => 'a'.repeat(129)),
  c('a digest instead of a tag', (fx) => `${fx.host}/bad/img@${fx.digest}`),
  c('upper-case repository', (fx) => `${fx.host}/Bad/Img:stable`),
  c('path traversal', (fx) => `${fx.host}/bad/../x:stable`),
  c('wrong scheme', (fx) => `docker://${fx.host}/bad/img:stable`),
  ...(opts.sameRepoOnly ? [c('another repository', (fx: Fixtures) => `${fx.host}/elsewhere/img:stable`)] : []),
  c('huge (100 kB)', (fx) => fx.huge),
];

const CATALOG: Record<Action, Record<string, Entry>> = {
  'check-pins': {
    paths: {
      cases: [
        c('an absolute path', () => '/etc'),
        c('path traversal', () => '.github/workflows\n../../../../etc'),
        c('huge (100 kB) traversal', (fx) => `../${fx.huge}`),
      ],
    },
    'allow-floating': {
      cases: [
        c('two words on a line', () => 'ghcr.io/ublue-os/bluefin-dx:stable extra'),
        c('an unresolved ARG', () => '${BASE_IMAGE}'),
      ],
    },
    mode: {
      cases: [
        c('not a mode', () => 'repair'),
        c('fix without a token', () => 'fix', { with: () => ({ 'github-token': '' }), names: 'github-token' }),
      ],
    },
    ignore: {
      cases: [
        c('not a rule id', () => 'pinned'),
        c('a rule id misspelt before a path', () => 'unpined-uses:.github/workflows/a.yml'),
        c('huge (100 kB)', (fx) => fx.huge),
      ],
    },
    'github-token': {
      none: 'an opaque token; a wrong one fails at the first GitHub API call with HTTP 401 naming the call, which is not an input error',
    },
    installers: {
      cases: [
        c('no input named', () => 'sigstore/cosign-installer'),
        c('not owner/repo', () => 'cosign-installer=cosign-release'),
        c('an empty input', () => 'acme/setup='),
      ],
    },
  },
  // Against the OpenAPI-checked GitHub stand-in (GITHUB_TOKEN_OK, repository o/spec); it never writes to a registry.
  'resolve-ref': {
    repository: {
      cases: [
        c('no owner', () => 'spec'),
        c('a URL', () => 'https://github.com/o/spec'),
        c('three segments', () => 'o/spec/extra'),
        c('path traversal', () => 'o/..'),
        c('whitespace inside', () => 'o/ spec'),
        c('not readable (404)', () => 'o/private-spec'),
        c('huge (100 kB)', (fx) => `o/${fx.huge}`),
      ],
    },
    ref: {
      cases: [
        c('path traversal', () => '../../etc/passwd'),
        c('a space', () => 'main branch'),
        c('a revision expression', () => 'main~1'),
        c('no such branch or tag', () => 'mian'),
        c('a short SHA', () => SPEC_TIP.slice(0, 7)),
        c('a SHA that does not exist', () => 'ab'.repeat(20)),
        c('an impostor SHA (only in a fork)', () => SPEC_FORK_COMMIT),
        c('huge (100 kB)', (fx) => fx.huge),
      ],
    },
    'label-key': {
      cases: [c('with =', () => 'spec=ref'), c('with a space', () => 'spec ref'), c('huge (100 kB)', (fx) => fx.huge)],
    },
    'build-arg-name': {
      cases: [
        c('starts with a digit', () => '1REF'),
        c('with a dash', () => 'SPEC-REF'),
        c('huge (100 kB)', (fx) => fx.huge),
      ],
    },
    'github-token': { cases: [c('empty', () => ''), c('refused by GitHub (401)', () => 'ghs_notTheTokenGitHubKnows')] },
  },
  preflight: {
    image: {
      cases: [
        c('empty', () => ''),
        c('upper-case repository', (fx) => `${fx.host}/Bad/Pre`),
        c('with a tag', (fx) => `${fx.host}/bad/pre:latest`),
        c('with a digest', (fx) => `${fx.host}/bad/pre@sha256:${HEX}`),
        c('wrong scheme (docker://)', (fx) => `docker://${fx.host}/bad/pre`),
        c('huge (100 kB)', (fx) => `${fx.host}/${fx.huge}`),
      ],
    },
    // An unset env:// variable is no bad input here: no key secret means signing is off.
    key: { cases: keyForms().filter((x) => x.form !== 'env:// naming an unset variable') },
    'password-env': {
      cases: passwordEnvForms().map(({ allowBlobWrites: _late, ...x }) => x),
    },
    'public-key': { cases: [c('empty', () => ''), ...publicKeyForms()] },
    ...registryInputs(),
  },
  'trust-files': {
    image: {
      cases: [
        c('empty', () => ''),
        c('with a tag', (fx) => `${fx.host}/bad/os:stable`),
        c('upper-case repository', (fx) => `${fx.host}/Bad/OS`),
        c('huge (100 kB)', (fx) => `${fx.host}/${fx.huge}`),
      ],
    },
    'public-key': { cases: [c('empty', () => ''), ...publicKeyForms()] },
    name: { cases: [c('a path', () => '../evil'), c('upper case', () => 'MyOS'), c('huge (100 kB)', (fx) => fx.huge)] },
    dir: { none: 'any path can be a directory to create; a file in the way fails like mkdir, not as an input' },
    'key-root': { cases: [c('relative', () => 'trust'), c('huge (100 kB)', (fx) => fx.huge)] },
    'key-paths': {
      cases: [
        ...choiceForms(['keypaths', 'both']),
        c('keyPath with two keys', () => 'keyPath', {
          with: (fx) => ({ 'public-key': `${fx.key.pubFile}\n${fx.nextKey.pubFile}` }),
        }),
      ],
    },
  },
  'check-rotation': {
    candidate: { cases: digestRefForms() },
    channels: {
      cases: [
        c('empty', () => ''),
        c('a tag that does not exist', () => 'stabel'),
        c('invalid characters', () => 'bad!tag'),
        c('another repository', (fx) => `${fx.host}/elsewhere/img:stable`),
        c('huge (100 kB)', (fx) => fx.huge),
      ],
    },
    'current-key': { cases: [c('empty', () => ''), ...publicKeyForms()] },
    'next-key': {
      cases: [c('empty', () => ''), c('the current key', (fx) => fx.key.publicKeyPem), ...publicKeyForms()],
    },
    phase: { cases: [c('empty', () => ''), ...choiceForms(['rotate', 'Overlap', 'switch retire'])] },
    strategy: { cases: choiceForms(['keypaths', 'swap']) },
    'live-window': {
      cases: [
        c('no unit', () => '90'),
        c('zero days', () => '0d'),
        c('months', () => '3m'),
        c('a pattern with a slash', () => 'stable/*'),
        c('huge (100 kB)', (fx) => fx.huge),
      ],
    },
    'as-of': {
      cases: [
        c('not a date', () => 'yesterday'),
        c('not a real date', () => '2026-13-45'),
        c('huge (100 kB)', (fx) => fx.huge),
      ],
    },
    'recovery-dir': {
      cases: [c('a file, not a directory', (fx) => fx.badUtf8), c('huge (100 kB)', (fx) => `/${fx.huge}`)],
    },
    platform: { cases: [c('not a platform', () => 'amd64'), c('huge (100 kB)', (fx) => fx.huge)] },
    ...registryInputs(),
  },
  'audit-tags': {
    images: {
      cases: [
        c('empty', () => ''),
        c('a tag, not a repository', (fx) => `${fx.host}/bad/img:stable`),
        c('a digest reference', (fx) => fx.ref),
        c('upper-case repository', (fx) => `${fx.host}/Bad/Img`),
        c('path traversal', (fx) => `${fx.host}/bad/../../etc`),
        c('huge (100 kB)', (fx) => `${fx.host}/${fx.huge}`),
      ],
    },
    'public-key': { cases: publicKeyForms() },
    policy: { cases: [c('missing file', () => '/nonexistent/policy.json'), c('a directory', (fx) => fx.dir)] },
    'registries-d': { cases: [c('without policy', (fx) => fx.dir)] },
    require: { cases: choiceForms(['signatures', 'sbom,attestation']) },
    'fail-on': { cases: choiceForms(['everything', 'unsigned,nope']) },
    'expect-same': { cases: [c('invalid characters', () => 'latest bad!tag'), c('huge (100 kB)', (fx) => fx.huge)] },
    'stale-tags': {
      cases: [c('not a regular expression', () => '^(stable'), c('huge (100 kB)', (fx) => `(${fx.huge}`)],
    },
    'max-age-days': {
      cases: [
        c('not a number', () => 'three'),
        c('negative', () => '-1'),
        c('fraction', () => '1.5'),
        c('huge (100 kB)', (fx) => fx.huge),
      ],
    },
    ...registryInputs(),
  },
  'check-host-trust': {
    source: {
      cases: [
        c('empty', () => ''),
        c('whitespace', () => '  \t '),
        c('no transport', () => 'just-a-path'),
        c('docker:// with a tag, not a digest', (fx) => `docker://${fx.host}/bad/img:latest`),
        c('missing layout', () => 'oci:/nonexistent/layout'),
        c('missing ref in layout', (fx) => `oci:${fx.layout}:no-such-ref`),
        c('missing rootfs', () => 'dir:/nonexistent/rootfs'),
        c('path traversal to a non-layout', () => 'oci:../../../../../../etc'),
        c('huge (100 kB)', (fx) => `oci:/${fx.huge}`),
      ],
    },
    'pull-ref': {
      cases: [
        c('empty', () => ''),
        c('wrong scheme', (fx) => `docker://${fx.host}/bad/os:stable`),
        c('upper-case repository', (fx) => `${fx.host}/Bad/Os:stable`),
        c('tag and digest', (fx) => `${fx.host}/bad/os:stable@sha256:${HEX}`),
        c('huge (100 kB)', (fx) => `${fx.host}/${fx.huge}:stable`),
      ],
    },
    'public-key': { cases: publicKeyForms() },
    'image-digest': {
      cases: [
        c('not a digest', () => 'latest'),
        c('upper-case hex', () => `sha256:${HEX.toUpperCase()}`),
        c('with an image source', () => `sha256:${HEX}`, { with: (fx) => ({ source: `oci:${fx.layout}` }) }),
        c('huge (100 kB)', (fx) => fx.huge),
      ],
    },
    platform: { cases: [c('not a platform', () => 'amd64'), c('huge (100 kB)', (fx) => fx.huge)] },
    ...registryInputs(),
  },
  'capture-digest': {
    image: {
      cases: [
        c('empty', () => ''),
        c('whitespace', () => '   '),
        c('wrong scheme', (fx) => `docker://${fx.host}/bad/cap`),
        c('with a tag', (fx) => `${fx.host}/bad/cap:latest`),
        c('with a digest', (fx) => `${fx.host}/bad/cap@${fx.digest}`),
        c('upper-case repository', (fx) => `${fx.host}/Bad/Cap`),
        c('path traversal', (fx) => `${fx.host}/bad/../cap`),
        c('invalid port', () => '127.0.0.1:999999/bad/cap'),
        c('huge (100 kB)', (fx) => `${fx.host}/${fx.huge}`),
      ],
    },
    tags: { cases: tagForms({ sameRepoOnly: true }) },
    source: {
      cases: [
        c('no transport', () => 'just-a-path'),
        c('docker:// (a copy, not a push)', (fx) => `docker://${fx.host}/bad/img:latest`),
        c('missing layout', () => 'oci:/nonexistent/layout'),
        c('missing ref in layout', (fx) => `oci:${fx.layout}:no-such-ref`),
        c('missing archive', () => 'oci-archive:/nonexistent/image.tar'),
        c('path traversal to a non-layout', () => 'oci:../../../../../../etc'),
        c('layout with invalid UTF-8 index.json', (fx) => {
          const d = join(fx.dir, `bad-index-${Math.random().toString(36).slice(2)}`);
          mkdirSync(join(d, 'blobs', 'sha256'), { recursive: true });
          writeFileSync(join(d, 'oci-layout'), '{"imageLayoutVersion":"1.0.0"}');
          writeFileSync(join(d, 'index.json'), Buffer.from([0x7b, 0xff, 0xfe, 0x7d]));
          return `oci:${d}`;
        }),
        c(
          'layout whose blob does not match its digest',
          (fx) => {
            const img = buildImage({ layerSizes: [64, 64] });
            const d = writeOciLayout(join(fx.dir, `corrupt-${Math.random().toString(36).slice(2)}`), img);
            writeFileSync(
              join(d, 'blobs', 'sha256', img.layers[1]!.digest.slice(7)),
              Buffer.alloc(img.layers[1]!.size, 1),
            );
            return `oci:${d}`;
          },
          {
            allowBlobWrites:
              'blobs are streamed, not read twice: the registry checks the bytes against the digest and refuses the upload; no manifest or tag is written',
          },
        ),
        c('huge (100 kB)', (fx) => `oci:/${fx.huge}`),
      ],
    },
    digestfile: {
      cases: [
        c('in a missing directory', () => '/nonexistent/dir/digest.txt'),
        c('a directory', (fx) => fx.dir),
        c('huge (100 kB)', (fx) => `/tmp/${fx.huge}`),
      ],
    },
    'expect-labels': {
      cases: [
        c('no =', () => 'org.example.spec-ref'),
        c('empty key', () => `=${'a'.repeat(40)}`),
        c('empty value', () => 'org.example.spec-ref='),
        c('key given twice', () => `k=${'a'.repeat(40)}\nk=${'b'.repeat(40)}`),
        c('whitespace in the key', () => `spec ref=${'a'.repeat(40)}`),
        c('huge (100 kB)', (fx) => fx.huge),
      ],
    },
    concurrency: { cases: [...intForms(), c('zero', () => '0')] },
    ...registryInputs(),
  },
  'sign-digest': {
    'image-ref': { cases: digestRefForms() },
    key: { cases: keyForms() },
    'password-env': { cases: passwordEnvForms() },
    format: { cases: choiceForms(['LEGACY', 'sigstore']) },
    identity: { cases: choiceForms(['repo', 'digest']) },
    tags: {
      cases: tagForms({ sameRepoOnly: true }).map((x) => ({ ...x, with: () => ({ identity: 'tags' }) })),
    },
    recursive: { cases: boolForms() },
    annotations: { cases: annotationForms() },
    'annotate-github': { cases: boolForms() },
    signer: { cases: choiceForms(['KEY', 'cosign']) },
    'fulcio-url': { cases: serviceUrlForms() },
    'rekor-url': { cases: serviceUrlForms() },
    'keyless-fallback': { cases: [...choiceForms(['fallback']), c('key while signer is key', () => 'key')] },
    ...registryInputs(),
  },
  'verify-digest': {
    'image-ref': { cases: digestRefForms() },
    'certificate-identity': {
      cases: [c('without certificate-oidc-issuer', () => WORKFLOW_IDENTITY, { names: 'certificate-oidc-issuer' })],
    },
    'certificate-identity-regexp': {
      cases: [
        c('not a regular expression', () => '(unclosed', {
          with: () => ({ 'certificate-oidc-issuer': GITHUB_ISSUER }),
        }),
        c('together with certificate-identity', () => '.*', {
          with: () => ({ 'certificate-identity': WORKFLOW_IDENTITY, 'certificate-oidc-issuer': GITHUB_ISSUER }),
        }),
      ],
    },
    'certificate-oidc-issuer': { cases: [c('without certificate-identity', () => GITHUB_ISSUER)] },
    'certificate-source-repository': {
      cases: [
        c('without certificate-identity', () => 'o/r'),
        c('neither OWNER/REPO nor a URL', () => 'just-a-name', {
          with: () => ({ 'certificate-identity': WORKFLOW_IDENTITY, 'certificate-oidc-issuer': GITHUB_ISSUER }),
        }),
        c('huge (100 kB)', (fx) => `o/${fx.huge} x`, {
          with: () => ({ 'certificate-identity': WORKFLOW_IDENTITY, 'certificate-oidc-issuer': GITHUB_ISSUER }),
        }),
      ],
    },
    'trusted-root': {
      cases: [
        c('without certificate-identity', (fx) => fx.sbom),
        c('missing file', () => '/nonexistent/trusted_root.json', {
          with: () => ({ 'certificate-identity': WORKFLOW_IDENTITY, 'certificate-oidc-issuer': GITHUB_ISSUER }),
        }),
        c('not a trusted root', (fx) => fx.sbom, {
          with: () => ({ 'certificate-identity': WORKFLOW_IDENTITY, 'certificate-oidc-issuer': GITHUB_ISSUER }),
        }),
      ],
    },
    'public-key': { cases: publicKeyForms() },
    format: { cases: choiceForms(['LEGACY', 'cosign']) },
    policy: {
      cases: [
        c('missing file', () => '/nonexistent/policy.json', { with: (fx) => ({ 'registries-d': fx.dir }) }),
        c('a directory', (fx) => fx.dir, { with: (fx) => ({ 'registries-d': fx.dir }) }),
        c('invalid UTF-8 file', (fx) => fx.badUtf8, { with: (fx) => ({ 'registries-d': fx.dir }) }),
        c(
          'not JSON',
          (fx) => {
            const f = join(fx.dir, 'policy-not-json.json');
            writeFileSync(f, '{ default: reject');
            return f;
          },
          { with: (fx) => ({ 'registries-d': fx.dir }) },
        ),
        c(
          'without registries-d',
          (fx) => {
            const f = join(fx.dir, 'policy-ok.json');
            writeFileSync(f, JSON.stringify({ default: [{ type: 'reject' }] }));
            return f;
          },
          { names: 'registries-d' },
        ),
        c('huge (100 kB)', (fx) => `/tmp/${fx.huge}`, { with: (fx) => ({ 'registries-d': fx.dir }) }),
      ],
    },
    'registries-d': {
      cases: [
        c('without policy', (fx) => fx.dir),
        // A registries.d that does not exist is not an error: containers/image reads it as empty.
        c('a file', (fx) => policyFile(fx), { with: (fx) => ({ policy: policyFile(fx) }) }),
        c('huge (100 kB)', (fx) => `/tmp/${fx.huge}`, { with: (fx) => ({ policy: policyFile(fx) }) }),
      ],
    },
    'pull-ref': {
      cases: [
        c('without policy', (fx) => `${fx.host}/bad/img:stable`),
        c('wrong scheme', (fx) => `docker://${fx.host}/bad/img:stable`, {
          with: (fx) => ({ policy: policyFile(fx), 'registries-d': fx.dir }),
        }),
        c('upper-case repository', (fx) => `${fx.host}/Bad/Img:stable`, {
          with: (fx) => ({ policy: policyFile(fx), 'registries-d': fx.dir }),
        }),
        c('another digest', (fx) => `${fx.host}/bad/img@sha256:${HEX}`, {
          with: (fx) => ({ policy: policyFile(fx), 'registries-d': fx.dir }),
        }),
        c('huge (100 kB)', (fx) => `${fx.host}/${fx.huge}:stable`, {
          with: (fx) => ({ policy: policyFile(fx), 'registries-d': fx.dir }),
        }),
      ],
    },
    ...registryInputs(),
  },
  'attach-sbom': {
    'image-ref': { cases: digestRefForms() },
    sbom: {
      cases: [
        c('empty', () => ''),
        c('missing file', () => '/nonexistent/sbom.spdx.json'),
        c('a directory', (fx) => fx.dir),
        c('invalid UTF-8 file', () => fixture('invalid-utf8.spdx.json')),
        c('empty file', () => fixture('empty.json')),
        c('whitespace file', () => fixture('whitespace.json')),
        c('not an SBOM', () => fixture('not-an-sbom.json')),
        c('JSON syntax error', () => fixture('syntax-error.spdx.json')),
        c('truncated JSON', () => fixture('truncated.spdx.json')),
        c('UTF-16', () => fixture('utf16.spdx.json')),
        c('path traversal to a non-SBOM', () => '../../../../../../etc/hostname'),
        c('huge (100 kB)', (fx) => `/tmp/${fx.huge}`),
      ],
    },
    'artifact-type': {
      cases: [
        c('contradicts the content', () => 'application/vnd.cyclonedx+json'),
        c('not a media type', () => 'not a media type'),
        c('huge (100 kB)', (fx) => `application/${fx.huge}`),
      ],
    },
    annotations: { cases: annotationForms() },
    referrers: { cases: choiceForms(['ghcr', 'API']) },
    sign: { cases: boolForms() },
    key: { cases: keyForms() },
    'password-env': { cases: passwordEnvForms() },
    ...registryInputs(),
  },
  'promote-preserve-digest': {
    source: { cases: digestRefForms() },
    tags: { cases: tagForms({ sameRepoOnly: false }) },
    'require-signature': { cases: publicKeyForms().filter((x) => x.form !== 'empty') },
    'copy-signatures': { cases: boolForms() },
    key: { cases: keyForms() },
    'password-env': { cases: keyedPasswordEnvForms() },
    'allow-foreign-identity': { cases: boolForms() },
    concurrency: { cases: [...intForms(), c('zero', () => '0')] },
    ...registryInputs(),
  },
  'wipe-secrets': {
    files: {
      cases: [
        c('empty (and no wipe-paths)', () => ''),
        c('line without =', () => 'MOK.key'),
        c('empty file name', () => '=K'),
        c('empty variable name', () => 'k='),
        c('path traversal in the name', () => '../escape=K'),
        c('path separator in the name', () => 'sub/k=K'),
        c('invalid variable name', () => 'k=NOT-A-VAR'),
        c('unset variable', () => 'k=BYDIGEST_NO_SUCH_VARIABLE'),
        c('name given twice', () => 'k=K\nk=K'),
        c('a secret pasted instead of a variable name', () => 'k=-----BEGIN PRIVATE KEY-----'),
        c('huge (100 kB)', (fx) => `${fx.huge}=K`),
      ],
    },
    dir: {
      cases: [
        c('not empty', (fx) => {
          const d = join(fx.runnerTemp, 'full');
          mkdirSync(d, { recursive: true });
          writeFileSync(join(d, 'x'), 'x');
          return d;
        }),
        c('parent missing', (fx) => join(fx.runnerTemp, 'no', 'such', 'dir')),
        c('a file', (fx) => {
          const f = join(fx.runnerTemp, 'a-file');
          writeFileSync(f, 'x');
          return f;
        }),
        c('the root directory', () => '/'),
        c('path traversal to /', () => '../../../../../../../../'),
        c('$HOME', () => homedir()),
        c('huge (100 kB)', (fx) => `/tmp/${fx.huge}`),
      ],
    },
    'allow-empty': { cases: boolForms() },
    'wipe-paths': {
      cases: [
        c('the root directory', () => '/'),
        c('$HOME', () => homedir()),
        c('a parent of RUNNER_TEMP', (fx) => join(fx.runnerTemp, '..')),
        c('path traversal to /', () => '../../../../../../../../'),
      ],
    },
  },
};

function fixture(name: string): string {
  return join(REPO_ROOT, 'packages/core/test/fixtures/sbom', name);
}

function policyFile(fx: Fixtures): string {
  const f = join(fx.dir, 'policy-valid.json');
  writeFileSync(f, JSON.stringify({ default: [{ type: 'insecureAcceptAnything' }] }));
  return f;
}

/** A rootfs export with the trust files of a bootc image that signs fx.repo-like images with fx.key. */
function trustRootfs(fx: Fixtures): string {
  const root = join(fx.dir, 'trust-rootfs');
  const repo = `${fx.host}/bad/os`;
  mkdirSync(join(root, 'etc/containers/registries.d'), { recursive: true });
  mkdirSync(join(root, 'etc/pki/containers'), { recursive: true });
  writeFileSync(join(root, 'etc/pki/containers/a.pub'), fx.key.publicKeyPem);
  writeFileSync(join(root, 'etc/pki/containers/b.pub'), fx.key.publicKeyPem);
  const keyPaths = ['/etc/pki/containers/a.pub', '/etc/pki/containers/b.pub'];
  writeFileSync(
    join(root, 'etc/containers/policy.json'),
    JSON.stringify({
      default: [{ type: 'reject' }],
      transports: {
        docker: { [repo]: [{ type: 'sigstoreSigned', keyPaths, signedIdentity: { type: 'matchRepository' } }] },
      },
    }),
  );
  writeFileSync(
    join(root, 'etc/containers/registries.d/os.yaml'),
    `docker:\n  ${repo}:\n    use-sigstore-attachments: true\n`,
  );
  return root;
}

/**
 * An OS image whose trust files trust `current` and `next` (keyPaths, in the default scope so
 * that every lane's proxy host falls in it), signed with `current` and tagged stable: the
 * candidate of a safe prepare, live releases included (itself).
 */
async function pushRotatingImage(
  r: RunningRegistry,
  current: TestKey,
  next: TestKey,
  dir: string,
  hosts: string[],
): Promise<string> {
  const keyPaths = ['/etc/pki/containers/current.pub', '/etc/pki/containers/next.pub'];
  const policy = { default: [{ type: 'sigstoreSigned', keyPaths, signedIdentity: { type: 'matchRepository' } }] };
  const image = imageOfTars([
    {
      tar: await tarOf([
        { name: 'etc/containers/policy.json', content: JSON.stringify(policy) },
        {
          name: 'etc/containers/registries.d/default.yaml',
          content: 'default-docker:\n  use-sigstore-attachments: true\n',
        },
        { name: keyPaths[0]!.slice(1), content: current.publicKeyPem },
        { name: keyPaths[1]!.slice(1), content: next.publicKeyPem },
      ]),
    },
  ]);
  const layout = writeOciLayout(join(dir, 'rotating-layout'), image, { refName: 'stable' });
  const client = testClient(r);
  try {
    const l = await openLayout('oci', layout);
    await pushLayout(client, parseRepository(`${r.host}/bad/rotating`), l, await selectLayoutManifest(l), ['stable']);
    await l.close();
    const ref = `${r.host}/bad/rotating@${image.digest}`;
    // Signed for each lane's proxy host: the signature names the repository hosts pull from.
    await signImage(client, {
      image: parseDigestReference(ref),
      identities: hosts.map((h) => `${h}/bad/rotating`),
      signer: new KeySigner(await signingKey(current)),
      recursive: false,
    });
    return ref;
  } finally {
    await client.close();
  }
}

/** Valid inputs for each action: every case changes one input of these. */
function baseline(action: Action, fx: Fixtures): { inputs: Record<string, string>; env: Record<string, string> } {
  const keyed = keyEnv(fx.key);
  switch (action) {
    case 'capture-digest':
      return { inputs: { image: `${fx.host}/bad/cap`, tags: 'v1', source: `oci:${fx.layout}` }, env: {} };
    case 'sign-digest':
      return { inputs: { 'image-ref': fx.ref }, env: keyed };
    case 'verify-digest':
      return { inputs: { 'image-ref': fx.ref, 'public-key': fx.key.publicKeyPem }, env: {} };
    case 'attach-sbom':
      return { inputs: { 'image-ref': fx.ref, sbom: fx.sbom }, env: keyed };
    case 'promote-preserve-digest':
      return { inputs: { source: fx.ref, tags: 'stable' }, env: {} };
    case 'wipe-secrets':
      return { inputs: { files: 'k=K' }, env: { K: 'a staged value' } };
    case 'check-host-trust':
      return { inputs: { source: `dir:${trustRootfs(fx)}`, 'pull-ref': `${fx.host}/bad/os:stable` }, env: {} };
    case 'check-pins':
      // GITHUB_WORKSPACE is RUNNER_TEMP: an empty checkout keeps the policy; no token, so no network.
      return { inputs: { 'github-token': '' }, env: {} };
    case 'resolve-ref':
      return {
        inputs: { repository: 'o/spec', ref: 'main', 'github-token': GITHUB_TOKEN_OK },
        env: { GITHUB_API_URL: github.url },
      };
    case 'preflight':
      return { inputs: { image: `${fx.host}/bad/pre`, 'public-key': fx.key.pubFile }, env: keyed };
    case 'trust-files':
      return {
        inputs: { image: `${fx.host}/bad/os`, 'public-key': fx.key.pubFile, dir: join(fx.runnerTemp, 'trust') },
        env: {},
      };
    case 'audit-tags':
      return {
        inputs: { images: `${fx.host}/bad/img`, 'public-key': fx.key.publicKeyPem, require: 'signature' },
        env: {},
      };
    case 'check-rotation':
      return {
        inputs: {
          candidate: fx.rotating,
          channels: 'stable',
          'current-key': fx.key.publicKeyPem,
          'next-key': fx.nextKey.publicKeyPem,
          phase: 'prepare',
        },
        env: {},
      };
  }
}

const GITHUB_TOKEN_OK = 'ghs_badInputCatalogToken';
let github: GitHubApi;
let SPEC_TIP = '';
let SPEC_FORK_COMMIT = '';
let reg: RunningRegistry;
let key: TestKey;
let img: { ref: string; digest: string };
let rotating: string;
let nextKey: TestKey;
let work: string;
const LANES = 4;
const proxies: FaultProxy[] = [];
const results: {
  action: string;
  input: string;
  form: string;
  ok: boolean;
  problems: string[];
  blobWritesAccepted?: string;
}[] = [];
const noMalformedForm: { action: string; input: string; reason: string }[] = [];

beforeAll(async () => {
  reg = await startRegistry({ mode: 'none' });
  key = await makeKey('bad-input-pw');
  const pushed = await pushTestImage(reg, 'bad/img', ['latest'], { layerSizes: [64] });
  const client = testClient(reg);
  await signInProcess(client, parseDigestReference(pushed.ref), key);
  await client.close();
  img = { ref: pushed.ref, digest: pushed.digest };
  work = mkdtempSync(join(tmpdir(), 'rel-bad-'));
  for (let i = 0; i < LANES; i++) proxies.push(await startFaultProxy({ target: reg.url }));
  github = await startGitHubApi({ token: GITHUB_TOKEN_OK });
  const spec = new FakeGitRepo('o', 'spec');
  SPEC_TIP = spec.line(undefined, 2)[1]!;
  SPEC_FORK_COMMIT = spec.commit(SPEC_TIP);
  spec.branch('main', SPEC_TIP);
  github.state.repos.set('o/spec', spec);
  const hidden = new FakeGitRepo('o', 'private-spec');
  hidden.readable = false;
  github.state.repos.set('o/private-spec', hidden);
  nextKey = await makeKey('');
  rotating = await pushRotatingImage(
    reg,
    key,
    nextKey,
    work,
    proxies.map((p) => p.host),
  );
});
afterAll(async () => {
  await github?.stop();
  for (const p of proxies) await p.stop();
  rmSync(work, { recursive: true, force: true });
  await reg?.stop();
  writeReport('bad-input', {
    date: new Date().toISOString(),
    command: 'pnpm test -- test/reliability/bad-input.test.ts',
    cases: results.length,
    failedCases: results.filter((r) => !r.ok).length,
    byAction: Object.fromEntries(
      ACTIONS.map((a) => [
        a,
        { inputs: Object.keys(CATALOG[a]).length, cases: results.filter((r) => r.action === a).length },
      ]),
    ),
    noMalformedForm,
    results,
  });
});

function fixtures(host: string, runnerTemp: string): Fixtures {
  const dir = mkdtempSync(join(work, 'fx-'));
  const layoutImg = buildImage({ layerSizes: [64] });
  const layout = writeOciLayout(join(dir, 'layout'), layoutImg);
  const badUtf8 = join(dir, 'bad-utf8');
  writeFileSync(badUtf8, Buffer.from([0xff, 0xfe, 0x00, 0xc3, 0x28, 0xa0, 0xa1, 0xe2, 0x28, 0xa1]));
  return {
    host,
    ref: img.ref.replace(reg.host, host),
    repo: `${host}/bad/img`,
    digest: img.digest,
    key,
    layout,
    dir,
    sbom: fixture('valid.spdx.json'),
    badUtf8,
    huge: 'a'.repeat(100_000),
    runnerTemp,
    rotating: rotating.replace(reg.host, host),
    nextKey,
  };
}

/** Runs one case on a lane's proxy; returns what is wrong with the outcome (empty: all good). */
async function runCase(action: Action, input: string, cs: Case | undefined, proxy: FaultProxy): Promise<string[]> {
  const runnerTemp = realpathSync(mkdtempSync(join(work, 'runner-')));
  const fx = fixtures(proxy.host, runnerTemp);
  const base = baseline(action, fx);
  const inputs = { ...base.inputs, ...(cs?.with?.(fx) ?? {}) };
  if (cs) inputs[input] = cs.value(fx);
  const env = { ...base.env, ...(cs?.env?.(fx) ?? {}), BYDIGEST_HTTP_TIMEOUT_MS: '5000' };
  const writesBefore = proxy.writes();
  const countsBefore = proxy.counts();
  const run = await runAction(action, { inputs, env, runnerTemp, timeoutMs: 60_000 });
  const writes = proxy.writes() - writesBefore;
  const writeOps = Object.entries(proxy.counts())
    .map(([k, n]) => [k, n - (countsBefore[k] ?? 0)] as const)
    .filter(([k, n]) => n > 0 && /^(PUT|POST|PATCH|DELETE) /.test(k));
  const errors = errorLines(run.main);
  const problems: string[] = [];
  if (!cs) {
    if (run.main.code !== 0)
      problems.push(`the valid baseline fails: ${errors.join(' | ') || run.main.stderr.slice(0, 300)}`);
    return problems;
  }
  if (run.main.code !== 1) problems.push(`exit code ${run.main.code}, expected 1`);
  const message = errors.join('\n');
  const named = cs.names ?? input;
  if (!message.includes(`input '${named}'`))
    problems.push(`the error does not name input '${named}': ${JSON.stringify(message.slice(0, 300))}`);
  if (message.length > 2_000)
    problems.push(`the error is ${message.length} characters long (a huge value echoed back?)`);
  const blobOnly = writeOps.every(([k]) => /^(POST|PUT|PATCH) upload$/.test(k));
  if (writes > 0 && !(cs.allowBlobWrites && blobOnly))
    problems.push(`${writes} registry write(s) (${writeOps.map(([k, n]) => `${k} ${n}`).join(', ')})`);
  if (action === 'wipe-secrets') {
    const staged = readdirSync(runnerTemp).filter((n) => n.startsWith('wipe-secrets-'));
    if (staged.length > 0) problems.push(`left ${staged.join(', ')} in RUNNER_TEMP`);
    if (run.post && run.post.code !== 0) problems.push(`post failed: ${errorLines(run.post).join(' | ')}`);
  }
  return problems;
}

/** Runs every case of an action on the lanes' proxies, one at a time per proxy. */
async function runAll(action: Action): Promise<string[]> {
  const jobs: { input: string; cs: Case }[] = [];
  for (const [input, entry] of Object.entries(CATALOG[action])) {
    if ('none' in entry) noMalformedForm.push({ action, input, reason: entry.none });
    else for (const cs of entry.cases) jobs.push({ input, cs });
  }
  const failures: string[] = [];
  let next = 0;
  await Promise.all(
    proxies.map(async (proxy) => {
      for (let j = next++; j < jobs.length; j = next++) {
        const { input, cs } = jobs[j]!;
        const problems = await runCase(action, input, cs, proxy);
        results.push({
          action,
          input,
          form: cs.form,
          ok: problems.length === 0,
          problems,
          ...(cs.allowBlobWrites ? { blobWritesAccepted: cs.allowBlobWrites } : {}),
        });
        if (problems.length > 0) failures.push(`${input} / ${cs.form}: ${problems.join('; ')}`);
      }
    }),
  );
  return failures.sort();
}

describe('bad input: every input of every action', () => {
  it.each(ACTIONS)('%s: the catalog covers exactly the inputs in action.yml', (action) => {
    const declared = Object.keys(readActionYaml(action).inputs ?? {}).sort();
    expect(Object.keys(CATALOG[action]).sort()).toEqual(declared);
    for (const [input, entry] of Object.entries(CATALOG[action])) {
      expect({ input, ok: 'none' in entry ? entry.none.length > 20 : entry.cases.length > 0 }).toEqual({
        input,
        ok: true,
      });
    }
  });

  it.each(ACTIONS)('%s: the valid baseline succeeds', async (action) => {
    expect(await runCase(action, '', undefined, proxies[0]!)).toEqual([]);
  });

  it.each(ACTIONS)(
    '%s: each malformed form fails with exit 1, names the input, and writes nothing',
    async (action) => {
      expect(await runAll(action)).toEqual([]);
    },
    600_000,
  );
});
