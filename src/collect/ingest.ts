// `corroborate ingest`: inputs → the store, each article in a story. Articles are cleaned outside
// any transaction, on prepare threads as well as the main thread (prepare-pool.ts), the next
// batches while this one is stored; a batch is stored and clustered in input order in one
// transaction, so a crash leaves whole batches or nothing, and running the same ingest again
// stores nothing new. An input the store holds already, from its source or (an exact copy) from
// another prepared as this one would be, is not cleaned: the hash of its decoded content is asked
// of the store first, 64 inputs to a query (StoredContents in articles.ts). A batch reads what the
// store holds of its contents in one query and writes its rows a table at a time
// (known-articles.ts, write-batch.ts): on PostgreSQL each statement is a round trip.
import type { Database } from '../store/database.ts';
import { InputError, readInputs, type ReadInputsOptions } from '../ingest/index.ts';
import type { RawInput } from '../ingest/raw-input.ts';
import { firstLine } from '../ingest/network-errors.ts';
import { ArticleIds, articleValues, StoredContents, type ArticleRow, type StoredOriginal } from '../store/articles.ts';
import { KnownArticles } from '../store/known-articles.ts';
import { WriteBatch } from '../store/write-batch.ts';
import { fileCopy, fileUnderStory } from './file-story.ts';
import { defaultPrepareThreads, Preparer } from './prepare-pool.ts';
import { addressSite, contentHash, type PreparedArticle } from './prepare.ts';
import { RecentlyPrepared } from './recently-prepared.ts';
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
  /**
   * Worker threads that clean inputs besides the main thread, which stores and cleans what they
   * have not started (default: $CORROBORATE_PREPARE_THREADS, else one per core but one; 0: all on
   * the main thread). Only an ingest of more than a few dozen inputs starts them. The results
   * are the same either way.
   */
  prepareThreads?: number;
  onInputError?: (error: InputError) => void;
  onArticle?: (outcome: IngestOutcome) => void;
  /** Filled with where the time went (the stream benchmark reports it). */
  timings?: IngestTimings;
}

/** Milliseconds by stage; read, wait and write are the main thread's, prepare is wherever it ran. */
export interface IngestTimings {
  /** Reading, decoding and parsing inputs, and the look-up that skips inputs already stored. */
  read: number;
  /** Cleaning and features: on the main thread, or the threads' busy time. */
  prepare: number;
  /** The main thread waiting for the threads' prepared articles, and taking them in (parsing their features). */
  wait: number;
  /** The batch transactions: storing and clustering. */
  write: number;
  /** Prepare threads that ran (0: all inline). */
  threads: number;
  /** Inputs prepared on the main thread, and by the threads. */
  preparedInline: number;
  preparedByThreads: number;
}

export function emptyTimings(): IngestTimings {
  return { read: 0, prepare: 0, wait: 0, write: 0, threads: 0, preparedInline: 0, preparedByThreads: 0 };
}

const DEFAULT_BATCH = 200;
/**
 * Batches read and sent to be prepared ahead of the one being stored, so the threads clean the
 * next articles while the main thread stores this batch.
 */
const BATCHES_AHEAD = 2;

/**
 * The usable inputs, counted in `summary`; the rejected ones are counted and reported. The store,
 * not the reader, decides what is a duplicate: the same text from another source is another
 * outlet of the report. With `strict`, the first rejected input stops the run after `beforeStop`.
 */
