// The GitHub Actions runner protocol, in the handful of calls the actions make. @actions/core
// does the same but its entry loads an HTTP client (undici, ~0.8 MB bundled) for OIDC tokens we
// never request; parsing that on every step cost ~40 ms of start-up, on the signing path too.
export * from './commands.js';
export * from './file-commands.js';
export { summary, type Summary, type SummaryCell } from './summary.js';
