// An editor's "not a conflict": a disagreement the brief found that a person judged not to be one
// (two figures about different things, a wording that means the same), with the reason. Written
// to the story log under the story lock like merges and splits; applied when the story is shown,
// so the brief itself stays what the sources say.
import { createHash } from 'node:crypto';
import type { Database } from '../store/database.ts';
import type { Disagreement } from '../schema.ts';
import { lockStories } from './story-lock.ts';
import { resolveStory } from './story-brief.ts';

export interface Dismissal {
  key: string;
  about: string;
  reason: string;
  at: string;
}

/**
 * What stays the same when a story is briefed again: the kind and the variants as printed. A new
 * variant (an outlet reporting a third figure) makes it another disagreement, to be judged again.
 */
export function disagreementKey(d: Pick<Disagreement, 'kind' | 'variants'>): string {
  const variants = d.variants.map((v) => v.value.trim().toLowerCase()).sort();
  return createHash('sha256')
    .update(JSON.stringify([d.kind, variants]))
    .digest('hex')
    .slice(0, 16);
}

export async function dismissDisagreement(db: Database, story: number, d: Pick<Disagreement, 'kind' | 'variants' | 'about'>, reason: string): Promise<number> {
  if (!reason.trim()) throw new Error('say why it is not a conflict (--reason)');
  return db.transaction(async (tx) => {
    await lockStories(tx);
    const live = await resolveStory(tx, story);
    await tx.run("INSERT INTO story_log (kind, story_id, stories, reason, at) VALUES ('dismiss', $1, $2, $3, $4)", [
      live,
      JSON.stringify({ key: disagreementKey(d), about: d.about }),
      reason.trim(),
      new Date().toISOString(),
    ]);
    // The list's badge and its "contested" filter count what is still shown.
    const stored = await tx.one<{ brief: string; disagreements: number }>('SELECT brief, disagreements FROM story_briefs WHERE story_id = $1', [live]);
    if (stored) await tx.run('UPDATE story_briefs SET disagreements = $1 WHERE story_id = $2', [await shownDisagreements(tx, live, stored.brief, Number(stored.disagreements)), live]);
    return live;
  });
}

/** The story's dismissals by key, the latest for each, with those of the stories merged into it. */
export async function dismissalsOf(db: Database, story: number): Promise<Map<string, Dismissal>> {
  const rows = await db.all<{ stories: string; reason: string; at: string }>(
    `WITH RECURSIVE folded(id) AS (SELECT CAST($1 AS INTEGER) UNION SELECT s.id FROM stories s JOIN folded f ON s.merged_into = f.id)
     SELECT stories, reason, at FROM story_log WHERE kind = 'dismiss' AND story_id IN (SELECT id FROM folded) ORDER BY seq`,
    [story],
  );
  const out = new Map<string, Dismissal>();
  for (const row of rows) {
    const { key, about } = JSON.parse(row.stories) as { key: string; about: string };
    out.set(key, { key, about, reason: row.reason, at: row.at });
  }
  return out;
}

/**
 * How many of a stored brief's disagreements (`count` of them, JSON `json`) are still shown: those
 * no editor of the story has dismissed. The brief is read only when the story has dismissals.
 */
export async function shownDisagreements(db: Database, story: number, json: string, count: number): Promise<number> {
  if (count === 0) return 0;
  const dismissals = await dismissalsOf(db, story);
  if (!dismissals.size) return count;
  return applyDismissals(JSON.parse(json) as { disagreements: Disagreement[] }, dismissals).brief.disagreements.length;
}

/** The brief as shown after editors' judgements: dismissed disagreements set apart. */
export function applyDismissals<B extends { disagreements: Disagreement[] }>(
  brief: B,
  dismissals: ReadonlyMap<string, Dismissal>,
): { brief: B; dismissed: { disagreement: Disagreement; dismissal: Dismissal }[] } {
  if (!dismissals.size) return { brief, dismissed: [] };
  const dismissed: { disagreement: Disagreement; dismissal: Dismissal }[] = [];
  const kept = brief.disagreements.filter((d) => {
    const dismissal = dismissals.get(disagreementKey(d));
    if (dismissal) dismissed.push({ disagreement: d, dismissal });
    return !dismissal;
  });
  return { brief: { ...brief, disagreements: kept }, dismissed };
}
