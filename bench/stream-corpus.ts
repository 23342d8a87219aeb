// The article stream for `npm run bench`: N dated news articles (default 100,000) about thousands
// of invented events, recombined at run time from real text (stream-sources.ts) with a seeded PRNG,
// written as JSON Lines files in time order.
//
// An event borrows a base text and a few companions (texts of the same real event when the corpus
// has them: an ECB+ topic half, the seeds), and every name in them (a capitalised word the sources
// never print in lowercase) is replaced by one invented for the event. So events that reuse a
// base text share its wording but not its people and places, as two earthquakes do. Each report
// of the event is another outlet's selection of the event's paragraphs, 300–1500 words, inside
// that outlet's page chrome (navigation, bylines, share bars, captions, teasers of other stories,
// newsletter boxes, copyright lines). Some events carry a wire story that other outlets reprint
// with their own chrome (near-copies), and the feed repeats some records verbatim (exact copies).
// Events start evenly over the stream's months and run 1–10 days, their reports front-loaded.
import { closeSync, openSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { pick, randomInt, seededRandom, shuffled, type Random } from './prng.ts';
import { cutAtNames, type BaseText, type StreamSources } from './stream-sources.ts';

export interface StreamOptions {
  articles: number;
  seed: number;
  /** Where the .jsonl files go (created by the caller). */
  dir: string;
  /** Articles per day of the stream: the stream spans articles / perDay days. */
  perDay?: number;
}

export interface StreamCorpus {
  dir: string;
  files: string[];
  articles: number;
  bytes: number;
  events: number;
  outlets: number;
  days: number;
  first: string;
  last: string;
  /** Reports of wire stories reprinted by another outlet (near-copies of the wire's text). */
  wireCopies: number;
  /** Records the feed repeats verbatim under another line. */
  exactCopies: number;
  /** Body words per article (page chrome not counted). */
  words: { mean: number; min: number; max: number };
  /** Gold event of each article, by `<file name>#<line>`; a sanity check on the stories formed. */
  gold: Map<string, number>;
}

const DEFAULT_PER_DAY = 500;
const START = Date.UTC(2025, 0, 6);
const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
/** JSON Lines files are cut at this size (ingest refuses files over 20 MB by default). */
const FILE_BYTES = 4 << 20;

/** Reports per event: log-uniform in [1, MAX_REPORTS] (many small events, a few big ones). */
const MAX_REPORTS = 25;
const LIFETIME_DAYS = [1, 10] as const;
/** Share of events (of two reports or more) with a wire story, and how many outlets reprint it. */
const WIRE_SHARE = 0.35;
const WIRE_COPIES = [1, 4] as const;
/** A record repeated verbatim by the feed, from minutes to a day later. */
const EXACT_COPY_SHARE = 0.025;
/** Body length: log-normal around the median, clipped to the range. */
const WORDS_MEDIAN = 620;
const WORDS_SIGMA = 0.45;
const WORDS_RANGE = [300, 1500] as const;
/** Companions per event: texts whose paragraphs the event's reports also draw on. */
const COMPANIONS = [4, 7] as const;
/** A report skips a paragraph it comes to with this chance, so two reports differ. */
const SKIP_PARAGRAPH = 0.35;
const DROP_SENTENCE = 0.35;
const OUTLETS = 400;
/** Events are planned for this many times the articles asked for; the stream's end is cut off. */
const PLAN_MARGIN = 1.05;
const WIRES = 6;
const MISSING_DATE_SHARE = 0.02;
const MISSING_OUTLET_SHARE = 0.05;

type Kind = 'report' | 'wire' | 'wire-copy' | 'exact-copy';

interface Outlet {
  name: string;
  domain: string;
  sections: string[];
  reporters: string[];
  /** Paragraph separator: most sites give blank lines, some single newlines. */
  separator: string;
  titleInText: boolean;
  head: (random: Random, article: ArticleDraft) => string[];
  mid: (random: Random, article: ArticleDraft) => string[];
  tail: (random: Random, article: ArticleDraft) => string[];
}

interface EventPlan {
  id: number;
  start: number;
  primary: BaseText;
  companions: BaseText[];
  /** Built at the event's first article, dropped after its last. */
  pool?: EventPool;
  remaining: number;
}

interface EventPool {
  /** Paragraphs per text, as sentences with the names replaced; [0] is the primary's. */
  texts: { text: string; words: number }[][][];
  headline: string;
  wire?: { outlet: Outlet; title: string; body: Block[] };
}

/** A paragraph of a report, and its word count. */
interface Block {
  text: string;
  words: number;
}

interface Slot {
  time: number;
  event: EventPlan;
  kind: Kind;
  /** For an exact copy: the slot it repeats. */
  of?: Slot;
  /** The JSON line written for the slot, kept until an exact copy of it has been written. */
  line?: string;
  wanted?: boolean;
}

interface ArticleDraft {
  outlet: Outlet;
  title: string;
  section: string;
  byline: string;
  time: number;
}

export function writeStream(sources: StreamSources, options: StreamOptions): StreamCorpus {
  const random = seededRandom(options.seed);
  const perDay = options.perDay ?? DEFAULT_PER_DAY;
  const days = Math.max(1, Math.ceil(options.articles / perDay));
  const names = new Names(sources.lowercase, options.seed);
  const outlets = Array.from({ length: OUTLETS }, (_, i) => makeOutlet(random, names, i, false));
  const wires = Array.from({ length: WIRES }, (_, i) => makeOutlet(random, names, i, true));
  const slots = planSlots(random, sources.texts, options.articles, days);

  const out = new JsonlWriter(options.dir);
  const gold = new Map<string, number>();
  const teasers: string[] = [];
  let wireCopies = 0;
  let exactCopies = 0;
  let words = 0;
  let minWords = Infinity;
  let maxWords = 0;
  for (const slot of slots) {
    const event = slot.event;
    let line: string;
    if (slot.kind === 'exact-copy') {
      line = slot.of!.line!;
      exactCopies++;
    } else {
      event.pool ??= buildPool(random, names, event);
      const pool = event.pool;
      const outlet = slot.kind === 'wire' ? pick(random, wires) : pickOutlet(random, outlets);
      let body: Block[];
      let title: string;
      if (slot.kind === 'wire-copy' && pool.wire) {
        const cut = random() < 0.3 ? randomInt(random, 1, 2) : 0;
        body = pool.wire.body.slice(0, Math.max(2, pool.wire.body.length - cut));
        title = random() < 0.6 ? pool.wire.title : titleFrom(random, body, pool.headline);
        wireCopies++;
      } else {
        body = selectParagraphs(random, pool);
        title = random() < 0.5 ? pool.headline : titleFrom(random, body, pool.headline);
        if (slot.kind === 'wire') pool.wire = { outlet, title, body };
      }
      const count = body.reduce((n, p) => n + p.words, 0);
      words += count;
      minWords = Math.min(minWords, count);
      maxWords = Math.max(maxWords, count);
      const draft: ArticleDraft = { outlet, title, section: pick(random, outlet.sections), byline: pick(random, outlet.reporters), time: slot.time };
      const text = page(
        random,
        draft,
        body.map((b) => b.text),
        teasers,
        pool.wire && slot.kind === 'wire-copy' ? pool.wire.outlet : null,
      );
      const record: Record<string, string> = { text, title };
      if (random() >= MISSING_OUTLET_SHARE) record.outlet = outlet.name;
      if (random() >= MISSING_DATE_SHARE) record.published = new Date(slot.time).toISOString();
      record.url = `https://www.${outlet.domain}/${slug(draft.section)}/${new Date(slot.time).toISOString().slice(0, 10).replace(/-/g, '/')}/${slug(title).slice(0, 60)}-${out.lines + 1}`;
      line = JSON.stringify(record);
      teasers.push(title);
      if (teasers.length > 200) teasers.splice(0, 100);
    }
    if (slot.wanted) slot.line = line;
    if (slot.of) slot.of.line = undefined;
    gold.set(out.write(line), event.id);
    if (--event.remaining === 0) event.pool = undefined;
  }
  const files = out.close();
  return {
    dir: options.dir,
    files,
    articles: slots.length,
    bytes: out.bytes,
    events: new Set(slots.map((s) => s.event.id)).size,
    outlets: OUTLETS + WIRES,
    days,
    first: new Date(slots[0]!.time).toISOString(),
    last: new Date(slots[slots.length - 1]!.time).toISOString(),
    wireCopies,
    exactCopies,
    words: { mean: words / Math.max(1, slots.length - exactCopies), min: minWords, max: maxWords },
    gold,
  };
}

/** Every article of the stream as (time, event, kind), in time order, exactly `articles` of them. */
function planSlots(random: Random, texts: BaseText[], articles: number, days: number): Slot[] {
  const slots: Slot[] = [];
  const events: EventPlan[] = [];
  // Base texts are dealt in a shuffled round so one is reused only once every other one has been.
  let deck: BaseText[] = [];
  const groups = new Map<string, BaseText[]>();
  const byCorpus = new Map<string, BaseText[]>();
  for (const t of texts) {
    groups.set(t.group, [...(groups.get(t.group) ?? []), t]);
    byCorpus.set(t.corpus, [...(byCorpus.get(t.corpus) ?? []), t]);
  }
  // How many reports each event gets (and whether a wire story), until the stream is a little
  // longer than asked: its end is cut at the N-th article.
  const shapes: { reports: number; wireCopies: number; lifetime: number }[] = [];
  for (let total = 0; total < articles * PLAN_MARGIN; ) {
    const reports = Math.floor(Math.exp(random() * Math.log(MAX_REPORTS)));
    const wireCopies = reports >= 2 && random() < WIRE_SHARE ? randomInt(random, ...WIRE_COPIES) : 0;
    shapes.push({ reports, wireCopies, lifetime: randomInt(random, ...LIFETIME_DAYS) * DAY_MS });
    total += reports + wireCopies;
  }
  // Events are dealt their texts in start order, so the deck's rounds spread a text's reuse in time.
  const starts = shapes.map(() => random() * days * DAY_MS).sort((a, b) => a - b);
  for (const [index, shape] of shapes.entries()) {
    if (deck.length === 0) deck = shuffled(random, texts);
    const primary = deck.pop()!;
    const group = (groups.get(primary.group) ?? []).filter((t) => t !== primary);
    const others = group.length >= 2 ? group : (byCorpus.get(primary.corpus) ?? texts).filter((t) => t !== primary);
    const companions = shuffled(random, others).slice(0, randomInt(random, ...COMPANIONS));
    const event: EventPlan = { id: events.length, start: START + starts[index]!, primary, companions, remaining: 0 };
    events.push(event);
    for (let k = 0; k < shape.reports; k++) {
      // The first report opens the event; the rest come mostly early in its life.
      const time = k === 0 ? event.start : event.start + random() ** 2 * shape.lifetime;
      const slot: Slot = { time, event, kind: shape.wireCopies > 0 && k === 0 ? 'wire' : 'report' };
      slots.push(slot);
      if (slot.kind === 'wire') for (let c = 0; c < shape.wireCopies; c++) slots.push({ time: time + (0.25 + random() * 6) * HOUR_MS, event, kind: 'wire-copy' });
    }
  }
  // Exact copies repeat a record minutes to a day after it.
  const originals = slots.length;
  for (let k = 0; k < originals; k++) {
    if (random() >= EXACT_COPY_SHARE) continue;
    const of = slots[k]!;
    of.wanted = true;
    slots.push({ time: of.time + (5 * 60_000 + random() * DAY_MS), event: of.event, kind: 'exact-copy', of });
  }
  slots.sort((a, b) => a.time - b.time || a.event.id - b.event.id);
  const kept = slots.slice(0, articles);
  // A copy whose original was cut off by the end of the stream is not written.
  const inStream = new Set(kept);
  const stream = kept.filter((s) => !s.of || inStream.has(s.of));
  for (const s of stream) s.event.remaining++;
  if (stream.length < articles) throw new Error(`planned only ${stream.length} of ${articles} articles`);
  return stream;
}

function buildPool(random: Random, names: Names, event: EventPlan): EventPool {
  const rename = names.forEvent(event.id);
  const texts = [event.primary, ...event.companions].map((t) => t.cut.map((p) => p.map((s) => ({ text: rename(s.parts), words: s.words }))));
  const title = event.primary.title ? rename(cutAtNames(event.primary.title, names.lowercase)) : null;
  return {
    texts,
    headline:
      title ??
      titleFrom(
        random,
        texts[0]!.map((p) => ({ text: p.map((s) => s.text).join(' '), words: 0 })),
        'Update',
      ),
  };
}

/**
 * One report's paragraphs: a lead from the start of a text, then the texts interleaved from a
 * place of the report's own choosing, a few paragraphs of each in turn, some paragraphs and
 * sentences left out. So two reports of one event share names and words but few runs of words:
 * only reprints of one wire story should read as near-copies.
 */
function selectParagraphs(random: Random, pool: EventPool): Block[] {
  const target = Math.round(Math.min(WORDS_RANGE[1], Math.max(WORDS_RANGE[0], WORDS_MEDIAN * Math.exp(WORDS_SIGMA * gaussian(random)))));
  const lead = random() < 0.3 ? 0 : randomInt(random, 0, pool.texts.length - 1);
  const order = [
    lead,
    ...shuffled(
      random,
      pool.texts.map((_, i) => i),
    ).filter((i) => i !== lead),
  ];
  const next = pool.texts.map((p, i) => (i === lead ? 0 : randomInt(random, 0, p.length - 1)));
  const left = pool.texts.map((p) => p.length);
  const body: Block[] = [];
  let words = 0;
  while (words < target) {
    let progressed = false;
    for (const t of order) {
      const paragraphs = pool.texts[t]!;
      for (let k = randomInt(random, 1, 3); k > 0 && left[t]! > 0 && words < target; left[t]!--) {
        progressed = true;
        const sentences = paragraphs[next[t]!]!;
        next[t] = (next[t]! + 1) % paragraphs.length;
        if (body.length > 0 && random() < SKIP_PARAGRAPH) continue;
        // Some sentences left out (none of the lead's, and a lone sentence stays).
        const kept = body.length === 0 || sentences.length < 2 ? sentences : sentences.filter(() => random() >= DROP_SENTENCE);
        if (kept.length === 0) continue;
        const block = { text: kept.map((s) => s.text).join(' '), words: kept.reduce((n, s) => n + s.words, 0) };
        body.push(block);
        words += block.words;
        k--;
      }
    }
    if (!progressed) break;
  }
  return body;
}

/** A headline from the opening sentence of the body: its first 7–13 words. */
function titleFrom(random: Random, body: Block[], fallback: string): string {
  const sentence = (body[0]?.text ?? '').split(/(?<=[.!?])\s/)[0] ?? '';
  const words = sentence
    .replace(/^[“"'‘]/, '')
    .split(/\s+/)
    .filter(Boolean);
  if (words.length < 4) return fallback;
  return words
    .slice(0, randomInt(random, 7, 13))
    .join(' ')
    .replace(/[,;:.!?"”’]+$/, '');
}

/** The page as the outlet prints it: chrome, title, byline and date, the body with chrome between paragraphs, more chrome. */
function page(random: Random, draft: ArticleDraft, body: string[], teasers: string[], wireFrom: Outlet | null): string {
  const { outlet } = draft;
  const head = outlet.head(random, draft);
  const blocks = [...body];
  const breaks = randomInt(random, 0, Math.min(3, blocks.length - 1));
  for (let k = 0; k < breaks; k++) {
    const at = randomInt(random, 1, blocks.length - 1);
    const lines = outlet.mid(random, draft);
    if (random() < 0.4 && teasers.length) lines.push(`${pick(random, ['READ MORE', 'Related', 'Also read', 'See also'])}: ${pick(random, teasers)}`);
    blocks.splice(at, 0, lines.join('\n'));
  }
  const tail = outlet.tail(random, draft);
  if (teasers.length && random() < 0.7) {
    tail.unshift(pick(random, ['More stories', `More In ${draft.section}`, 'Related', 'Most read', 'You may also like']));
    for (let k = randomInt(random, 2, 5); k > 0; k--) tail.splice(1, 0, pick(random, teasers));
  }
  if (wireFrom) tail.unshift(`© ${new Date(draft.time).getUTCFullYear()} ${wireFrom.name}. All rights reserved. This material may not be published, broadcast, rewritten or redistributed.`);
  return [head.join('\n'), blocks.join(outlet.separator), tail.join('\n')].filter(Boolean).join('\n\n') + '\n';
}

// ---- Outlets and their chrome ----

const PAPERS = [
  'Herald',
  'Gazette',
  'Tribune',
  'Courier',
  'Ledger',
  'Post',
  'Times',
  'Chronicle',
  'Observer',
  'Dispatch',
  'Journal',
  'Sentinel',
  'Examiner',
  'Star',
  'Record',
  'Register',
  'Independent',
  'Mirror',
];
const SECTIONS = ['World', 'Politics', 'Business', 'Local', 'National', 'Health', 'Science', 'Crime', 'Sports', 'Entertainment', 'Technology', 'Opinion', 'Weather', 'Education', 'Environment'];
const SOCIAL = ['Facebook', 'X', 'Instagram', 'Threads', 'LinkedIn', 'WhatsApp', 'Email', 'Print', 'Bluesky'];
const MONTHS = ['Jan.', 'Feb.', 'March', 'April', 'May', 'June', 'July', 'Aug.', 'Sept.', 'Oct.', 'Nov.', 'Dec.'];

function makeOutlet(random: Random, names: Names, index: number, wire: boolean): Outlet {
  const place = names.invent(random, 2, 3);
  const name = wire
    ? pick(random, [`${place} Press`, `United ${place} Wire`, `${place} News Agency`, `${place} Press Association`])
    : pick(random, [
        `The ${place} ${pick(random, PAPERS)}`,
        `${place} ${pick(random, PAPERS)}`,
        `${place} Daily`,
        `${place} Public Radio`,
        `${place} News Network`,
        `${place} Online`,
        `The ${place} ${pick(random, PAPERS)}-${pick(random, PAPERS)}`,
      ]);
  const domain = `${slug(name).replace(/-/g, '')}${index}.${pick(random, ['com', 'com', 'net', 'co.uk', 'org', 'news'])}`;
  const sections = shuffled(random, SECTIONS).slice(0, randomInt(random, 4, 8));
  const reporters = Array.from({ length: randomInt(random, 3, 15) }, () => `${names.invent(random, 2, 2)} ${names.invent(random, 2, 3)}`);
  const newsletter = `The ${pick(random, ['Morning', 'Evening', 'Daily', 'Weekend'])} ${pick(random, ['Brief', 'Edition', 'Tide', 'Wrap', 'Digest'])}`;
  const share = pick(random, [
    () => `Share this story: ${shuffled(random, SOCIAL).slice(0, 4).join(' · ')}`,
    () => 'ShareCopy linkGift this article',
    () => `Share on ${pick(random, SOCIAL)}\nShare on ${pick(random, SOCIAL)}`,
    () => `Share\n${shuffled(random, SOCIAL).slice(0, 3).join('\n')}`,
  ]);
  const titleInText = random() < 0.7;
  const style = { skip: random() < 0.6, nav: random() < 0.7, navInline: random() < 0.5, dateFirst: random() < 0.5, bio: random() < 0.5, newsletterBox: random() < 0.5 };
  const year = (time: number) => new Date(time).getUTCFullYear();
  const when = (time: number) => {
    const d = new Date(time);
    const h = d.getUTCHours();
    return `${MONTHS[d.getUTCMonth()]} ${d.getUTCDate()}, ${d.getUTCFullYear()} at ${h % 12 || 12}:${String(d.getUTCMinutes()).padStart(2, '0')} ${h < 12 ? 'a.m.' : 'p.m.'}`;
  };
  return {
    name,
    domain,
    sections,
    reporters,
    separator: random() < 0.2 ? '\n' : '\n\n',
    titleInText,
    head: (r, a) => {
      const lines: string[] = [];
      if (style.skip) lines.push(pick(r, ['Skip to content', 'Skip to main content', 'Skip to navigation']));
      lines.push(name);
      if (style.nav) lines.push(...(style.navInline ? [sections.join(' | ')] : sections));
      if (r() < 0.6) lines.push(pick(r, ['Subscribe', 'Sign in', 'Menu', 'Search', 'Log in | Subscribe', 'Donate']));
      if (r() < 0.4) lines.push(a.section.toUpperCase());
      const byline = wire ? `By ${a.byline}, ${name}` : pick(r, [`By ${a.byline}`, `By ${a.byline}`, `${a.byline}, Staff Writer`, `By ${a.byline} and ${pick(r, reporters)}`]);
      const date = pick(r, [`Published ${when(a.time)}`, `Updated ${when(a.time)}`, when(a.time)]);
      if (titleInText) lines.push(a.title);
      lines.push(...(style.dateFirst ? [date, byline] : [byline, date]));
      if (r() < 0.5) lines.push(share());
      return lines;
    },
    mid: (r, a) =>
      pick(r, [
        () => ['Advertisement'],
        () => ['Story continues below advertisement'],
        () => [
          `${pick(r, ['Officials', 'Residents', 'Crowds', 'Rescue workers', 'Police officers', 'Supporters'])} ${pick(r, ['gather', 'wait', 'stand', 'speak to reporters'])} on ${pick(r, ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'])}. (Photo: ${pick(r, reporters)} / ${name})`,
        ],
        () => [`Follow us on: ${shuffled(r, SOCIAL).slice(0, 4).join(' | ')}`],
        () => [`MORE IN ${a.section.toUpperCase()}`],
      ])(),
    tail: (r, a) => {
      const lines: string[] = [];
      if (style.bio) lines.push(`${a.byline} covers ${a.section.toLowerCase()} for ${name}.`);
      if (style.newsletterBox && r() < 0.8)
        lines.push(`Get ${newsletter}`, `Our newsletter brings the day's top stories to your inbox before 7 a.m.`, 'By signing up you agree to our Terms of Use and Privacy Policy.');
      if (r() < 0.6) lines.push(`Follow ${name} on ${shuffled(r, SOCIAL).slice(0, 3).join(', ')}`);
      lines.push(`© ${year(a.time)} ${name}. All rights reserved.`);
      if (r() < 0.5) lines.push('About us · Contact · Privacy Policy · Terms of Use · Advertise');
      return lines;
    },
  };
}

/** Outlets by popularity: a few publish much of the stream (Zipf-like), most publish a little. */
function pickOutlet(random: Random, outlets: Outlet[]): Outlet {
  return outlets[Math.min(outlets.length - 1, Math.floor(outlets.length * random() ** 2.2))]!;
}

// ---- Invented names ----

const SYLLABLES = [
  'ka',
  'lo',
  'mi',
  'ren',
  'tor',
  'vash',
  'el',
  'dun',
  'qui',
  'sar',
  'bel',
  'ost',
  'ni',
  'gra',
  'pol',
  'zef',
  'an',
  'mor',
  'ta',
  'lin',
  'har',
  'ves',
  'o',
  'bri',
  'cal',
  'den',
  'fi',
  'ru',
];
class Names {
  constructor(
    readonly lowercase: Set<string>,
    private readonly seed: number,
  ) {}

  /** A name of `min`–`max` syllables, capitalised. */
  invent(random: Random, min: number, max: number): string {
    const name = Array.from({ length: randomInt(random, min, max) }, () => pick(random, SYLLABLES)).join('');
    return name[0]!.toUpperCase() + name.slice(1);
  }

  /** Puts the event's own names into a text cut at its names: the same word always gets the same name within the event. */
  forEvent(event: number): (parts: string[]) => string {
    const chosen = new Map<string, string>();
    const nameFor = (word: string) => {
      let name = chosen.get(word);
      if (name === undefined) {
        const random = seededRandom(hash(`${this.seed}:${event}:${word}`));
        name = word === word.toUpperCase() ? Array.from({ length: Math.min(word.length, 5) }, () => String.fromCharCode(65 + randomInt(random, 0, 25))).join('') : this.invent(random, 2, 3);
        chosen.set(word, name);
      }
      return name;
    };
    return (parts) => {
      let text = parts[0]!;
      for (let k = 1; k < parts.length; k += 2) text += nameFor(parts[k]!) + parts[k + 1]!;
      return text;
    };
  }
}

function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** Standard normal by Box–Muller. */
function gaussian(random: Random): number {
  return Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}

function slug(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** Appends JSON lines to numbered files, a new file every FILE_BYTES. Returns each line's `<file>#<line>`. */
class JsonlWriter {
  readonly files: string[] = [];
  bytes = 0;
  lines = 0;
  private fd = -1;
  private fileBytes = 0;
  private fileLines = 0;
  private chunks: string[] = [];

  constructor(private readonly dir: string) {}

  write(line: string): string {
    if (this.fd < 0 || this.fileBytes >= FILE_BYTES) this.next();
    const size = Buffer.byteLength(line) + 1;
    this.chunks.push(line, '\n');
    this.fileBytes += size;
    this.bytes += size;
    this.lines++;
    this.fileLines++;
    if (this.chunks.length >= 512) this.flush();
    return `${this.files[this.files.length - 1]}#${this.fileLines}`;
  }

  close(): string[] {
    this.flush();
    if (this.fd >= 0) closeSync(this.fd);
    this.fd = -1;
    return this.files;
  }

  private next(): void {
    this.close();
    const name = `stream-${String(this.files.length + 1).padStart(5, '0')}.jsonl`;
    this.files.push(name);
    this.fd = openSync(join(this.dir, name), 'w');
    this.fileBytes = 0;
    this.fileLines = 0;
  }

  private flush(): void {
    if (this.chunks.length && this.fd >= 0) writeSync(this.fd, this.chunks.join(''));
    this.chunks = [];
  }
}
