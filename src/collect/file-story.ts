// Filing one stored article under a story, inside the caller's transaction (which holds the story
// lock and has caught the index up): the clusterer decides, the store and the log record it.
import type { Database } from '../store/database.ts';
import { setArticleStory, type ArticleRow } from '../store/articles.ts';
import { createStory, logAssign, mergeStories, touchStory } from '../store/stories.ts';
import type { StoryIndex, StoredFeatures } from './story-index.ts';

export interface Filing {
  story: number;
  created: boolean;
  merged: number[];
  /** An earlier article of the story this one nearly copies (another outlet's copy of a wire story). */
  copyOf: number | null;
}

export async function fileUnderStory(
  tx: Database,
  index: StoryIndex,
  articleId: number,
  article: { title: string | null; published: string | null; features: StoredFeatures },
  at: string,
): Promise<Filing> {
  const assignment = index.assign(articleId, article.features, article.published);
  const story = Number(assignment.story);
  if (assignment.created) await createStory(tx, story, article.title, article.published, at);
  const merged = assignment.merged ? assignment.merged.stories.map(Number) : [];
  if (assignment.merged) index.recorded(await mergeStories(tx, story, merged, assignment.merged.reason, at));
  await setArticleStory(tx, articleId, story);
  await touchStory(tx, story, article.published);
  const reason = assignment.created ? 'started the story' : `similarity ${assignment.similarity.toFixed(3)}`;
  index.recorded(await logAssign(tx, story, articleId, assignment.similarity, reason, at));

  const copy = assignment.created ? null : index.nearCopyIn(story, article.features.sketch, articleId);
  if (copy) await tx.run('UPDATE articles SET copy_of = $1, copy_similarity = $2 WHERE id = $3', [copy.article, copy.containment, articleId]);
  return { story, created: assignment.created, merged, copyOf: copy?.article ?? null };
}

/** An exact copy joins its original's story (once the original has one). */
export async function fileCopy(tx: Database, index: StoryIndex, articleId: number, original: ArticleRow, published: string | null, at: string): Promise<number | null> {
  if (original.story_id === null) return null;
  await setArticleStory(tx, articleId, original.story_id);
  await touchStory(tx, original.story_id, published);
  index.recorded(await logAssign(tx, original.story_id, articleId, 1, `same text as article ${original.id}`, at));
  return original.story_id;
}
