import type { Span } from './types.js';

/** A `uses:` pinned by SHA, for the checks that need GitHub (the comment's tag, impostor commits). */
export interface PinSite {
  file: string;
  span: Span;
  owner: string;
  repo: string;
  sha: string;
  /** The version comment, when there is one. */
  comment: string | undefined;
}

/** A `uses:` by tag or branch, which `mode: fix` rewrites to the SHA the ref points at. */
export interface FloatingSite {
  file: string;
  span: Span;
  owner: string;
  repo: string;
  ref: string;
  /** The text after the value on its line (an existing comment is replaced by the tag). */
  after: string;
}

/** A digest passed to a build by `--build-arg NAME=…` or buildah-build's `build-args`. */
export interface BuildArgSite {
  file: string;
  span: Span;
  name: string;
  value: string;
}
