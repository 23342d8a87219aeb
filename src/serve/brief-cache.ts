// Story briefs for the server: from the store's cache when current, otherwise made once however
// many requests ask for the same story meanwhile, on a worker thread (a brief of a big story takes
// a while, and the server keeps answering other requests).
import type { Database } from '../store/database.ts';
import { cachedStoryBriefJson } from '../collect/story-briefs.ts';
import { resolveStory } from '../collect/story-brief.ts';
import type { Brief } from '../schema.ts';
import { BriefThread } from './brief-thread.ts';

export type StoryBrief = { story: number; brief: Brief };

export class BriefCache {
  private readonly pending = new Map<number, Promise<{ story: number; json: string }>>();
  /** Where missing briefs are made: off the server's event loop. */
  private readonly thread = new BriefThread();

  constructor(private readonly db: Database) {}

  close(): Promise<void> {
    return this.thread.close();
  }

  async get(id: number): Promise<StoryBrief> {
    const { story, json } = await this.json(id);
    return { story, brief: JSON.parse(json) as Brief };
  }

  /** The brief as the store keeps it, JSON: what the API sends as it is. */
  async json(id: number): Promise<{ story: number; json: string }> {
    const story = await resolveStory(this.db, id);
    let making = this.pending.get(story);
    if (!making) {
      making = cachedStoryBriefJson(this.db, story, (inputs) => this.thread.make(inputs)).finally(() => this.pending.delete(story));
      this.pending.set(story, making);
    }
    return making;
  }
}
