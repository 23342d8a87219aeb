// Online story clustering: each new article joins the story it is most like, or starts one.
// Likeness is the cosine of tf-idf terms (what happened) blended with the cosine of names (to
// whom, where): two earthquakes share their words, not their places. Candidates come from an
// inverted index over each story's heaviest terms and names. A dated article is compared only with
// stories whose dates lie within the window of its own date, before or after, whatever arrived
// last: an archive ingested out of date order forms the same stories as one in order. Stories
// that gained no article over many arrivals leave the index, so one decision costs about the same
// on the 100,000th article as on the 100th. Old assignments never move, except by a recorded merge:
// of stories an article is close to, or of a one-article story given a second look once a hundred
// more articles have come (a strict first decision errs towards starting a story; by then the idf
// and the other stories know more).
import type { ArticleFeatures } from './features.ts';
import { clusterFeatures, type ClusterFeatures } from './hashed-features.ts';
import { articleVector, Profile, SlotWeights, topPositions, type ArticleVector } from './profile.ts';
import { StoryHits, StoryPostings } from './story-postings.ts';
import { Vocabulary } from './vocabulary.ts';
import { DisjointSets } from '../util/disjoint-sets.ts';
import { wordPrior } from './word-prior.ts';
import { grown } from '../util/grown.ts';

export interface Assignment {
  /** Story id: the id of the article that started it. */
  story: string;
  created: boolean;
  /** To the story joined (0 when created). */
  similarity: number;
  /** Stories folded into `story` by this article, with a human-readable reason. */
  merged?: { stories: string[]; reason: string };
  /**
   * Folds made before this article was decided: a story started by one article, looked at again
   * once `recheckAfter` more had come, found close to another story.
   */
  consolidated?: Consolidation[];
}

export interface Consolidation {
  into: string;
  stories: string[];
  reason: string;
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
  /**
   * A dated article is compared only with stories whose dated articles span to within this many
   * days of its own date (before or after); undated articles and stories are not windowed.
   */
  windowDays: number;
  /**
   * A story that gained no article over this many arrivals leaves the index and its profile is
   * dropped: memory and look-ups stay bounded on an endless stream. Far above a backfill's reach
   * back in practice, so the order of arrival barely matters.
   */
  retireAfter: number;
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
  /** log2 of the hashed term slots per vocabulary (terms, names); see vocabulary.ts. */
  hashBits: number;
  /** Documents the idf counts as seen before the stream (see vocabulary.ts): steadies the first decisions. */
  idfPrior: number;
  /** Whether those documents hold words as often as news at large does (word-prior.ts); else none. */
  wordPrior: boolean;
  /**
   * A story started by one article is looked at again once this many more articles have come (the
   * idf and the other stories know more by then), and folded into the story most like it when
   * their similarity reaches `recheckThreshold`. 0: never.
   */
  recheckAfter: number;
  recheckThreshold: number;
}

/** Chosen on the odd-numbered topics of ECB+ (see bench/cluster-ecbplus.ts --tune). */
export const DEFAULT_CLUSTER_OPTIONS: ClusterOptions = {
  // A strict first decision, and a second look at what it left alone (recheckAfter), chosen
  // watching both halves of ECB+: through ingest in seven arrival orders (scripts/eval-stories.ts)
  // mean F1 0.869 -> 0.888, worst 0.853 -> 0.877; held-out half, 10 shuffles, 0.877 -> 0.899.
  threshold: 0.35,
  nameWeight: 0.5,
  mergeThreshold: 0.3,
  storyMergeThreshold: 0.5,
  windowDays: 14,
  retireAfter: 20_000,
  profileTerms: 150,
  profileNames: 40,
  indexTerms: 20,
  indexNames: 10,
  queryTerms: 20,
  queryNames: 10,
  maxPostings: 100,
  maxCandidates: 15,
  hashBits: 18,
  // Worth about a day of a busy feed: the stream's own frequencies take over within hours. With
  // no word prior, 30 kept the examples and the seeds one story each from their first article on.
  idfPrior: 300,
  wordPrior: true,
  recheckAfter: 100,
  recheckThreshold: 0.3,
};

const DAY_MS = 86_400_000;

