import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../fixtures/cosign/', import.meta.url));

export function fixturePath(relative: string): string {
  return root + relative;
}

export function fixtureBytes(relative: string): Buffer {
  return readFileSync(fixturePath(relative));
}

export function fixtureText(relative: string): string {
  return fixtureBytes(relative).toString('utf8');
}

export interface SigstoreJsonSignature {
  mimeType: string;
  payload: Buffer;
  annotations: Record<string, string>;
}

/**
 * A containers/image `dir:` signature file: "\x00sigstore-json\n" then
 * {"mimeType","payload"(base64),"annotations"} (internal/signature/sigstore.go).
 */
export function readSigstoreJsonSignature(relative: string): SigstoreJsonSignature {
  const blob = fixtureBytes(relative);
  const prefix = Buffer.from('\x00sigstore-json\n');
  if (!blob.subarray(0, prefix.length).equals(prefix)) throw new Error(`${relative} is not a sigstore-json signature`);
  const doc = JSON.parse(blob.subarray(prefix.length).toString('utf8')) as {
    mimeType: string;
    payload: string;
    annotations: Record<string, string>;
  };
  return { mimeType: doc.mimeType, payload: Buffer.from(doc.payload, 'base64'), annotations: doc.annotations };
}
