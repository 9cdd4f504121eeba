// Each refusal carries a code beside containers/image's message: what hints and audits read.
import { beforeAll, describe, it, expect } from '@jest/globals';
import {
  evaluatePolicy,
  mergeRegistriesFiles,
  parsePolicy,
  parseReference,
  type PolicyEvaluation,
  type UntrustedSignature,
} from '../../src/index.js';
import { DIGEST_A, DIGEST_B, makeTestKey, signedLayer, type PolicyTestKey } from './helpers.js';

let trusted: PolicyTestKey;
let other: PolicyTestKey;
beforeAll(async () => {
  [trusted, other] = await Promise.all([makeTestKey(), makeTestKey()]);
});

const REPO = 'ghcr.io/o/img';
const attachmentsOn = mergeRegistriesFiles([
  { path: 'r.yaml', text: `docker:\n  ${REPO}:\n    use-sigstore-attachments: true\n` },
]);

function evaluate(requirements: object[], signatures: UntrustedSignature[], error?: string): PolicyEvaluation {
  const policy = parsePolicy(
    JSON.stringify({ default: [{ type: 'reject' }], transports: { docker: { [REPO]: requirements } } }),
  );
  return evaluatePolicy({
    policy,
    registries: attachmentsOn,
    image: { reference: parseReference(`${REPO}:stable`), manifestDigest: DIGEST_A },
    attachments: { signatures, ...(error ? { error } : {}) },
  });
}

const keyed = (path: string, signedIdentity: object = { type: 'matchRepository' }) => ({
  type: 'sigstoreSigned',
  keyPath: path,
  signedIdentity,
});
const codes = (e: PolicyEvaluation) => ({
  requirement: e.code,
  signatures: e.requirements[0]?.signatures.map((s) => s.code),
});

describe('reason codes', () => {
  it('an accepted signature has no code, and an allowed evaluation none', () => {
    const e = evaluate([keyed(trusted.pubFile)], [signedLayer(trusted.key, REPO, DIGEST_A)]);
    expect(codes(e)).toEqual({ requirement: undefined, signatures: [undefined] });
  });

  it.each([
    ['no signature', () => evaluate([keyed(trusted.pubFile)], []), { requirement: 'NO_SIGNATURE', signatures: [] }],
    [
      'another key',
      () => evaluate([keyed(trusted.pubFile)], [signedLayer(other.key, REPO, DIGEST_A)]),
      { requirement: 'SIGNATURES_REJECTED', signatures: ['BAD_SIGNATURE'] },
    ],
    [
      'another digest',
      () => evaluate([keyed(trusted.pubFile)], [signedLayer(trusted.key, REPO, DIGEST_B)]),
      { requirement: 'SIGNATURES_REJECTED', signatures: ['DIGEST_MISMATCH'] },
    ],
    [
      'another identity',
      () =>
        evaluate(
          [keyed(trusted.pubFile, { type: 'exactRepository', dockerRepository: 'ghcr.io/o/other' })],
          [signedLayer(trusted.key, REPO, DIGEST_A)],
        ),
      { requirement: 'SIGNATURES_REJECTED', signatures: ['IDENTITY_REJECTED'] },
    ],
    [
      'a missing keyPath',
      () => evaluate([keyed('/nonexistent/key.pub')], [signedLayer(trusted.key, REPO, DIGEST_A)]),
      { requirement: 'SIGNATURES_REJECTED', signatures: ['KEY_FILE_MISSING'] },
    ],
    ['a reject scope', () => evaluate([{ type: 'reject' }], []), { requirement: 'REJECTED_BY_POLICY', signatures: [] }],
    [
      'an unusable .sig manifest',
      () => evaluate([keyed(trusted.pubFile)], [], 'unexpected MIME type'),
      { requirement: 'ATTACHMENTS_UNUSABLE', signatures: [] },
    ],
  ])('%s', (_name, evaluation, expected) => {
    const e = evaluation();
    expect(e.allowed).toBe(false);
    expect(codes(e)).toEqual(expected);
  });

  it('the codes leave the messages as containers/image prints them', () => {
    expect(evaluate([keyed(trusted.pubFile)], []).message).toBe('A signature was required, but no signature exists');
    expect(evaluate([keyed(trusted.pubFile)], [signedLayer(trusted.key, REPO, DIGEST_B)]).message).toBe(
      `Signature for digest ${DIGEST_B} does not match`,
    );
    expect(evaluate([keyed('/nonexistent/key.pub')], [signedLayer(trusted.key, REPO, DIGEST_A)]).message).toBe(
      'open /nonexistent/key.pub: no such file or directory',
    );
  });
});
