// One utterance printed in different words by different outlets (or twice by one document):
// "keep working on" against "continue to work on". Quotes are compared as word sequences after
// folding case, punctuation, quotation marks and contractions, so a quote that differs only in
// those is the same wording, never a disagreement; nor is one that differs only by an article or
// an inflection ("an obligation and a responsibility" / "an obligation and responsibility",
// "we both agree" / "we both agreed"): those wordings are one variant.
import type { CleanDocument, Entity, FoundDisagreement, FoundVariant, Quote, Span } from '../schema.ts';
import { outletLabel } from '../clean/outlet-label.ts';
import { DisjointSets } from '../util/disjoint-sets.ts';
import { pushTo } from '../util/multimap.ts';
import { foldWord, wordDiff } from './word-diff.ts';
import { lightStem } from '../text/stem.ts';

/** Fewer shared words than this are too little to call two quotes one utterance ("no room for compromise"). */
const MIN_SHARED_WORDS = 4;
/**
 * Quotes of one speaker are one utterance when this share of words agrees: words matched in order
 * over the longer of the two aligned passages (the shorter quote, and the stretch of the longer
 * quote it lines up with). Below it, two sentences of one speaker share mostly "we", "to", "is":
 * "This is something we're going to keep working on" and "It's an issue we have to keep working
 * on" score 0.6 and are two things said; so do "The United States is committed to doing that"
 * and a long answer holding "the United States, is that" (0.63).
 */
const SAME_SPEAKER_SIMILARITY = 0.7;
/**
 * Looser, when the quotes just before (or just after) in both documents are already one
 * utterance: outlets quote a statement in the same order, so the next sentence of the same
 * speaker is likely the same sentence reworded ("This is something we're going to keep working
 * on" / "It's something we'll continue to work on", 0.5). Not lower: two different follow-up
 * sentences that open alike ("We are ready to sit down with them tomorrow" / "We are ready to
 * stay out all winter", 0.44) stay two.
 */
const NEIGHBOUR_SIMILARITY = 0.5;
/**
 * Quotes attributed to different speakers (a minister and his ministry's readout) are one
 * utterance only when nearly word for word over a whole clause.
 */
const ANY_SPEAKER_SIMILARITY = 0.8;
const ANY_SPEAKER_SHARED_WORDS = 6;
/** Two transcript turns of thousands of words are not aligned word by word beyond this many cells. */
const MAX_ALIGNMENT_CELLS = 25_000_000;

interface Wording {
  quote: Quote;
  /** Position of the quote's document in `documents`: the reading order of outlets. */
  docOrder: number;
  words: string[];
  /** The words as numbers (one per distinct word), for the alignment's inner loop. */
  ids: Int32Array;
  /**
   * Offsets in the original of the printed word each compared word comes from. Worked out again
   * when asked for (only for quotes joined to another): an object per word of every quote, millions
   * in a long report, would outlive the comparison in the heap.
   */
  from(): { start: number; end: number }[];
  key: string;
  counts: Map<string, number>;
  /** Where each word id stands in `ids`, made when first asked for (see `contains`). */
  positions?: Map<number, number[]>;
}

/** Two quotes that may be one utterance: where the shorter lines up inside the longer. */
interface Link {
  short: Wording;
  long: Wording;
  fit: Fit;
}

/** Where a shorter quote lines up inside a longer one, in compared words, and the words matched. */
type Fit = { start: number; end: number; shared: number };

/** A stretch of one quote, in compared words, that lines up with another quote. */
interface Passage {
  wording: Wording;
  start: number;
  end: number;
}

