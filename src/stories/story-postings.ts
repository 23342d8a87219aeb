// Inverted index from a term id to the stories posted under it: how a new article finds its few
// candidate stories without looking at every story. A story is posted under its heaviest terms
// only, and a term keeps its latest `maxPostings` stories (a term so common that more stories
// carry it picks out nothing), so both the index and a look-up stay bounded on a long stream.
import { grown } from '../util/grown.ts';

export class StoryPostings {
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
  gather(ids: readonly number[], weights: readonly number[], positions: readonly number[], hits: StoryHits): void {
    for (const k of positions) {
      const list = this.postings[ids[k]!];
      if (!list) continue;
      const w = weights[k]!;
      for (const story of list) hits.add(story, w);
    }
  }
}

/**
 * Index hits summed per story number, and the stories in the order first hit (as a Map would list
 * them): a look-up adds up to a few thousand hits, and an array indexed by story costs a fraction
 * of a Map's hashing. Cleared at the start of each look-up by visiting only the stories the last one touched.
 */
export class StoryHits {
  private sums = new Float64Array(1024);
  private touched = new Uint8Array(1024);
  /** Stories hit since the last `clear`, in the order of their first hit. */
  readonly stories: number[] = [];

  add(story: number, weight: number): void {
    if (story >= this.sums.length) this.grow(story + 1);
    if (this.touched[story] === 0) {
      this.touched[story] = 1;
      this.stories.push(story);
      this.sums[story] = weight;
    } else this.sums[story]! += weight;
  }

  sum(story: number): number {
    return this.sums[story]!;
  }

  clear(): void {
    for (const story of this.stories) {
      this.touched[story] = 0;
      this.sums[story] = 0;
    }
    this.stories.length = 0;
  }

  private grow(size: number): void {
    this.sums = grown(this.sums, size);
    this.touched = grown(this.touched, size);
  }
}