/** Whether a logged merge reason is the clusterer's (see mergeReason), not a person's free text. */
export function isClustererMergeReason(reason: string): boolean {
  return /^(article|story) "[^"]+" (\(one article\) )?is close to /.test(reason);
}

interface Story {
  id: string;
  size: number;
  terms: Profile;
  names: Profile;
  /** What it is posted under in the index, to take it out again. */
  postedTerms: number[];
  postedNames: number[];
  /** In the candidate index (not merged away, not retired). */
  live: boolean;
  /** The arrival (article count) at which it last gained an article. */
  lastArrival: number;
}

interface Scored {
  story: number;
  similarity: number;
}

export class StoryClusterer {
  readonly options: ClusterOptions;
  private readonly termVocabulary: Vocabulary;
  private readonly nameVocabulary: Vocabulary;
  private readonly termIndex: StoryPostings;
  private readonly nameIndex: StoryPostings;
  private readonly stories: Story[] = [];
  /** Story numbers; a folded story joins the set of the one it was folded into, which stays the root. */
  private readonly storySets = new DisjointSets();
  private readonly storyNumbers = new Map<string, number>();
  private readonly articleStories = new Map<string, number>();
  /**
   * Stories in the order they last gained an article, as (arrival, story) pairs from `head` on;
   * an entry whose story gained another article since is stale and skipped when reached.
   */
  private readonly arrivalQueue: number[] = [];
  private head = 0;
  private arrivals = 0;
  /** (arrival due, story) pairs from `recheckHead` on: one-article stories to look at again (see `recheckAfter`). */
  private readonly rechecks: number[] = [];
  private recheckHead = 0;
  /** Story id pairs ("a|b", both ways) never to be merged. */
  private readonly apart = new Set<string>();
  /** The article being decided, by slot, for comparing it with its candidates. */
  private readonly termWeights = new SlotWeights();
  private readonly nameWeights = new SlotWeights();
  /** Index hits per candidate story, reused by every look-up. */
  private readonly lookup = new StoryHits();
  /**
   * Per story number, the dates (ms) of its first and last dated articles, NaN while it has none:
   * typed arrays, so the window check over a look-up's hundreds of hit stories reads a few cache
   * lines rather than a story object each.
   */
  private first = new Float64Array(1024);
  private last = new Float64Array(1024);

  constructor(options: Partial<ClusterOptions> = {}) {
    this.options = { ...DEFAULT_CLUSTER_OPTIONS, ...options };
    const prior = this.options.wordPrior && this.options.idfPrior > 0 ? wordPrior() : null;
    this.termVocabulary = new Vocabulary(this.options.hashBits, this.options.idfPrior, prior?.terms);
    this.nameVocabulary = new Vocabulary(this.options.hashBits, this.options.idfPrior, prior?.names);
    this.termIndex = new StoryPostings(this.options.maxPostings);
    this.nameIndex = new StoryPostings(this.options.maxPostings);
  }

  /** Decide where a new article goes; updates the in-memory state. `published` is an ISO date or null. */
  assign(articleId: string, article: ArticleFeatures | ClusterFeatures, published: string | null): Assignment {
    const features = 'hashed' in article ? article : clusterFeatures(article);
    const date = dateOf(published);
    this.retire();
    const consolidated = this.recheck(true);
    const terms = articleVector(features.hashed.terms, this.termVocabulary);
    const names = articleVector(features.hashed.names, this.nameVocabulary);
    const scored = this.score(terms, names, date);
    const best = scored[0];
    if (!best || best.similarity < this.options.threshold) {
      const story = this.startStory(articleId);
      this.addArticle(story, articleId, terms, names, date);
      this.rechecks.push(this.arrivals + this.options.recheckAfter, story);
      return { story: articleId, created: true, similarity: 0, ...(consolidated.length > 0 && { consolidated }) };
    }
    const linked = scored
      .slice(1)
      .filter((s) => s.similarity >= this.options.mergeThreshold && !this.keptApart(best.story, s.story) && this.storySimilarity(best.story, s.story) >= this.options.storyMergeThreshold);
    let story = best.story;
    let merged: Assignment['merged'];
    if (linked.length > 0) {
      const all = [best, ...linked];
      story = this.survivor(all.map((s) => s.story));
      const folded = all.filter((s) => s.story !== story);
      merged = { stories: folded.map((s) => this.stories[s.story]!.id), reason: this.mergeReason(articleId, features, story, all) };
      this.fold(
        story,
        folded.map((s) => s.story),
      );
    }
    this.addArticle(story, articleId, terms, names, date);
    const assignment: Assignment = { story: this.stories[story]!.id, created: false, similarity: best.similarity };
    if (merged) assignment.merged = merged;
    if (consolidated.length > 0) assignment.consolidated = consolidated;
    return assignment;
  }

