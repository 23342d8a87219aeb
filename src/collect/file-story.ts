// Filing one article under a story, inside the caller's transaction (which holds the story lock
// and has caught the index up): the clusterer decides, the store and the log record it, through
// the transaction's WriteBatch (the caller flushes it, then tells the index what the log holds).
// The article's row is written by the caller's `store`, told the story (and the article it nearly
// copies) before the log entry that needs the row: a new article is inserted with its story in
// one statement, since rewriting a stored row (its features are kilobytes) costs as much again.
import type { ArticleRow } from '../store/articles.ts';
import type { WriteBatch } from '../store/write-batch.ts';
import type { FilingFeatures, NearCopy, StoryIndex } from './story-index.ts';

export interface Filing {
  story: number;
  created: boolean;
  merged: number[];
  /** An earlier article of the story this one nearly copies (another outlet's copy of a wire story). */
  copyOf: number | null;
}

/** Writes the article's row with its story (and, for a near-copy, the article it copies). */
export type StoreFiled = (story: number, copy: NearCopy | null) => Promise<void>;

export async function fileUnderStory(
  writes: WriteBatch,
  index: StoryIndex,
  articleId: number,
  article: { title: string | null; published: string | null; filing: FilingFeatures },
  at: string,
  store: StoreFiled,
): Promise<Filing> {
  const assignment = index.assign(articleId, article.filing, article.published);
  // One-article stories the clusterer looked at again before deciding: logged first, as they happened.
  for (const c of assignment.consolidated ?? []) index.recorded(await writes.mergeStories(Number(c.into), c.stories.map(Number), c.reason, at));
  const story = Number(assignment.story);
  if (assignment.created) writes.createStory(story, article.title, article.published, at);
  const merged = assignment.merged ? assignment.merged.stories.map(Number) : [];
  if (assignment.merged) index.recorded(await writes.mergeStories(story, merged, assignment.merged.reason, at));
  const copy = assignment.created ? null : index.nearCopyIn(story, article.filing.sketch, articleId);
  await store(story, copy);
  writes.touchStory(story, article.published);
  const reason = assignment.created ? 'started the story' : `similarity ${assignment.similarity.toFixed(3)}`;
  writes.logAssign(story, articleId, assignment.similarity, reason, at);
  return { story, created: assignment.created, merged, copyOf: copy?.article ?? null };
}

/** An exact copy joins its original's story (once the original has one); `store` writes its row with that story. */
export async function fileCopy(
  writes: WriteBatch,
  articleId: number,
  original: ArticleRow,
  published: string | null,
  at: string,
  store: (story: number | null) => Promise<void>,
): Promise<number | null> {
  await store(original.story_id);
  if (original.story_id === null) return null;
  writes.touchStory(original.story_id, published);
  writes.logAssign(original.story_id, articleId, 1, `same text as article ${original.id}`, at);
  return original.story_id;
}
