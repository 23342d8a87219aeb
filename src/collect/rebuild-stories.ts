// `corroborate stories rebuild`: every article of the store filed again, in date order, by a fresh
// clusterer: for a store filled in a bad order (an archive backfilled out of date order) or after
// the clusterer improved. What people decided is kept: the articles an editor merged stay in one
// story, and those an editor split off stay apart from the story they left. One transaction under
// the story lock, like every story decision; the story log records the rebuild, and every other
// process (ingest runs, workers) restores its index from the new assignments when it reads it.
import type { Database } from '../store/database.ts';
import { placeholders } from '../store/database.ts';
import { createStory, seenAt } from '../store/stories.ts';
import { isClustererMergeReason, StoryClusterer } from '../stories/clusterer.ts';
import { lockStories } from './story-lock.ts';
import { pushTo } from '../util/multimap.ts';
import { DisjointSets } from '../util/disjoint-sets.ts';
import type { StoredFeatures } from './story-index.ts';

export interface RebuildSummary {
  /** Articles filed again by the clusterer (copies follow their original). */
  articles: number;
  /** Live stories before and after. */
  storiesBefore: number;
  storiesAfter: number;
  /** Articles whose story changed. */
  moved: number;
  /** Editors' merges and splits re-applied. */
  editorMerges: number;
  editorSplits: number;
}

interface Row {
  id: number;
  story_id: number;
  copy_of: number | null;
  features: string | null;
  published: string | null;
  title: string | null;
}

export async function rebuildStories(db: Database, options: { onArticle?: () => void; reason?: string } = {}): Promise<RebuildSummary> {
  return db.transaction(async (tx) => {
    await lockStories(tx);
    const rows = (await tx.all<Row>('SELECT id, story_id, copy_of, features, published, title FROM articles WHERE story_id IS NOT NULL ORDER BY id')).map((r) => ({
      ...r,
      id: Number(r.id),
      story_id: Number(r.story_id),
      copy_of: r.copy_of === null ? null : Number(r.copy_of),
    }));
    const storyBefore = new Map(rows.map((r) => [r.id, r.story_id]));
    const storiesBefore = new Set(storyBefore.values()).size;
    const { together, apart, merges, splits } = await editorConstraints(tx, rows);

    // Dated articles by date, then the undated ones in the order they were stored.
    const filed = rows.filter((r) => r.copy_of === null && r.features !== null);
    const time = (r: Row) => (r.published ? Date.parse(seenAt(r.published)!) : NaN);
    const ordered = [...filed.filter((r) => !Number.isNaN(time(r))).sort((a, b) => time(a) - time(b) || a.id - b.id), ...filed.filter((r) => Number.isNaN(time(r)))];
    const clusterer = new StoryClusterer();
    const placed = new Map<number, string>(); // together-group root → a placed member's article id
    for (const r of ordered) {
      const features = JSON.parse(r.features!) as StoredFeatures;
      const group = together(r.id);
      const mate = placed.get(group);
      if (mate !== undefined) clusterer.join(String(r.id), features, r.published, clusterer.storyOf(mate)!);
      else clusterer.assign(String(r.id), features, r.published);
      if (!placed.has(group)) placed.set(group, String(r.id));
      options.onArticle?.();
    }
    const storyAfter = new Map<number, number>(filed.map((r) => [r.id, Number(clusterer.storyOf(String(r.id)))]));
    // Split-off articles that the clusterer put back with the story they left go apart again.
    for (const { group, rest } of apart) {
      const stories = new Set(group.map((a) => storyAfter.get(a)));
      for (const story of stories) {
        if (story === undefined || !rest.some((a) => storyAfter.get(a) === story)) continue;
        const members = [...storyAfter].filter(([, s]) => s === story).map(([a]) => a);
        const leaving = members.filter((a) => group.includes(a));
        // The story keeps the name of its first article: the side without that article moves.
        const moving = leaving.includes(story) ? members.filter((a) => !group.includes(a)) : leaving;
        const newId = Math.min(...moving);
        for (const a of moving) storyAfter.set(a, newId);
      }
    }
    // Copies follow their original.
    const byId = new Map(rows.map((r) => [r.id, r]));
    const follow = (r: Row): number | undefined => {
      let at: Row | undefined = r;
      for (let hops = 0; at && at.copy_of !== null && hops < 100; hops++) at = byId.get(at.copy_of);
      return at ? storyAfter.get(at.id) : undefined;
    };
    for (const r of rows) if (!storyAfter.has(r.id)) storyAfter.set(r.id, follow(r) ?? r.story_id);
    keepStoryIds(storyAfter, storyBefore);
    if (rows.length === 0) return { articles: 0, storiesBefore: 0, storiesAfter: 0, moved: 0, editorMerges: merges, editorSplits: splits };

    await writeAssignments(tx, rows, storyBefore, storyAfter);
    const moved = rows.filter((r) => storyAfter.get(r.id) !== r.story_id).length;
    const storiesAfter = new Set(storyAfter.values()).size;
    const summary: RebuildSummary = { articles: filed.length, storiesBefore, storiesAfter, moved, editorMerges: merges, editorSplits: splits };
    const lastStory = [...storyAfter.values()].reduce((a, b) => Math.max(a, b), 0);
    await tx.run("INSERT INTO story_log (kind, story_id, stories, reason, at) VALUES ('rebuild', $1, $2, $3, $4)", [
      lastStory,
      JSON.stringify(summary),
      options.reason ?? 'every article filed again in date order',
      new Date().toISOString(),
    ]);
    return summary;
  });
}

