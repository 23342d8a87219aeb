// The real text the stream benchmark recombines, read at run time and never copied into the
// repository: the seed reports and examples (through sources.ts), the ECB+ articles, the PolNeAR
// texts and the article bodies of the HTML-extraction ground truth. Each becomes a base text cut
// into paragraphs; the generator (stream-corpus.ts) builds its events from them.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ECBPLUS_DIR, hasEcbplus, loadEcbplus } from '../test/quality/ecbplus.ts';
import { seededRandom, randomInt } from './prng.ts';
import { loadSources } from './sources.ts';

export type Corpus = 'ecbplus' | 'polnear' | 'aeb' | 'seeds' | 'examples';

export interface BaseText {
  id: string;
  corpus: Corpus;
  /**
   * Texts about one real event share a group (an ECB+ topic half, the seeds, the examples); an
   * event of the stream borrows its companions from its group when the group has more texts.
   */
  group: string;
  title: string | null;
  paragraphs: string[];
  words: number;
  /** The paragraphs cut into sentences, each cut at its names (see `cutAtNames`), with its word count. */
  cut: Sentence[][];
}

export interface Sentence {
  /** Text and names in turn: even indices are text as printed, odd ones names. */
  parts: string[];
  words: number;
}

export interface StreamSources {
  texts: BaseText[];
  /** Every word the texts print in lowercase: a capitalised word outside it is taken as a name. */
  lowercase: Set<string>;
  /** Where each corpus was read from, and how many texts it gave (a corpus that is missing gives 0). */
  read: Record<Corpus, number>;
}

/** ECB+ prints one sentence per line; sentences are grouped into paragraphs of 1–3. */
const ECB_SENTENCES_PER_PARAGRAPH = [1, 3] as const;
/** Texts shorter than this give too little to recombine. */
const MIN_WORDS = 60;

export async function loadStreamSources(repo: string, shared: string): Promise<StreamSources> {
  const texts: BaseText[] = [];
  const read: Record<Corpus, number> = { ecbplus: 0, polnear: 0, aeb: 0, seeds: 0, examples: 0 };
  const add = (text: Omit<BaseText, 'words' | 'cut'>) => {
    const paragraphs = text.paragraphs.flatMap((p) => splitLong(p.trim())).filter((p) => p !== '');
    const words = paragraphs.reduce((n, p) => n + wordCount(p), 0);
    if (words < MIN_WORDS) return;
    texts.push({ ...text, paragraphs, words, cut: [] });
    read[text.corpus]++;
  };

  for (const report of await loadSources(join(repo, 'examples'), join(shared, 'seeds'))) {
    const corpus: Corpus = report.family === 'seeds' ? 'seeds' : 'examples';
    add({ id: `${corpus}/${report.name}`, corpus, group: corpus, title: report.title ?? null, paragraphs: report.body });
  }

  if (hasEcbplus()) {
    const random = seededRandom(1);
    for (const article of loadEcbplus(ECBPLUS_DIR)) {
      const lines = repairTokens(article.text).split('\n');
      const paragraphs: string[] = [];
      for (let i = 0; i < lines.length; ) {
        const n = randomInt(random, ...ECB_SENTENCES_PER_PARAGRAPH);
        paragraphs.push(lines.slice(i, i + n).join(' '));
        i += n;
      }
      // The first line of most ECB+ articles is their headline.
      const first = lines[0] ?? '';
      const title = first.length < 140 && !/[.!?]$/.test(first) ? first : null;
      add({ id: `ecbplus/${article.id}`, corpus: 'ecbplus', group: `ecbplus/${article.story}`, title, paragraphs: title ? paragraphs.slice(1) : paragraphs });
    }
  }

  const polnear = join(shared, 'eval', 'attribution-polnear');
  for (const part of ['train', 'dev']) {
    const dir = join(polnear, part, 'text');
    if (!existsSync(dir)) continue;
    for (const file of readdirSync(dir)
      .filter((f) => f.endsWith('.txt'))
      .sort()) {
      const blocks = readFileSync(join(dir, file), 'utf8').split(/\n\s*\n/);
      // The first block is the headline.
      add({ id: `polnear/${file}`, corpus: 'polnear', group: `polnear/${file}`, title: blocks[0]?.trim() || null, paragraphs: blocks.slice(1) });
    }
  }

  const truth = join(shared, 'eval', 'html-extraction-aeb', 'ground-truth.json');
  if (existsSync(truth)) {
    const pages = JSON.parse(readFileSync(truth, 'utf8')) as Record<string, { articleBody?: string }>;
    for (const id of Object.keys(pages).sort()) {
      const body = pages[id]!.articleBody ?? '';
      add({ id: `aeb/${id.slice(0, 12)}`, corpus: 'aeb', group: `aeb/${id}`, title: null, paragraphs: body.split(/\n+/) });
    }
  }

  if (texts.length === 0) throw new Error(`no source texts found (looked in ${join(repo, 'examples')} and ${shared})`);
  const lowercase = new Set<string>();
  for (const text of texts) for (const p of text.paragraphs) for (const w of p.match(LOWER_WORD) ?? []) lowercase.add(w);
  for (const text of texts) text.cut = text.paragraphs.map((p) => p.split(SENTENCE_BREAK).map((sentence) => ({ parts: cutAtNames(sentence, lowercase), words: wordCount(sentence) })));
  return { texts, lowercase, read };
}

