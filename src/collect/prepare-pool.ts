// Preparing inputs (cleaning + features: 1–2 ms of CPU for a 5 KB article) on worker threads as
// well as on the main thread, so that on a machine with more than one core the articles of the
// next batch are being cleaned while the main thread stores and clusters this one. Results come
// back in the order asked for and are exactly what `prepareArticle` gives on the main thread: the
// same function runs, on the same input.
//
// Every task is sent to a thread as soon as it is known, and whoever starts it first does it: a
// thread claims each task in shared memory before it starts, and so does the main thread when it
// needs a batch that is not ready, taking the oldest tasks no thread has started instead of
// waiting. So no thread waits for the main thread to hand out work, the main thread is never idle
// while work is left, and one thread is enough on two cores (the main thread is the other).
//
// A small ingest never starts a thread (starting one costs more than cleaning a few files): the
// first POOL_AFTER inputs are prepared inline, and the pool starts only when more come. Should a
// thread fail to start or die, its tasks, and all later ones when no thread is left, are
// prepared inline: slower, same results.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { RawInput } from '../ingest/raw-input.ts';
import { prepareArticle, type PreparedArticle } from './prepare.ts';
import type { FilingFeatures, StoredFeatures } from './story-index.ts';
import { workerUrl } from '../util/worker-url.ts';

export interface PrepareTask {
  id: number;
  input: RawInput;
  hash: string;
}

/** What a thread sends back for one input: the prepared article with its features as JSON, or the cleaner's error; `ms` it took. */
export type PrepareReply = ({ id: number; prepared: Omit<PreparedArticle, 'input' | 'hash' | 'filing'> & Omit<FilingFeatures, 'names'> } | { id: number; error: string }) & { ms: number };

/** Inputs prepared inline before the pool starts: a brief's worth of files never waits for a thread to boot. */
export const POOL_AFTER = 64;
/**
 * Claim flags in shared memory, one per task, by task id modulo this: far more than the tasks
 * ever waiting at once (a few batches), so a slot is free again long before its next task.
 */
export const CLAIM_SLOTS = 1 << 16;
/** Tasks sent to a thread in one message. */
const TASKS_PER_MESSAGE = 8;

/**
 * Threads to use by default: $CORROBORATE_PREPARE_THREADS when set (0: all on the main thread,
 * for a machine that other work keeps busy, where a thread costs more than it brings), else one
 * per core but one, the main thread's (it prepares too).
 */
export function defaultPrepareThreads(): number {
  const configured = process.env.CORROBORATE_PREPARE_THREADS;
  if (configured !== undefined && /^\d+$/.test(configured.trim())) return Number(configured);
  return Math.max(0, availableParallelism() - 1);
}

interface Pending {
  task: PrepareTask;
  resolve: (article: PreparedArticle) => void;
  reject: (error: Error) => void;
  /** The thread it was sent to, until it is settled. */
  thread: Thread | null;
  settled: boolean;
}

interface Thread {
  worker: Worker;
  /** Tasks sent and not yet settled, by id. */
  waiting: Map<number, Pending>;
  alive: boolean;
}

/**
 * A thread's young generation (V8's default is 16-32 MiB): the articles it holds between
 * scavenges survive them and are copied, so a larger one collects less often for the same garbage
 * (about 5% of the stream benchmark's CPU; the main thread gets the same from the launchers'
 * --max-semi-space-size).
 */
const YOUNG_GENERATION_MB = 96;

export class Preparer {
  private threads: Thread[] | null = null;
  /** 0: nobody has started the task of this slot; 1: a thread or the main thread has. */
  private readonly claims = new Int32Array(new SharedArrayBuffer(CLAIM_SLOTS * Int32Array.BYTES_PER_ELEMENT));
  /** Tasks given to the pool and not settled, by id (input order). */
  private open: Pending[] = [];
  /** Tasks not sent yet (sent in messages of TASKS_PER_MESSAGE). */
  private outbox: Pending[] = [];
  private flushScheduled = false;
  private nextThread = 0;
  private tickets = 0;
  private closed = false;
  /** Milliseconds spent preparing on the main thread. */
  inlineMs = 0;
  /** Milliseconds the threads spent preparing (their busy time, summed). */
  threadMs = 0;
  /** Inputs prepared on the main thread, and by the threads. */
  inlineCount = 0;
  threadCount = 0;

  /** `size`: worker threads once the ingest is big enough (0: always inline). */
  constructor(private readonly size: number = defaultPrepareThreads()) {}

  /** Threads running (0 while inline). */
  get running(): number {
    return this.threads?.filter((t) => t.alive).length ?? 0;
  }

  /**
   * A place in the order for one input, taken when it is read; `prepare` it later, or never (a
   * look-up in the store may answer out of turn, and may find it stored already).
   */
  ticket(): number {
    if (this.closed) throw new Error('Preparer is closed');
    const ticket = this.tickets++;
    if (this.threads === null && this.size > 0 && ticket >= POOL_AFTER) this.threads = this.start();
    return ticket;
  }

  /** The prepared article; rejects with the cleaner's error when the input cannot be cleaned. */
  prepare(ticket: number, input: RawInput, hash: string): Promise<PreparedArticle> {
    if (!this.threads || this.running === 0) return Promise.resolve().then(() => this.inline(input, hash));
    return new Promise((resolve, reject) => {
      const pending: Pending = { task: { id: ticket, input, hash }, resolve, reject, thread: null, settled: false };
      Atomics.store(this.claims, ticket % CLAIM_SLOTS, 0);
      let at = this.open.length;
      while (at > 0 && this.open[at - 1]!.task.id > ticket) at--;
      this.open.splice(at, 0, pending);
      this.outbox.push(pending);
      if (this.outbox.length >= TASKS_PER_MESSAGE) this.flush();
      else if (!this.flushScheduled) {
        this.flushScheduled = true;
        setImmediate(() => this.flush());
      }
    });
  }

