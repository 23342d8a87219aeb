// When two printed names are one person's: one part misspelt, every other part the same.
import { givenNameGender } from './vocabulary/given-names.ts';
import { pushTo } from '../util/multimap.ts';

/** Lower-case, accents folded: how two spellings of one name compare. */
export function nameKey(parts: string[]): string {
  return parts.map(partKey).join(' ');
}

const partKeys = new Map<string, string>();
/** Names repeat endlessly; their folded forms are kept (up to a bound, then started afresh). */
const MAX_CACHED_PART_KEYS = 50_000;

function partKey(part: string): string {
  let key = partKeys.get(part);
  if (key === undefined) {
    key = part
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .replace(/[.\u2019']/g, '');
    if (partKeys.size >= MAX_CACHED_PART_KEYS) partKeys.clear();
    partKeys.set(part, key);
  }
  return key;
}

/**
 * The short forms a full name can be cited by, as keys: its first or last `n` parts for every n up
 * to `longest` ("Xi" and "Jinping" for "Xi Jinping"; family-name-first names work the same way).
 */
export function nameEdges(parts: string[], longest = parts.length - 1): Set<string> {
  const keys = parts.map((p) => nameKey([p]));
  const edges = new Set<string>();
  for (let n = 1; n <= Math.min(longest, keys.length - 1); n++) {
    edges.add(keys.slice(0, n).join(' '));
    edges.add(keys.slice(keys.length - n).join(' '));
  }
  return edges;
}

/** Names whose parts are shorter than this are never joined by spelling ("Mark"/"Mary" are two people). */
const MIN_MISSPELT_PART = 5;

/** Same number of parts, all equal but one, and that one a typo of the other (not another name). */
export function misspelling(a: string[], b: string[]): boolean {
  if (a.length !== b.length) return false;
  let differing = -1;
  for (let k = 0; k < a.length; k++) {
    if (nameKey([a[k]!]) === nameKey([b[k]!])) continue;
    if (differing >= 0) return false;
    differing = k;
  }
  if (differing < 0) return false;
  const x = nameKey([a[differing]!]);
  const y = nameKey([b[differing]!]);
  if (Math.min(x.length, y.length) < MIN_MISSPELT_PART || x[0] !== y[0]) return false;
  // Two real given names are two people, however close: "Mark"/"Mary", "Daniel"/"Daniela".
  const gx = givenNameGender(x);
  const gy = givenNameGender(y);
  if (gx && gy) return false;
  const limit = Math.max(x.length, y.length) >= 9 ? 2 : 1;
  return editDistance(x, y) <= limit;
}

/** Parts shorter than this are never joined by transliteration ("Ali"/"Aly" stay as printed). */
const MIN_TRANSLITERATED_PART = 4;

/**
 * A name's consonant skeleton: first letter, then consonants with doubles collapsed. Romanisations
 * of one Arabic or Persian name differ in vowels and doubling ("Qassim"/"Qasem", "Suleimani"/
 * "Soleimani"), not in consonants.
 */
export function skeletonKey(parts: string[]): string {
  return parts.map((p) => skeleton(nameKey([p]))).join(' ');
}

function skeleton(key: string): string {
  // an h after d, g, k or t only marks the romanisation: "Gadhafi"/"Gaddafi"
  const rest = key
    .slice(1)
    .replace(/([dgkt])h/g, '$1')
    .replace(/[aeiouy]/g, '');
  return (key[0] ?? '') + rest.replace(/(.)\1+/g, '$1');
}

/**
 * The same name romanised two ways: same parts, each differing part with the same consonant
 * skeleton and at most two vowel or doubling edits, never two known given names (those are two
 * people: "Maria"/"Mario").
 */
export function transliteration(a: string[], b: string[]): boolean {
  if (a.length !== b.length || a.length < 2) return false;
  let differing = 0;
  for (let k = 0; k < a.length; k++) {
    const x = nameKey([a[k]!]);
    const y = nameKey([b[k]!]);
    if (x === y) continue;
    differing++;
    if (Math.min(x.length, y.length) < MIN_TRANSLITERATED_PART || skeleton(x) !== skeleton(y) || editDistance(x, y) > 2) return false;
    if (givenNameGender(x) && givenNameGender(y)) return false;
  }
  return differing > 0;
}

/** Optimal string alignment distance: edits, with a swap of neighbours as one ("Okonkow"). */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[][] = Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[i - 2]![j - 2]! + 1);
      d[i]![j] = v;
    }
  }
  return d[a.length]![b.length]!;
}

/**
 * Pairs of names (indices into `names`) that could be typos of each other: same number of parts
 * and all parts but one equal. Bucketed by the name with one part left out, so a long document or
 * a large story costs linear time, not a comparison of every pair.
 */
export function typoCandidates(names: string[][]): [number, number][] {
  const buckets = new Map<string, number[]>();
  names.forEach((parts, i) => {
    if (parts.length < 2) return;
    const keys = parts.map((p) => nameKey([p]));
    for (let k = 0; k < keys.length; k++) {
      const key = `${keys.length}|${k}|${keys.filter((_, j) => j !== k).join(' ')}`;
      pushTo(buckets, key, i);
    }
  });
  const pairs: [number, number][] = [];
  const seen = new Set<string>();
  for (const bucket of buckets.values()) {
    for (let x = 0; x < bucket.length; x++) {
      for (let y = x + 1; y < bucket.length; y++) {
        const id = `${bucket[x]}:${bucket[y]}`;
        if (seen.has(id)) continue;
        seen.add(id);
        pairs.push([bucket[x]!, bucket[y]!]);
      }
    }
  }
  return pairs;
}
