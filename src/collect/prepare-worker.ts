// One thread of the prepare pool (prepare-pool.ts): cleans inputs and works out their features,
// the CPU-heavy part of an ingest, while the main thread stores and clusters. A task is started
// only once claimed in shared memory (the main thread may have taken it meanwhile), and each is
// answered as soon as it is done with exactly what `prepareArticle` returns on the main thread,
// less the input, with the features as JSON and hashed.
import { parentPort, workerData } from 'node:worker_threads';
import { firstLine } from '../ingest/network-errors.ts';
import { prepareArticle } from './prepare.ts';
import { CLAIM_SLOTS, type PrepareReply, type PrepareTask } from './prepare-pool.ts';

const port = parentPort;
if (!port) throw new Error('prepare-worker runs as a worker thread (see prepare-pool.ts)');
const claims = (workerData as { claims: Int32Array }).claims;

port.on('message', (tasks: PrepareTask[]) => {
  for (const { id, input, hash } of tasks) {
    if (Atomics.compareExchange(claims, id % CLAIM_SLOTS, 0, 1) !== 0) continue;
    const started = performance.now();
    let reply: PrepareReply;
    try {
      const { docId, title, outlet, published, featuresJson, filing } = prepareArticle(input, hash);
      // The features as JSON (what the store keeps) and hashed (what the clusterer reads), so the
      // main thread parses nothing: a string and typed arrays cross threads as bytes, where an
      // object of hundreds of keys is cloned key by key (about 200 µs).
      reply = { id, prepared: { docId, title, outlet, published, featuresJson, hashed: filing.hashed, sketch: filing.sketch }, ms: 0 };
    } catch (error) {
      reply = { id, error: firstLine(error), ms: 0 };
    }
    reply.ms = performance.now() - started;
    port.postMessage(reply);
  }
});
