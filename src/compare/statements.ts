// Claim units: the sentences of each article body (split at semicolons), each with the words,
// entities and values it carries. These are what facts are made of and what a brief cites.
import type { CleanDocument, Entity, Span } from '../schema.ts';
import type { DocumentAnalysis } from '../analyse/index.ts';
import { headlines } from '../analyse/analyse-document.ts';
import { PackedText, tokenize, type Token } from '../analyse/tokens.ts';
import { firstStartingAt, type OffsetRange } from '../text/ranges.ts';
import { MAX_SENTENCES_IN_ONE_QUOTE, quoteIsOpen } from '../text/sentences.ts';
import { findValues, type FoundValue } from './values/index.ts';
import { canonicalTerm, isLightWord } from './vocabulary.ts';
import { baseForm } from './lexicon/wordnet.ts';

export interface Statement {
  /** Index in the bundle's statement list. */
  index: number;
  doc: string;
  /** Outlet label of the document (the file name when the outlet is unknown). */
  outlet: string;
  span: Span;
  text: string;
  /** Position of the sentence in its document, 0 = first. */
  position: number;
  /** Content terms (lemmas, canonical event words, `@entity` ids) with their counts. */
  terms: Map<string, number>;
  /** Entity ids named in the sentence (outside quotation marks and inside). */
  entities: Set<string>;
  /** Entity mentions in order, with offsets into the original. */
  mentions: { start: number; end: number; entity: string }[];
  /** Values, with offsets into the original. */
  values: FoundValue[];
  /**
   * Tokens of the sentence (offsets into the original), made from the document's packed tokens
   * when read: the same array when read again before another sentence of the document is (read
   * it, do not change it).
   */
  tokens: Token[];
  /** Share of the sentence's characters inside quotation marks. */
  quoted: number;
  question: boolean;
  /** The report's headline or standfirst: its core claim in few words, not an article sentence. */
  headline: boolean;
}

/** Sentences with fewer content words than this say too little to be a fact on their own. */
const MIN_CONTENT_WORDS = 5;
/** A headline says its claim in fewer words ("Senate passes relief bill"). */
const MIN_HEADLINE_WORDS = 3;

export interface StatementSource {
  doc: CleanDocument;
  analysis: DocumentAnalysis;
  outlet: string;
  /** The document's date (ISO), for resolving "on Monday". */
  reference: string | null;
}

export function findStatements(sources: StatementSource[], entities: Entity[], quoteSpans: Span[]): Statement[] {
  return findSentences(sources, entities, quoteSpans).statements;
}

/**
 * The claims (`statements`), and the sentences too short to be a claim of their own that still
 * print a value (`minor`: "He hosted it three times."): those take no part in alignment but their
 * values are compared. Minor sentences are indexed after the statements.
 */
