export { auditTags } from './audit-tags.js';
export { PROBLEM_FIXES } from './fixes.js';
export { PROBLEM_CODES } from './types.js';
export type { AuditReport, AuditStats, TagResult } from './types.js';
