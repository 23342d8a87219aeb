// One thread of the prepare pool (prepare-pool.ts): cleans inputs and works out their features,
// the CPU-heavy part of an ingest, while the main thread stores and clusters. A task is started
// only once claimed in shared memory (the main thread may have taken it meanwhile), and each is
// answered as soon as it is done with exactly what `prepareArticle` returns on the main thread,
// less the input, and the features as JSON.
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
      const { docId, title, outlet, published, features } = prepareArticle(input, hash);
      // As JSON: the store keeps it so, and a string crosses threads far faster than an object
      // of hundreds of keys (about 45 µs to parse against 200 µs to clone).
      reply = { id, prepared: { docId, title, outlet, published, featuresJson: JSON.stringify(features) }, ms: 0 };
    } catch (error) {
      reply = { id, error: firstLine(error), ms: 0 };
    }
    reply.ms = performance.now() - started;
    port.postMessage(reply);
  }
});
