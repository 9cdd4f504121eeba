/**
 * The public keys of a sigstoreSigned requirement (policy_eval_sigstore.go prepareTrustRoot).
 * containers/image reads the key files for each signature it checks, not when it loads the
 * policy: a missing keyPath only surfaces once a signature exists, as the reason that signature
 * is rejected. Errors are worded as Go prints them, so they read like skopeo's.
 */
import { createPublicKey, type KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { decodeFirstPem } from '../cosign/keys/pem.js';
import type { SignatureCode } from './reason-codes.js';
import type { KeySource } from './types.js';

/** Reads a keyPath; the default resolves relative paths against the working directory, as os.ReadFile does. */
export type KeyFileReader = (path: string) => Buffer;

export function workingDirectoryReader(cwd = process.cwd()): KeyFileReader {
  return (path) => readFileSync(resolve(cwd, path));
}

export type TrustRoot =
  | { ok: true; keys: KeyObject[] }
  | { ok: false; reason: string; code: Extract<SignatureCode, 'KEY_FILE_MISSING' | 'KEY_UNUSABLE'> };

export function loadTrustRoot(source: KeySource, read: KeyFileReader): TrustRoot {
  const pems: Buffer[] = [];
  if (source.kind === 'keyPath' || source.kind === 'keyPaths') {
    for (const path of source.paths) {
      try {
        pems.push(read(path));
      } catch (e) {
        const err = e as NodeJS.ErrnoException;
        return {
          ok: false,
          reason: goReadFileError(path, err),
          code: err.code === 'ENOENT' ? 'KEY_FILE_MISSING' : 'KEY_UNUSABLE',
        };
      }
    }
  } else {
    pems.push(...source.datas);
  }
  const keys: KeyObject[] = [];
  for (const [i, pem] of pems.entries()) {
    const parsed = unmarshalPemToPublicKey(pem);
    if (typeof parsed === 'string')
      return { ok: false, reason: `parsing public key ${i + 1}: ${parsed}`, code: 'KEY_UNUSABLE' };
    keys.push(parsed);
  }
  if (keys.length === 0)
    return {
      ok: false,
      reason: 'Internal inconsistency: "keyPath", "keyPaths", "keyData" and "keyDatas" produced no public keys',
      code: 'KEY_UNUSABLE',
    };
  return { ok: true, keys };
}

/** sigstore cryptoutils.UnmarshalPEMToPublicKey: the key, or Go's error text. */
function unmarshalPemToPublicKey(pem: Buffer): KeyObject | string {
  const decoded = decodeFirstPem(pem.toString('latin1'));
  if (!decoded.ok) return 'PEM decoding failed';
  const { label, der } = decoded.block;
  let type: 'spki' | 'pkcs1';
  if (label === 'PUBLIC KEY') type = 'spki';
  else if (label === 'RSA PUBLIC KEY' || label === 'PKCS1 PUBLIC KEY') type = 'pkcs1';
  else return `unknown Public key PEM file type: ${label}. Are you passing the correct public key?`;
  try {
    return createPublicKey({ key: der, format: 'der', type });
  } catch (e) {
    return `x509: ${(e as Error).message}`;
  }
}

const ERRNO_TEXT: Record<string, string> = {
  ENOENT: 'no such file or directory',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  ENOTDIR: 'not a directory',
  ELOOP: 'too many levels of symbolic links',
  ENAMETOOLONG: 'file name too long',
};

/** os.ReadFile's *PathError text: "open /etc/pki/containers/x.pub: no such file or directory". */
export function goReadFileError(path: string, e: NodeJS.ErrnoException): string {
  if (e.code === 'EISDIR') return `read ${path}: is a directory`;
  const text = e.code ? ERRNO_TEXT[e.code] : undefined;
  return `open ${path}: ${text ?? e.message}`;
}
