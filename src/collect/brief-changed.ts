// Briefs made at the end of an ingest, so the story list can show and sort by what each brief
// found without anyone opening the stories first. Bounded: only the stories the run changed, the
// biggest first, at most a given number; the rest are briefed when first viewed (or by workers).
import { placeholders, type Database } from '../store/database.ts';
import { cachedStoryBrief } from './story-briefs.ts';
import { resolveStory } from './story-brief.ts';

export interface ChangedBriefs {
  /** Live stories the run changed. */
  changed: number;
  /** Of those, briefed now (a current brief already stored counts too). */
  briefed: number;
  /** Briefs that failed; the ingest stands (the story is briefed when viewed). */
  failed: number;
}

/** Story ids looked up at once: well under every engine's limit on bound values. */
const CHUNK = 500;

export async function briefChangedStories(db: Database, stories: Iterable<number>, limit: number, onStory?: () => void): Promise<ChangedBriefs> {
  const live = new Set<number>();
  for (const id of new Set(stories)) live.add(await resolveStory(db, id));
  const ids = [...live];
  const sizes = new Map<number, number>();
  for (let i = 0; i < ids.length; i += CHUNK) {
    const chunk = ids.slice(i, i + CHUNK);
    const rows = await db.all<{ story_id: number; n: number }>(`SELECT story_id, COUNT(*) AS n FROM articles WHERE story_id IN (${placeholders(chunk.length)}) GROUP BY story_id`, chunk);
    for (const r of rows) sizes.set(Number(r.story_id), Number(r.n));
  }
  const chosen = ids.sort((a, b) => (sizes.get(b) ?? 0) - (sizes.get(a) ?? 0) || a - b).slice(0, limit);
  let briefed = 0;
  let failed = 0;
  for (const id of chosen) {
    try {
      await cachedStoryBrief(db, id);
      briefed++;
    } catch {
      failed++;
    }
    onStory?.();
  }
  return { changed: ids.length, briefed, failed };
}
