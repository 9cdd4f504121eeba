/**
 * Problems found in an SBOM. Only the first few messages are kept so a file with a million bad
 * elements still validates in bounded memory; the total is still counted for the summary.
 */
export class ProblemList {
  readonly messages: string[] = [];
  total = 0;

  constructor(readonly keep = 5) {}

  add(message: string): void {
    this.total++;
    if (this.messages.length < this.keep) this.messages.push(message);
  }

  get ok(): boolean {
    return this.total === 0;
  }

  get wantsMore(): boolean {
    return this.messages.length < this.keep;
  }
}
