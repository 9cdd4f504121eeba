export interface RegistryConfigInput {
  addr: string;
  rootDirectory: string;
  secret: string;
  tls?: { certificate: string; key: string };
  htpasswd?: { realm: string; path: string };
  token?: { realm: string; service: string; issuer: string; rootCertBundle: string };
}

// JSON strings are valid YAML double-quoted scalars, so paths need no further escaping.
const q = (s: string): string => JSON.stringify(s);

/**
 * distribution 2.8 config. No blob descriptor cache: with deletes enabled, the in-memory cache
 * can keep answering for a deleted blob, which makes delete tests flaky. Upload purging and the
 * storage health check are off because they only add background work to a short-lived registry.
 */
export function registryConfigYaml(c: RegistryConfigInput): string {
  const lines = [
    'version: 0.1',
    'log:',
    '  level: info',
    '  formatter: text',
    '  accesslog:',
    '    disabled: true',
    'storage:',
    '  filesystem:',
    `    rootdirectory: ${q(c.rootDirectory)}`,
    '  delete:',
    '    enabled: true',
    '  maintenance:',
    '    uploadpurging:',
    '      enabled: false',
    'http:',
    `  addr: ${q(c.addr)}`,
    `  secret: ${q(c.secret)}`,
    '  headers:',
    '    X-Content-Type-Options: [nosniff]',
  ];
  if (c.tls) {
    lines.push('  tls:', `    certificate: ${q(c.tls.certificate)}`, `    key: ${q(c.tls.key)}`);
  }
  if (c.htpasswd) {
    lines.push('auth:', '  htpasswd:', `    realm: ${q(c.htpasswd.realm)}`, `    path: ${q(c.htpasswd.path)}`);
  } else if (c.token) {
    lines.push(
      'auth:',
      '  token:',
      `    realm: ${q(c.token.realm)}`,
      `    service: ${q(c.token.service)}`,
      `    issuer: ${q(c.token.issuer)}`,
      `    rootcertbundle: ${q(c.token.rootCertBundle)}`,
    );
  }
  lines.push('health:', '  storagedriver:', '    enabled: false');
  return lines.join('\n') + '\n';
}
