// `corroborate worker`: process queued jobs against a store (see README, "Scaling out").
import { Option, type Command } from 'commander';
import { runWorker, sleep } from '../work/worker.ts';
import { firstLine } from '../ingest/network-errors.ts';
import { BRIEF_DELAY_MS } from '../work/jobs.ts';
import { milliseconds } from './arguments.ts';
import { dbOption } from './store-commands.ts';
import { openStore } from '../store/open-store.ts';
import type { Database } from '../store/database.ts';

interface WorkerFlags {
  db?: string;
  id?: string;
  exitWhenIdle?: boolean;
  poll: number;
  briefDelay: number;
  quiet?: boolean;
}

export function addWorkerCommand(program: Command): void {
  program
    .command('worker')
    .description('process the jobs queued by "ingest --queue" (clean, cluster into stories, brief); run one per core, on any number of machines sharing a PostgreSQL store')
    .addOption(dbOption())
    .option('--id <name>', 'name of this worker in the queue (default host:pid)')
    .option('--exit-when-idle', 'stop when no job is queued or running')
    .addOption(new Option('--poll <ms>', 'wait between looks at an empty queue').default(500).argParser(milliseconds))
    .addOption(
      new Option('--brief-delay <ms>', 'wait after a story changes before briefing it, so articles that join it meanwhile are briefed together (0: at once)')
        .default(BRIEF_DELAY_MS)
        .argParser(milliseconds),
    )
    .option('-q, --quiet', 'no line per job on standard error')
    .action(async (flags: WorkerFlags) => {
      const stop = new AbortController();
      const onSignal = () => stop.abort();
      process.once('SIGINT', onSignal);
      process.once('SIGTERM', onSignal);
      const onStoreError = (message: string) => process.stderr.write(`corroborate worker: store unavailable, retrying (${message})\n`);
      const db = await openWhenReachable(flags.db, stop.signal, onStoreError);
      if (!db) return;
      const stats = await runWorker(db, {
        ...(flags.id ? { id: flags.id } : {}),
        exitWhenIdle: flags.exitWhenIdle ?? false,
        pollMs: flags.poll,
        briefDelayMs: flags.briefDelay,
        signal: stop.signal,
        onJob: (job, result, error) => {
          if (!flags.quiet) process.stderr.write(`corroborate worker: job ${job.id} (${job.kind}) ${result}${error ? `: ${error}` : ''}\n`);
        },
        onStoreError,
      }).finally(() => db.close());
      process.stderr.write(`corroborate worker: ${stats.done} jobs done, ${stats.failed} failed\n`);
    });
}

/** Errors of a server that is restarting or not yet up, as opposed to a wrong URL or password. */
const UNREACHABLE = /ECONNREFUSED|ECONNRESET|ETIMEDOUT|EAI_AGAIN|starting up|shutting down|Connection terminated|timeout expired/i;
const STARTUP_PATIENCE_MS = 120_000;

/**
 * A worker started while its database restarts (a deploy, a failover) waits for it, as a running
 * worker does, instead of exiting: up to two minutes, then the error is reported.
 */
async function openWhenReachable(location: string | undefined, signal: AbortSignal, onError: (message: string) => void): Promise<Database | null> {
  for (const deadline = Date.now() + STARTUP_PATIENCE_MS; ; ) {
    try {
      return await openStore(location);
    } catch (error) {
      const message = firstLine(error);
      if (!UNREACHABLE.test(message) || Date.now() > deadline) throw error;
      onError(message);
      await sleep(1000, signal);
      if (signal.aborted) return null;
    }
  }
}
