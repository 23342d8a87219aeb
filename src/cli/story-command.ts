// `corroborate story merge|split`: correct the clustering by hand, with a recorded reason.
import { Option, type Command } from 'commander';
import { mergeStoriesBy, splitStoryBy } from '../collect/edit-stories.ts';
import { dbOption, withStore } from './store-commands.ts';

const ids = (value: string, previous: number[] = []): number[] => {
  const parsed = value.split(',').map((v) => Number(v.trim()));
  if (parsed.some((n) => !Number.isInteger(n) || n <= 0)) throw new Error(`not a list of ids: ${value}`);
  return [...previous, ...parsed];
};

export function addStoryCommand(program: Command): void {
  const story = program.command('story').description('correct the stories by hand: merge two stories of one event, or split off articles of another');
  story
    .command('merge')
    .description('fold the other stories into the first; their articles follow and the log keeps the reason')
    .argument('<into>', 'the story that stays', Number)
    .argument('<others...>', 'stories to fold into it')
    .addOption(dbOption())
    .addOption(new Option('--reason <text>', 'why (kept in the story log)').makeOptionMandatory())
    .action(async (into: number, others: string[], flags: { db?: string; reason: string }) => {
      const target = await withStore(flags.db, (db) => mergeStoriesBy(db, into, others.flatMap((o) => ids(o)), flags.reason));
      process.stdout.write(`merged into story ${target}\n`);
    });
  story
    .command('split')
    .description('move some articles of a story into a new story of their own')
    .argument('<story>', 'the story to split', Number)
    .addOption(new Option('--articles <ids>', 'comma-separated article ids to move (see "stories --format json")').argParser(ids).makeOptionMandatory())
    .addOption(dbOption())
    .addOption(new Option('--reason <text>', 'why (kept in the story log)').makeOptionMandatory())
    .action(async (id: number, flags: { db?: string; articles: number[]; reason: string }) => {
      const created = await withStore(flags.db, (db) => splitStoryBy(db, id, flags.articles, flags.reason));
      process.stdout.write(`split off as story ${created}\n`);
    });
}
