import { createHash } from 'node:crypto';
import type { TransparencyLogEntry } from '@sigstore/bundle';
import { BydigestError } from '../errors.js';
import { sigstoreFailure, type SigstoreHttpOptions } from './sigstore-errors.js';

/** A Rekor v1 entry with its signed entry timestamp: what a keyless `.sig` layer carries. */
export interface RekorEntry {
  logIndex: number;
  integratedTime: number;
  /** The `dev.sigstore.cosign/bundle` annotation, byte for byte as cosign writes it. */
  setAnnotation: string;
  /** The entry as a bundle's tlog entry (for a sigstore bundle of the same signature). */
  tlogEntry: TransparencyLogEntry;
}

/**
 * Logs a hashedrekord entry (sha256 of `payload`, the signature, the certificate) in Rekor **v1**:
 * only v1 answers with a signed entry timestamp, the proof containers/image and cosign 2 check.
 */
export async function logSignature(
  rekorUrl: string,
  entry: { payload: Uint8Array; signature: Buffer; certificatePem: string },
  http: SigstoreHttpOptions = {},
): Promise<RekorEntry> {
  // Loaded on first use: key-only runs never parse the Sigstore client.
  const [{ toMessageSignatureBundle }, { RekorWitness }] = await Promise.all([
    import('@sigstore/bundle'),
    import('@sigstore/sign'),
  ]);
  const digest = createHash('sha256').update(entry.payload).digest();
  const content = toMessageSignatureBundle({
    digest,
    signature: entry.signature,
    certificate: Buffer.from(entry.certificatePem),
  }).content;
  const witness = new RekorWitness({
    rekorBaseURL: rekorUrl,
    majorApiVersion: 1,
    retry: http.retries ?? 2,
    timeout: http.timeoutMs ?? 30_000,
  });
  let tlogEntry: TransparencyLogEntry | undefined;
  try {
    tlogEntry = (await witness.testify(content, entry.certificatePem)).tlogEntries[0];
  } catch (e) {
    throw sigstoreFailure(e, {
      operation: 'log the signature',
      url: `${rekorUrl}/api/v1/log/entries`,
      service: 'Rekor',
    });
  }
  const set = tlogEntry?.inclusionPromise?.signedEntryTimestamp;
  if (!tlogEntry || !set || set.length === 0) {
    throw new BydigestError(
      'KEYLESS',
      'Rekor answered without a signed entry timestamp, which containers/image and cosign 2 require',
      {
        operation: 'log the signature',
        reference: rekorUrl,
        hint: 'rekor-url must name a Rekor v1 log (its /api/v1/log/entries), not a v2 tile log',
      },
    );
  }
  const logIndex = Number(tlogEntry.logIndex);
  const integratedTime = Number(tlogEntry.integratedTime);
  return { logIndex, integratedTime, setAnnotation: setAnnotation(tlogEntry, set), tlogEntry };
}

/** cosign's bundle.RekorBundle as Go marshals it: field order and names matter to nobody but diffs. */
function setAnnotation(e: TransparencyLogEntry, set: Buffer): string {
  return JSON.stringify({
    SignedEntryTimestamp: set.toString('base64'),
    Payload: {
      body: Buffer.from(e.canonicalizedBody).toString('base64'),
      integratedTime: Number(e.integratedTime),
      logIndex: Number(e.logIndex),
      logID: Buffer.from(e.logId.keyId).toString('hex'),
    },
  });
}
