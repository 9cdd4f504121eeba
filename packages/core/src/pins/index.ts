// check-pins: the pinning policy of the supply-chain chapter, checked over a checkout.
export { RULE_IDS, type Finding, type FileProblem, type RuleId } from './types.js';
export { RULE_FIXES } from './rule-fixes.js';
export { KNOWN_INSTALLERS, installerTable, type InstallerTable } from './installers.js';
export { parseIgnore, type IgnoreEntry } from './ignore.js';
export {
  checkSources,
  sortFindings,
  type CheckOptions,
  type CheckResult,
  type FileKind,
  type SourceFile,
} from './check.js';
export { discoverFiles, DEFAULT_PATHS, kindOf } from './discover.js';
export { readContainerfile, type ContainerfileModel, type ImagePull } from './containerfile-reader.js';
export type { PinSite, FloatingSite } from './sites.js';
export { verifyPins, resolveFloating, type PinVerification, type Unverified } from './verify-pins.js';
export { pinnedText } from './fix.js';
export { writeFixes, type WrittenFixes } from './write-fixes.js';
export { SourceText } from './source-text.js';
export { checkPins, type CheckPinsRequest, type CheckPinsOutcome } from './check-pins.js';