export function findSentences(sources: StatementSource[], entities: Entity[], quoteSpans: Span[]): { statements: Statement[]; minor: Statement[] } {
  const mentionsByDoc = new Map<string, { start: number; end: number; entity: string }[]>();
  for (const e of entities) {
    if (e.type === 'place' && e.mentions.length < 2) continue;
    for (const m of e.mentions) {
      let list = mentionsByDoc.get(m.doc);
      if (!list) mentionsByDoc.set(m.doc, (list = []));
      list.push({ start: m.start, end: m.end, entity: e.id });
    }
  }
  for (const list of mentionsByDoc.values()) list.sort((a, b) => a.start - b.start);
  const quotesByDoc = new Map<string, OffsetRange[]>();
  for (const q of quoteSpans) {
    let list = quotesByDoc.get(q.doc);
    if (!list) quotesByDoc.set(q.doc, (list = []));
    list.push(q);
  }
  for (const list of quotesByDoc.values()) list.sort((a, b) => a.start - b.start);

  const headsOf = new Map(sources.map(({ doc }) => [doc.id, headlines(doc)]));
  const nameWords = nameWordsOf(entities, headsOf);
  const statements: Statement[] = [];
  const minor: Statement[] = [];
  for (const source of sources) {
    const { doc } = source;
    const heads = headsOf.get(doc.id)!;
    const text =
      source.analysis.text ??
      new PackedText(
        tokenize(
          doc.original,
          [...heads, ...bodyPassages(doc)].sort((a, b) => a.start - b.start),
        ),
      );
    // Headlines and deks take part: short reports state their core claim there.
    const passages = [...doc.body, ...heads].sort((a, b) => a.start - b.start);
    const mentions = mentionsByDoc.get(doc.id) ?? [];
    const quotes = quotesByDoc.get(doc.id) ?? [];
    let position = 0;
    for (const indexes of claimUnits(text)) {
      const tokens = new UnitTokens(text, indexes);
      const unit = tokens.read();
      const first = unit[0]!;
      const last = unit[unit.length - 1]!;
      // (Passages do not overlap: the one starting last at or before the unit is the only candidate.)
      const passage = passages[firstStartingAt(passages, first.start + 1) - 1];
      if (!passage || last.end > passage.end) continue;
      const headline = heads.some((h) => h.start === passage.start);
      const sentenceText = doc.original.slice(first.start, last.end);
      const inSentence = mentionsWithin(mentions, first.start, last.end);
      const titleCase = isTitleCase(unit);
      const terms = new Map<string, number>();
      let content = 0;
      let m = 0;
      let previousName: string | undefined;
      for (const [k, token] of unit.entries()) {
        if (titleCase) {
          // In "Roy Moore to Run Again for Senate Seat" every word looks like a name to the tagger:
          // a word the articles use in a name stands for that name, any other is read as a word.
          const name = nameWords.get(token.text.toLowerCase().replace(/[’']s$/, ''));
          if (name) {
            if (name !== previousName) add(terms, `@${name}`);
            previousName = name;
            content++;
            continue;
          }
          previousName = undefined;
          const base = token.pos === 'PROPN' || token.pos === 'X' ? baseForm(token.text) : null;
          const term = contentTerm(base ? { ...token, pos: 'NOUN', lemma: base } : token);
          if (term === null || FUNCTION_WORDS.has(term)) continue;
          add(terms, term);
          content++;
          continue;
        }
        while (m < inSentence.length && inSentence[m]!.end <= token.start) m++;
        const mention = inSentence[m];
        if (mention && token.start >= mention.start && token.end <= mention.end) {
          if (token.start === mention.start || k === 0) add(terms, `@${mention.entity}`);
          content++;
          continue;
        }
        const term = contentTerm(token);
        if (term === null) continue;
        add(terms, term);
        content++;
      }
      const index = statements.length;
      const s: Statement = new Claim(
        {
          index,
          doc: doc.id,
          outlet: source.outlet,
          span: { doc: doc.id, start: first.start, end: last.end },
          text: sentenceText,
          position: position++,
          terms,
          entities: new Set(inSentence.map((x) => x.entity)),
          mentions: inSentence,
          values: findValues(sentenceText, { reference: source.reference }).map((v) => ({ ...v, start: v.start + first.start, end: v.end + first.start })),
          quoted: quotedShare(quotes, first.start, last.end),
          question: /\?["'”’]?\s*$/.test(sentenceText),
          headline,
        },
        tokens,
      );
      if (s.question) continue;
      if (content < (headline ? MIN_HEADLINE_WORDS : MIN_CONTENT_WORDS)) {
        if (s.values.length && !headline) minor.push(s);
        continue;
      }
      // The day or month a sentence is about is shared wording even when one outlet writes "Monday" and
      // another "June 19", or "in February" and "last month"; a span longer than a month says too little.
      for (const v of s.values) {
        if (v.kind === 'date' && v.relation === null && v.date && v.high - v.low <= 31) add(terms, `#date:${v.date.from}/${v.date.to}`);
      }
      statements.push(s);
    }
  }
  minor.forEach((s, k) => (s.index = statements.length + k));
  return { statements, minor };
}

/** Words a title-cased line capitalises that are no content of their own. */
const FUNCTION_WORDS = new Set([
  'how',
  'why',
  'what',
  'who',
  'when',
  'where',
  'could',
  'would',
  'should',
  'will',
  'may',
  'might',
  'must',
  'can',
  'actually',
  'again',
  'just',
  'now',
  'still',
  'here',
  'there',
]);

/** Most of a line's longer words capitalised: a title-cased headline, where the tagger takes every word for a name. */
function isTitleCase(unit: Token[]): boolean {
  let words = 0;
  let capitals = 0;
  for (const token of unit) {
    if (token.text.length < 4 || !/^\p{L}/u.test(token.text)) continue;
    words++;
    if (/^\p{Lu}/u.test(token.text)) capitals++;
  }
  return words >= 3 && capitals / words >= 0.75;
}

/**
 * The words of the names the articles' sentences mention (headlines aside, where every word may
 * be capitalised), each to its entity; a word two entities share stands for neither.
 */
function nameWordsOf(entities: Entity[], headsOf: Map<string, OffsetRange[]>): Map<string, string> {
  const out = new Map<string, string>();
  const ambiguous = new Set<string>();
  for (const e of entities) {
    for (const m of e.mentions) {
      if ((headsOf.get(m.doc) ?? []).some((h) => m.start >= h.start && m.end <= h.end)) continue;
      for (const word of (m.text.toLowerCase().match(/\p{L}[\p{L}'’-]*\p{L}/gu) ?? []).map((w) => w.replace(/[’']s$/, ''))) {
        if (word.length < 3 || FUNCTION_WORDS.has(word)) continue;
        const known = out.get(word);
        if (known !== undefined && known !== e.id) ambiguous.add(word);
        else out.set(word, e.id);
      }
    }
  }
  for (const word of ambiguous) out.delete(word);
  return out;
}

/** Mentions (sorted by start) lying inside [start, end), without copying the rest of the list. */
function mentionsWithin<T extends OffsetRange>(mentions: T[], start: number, end: number): T[] {
  const out: T[] = [];
  for (let k = firstStartingAt(mentions, start); k < mentions.length && mentions[k]!.start < end; k++) if (mentions[k]!.end <= end) out.push(mentions[k]!);
  return out;
}

function add(terms: Map<string, number>, term: string): void {
  terms.set(term, (terms.get(term) ?? 0) + 1);
}

export function contentTerm(token: Token): string | null {
  if (token.pos !== 'NOUN' && token.pos !== 'PROPN' && token.pos !== 'VERB' && token.pos !== 'ADJ') return null;
  const lemma = token.lemma.replace(/[’']s$/, '').replace(/\./g, '');
  if (lemma.length < 2 || !/\p{L}/u.test(lemma) || isLightWord(lemma)) return null;
  return canonicalTerm(lemma);
}

/** Clause openers after a comma that start a claim of their own: "…, but China refused …". */
const CLAUSE_BREAKS = new Set(['but', 'while', 'whereas', 'although', 'though', 'yet']);
/** Parts shorter than this stay with their sentence. */
const MIN_CLAUSE_TOKENS = 7;

/** Which tokens of a packed text a claim unit holds: a stretch [first, end), or (rarely) scattered ones. */
class UnitTokens {
  private readonly first: number;
  private readonly end: number;
  private readonly scattered: readonly number[] | null;

  constructor(
    private readonly text: PackedText,
    indexes: readonly number[],
  ) {
    this.first = indexes[0]!;
    this.end = indexes[indexes.length - 1]! + 1;
    this.scattered = indexes.every((i, k) => i === this.first + k) ? null : indexes;
  }

  read(): Token[] {
    return this.scattered ? this.scattered.map((i) => this.text.token(i)) : this.text.tokens(this.first, this.end);
  }
}

/** A statement whose tokens are made when read (see Statement.tokens). */
// biome-ignore lint/correctness/noUnusedVariables: merged with the class below, it declares the fields Object.assign sets.
interface Claim extends Omit<Statement, 'tokens'> {}
// biome-ignore lint/suspicious/noUnsafeDeclarationMerging: the interface only declares what the constructor's Object.assign sets.
class Claim implements Statement {
  private readonly unit: UnitTokens;

  constructor(fields: Omit<Statement, 'tokens'>, unit: UnitTokens) {
    Object.assign(this, fields);
    this.unit = unit;
  }

  get tokens(): Token[] {
    return this.unit.read();
  }
}

/**
 * Sentences split into claims at semicolons and at ", but" / ", while" clauses. A sentence the
 * splitter broke after an initial ("U." + "S. relations") or before a lower-case word is joined
 * back first. Each claim as the indexes of its tokens.
 */
function* claimUnits(text: PackedText): Generator<number[]> {
  for (const sentence of joinedSentences(text)) {
    let unit: number[] = [];
    // Whether the tokens before k leave a quotation open (straight or curly double marks).
    let quoted = false;
    for (let k = 0; k < sentence.length; k++) {
      const token = text.text(sentence[k]!);
      const next = k + 1 < sentence.length ? text.text(sentence[k + 1]!) : undefined;
      const breaksAfter = token === ';' || (token === ',' && CLAUSE_BREAKS.has(next?.toLowerCase() ?? ''));
      const inQuote = quoted;
      quoted = token === '“' ? true : token === '”' ? false : token === '"' ? !quoted : quoted;
      if (breaksAfter && unit.length >= MIN_CLAUSE_TOKENS && sentence.length - k - 1 >= MIN_CLAUSE_TOKENS && !inQuote) {
        yield unit;
        unit = [];
        continue;
      }
      unit.push(sentence[k]!);
    }
    while (unit.length && text.token(unit[unit.length - 1]!).pos === 'PUNCT' && /^[;,:\u2013\u2014-]$/.test(text.text(unit[unit.length - 1]!))) unit.pop();
    if (unit.length) yield unit;
  }
}

/** The sentences' token indexes, a sentence joined to the one before where the splitter cut it wrongly. */
function* joinedSentences(text: PackedText): Generator<number[]> {
  let previous: number[] | undefined;
  // Sentences joined to `previous` because a quotation opened in it was still open.
  let quoted = 0;
  for (const sentence of text.sentences) {
    const end = Math.min(sentence.last, text.length);
    if (sentence.first >= end) continue;
    const tokens: number[] = [];
    for (let i = sentence.first; i < end; i++) tokens.push(i);
    if (previous && text.passage(previous[previous.length - 1]!) === text.passage(tokens[0]!)) {
      // "“It is over. We lost,” she said.": a quotation of several sentences and its cue are one
      // claim, by the cleaner's rule for its sentences (text/sentences.ts).
      const inQuote = quoted < MAX_SENTENCES_IN_ONE_QUOTE && quoteIsOpen(text.original.slice(text.start(previous[0]!), text.end(previous[previous.length - 1]!)));
      // "… Mitch McConnell (R-Ky.)" + "on Thursday blocked …": no sentence starts in lower case.
      if (inQuote || endsWithInitial(text, previous) || /^\p{Ll}/u.test(text.text(tokens[0]!))) {
        previous.push(...tokens);
        if (inQuote) quoted++;
        continue;
      }
    }
    if (previous) yield previous;
    previous = tokens;
    quoted = 0;
  }
  if (previous) yield previous;
}

/** "… China-U." or "… Janet L.": the splitter took an initial's dot for a full stop. */
function endsWithInitial(text: PackedText, tokens: readonly number[]): boolean {
  const tail = tokens[tokens.length - 1]!;
  if (/(?:^|[-.])\p{Lu}\.$/u.test(text.text(tail))) return true;
  const before = tokens[tokens.length - 2];
  return text.text(tail) === '.' && before !== undefined && text.end(before) === text.start(tail) && /(?:^|[-.])\p{Lu}$/u.test(text.text(before));
}

function quotedShare(quotes: OffsetRange[], start: number, end: number): number {
  let inside = 0;
  for (let i = Math.max(0, firstStartingAt(quotes, start) - 1); i < quotes.length && quotes[i]!.start < end; i++) {
    const q = quotes[i]!;
    inside += Math.max(0, Math.min(end, q.end) - Math.max(start, q.start));
  }
  return end > start ? inside / (end - start) : 0;
}

function bodyPassages(doc: CleanDocument): OffsetRange[] {
  const labelEnds = new Map((doc.turns ?? []).map((t) => [t.label.start, t.span.start]));
  return doc.body.map((b) => ({ start: labelEnds.get(b.start) ?? b.start, end: b.end }));
}
