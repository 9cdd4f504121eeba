import { randomBytes } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { runOk } from './run.js';

/**
 * A private openssl config, so the system's openssl.cnf defaults (e.g. CA:TRUE on every
 * `req -x509`) cannot leak into the certificates.
 */
const OPENSSL_CNF = `
[req]
distinguished_name = dn
prompt = no
[dn]
CN = unused
[v3_ca]
basicConstraints = critical,CA:TRUE
keyUsage = critical,keyCertSign,cRLSign
subjectKeyIdentifier = hash
[v3_server]
basicConstraints = critical,CA:FALSE
keyUsage = critical,digitalSignature,keyEncipherment
extendedKeyUsage = serverAuth
subjectAltName = IP:127.0.0.1,DNS:localhost
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
[v3_signer]
basicConstraints = critical,CA:FALSE
keyUsage = critical,digitalSignature
subjectKeyIdentifier = hash
`;

export interface CertPair {
  certFile: string;
  keyFile: string;
}

const EC_KEY = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes'];
const DAYS = '2';

async function writeCnf(dir: string): Promise<string> {
  const cnf = join(dir, 'openssl.cnf');
  await writeFile(cnf, OPENSSL_CNF);
  return cnf;
}

function serial(): string {
  // Positive and non-zero: Go rejects negative serials.
  return '0x1' + randomBytes(15).toString('hex');
}

/** A self-signed test CA (EC P-256) in dir: ca.crt, ca.key. */
export async function makeCa(dir: string): Promise<CertPair> {
  const cnf = await writeCnf(dir);
  const pair = { certFile: join(dir, 'ca.crt'), keyFile: join(dir, 'ca.key') };
  await runOk('openssl', [
    'req',
    '-x509',
    '-new',
    ...EC_KEY,
    '-keyout',
    pair.keyFile,
    '-out',
    pair.certFile,
    '-days',
    DAYS,
    '-set_serial',
    serial(),
    '-subj',
    '/CN=bydigest test CA',
    '-config',
    cnf,
    '-extensions',
    'v3_ca',
  ]);
  return pair;
}

/** A server certificate for 127.0.0.1 and localhost signed by ca, in dir: server.crt, server.key. */
export async function makeServerCert(dir: string, ca: CertPair): Promise<CertPair> {
  const cnf = await writeCnf(dir);
  const csr = join(dir, 'server.csr');
  const pair = { certFile: join(dir, 'server.crt'), keyFile: join(dir, 'server.key') };
  await runOk('openssl', [
    'req',
    '-new',
    ...EC_KEY,
    '-keyout',
    pair.keyFile,
    '-out',
    csr,
    '-subj',
    '/CN=127.0.0.1',
    '-config',
    cnf,
  ]);
  await runOk('openssl', [
    'x509',
    '-req',
    '-in',
    csr,
    '-CA',
    ca.certFile,
    '-CAkey',
    ca.keyFile,
    '-set_serial',
    serial(),
    '-out',
    pair.certFile,
    '-days',
    DAYS,
    '-extfile',
    cnf,
    '-extensions',
    'v3_server',
  ]);
  return pair;
}

/**
 * A self-signed EC P-256 certificate for signing registry tokens: it goes into the registry's
 * rootcertbundle and, as DER, into each JWT's x5c header. In dir: token-signer.crt, token-signer.key.
 */
export async function makeTokenSigner(dir: string): Promise<CertPair> {
  const cnf = await writeCnf(dir);
  const pair = { certFile: join(dir, 'token-signer.crt'), keyFile: join(dir, 'token-signer.key') };
  await runOk('openssl', [
    'req',
    '-x509',
    '-new',
    ...EC_KEY,
    '-keyout',
    pair.keyFile,
    '-out',
    pair.certFile,
    '-days',
    DAYS,
    '-set_serial',
    serial(),
    '-subj',
    '/CN=bydigest test token issuer',
    '-config',
    cnf,
    '-extensions',
    'v3_signer',
  ]);
  return pair;
}

/**
 * A Fulcio-style signing certificate from `ca` for `publicKeyPem`: an e-mail or URI SAN (as the
 * identity looks), code signing, and the OIDC issuer in both of Fulcio's extensions (v1 raw
 * bytes, v2 a DER UTF8String). The mock Fulcio can only issue URI identities; containers/image
 * matches e-mail ones only. No SCT, as a private CA has no CT log.
 */
export async function issueSigningCert(
  dir: string,
  ca: CertPair,
  publicKeyPem: string,
  identity: string,
  issuer: string,
): Promise<Buffer> {
  const id = randomBytes(6).toString('hex');
  const pub = join(dir, `leaf-${id}.pub`);
  const cnf = join(dir, `leaf-${id}.cnf`);
  const out = join(dir, `leaf-${id}.crt`);
  const san = identity.includes('://') ? `URI:${identity}` : `email:${identity}`;
  await writeFile(pub, publicKeyPem);
  await writeFile(
    cnf,
    `[v3_fulcio]\nbasicConstraints = critical,CA:FALSE\nkeyUsage = critical,digitalSignature\nextendedKeyUsage = codeSigning\n` +
      `subjectAltName = critical,${san}\nsubjectKeyIdentifier = hash\nauthorityKeyIdentifier = keyid\n` +
      `1.3.6.1.4.1.57264.1.1 = DER:${Buffer.from(issuer).toString('hex')}\n1.3.6.1.4.1.57264.1.8 = ASN1:UTF8String:${issuer}\n`,
  );
  await runOk('openssl', [
    'x509',
    '-new',
    '-subj',
    '/O=bydigest test fulcio',
    '-force_pubkey',
    pub,
    '-CA',
    ca.certFile,
    '-CAkey',
    ca.keyFile,
    '-set_serial',
    serial(),
    '-days',
    '1',
    '-extfile',
    cnf,
    '-extensions',
    'v3_fulcio',
    '-outform',
    'DER',
    '-out',
    out,
  ]);
  return readFile(out);
}
