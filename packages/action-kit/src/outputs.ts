import * as core from '@actions/core';

export const DIGEST_PATTERN = /^sha256:[a-f0-9]{64}$/;

/**
 * Outputs are checked before they are set: an empty or malformed value (the upstream
 * `<no value>` digest) fails the step instead of flowing into the next job.
 */
export function setCheckedOutput(name: string, value: string, check: RegExp | ((v: string) => boolean)): void {
  const ok = typeof check === 'function' ? check(value) : check.test(value);
  if (value === '' || !ok) {
    throw new Error(
      `internal error: output '${name}' would be ${JSON.stringify(value)}, which is not well-formed; refusing to set it`,
    );
  }
  core.setOutput(name, value);
}

export function setDigestOutput(name: string, value: string): void {
  setCheckedOutput(name, value, DIGEST_PATTERN);
}

/** `repo@sha256:…` */
export function setDigestRefOutput(name: string, value: string): void {
  setCheckedOutput(name, value, (v) => /^[^\s@]+@sha256:[a-f0-9]{64}$/.test(v));
}
