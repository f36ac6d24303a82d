/** 1-based line numbers of offsets in a text, counted incrementally so that a scan stays linear. */
export class LineCounter {
  private offset = 0;
  private line = 1;

  constructor(private readonly text: string) {}

  lineAt(pos: number): number {
    const text = this.text;
    if (pos < this.offset) {
      // Going back (an error names the entry's first line after reading on): uncount only the lines stepped over.
      for (let nl = text.indexOf('\n', pos); nl >= 0 && nl < this.offset; nl = text.indexOf('\n', nl + 1)) this.line--;
    } else {
      for (let nl = text.indexOf('\n', this.offset); nl >= 0 && nl < pos; nl = text.indexOf('\n', nl + 1)) this.line++;
    }
    this.offset = pos;
    return this.line;
  }
}