  /**
   * The main thread's share: prepares now, oldest first, the tasks up to `ticket` that no thread
   * has started, so that what is left to wait for is only what the threads are doing already.
   */
  helpUntil(ticket: number): void {
    this.flush();
    for (const pending of this.open) {
      if (pending.task.id > ticket) break;
      if (pending.settled || Atomics.compareExchange(this.claims, pending.task.id % CLAIM_SLOTS, 0, 1) !== 0) continue;
      pending.thread?.waiting.delete(pending.task.id);
      this.settleInline(pending);
    }
    this.open = this.open.filter((p) => !p.settled);
  }

  /**
   * Prepares the oldest task no thread has started, whatever its batch: what the main thread does
   * instead of waiting for a thread to finish the task it is on. False when there is none.
   */
  helpNext(): boolean {
    this.flush();
    for (const pending of this.open) {
      if (pending.settled || Atomics.compareExchange(this.claims, pending.task.id % CLAIM_SLOTS, 0, 1) !== 0) continue;
      pending.thread?.waiting.delete(pending.task.id);
      this.settleInline(pending);
      return true;
    }
    return false;
  }

  /** Stops the threads; what is still waiting (a caller that gave up on its results) is rejected. */
  async close(): Promise<void> {
    this.closed = true;
    const abandoned = new Error('the ingest stopped before this input was prepared');
    for (const pending of this.open) if (!pending.settled) this.settle(pending, () => pending.reject(abandoned));
    this.open = [];
    this.outbox = [];
    const threads = this.threads ?? [];
    for (const thread of threads) {
      thread.alive = false;
      thread.waiting.clear();
    }
    await Promise.all(threads.map((t) => t.worker.terminate()));
  }

  /** Sends the tasks waiting in the outbox, a message at a time, to the live threads in turn. */
  private flush(): void {
    this.flushScheduled = false;
    while (this.outbox.length) {
      const live = (this.threads ?? []).filter((t) => t.alive);
      if (live.length === 0) {
        for (const pending of this.outbox.splice(0)) if (!pending.settled) this.settleInline(pending);
        return;
      }
      const thread = live[this.nextThread++ % live.length]!;
      const tasks = this.outbox.splice(0, TASKS_PER_MESSAGE).filter((p) => !p.settled);
      for (const pending of tasks) {
        pending.thread = thread;
        thread.waiting.set(pending.task.id, pending);
      }
      thread.worker.ref();
      thread.worker.postMessage(tasks.map((p) => p.task));
    }
  }

  private start(): Thread[] {
    const threads: Thread[] = [];
    for (let k = 0; k < this.size; k++) {
      const worker = new Worker(workerUrl('prepare-worker', import.meta.url), { workerData: { claims: this.claims }, resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB } });
      const thread: Thread = { worker, waiting: new Map(), alive: true };
      worker.on('message', (reply: PrepareReply) => this.answer(thread, reply));
      // A thread that cannot start or dies hands its tasks back to the main thread.
      worker.on('error', () => this.retire(thread));
      worker.on('exit', () => this.retire(thread));
      worker.unref();
      threads.push(thread);
    }
    return threads;
  }

  private answer(thread: Thread, reply: PrepareReply): void {
    this.threadMs += reply.ms;
    const pending = thread.waiting.get(reply.id);
    if (!pending || pending.settled) return;
    thread.waiting.delete(reply.id);
    this.threadCount++;
    if ('error' in reply) this.settle(pending, () => pending.reject(new Error(reply.error)));
    else {
      const { hashed, sketch, ...rest } = reply.prepared;
      // The names are read from the JSON only if a merge's reason needs them.
      const names = () => (JSON.parse(rest.featuresJson) as StoredFeatures).names;
      const article: PreparedArticle = { input: pending.task.input, hash: pending.task.hash, ...rest, filing: { hashed, sketch, names } };
      this.settle(pending, () => pending.resolve(article));
    }
    if (thread.waiting.size === 0) thread.worker.unref();
  }

  private retire(thread: Thread): void {
    if (!thread.alive) return;
    thread.alive = false;
    thread.worker.unref();
    // What it claimed it will never answer, and what it did not claim nobody else will start:
    // all of it is the main thread's now.
    const orphans = [...thread.waiting.values()].sort((a, b) => a.task.id - b.task.id);
    thread.waiting.clear();
    for (const pending of orphans) if (!pending.settled) this.settleInline(pending);
  }

  private settle(pending: Pending, how: () => void): void {
    pending.settled = true;
    pending.thread = null;
    how();
  }

  private settleInline(pending: Pending): void {
    try {
      const article = this.inline(pending.task.input, pending.task.hash);
      this.settle(pending, () => pending.resolve(article));
    } catch (error) {
      this.settle(pending, () => pending.reject(error instanceof Error ? error : new Error(String(error))));
    }
  }

  private inline(input: RawInput, hash: string): PreparedArticle {
    const started = performance.now();
    this.inlineCount++;
    try {
      return prepareArticle(input, hash);
    } finally {
      this.inlineMs += performance.now() - started;
    }
  }
}
