// Online story clustering: each new article joins the story it is most like, or starts one.
// Likeness is the cosine of tf-idf terms (what happened) blended with the cosine of names (to
// whom, where): two earthquakes share their words, not their places. Candidates come from an
// inverted index over each story's heaviest terms and names, and stories whose last article fell
// out of the time window leave that index, so one decision costs about the same on the
// 100,000th article as on the 100th. Old assignments never move, except by a recorded merge.
import type { ArticleFeatures } from './features.ts';
import { MinHeap } from './min-heap.ts';
import { articleVector, Profile, type ArticleVector } from './profile.ts';
import { StoryIndex } from './story-index.ts';
import { Vocabulary } from './vocabulary.ts';

export interface Assignment {
  /** Story id: the id of the article that started it. */
  story: string;
  created: boolean;
  /** To the story joined (0 when created). */
  similarity: number;
  /** Stories folded into `story` by this article, with a human-readable reason. */
  merged?: { stories: string[]; reason: string };
}

export interface ClusterOptions {
  /** An article joins the most similar story when the similarity reaches this; else it starts one. */
  threshold: number;
  /** Share of the names' cosine in the similarity (the rest is the terms'), when both sides have names. */
  nameWeight: number;
  /** A second story this similar to the new article… */
  mergeThreshold: number;
  /** …whose profile is this similar to the joined story's is folded into it. */
  storyMergeThreshold: number;
  /** Stories whose last article is older than this (days, against a dated new article) stop being candidates. */
  windowDays: number;
  /** Terms and names a story's profile keeps (its heaviest by mass × idf). */
  profileTerms: number;
  profileNames: number;
  /** Terms and names a story is findable by in the index. */
  indexTerms: number;
  indexNames: number;
  /** The new article's heaviest terms and names that look stories up. */
  queryTerms: number;
  queryNames: number;
  /** Stories kept per term in the index (the latest). */
  maxPostings: number;
  /** Stories scored in full per article (those the look-up ranks highest). */
  maxCandidates: number;
}

/** Chosen on the odd-numbered topics of ECB+ (see bench/cluster-ecbplus.ts --tune). */
export const DEFAULT_CLUSTER_OPTIONS: ClusterOptions = {
  threshold: 0.2,
  nameWeight: 0.5,
  mergeThreshold: 0.3,
  storyMergeThreshold: 0.4,
  windowDays: 14,
  profileTerms: 150,
  profileNames: 40,
  indexTerms: 20,
  indexNames: 10,
  queryTerms: 20,
  queryNames: 10,
  maxPostings: 400,
  maxCandidates: 30,
};

const DAY_MS = 86_400_000;

interface Story {
  id: string;
  size: number;
  terms: Profile;
  names: Profile;
  /** Dates (ms) of its first and last dated articles; NaN while it has none. */
  first: number;
  last: number;
  /** What it is posted under in the index, to take it out again. */
  postedTerms: number[];
  postedNames: number[];
  /** The story it was merged into, or -1. */
  into: number;
  /** In the candidate index (not merged away, not out of the window). */
  live: boolean;
}

interface Scored {
  story: number;
  similarity: number;
}

export class StoryClusterer {
  readonly options: ClusterOptions;
  private readonly termVocabulary = new Vocabulary();
  private readonly nameVocabulary = new Vocabulary();
  private readonly termIndex: StoryIndex;
  private readonly nameIndex: StoryIndex;
  private readonly stories: Story[] = [];
  private readonly storyNumbers = new Map<string, number>();
  private readonly articleStories = new Map<string, number>();
  /** Live stories by the date of their last article (stale entries are skipped when popped). */
  private readonly byLastDate = new MinHeap();
  /** The new article's unit weights, spread by id for the cosines; zeroed after each use. */
  private termScratch: Float64Array<ArrayBuffer> = new Float64Array(1024);
  private nameScratch: Float64Array<ArrayBuffer> = new Float64Array(256);

  constructor(options: Partial<ClusterOptions> = {}) {
    this.options = { ...DEFAULT_CLUSTER_OPTIONS, ...options };
    this.termIndex = new StoryIndex(this.options.maxPostings);
    this.nameIndex = new StoryIndex(this.options.maxPostings);
  }

  /** Decide where a new article goes; updates the in-memory state. `published` is an ISO date or null. */
  assign(articleId: string, features: ArticleFeatures, published: string | null): Assignment {
    const date = dateOf(published);
    this.expire(date);
    const terms = articleVector(features.terms, this.termVocabulary);
    const names = articleVector(features.names, this.nameVocabulary);
    const scored = this.score(terms, names, date);
    const best = scored[0];
    if (!best || best.similarity < this.options.threshold) {
      const story = this.startStory(articleId);
      this.addArticle(story, articleId, terms, names, date);
      return { story: articleId, created: true, similarity: 0 };
    }
    const linked = scored
      .slice(1)
      .filter((s) => s.similarity >= this.options.mergeThreshold && this.storySimilarity(best.story, s.story) >= this.options.storyMergeThreshold);
    let story = best.story;
    let merged: Assignment['merged'];
    if (linked.length > 0) {
      const all = [best, ...linked];
      story = this.survivor(all.map((s) => s.story));
      const folded = all.filter((s) => s.story !== story);
      merged = { stories: folded.map((s) => this.stories[s.story]!.id), reason: this.mergeReason(articleId, story, all) };
      this.fold(story, folded.map((s) => s.story));
    }
    this.addArticle(story, articleId, terms, names, date);
    const assignment: Assignment = { story: this.stories[story]!.id, created: false, similarity: best.similarity };
    if (merged) assignment.merged = merged;
    return assignment;
  }

