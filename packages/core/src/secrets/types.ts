/** What was (or was about to be) written: never the content, only where and how much. */
export interface StagedFile {
  name: string;
  path: string;
  size: number;
}
