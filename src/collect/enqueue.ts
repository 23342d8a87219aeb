// `corroborate ingest --queue`: store the inputs as they are and queue one index job per new
// article; `corroborate worker` processes (cleans, clusters, briefs) them, on as many machines as
// share the database. Reading and hashing is all that happens here, so it keeps up with any feed.
import type { Database } from '../store/database.ts';
import type { RawInput } from '../ingest/raw-input.ts';
import { articleBySourceAndHash, firstArticleWithHash, indexForSearch, insertArticle, insertContent, type SearchEntry } from '../store/articles.ts';
import { enqueue } from '../work/queue.ts';
import { emptySummary, inputsForStore, type IngestOptions, type IngestSummary } from './ingest.ts';
import { contentHash } from './prepare.ts';

export async function enqueueInputs(db: Database, specs: string[], options: IngestOptions = {}): Promise<IngestSummary> {
  const summary = emptySummary();
  let batch: RawInput[] = [];
  const flush = async () => {
    if (!batch.length) return;
    const inputs = batch;
    batch = [];
    await db.transaction(async (tx) => {
      // Stored as they came: titles from the hints, no terms until a worker cleans them (the update trigger indexes them then).
      const stored: SearchEntry[] = [];
      for (const input of inputs) {
        const id = await queueOne(tx, input, summary);
        if (id !== null) stored.push({ id, title: input.hints.title ?? null, terms: null });
      }
      await indexForSearch(tx, stored);
    });
  };
  for await (const input of inputsForStore(specs, options, summary, flush)) {
    batch.push(input);
    if (batch.length >= (options.batchSize ?? 200)) await flush();
  }
  await flush();
  return summary;
}

/** Stores one input and queues its index job; returns its article id (null when it was stored already). */
async function queueOne(tx: Database, input: RawInput, summary: IngestSummary): Promise<number | null> {
  const hash = contentHash(input.content);
  if (await articleBySourceAndHash(tx, input.source, hash)) {
    summary.unchanged++;
    return null;
  }
  const original = await firstArticleWithHash(tx, hash);
  if (!original) await insertContent(tx, hash, input.format, input.content);
  const id = await insertArticle(
    tx,
    { source: input.source, hash, hints: input.hints, docId: null, outlet: input.hints.outlet ?? null, title: input.hints.title ?? null, published: input.hints.published ?? null, features: null, copyOf: original?.id ?? null, copySimilarity: original ? 1 : null },
    new Date().toISOString(),
  );
  await enqueue(tx, 'index', { article: id });
  if (original) summary.copies++;
  else summary.added++;
  return id;
}
