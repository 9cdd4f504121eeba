import type { Span } from './types.js';

/** A scalar as written: its value, where it stands, and the text after it on its last line (for comments). */
export interface Located {
  value: string;
  span: Span;
  /** The rest of the value's last line, after the value: where a `# v1.2.3` comment lives. */
  after: string;
  /** Whether the value is an expression (`${{ … }}`) the runner decides. */
  expression: boolean;
}

export interface StepModel {
  uses?: Located;
  with: Map<string, Located>;
  run?: Located;
}

export interface JobModel {
  id: string;
  /** Where the job's key is, for a finding about the whole job. */
  at: Span;
  permissions?: PermissionsModel;
  /** A reusable workflow called by the job. */
  uses?: Located;
  /** `container:` and `services:` images. */
  images: Located[];
  steps: StepModel[];
}

export interface PermissionsModel {
  at: Span;
  /** `read-all`, `write-all`, or undefined for a mapping. */
  scalar?: string;
  /** Scopes granted `write` in a mapping. */
  writes: string[];
}

/** What a workflow or an action.yml holds that the pin rules look at. */
export interface PipelineModel {
  kind: 'workflow' | 'action';
  permissions?: PermissionsModel;
  jobs: JobModel[];
}
