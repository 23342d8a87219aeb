// The command line: parse flags, call the library, print. Exit codes: 0 all inputs used,
// 1 some input rejected (or an output could not be written), 2 usage error.
import { Command, CommanderError, Option } from 'commander';
import { renderHtml } from '../brief/html.ts';
import { renderMarkdown } from '../brief/markdown.ts';
import { terminalSafe } from '../brief/escape.ts';
import { InputError } from '../ingest/index.ts';
import { DEFAULT_MAX_BYTES, DEFAULT_TIMEOUT_MS } from '../ingest/limits.ts';
import { analyseInputs, brief, cleanInputs, type RunOptions } from '../pipeline/run.ts';
import { briefJsonSchema } from '../schema-json.ts';
import { OutputSink, refuseOutputOverInputs } from './output.ts';
import { jsonPieces } from './json-stream.ts';
import { Progress } from './progress.ts';
import { dbOption, ingestProgress, printStories, storyBrief, summaryLine, withStore, type IngestFlags, type StoriesFlags } from './store-commands.ts';
import { ingest, type IngestOutcome } from '../collect/ingest.ts';
import { briefChangedStories } from '../collect/brief-changed.ts';
import { integrityCheck } from '../store/open-store.ts';
import { enqueueInputs } from '../collect/enqueue.ts';
import { rebuildStories, type RebuildSummary } from '../collect/rebuild-stories.ts';
import { addWorkerCommand } from './worker-command.ts';
import { EXIT_USAGE, nonNegativeInteger, positiveInteger, positiveNumber, usage } from './arguments.ts';
import { addStoryCommand } from './story-command.ts';
import { addServeCommand } from './serve-command.ts';
import { StoryNotFound } from '../collect/story-brief.ts';

const EXIT_REJECTED = 1;

interface CommonFlags {
  outlet?: string[];
  out?: string;
  strict?: boolean;
  maxMb: number;
  timeout: number;
  quiet?: boolean;
  allowPrivateUrls?: boolean;
}

let rejectedCount = 0;

function runOptions(flags: CommonFlags, progress: Progress): RunOptions {
  const outlet = flags.outlet && flags.outlet.length === 1 ? flags.outlet[0] : flags.outlet;
  return {
    ...(outlet !== undefined ? { outlet } : {}),
    strict: flags.strict ?? false,
    maxBytes: Math.round(flags.maxMb * 1024 * 1024),
    timeoutMs: Math.round(flags.timeout * 1000),
    allowPrivate: flags.allowPrivateUrls ?? false,
    onInputError: (error) => {
      progress.interrupt(() => {
        if (error.kind !== 'rejected') {
          if (!flags.quiet) process.stderr.write(`corroborate: note: ${terminalSafe(error.source)}: ${terminalSafe(error.reason)}\n`);
        } else {
          rejectedCount++;
          process.stderr.write(`corroborate: ${terminalSafe(error.source)}: ${terminalSafe(error.reason)}\n`);
        }
      });
    },
    onDocument: (doc) => {
      progress.tick();
      const encoding = doc.messages.find((m) => m.rule === 'encoding');
      if (encoding && !flags.quiet) progress.interrupt(() => process.stderr.write(`corroborate: note: ${terminalSafe(doc.source)}: ${encoding.reason}\n`));
    },
  };
}

function withCommonOptions(command: Command): Command {
  return command
    .option('--outlet <name...>', 'outlet name, one for all inputs or one per input in order')
    .option('-o, --out <file>', 'write the output to FILE instead of standard output')
    .option('--strict', 'stop at the first input that cannot be used')
    .addOption(new Option('--max-mb <n>', 'refuse inputs larger than N megabytes').default(DEFAULT_MAX_BYTES / 1024 / 1024).argParser(positiveNumber))
    .addOption(new Option('--timeout <seconds>', 'give up on a URL after this long').default(DEFAULT_TIMEOUT_MS / 1000).argParser(positiveNumber))
    .option('--allow-private-urls', 'let URLs reach loopback, private-network and link-local addresses (refused by default)')
    .option('-q, --quiet', 'no progress bar or notes on standard error');
}

/** One JSON line per usable input, as it is produced (rejected inputs are reported by runOptions). */
async function writeJsonLines<T>(flags: CommonFlags, produce: (options: RunOptions) => AsyncIterable<T | InputError>, toJson: (item: T) => unknown): Promise<void> {
  const progress = new Progress(!flags.quiet && !!flags.out);
  const sink = new OutputSink(flags.out);
  for await (const item of produce(runOptions(flags, progress))) {
    if (!(item instanceof InputError)) await sink.write(JSON.stringify(toJson(item)) + '\n');
  }
  progress.stop();
  await sink.close();
}

