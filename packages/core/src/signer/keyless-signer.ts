import { generateKeyPairSync, sign, X509Certificate, type KeyObject } from 'node:crypto';
import type { Bundle } from '@sigstore/bundle';
import { BUNDLE_ANNOTATION, CERTIFICATE_ANNOTATION, CHAIN_ANNOTATION } from '../cosign/constants.js';
import { samePublicKey } from '../cosign/keys/public-key.js';
import { BydigestError } from '../errors.js';
import { sha256Digest } from '../oci/digest.js';
import { certificateIdentity, type CertificateIdentity } from './certificate-identity.js';
import { requestCertificate, type IssuedCertificate } from './fulcio-certificate.js';
import { logSignature, type RekorEntry } from './rekor-entry.js';
import type { PayloadSignature, Signer } from './signer.js';
import { sigstoreFailure, type SigstoreHttpOptions } from './sigstore-errors.js';

export const PUBLIC_GOOD_FULCIO_URL = 'https://fulcio.sigstore.dev';
export const PUBLIC_GOOD_REKOR_URL = 'https://rekor.sigstore.dev';

export interface KeylessSignerOptions {
  /**
   * The OIDC identity token (audience `sigstore`), asked once. Core knows no runner: the
   * action passes `() => core.getIDToken('sigstore')`.
   */
  identityToken: () => Promise<string>;
  fulcioUrl?: string;
  rekorUrl?: string;
  http?: SigstoreHttpOptions;
  /** The clock the certificate's validity is checked against. */
  now?: () => Date;
}

interface Issued extends IssuedCertificate {
  privateKey: KeyObject;
  publicKey: KeyObject;
  identity: CertificateIdentity;
}

/**
 * Keyless signing as cosign does it: a fresh ephemeral P-256 key, a Fulcio certificate binding
 * it to the OIDC identity, and a Rekor v1 entry per signature whose signed entry timestamp proves
 * the signature was made while the certificate was valid. The certificate is issued once; each
 * signature gets its own Rekor entry.
 */
export class KeylessSigner implements Signer {
  readonly #opts: KeylessSignerOptions;
  #issued: Promise<Issued> | undefined;
  readonly #entries = new Map<string, RekorEntry>();
  readonly #bundleLogIndexes: number[] = [];

  constructor(opts: KeylessSignerOptions) {
    this.#opts = opts;
  }