  /**
   * Replay an assignment recorded earlier (restoring state from the store) without deciding
   * anything: the second looks due now were taken when it was decided (their folds are in the log).
   */
  restore(articleId: string, article: ArticleFeatures | ClusterFeatures, published: string | null, story: string): void {
    this.recheck(false);
    this.place(articleId, article, published, story);
  }

  /**
   * Files an article under a story decided elsewhere (a person's), taking the second looks due now;
   * their folds show through `storyOf`.
   */
  join(articleId: string, article: ArticleFeatures | ClusterFeatures, published: string | null, story: string): void {
    this.recheck(true);
    this.place(articleId, article, published, story);
  }

  private place(articleId: string, article: ArticleFeatures | ClusterFeatures, published: string | null, story: string): void {
    const { hashed } = 'hashed' in article ? article : clusterFeatures(article);
    const date = dateOf(published);
    this.retire();
    const terms = articleVector(hashed.terms, this.termVocabulary);
    const names = articleVector(hashed.names, this.nameVocabulary);
    const known = this.storyNumbers.get(story);
    const number = known === undefined ? this.startStory(story) : this.storySets.find(known);
    this.addArticle(number, articleId, terms, names, date);
    if (known === undefined) this.rechecks.push(this.arrivals + this.options.recheckAfter, number);
  }

  /**
   * The one-article stories whose second look is due: each is folded into the live story most like
   * it when they are close enough (`act`), or passed over (a replay, where the log holds the folds).
   */
  private recheck(act: boolean): Consolidation[] {
    const done: Consolidation[] = [];
    const queue = this.rechecks;
    while (this.recheckHead < queue.length && queue[this.recheckHead]! <= this.arrivals) {
      const number = queue[this.recheckHead + 1]!;
      this.recheckHead += 2;
      const story = this.stories[number]!;
      if (!act || this.options.recheckAfter <= 0 || !story.live || story.size !== 1) continue;
      const closest = this.closestStory(number);
      if (!closest || closest.similarity < this.options.recheckThreshold) continue;
      const into = this.survivor([closest.story, number]);
      const folded = into === number ? closest.story : number;
      done.push({
        into: this.stories[into]!.id,
        stories: [this.stories[folded]!.id],
        reason: `story "${story.id}" (one article) is close to "${this.stories[closest.story]!.id}" (similarity ${closest.similarity.toFixed(2)}) once ${this.options.recheckAfter} more articles have come; folded into "${this.stories[into]!.id}"`,
      });
      this.fold(into, [folded]);
    }
    if (this.recheckHead > 1024 && this.recheckHead * 2 > queue.length) {
      queue.splice(0, this.recheckHead);
      this.recheckHead = 0;
    }
    return done;
  }

  /** Of the stories the last look-up hit that `keep` takes, the `maxCandidates` it hit hardest. */
  private mostHit(keep: (story: number) => boolean): number[] {
    const found = this.lookup;
    const stories: number[] = [];
    const hits: number[] = [];
    for (const story of found.stories) {
      if (!keep(story)) continue;
      stories.push(story);
      hits.push(found.sum(story));
    }
    return topPositions(hits, this.options.maxCandidates).map((k) => stories[k]!);
  }

  /** The live story, other than `number` and within its dates' window, whose profile is most like its own. */
  private closestStory(number: number): Scored | null {
    const story = this.stories[number]!;
    const found = this.lookup;
    found.clear();
    // Posted ids are the profile's heaviest: each counts one hit.
    for (const [index, ids] of [
      [this.termIndex, story.postedTerms],
      [this.nameIndex, story.postedNames],
    ] as const) {
      const all = ids.map((_, k) => k);
      index.gather(
        ids,
        all.map(() => 1),
        all,
        found,
      );
    }
    let best: Scored | null = null;
    for (const other of this.mostHit((s) => s !== number && this.datesMeet(number, s) && !this.keptApart(number, s))) {
      const similarity = this.storySimilarity(number, other);
      if (!best || similarity > best.similarity || (similarity === best.similarity && other < best.story)) best = { story: other, similarity };
    }
    return best;
  }