export function quoteVariants(documents: CleanDocument[], entities: Entity[], quotes: Quote[]): FoundDisagreement[] {
  const docs = new Map(documents.map((d, i) => [d.id, { doc: d, order: i }]));
  const names = new Map(entities.map((e) => [e.id, e.name]));
  const vocabulary = new Map<string, number>();
  const compared = new Map<string, string[]>();
  const wordings = quotes.flatMap((quote) => {
    const at = docs.get(quote.span.doc);
    if (!at) return [];
    const w = wording(quote, at.doc.original, at.order, vocabulary, compared);
    return w.words.length >= MIN_SHARED_WORDS ? [w] : [];
  });
  wordings.sort(byReadingOrder);
  const counts: WordCounts = { wanted: new Int32Array(vocabulary.size), inWindow: new Int32Array(vocabulary.size) };

  // A quote that another quote of the speaker contains word for word is an excerpt of it: it
  // cannot disagree, but it can tell which of two wordings its outlet printed.
  // Quotes printed with the same words (a report that repeats itself, outlets that agree) are
  // compared once per pair of wordings, not once per pair of quotes.
  const excerpts = new Set<Wording>();
  const inside: [Wording, Wording][] = [];
  const sameKey = groupByKey(wordings);
  const holding = new Map<string, Wording[][]>();
  for (const group of sameKey) for (const word of group[0]!.counts.keys()) pushTo(holding, word, group);
  const holders = new Map<string, Set<Wording[]>>();
  const holderSet = (word: string) => {
    let set = holders.get(word);
    if (!set) holders.set(word, (set = new Set(holding.get(word))));
    return set;
  };
  for (const shorts of sameKey) {
    if (shorts[0]!.words.length < MIN_SHARED_WORDS) continue;
    // Only quotes that have the short quote's two rarest words can hold it.
    const rarest = [...shorts[0]!.counts.keys()].sort((a, b) => holding.get(a)!.length - holding.get(b)!.length);
    const also = rarest.length > 1 ? holderSet(rarest[1]!) : null;
    for (const longs of holding.get(rarest[0]!)!) {
      if ((also && !also.has(longs)) || !contains(longs[0]!, shorts[0]!)) continue;
      for (const short of shorts) {
        for (const long of longs) {
          if (!mayShare(short, long, short.words.length)) continue;
          excerpts.add(short);
          inside.push([short, long]);
        }
      }
    }
  }
  const order = new Map(wordings.map((w, i) => [w, i]));
  inside.sort((x, y) => order.get(x[0])! - order.get(y[0])! || order.get(x[1])! - order.get(y[1])!);
  const whole = wordings.filter((w) => !excerpts.has(w));
  const strong = strongLinks(whole, counts);
  const passages = new PassageSets();
  const join = ({ short, long, fit }: Link) => passages.union(passages.of(short, 0, short.words.length), passages.of(long, fit.start, fit.end));
  strong.forEach(join);

  // Quotes next to two quotes known to be one utterance (linked, the same words, or one inside
  // the other), on the same side in both documents, are held to the looser bar; a pair joined so
  // lets the pair next to it be tried in turn.
  const neighbours = quoteNeighbours(wordings);
  const known: [Wording, Wording][] = [...strong.map((l): [Wording, Wording] => [l.short, l.long]), ...inside, ...sameWords(wordings)];
  const tried = new Set<string>();
  for (let k = 0; k < known.length; k++) {
    const [x, y] = known[k]!;
    for (const side of ['before', 'after'] as const) {
      const a = neighbours.get(x)![side];
      const b = neighbours.get(y)![side];
      if (!a || !b || excerpts.has(a) || excerpts.has(b) || a.quote.span.doc === b.quote.span.doc || !sameSpeaker(a.quote, b.quote)) continue;
      const id = [a.quote.id, b.quote.id].sort().join('|');
      if (tried.has(id)) continue;
      tried.add(id);
      const link = tryLink(a, b, NEIGHBOUR_SIMILARITY, MIN_SHARED_WORDS, counts);
      if (!link) continue;
      join(link);
      known.push([link.short, link.long]);
    }
  }

  const out: FoundDisagreement[] = [];
  const shortQuotes = [...excerpts].sort((x, y) => order.get(x)! - order.get(y)!);
  for (const group of passages.groups()) {
    const d = disagreement(group, shortQuotes, docs, names);
    if (d) out.push({ ...d, id: `quote-${out.length + 1}` });
  }
  return out;
}

/**
 * The compared words of a quote: folded, contractions spelt out, each tied to its printed word.
 * `compared` remembers what each printed word became (quotes repeat their words).
 */
