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

  async close(): Promise<void> {
    this.behind.clear();
    await this.settled();
    return this.thread.close();
  }

  async get(id: number): Promise<StoryBrief> {
    const { story, json } = await this.json(id);
    return { story, brief: JSON.parse(json) as Brief };
  }

  /** Stories to brief when nothing else is being briefed, in the order asked. */
  private readonly behind = new Set<number>();
  private warming = false;

  /**
   * Briefs these stories behind the requests, one at a time on the brief thread, so the list can
   * show (and sort by) what their briefs find without anyone opening them first. A story already
   * being briefed, or queued, is not asked twice; a failure is left for when someone opens it.
   */
  warm(ids: Iterable<number>): void {
    for (const id of ids) this.behind.add(id);
    if (this.warming) return;
    this.warming = true;
    void (async () => {
      try {
        for (const id of this.behind) {
          this.behind.delete(id);
          await this.json(id).catch(() => undefined);
        }
      } finally {
        this.warming = false;
      }
    })();
  }

  /** Until every story asked to be warmed is briefed (tests; a server being stopped). */
  async settled(): Promise<void> {
    while (this.warming || this.pending.size) await new Promise((resolve) => setTimeout(resolve, 20));
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
