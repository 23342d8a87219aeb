// A document's body read once by wink-nlp (sentences, part of speech, lemmas), with every token
// located in the original so names, cues and quotes found on tokens keep exact spans.
import { readPassage, type HeldReadings } from '../text/nlp.ts';
import type { OffsetRange } from '../text/ranges.ts';

export interface Token {
  text: string;
  start: number;
  end: number;
  /** Universal POS tag from wink-nlp: PROPN, NOUN, VERB, PRON, PUNCT… */
  pos: string;
  lemma: string;
  /** Index into TokenizedText.sentences. */
  sentence: number;
  /** Index of the passage (paragraph or transcript turn) the token belongs to. */
  passage: number;
}

export interface TokenSentence {
  first: number;
  /** Exclusive token index. */
  last: number;
  passage: number;
}

export interface TokenizedText {
  original: string;
  tokens: Token[];
  sentences: TokenSentence[];
  passages: OffsetRange[];
}

/** Tokens of each passage of `original`, in order; offsets are into `original`. `held`: readings its cleaning kept. */
export function tokenize(original: string, passages: OffsetRange[], held?: HeldReadings): TokenizedText {
  const tokens: Token[] = [];
  const sentences: TokenSentence[] = [];
  passages.forEach((passage, p) => {
    const text = original.slice(passage.start, passage.end);
    if (!text.trim()) return;
    const reading = readPassage(text, held);
    const values = reading.values;
    const tags = reading.tags();
    const lemmas = reading.lemmas();
    const base = tokens.length;
    reading.offsets().forEach((at, i) => {
      tokens.push({
        text: values[i]!,
        start: passage.start + at.start,
        end: passage.start + at.end,
        pos: tags[i] ?? 'X',
        lemma: (lemmas[i] ?? values[i]!).toLowerCase(),
        sentence: -1,
        passage: p,
      });
    });
    for (const [first, last] of reading.sentences) {
      // "Rep. Gwen Moore (D-Wis.) said", "Sen. Dick Durbin (D-Ill.), noting…": a sentence cannot
      // open in lower case or with a comma; the split after an abbreviation was wrong, so the
      // words go on in the sentence before.
      const prior = sentences[sentences.length - 1];
      if (prior && prior.passage === p && prior.last === base + first && /^[\p{Ll},;)]/u.test(values[first] ?? '')) {
        prior.last = base + last + 1;
        for (let t = base + first; t <= base + last && t < tokens.length; t++) tokens[t]!.sentence = sentences.length - 1;
        continue;
      }
      const index = sentences.length;
      sentences.push({ first: base + first, last: base + last + 1, passage: p });
      for (let t = base + first; t <= base + last && t < tokens.length; t++) tokens[t]!.sentence = index;
    }
    // Tokens wink left outside every sentence (never seen, but keep the index total).
    for (let t = base; t < tokens.length; t++) if (tokens[t]!.sentence < 0) tokens[t]!.sentence = Math.max(0, sentences.length - 1);
  });
  return { original, tokens, sentences, passages };
}

/**
 * A tokenized text packed into columns, as the analysis hands it on to the comparison. A Token
 * object costs about 90 bytes (seven fields and its slot in a list), and a 20 MB report has four
 * million of them, which the comparison kept for its whole run; packed, a token takes 30 bytes,
 * and the objects of a stretch are made when a sentence is read (`tokens`).
 */
export class PackedText {
  readonly original: string;
  readonly sentences: readonly TokenSentence[];
  readonly passages: readonly OffsetRange[];
  /** How many tokens. */
  readonly length: number;
  private readonly texts: string[];
  private readonly lemmas: string[];
  private readonly tags: Uint16Array;
  private readonly tagNames: string[] = [];
  private readonly starts: Int32Array;
  private readonly ends: Int32Array;
  private readonly sentenceOf: Int32Array;
  private readonly passageOf: Int32Array;
  /** The stretch made last: a sentence's readers ask for its tokens several times in a row. */
  private lastFirst = -1;
  private lastEnd = -1;
  private last: Token[] = [];

  constructor(text: TokenizedText) {
    const { tokens } = text;
    this.original = text.original;
    this.sentences = text.sentences;
    this.passages = text.passages;
    this.length = tokens.length;
    this.texts = new Array<string>(tokens.length);
    this.lemmas = new Array<string>(tokens.length);
    this.tags = new Uint16Array(tokens.length);
    this.starts = new Int32Array(tokens.length);
    this.ends = new Int32Array(tokens.length);
    this.sentenceOf = new Int32Array(tokens.length);
    this.passageOf = new Int32Array(tokens.length);
    const codes = new Map<string, number>();
    tokens.forEach((t, i) => {
      let code = codes.get(t.pos);
      if (code === undefined) codes.set(t.pos, (code = this.tagNames.push(t.pos) - 1));
      this.texts[i] = t.text;
      this.lemmas[i] = t.lemma;
      this.tags[i] = code;
      this.starts[i] = t.start;
      this.ends[i] = t.end;
      this.sentenceOf[i] = t.sentence;
      this.passageOf[i] = t.passage;
    });
  }

  /** The token at `i`, as tokenize() made it. */
  token(i: number): Token {
    return { text: this.texts[i]!, start: this.starts[i]!, end: this.ends[i]!, pos: this.tagNames[this.tags[i]!]!, lemma: this.lemmas[i]!, sentence: this.sentenceOf[i]!, passage: this.passageOf[i]! };
  }

  text(i: number): string {
    return this.texts[i]!;
  }

  start(i: number): number {
    return this.starts[i]!;
  }

  end(i: number): number {
    return this.ends[i]!;
  }

  passage(i: number): number {
    return this.passageOf[i]!;
  }

  /** Tokens [first, end). Asked for the same stretch again, the same array: read it, do not change it. */
  tokens(first: number, end: number): Token[] {
    if (first !== this.lastFirst || end !== this.lastEnd) {
      const out = new Array<Token>(end - first);
      for (let i = first; i < end; i++) out[i - first] = this.token(i);
      this.last = out;
      this.lastFirst = first;
      this.lastEnd = end;
    }
    return this.last;
  }
}
