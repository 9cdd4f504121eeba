import { marker, reportBody } from './markdown.js';
import { shortCommit, type Report } from './report.js';

/** The marker that finds our comment again: one sticky comment per workflow and pull request. */
export function commentMarker(workflow: string): string {
  return marker('', workflow);
}

export function renderComment(r: Report): string {
  return `${commentMarker(r.run.workflow)}\n### bydigest: ${shortCommit(r.run)}\n\n${reportBody(r)}\n`;
}
