import { randomBytes } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
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
    'req', '-x509', '-new', ...EC_KEY, '-keyout', pair.keyFile, '-out', pair.certFile,
    '-days', DAYS, '-set_serial', serial(), '-subj', '/CN=bydigest test CA',
    '-config', cnf, '-extensions', 'v3_ca',
  ]);
  return pair;
}

/** A server certificate for 127.0.0.1 and localhost signed by ca, in dir: server.crt, server.key. */
export async function makeServerCert(dir: string, ca: CertPair): Promise<CertPair> {
  const cnf = await writeCnf(dir);
  const csr = join(dir, 'server.csr');
  const pair = { certFile: join(dir, 'server.crt'), keyFile: join(dir, 'server.key') };
  await runOk('openssl', [
    'req', '-new', ...EC_KEY, '-keyout', pair.keyFile, '-out', csr, '-subj', '/CN=127.0.0.1', '-config', cnf,
  ]);
  await runOk('openssl', [
    'x509', '-req', '-in', csr, '-CA', ca.certFile, '-CAkey', ca.keyFile, '-set_serial', serial(),
    '-out', pair.certFile, '-days', DAYS, '-extfile', cnf, '-extensions', 'v3_server',
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
    'req', '-x509', '-new', ...EC_KEY, '-keyout', pair.keyFile, '-out', pair.certFile,
    '-days', DAYS, '-set_serial', serial(), '-subj', '/CN=bydigest test token issuer',
    '-config', cnf, '-extensions', 'v3_signer',
  ]);
  return pair;
}
