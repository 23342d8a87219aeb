// Scorer for quote attribution on PolNeAR (../shared/eval/attribution-polnear): who said which
// direct quotation. Pure functions over character offsets; nothing here depends on src/.
//
// Data: `<split>/text/<name>.txt` and `<split>/attributions/<name>_<annotator>.ann` in brat
// standoff. Offsets are JavaScript string offsets into the .txt: every text-bound annotation of
// dev and train slices to its recorded text (fragments joined by one space, brat's convention),
// the texts have no CR and no character outside the Basic Multilingual Plane, and byte offsets
// would not fit (the texts carry curly quotes and dashes). Brat itself counts code points, which
// differ from string offsets only after an astral character; `codePointOffsets` converts them,
// and is the identity on PolNeAR. test/attribution-scorer.test.ts checks every dev annotation.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const POLNEAR_DIR = fileURLToPath(new URL('../../../shared/eval/attribution-polnear/', import.meta.url));

export interface Range {
  start: number;
  end: number;
}

export interface GoldAttribution {
  source: Range[];
  cue: Range[];
  /** Sorted by start; several ranges when the annotator left out an inserted "he said". */
  content: Range[];
  /** The content is a direct quotation (see `isDirectQuote`). */
  direct: boolean;
}

export interface GoldDoc {
  name: string;
  /** The .ann file the attributions come from. */
  annotation: string;
  text: string;
  attributions: GoldAttribution[];
}

export interface PredictedQuote {
  /** The quoted words. */
  start: number;
  end: number;
  /** Every mention of the resolved speaker in this text, the attributing one included; empty when no speaker was found. */
  speakerMentions: Range[];
}

// ---------------------------------------------------------------------------------------------
// Brat standoff

export interface TextBound {
  id: string;
  type: string;
  ranges: Range[];
  /** The annotated text as recorded in the .ann (fragments joined by a space). */
  text: string;
}

export interface Relation {
  id: string;
  /** The role of the first argument: `Attribution` or `Attribution-no-source` in PolNeAR. */
  type: string;
  args: { role: string; target: string }[];
}

export interface Brat {
  spans: Map<string, TextBound>;
  relations: Relation[];
}