  get fulcioUrl(): string {
    return trimSlash(this.#opts.fulcioUrl ?? PUBLIC_GOOD_FULCIO_URL);
  }

  get rekorUrl(): string {
    return trimSlash(this.#opts.rekorUrl ?? PUBLIC_GOOD_REKOR_URL);
  }

  /** Gets the token and the certificate (once); rejects with the reason neither came. */
  ready(): Promise<void> {
    return this.#issue().then(() => undefined);
  }

  async sign(payload: Uint8Array): Promise<PayloadSignature> {
    const issued = await this.#issue();
    const signature = sign('sha256', payload, { key: issued.privateKey, dsaEncoding: 'der' });
    const entry = await logSignature(
      this.rekorUrl,
      { payload, signature, certificatePem: issued.certificatePem },
      this.#opts.http,
    );
    this.#checkLoggedInTime(issued, entry.integratedTime);
    this.#entries.set(sha256Digest(payload), entry);
    return {
      signature: signature.toString('base64'),
      material: {
        kind: 'certificate',
        publicKey: issued.publicKey,
        certificatePem: issued.certificatePem,
        chainPem: issued.chainPem,
      },
      // What cosign writes beside a keyless signature; the chain annotation is there even when empty.
      annotations: {
        [CERTIFICATE_ANNOTATION]: issued.certificatePem,
        [CHAIN_ANNOTATION]: issued.chainPem.join(''),
        [BUNDLE_ANNOTATION]: entry.setAnnotation,
      },
    };
  }

  /** A v0.3 bundle: DSSE envelope, the certificate, and a Rekor v1 intoto entry (SET and inclusion proof). */
  async signDsseBundle(payloadType: string, payload: Buffer): Promise<{ bundle: object; publicKey: KeyObject }> {
    const issued = await this.#issue();
    // Loaded here, not with the module: @sigstore/sign is the heaviest thing a key-only run would parse.
    const [{ DSSEBundleBuilder, RekorWitness }, { bundleToJSON }] = await Promise.all([
      import('@sigstore/sign'),
      import('@sigstore/bundle'),
    ]);
    const builder = new DSSEBundleBuilder({
      signer: {
        sign: async (data) => ({
          signature: sign('sha256', data, { key: issued.privateKey, dsaEncoding: 'der' }),
          key: { $case: 'x509Certificate', certificate: issued.certificatePem },
        }),
      },
      // An intoto 0.0.2 entry: what Rekor stores is the proposed entry's own shape (a dsse entry
      // is rewritten by Rekor), so any Rekor v1 — also a test's — yields a verifiable body.
      witnesses: [
        new RekorWitness({
          rekorBaseURL: this.rekorUrl,
          entryType: 'intoto',
          majorApiVersion: 1,
          retry: this.#opts.http?.retries ?? 2,
          timeout: this.#opts.http?.timeoutMs ?? 30_000,
        }),
      ],
    });
    let bundle: Bundle;
    try {
      bundle = await builder.create({ data: payload, type: payloadType });
    } catch (e) {
      throw sigstoreFailure(e, {
        operation: 'log the bundle',
        url: `${this.rekorUrl}/api/v1/log/entries`,
        service: 'Rekor',
      });
    }
    const entry = bundle.verificationMaterial.tlogEntries[0];
    if (!entry?.inclusionPromise)
      throw new BydigestError('KEYLESS', 'Rekor answered without a signed entry timestamp', {
        operation: 'log the bundle',
        reference: this.rekorUrl,
        hint: 'rekor-url must name a Rekor v1 log',
      });
    this.#checkLoggedInTime(issued, Number(entry.integratedTime));
    this.#bundleLogIndexes.push(Number(entry.logIndex));
    return { bundle: bundleToJSON(bundle), publicKey: issued.publicKey };
  }

  #checkLoggedInTime(issued: Issued, integratedTime: number): void {
    const at = new Date(integratedTime * 1000);
    if (at < issued.identity.notBefore || at > issued.identity.notAfter) {
      throw new BydigestError(
        'KEYLESS',
        `Rekor logged the signature at ${at.toISOString()}, outside the certificate's validity (${validity(issued.identity)}): no verifier would accept it`,
        {
          operation: 'log the signature',
          reference: this.rekorUrl,
          hint: "the signing took longer than the certificate lives (10 minutes at Fulcio), or Rekor's clock is off; re-run the job",
        },
      );
    }
  }

  /** The certificate's identity once issued (for outputs and logs). */
  async identity(): Promise<CertificateIdentity & { certificatePem: string }> {
    const issued = await this.#issue();
    return { ...issued.identity, certificatePem: issued.certificatePem };
  }

  /** The Rekor log indexes of the bundles made so far. */
  get bundleLogIndexes(): readonly number[] {
    return this.#bundleLogIndexes;
  }

  /** The Rekor entry made for the payload with this digest (a `.sig` layer's digest). */
  entryFor(payloadDigest: string): RekorEntry | undefined {
    return this.#entries.get(payloadDigest);
  }

  #issue(): Promise<Issued> {
    this.#issued ??= this.#requestIssue();
    return this.#issued;
  }

  async #requestIssue(): Promise<Issued> {
    const token = await this.#token();
    const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
    const issued = await requestCertificate(this.fulcioUrl, token, { privateKey, publicKey }, this.#opts.http);
    const identity = certificateIdentity(issued.certificatePem);
    if (!samePublicKey(new X509Certificate(issued.certificatePem).publicKey, publicKey)) {
      throw new BydigestError('KEYLESS', 'Fulcio issued a certificate for another public key than the one sent', {
        operation: 'request a signing certificate',
        reference: this.fulcioUrl,
      });
    }
    const now = (this.#opts.now ?? (() => new Date()))();
    if (now > identity.notAfter || now < identity.notBefore) {
      throw new BydigestError(
        'KEYLESS',
        `Fulcio issued a certificate that is not valid now (${now.toISOString()}; valid ${validity(identity)})`,
        {
          operation: 'request a signing certificate',
          reference: this.fulcioUrl,
          hint: "the runner's clock or Fulcio's is off; check fulcio-url and re-run",
        },
      );
    }
    return { ...issued, privateKey, publicKey, identity };
  }

  async #token(): Promise<string> {
    try {
      const token = await this.#opts.identityToken();
      if (!token) throw new Error('the provider returned an empty token');
      return token;
    } catch (e) {
      if (e instanceof BydigestError) throw e;
      // The toolkit's message spans lines ("Error Code : 500\n Error Message: …"); one line reads better.
      const reason = ((e as Error).message ?? String(e)).replace(/\s+/g, ' ').trim();
      throw new BydigestError('KEYLESS', `no OIDC token for keyless signing: ${reason}`, {
        operation: 'get the OIDC token',
        hint: 'keyless signing needs an OIDC identity token (on GitHub: permissions: id-token: write)',
        cause: e,
      });
    }
  }
}

function validity(id: CertificateIdentity): string {
  return `${id.notBefore.toISOString()} to ${id.notAfter.toISOString()}`;
}

function trimSlash(url: string): string {
  return url.replace(/\/+$/, '');
}