  /** Replay a recorded merge. */
  restoreMerge(into: string, stories: string[]): void {
    const target = this.storyNumbers.get(into);
    if (target === undefined) return;
    const survivor = this.storySets.find(target);
    const folded = stories
      .map((id) => this.storyNumbers.get(id))
      .filter((n): n is number => n !== undefined)
      .map((n) => this.storySets.find(n));
    this.fold(
      survivor,
      [...new Set(folded)].filter((n) => n !== survivor),
    );
  }

  /** Never fold these two stories into each other (a person split them): the clusterer may not undo it. */
  keepApart(a: string, b: string): void {
    this.apart.add(`${a}|${b}`);
    this.apart.add(`${b}|${a}`);
  }

  private keptApart(a: number, b: number): boolean {
    return this.apart.size > 0 && this.apart.has(`${this.stories[a]!.id}|${this.stories[b]!.id}`);
  }

  storyOf(articleId: string): string | undefined {
    const number = this.articleStories.get(articleId);
    return number === undefined ? undefined : this.stories[this.storySets.find(number)]!.id;
  }

  /** Stories scored against the article, most similar first. */
  private score(terms: ArticleVector, names: ArticleVector, date: number): Scored[] {
    const o = this.options;
    const found = this.lookup;
    found.clear();
    this.termIndex.gather(terms.ids, terms.weights, topPositions(terms.weights, o.queryTerms), found);
    this.nameIndex.gather(names.ids, names.weights, topPositions(names.weights, o.queryNames), found);
    if (found.stories.length === 0) return [];
    const candidates = this.mostHit((story) => this.inWindow(story, date));
    const termWeights = this.termWeights.fill(terms.ids, terms.weights);
    const nameWeights = this.nameWeights.fill(names.ids, names.weights);
    const scored = candidates.map((story) => ({ story, similarity: this.similarity(story, termWeights, nameWeights, names.ids.length > 0) }));
    termWeights.clear();
    nameWeights.clear();
    return scored.sort((a, b) => b.similarity - a.similarity || a.story - b.story);
  }

