// `corroborate serve`: the web pages and JSON API over a store (src/serve/), on loopback unless
// told otherwise, until Ctrl-C; then the server and the store close cleanly.
import type { AddressInfo } from 'node:net';
import { CommanderError, Option, type Command } from 'commander';
import type { Database } from '../store/database.ts';
import { buildServer } from '../serve/server.ts';
import { firstLine } from '../ingest/network-errors.ts';
import { keepSearchIndexCurrent } from '../store/search-index.ts';
import { dbOption, withStore } from './store-commands.ts';

interface ServeFlags {
  db?: string;
  port: number;
  host: string;
}

const LOOPBACK = ['127.0.0.1', 'localhost', '::1'];
/** How often serve looks for articles stored since the search index last caught up. */
const SEARCH_INDEX_POLL_MS = 2000;

function portNumber(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new CommanderError(2, 'corroborate.usage', `not a port number (0-65535): ${value}`);
  return n;
}

export function addServeCommand(program: Command): void {
  program
    .command('serve')
    .description('serve the store: the stories, each with its cited brief and its sources side by side, search, and a JSON API under /api/')
    .addOption(dbOption())
    .addOption(new Option('--port <n>', 'TCP port (0: any free one)').default(8080).argParser(portNumber))
    .addOption(new Option('--host <address>', 'address to listen on; anything but loopback lets other machines read the store').default('127.0.0.1'))
    .action((flags: ServeFlags) => withStore(flags.db, (db) => serve(db, flags)));
}

/** How long a story page waits for a story's first brief before it answers "being prepared". */
const FIRST_BRIEF_WAIT_MS = 1500;

async function serve(db: Database, flags: ServeFlags): Promise<void> {
  const loopback = LOOPBACK.includes(flags.host);
  const app = buildServer({
    db,
    // On loopback, only loopback names: a web page cannot rebind its own name to this server.
    ...(loopback ? { allowedHosts: LOOPBACK } : {}),
    // Editors' corrections only where no one else can reach the server.
    editing: loopback,
    // A big story's first brief takes seconds: its page says so and reloads rather than wait.
    firstBriefWaitMs: FIRST_BRIEF_WAIT_MS,
    onError: (error, request) => process.stderr.write(`corroborate serve: ${request.method} ${request.url.slice(0, 200)}: ${firstLine(error)}\n`),
  });
  await app.listen({ port: flags.port, host: flags.host });
  // Ingest leaves the full-text index behind (search-index.ts): it catches up now and whenever
  // more is stored, between requests, so that a search need not do it.
  const stopIndexing = new AbortController();
  const indexing = keepSearchIndexCurrent(db, stopIndexing.signal, SEARCH_INDEX_POLL_MS, (error) => {
    process.stderr.write(`corroborate serve: search index: ${firstLine(error)}\n`);
  });
  const address = app.server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  if (!loopback) process.stderr.write(`corroborate: note: listening on ${flags.host}: whoever can reach this machine can read the store\n`);
  process.stderr.write(`corroborate: serving ${db.location} at http://${host}:${address.port}/ (Ctrl-C to stop)\n`);
  await stopSignal();
  stopIndexing.abort();
  await app.close();
  await indexing;
}

function stopSignal(): Promise<void> {
  return new Promise((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}