function wording(quote: Quote, original: string, docOrder: number, vocabulary: Map<string, number>, compared: Map<string, string[]>): Wording {
  const words: string[] = [];
  const text = original.slice(quote.span.start, quote.span.end);
  const printed = () => text.matchAll(/[\p{L}\p{N}]+(?:['\u2019\u02bc][\p{L}]+)*/gu);
  for (const m of printed()) {
    let became = compared.get(m[0]);
    if (!became) compared.set(m[0], (became = expandContraction(foldWord(m[0]))));
    for (const w of became) words.push(w);
  }
  let offsets: { start: number; end: number }[] | undefined;
  const from = () => {
    if (offsets) return offsets;
    offsets = [];
    for (const m of printed()) {
      const at = { start: quote.span.start + m.index, end: quote.span.start + m.index + m[0].length };
      for (let k = compared.get(m[0])!.length; k > 0; k--) offsets.push(at);
    }
    return offsets;
  };
  const counts = new Map<string, number>();
  for (const w of words) counts.set(w, (counts.get(w) ?? 0) + 1);
  const ids = Int32Array.from(words, (w) => {
    let id = vocabulary.get(w);
    if (id === undefined) vocabulary.set(w, (id = vocabulary.size));
    return id;
  });
  return { quote, docOrder, words, ids, from, key: words.join(' '), counts };
}

/** Pronouns after which "'s" is "is", not a possessive: "it's", "that's", "there's". */
const IS_CONTRACTED_AFTER = new Set(['it', 'that', 'there', 'here', 'what', 'who', 'he', 'she', 'where', 'how', 'when', 'why']);
const IRREGULAR_NEGATIONS = new Map([
  ["can't", ['can', 'not']],
  ['cannot', ['can', 'not']],
  ["won't", ['will', 'not']],
  ["shan't", ['shall', 'not']],
  ["ain't", ['is', 'not']],
]);
const CONTRACTED: Record<string, string> = { "n't": 'not', "'re": 'are', "'ll": 'will', "'ve": 'have', "'m": 'am', "'d": 'would' };

/** "we'll" → we will, "don't" → do not, "it's" → it is; possessives ("China's") stay one word. */
export function expandContraction(word: string): string[] {
  const irregular = IRREGULAR_NEGATIONS.get(word);
  if (irregular) return irregular;
  if (!word.includes("'")) return [word];
  for (const [ending, full] of Object.entries(CONTRACTED)) {
    if (word.endsWith(ending) && word.length > ending.length) return [word.slice(0, -ending.length), full];
  }
  if (word === "let's") return ['let', 'us'];
  if (word.endsWith("'s") && IS_CONTRACTED_AFTER.has(word.slice(0, -2))) return [word.slice(0, -2), 'is'];
  return [word];
}

function sameSpeaker(a: Quote, b: Quote): boolean {
  if (a.speaker || b.speaker) return a.speaker === b.speaker;
  return !!a.speakerName && !!b.speakerName && a.speakerName.toLowerCase() === b.speakerName.toLowerCase();
}

/** The two quotes as one utterance when their words agree this much over the passage they share. */
function tryLink(a: Wording, b: Wording, similarity: number, minShared: number, counts: WordCounts): Link | null {
  const [short, long] = a.words.length <= b.words.length ? [a, b] : [b, a];
  if (short.words.length < minShared || !couldReach(short, long, similarity, counts)) return null;
  const fit = alignInside(short.ids, long.ids);
  return reaches(fit, short.words.length, similarity, minShared) ? { short, long, fit } : null;
}

/** The wordings grouped by their compared words, each group and the groups in reading order. */
function groupByKey(wordings: Wording[]): Wording[][] {
  const byKey = new Map<string, Wording[]>();
  for (const w of wordings) pushTo(byKey, w.key, w);
  return [...byKey.values()];
}

/**
 * Every pair of quotes that may be one utterance (the same speaker's at SAME_SPEAKER_SIMILARITY,
 * anyone's at ANY_SPEAKER_SIMILARITY), in the order of `whole` (the earlier quote of a pair first).
 * Quotes of the same words are aligned once per pair of wordings: the shorter lines up inside the
 * longer in the same way whoever printed them; who said them sets the bar each pair must reach.
 */
function strongLinks(whole: Wording[], counts: WordCounts): Link[] {
  const position = new Map(whole.map((w, i) => [w, i]));
  const groups = groupByKey(whole);
  const found: { i: number; j: number; link: Link }[] = [];
  const partners = candidateGroups(groups);
  for (let p = 0; p < groups.length; p++) {
    for (const q of partners[p]!) {
      const x = groups[p]![0]!;
      const y = groups[q]![0]!;
      // Whether the shorter wording can reach a bar inside the other (cheap, per bar), and where
      // it lines up (aligned at most once each way, and only for a bar it can reach).
      const reach = new Map<string, boolean>();
      const canReach = (short: Wording, similarity: number): boolean => {
        const key = `${short === x ? 'x' : 'y'}${similarity}`;
        if (!reach.has(key)) reach.set(key, short.words.length >= MIN_SHARED_WORDS && couldReach(short, short === x ? y : x, similarity, counts));
        return reach.get(key)!;
      };
      const fits = new Map<Wording, Fit | null>();
      const fitOf = (short: Wording): Fit | null => {
        if (!fits.has(short)) fits.set(short, alignInside(short.ids, (short === x ? y : x).ids));
        return fits.get(short)!;
      };
      // The shorter is the one with fewer words, or the earlier when they have as many.
      const shorter = x.words.length < y.words.length ? [x] : x.words.length > y.words.length ? [y] : x === y ? [x] : [x, y];
      if (!shorter.some((w) => canReach(w, SAME_SPEAKER_SIMILARITY))) continue;
      for (const a of groups[p]!) {
        for (const b of groups[q]!) {
          const [pa, pb] = [position.get(a)!, position.get(b)!];
          // Within one group, each pair once.
          if (p === q && pa >= pb) continue;
          const [i, j] = pa < pb ? [pa, pb] : [pb, pa];
          const first = whole[i]!;
          const second = whole[j]!;
          const [short, long] = first.words.length <= second.words.length ? [first, second] : [second, first];
          const shortGroup = short.key === x.key ? x : y;
          const [similarity, minShared] = sameSpeaker(first.quote, second.quote) ? [SAME_SPEAKER_SIMILARITY, MIN_SHARED_WORDS] : [ANY_SPEAKER_SIMILARITY, ANY_SPEAKER_SHARED_WORDS];
          if (short.words.length < minShared || !canReach(shortGroup, similarity)) continue;
          const fit = fitOf(shortGroup);
          if (reaches(fit, short.words.length, similarity, minShared)) found.push({ i, j, link: { short, long, fit } });
        }
      }
    }
  }
  return found.sort((m, n) => m.i - n.i || m.j - n.j).map((f) => f.link);
}

/**
 * For each group p, the groups q >= p it may link with, ascending: the pairs of groups whose
 * shorter wording could reach SAME_SPEAKER_SIMILARITY inside the other (what `strongLinks` asks
 * first), found through the words they share instead of trying every pair of groups (quadratic in
 * a long report's quotes). A shorter wording of n words needs `needed` of them in the longer
 * one (couldReach); if the longer one has none of the short one's rarest words, it holds at most
 * the rest, so a partner must hold one of the rarest words beyond the last `needed - 1` of them.
 * A group of several quotes is its own partner (its quotes are compared with each other).
 */
function candidateGroups(groups: readonly Wording[][]): number[][] {
  const holders = new Map<string, number[]>();
  groups.forEach((g, k) => {
    for (const word of g[0]!.counts.keys()) pushTo(holders, word, k);
  });
  const partners: number[][] = groups.map((g, k) => (g.length > 1 ? [k] : []));
  const stamp = new Int32Array(groups.length).fill(-1);
  groups.forEach((g, p) => {
    const short = g[0]!;
    const n = short.words.length;
    if (n < MIN_SHARED_WORDS) return;
    const needed = Math.max(MIN_SHARED_WORDS, Math.ceil(n * SAME_SPEAKER_SIMILARITY - 1e-9));
    const rarest = [...short.counts].sort((a, b) => holders.get(a[0])!.length - holders.get(b[0])!.length);
    stamp[p] = p;
    let rest = n;
    for (const [word, count] of rarest) {
      if (rest < needed) break;
      rest -= count;
      for (const q of holders.get(word)!) {
        if (stamp[q] === p) continue;
        stamp[q] = p;
        // Only as the shorter (or as long) of the two does this wording have to reach the bar.
        if (groups[q]![0]!.words.length < n) continue;
        partners[Math.min(p, q)]!.push(Math.max(p, q));
      }
    }
  });
  // A pair found from both sides (wordings as long as each other) is tried once, in order.
  return partners.map((list) => [...new Set(list)].sort((a, b) => a - b));
}

/** Whether a fit of a quote of `n` words matches enough words over the stretch it covers. */
function reaches(fit: Fit | null, n: number, similarity: number, minShared: number): fit is Fit {
  return !!fit && fit.shared >= minShared && fit.shared / Math.max(n, fit.end - fit.start) >= similarity;
}

/** Pairs of quotes (of different documents) whose words are the same once folded. */
function sameWords(wordings: Wording[]): [Wording, Wording][] {
  return groupByKey(wordings).flatMap((list) =>
    list.flatMap((x, i) =>
      list
        .slice(i + 1)
        .filter((y) => y.quote.span.doc !== x.quote.span.doc)
        .map((y): [Wording, Wording] => [x, y]),
    ),
  );
}

/** Can these two quotes be one utterance at all, by who said them and how long the shorter is? */
function mayShare(short: Wording, long: Wording, shared: number): boolean {
  return sameSpeaker(short.quote, long.quote) ? shared >= MIN_SHARED_WORDS : shared >= ANY_SPEAKER_SHARED_WORDS;
}

/**
 * `short`'s words, in order, inside `long`'s (counted first: most pairs fail that cheaply); then
 * tried only where the long quote has the short one's word it holds fewest times, so a long quote
 * is not searched end to end for each quote it might hold.
 */
function contains(long: Wording, short: Wording): boolean {
  if (long.words.length <= short.words.length) return false;
  let anchor = -1;
  let fewest = Infinity;
  for (const [w, n] of short.counts) {
    const there = long.counts.get(w) ?? 0;
    if (there < n) return false;
    if (there < fewest) [fewest, anchor] = [there, short.words.indexOf(w)];
  }
  const want = short.ids;
  const have = long.ids;
  for (const at of positionsOf(long).get(want[anchor]!)!) {
    const start = at - anchor;
    if (start < 0 || start + want.length > have.length) continue;
    let k = 0;
    while (k < want.length && have[start + k] === want[k]) k++;
    if (k === want.length) return true;
  }
  return false;
}

function positionsOf(w: Wording): Map<number, number[]> {
  if (!w.positions) {
    w.positions = new Map();
    w.ids.forEach((id, at) => pushTo(w.positions!, id, at));
  }
  return w.positions;
}

/**
 * An upper bound that stops most pairs before the alignment: a passage reaching `similarity` is
 * at most n / similarity words long (n the shorter quote's words), so some stretch of the longer
 * quote that long must hold, counted without order, at least n × similarity of the shorter's
 * words. One slide over the longer quote.
 */
function couldReach(short: Wording, long: Wording, similarity: number, counts: WordCounts): boolean {
  const n = short.words.length;
  const needed = Math.max(MIN_SHARED_WORDS, Math.ceil(n * similarity - 1e-9));
  if (n * long.words.length > MAX_ALIGNMENT_CELLS) return false;
  const width = Math.min(long.words.length, Math.floor(n / similarity + 1e-9));
  const { wanted, inWindow } = counts;
  const ids = long.ids;
  for (const id of short.ids) wanted[id]!++;
  let shared = 0;
  let j = 0;
  for (; j < ids.length && shared < needed; j++) {
    const added = ids[j]!;
    if (inWindow[added]!++ < wanted[added]!) shared++;
    if (j >= width) {
      const dropped = ids[j - width]!;
      if (--inWindow[dropped]! < wanted[dropped]!) shared--;
    }
  }
  // Leave the counts at zero for the next pair.
  for (const id of short.ids) wanted[id] = 0;
  for (let k = 0; k < j; k++) inWindow[ids[k]!] = 0;
  return shared >= needed;
}

/** Per word id: how often the shorter quote has it, and how often the window over the longer one does (all zero between pairs). */
interface WordCounts {
  wanted: Int32Array;
  inWindow: Int32Array;
}

/**
 * The stretch of `long` that `short` lines up with best: fewest word edits turning all of
 * `short` into a stretch of `long` (either end of `long` is free), with the words matched on the
 * way. Two rows of the table at a time.
 */
function alignInside(short: ArrayLike<number>, long: ArrayLike<number>): Fit | null {
  const width = long.length + 1;
  let cost = new Int32Array(width);
  let start = Int32Array.from({ length: width }, (_, j) => j);
  let shared = new Int32Array(width);
  let nextCost = new Int32Array(width);
  let nextStart = new Int32Array(width);
  let nextShared = new Int32Array(width);
  for (let i = 1; i <= short.length; i++) {
    nextCost[0] = i;
    nextStart[0] = 0;
    nextShared[0] = 0;
    for (let j = 1; j < width; j++) {
      const match = short[i - 1] === long[j - 1] ? 1 : 0;
      // Diagonal (same or substituted word), then a word of `short` missing, then one of `long` extra.
      let c = cost[j - 1]! + 1 - match;
      let s = start[j - 1]!;
      let m = shared[j - 1]! + match;
      const up = cost[j]! + 1;
      if (up < c || (up === c && shared[j]! > m)) {
        c = up;
        s = start[j]!;
        m = shared[j]!;
      }
      const left = nextCost[j - 1]! + 1;
      if (left < c || (left === c && nextShared[j - 1]! > m)) {
        c = left;
        s = nextStart[j - 1]!;
        m = nextShared[j - 1]!;
      }
      nextCost[j] = c;
      nextStart[j] = s;
      nextShared[j] = m;
    }
    [cost, nextCost] = [nextCost, cost];
    [start, nextStart] = [nextStart, start];
    [shared, nextShared] = [nextShared, shared];
  }
  let best = -1;
  for (let j = 1; j < width; j++) {
    if (best < 0 || cost[j]! < cost[best]! || (cost[j] === cost[best] && shared[j]! > shared[best]!)) best = j;
  }
  if (best < 0 || shared[best] === 0) return null;
  return { start: start[best]!, end: best, shared: shared[best]! };
}

/** For each quote, the quotes just before and after it in its document (quotes too short to compare skipped). */
function quoteNeighbours(wordings: Wording[]): Map<Wording, { before?: Wording; after?: Wording }> {
  const byDoc = new Map<string, Wording[]>();
  for (const w of wordings) pushTo(byDoc, w.quote.span.doc, w);
  const out = new Map<Wording, { before?: Wording; after?: Wording }>();
  for (const list of byDoc.values()) list.forEach((w, i) => out.set(w, { before: list[i - 1], after: list[i + 1] }));
  return out;
}

/**
 * Passages joined into utterances. One quote may hold several (a long transcript turn that
 * several outlets quote from in different places); stretches of one quote that overlap by at
 * least half of the shorter are one passage.
 */
class PassageSets {
  private readonly all: Passage[] = [];
  private readonly sets = new DisjointSets();

  of(wording: Wording, start: number, end: number): Passage {
    const found = this.all.find((p) => p.wording === wording && Math.min(p.end, end) - Math.max(p.start, start) >= Math.min(p.end - p.start, end - start) / 2);
    if (found) {
      found.start = Math.min(found.start, start);
      found.end = Math.max(found.end, end);
      return found;
    }
    const p = { wording, start, end };
    this.sets.add();
    this.all.push(p);
    return p;
  }

  union(a: Passage, b: Passage): void {
    this.sets.union(this.all.indexOf(a), this.all.indexOf(b));
  }

  /** Groups of two or more quotes, one passage per quote, in reading order. */
  groups(): Passage[][] {
    return this.sets
      .groups()
      .map((members) => members.map((i) => this.all[i]!))
      .map((group) => group.filter((p, i) => group.findIndex((q) => q.wording === p.wording) === i).sort((x, y) => byReadingOrder(x.wording, y.wording)))
      .filter((group) => group.length > 1);
  }
}

function byReadingOrder(a: Wording, b: Wording): number {
  return a.docOrder - b.docOrder || a.quote.span.start - b.quote.span.start;
}

interface Printed {
  wording: Wording;
  span: Span;
  key: string;
}

/** The wordings of one utterance, or null when they all agree once folded. */
function disagreement(group: Passage[], excerpts: Wording[], docs: Map<string, { doc: CleanDocument; order: number }>, names: Map<string, string>): FoundDisagreement | null {
  // Every member is read over the stretch the shortest member covers, so words one outlet
  // quoted beyond what another did are not shown as a difference.
  const reference = group.reduce((a, b) => (b.end - b.start < a.end - a.start ? b : a));
  const referenceWords = reference.wording.ids.subarray(reference.start, reference.end);
  const printed = group.map((p): Printed => {
    let { start, end } = p;
    if (p !== reference && end - start > referenceWords.length) {
      const fit = alignInside(referenceWords, p.wording.ids.subarray(start, end));
      if (fit) [start, end] = [start + fit.start, start + fit.end];
    }
    return { wording: p.wording, span: passageSpan(p.wording, start, end), key: p.wording.words.slice(start, end).join(' ') };
  });
  const byKey = new Map<string, Printed[]>();
  for (const p of printed) pushTo(byKey, p.key, p);
  if (new Set([...byKey.keys()].map(trivialKey)).size < 2) return null;

  // An excerpt found in exactly one of the wordings says which one its outlet printed.
  const members = new Set(group.map((p) => p.wording));
  for (const e of excerpts) {
    if (members.has(e) || !group.some((p) => mayShare(e, p.wording, e.words.length))) continue;
    const holding = [...byKey.keys()].filter((key) => ` ${key} `.includes(` ${e.key} `));
    if (holding.length === 1) byKey.get(holding[0]!)!.push({ wording: e, span: e.quote.span, key: holding[0]! });
  }

  const outletOf = (span: Span) => {
    const at = docs.get(span.doc);
    return at ? outletLabel(at.doc) : span.doc;
  };
  // Wordings that differ only by articles or inflections are one variant, the most printed first.
  const byTrivialKey = new Map<string, Printed[]>();
  for (const list of [...byKey.values()].sort((a, b) => b.length - a.length)) for (const p of list) pushTo(byTrivialKey, trivialKey(p.key), p);
  const variants = [...byTrivialKey.values()]
    .map((list) => ({ list, outlets: [...new Set(list.map((p) => outletOf(p.span)))] }))
    .sort((a, b) => b.outlets.length - a.outlets.length || b.list.length - a.list.length || byReadingOrder(a.list[0]!.wording, b.list[0]!.wording));
  const printedText = (p: Printed) => docs.get(p.span.doc)!.doc.original.slice(p.span.start, p.span.end);
  const first = printedText(variants[0]!.list[0]!);
  const result: FoundVariant[] = variants.map(({ list, outlets }) => {
    const value = printedText(list[0]!);
    return { value, normalized: null, support: list.map((p) => p.span), outlets, diff: wordDiff(first, value) };
  });

  const docsPerVariant = variants.map(({ list }) => new Set(list.map((p) => p.span.doc)));
  const withinDocument = docsPerVariant.some((a, i) => docsPerVariant.some((b, j) => j > i && [...a].some((d) => b.has(d))));
  const speakers = [...new Set(variants.flatMap(({ list }) => list.map((p) => speakerName(p.wording.quote, names)).filter((n): n is string => !!n)))];
  const context = variants
    .flatMap(({ list }) => list.map((p) => p.wording))
    .sort(byReadingOrder)
    .map((w) => w.quote.span);
  return {
    about: `words of ${speakers.length ? joinNames(speakers) : 'an unidentified speaker'}`,
    kind: 'quote',
    fact: null,
    withinDocument,
    context,
    variants: result,
  };
}

/** Words whose presence or absence never changes what a quote says. */
const ARTICLES = new Set(['a', 'an', 'the']);

/** A compared wording with its trivial differences folded: articles dropped, inflections stemmed. */
function trivialKey(key: string): string {
  return key
    .split(' ')
    .filter((w) => w && !ARTICLES.has(w))
    .map(lightStem)
    .join(' ');
}

/** The printed words from compared word `start` to `end`; all of them is the whole quote as printed. */
function passageSpan(w: Wording, start: number, end: number): Span {
  if (start === 0 && end === w.words.length) return w.quote.span;
  const from = w.from();
  return { doc: w.quote.span.doc, start: from[start]!.start, end: from[end - 1]!.end };
}

function speakerName(q: Quote, names: Map<string, string>): string | null {
  return (q.speaker ? names.get(q.speaker) : null) ?? q.speakerName;
}

function joinNames(names: string[]): string {
  return names.length <= 2 ? names.join(' and ') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}
