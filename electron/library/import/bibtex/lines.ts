/** 1-based line numbers of offsets in a text, counted incrementally so a forward scan stays linear. */
export class LineCounter {
  private offset = 0;
  private line = 1;

  constructor(private readonly text: string) {}

  lineAt(pos: number): number {
    // Going backwards (only after an error) restarts the count; forward scans only count the new part.
    if (pos < this.offset) {
      this.offset = 0;
      this.line = 1;
    }
    const text = this.text;
    let nl = text.indexOf('\n', this.offset);
    while (nl >= 0 && nl < pos) {
      this.line++;
      nl = text.indexOf('\n', nl + 1);
    }
    this.offset = pos;
    return this.line;
  }
}
