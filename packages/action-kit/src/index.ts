export {
  InputError,
  asInputError,
  withInput,
  type InputFor,
  type InputForCode,
  rawInput,
  requiredInput,
  parseInput,
  booleanInput,
  integerInput,
  choiceInput,
  listInput,
  keyValueInput,
  truncate,
  maskEnvSecret,
  publicKeysInput,
} from './inputs.js';
export { DIGEST_PATTERN, setCheckedOutput, setDigestOutput, setDigestRefOutput } from './outputs.js';
export { runAction, failureMessage, shortenLongWords } from './run.js';
export {
  registryClient,
  registryClientFromInputs,
  readRegistryInputs,
  type RegistryInputs,
} from './registry-options.js';
export { keyInputChecked, keyInputSigners, type KeyInputSigner } from './signing-key.js';
export type { SigningKeys } from './early-key.js';
export {
  Html,
  html,
  code,
  joinHtml,
  escapeHtml,
  jobSummary,
  JobSummary,
  type SummaryCell,
  type SummaryText,
} from './summary.js';
export {
  githubRun,
  runContext,
  runContextMissing,
  RUN_CONTEXT_VARIABLES,
  type GithubRun,
  type RunContext,
} from './github.js';
export { info, warning, notice, debug, setSecret, saveState, getState, group, getIDToken } from '@actions/core';