/** What editors decided, as constraints on articles: groups kept together, and split-off groups kept apart from what they left. */
async function editorConstraints(tx: Database, rows: Row[]): Promise<{ together: (id: number) => number; apart: { group: number[]; rest: number[] }[]; merges: number; splits: number }> {
  const log = await tx.all<{ kind: string; story_id: number; stories: string | null; reason: string | null }>(
    "SELECT kind, story_id, stories, reason FROM story_log WHERE kind IN ('merge', 'split') ORDER BY seq",
  );
  const merged = await tx.all<{ id: number; merged_into: number | null }>('SELECT id, merged_into FROM stories');
  const into = new Map(merged.map((s) => [Number(s.id), s.merged_into === null ? null : Number(s.merged_into)]));
  const live = (id: number) => {
    let at = id;
    for (let hops = 0; into.get(at) != null && hops < 1000; hops++) at = into.get(at)!;
    return at;
  };
  const membersOf = new Map<number, number[]>();
  for (const r of rows) if (r.copy_of === null && r.features !== null) pushTo(membersOf, r.story_id, r.id);
  // Article ids to positions in `rows`, for one union-find over them.
  const at = new Map(rows.map((r, k) => [r.id, k]));
  const sets = new DisjointSets(rows.length);
  const join = (a: number, b: number) => sets.union(at.get(a)!, at.get(b)!);
  const apart: { group: number[]; rest: number[] }[] = [];
  let merges = 0;
  let splits = 0;
  for (const entry of log) {
    if (entry.kind === 'merge' && !isClustererMergeReason(entry.reason ?? '')) {
      // What an editor joined stays joined: the story it made, as it stands now.
      const members = membersOf.get(live(Number(entry.story_id))) ?? [];
      for (const a of members.slice(1)) join(members[0]!, a);
      merges++;
    } else if (entry.kind === 'split' && entry.stories) {
      const { from } = JSON.parse(entry.stories) as { from: number; articles: number[] };
      const group = membersOf.get(live(Number(entry.story_id))) ?? [];
      const rest = membersOf.get(live(Number(from))) ?? [];
      if (!group.length || !rest.length || live(Number(entry.story_id)) === live(Number(from))) continue;
      for (const a of group.slice(1)) join(group[0]!, a);
      apart.push({ group, rest });
      splits++;
    }
  }
  return { together: (id) => sets.find(at.get(id)!), apart, merges, splits };
}

