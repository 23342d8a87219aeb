// ECB+ through the path users run: each article written as the `.txt` file a user would hand over,
// `ingest` into a fresh SQLite store (reading, cleaning, date reading, near-copy detection,
// storing, clustering), and the stored stories scored with BCubed against the gold events. The
// same articles in several arrival orders: file-name order, date order (the dates the cleaner
// reads from the text, undated articles after them in file-name order) and seeded shuffles.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { seededRandom, shuffled } from '../../bench/prng.ts';
import { ingest } from '../../src/collect/ingest.ts';
import { cleanDocument } from '../../src/clean/index.ts';
import { bcubed, type BCubed } from '../../src/stories/bcubed.ts';
import { openStore } from '../../src/store/open-store.ts';
import { goldStories, type EcbArticle } from './ecbplus.ts';

export interface OrderResult {
  order: string;
  scores: BCubed;
  stories: number;
}

export interface IngestOrderScores {
  orders: OrderResult[];
  meanF1: number;
  worstF1: number;
  /** Best order's F1 minus the worst's. */
  spread: number;
}

/** The articles in date order as the cleaner reads their dates; undated ones after, in the order given. */
export function dateOrder(articles: readonly EcbArticle[]): EcbArticle[] {
  const dated = articles.map((a) => ({ a, date: cleanDocument({ source: `${a.id}.txt`, format: 'text', content: a.text, hints: {} }).published }));
  return [...dated.filter((x) => x.date).sort((x, y) => x.date!.localeCompare(y.date!)), ...dated.filter((x) => !x.date)].map((x) => x.a);
}

/** Ingests `articles` in the order given into a fresh store; the stored story of each article id. */
export async function ingestInOrder(articles: readonly EcbArticle[]): Promise<{ stories: Map<string, string> }> {
  const dir = mkdtempSync(join(tmpdir(), 'corroborate-ecb-ingest-'));
  try {
    const files = join(dir, 'articles');
    mkdirSync(files);
    // A numeric prefix makes the directory list in this order, as a user's export would.
    articles.forEach((a, i) => writeFileSync(join(files, `${String(i).padStart(5, '0')}-${a.id.replace(/\.xml$/, '')}.txt`), a.text));
    const db = await openStore(join(dir, 'store.db'));
    try {
      await ingest(db, [files], { prepareThreads: 0 });
      const rows = await db.all<{ source: string; story_id: number }>('SELECT source, story_id FROM articles WHERE story_id IS NOT NULL');
      const id = (source: string) => `${source.replace(/^.*[/\\]\d{5}-/, '').replace(/\.txt$/, '')}.xml`;
      return { stories: new Map(rows.map((r) => [id(r.source), String(r.story_id)])) };
    } finally {
      await db.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function scoreIngestOrders(articles: readonly EcbArticle[], seeds: readonly number[]): Promise<IngestOrderScores> {
  const gold = goldStories(articles);
  const orders: [string, readonly EcbArticle[]][] = [
    ['file name', articles],
    ['date', dateOrder(articles)],
    ...seeds.map((seed): [string, EcbArticle[]] => [`shuffle ${seed}`, shuffled(seededRandom(seed), articles)]),
  ];
  const results: OrderResult[] = [];
  for (const [order, list] of orders) {
    const { stories } = await ingestInOrder(list);
    results.push({ order, scores: bcubed(stories, gold), stories: new Set(stories.values()).size });
  }
  const f1s = results.map((r) => r.scores.f1);
  return {
    orders: results,
    meanF1: f1s.reduce((s, x) => s + x, 0) / f1s.length,
    worstF1: Math.min(...f1s),
    spread: Math.max(...f1s) - Math.min(...f1s),
  };
}
