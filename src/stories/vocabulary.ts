// Online document frequencies: terms get small integer ids (so vectors are arrays, not maps of
// strings) and an idf that follows the stream seen so far. No external model, so any language
// or beat works the same way.

export class Vocabulary {
  private readonly ids = new Map<string, number>();
  private readonly terms: string[] = [];
  /** Per id: ln(df + 0.5), kept current so an idf costs one subtraction, not a logarithm. */
  private logDf = new Float64Array(1024);
  private df = new Int32Array(1024);
  /** Documents counted so far. */
  documents = 0;
  /** ln(documents + 1), refreshed with `documents`. */
  private logN = 0;

  get size(): number {
    return this.ids.size;
  }

  /** The id of `term`, giving it one when new. */
  id(term: string): number {
    let id = this.ids.get(term);
    if (id === undefined) {
      id = this.ids.size;
      this.ids.set(term, id);
      this.terms.push(term);
      if (id >= this.df.length) this.grow(id);
      this.logDf[id] = Math.log(0.5);
    }
    return id;
  }

  /** The term of an id. */
  term(id: number): string {
    return this.terms[id] ?? '';
  }

  /** Smoothed inverse document frequency; a term never seen before gets the highest. Never below 0.1. */
  idf(id: number): number {
    return Math.max(0.1, this.logN - this.logDf[id]!);
  }

  /** Count one more document holding each of `ids` (distinct). */
  observe(ids: Iterable<number>): void {
    for (const id of ids) {
      const df = ++this.df[id]!;
      this.logDf[id] = Math.log(df + 0.5);
    }
    this.documents++;
    this.logN = Math.log(this.documents + 1);
  }

  private grow(id: number): void {
    const size = Math.max(2 * this.df.length, id + 1);
    const df = new Int32Array(size);
    df.set(this.df);
    const logDf = new Float64Array(size);
    logDf.set(this.logDf);
    this.df = df;
    this.logDf = logDf;
  }
}