/** Articles' new stories written; new stories created, old ones left empty pointing at where most of their articles went. */
async function writeAssignments(tx: Database, rows: Row[], before: Map<number, number>, after: Map<number, number>): Promise<void> {
  const at = new Date().toISOString();
  const existing = new Map(
    (await tx.all<{ id: number; merged_into: number | null }>('SELECT id, merged_into FROM stories')).map((s) => [Number(s.id), s.merged_into === null ? null : Number(s.merged_into)]),
  );
  const byId = new Map(rows.map((r) => [r.id, r]));
  const seen = new Map<number, { first: string | null; last: string | null }>();
  for (const r of rows) {
    const story = after.get(r.id)!;
    const s = seen.get(story) ?? { first: null, last: null };
    const when = seenAt(r.published);
    if (when && (s.first === null || when < s.first)) s.first = when;
    if (when && (s.last === null || when > s.last)) s.last = when;
    seen.set(story, s);
  }
  for (const [story, { first, last }] of seen) {
    if (!existing.has(story)) await createStory(tx, story, byId.get(story)?.title ?? null, null, at);
    await tx.run('UPDATE stories SET merged_into = NULL, first_seen = $2, last_seen = $3 WHERE id = $1', [story, first, last]);
  }
  const changed = rows.filter((r) => after.get(r.id) !== before.get(r.id));
  // A few hundred rows per statement: one round trip each on PostgreSQL.
  const byStory = new Map<number, number[]>();
  for (const r of changed) pushTo(byStory, after.get(r.id)!, r.id);
  for (const [story, ids] of byStory) {
    for (let k = 0; k < ids.length; k += 500) {
      const chunk = ids.slice(k, k + 500);
      await tx.run(`UPDATE articles SET story_id = $1 WHERE id IN (${placeholders(chunk.length, 2)})`, [story, ...chunk]);
    }
  }
  // Stories no article is in any more: folded into the story that took most of their articles, so their links still lead somewhere.
  // Where each old story's articles went, counted in one pass over the articles.
  const wentTo = new Map<number, Map<number, number>>();
  for (const r of rows) {
    const counts = wentTo.get(before.get(r.id)!) ?? new Map<number, number>();
    counts.set(after.get(r.id)!, (counts.get(after.get(r.id)!) ?? 0) + 1);
    wentTo.set(before.get(r.id)!, counts);
  }
  for (const [old, mergedInto] of existing) {
    if (mergedInto !== null || seen.has(old)) continue;
    const target = [...(wentTo.get(old) ?? [])].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]?.[0];
    if (target !== undefined) await tx.run('UPDATE stories SET merged_into = $1 WHERE id = $2', [target, old]);
  }
}

/**
 * Renames the new stories so that links keep working: each takes the old story id that most of its
 * articles had, when the article that started that old story is among its own; else its first
 * article's id. A story id is the id of an article in it, so no two new stories can clash (and an
 * article stored later never finds its id taken).
 */
function keepStoryIds(after: Map<number, number>, before: Map<number, number>): void {
  const members = new Map<number, number[]>();
  for (const [article, story] of after) pushTo(members, story, article);
  const rename = new Map<number, number>();
  for (const [story, articles] of members) {
    const mine = new Set(articles);
    const counts = new Map<number, number>();
    for (const a of articles) counts.set(before.get(a)!, (counts.get(before.get(a)!) ?? 0) + 1);
    const old = [...counts].filter(([id]) => mine.has(id)).sort((x, y) => y[1] - x[1] || x[0] - y[0])[0]?.[0];
    rename.set(story, old ?? Math.min(...articles));
  }
  for (const [article, story] of after) after.set(article, rename.get(story)!);
}
