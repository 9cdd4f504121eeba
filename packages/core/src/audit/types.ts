/** What audit-tags reports: one entry per tag hosts can pull, and the attachment tags left behind. */
import type { KeyObject } from 'node:crypto';
import type { ImageReference } from '../oci/reference.js';
import type { RegistriesConfig } from '../policy/registries-d.js';
import type { KeyFileReader } from '../policy/trust-root.js';
import type { Policy } from '../policy/types.js';

/** Every way a tag fails; `fail-on` lists these (and `unknown`). docs/actions/audit-tags.md gives each one's fix. */
export const PROBLEM_CODES = [
  'unsigned',
  'bad-signature',
  'policy-rejected',
  'no-sbom',
  'sbom-unsigned',
  'not-same',
  'stale',
  'unreadable',
] as const;
export type ProblemCode = (typeof PROBLEM_CODES)[number];

export interface AuditProblem {
  code: ProblemCode;
  message: string;
  /** "linux/arm64" when the problem is a platform manifest's of an index. */
  platform?: string;
}

export type TagStatus = 'pass' | 'fail' | 'unknown';

export interface TagResult {
  image: string;
  tag: string;
  /** Empty when the tag could not be resolved. */
  digest: string;
  status: TagStatus;
  problems: AuditProblem[];
}

export interface Orphan {
  image: string;
  tag: string;
  /** The digest the attachment is for, which no tag (nor index, nor referrer) points at any more. */
  subject: string;
}

export interface AuditReport {
  tags: TagResult[];
  orphans: Orphan[];
}

/** A host's policy.json and registries.d; the reference pulled is each tag in turn. */
export interface AuditHostPolicy {
  policy: Policy;
  registries: RegistriesConfig;
  readKeyFile?: KeyFileReader;
}

export interface AuditRequest {
  repositories: ImageReference[];
  /** cosign verify --key: any one verifying passes. Exactly one of publicKeys and host. */
  publicKeys?: readonly KeyObject[];
  host?: AuditHostPolicy;
  require: { signature: boolean; sbom: boolean };
  /** Tags that must all resolve to one digest (e.g. latest, stable, 41). */
  expectSame?: readonly string[];
  /** Tags matching `pattern` must not be older than `maxAgeDays` at `asOf`. */
  stale?: { pattern: RegExp; maxAgeDays: number };
  asOf?: Date;
}

/** Totals for the summary. */
export interface AuditStats {
  repositories: number;
  tags: number;
  digests: number;
  attachmentTags: number;
  /** Repositories whose orphans were not judged, because some digest could not be read. */
  orphansSkipped: string[];
}
