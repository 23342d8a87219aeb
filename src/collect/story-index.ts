// The in-memory side of story clustering, kept in step with the store's story log: every process
// (an ingest run, each worker) replays the log it has not seen before deciding, so decisions made
// elsewhere are never contradicted and never repeated.
import type { Database } from '../store/database.ts';
import { currentAssignments, lastLogSeq, splits, storyLogSince } from '../store/stories.ts';
import { StoryClusterer, type Assignment } from '../stories/clusterer.ts';
import type { ArticleFeatures } from '../stories/features.ts';
import { clusterFeatures, type ClusterFeatures } from '../stories/hashed-features.ts';
import { containment, NEAR_COPY_CONTAINMENT, type Sketch } from '../stories/near-copy.ts';

/** An article's features as the store keeps them (JSON in articles.features). */
export interface StoredFeatures extends ArticleFeatures {
  sketch: Sketch;
}

/** What filing a new article needs: its hashed terms and names, its names (for a merge's reason) and its sketch. */
export interface FilingFeatures extends ClusterFeatures {
  sketch: Sketch;
}

export function filingFeatures(features: StoredFeatures): FilingFeatures {
  return { ...clusterFeatures(features), sketch: features.sketch };
}

/** Recent articles per story compared for near-copies; a wire copy arrives close to its original. */
const SKETCHES_PER_STORY = 40;
/**
 * Stories whose sketches are kept, the most recently joined: a copy arrives within days of its
 * original, and on a long stream the rest would only grow memory. 5,000 is weeks of a busy feed.
 */
export const SKETCHED_STORIES = 5000;

export interface NearCopy {
  article: number;
  containment: number;
}

export class StoryIndex {
  constructor(private readonly sketchedStories = SKETCHED_STORIES) {}

  private clusterer = new StoryClusterer();
  private sketches = new Map<number, { article: number; sketch: Sketch }[]>();
  private seq = 0;

  /** Replays the log entries this process has not seen. Call inside the transaction that decides. */
  async catchUp(db: Database): Promise<void> {
    for (;;) {
      const entries = await storyLogSince(db, this.seq);
      for (const entry of entries) {
        this.seq = Number(entry.seq);
        // An exact copy is stored without features: its original already counts for the story.
        if (entry.kind === 'assign' && entry.article_id !== null && entry.features) {
          const features = JSON.parse(entry.features) as StoredFeatures;
          this.clusterer.restore(String(entry.article_id), features, entry.published, String(entry.story_id));
          this.remember(Number(entry.story_id), Number(entry.article_id), features.sketch);
        } else if (entry.kind === 'split' || entry.kind === 'rebuild') {
          // Articles left their story (a split, or every story filed again): restore from where
          // every article is now (both are rare and made by a person).
          await this.rebuild(db);
          break;
        } else if (entry.kind === 'merge' && entry.stories) {
          const folded = (JSON.parse(entry.stories) as number[]).map(Number);
          this.clusterer.restoreMerge(String(entry.story_id), folded.map(String));
          this.fold(Number(entry.story_id), folded);
        }
      }
      if (entries.length === 0) return;
    }
  }

  /** Forgets everything and restores each article into the story it is in now, up to the log's end. */
  private async rebuild(db: Database): Promise<void> {
    this.clusterer = new StoryClusterer();
    this.sketches.clear();
    const seq = await lastLogSeq(db);
    for (const row of await currentAssignments(db)) {
      const features = JSON.parse(row.features) as StoredFeatures;
      this.clusterer.restore(String(row.id), features, row.published, String(row.story_id));
      this.remember(Number(row.story_id), Number(row.id), features.sketch);
    }
    // What a person split apart, the clusterer must not merge back.
    for (const [from, into] of await splits(db)) this.clusterer.keepApart(String(from), String(into));
    this.seq = seq;
  }

  /** Decides a new article's story (the caller writes the decision to the log, then calls `recorded`). */
  assign(articleId: number, features: FilingFeatures, published: string | null): Assignment {
    const assignment = this.clusterer.assign(String(articleId), features, published);
    for (const c of assignment.consolidated ?? []) this.fold(Number(c.into), c.stories.map(Number));
    const story = Number(assignment.story);
    if (assignment.merged) this.fold(story, assignment.merged.stories.map(Number));
    this.remember(story, articleId, features.sketch);
    return assignment;
  }

  /** The closest earlier article of the story that this one nearly copies, if any. */
  nearCopyIn(story: number, sketch: Sketch, except: number): NearCopy | null {
    let best: NearCopy | null = null;
    for (const other of this.sketches.get(story) ?? []) {
      if (other.article === except) continue;
      const share = containment(sketch, other.sketch);
      if (share >= NEAR_COPY_CONTAINMENT && (!best || share > best.containment)) best = { article: other.article, containment: share };
    }
    return best;
  }

  /** After the decision is in the log: this process has seen it. */
  recorded(seq: number): void {
    this.seq = Math.max(this.seq, seq);
  }

  private remember(story: number, article: number, sketch: Sketch | undefined): void {
    if (!sketch) return;
    const list = this.sketches.get(story) ?? [];
    list.push({ article, sketch });
    if (list.length > SKETCHES_PER_STORY) list.shift();
    // Re-inserted, so the map's order is by last article; the story longest without one goes first.
    this.sketches.delete(story);
    this.sketches.set(story, list);
    if (this.sketches.size > this.sketchedStories) this.sketches.delete(this.sketches.keys().next().value!);
  }

  private fold(into: number, stories: number[]): void {
    const list = this.sketches.get(into) ?? [];
    for (const from of stories) {
      list.push(...(this.sketches.get(from) ?? []));
      this.sketches.delete(from);
    }
    this.sketches.set(into, list.slice(-SKETCHES_PER_STORY));
  }
}