export async function* inputsForStore(specs: string[], options: IngestOptions, summary: IngestSummary, beforeStop: () => Promise<void>): AsyncGenerator<RawInput> {
  for await (const item of readInputs(specs, { ...options, keepDuplicates: true })) {
    if (item instanceof InputError) {
      // A note (a file of a kind not read) is no rejection.
      if (item.kind === 'rejected') summary.rejected++;
      options.onInputError?.(item);
      if (options.strict && item.kind === 'rejected') {
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
  const preparer = new Preparer(options.prepareThreads ?? defaultPrepareThreads());
  const recent = new RecentlyPrepared();
  const stored = new StoredContents(db);
  const timings = options.timings;
  const batchSize = options.batchSize ?? DEFAULT_BATCH;
  // Read and not yet stored, in input order.
  const pending: Queued[] = [];
  const writeNext = async (count: number) => {
    const batch = pending.splice(0, count);
    let started = performance.now();
    const inlineBefore = preparer.inlineMs;
    // Every input read so far is looked up before the store changes.
    await stored.flush();
    await Promise.all(batch.map((q) => q.asked));
    // What no thread has taken yet, the main thread prepares now rather than wait for it; and
    // while a thread finishes the batch's last ones, it prepares the next batch's.
    preparer.helpUntil(batch[batch.length - 1]!.ticket);
    const ready = Promise.all(batch.map((q) => q.settled));
    let done = false;
    ready.then(
      () => (done = true),
      () => (done = true),
    );
    await null;
    while (!done && preparer.helpNext()) await new Promise(setImmediate);
    const items = await ready;
    if (timings) timings.wait += performance.now() - started - (preparer.inlineMs - inlineBefore);
    started = performance.now();
    const outcomes = await writer.write(items);
    if (timings) timings.write += performance.now() - started;
    for (const outcome of outcomes) {
      tally(summary, outcome);
      options.onArticle?.(outcome);
    }
  };
  const writeAll = async () => {
    while (pending.length) await writeNext(Math.min(batchSize, pending.length));
  };
  try {
    // Reading is what the loop spends outside writeNext, less the inline preparing that runs in between.
    let mark = performance.now();
    let inlineMark = preparer.inlineMs;
    const readUntilNow = () => {
      if (timings) timings.read += performance.now() - mark - (preparer.inlineMs - inlineMark);
    };
    for await (const input of inputsForStore(specs, options, summary, writeAll)) {
      pending.push(queueInput(stored, preparer, recent, input, options));
      if (pending.length >= batchSize * BATCHES_AHEAD) {
        readUntilNow();
        await writeNext(batchSize);
        mark = performance.now();
        inlineMark = preparer.inlineMs;
      }
    }
    readUntilNow();
    await writeAll();
  } finally {
    if (timings) timings.threads = Math.max(timings.threads, preparer.running);
    await preparer.close();
    if (timings) {
      timings.prepare += preparer.inlineMs + preparer.threadMs;
      timings.preparedInline += preparer.inlineCount;
      timings.preparedByThreads += preparer.threadCount;
    }
  }
  return summary;
}

/** An input that is not stored again: already stored from this source, or not cleanable (reported). */
interface Unchanged {
  input: RawInput;
  hash: string;
}

/**
 * An exact copy of a stored article whose original was prepared from the same format, hints and
 * address site: preparing it would give what the original's row holds, so it is taken from there.
 */
type StoredCopy = Pick<PreparedArticle, 'input' | 'hash' | 'docId' | 'title' | 'outlet' | 'published'>;

/** What a batch is written from, in input order. */
type Ready = PreparedArticle | StoredCopy | Unchanged;

/** One input on its way to the store. */
interface Queued {
  /** Its place in the preparer's order. */
  ticket: number;
  /** Settles once the store has said whether it holds the input already (and it was handed to the preparer if not). */
  asked: Promise<void>;
  /** The prepared article (or a stored copy's), or the input when it is stored already or could not be cleaned. */
  settled: Promise<Ready>;
}

/**
 * A source already stored with this content is not cleaned again (re-ingest is cheap), nor is an
 * exact copy of a stored article prepared as this input would be (the same files under other
 * names), nor an input identical to one just prepared (it is an exact copy of that one).
 */
function queueInput(stored: StoredContents, preparer: Preparer, recent: RecentlyPrepared, input: RawInput, options: IngestOptions): Queued {
  const ticket = preparer.ticket();
  const hash = contentHash(input.content);
  const unchanged: Unchanged = { input, hash };
  let result: Promise<Ready> = Promise.resolve(unchanged);
  const asked = stored.ask(input.source, hash).then(({ fromSource, original }) => {
    if (fromSource) return;
    const copy = original && storedCopy(input, hash, original);
    if (copy) {
      result = Promise.resolve(copy);
      return;
    }
    const prepared = recent.getOrPrepare(input, hash, () => preparer.prepare(ticket, input, hash));
    result = prepared.catch((error: unknown) => {
      // A bug in cleaning one input must not stop the others; it is reported and not stored.
      options.onInputError?.(new InputError(input.source, `could not be cleaned (${firstLine(error).slice(0, 200)})`));
      return unchanged;
    });
  });
  const settled = asked.then(() => result);
  // Awaited later, in order; one that an interrupted ingest never waits for must not count as unhandled.
  asked.catch(() => undefined);
  settled.catch(() => undefined);
  return { ticket, asked, settled };
}

/** The copy as preparing it would give, when the original was prepared from what this input holds; else null. */
function storedCopy(input: RawInput, hash: string, original: StoredOriginal): StoredCopy | null {
  // A row without a document id holds what ingest --queue stored before any cleaning.
  if (original.doc_id === null || original.format !== input.format || original.hints !== JSON.stringify(input.hints)) return null;
  if (addressSite({ ...input, source: original.source }) !== addressSite(input)) return null;
  return { input, hash, docId: original.doc_id, title: original.title, outlet: original.outlet, published: original.published };
}

function tally(summary: IngestSummary, outcome: IngestOutcome): void {
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

  async write(batch: Ready[]): Promise<IngestOutcome[]> {
    try {
      return await this.db.transaction(async (tx) => {
        await lockStories(tx);
        await this.index.catchUp(tx);
        const known = await KnownArticles.load(
          tx,
          batch.map((item) => item.hash),
        );
        const ids = new ArticleIds(tx);
        await ids.reserve(newArticles(batch, known));
        const writes = new WriteBatch(tx);
        const outcomes: IngestOutcome[] = [];
        for (const item of batch) {
          const outcome = toFile(item) ? await this.writeOne(writes, known, ids, item) : this.unchanged(known, item);
          if (outcome) outcomes.push(outcome);
        }
        this.index.recorded(await writes.flush());
        return outcomes;
      });
    } catch (error) {
      // The transaction is gone, and the index may hold decisions it never stored: start again from the log.
      this.index = new StoryIndex();
      throw error;
    }
  }

  private unchanged(known: KnownArticles, { input, hash }: Unchanged): IngestOutcome | null {
    const row = known.fromSource(input.source, hash);
    // Not stored and not preparable (its cleaning failed and was reported): nothing to say.
    if (!row) return null;
    return { source: input.source, status: 'unchanged', article: row.id, story: row.story_id, created: false, copyOf: row.copy_of, merged: [] };
  }

  /** Files one prepared article or stored copy (unless stored already) and adds its row to `writes`. */
  private async writeOne(writes: WriteBatch, known: KnownArticles, ids: ArticleIds, article: PreparedArticle | StoredCopy): Promise<IngestOutcome> {
    const { input } = article;
    const at = new Date().toISOString();
    const stored = known.fromSource(input.source, article.hash);
    if (stored) return { source: input.source, status: 'unchanged', article: stored.id, story: stored.story_id, created: false, copyOf: stored.copy_of, merged: [] };

    const original = known.firstWithHash(article.hash);
    const base = { source: input.source, hash: article.hash, hints: input.hints, docId: article.docId, outlet: article.outlet, title: article.title, published: article.published };
    const id = await ids.next();
    const row = (storyId: number | null, copyOf: number | null, copySimilarity: number | null): ArticleRow => ({
      id,
      source: input.source,
      hash: article.hash,
      doc_id: article.docId,
      outlet: article.outlet,
      title: article.title,
      published: article.published,
      story_id: storyId,
      copy_of: copyOf,
      copy_similarity: copySimilarity,
      ingested_at: at,
    });
    if (original) {
      // The same text again from another source: stored once, one more outlet for the report.
      const story = await fileCopy(writes, id, original, article.published, at, async (storyId) => {
        writes.addArticle(articleValues({ ...base, features: null, copyOf: original.id, copySimilarity: 1, storyId }, at, id));
        known.add(row(storyId, original.id, 1));
      });
      return { source: input.source, status: 'copy', article: id, story, created: false, copyOf: original.id, merged: [] };
    }
    // Articles are never deleted: the original a stored copy was read from is still there.
    if (!('filing' in article)) throw new Error(`${input.source}: the stored article with its content is gone`);

    writes.addContent(article.hash, input.format, input.content);
    let filed: ArticleRow | null = null;
    const filing = await fileUnderStory(writes, this.index, id, article, at, async (storyId, copy) => {
      writes.addArticle(articleValues({ ...base, features: null, featuresJson: article.featuresJson, copyOf: copy?.article ?? null, copySimilarity: copy?.containment ?? null, storyId }, at, id));
      filed = row(storyId, copy?.article ?? null, copy?.containment ?? null);
    });
    // A merge moved stored articles (and this batch's) into the story.
    if (filing.merged.length) known.moved(filing.story, filing.merged);
    known.add(filed!);
    return { source: input.source, status: 'added', article: id, ...filing };
  }
}

/** Prepared, or a stored copy's: to be filed unless its source holds it already. */
function toFile(item: Ready): item is PreparedArticle | StoredCopy {
  return 'docId' in item;
}

/** How many of the batch's articles get a new id: prepared (or stored copies), and not stored already (nor earlier in the batch) from their source. */
function newArticles(batch: Ready[], known: KnownArticles): number {
  const seen = new Set<string>();
  let count = 0;
  for (const item of batch) {
    if (!toFile(item)) continue;
    const key = item.hash + item.input.source;
    if (seen.has(key) || known.fromSource(item.input.source, item.hash)) continue;
    seen.add(key);
    count++;
  }
  return count;
}
