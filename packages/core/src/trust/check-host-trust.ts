/**
 * check-host-trust: the trust files a bootc host takes from the image it runs (policy.json,
 * registries.d, the keys the policy names), read out of the image by digest, layout or rootfs,
 * and judged as containers/image will judge them once the host runs this image.
 */
import type { KeyObject } from 'node:crypto';
import { BydigestError } from '../errors.js';
import type { ImageReference } from '../oci/reference.js';
import type { RegistryClient } from '../oci/remote/registry.js';
import { requirementsForImage } from '../policy/scope.js';
import { fulcioCheck } from './fulcio-check.js';
import { openTrustSource, readHostConfig, readImageFiles } from './image-files.js';
import { keyFilesCheck, resolveKeys, type ResolvedKey } from './key-check.js';
import { keyReferences } from './key-references.js';
import { loadHostConfig } from './load-check.js';
import { scopeCheck } from './scope-check.js';
import { signatureCheck } from './signature-check.js';
import { signingKeyCheck } from './signing-key-check.js';
import { skipped, type CheckId, type CheckVerdict } from './verdicts.js';

export interface CheckHostTrustOptions {
  /** `docker://REPO@sha256:…`, `oci:DIR[:tag]`, `oci-archive:FILE[:tag]` or `dir:ROOTFS`. */
  source: string;
  platform?: string;
  /**
   * The reference hosts pull, e.g. ghcr.io/owner/os:stable: picks the scope, and signatures are read in its repository.
   */
  pullRef: ImageReference;
  /** For docker:// sources and for reading signatures; without it check 3 is skipped. */
  client?: RegistryClient;
  /** The keys the pipeline signs with (check 5): one of them trusted is enough, as with keyPaths. */
  publicKeys?: KeyObject[];
  /** The digest hosts will pull, for a dir: rootfs (which has none); default: the image's. */
  digest?: string;
}

export interface HostTrustReport {
  source: string;
  /** The manifest whose signatures were judged. */
  digest?: string;
  files: { policy: string; registriesD: string[]; keys: string[] };
  /** The scope pull-ref falls in, e.g. transports.docker["ghcr.io/o/os"]. */
  scope?: string;
  /** Keys of that scope: where named, fingerprint (sha256 of the DER key) or the problem. */
  keys: ResolvedKey[];
  checks: CheckVerdict[];
  passed: boolean;
}

const ORDER: CheckId[] = [
  'policy-loads',
  'key-files',
  'signatures',
  'scope-and-attachments',
  'signing-key',
  'fulcio-identity',
];

export async function checkHostTrust(opts: CheckHostTrustOptions): Promise<HostTrustReport> {
  const src = await openTrustSource(opts.source, {
    ...(opts.client ? { client: opts.client } : {}),
    ...(opts.platform ? { platform: opts.platform } : {}),
  });
  try {
    const config = await readHostConfig(src);
    const loaded = loadHostConfig(config);
    const report: HostTrustReport = {
      source: src.description,
      files: { policy: config.policy.path, registriesD: config.registriesD.map((f) => f.path), keys: [] },
      keys: [],
      checks: [loaded.verdict],
      passed: false,
    };
    const digest = opts.digest ?? src.digest;
    if (digest) report.digest = digest;
    if (!loaded.policy || !loaded.registries) return finish(report, 'policy.json or registries.d does not load');
    const { policy, registries } = loaded;

    const refs = keyReferences(policy);
    const files = await readImageFiles(
      src,
      refs.flatMap((r) => (r.path !== undefined ? [r.path] : [])),
      config.etc,
      config.keyDirFiles,
    );
    report.files.keys = [...files.values()].map((f) => f.path);
    const resolved = resolveKeys(refs, files);
    const scopeLabel = requirementsForImage(policy, opts.pullRef).label;
    const inScope = (label: string) => label === scopeLabel;
    report.scope = scopeLabel;
    report.keys = resolved.filter((k) => inScope(k.ref.scope));
    report.checks.push(keyFilesCheck(resolved, config.policy.path, inScope));

    if (!opts.client) report.checks.push(skipped('signatures', 'no registry to read the signatures from'));
    else if (!digest)
      report.checks.push(
        skipped('signatures', 'a dir: rootfs has no digest: give image-digest to judge its signatures'),
      );
    else {
      // containers/image checks the policy on the index a tag names and again on the platform
      // manifest it picks: both need a signature the policy accepts.
      const digests = [
        ...new Set(
          [opts.digest === undefined ? src.subjectDigest : undefined, digest].filter(
            (d): d is string => d !== undefined,
          ),
        ),
      ];
      const verdicts = [];
      for (const d of digests)
        verdicts.push(
          (
            await signatureCheck(opts.client, {
              pullRef: opts.pullRef,
              digest: d,
              policy,
              registries,
              files,
              policyFile: config.policy.path,
            })
          ).verdict,
        );
      report.checks.push(mergeVerdicts(verdicts));
    }

    report.checks.push(scopeCheck(policy, registries, opts.pullRef, config.policy.path).verdict);
    report.checks.push(signingKeyCheck(report.keys, config.policy.path, scopeLabel, opts.publicKeys));
    report.checks.push(fulcioCheck(policy, config.policy.path, inScope));
    return finish(report, '');
  } finally {
    await src.close();
  }
}

/** One verdict for the same check run on several manifests: the worst status, every finding. */
function mergeVerdicts(verdicts: CheckVerdict[]): CheckVerdict {
  if (verdicts.length === 1) return verdicts[0]!;
  const rank = { fail: 3, warn: 2, pass: 1, skip: 0 } as const;
  const worst = verdicts.reduce((a, b) => (rank[b.status] > rank[a.status] ? b : a));
  const findings = verdicts.flatMap((v) => v.findings);
  return {
    ...worst,
    findings,
    summary: worst.status === 'pass' ? verdicts.map((v) => v.summary).join('; ') : worst.summary,
  };
}

function finish(report: HostTrustReport, skipWhy: string): HostTrustReport {
  for (const id of ORDER) if (!report.checks.some((c) => c.id === id)) report.checks.push(skipped(id, skipWhy));
  report.checks.sort((a, b) => ORDER.indexOf(a.id) - ORDER.indexOf(b.id));
  report.passed = report.checks.every((c) => c.status !== 'fail');
  return report;
}

/** The failure to throw from a report that did not pass: every failing finding, with its file, field and fix. */
export function hostTrustFailure(report: HostTrustReport): BydigestError {
  const lines = report.checks.flatMap((c) =>
    c.findings
      .filter((f) => f.status === 'fail')
      .map((f) => `${f.file}${f.field ? ` ${f.field}` : ''}: ${f.message}. Fix: ${f.fix}`),
  );
  return new BydigestError(
    'POLICY',
    `${report.source}: hosts running this image would not verify updates:\n- ${lines.join('\n- ')}`,
    {
      hint: 'the job summary lists every check, the scope and the keys found',
    },
  );
}