/** Lines of brat standoff begin with an id: T1, E1, R1, A1, M1, N1, #1 or `*`. */
const RECORD_RE = /^(?:[TERAMN#]\d+|\*)\t/;

/**
 * Parses brat standoff. An annotated text that holds newlines continues on the following lines
 * of the .ann (PolNeAR has a few), so a line that starts no record belongs to the one before.
 */
export function parseBrat(ann: string): Brat {
  const records: string[] = [];
  for (const line of ann.replace(/\n$/, '').split('\n')) {
    if (RECORD_RE.test(line) || records.length === 0) records.push(line);
    else records[records.length - 1] += '\n' + line;
  }
  const spans = new Map<string, TextBound>();
  const relations: Relation[] = [];
  for (const record of records) {
    const [id = '', head = '', ...rest] = record.split('\t');
    if (id.startsWith('T')) {
      const space = head.indexOf(' ');
      const ranges = head
        .slice(space + 1)
        .split(';')
        .map((pair) => {
          const [start, end] = pair.trim().split(' ').map(Number);
          if (!Number.isInteger(start) || !Number.isInteger(end)) throw new Error(`bad brat offsets in ${id}: ${head}`);
          return { start: start!, end: end! };
        });
      spans.set(id, { id, type: head.slice(0, space), ranges, text: rest.join('\t') });
    } else if (id.startsWith('E')) {
      const args = head
        .trim()
        .split(/\s+/)
        .filter(Boolean)
        .map((arg) => {
          const colon = arg.lastIndexOf(':');
          return { role: arg.slice(0, colon), target: arg.slice(colon + 1) };
        });
      relations.push({ id, type: args[0]?.role ?? '', args });
    }
    // Notes (#), attributes and normalisations carry nothing we score.
  }
  return { spans, relations };
}

/** Text-bound annotations whose offsets do not slice `text` to their recorded text. */
export function mismatchedSpans(text: string, brat: Brat): TextBound[] {
  const at = codePointOffsets(text);
  return [...brat.spans.values()].filter((t) => t.ranges.map((r) => text.slice(at(r.start), at(r.end))).join(' ') !== t.text);
}

/** Maps code-point offsets (brat's) to UTF-16 offsets; the identity for text without astral characters. */
export function codePointOffsets(text: string): (offset: number) => number {
  if (!/[\uD800-\uDBFF]/.test(text)) return (offset) => offset;
  const utf16: number[] = [];
  let i = 0;
  for (const ch of text) {
    utf16.push(i);
    i += ch.length;
  }
  utf16.push(i);
  return (offset) => utf16[offset] ?? i;
}

// ---------------------------------------------------------------------------------------------
// Direct quotations
//
// Rule, settled on the dev contents that hold a quotation mark (668 of 2,192; 355 come out direct):
//  1. Every letter and digit of the content lies inside quotation marks. The marks may be inside
//     the span or just outside it, trailing punctuation may fall either side of the closing mark,
//     and one content may be several quotations (`“I would,” ‖ “I would, Donald.”`, the "he
//     said" between them left out by the annotator). A paraphrase carrying quoted phrases
//     (`that Machado was “disgusting” and “a con”`, `“Trump exaggerates” the level of …`) has
//     words outside the marks, so it is not direct.
//  2. The quotation is not a phrase worked into running text: the text before its opening mark
//     on the same line must not end in a letter or digit (it may end in a colon, a comma, a full
//     stop or a dash, or the quotation may open the paragraph). `labeled “medical problem,”`,
//     `call them "lone wolves"`, `attacked “the hateful ideology of radical Islam …”` are partial
//     quotes. After a word, a quotation still counts when it reads as a sentence: it starts with a
//     capital and its last word is followed by . ? ! , or … (`declared “I think NATO may be
//     obsolete. …”`, `chanted "What curfew?"`).
//  3. The quotation starts with the content's first word and ends with its last: words inside a
//     longer quotation are not a direct quote of their own source. This leaves out attributions
//     nested in a passage the article quotes from another paper (`McCrummen reports: "… after what
//     she called a “rant,” …"`) and the turns of a transcript quoted whole, one `"WALLACE: …`
//     paragraph each (the speaker label sits inside the marks).
// Quotation marks are " “ ”; single quotes are left alone (they are apostrophes, or nested quotes
// that already lie inside a double-quoted one). Whether a mark opens or closes is read from its
// neighbours, not its shape, since the texts hold wrong-way marks (`“Mostly False.“`) and straight
// quotes; quotations nest (`“… what he calls “hell” than …”`). A quotation still open at the end
// of a paragraph (a line) continues into the next one when that one opens with a quotation mark
// (the newspaper convention for quotes of several paragraphs); otherwise it ends with its paragraph.

const MARKS = '"“”';
const WORD_RE = /[\p{L}\p{N}]/u;
/** What may stand right before an opening mark. */
const BEFORE_OPENING_RE = /[\s([{\u2014\u2013/:-]/;
/** What may follow a closing mark. */
const AFTER_CLOSING_RE = /[\s.,;:!?)\]}\u2014\u2013…-]/;

function opensHere(text: string, i: number, insideQuote: boolean): boolean {
  const prev = text[i - 1] ?? '\n';
  const next = text[i + 1] ?? '\n';
  const spaceBefore = BEFORE_OPENING_RE.test(prev);
  const spaceAfter = AFTER_CLOSING_RE.test(next) || MARKS.includes(next);
  let opens: boolean;
  if (text[i] === '“') opens = !(!spaceBefore && spaceAfter);
  else if (text[i] === '”') opens = spaceBefore && !spaceAfter;
  else opens = spaceBefore && !(insideQuote && spaceAfter); // `outreach,' "` closes
  // A mark that would close with nothing open, and leads straight into a word, opens.
  if (!opens && !insideQuote && WORD_RE.test(next)) opens = true;
  return opens;
}

/**
 * For every character of `text`, the offset of the opening mark of the outermost quotation it
 * lies in (the marks themselves included), or -1 outside quotations.
 */
export function quotationOpeners(text: string): Int32Array {
  const out = new Int32Array(text.length).fill(-1);
  const open: number[] = [];
  let reopening = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '\n') {
      if (open.length > 0 && !reopening) {
        let j = i + 1;
        while (j < text.length && /\s/.test(text[j]!)) j++;
        if (j < text.length && MARKS.includes(text[j]!) && opensHere(text, j, false)) reopening = true;
        else open.length = 0;
      }
      continue;
    }
    if (MARKS.includes(ch)) {
      if (opensHere(text, i, open.length > 0)) {
        if (reopening)
          open[0] = i; // the paragraph's opening mark continues the quotation
        else open.push(i);
        reopening = false;
        out[i] = open[0]!;
        continue;
      }
      out[i] = open[0] ?? -1;
      open.pop();
      continue;
    }
    if (reopening && !/\s/.test(ch)) {
      reopening = false;
      open.length = 0;
    }
    out[i] = open[0] ?? -1;
  }
  return out;
}

