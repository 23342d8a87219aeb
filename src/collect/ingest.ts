// `corroborate ingest`: inputs → the store, each article in a story. Articles are cleaned outside
// any transaction; a batch of them is then stored and clustered in one transaction, so a crash
// leaves whole batches or nothing, and running the same ingest again stores nothing new.
import type { Database } from '../store/database.ts';
import { InputError, readInputs, type ReadInputsOptions } from '../ingest/index.ts';
import type { RawInput } from '../ingest/raw-input.ts';
import { firstLine } from '../ingest/network-errors.ts';
import { articleBySourceAndHash, firstArticleWithHash, insertArticle, insertContent } from '../store/articles.ts';
import { fileCopy, fileUnderStory } from './file-story.ts';
import { contentHash, prepareArticle, type PreparedArticle } from './prepare.ts';
import { StoryIndex } from './story-index.ts';
import { lockStories } from './story-lock.ts';

export type IngestStatus = 'added' | 'copy' | 'unchanged';

export interface IngestOutcome {
  source: string;
  status: IngestStatus;
  article: number;
  story: number | null;
  /** The new article started its story. */
  created: boolean;
  /** Stored as another outlet's copy of this article (same or nearly the same text). */
  copyOf: number | null;
  merged: number[];
}

export interface IngestSummary {
  read: number;
  added: number;
  copies: number;
  nearCopies: number;
  unchanged: number;
  rejected: number;
  storiesCreated: number;
  merges: number;
}

export interface IngestOptions extends ReadInputsOptions {
  /** Articles stored per transaction (default 200). */
  batchSize?: number;
  /** Stop at the first input that cannot be used (after storing what was read before it). */
  strict?: boolean;
  onInputError?: (error: InputError) => void;
  onArticle?: (outcome: IngestOutcome) => void;
}

const DEFAULT_BATCH = 200;

/**
 * The usable inputs, counted in `summary`; the rejected ones are counted and reported. The store,
 * not the reader, decides what is a duplicate: the same text from another source is another
 * outlet of the report. With `strict`, the first rejected input stops the run after `beforeStop`.
 */
export async function* inputsForStore(specs: string[], options: IngestOptions, summary: IngestSummary, beforeStop: () => Promise<void>): AsyncGenerator<RawInput> {
  for await (const item of readInputs(specs, { ...options, keepDuplicates: true })) {
    if (item instanceof InputError) {
      summary.rejected++;
      options.onInputError?.(item);
      if (options.strict) {
        await beforeStop();
        throw item;
      }
      continue;
    }
    summary.read++;
    yield item;
  }
}

export function emptySummary(): IngestSummary {
  return { read: 0, added: 0, copies: 0, nearCopies: 0, unchanged: 0, rejected: 0, storiesCreated: 0, merges: 0 };
}

export async function ingest(db: Database, specs: string[], options: IngestOptions = {}): Promise<IngestSummary> {
  const summary = emptySummary();
  const writer = new ArticleWriter(db);
  let batch: (PreparedArticle | RawInput)[] = [];
  const flush = async () => {
    if (!batch.length) return;
    for (const outcome of await writer.write(batch)) {
      count(summary, outcome);
      options.onArticle?.(outcome);
    }
    batch = [];
  };
  for await (const input of inputsForStore(specs, options, summary, flush)) {
    batch.push(await prepareUnlessStored(db, input, options));
    if (batch.length >= (options.batchSize ?? DEFAULT_BATCH)) await flush();
  }
  await flush();
  return summary;
}

/** A source already stored with this content is not cleaned again (re-ingest is cheap). */
async function prepareUnlessStored(db: Database, input: RawInput, options: IngestOptions): Promise<PreparedArticle | RawInput> {
  const hash = contentHash(input.content);
  if (await articleBySourceAndHash(db, input.source, hash)) return input;
  try {
    return prepareArticle(input, hash);
  } catch (error) {
    // A bug in cleaning one input must not stop the others; it is reported and not stored.
    options.onInputError?.(new InputError(input.source, `could not be cleaned (${firstLine(error).slice(0, 200)})`));
    return input;
  }
}

function count(summary: IngestSummary, outcome: IngestOutcome): void {
  if (outcome.status === 'unchanged') summary.unchanged++;
  else if (outcome.status === 'copy') summary.copies++;
  else {
    summary.added++;
    if (outcome.copyOf !== null) summary.nearCopies++;
  }
  if (outcome.created) summary.storiesCreated++;
  if (outcome.merged.length) summary.merges++;
}

/** Stores prepared articles and files each under a story, a batch per transaction. */
export class ArticleWriter {
  private index = new StoryIndex();

  constructor(private readonly db: Database) {}

  async write(batch: (PreparedArticle | RawInput)[]): Promise<IngestOutcome[]> {
    try {
      return await this.db.transaction(async (tx) => {
        await lockStories(tx);
        await this.index.catchUp(tx);
        const outcomes: IngestOutcome[] = [];
        for (const item of batch) {
          const outcome = 'features' in item ? await this.writeOne(tx, item) : await this.unchanged(tx, item);
          if (outcome) outcomes.push(outcome);
        }
        return outcomes;
      });
    } catch (error) {
      // The transaction is gone, and the index may hold decisions it never stored: start again from the log.
      this.index = new StoryIndex();
      throw error;
    }
  }

  private async unchanged(tx: Database, input: RawInput): Promise<IngestOutcome | null> {
    const row = await articleBySourceAndHash(tx, input.source, contentHash(input.content));
    // Not stored and not preparable (its cleaning failed and was reported): nothing to say.
    if (!row) return null;
    return { source: input.source, status: 'unchanged', article: row.id, story: row.story_id, created: false, copyOf: row.copy_of, merged: [] };
  }

  private async writeOne(tx: Database, article: PreparedArticle): Promise<IngestOutcome> {
    const { input } = article;
    const at = new Date().toISOString();
    const stored = await articleBySourceAndHash(tx, input.source, article.hash);
    if (stored) return { source: input.source, status: 'unchanged', article: stored.id, story: stored.story_id, created: false, copyOf: stored.copy_of, merged: [] };

    const original = await firstArticleWithHash(tx, article.hash);
    const base = { source: input.source, hash: article.hash, hints: input.hints, docId: article.docId, outlet: article.outlet, title: article.title, published: article.published };
    if (original) {
      // The same text again from another source: stored once, one more outlet for the report.
      const id = await insertArticle(tx, { ...base, features: null, copyOf: original.id, copySimilarity: 1 }, at);
      const story = await fileCopy(tx, this.index, id, original, article.published, at);
      return { source: input.source, status: 'copy', article: id, story, created: false, copyOf: original.id, merged: [] };
    }

    await insertContent(tx, article.hash, input.format, input.content);
    const id = await insertArticle(tx, { ...base, features: article.features, copyOf: null, copySimilarity: null }, at);
    const filing = await fileUnderStory(tx, this.index, id, article, at);
    return { source: input.source, status: 'added', article: id, ...filing };
  }
}
