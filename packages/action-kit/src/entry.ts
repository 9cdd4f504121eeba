// What an action's dist entry (src/index.ts) checks before it loads anything: no @actions/core
// here, so the signing actions' key derivation still starts first.

/**
 * Outputs go to the file GITHUB_OUTPUT names. Without it @actions/core falls back to the
 * retired `::set-output` command, which today's runners ignore: the step would write to the
 * registry and then hand the next job nothing. Returns false (and fails the step) then.
 * (GitHub's local-action runs `run()` from src/main.ts instead, with the toolkit stubbed.)
 */
export function runnerFilesPresent(): boolean {
  if (process.env.GITHUB_OUTPUT) return true;
  process.stdout.write(
    '::error::GITHUB_OUTPUT is not set: this step must run under a GitHub Actions runner, so its outputs reach the next steps\n',
  );
  process.exitCode = 1;
  return false;
}
