// `corroborate story merge|split|dismiss`: correct the clustering by hand, or mark a disagreement
// the brief found as not a conflict, each with a recorded reason.
import { Option, type Command } from 'commander';
import { mergeStoriesBy, splitStoryBy } from '../collect/edit-stories.ts';
import { dismissDisagreement } from '../collect/dismissals.ts';
import { cachedStoryBrief } from '../collect/story-briefs.ts';
import { dbOption, withStore } from './store-commands.ts';

const ids = (value: string, previous: number[] = []): number[] => {
  const parsed = value.split(',').map((v) => Number(v.trim()));
  if (parsed.some((n) => !Number.isInteger(n) || n <= 0)) throw new Error(`not a list of ids: ${value}`);
  return [...previous, ...parsed];
};

export function addStoryCommand(program: Command): void {
  const story = program.command('story').description('correct the stories by hand: merge two stories of one event, split off articles of another, mark a disagreement as not a conflict');
  story
    .command('merge')
    .description('fold the other stories into the first; their articles follow and the log keeps the reason')
    .argument('<into>', 'the story that stays', Number)
    .argument('<others...>', 'stories to fold into it')
    .addOption(dbOption())
    .addOption(new Option('--reason <text>', 'why (kept in the story log)').makeOptionMandatory())
    .action(async (into: number, others: string[], flags: { db?: string; reason: string }) => {
      const target = await withStore(flags.db, (db) =>
        mergeStoriesBy(
          db,
          into,
          others.flatMap((o) => ids(o)),
          flags.reason,
        ),
      );
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
  story
    .command('dismiss')
    .description("mark a disagreement of the story's brief as not a conflict (shown apart, with the reason)")
    .argument('<story>', 'the story', Number)
    .argument('<disagreement>', 'the disagreement\'s id in the story\'s brief ("disagreement-1", …: see "brief --story ID --format json")')
    .addOption(dbOption())
    .addOption(new Option('--reason <text>', 'why it is not a conflict (kept in the story log)').makeOptionMandatory())
    .action(async (id: number, disagreement: string, flags: { db?: string; reason: string }) => {
      const live = await withStore(flags.db, async (db) => {
        const { story: current, brief } = await cachedStoryBrief(db, id);
        const found = brief.disagreements.find((d) => d.id === disagreement);
        if (!found) throw new Error(`story ${current}'s brief has no disagreement ${disagreement} (it has ${brief.disagreements.map((d) => d.id).join(', ') || 'none'})`);
        return dismissDisagreement(db, current, found, flags.reason);
      });
      process.stdout.write(`marked ${disagreement} of story ${live} as not a conflict\n`);
    });
}
