import { X509Certificate } from 'node:crypto';
import { decodeOid, DerTag, readChildren, readDer, type DerElement } from '../cosign/keys/der.js';
import { BydigestError } from '../errors.js';

/** Who a Fulcio certificate says signed: what cosign's --certificate-identity and --certificate-oidc-issuer match. */
export interface CertificateIdentity {
  /** The SAN cosign matches: the first URI, else the first e-mail address. */
  identity: string;
  /** Only these are matched by containers/image's `fulcio.subjectEmail`. */
  emails: string[];
  uris: string[];
  /** The OIDC issuer extension (Fulcio's v2 OID, else the v1 one); undefined when absent. */
  issuer: string | undefined;
  /**
   * Fulcio's Source Repository URI extension (https://github.com/OWNER/REPO for GitHub): the
   * repository whose workflow run asked for the certificate. For a reusable workflow the
   * identity names the called workflow, the same for every caller; this names the caller.
   */
  sourceRepository: string | undefined;
  notBefore: Date;
  notAfter: Date;
}

const SAN_OID = '2.5.29.17';
/** Fulcio's issuer extensions: v2 is a DER UTF8String, v1 the raw bytes. */
const ISSUER_V2_OID = '1.3.6.1.4.1.57264.1.8';
const ISSUER_V1_OID = '1.3.6.1.4.1.57264.1.1';
const SOURCE_REPOSITORY_URI_OID = '1.3.6.1.4.1.57264.1.12';
const EXPLICIT_EXTENSIONS = 0xa3;
const SAN_EMAIL = 0x81;
const SAN_URI = 0x86;
const UTF8_STRING = 0x0c;

export function certificateIdentity(certificatePem: string): CertificateIdentity {
  let cert: X509Certificate;
  try {
    cert = new X509Certificate(certificatePem);
  } catch (e) {
    throw new BydigestError('SIGNATURE', `the signing certificate does not parse: ${(e as Error).message}`, {
      cause: e,
    });
  }
  const extensions = readExtensions(cert.raw);
  const emails: string[] = [];
  const uris: string[] = [];
  const san = extensions.get(SAN_OID);
  const names = san ? readDer(san) : undefined;
  for (const name of (names && readChildren(names)) ?? []) {
    if (name.tag === SAN_EMAIL) emails.push(name.value.toString('utf8'));
    if (name.tag === SAN_URI) uris.push(name.value.toString('utf8'));
  }
  const v2 = extensions.get(ISSUER_V2_OID);
  const v2Value = v2 ? readDer(v2) : undefined;
  const v1 = extensions.get(ISSUER_V1_OID);
  const issuer = v2Value?.tag === UTF8_STRING ? v2Value.value.toString('utf8') : v1?.toString('utf8');
  const source = extensions.get(SOURCE_REPOSITORY_URI_OID);
  const sourceValue = source ? readDer(source) : undefined;
  const sourceRepository = sourceValue?.tag === UTF8_STRING ? sourceValue.value.toString('utf8') : undefined;
  return {
    identity: uris[0] ?? emails[0] ?? '',
    emails,
    uris,
    issuer,
    sourceRepository,
    notBefore: new Date(cert.validFrom),
    notAfter: new Date(cert.validTo),
  };
}

/** extnID → extnValue's content octets, from the tbsCertificate's [3] extensions. */
function readExtensions(der: Buffer): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  const certificate = readDer(der);
  const tbs = certificate && readChildren(certificate)?.[0];
  const explicit = tbs && readChildren(tbs)?.find((c) => c.tag === EXPLICIT_EXTENSIONS);
  const list = explicit && readChildren(explicit)?.[0];
  for (const ext of (list && readChildren(list)) ?? []) {
    const parts: DerElement[] = readChildren(ext) ?? [];
    const oid = parts[0];
    const value = parts[parts.length - 1];
    if (oid?.tag === DerTag.Oid && value?.tag === DerTag.OctetString) out.set(decodeOid(oid.value), value.value);
  }
  return out;
}
