// `corroborate ingest --queue`: store the inputs as they are and queue one index job per new
// article; `corroborate worker` processes (cleans, clusters, briefs) them, on as many machines as
// share the database. Reading and hashing is all that happens here, so it keeps up with any feed.
import type { Database } from '../store/database.ts';
import type { RawInput } from '../ingest/raw-input.ts';
import { articleBySourceAndHash, firstArticleWithHash, insertArticle, insertContent } from '../store/articles.ts';
import { enqueue } from '../store/job-queue.ts';
import { emptySummary, inputsForStore, type IngestOptions, type IngestSummary } from './ingest.ts';
import { contentHash } from './prepare.ts';

export async function enqueueInputs(db: Database, specs: string[], options: IngestOptions = {}): Promise<IngestSummary> {
  const summary = emptySummary();
  let batch: RawInput[] = [];
  const flush = async () => {
    if (!batch.length) return;
    const inputs = batch;
    batch = [];
    // Stored as they came: titles from the hints, no terms until a worker cleans them.
    await db.transaction(async (tx) => {
      for (const input of inputs) await queueOne(tx, input, summary);
    });
  };
  for await (const input of inputsForStore(specs, options, summary, flush)) {
    batch.push(input);
    if (batch.length >= (options.batchSize ?? 200)) await flush();
  }
  await flush();
  return summary;
}

/** Stores one input and queues its index job, unless it was stored already. */
async function queueOne(tx: Database, input: RawInput, summary: IngestSummary): Promise<void> {
  const hash = contentHash(input.content);
  if (await articleBySourceAndHash(tx, input.source, hash)) {
    summary.unchanged++;
    return;
  }
  const original = await firstArticleWithHash(tx, hash);
  if (!original) await insertContent(tx, hash, input.format, input.content);
  const id = await insertArticle(
    tx,
    {
      source: input.source,
      hash,
      hints: input.hints,
      docId: null,
      outlet: input.hints.outlet ?? null,
      title: input.hints.title ?? null,
      published: input.hints.published ?? null,
      features: null,
      copyOf: original?.id ?? null,
      copySimilarity: original ? 1 : null,
    },
    new Date().toISOString(),
  );
  await enqueue(tx, 'index', { article: id });
  if (original) summary.copies++;
  else summary.added++;
}