/** Between two sentences of a paragraph. */
const SENTENCE_BREAK = /(?<=[.!?]["”’)]?)\s+/;

/** Capitalised words kept as printed: dates, titles, and abbreviations every report uses alike. */
const KEEP = new Set([
  ...['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'],
  ...[
    'January',
    'February',
    'March',
    'April',
    'May',
    'June',
    'July',
    'August',
    'September',
    'October',
    'November',
    'December',
    'Jan',
    'Feb',
    'Mar',
    'Apr',
    'Jun',
    'Jul',
    'Aug',
    'Sep',
    'Sept',
    'Oct',
    'Nov',
    'Dec',
  ],
  ...['Mr', 'Mrs', 'Ms', 'Dr', 'Jr', 'Sr', 'St', 'I', 'AM', 'PM', 'TV', 'CEO', 'OK'],
]);
const CAPITALISED = /(?<![\p{L}\p{N}])\p{Lu}\p{L}*/gu;

/**
 * The text cut at its names: text, name, text, …, text. A name is a capitalised word the sources
 * never print in lowercase ("Lohan", "FBI"; not "Police", which also appears as "police").
 */
export function cutAtNames(text: string, lowercase: Set<string>): string[] {
  const parts: string[] = [];
  let from = 0;
  for (const match of text.matchAll(CAPITALISED)) {
    const word = match[0];
    if (word.length < 2 || KEEP.has(word) || lowercase.has(word.toLowerCase())) continue;
    parts.push(text.slice(from, match.index), word);
    from = match.index + word.length;
  }
  parts.push(text.slice(from));
  return parts;
}

const LOWER_WORD = /(?<![\p{L}\p{N}])\p{Ll}+(?![\p{L}\p{N}])/gu;
const WORD = /[\p{L}\p{N}]+/gu;

export function wordCount(text: string): number {
  let n = 0;
  WORD.lastIndex = 0;
  while (WORD.exec(text)) n++;
  return n;
}

/** Paragraphs of up to this many words; a longer block (a body without line breaks) is cut at sentence ends. */
const PARAGRAPH_MAX_WORDS = 180;

function splitLong(paragraph: string): string[] {
  if (wordCount(paragraph) <= PARAGRAPH_MAX_WORDS) return [paragraph];
  const out: string[] = [];
  let current = '';
  for (const sentence of paragraph.split(/(?<=[.!?]["”’)]?)\s+(?=["“‘(]?\p{Lu})/u)) {
    if (current && wordCount(current) + wordCount(sentence) > PARAGRAPH_MAX_WORDS) {
      out.push(current);
      current = '';
    }
    current = current ? `${current} ${sentence}` : sentence;
  }
  if (current) out.push(current);
  return out;
}

/** ECB+ is rebuilt from tokens: put quotes and apostrophes back against their words. */
function repairTokens(text: string): string {
  return text
    .replace(/([“‘(]) /g, '$1')
    .replace(/ ([”’)])/g, '$1')
    .replace(/’ (s|t|re|ve|ll|d|m)\b/g, '’$1')
    .replace(/(\d): (\d\d)/g, '$1:$2')
    .replace(/(\d), (\d{3})\b/g, '$1,$2')
    .replace(/(\p{L}) - (?=\p{L})/gu, '$1-');
}
