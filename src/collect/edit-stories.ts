// A person's corrections to the clustering: merge stories that are one event, split off articles
// that are another. Each is written to the story log with the reason given, under the story lock,
// so every process replays it before its next decision.
import type { Database } from '../store/database.ts';
import { mergeStories, splitStory, storyById } from '../store/stories.ts';
import { lockStories } from './story-lock.ts';
import { resolveStory, StoryNotFound } from './story-brief.ts';

export async function mergeStoriesBy(db: Database, into: number, others: number[], reason: string): Promise<number> {
  return db.transaction(async (tx) => {
    await lockStories(tx);
    const target = await resolveStory(tx, into);
    const folded: number[] = [];
    for (const id of others) {
      const live = await resolveStory(tx, id);
      if (live !== target && !folded.includes(live)) folded.push(live);
    }
    if (!folded.length) throw new Error(`nothing to merge: those stories are already story ${target}`);
    await mergeStories(tx, target, folded, reason, new Date().toISOString());
    return target;
  });
}

export async function splitStoryBy(db: Database, story: number, articles: number[], reason: string): Promise<number> {
  return db.transaction(async (tx) => {
    await lockStories(tx);
    const found = await storyById(tx, story);
    if (!found) throw new StoryNotFound(`no story ${story} in ${db.location}`);
    if (found.merged_into !== null) throw new Error(`story ${story} was merged into story ${found.merged_into}; split that one`);
    return splitStory(tx, story, articles, reason, new Date().toISOString());
  });
}