/** Whether `content` is a direct quotation of `text`; pass `openers` when testing many contents of one text. */
export function isDirectQuote(text: string, content: Range[], openers = quotationOpeners(text)): boolean {
  let first = -1;
  let last = -1;
  for (const r of content) {
    for (let i = r.start; i < r.end; i++) {
      if (!WORD_RE.test(text[i]!)) continue;
      if (openers[i]! < 0) return false;
      if (first < 0) first = i;
      last = i;
    }
  }
  if (first < 0) return false;
  const opening = openers[first]!;
  // The quotation starts with the content's first word and ends with its last (within a paragraph).
  for (let i = opening + 1; i < first; i++) if (WORD_RE.test(text[i]!)) return false;
  const closing = openers[last]!;
  for (let i = last + 1; i < text.length && openers[i] === closing; i++) if (WORD_RE.test(text[i]!)) return false;
  const lineStart = text.lastIndexOf('\n', opening - 1) + 1;
  const before = text.slice(lineStart, opening).trimEnd();
  if (!WORD_RE.test(before.slice(-1))) return true;
  const capital = /\p{Lu}/u.test(text[first]!);
  const sentenceEnd = /^[)\]]*[.?!,…]/.test(text.slice(last + 1));
  return capital && sentenceEnd;
}

// ---------------------------------------------------------------------------------------------
// Loading

/** Attributions of one annotated text. Relations without a Content (1 in dev, 36 in train) are left out. */
export function attributionsOf(text: string, brat: Brat): GoldAttribution[] {
  const openers = quotationOpeners(text);
  const toUtf16 = codePointOffsets(text);
  const rangesOf = (roles: (role: string) => boolean, relation: Relation): Range[] =>
    relation.args
      .filter((a) => roles(a.role))
      .flatMap((a) => brat.spans.get(a.target)?.ranges ?? [])
      .map((r) => ({ start: toUtf16(r.start), end: toUtf16(r.end) }))
      .sort((a, b) => a.start - b.start);
  const out: GoldAttribution[] = [];
  for (const relation of brat.relations) {
    // Content2 (a handful) is more of the same content: the roles are Content, Content2, ...
    const content = rangesOf((role) => /^Content\d*$/.test(role), relation);
    if (content.length === 0) continue;
    out.push({
      // Taken whatever the relation's type says: one dev relation typed Attribution-no-source has a Source.
      source: rangesOf((role) => role === 'Source', relation),
      cue: rangesOf((role) => role === 'Cue', relation),
      content,
      direct: isDirectQuote(text, content, openers),
    });
  }
  return out;
}

export interface PolnearFile {
  name: string;
  annotation: string;
  text: string;
  ann: string;
}

/**
 * The texts of a split with their annotation. Some texts were annotated by several annotators
 * (`<name>_<annotator>.ann`, up to six for the annotator-training texts): we take the first .ann
 * in sorted order for each text and ignore the others, so every text counts once.
 */
export function readPolnear(split: 'dev' | 'train', root = POLNEAR_DIR): PolnearFile[] {
  const dir = join(root, split);
  const byName = new Map<string, string>();
  for (const file of readdirSync(join(dir, 'attributions'))
    .filter((f) => f.endsWith('.ann'))
    .sort()) {
    const name = file.replace(/_[^_]+\.ann$/, '');
    if (!byName.has(name)) byName.set(name, file);
  }
  return [...byName].map(([name, annotation]) => ({
    name,
    annotation,
    text: readFileSync(join(dir, 'text', `${name}.txt`), 'utf8'),
    ann: readFileSync(join(dir, 'attributions', annotation), 'utf8'),
  }));
}

export function hasPolnear(split: 'dev' | 'train' = 'dev', root = POLNEAR_DIR): boolean {
  return existsSync(join(root, split, 'attributions')) && existsSync(join(root, split, 'text'));
}

export function loadPolnear(split: 'dev' | 'train', root = POLNEAR_DIR): GoldDoc[] {
  return readPolnear(split, root).map(({ name, annotation, text, ann }) => ({
    name,
    annotation,
    text,
    attributions: attributionsOf(text, parseBrat(ann)),
  }));
}

// ---------------------------------------------------------------------------------------------
// Scoring

/** Characters of `a` covered by `b` (each a union of disjoint ranges). */
function overlap(a: Range[], b: Range[]): number {
  let n = 0;
  for (const x of a) for (const y of b) n += Math.max(0, Math.min(x.end, y.end) - Math.max(x.start, y.start));
  return n;
}

const length = (rs: Range[]) => rs.reduce((n, r) => n + r.end - r.start, 0);

/** A predicted quote matches a gold content when they overlap by at least half of the shorter. */
function matchStrength(quote: Range, content: Range[]): number {
  const shared = overlap([quote], content);
  const shorter = Math.min(quote.end - quote.start, length(content));
  return shared > 0 && 2 * shared >= shorter ? shared : 0;
}

export interface AttributionCounts {
  predicted: number;
  /** Predicted quotes matching the content of any gold attribution, direct or not. */
  predictedMatched: number;
  goldDirect: number;
  goldDirectMatched: number;
  goldDirectWithSource: number;
  /** Matched gold direct attributions with a Source whose predicted quote has a speaker. */
  speakerPredicted: number;
  speakerCorrect: number;
}

