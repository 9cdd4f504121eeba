export { assertValidFileName, isValidEnvVarName, parseSecretFileSpecs, type SecretFileSpec } from './spec.js';
export { readSecretValues, type SecretValue } from './values.js';
export { parseEnviron, readStartupEnviron } from './environ.js';
export { maskValuesFor } from './masks.js';
export {
  assertNotProtected,
  canonicalParentPath,
  isDirectChild,
  protectedReason,
  protectedRootsFromEnv,
  resolveUserPath,
  type ProtectedRoots,
} from './paths.js';
export { createStagingDir } from './staging-dir.js';
export { stageSecretFiles } from './stage.js';
export { type StagedFile } from './types.js';
export { emptyWipeReport, mergeWipeReports, type WipeReport } from './report.js';
export { remainingPaths, wipePaths, wipeStaged, wipeTree } from './wipe.js';
