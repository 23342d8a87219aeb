// The brief of one stored story: its reports cleaned again from the stored inputs, exactly as a
// brief of the files themselves would clean them, so every span is the same.
import type { Database } from '../store/database.ts';
import { articlesOfStory, rawInputsOf } from '../store/articles.ts';
import { storyById } from '../store/stories.ts';
import { cleanDocument } from '../clean/index.ts';
import { briefDocuments } from '../pipeline/run.ts';
import type { Brief, CleanDocument } from '../schema.ts';
import { firstLine } from '../ingest/network-errors.ts';
import type { RawInput } from '../ingest/raw-input.ts';

/** A brief compares every pair of reports somewhere; beyond this many it takes the earliest. */
export const MAX_BRIEF_REPORTS = 40;

export class StoryNotFound extends Error {}

/** The live story an id names: a story merged into another answers with the one it joined. */
export async function resolveStory(db: Database, id: number): Promise<number> {
  let current = id;
  for (let hops = 0; hops < 100; hops++) {
    const story = await storyById(db, current);
    if (!story) throw new StoryNotFound(`no story ${id} in ${db.location} (run "corroborate stories" to list them)`);
    if (story.merged_into === null) return current;
    current = Number(story.merged_into);
  }
  throw new Error(`story ${id}: merge chain too long`);
}

export async function briefStory(db: Database, id: number): Promise<Brief> {
  return briefOfInputs(await storyInputs(db, id));
}

/** The stored inputs of a story's reports, one per distinct text, at most MAX_BRIEF_REPORTS. */
export async function storyInputs(db: Database, id: number): Promise<RawInput[]> {
  const story = await resolveStory(db, id);
  const articles = await articlesOfStory(db, story);
  // Exact copies have the same document id as their original: one document per text.
  const hashes = new Set<string>();
  const reports = articles.filter((a) => !hashes.has(a.hash) && hashes.add(a.hash)).slice(0, MAX_BRIEF_REPORTS);
  return rawInputsOf(
    db,
    reports.map((a) => a.id),
  );
}

/** The brief of stored inputs: cleaned again, then briefed (all CPU: a server runs it off its event loop). */
export function briefOfInputs(inputs: readonly RawInput[]): Brief {
  const documents: CleanDocument[] = [];
  const rejected: Brief['rejected'] = [];
  for (const input of inputs) {
    try {
      documents.push(cleanDocument(input));
    } catch (error) {
      rejected.push({ source: input.source, reason: `could not be cleaned (${firstLine(error).slice(0, 200)})` });
    }
  }
  return briefDocuments(documents, undefined, rejected);
}
