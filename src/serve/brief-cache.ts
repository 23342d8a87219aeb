// Story briefs for the server: from the store's cache when current, otherwise made once however
// many requests ask for the same story meanwhile, on a worker thread (a brief of a big story takes
// a while, and the server keeps answering other requests). A story whose articles changed since
// its last brief is answered with that brief at once while the new one is made behind it: only a
// story never briefed waits for its first.
import type { Database } from '../store/database.ts';
import { cachedStoryBriefJson, storedStoryBrief } from '../collect/story-briefs.ts';
import { resolveStory } from '../collect/story-brief.ts';
import type { Brief } from '../schema.ts';
import { BriefThread } from './brief-thread.ts';

/** `current`: made from the story's articles as they are; otherwise the last one made, a new one on its way. */
export type StoryBrief = { story: number; brief: Brief; current: boolean };
type StoryBriefJson = { story: number; json: string; current: boolean };

function parsed({ story, json, current }: StoryBriefJson): StoryBrief {
  return { story, brief: JSON.parse(json) as Brief, current };
}

export class BriefCache {
  private readonly pending = new Map<number, Promise<{ story: number; json: string }>>();
  /** Where missing briefs are made: off the server's event loop. */
  private readonly thread = new BriefThread();

  constructor(private readonly db: Database) {}

  close(): Promise<void> {
    return this.thread.close();
  }

  async get(id: number): Promise<StoryBrief> {
    return parsed(await this.json(id));
  }

  /**
   * The brief as get() gives it, unless the story was never briefed and its first brief is not made
   * within `waitMs`: then null, and the brief goes on being made (a page can say so and come back).
   */
  async within(id: number, waitMs: number): Promise<StoryBrief | null> {
    const story = await resolveStory(this.db, id);
    const stored = await storedStoryBrief(this.db, story);
    if (stored || waitMs === Number.POSITIVE_INFINITY) return parsed(await this.answer(story, stored));
    const making = this.make(story);
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), waitMs)));
    try {
      const made = await Promise.race([making, late]);
      if (made) return parsed({ ...made, current: true });
      making.catch(() => undefined); // goes on; a failure is tried again by the next request
      return null;
    } finally {
      clearTimeout(timer);
    }
  }

  /** The brief as the store keeps it, JSON: what the API sends as it is. */
  async json(id: number): Promise<StoryBriefJson> {
    const story = await resolveStory(this.db, id);
    return this.answer(story, await storedStoryBrief(this.db, story));
  }

  /** The stored brief when current; else the last one while a new one is made behind it; else the first, once made. */
  private async answer(story: number, stored: { json: string; current: boolean } | null): Promise<StoryBriefJson> {
    if (stored?.current) return { story, json: stored.json, current: true };
    const making = this.make(story);
    if (!stored) return { ...(await making), current: true };
    // Made behind the answer; a failure is tried again by the next request for the story.
    making.catch(() => undefined);
    return { story, json: stored.json, current: false };
  }

  private make(story: number): Promise<{ story: number; json: string }> {
    let making = this.pending.get(story);
    if (!making) {
      making = cachedStoryBriefJson(this.db, story, (inputs) => this.thread.make(inputs)).finally(() => this.pending.delete(story));
      this.pending.set(story, making);
    }
    return making;
  }
}
