// Workflow commands on stdout (`::name::message`), escaped as the runner unescapes them
// (actions/runner ActionCommand.cs), so a message cannot end a command early or start another.
import { EOL } from 'node:os';

const escapeData = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');

export function issueCommand(name: string, message: string): void {
  process.stdout.write(`::${name}::${escapeData(message)}${EOL}`);
}

/** A plain log line. */
export function info(message: string): void {
  process.stdout.write(message + EOL);
}

/** Shown only when step debug logging is on (ACTIONS_STEP_DEBUG). */
export function debug(message: string): void {
  issueCommand('debug', message);
}

/** A warning annotation on the run. */
export function warning(message: string): void {
  issueCommand('warning', message);
}

/** An error annotation, and the step fails once the process exits. */
export function setFailed(message: string): void {
  process.exitCode = 1;
  issueCommand('error', message);
}

/**
 * The runner replaces the value with *** in every later log line. Multi-line values are masked
 * line by line by the runner only when each line is registered, which callers do themselves.
 */
export function setSecret(value: string): void {
  issueCommand('add-mask', value);
}