export function buildProgram(): Command {
  const program = new Command('corroborate')
    .description('Turn several reports of one news event into a brief that cites its sources line by line.')
    .showHelpAfterError('(run "corroborate --help" for usage)')
    .exitOverride();

  withCommonOptions(
    program
      .command('clean')
      .description('clean each input (page chrome removed, metadata, sentences, turns) and print one JSON document per line')
      .argument('<inputs...>', 'files, directories, "-" for standard input, http(s) URLs, .jsonl feeds'),
  ).action((inputs: string[], flags: CommonFlags) => {
    refuseOutputOverInputs(flags.out, inputs);
    // Nothing analyses what `clean` prints: no reading is held for an analysis.
    return writeJsonLines(
      flags,
      (options) => cleanInputs(inputs, { ...options, forAnalysis: false }),
      (doc) => doc,
    );
  });

  withCommonOptions(
    program
      .command('quotes')
      .description('find the people, organizations, places and quotes of each input; print one JSON line per document (no cross-document merging)')
      .argument('<inputs...>', 'files, directories, "-" for standard input, http(s) URLs, .jsonl feeds'),
  ).action((inputs: string[], flags: CommonFlags) => {
    refuseOutputOverInputs(flags.out, inputs);
    return writeJsonLines(
      flags,
      (options) => analyseInputs(inputs, options),
      ({ doc, analysis }) => ({ doc: doc.id, source: doc.source, outlet: doc.outlet, entities: analysis.entities, quotes: analysis.quotes }),
    );
  });

  withCommonOptions(
    program
      .command('brief')
      .description('build the brief over all inputs, or of one stored story (--story)')
      .argument('[inputs...]', 'files, directories, "-" for standard input, http(s) URLs, .jsonl feeds')
      .addOption(new Option('-f, --format <format>', 'output format').choices(['json', 'md', 'html']).default('json'))
      .addOption(new Option('--story <id>', 'brief a story of the store (see "corroborate stories")').argParser(positiveInteger))
      .addOption(dbOption()),
  ).action(async (inputs: string[], flags: CommonFlags & { format: 'json' | 'md' | 'html'; story?: number; db?: string }) => {
    if (flags.story === undefined && inputs.length === 0) usage('nothing to brief: give the reports (files, directories, URLs, "-") or --story ID');
    if (flags.story !== undefined && inputs.length > 0) usage('give either inputs or --story ID, not both');
    refuseOutputOverInputs(flags.out, inputs);
    const progress = new Progress(!flags.quiet);
    const result = flags.story !== undefined ? await storyBrief(flags.db, flags.story) : await brief(inputs, runOptions(flags, progress));
    progress.stop();
    const sink = new OutputSink(flags.out);
    if (flags.format === 'json') {
      // In pieces: the JSON of a huge report's brief is hundreds of megabytes.
      let buffered = '';
      for (const piece of jsonPieces(result, 3)) {
        buffered += piece;
        if (buffered.length >= 1 << 16) {
          await sink.write(buffered);
          buffered = '';
        }
      }
      await sink.write(buffered + '\n');
    } else await sink.write((flags.format === 'md' ? renderMarkdown(result) : renderHtml(result)) + '\n');
    await sink.close();
  });

  withCommonOptions(
    program
      .command('ingest')
      .description('add articles to the store, each in a story (exact repeats are stored once; running it again changes nothing)')
      .argument('<inputs...>', 'files, directories, "-" for standard input, http(s) URLs, .jsonl feeds')
      .addOption(dbOption())
      .addOption(new Option('--batch <n>', 'articles per transaction').default(200).argParser(positiveInteger))
      .option('--queue', 'only store the inputs and queue them for "corroborate worker" (cleaning and clustering happen there)')
      .addOption(
        new Option('--briefs <n>', 'then brief up to N of the stories this run changed, the biggest first, so the story list shows what they found (0: none; the rest are briefed when viewed)')
          .default(20)
          .argParser(nonNegativeInteger),
      )
      .addOption(new Option('-f, --format <format>', 'summary format').choices(['text', 'json']).default('text')),
  ).action(async (inputs: string[], flags: CommonFlags & IngestFlags) => {
    const progress = ingestProgress(flags.quiet);
    const options = runOptions(flags, progress);
    const changed = new Set<number>();
    const ingestOptions = {
      ...options,
      batchSize: flags.batch,
      onArticle: (outcome: IngestOutcome) => {
        progress.tick();
        if (outcome.story !== null && outcome.status !== 'unchanged') changed.add(outcome.story);
      },
    };
    const summary = await withStore(
      flags.db,
      async (db) => {
        if (flags.queue) return enqueueInputs(db, inputs, ingestOptions);
        const filed = await ingest(db, inputs, ingestOptions);
        progress.stop();
        if (!flags.briefs || !changed.size) return filed;
        const briefing = new Progress(!flags.quiet, 'stories briefed');
        const briefs = await briefChangedStories(db, changed, flags.briefs, () => briefing.tick());
        briefing.stop();
        return { ...filed, briefs };
      },
      'writes',
    );
    progress.stop();
    const sink = new OutputSink(flags.out);
    await sink.write((flags.format === 'json' ? JSON.stringify(summary) : summaryLine(summary, flags.queue)) + '\n');
    await sink.close();
  });

  const stories = program
    .command('stories')
    .description('list the stories of the store: title, outlets, article count, first and last seen ("stories rebuild": file every article again)')
    .addOption(dbOption())
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json']).default('text'))
    .addOption(new Option('--limit <n>', 'at most N stories').argParser(positiveInteger))
    .addOption(new Option('--min <n>', 'only stories with at least N articles').argParser(positiveInteger))
    .option('-o, --out <file>', 'write the output to FILE instead of standard output')
    .action((flags: StoriesFlags) => printStories(flags));
  stories
    .command('rebuild')
    .description("file every article of the store again, in date order (after a backfill out of order, or a better clusterer); editors' merges and splits are kept")
    .addOption(dbOption())
    .option('-q, --quiet', 'no progress bar')
    .addOption(new Option('-f, --format <format>', 'summary format').choices(['text', 'json']).default('text'))
    .action(async (own: { db?: string; quiet?: boolean; format: string }, command: Command) => {
      // "--db" after "rebuild" is read by "stories", which has the same option: take both.
      const flags = { ...own, ...command.optsWithGlobals<{ db?: string }>(), ...(own.db ? { db: own.db } : {}) };
      const progress = new Progress(!flags.quiet, 'articles filed again');
      const summary = await withStore(flags.db, (db) => rebuildStories(db, { onArticle: () => progress.tick() }));
      progress.stop();
      process.stdout.write(flags.format === 'json' ? JSON.stringify(summary) + '\n' : `${rebuildLine(summary)}\n`);
    });

  program
    .command('check')
    .description("check the store's integrity (SQLite: every page, index and constraint; ingest runs a quick check by itself)")
    .addOption(dbOption())
    .action(async (flags: { db?: string }) => {
      const problems = await withStore(flags.db, async (db) => ({ where: db.location, found: await integrityCheck(db) }));
      if (problems.found.length === 1 && problems.found[0] === 'ok') {
        process.stdout.write(`${terminalSafe(problems.where)}: ok\n`);
        return;
      }
      for (const line of problems.found) process.stderr.write(`corroborate: ${terminalSafe(problems.where)}: ${terminalSafe(line)}\n`);
      throw new Error(`${problems.where}: the store is damaged; restore it from a backup`);
    });

  addWorkerCommand(program);
  addStoryCommand(program);
  addServeCommand(program);

  program
    .command('schema')
    .description('print the JSON Schema of the brief')
    .action(() => {
      process.stdout.write(JSON.stringify(briefJsonSchema(), null, 2) + '\n');
    });
  return program;
}

function rebuildLine(s: RebuildSummary): string {
  const kept = s.editorMerges + s.editorSplits ? `; ${s.editorMerges} editor merges and ${s.editorSplits} splits kept` : '';
  return `${s.articles} articles filed again: ${s.storiesBefore} stories before, ${s.storiesAfter} after, ${s.moved} articles moved${kept}`;
}

export async function main(argv: string[]): Promise<number> {
  rejectedCount = 0;
  try {
    await buildProgram().parseAsync(argv, { from: 'user' });
    return rejectedCount > 0 ? EXIT_REJECTED : 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') return 0;
      if (error.code === 'corroborate.usage') process.stderr.write(`corroborate: ${terminalSafe(error.message)}\n`);
      return EXIT_USAGE;
    }
    if (error instanceof InputError) return EXIT_REJECTED; // --strict: already reported
    if (error instanceof StoryNotFound) {
      process.stderr.write(`corroborate: ${terminalSafe(error.message)}\n`);
      return EXIT_REJECTED;
    }
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`corroborate: ${terminalSafe(message.split('\n')[0]!)}\n`);
    return EXIT_REJECTED;
  }
}

// Piped into `head`, stdout closes early: that is not an error worth a stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
});

if (import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith('src/cli/main.ts')) {
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
