// ECB+ (../shared/eval/clustering-ecbplus) for story clustering: the loader and the scoring of
// both clusterers on it. 982 tokenized news articles in 43 topics, each topic holding two
// different real events of the same kind. The gold story of an article is its topic and its half
// (`<topic>_<n>ecb.xml` vs `<topic>_<n>ecbplus.xml`); file names are read here only, never by the
// clusterer.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { seededRandom, shuffled } from '../../bench/prng.ts';
import { agglomerativeBaseline } from '../../src/stories/baseline.ts';
import { bcubed, type BCubed } from '../../src/stories/bcubed.ts';
import { StoryClusterer, type ClusterOptions } from '../../src/stories/clusterer.ts';
import { articleFeatures, type ArticleFeatures } from '../../src/stories/features.ts';

export const ECBPLUS_DIR = fileURLToPath(new URL('../../../shared/eval/clustering-ecbplus/ECB+/', import.meta.url));

export interface EcbArticle {
  /** The file name, e.g. `1_10ecbplus.xml`. */
  id: string;
  topic: number;
  /** Gold story: `<topic>/ecb` or `<topic>/ecbplus`. */
  story: string;
  /** Rebuilt from the tokens, one line per sentence. */
  text: string;
}

export function hasEcbplus(): boolean {
  return existsSync(ECBPLUS_DIR);
}

/** Every article, topics in numeric order and files in name order within a topic. */
export function loadEcbplus(dir = ECBPLUS_DIR): EcbArticle[] {
  const topics = readdirSync(dir)
    .filter((name) => /^\d+$/.test(name))
    .map(Number)
    .sort((a, b) => a - b);
  const articles: EcbArticle[] = [];
  for (const topic of topics) {
    const files = readdirSync(join(dir, String(topic)))
      .filter((name) => name.endsWith('.xml'))
      .sort();
    for (const file of files) {
      const half = /ecbplus\.xml$/.test(file) ? 'ecbplus' : 'ecb';
      const xml = readFileSync(join(dir, String(topic), file), 'utf8');
      articles.push({ id: file, topic, story: `${topic}/${half}`, text: textOfTokens(xml) });
    }
  }
  return articles;
}

const TOKEN = /<token\b[^>]*\bsentence="(\d+)"[^>]*>([^<]*)<\/token>/g;

/**
 * The article's text from its tokens: sentences on their own lines, tokens joined by spaces
 * except before closing punctuation and clitics, and after opening brackets. The ECB+ half
 * starts each article with its source URL as a sentence; it is page metadata, not text (and
 * "http", "www", "com" in only one half of every topic would be a label no real stream has), so
 * it is left out.
 */
export function textOfTokens(xml: string): string {
  const sentences: string[][] = [];
  for (const m of xml.matchAll(TOKEN)) {
    const index = Number(m[1]);
    (sentences[index] ??= []).push(decodeEntities(m[2]!));
  }
  const lines = sentences.filter((tokens) => tokens && tokens.length > 0).map(joinTokens);
  if (lines.length > 0 && /^(https?\s*:|www\s*\.)/i.test(lines[0]!)) lines.shift();
  return lines.join('\n');
}

const NO_SPACE_BEFORE = /^([.,;:!?%)\]}]|'s|'S|n't|'re|'ve|'ll|'d|'m|'')$/;
const NO_SPACE_AFTER = /^([([{$]|``)$/;

function joinTokens(tokens: string[]): string {
  let out = '';
  let glue = false;
  for (const raw of tokens) {
    const token = raw === '``' || raw === "''" ? '"' : raw;
    if (out && !glue && !NO_SPACE_BEFORE.test(raw)) out += ' ';
    out += token;
    glue = NO_SPACE_AFTER.test(raw);
  }
  return out;
}

function decodeEntities(s: string): string {
  return s.replace(/&(amp|lt|gt|quot|apos|#\d+|#x[0-9a-f]+);/gi, (_, name: string) => {
    const lower = name.toLowerCase();
    if (lower === 'amp') return '&';
    if (lower === 'lt') return '<';
    if (lower === 'gt') return '>';
    if (lower === 'quot') return '"';
    if (lower === 'apos') return "'";
    return String.fromCodePoint(lower.startsWith('#x') ? parseInt(lower.slice(2), 16) : parseInt(lower.slice(1), 10));
  });
}

// ---- Scoring the clusterers on it (shared by the quality gate and bench/cluster-ecbplus.ts) ----

export interface FeaturedArticle extends EcbArticle {
  features: ArticleFeatures;
}

export function withFeatures(articles: readonly EcbArticle[]): FeaturedArticle[] {
  return articles.map((a) => ({ ...a, features: articleFeatures(a.text) }));
}

/** Topics for tuning (odd numbers) and held out from it (even numbers). */
export const isDevTopic = (topic: number) => topic % 2 === 1;

export function goldStories(articles: readonly EcbArticle[]): Map<string, string> {
  return new Map(articles.map((a) => [a.id, a.story]));
}

/** The online clusterer fed `articles` in the given order, undated (ECB+ has no publication dates). */
export function clusterOnline(articles: readonly FeaturedArticle[], options: Partial<ClusterOptions> = {}): Map<string, string> {
  const clusterer = new StoryClusterer(options);
  for (const a of articles) clusterer.assign(a.id, a.features, null);
  return new Map(articles.map((a) => [a.id, clusterer.storyOf(a.id)!]));
}

export interface OrderScores {
  /** Articles in file-name order: topic by topic, the two events of a topic alternating (`1_10ecb`, `1_10ecbplus`, `1_11ecb`…). */
  fileOrder: BCubed;
  /** One per seeded shuffle. */
  shuffles: BCubed[];
  /** Mean and minimum of the shuffles' scores. */
  mean: BCubed;
  min: BCubed;
}

export function scoreOnline(articles: readonly FeaturedArticle[], seeds: readonly number[], options: Partial<ClusterOptions> = {}): OrderScores {
  const gold = goldStories(articles);
  const fileOrder = bcubed(clusterOnline(articles, options), gold);
  const shuffles = seeds.map((seed) => bcubed(clusterOnline(shuffled(seededRandom(seed), articles), options), gold));
  const mean = (key: keyof BCubed) => shuffles.reduce((s, x) => s + x[key], 0) / shuffles.length;
  const min = (key: keyof BCubed) => Math.min(...shuffles.map((x) => x[key]));
  return {
    fileOrder,
    shuffles,
    mean: { precision: mean('precision'), recall: mean('recall'), f1: mean('f1') },
    min: { precision: min('precision'), recall: min('recall'), f1: min('f1') },
  };
}

export function scoreBaseline(articles: readonly FeaturedArticle[], threshold: number): BCubed {
  const clusters = agglomerativeBaseline(
    articles.map((a) => ({ id: a.id, terms: a.features.terms })),
    threshold,
  );
  return bcubed(clusters, goldStories(articles));
}
