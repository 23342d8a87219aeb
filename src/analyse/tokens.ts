// A document's body read once by wink-nlp (sentences, part of speech, lemmas), with every token
// located in the original so names, cues and quotes found on tokens keep exact spans.
import { readPassage } from '../text/nlp.ts';
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

/** Tokens of each passage of `original`, in order; offsets are into `original`. */
export function tokenize(original: string, passages: OffsetRange[]): TokenizedText {
  const tokens: Token[] = [];
  const sentences: TokenSentence[] = [];
  passages.forEach((passage, p) => {
    const text = original.slice(passage.start, passage.end);
    if (!text.trim()) return;
    const reading = readPassage(text);
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