export interface AttributionScores {
  quotePrecision: number;
  quoteRecall: number;
  quoteF1: number;
  speakerPrecision: number;
  speakerRecall: number;
  speakerF1: number;
  counts: AttributionCounts;
  /** Gold direct attributions no predicted quote matched. */
  missed: { doc: string; gold: GoldAttribution }[];
  /** Matched gold direct attributions with a Source where our speaker is absent or elsewhere. */
  wrongSpeaker: { doc: string; gold: GoldAttribution; predicted: PredictedQuote }[];
  /** Predicted quotes matching no gold attribution. */
  spurious: { doc: string; predicted: PredictedQuote }[];
}

const ratio = (n: number, d: number) => (d === 0 ? 0 : n / d);
const f1 = (p: number, r: number) => (p + r === 0 ? 0 : (2 * p * r) / (p + r));

/**
 * Quote detection: precision over predicted quotes (a quote inside an indirect attribution's
 * content is still a real quote, so it counts as correct), recall over gold direct attributions.
 * Speaker: each matched gold direct attribution with a Source is judged by the predicted quote
 * that overlaps it most; correct when one of that quote's speaker mentions overlaps a Source range.
 * Empty denominators give 0.
 */
export function scoreAttribution(docs: GoldDoc[], predictions: Map<string, PredictedQuote[]>): AttributionScores {
  const counts: AttributionCounts = {
    predicted: 0,
    predictedMatched: 0,
    goldDirect: 0,
    goldDirectMatched: 0,
    goldDirectWithSource: 0,
    speakerPredicted: 0,
    speakerCorrect: 0,
  };
  const missed: AttributionScores['missed'] = [];
  const wrongSpeaker: AttributionScores['wrongSpeaker'] = [];
  const spurious: AttributionScores['spurious'] = [];
  for (const doc of docs) {
    const quotes = predictions.get(doc.name) ?? [];
    counts.predicted += quotes.length;
    for (const q of quotes) {
      if (doc.attributions.some((a) => matchStrength(q, a.content) > 0)) counts.predictedMatched++;
      else spurious.push({ doc: doc.name, predicted: q });
    }
    for (const gold of doc.attributions) {
      if (!gold.direct) continue;
      counts.goldDirect++;
      const hasSource = gold.source.length > 0;
      if (hasSource) counts.goldDirectWithSource++;
      let best: PredictedQuote | undefined;
      let bestStrength = 0;
      for (const q of quotes) {
        const s = matchStrength(q, gold.content);
        if (s > bestStrength) [best, bestStrength] = [q, s];
      }
      if (!best) {
        missed.push({ doc: doc.name, gold });
        continue;
      }
      counts.goldDirectMatched++;
      if (!hasSource) continue;
      if (best.speakerMentions.length > 0) counts.speakerPredicted++;
      if (overlap(best.speakerMentions, gold.source) > 0) counts.speakerCorrect++;
      else wrongSpeaker.push({ doc: doc.name, gold, predicted: best });
    }
  }
  const quotePrecision = ratio(counts.predictedMatched, counts.predicted);
  const quoteRecall = ratio(counts.goldDirectMatched, counts.goldDirect);
  const speakerPrecision = ratio(counts.speakerCorrect, counts.speakerPredicted);
  const speakerRecall = ratio(counts.speakerCorrect, counts.goldDirectWithSource);
  return {
    quotePrecision,
    quoteRecall,
    quoteF1: f1(quotePrecision, quoteRecall),
    speakerPrecision,
    speakerRecall,
    speakerF1: f1(speakerPrecision, speakerRecall),
    counts,
    missed,
    wrongSpeaker,
    spurious,
  };
}

// ---------------------------------------------------------------------------------------------
// From an analysis to predictions (structural types, so that this file needs nothing from src/)

interface AnalysisLike {
  entities: { id: string; mentions: Range[] }[];
  quotes: { span: Range; kind: string; speaker: string | null; speakerSpan: Range | null }[];
}

/** Direct quotes and transcript turns (partial quotes are not scored), each with every mention of its speaker. */
export function predictedQuotes(analysis: AnalysisLike): PredictedQuote[] {
  const mentions = new Map(analysis.entities.map((e) => [e.id, e.mentions]));
  return analysis.quotes
    .filter((q) => q.kind === 'direct' || q.kind === 'turn')
    .map((q) => ({
      start: q.span.start,
      end: q.span.end,
      speakerMentions: [...(q.speaker === null ? [] : (mentions.get(q.speaker) ?? [])), ...(q.speakerSpan ? [q.speakerSpan] : [])].map((r) => ({ start: r.start, end: r.end })),
    }));
}