  /** Replay an assignment recorded earlier (restoring state from the store) without deciding anything. */
  restore(articleId: string, features: ArticleFeatures, published: string | null, story: string): void {
    const date = dateOf(published);
    this.expire(date);
    const terms = articleVector(features.terms, this.termVocabulary);
    const names = articleVector(features.names, this.nameVocabulary);
    const known = this.storyNumbers.get(story);
    const number = known === undefined ? this.startStory(story) : this.find(known);
    this.addArticle(number, articleId, terms, names, date);
  }

  /** Replay a recorded merge. */
  restoreMerge(into: string, stories: string[]): void {
    const target = this.storyNumbers.get(into);
    if (target === undefined) return;
    const survivor = this.find(target);
    const folded = stories.map((id) => this.storyNumbers.get(id)).filter((n): n is number => n !== undefined).map((n) => this.find(n));
    this.fold(survivor, [...new Set(folded)].filter((n) => n !== survivor));
  }

  storyOf(articleId: string): string | undefined {
    const number = this.articleStories.get(articleId);
    return number === undefined ? undefined : this.stories[this.find(number)]!.id;
  }

  /** Stories scored against the article, most similar first. */
  private score(terms: ArticleVector, names: ArticleVector, date: number): Scored[] {
    const o = this.options;
    const lookup = new Map<number, number>();
    const queryTerms = heaviest(terms, o.queryTerms);
    const queryNames = heaviest(names, o.queryNames);
    this.termIndex.gather(queryTerms.ids, queryTerms.weights, 1, lookup);
    this.nameIndex.gather(queryNames.ids, queryNames.weights, 1, lookup);
    if (lookup.size === 0) return [];
    const candidates = [...lookup]
      .filter(([story]) => this.inWindow(this.stories[story]!, date))
      .sort((a, b) => b[1] - a[1] || a[0] - b[0])
      .slice(0, o.maxCandidates);
    this.termScratch = spread(terms, this.termScratch);
    this.nameScratch = spread(names, this.nameScratch);
    const scored = candidates.map(([story]) => ({ story, similarity: this.similarity(story, names.ids.length > 0) }));
    clear(terms, this.termScratch);
    clear(names, this.nameScratch);
    return scored.sort((a, b) => b.similarity - a.similarity || a.story - b.story);
  }

  /** The spread article against one story. Without names on either side, the terms decide alone. */
  private similarity(number: number, articleHasNames: boolean): number {
    const story = this.stories[number]!;
    const text = story.terms.cosine(this.termScratch, this.termVocabulary);
    if (!articleHasNames || story.names.ids.length === 0) return text;
    const names = story.names.cosine(this.nameScratch, this.nameVocabulary);
    return (1 - this.options.nameWeight) * text + this.options.nameWeight * names;
  }

  /** Two stories' profiles, blended as an article's similarity is. */
  private storySimilarity(a: number, b: number): number {
    const x = this.stories[a]!;
    const y = this.stories[b]!;
    const text = x.terms.cosineWith(y.terms, this.termVocabulary);
    if (x.names.ids.length === 0 || y.names.ids.length === 0) return text;
    const names = x.names.cosineWith(y.names, this.nameVocabulary);
    return (1 - this.options.nameWeight) * text + this.options.nameWeight * names;
  }

  private inWindow(story: Story, date: number): boolean {
    if (Number.isNaN(date) || Number.isNaN(story.last)) return true;
    const window = this.options.windowDays * DAY_MS;
    return date - story.last <= window && story.first - date <= window;
  }

  /** Takes out of the index the stories whose last article is older than the window before `date`. */
  private expire(date: number): void {
    if (Number.isNaN(date)) return;
    const cutoff = date - this.options.windowDays * DAY_MS;
    while (this.byLastDate.peekKey() < cutoff) {
      const key = this.byLastDate.peekKey();
      const number = this.byLastDate.pop()!;
      const story = this.stories[number]!;
      // A stale entry: the story has a later article since (its newer entry is still queued).
      if (!story.live || story.last !== key) continue;
      this.unpost(number);
      // Its profile is no longer needed for decisions; dropping it keeps memory bounded.
      story.terms.clear();
      story.names.clear();
    }
  }

  private startStory(id: string): number {
    const number = this.stories.length;
    this.stories.push({
      id,
      size: 0,
      terms: new Profile(),
      names: new Profile(),
      first: NaN,
      last: NaN,
      postedTerms: [],
      postedNames: [],
      into: -1,
      live: false,
    });
    this.storyNumbers.set(id, number);
    return number;
  }

