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

  /** Adds `weight × weights[k]` to `scores` for every story posted under `ids[k]`. */
  gather(ids: readonly number[], weights: readonly number[], weight: number, scores: Map<number, number>): void {
    for (let k = 0; k < ids.length; k++) {
      const list = this.postings[ids[k]!];
      if (!list) continue;
      const w = weight * weights[k]!;
      for (const story of list) scores.set(story, (scores.get(story) ?? 0) + w);
    }
  }
}
