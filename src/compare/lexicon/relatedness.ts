// How near two content words are in meaning, 0 to 1, from lexical knowledge that ships with the
// package: WordNet (the same sense's other words, derivations such as expel/expulsion, pertainyms
// such as parliamentary/parliament) and word associations learned from outlets' versions of the
// same events (lawmakers/parliament). Identical words are 1; unrelated words 0.
import { learnedAssociations } from './associations.ts';
import { senses, synset, type WordnetPos } from './wordnet.ts';

/** How many of a word's most frequent senses are read: rarer senses relate it to too much. */
const SENSES_READ: Record<WordnetPos, number> = { noun: 2, verb: 3, adj: 2, adv: 1 };
/** A related word's weight by how it is related. */
const DERIVATION = 0.9;
const PERTAINYM = 0.85;
const FIRST_SENSE_SYNONYM = 0.8;
const OTHER_SENSE_SYNONYM = 0.7;
/** Two words each related to a third are related less than either is to it. */
const SHARED_NEIGHBOUR = 0.8;

const POS_READ: readonly WordnetPos[] = ['noun', 'verb', 'adj'];

/** The words WordNet relates to `lemma`, with their weights (the lemma itself at 1). */
export function wordnetNeighbours(lemma: string): Map<string, number> {
  const out = new Map<string, number>([[lemma, 1]]);
  const put = (word: string, weight: number) => {
    if (word.includes(' ') || word.length < 2) return;
    if ((out.get(word) ?? 0) < weight) out.set(word, weight);
  };
  for (const pos of POS_READ) {
    senses(lemma, pos)
      .slice(0, SENSES_READ[pos])
      .forEach((offset, rank) => {
        const set = synset(offset, pos);
        const self = set.words.indexOf(lemma) + 1;
        for (const word of set.words) put(word, rank === 0 ? FIRST_SENSE_SYNONYM : OTHER_SENSE_SYNONYM);
        for (const p of set.pointers) {
          const lexical = p.source !== 0;
          if (lexical && p.source !== self) continue;
          if (p.symbol !== '+' && p.symbol !== '\\') continue;
          const target = synset(p.offset, p.pos);
          const words = lexical ? [target.words[p.target - 1]!] : target.words;
          for (const word of words) if (word) put(word, p.symbol === '+' ? DERIVATION : PERTAINYM);
        }
      });
  }
  return out;
}

const neighbourCache = new Map<string, Map<string, number>>();
/** A bundle reads a few thousand words; a stream of bundles must not grow the cache without end. */
const CACHE_LIMIT = 50_000;

function neighbours(lemma: string): Map<string, number> {
  let found = neighbourCache.get(lemma);
  if (found) return found;
  if (neighbourCache.size >= CACHE_LIMIT) neighbourCache.clear();
  found = wordnetNeighbours(lemma);
  for (const [word, weight] of learnedAssociations(lemma)) if ((found.get(word) ?? 0) < weight) found.set(word, weight);
  neighbourCache.set(lemma, found);
  return found;
}

/**
 * Word pairs already weighed, by first word then second: a bundle asks about the same pairs again
 * for every pair of sentences that hold them (bench:brief, 300 ECB+ articles: see the commit).
 * Two lookups by the words themselves, whose hashes V8 keeps, cost less than walking neighbours.
 */
const pairCache = new Map<string, Map<string, number>>();
let pairsKept = 0;
const PAIR_CACHE_LIMIT = 2_000_000;

/** How near `a` and `b` are: 1 when equal, a neighbour's weight, or both near a third word. */
export function relatedness(a: string, b: string): number {
  if (a === b) return 1;
  let row = pairCache.get(a);
  const known = row?.get(b);
  if (known !== undefined) return known;
  if (pairsKept >= PAIR_CACHE_LIMIT) {
    pairCache.clear();
    pairsKept = 0;
    row = undefined;
  }
  if (!row) pairCache.set(a, (row = new Map()));
  const found = relatednessOf(a, b);
  row.set(b, found);
  pairsKept++;
  return found;
}

function relatednessOf(a: string, b: string): number {
  const na = neighbours(a);
  const nb = neighbours(b);
  let best = Math.max(na.get(b) ?? 0, nb.get(a) ?? 0);
  const [small, large] = na.size <= nb.size ? [na, nb] : [nb, na];
  for (const [word, weight] of small) {
    const other = large.get(word);
    if (other !== undefined && word !== a && word !== b) best = Math.max(best, SHARED_NEIGHBOUR * Math.min(weight, other));
  }
  return best;
}
