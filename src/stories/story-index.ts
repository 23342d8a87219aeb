// Inverted index from a term id to the stories posted under it: how a new article finds its few
// candidate stories without looking at every story. A story is posted under its heaviest terms
// only, and a term keeps its latest `maxPostings` stories (a term so common that more stories
// carry it picks out nothing), so both the index and a look-up stay bounded on a long stream.

export class StoryIndex {
  private readonly postings: number[][] = [];

  constructor(private readonly maxPostings: number) {}

  post(story: number, ids: readonly number[]): void {
    for (const id of ids) {
      const list = (this.postings[id] ??= []);
      list.push(story);
      if (list.length > this.maxPostings) list.shift();
    }
  }

  unpost(story: number, ids: readonly number[]): void {
    for (const id of ids) {
      const list = this.postings[id];
      if (!list) continue;
      const at = list.lastIndexOf(story);
      if (at >= 0) list.splice(at, 1);
    }
  }

  /** Adds `weights[k]` to `hits` for every story posted under `ids[k]`, for each position k of `positions`. */
  gather(ids: readonly number[], weights: readonly number[], positions: readonly number[], hits: Map<number, number>): void {
    for (const k of positions) {
      const list = this.postings[ids[k]!];
      if (!list) continue;
      const w = weights[k]!;
      for (const story of list) hits.set(story, (hits.get(story) ?? 0) + w);
    }
  }
}