  /** The spread article against one story. Without names on either side, the terms decide alone. */
  private similarity(number: number, termWeights: SlotWeights, nameWeights: SlotWeights, articleHasNames: boolean): number {
    const story = this.stories[number]!;
    const text = story.terms.cosineWithArticle(termWeights);
    if (!articleHasNames || story.names.ids.length === 0) return text;
    const names = story.names.cosineWithArticle(nameWeights);
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

  /** Whether two stories' dated articles come within the window of each other (or either has none). */
  private datesMeet(a: number, b: number): boolean {
    if (Number.isNaN(this.last[a]!) || Number.isNaN(this.last[b]!)) return true;
    const window = this.options.windowDays * DAY_MS;
    return this.first[b]! - this.last[a]! <= window && this.first[a]! - this.last[b]! <= window;
  }

  private inWindow(number: number, date: number): boolean {
    const last = this.last[number]!;
    if (Number.isNaN(date) || Number.isNaN(last)) return true;
    const window = this.options.windowDays * DAY_MS;
    return date - last <= window && this.first[number]! - date <= window;
  }

  /** Takes out of the index the stories that gained no article over the last `retireAfter` arrivals. */
  private retire(): void {
    const queue = this.arrivalQueue;
    const cutoff = this.arrivals - this.options.retireAfter;
    while (this.head < queue.length && queue[this.head]! < cutoff) {
      const arrival = queue[this.head]!;
      const number = queue[this.head + 1]!;
      this.head += 2;
      const story = this.stories[number]!;
      // A stale entry: the story gained an article since (its newer entry is further on).
      if (!story.live || story.lastArrival !== arrival) continue;
      this.unpost(number);
      // Its profile is no longer needed for decisions; dropping it keeps memory bounded.
      story.terms.clear();
      story.names.clear();
    }
    // Drop the consumed front now and then, so the queue holds about the live entries only.
    if (this.head > 1024 && this.head * 2 > queue.length) {
      queue.splice(0, this.head);
      this.head = 0;
    }
  }

  /** Marks a story as having gained an article now. */
  private touch(number: number): void {
    const story = this.stories[number]!;
    story.lastArrival = this.arrivals;
    this.arrivalQueue.push(this.arrivals, number);
  }

  private startStory(id: string): number {
    const number = this.storySets.add();
    this.stories.push({
      id,
      size: 0,
      terms: new Profile(),
      names: new Profile(),
      postedTerms: [],
      postedNames: [],
      live: false,
      lastArrival: -1,
    });
    this.storyNumbers.set(id, number);
    if (number >= this.last.length) {
      this.first = grown(this.first, number + 1);
      this.last = grown(this.last, number + 1);
    }
    this.first[number] = NaN;
    this.last[number] = NaN;
    return number;
  }

  private addArticle(number: number, articleId: string, terms: ArticleVector, names: ArticleVector, date: number): void {
    const story = this.stories[number]!;
    story.size++;
    this.arrivals++;
    this.touch(number);
    this.articleStories.set(articleId, number);
    this.termVocabulary.observe(terms.ids);
    this.nameVocabulary.observe(names.ids);
    story.terms.add(terms.ids, terms.shares, this.termVocabulary);
    story.names.add(names.ids, names.shares, this.nameVocabulary);
    if (!Number.isNaN(date)) {
      const { first, last } = this;
      first[number] = Number.isNaN(first[number]!) ? date : Math.min(first[number]!, date);
      last[number] = Number.isNaN(last[number]!) ? date : Math.max(last[number]!, date);
    }
    this.repost(number);
  }

  /** Folds `others` into `into`: profiles summed, dates widened, articles follow through `storySets`. */
  private fold(into: number, others: readonly number[]): void {
    const target = this.stories[into]!;
    for (const number of others) {
      const story = this.stories[number]!;
      this.unpost(number);
      this.storySets.merge(into, number);
      target.size += story.size;
      target.terms.add(story.terms.ids, story.terms.mass, this.termVocabulary);
      target.names.add(story.names.ids, story.names.mass, this.nameVocabulary);
      story.terms.clear();
      story.names.clear();
      const { first, last } = this;
      if (!Number.isNaN(last[number]!)) {
        first[into] = Number.isNaN(first[into]!) ? first[number]! : Math.min(first[into]!, first[number]!);
        if (Number.isNaN(last[into]!) || last[number]! > last[into]!) last[into] = last[number]!;
      }
    }
    this.touch(into);
    this.repost(into);
  }

  /** Prunes the profile and posts the story under its current heaviest terms and names. */
  private repost(number: number): void {
    const o = this.options;
    const story = this.stories[number]!;
    this.unpost(number);
    story.terms.refresh(o.profileTerms, this.termVocabulary);
    story.names.refresh(o.profileNames, this.nameVocabulary);
    story.postedTerms = story.terms.top(o.indexTerms);
    story.postedNames = story.names.top(o.indexNames);
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

  private mergeReason(articleId: string, features: ClusterFeatures, into: number, linked: readonly Scored[]): string {
    const parts = linked.map((s) => `"${this.stories[s.story]!.id}" (similarity ${s.similarity.toFixed(2)})`).join(' and ');
    const shared = this.sharedNames(
      features,
      linked.map((s) => s.story),
    );
    const names = shared.length > 0 ? `, naming ${shared.map((n) => `"${n}"`).join(', ')} as all of them do` : '';
    return `article "${articleId}" is close to ${parts}${names}, and the stories are close to each other; folded into "${this.stories[into]!.id}"`;
  }

  /** The article's names (most mentioned first, at most five) that every one of the stories carries too. */
  private sharedNames(features: ClusterFeatures, numbers: readonly number[]): string[] {
    const profiles = numbers.map((n) => new Set(this.stories[n]!.names.ids));
    return Object.entries(features.names())
      .filter(([name]) => profiles.every((ids) => ids.has(this.nameVocabulary.id(name))))
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
      .slice(0, 5)
      .map(([name]) => name);
  }
}

function dateOf(published: string | null): number {
  return published ? Date.parse(published) : NaN;
}
