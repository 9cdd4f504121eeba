export { auditTags } from './audit-tags.js';
export { PROBLEM_FIXES } from './fixes.js';
export { PROBLEM_CODES } from './types.js';
export type { AuditProblem, AuditReport, AuditRequest, AuditStats, Orphan, ProblemCode, TagResult, TagStatus } from './types.js';
