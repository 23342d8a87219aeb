// Briefs for the server, made on a worker thread: a story of big reports takes seconds of CPU, and
// on the server's own thread every other request (the story list, search, a cached brief) would
// wait for it. One thread, started on the first brief asked for, tasks in turn; a thread that
// dies is replaced and its tasks fail with the reason.
import { Worker } from 'node:worker_threads';
import type { MadeBrief } from '../collect/story-briefs.ts';
import type { RawInput } from '../ingest/raw-input.ts';
import { workerUrl } from '../util/worker-url.ts';

export interface BriefTask {
  id: number;
  inputs: RawInput[];
}

export type BriefReply = ({ json: string; facts: number; disagreements: number } | { error: string }) & { id: number };

export class BriefThread {
  private worker: Worker | null = null;
  private readonly waiting = new Map<number, { resolve: (made: MadeBrief) => void; reject: (error: Error) => void }>();
  private nextId = 0;

  make(inputs: RawInput[]): Promise<MadeBrief> {
    const id = this.nextId++;
    return new Promise<MadeBrief>((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      const worker = this.thread();
      // Busy, the thread keeps the process alive until it answers; idle, it does not.
      worker.ref();
      worker.postMessage({ id, inputs } satisfies BriefTask);
    });
  }

  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    if (worker) await worker.terminate();
  }

  private thread(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(workerUrl('brief-worker', import.meta.url));
    worker.on('message', (reply: BriefReply) => {
      const task = this.waiting.get(reply.id);
      if (!task) return;
      this.waiting.delete(reply.id);
      if (this.waiting.size === 0) worker.unref();
      if ('error' in reply) task.reject(new Error(reply.error));
      else task.resolve({ json: reply.json, facts: reply.facts, disagreements: reply.disagreements });
    });
    const fail = (error: Error) => {
      if (this.worker === worker) this.worker = null;
      for (const task of this.waiting.values()) task.reject(new Error(`the brief thread stopped: ${error.message}`));
      this.waiting.clear();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => {
      if (this.waiting.size) fail(new Error(`exit code ${code}`));
      else if (this.worker === worker) this.worker = null;
    });
    this.worker = worker;
    return worker;
  }
}
