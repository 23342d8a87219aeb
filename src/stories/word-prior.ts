// How common each English word is in news at large, as document frequencies the stream's idf
// starts from. A young stream knows too little: with a few hundred articles read, "police" and
// "rehab" look equally rare, and two reports of one event seem alike mostly through words every
// report has. The word vectors' list is ordered by frequency in Wikipedia and newswire; Zipf's law
// turns a word's rank into the share of articles holding it (about 100 / rank, at most a half).
import { wordVectors } from '../text/word-vectors.ts';
import { keyHash } from './hashed-features.ts';
import { lightStem } from '../text/stem.ts';

export interface WordPrior {
  /** Per key hash (`keyHash`), the share of articles expected to hold it: terms (stemmed), then names. */
  terms: { hashes: Int32Array; shares: Float32Array };
  names: { hashes: Int32Array; shares: Float32Array };
}

/** Share of articles holding the word at rank r: ZIPF / (r + 10), capped. */
const ZIPF = 100;
const MOST = 0.5;
/** Shares below this (ranks past about 100,000) weigh under a third of one of the 300 prior documents: left out. */
const LEAST = 1e-3;

let prior: WordPrior | null = null;

export function wordPrior(): WordPrior {
  return (prior ??= build());
}

function build(): WordPrior {
  const terms = new Map<number, number>();
  const names = new Map<number, number>();
  const { words } = wordVectors();
  for (let rank = 0; rank < words.length; rank++) {
    const word = words[rank]!;
    if (!/^[a-z]+$/.test(word)) continue;
    const share = Math.min(MOST, ZIPF / (rank + 10));
    if (share < LEAST) break;
    // Features are stemmed terms and lower-cased names: "charges" and "charged" add to one term,
    // which keeps the larger share (the list is ordered, so the first seen).
    const term = keyHash(lightStem(word));
    if (!terms.has(term)) terms.set(term, share);
    const name = keyHash(word);
    if (!names.has(name)) names.set(name, share);
  }
  const pack = (m: Map<number, number>) => ({ hashes: Int32Array.from(m.keys()), shares: Float32Array.from(m.values()) });
  return { terms: pack(terms), names: pack(names) };
}