  private addArticle(number: number, articleId: string, terms: ArticleVector, names: ArticleVector, date: number): void {
    const story = this.stories[number]!;
    story.size++;
    this.articleStories.set(articleId, number);
    this.termVocabulary.observe(terms.ids);
    this.nameVocabulary.observe(names.ids);
    story.terms.add(terms.ids, terms.shares);
    story.names.add(names.ids, names.shares);
    if (!Number.isNaN(date)) {
      story.first = Number.isNaN(story.first) ? date : Math.min(story.first, date);
      story.last = Number.isNaN(story.last) ? date : Math.max(story.last, date);
      if (story.last === date) this.byLastDate.push(date, number);
    }
    this.repost(number);
  }

  /** Folds `others` into `into`: profiles summed, dates widened, articles follow through `find`. */
  private fold(into: number, others: readonly number[]): void {
    const target = this.stories[into]!;
    for (const number of others) {
      const story = this.stories[number]!;
      this.unpost(number);
      story.into = into;
      target.size += story.size;
      target.terms.add(story.terms.ids, story.terms.mass);
      target.names.add(story.names.ids, story.names.mass);
      story.terms.clear();
      story.names.clear();
      if (!Number.isNaN(story.last)) {
        target.first = Number.isNaN(target.first) ? story.first : Math.min(target.first, story.first);
        if (Number.isNaN(target.last) || story.last > target.last) {
          target.last = story.last;
          this.byLastDate.push(target.last, into);
        }
      }
    }
    this.repost(into);
  }

  /** Prunes the profile and posts the story under its current heaviest terms and names. */
  private repost(number: number): void {
    const o = this.options;
    const story = this.stories[number]!;
    this.unpost(number);
    story.terms.prune(o.profileTerms, this.termVocabulary);
    story.names.prune(o.profileNames, this.nameVocabulary);
    story.postedTerms = story.terms.top(o.indexTerms, this.termVocabulary);
    story.postedNames = story.names.top(o.indexNames, this.nameVocabulary);
    this.termIndex.post(number, story.postedTerms);
    this.nameIndex.post(number, story.postedNames);
    story.live = true;
  }

  private unpost(number: number): void {
    const story = this.stories[number]!;
    if (!story.live) return;
    this.termIndex.unpost(number, story.postedTerms);
    this.nameIndex.unpost(number, story.postedNames);
    story.postedTerms = [];
    story.postedNames = [];
    story.live = false;
  }

  /** The story that absorbs the others: the largest, the oldest on a tie (fewest articles change story). */
  private survivor(numbers: readonly number[]): number {
    return [...numbers].sort((a, b) => this.stories[b]!.size - this.stories[a]!.size || a - b)[0]!;
  }

  private mergeReason(articleId: string, into: number, linked: readonly Scored[]): string {
    const parts = linked.map((s) => `"${this.stories[s.story]!.id}" (${s.similarity.toFixed(2)})`).join(' and ');
    const shared = this.sharedNames(linked.map((s) => s.story));
    const about = shared.length > 0 ? `; the stories share ${shared.map((n) => `"${n}"`).join(', ')}` : '';
    return `article "${articleId}" is close to ${parts}${about}; folded into "${this.stories[into]!.id}"`;
  }

  /** Names in every one of the stories' profiles, heaviest first (at most five). */
  private sharedNames(numbers: readonly number[]): string[] {
    const [first, ...rest] = numbers.map((n) => this.stories[n]!.names);
    if (!first) return [];
    const common = first.top(first.ids.length, this.nameVocabulary).filter((id) => rest.every((p) => p.ids.includes(id)));
    return common.slice(0, 5).map((id) => this.nameVocabulary.term(id));
  }

  private find(number: number): number {
    let root = number;
    while (this.stories[root]!.into >= 0) root = this.stories[root]!.into;
    // Path compression: later look-ups of these stories go straight to the root.
    let n = number;
    while (this.stories[n]!.into >= 0) {
      const next = this.stories[n]!.into;
      this.stories[n]!.into = root;
      n = next;
    }
    return root;
  }
}

function dateOf(published: string | null): number {
  return published ? Date.parse(published) : NaN;
}

/** The `count` heaviest entries of a vector. */
function heaviest(vector: ArticleVector, count: number): { ids: number[]; weights: number[] } {
  if (vector.ids.length <= count) return vector;
  const order = vector.weights.map((w, k) => [w, k] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]).slice(0, count);
  return { ids: order.map((o) => vector.ids[o[1]]!), weights: order.map((o) => o[0]) };
}

function spread(vector: ArticleVector, dense: Float64Array<ArrayBuffer>): Float64Array<ArrayBuffer> {
  let out = dense;
  const last = vector.ids[vector.ids.length - 1];
  if (last !== undefined && last >= out.length) {
    out = new Float64Array(Math.max(2 * out.length, last + 1));
  }
  for (let k = 0; k < vector.ids.length; k++) out[vector.ids[k]!] = vector.weights[k]!;
  return out;
}

function clear(vector: ArticleVector, dense: Float64Array): void {
  for (const id of vector.ids) dense[id] = 0;
}
