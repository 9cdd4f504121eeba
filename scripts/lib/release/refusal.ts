/** Why a release cannot be made: every problem found, each naming what to fix. */
export class ReleaseRefusal extends Error {
  constructor(readonly problems: string[]) {
    super(problems.map((p) => `- ${p}`).join('\n'));
    this.name = 'ReleaseRefusal';
  }
}
