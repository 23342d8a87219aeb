// Near-copies (the same wire story on several sites, each with its own page chrome): a bottom-k
// sketch of each article's 5-word shingles estimates how much of the shorter text the longer one
// contains, without keeping or comparing the texts themselves.

const SHINGLE_WORDS = 5;
const SKETCH_SIZE = 64;
/** Share of the shorter article's shingles found in the other: above this, one report, two outlets. */
export const NEAR_COPY_CONTAINMENT = 0.6;

export interface Sketch {
  /** The smallest shingle hashes, ascending. */
  hashes: number[];
  /** Distinct shingles in the article. */
  size: number;
}

/** FNV-1a over a string, 32 bits. */
function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export function sketchOf(text: string): Sketch {
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  const seen = new Set<number>();
  for (let i = 0; i + SHINGLE_WORDS <= words.length; i++) seen.add(hash32(words.slice(i, i + SHINGLE_WORDS).join(' ')));
  const all = [...seen].sort((a, b) => a - b);
  return { hashes: all.slice(0, SKETCH_SIZE), size: all.length };
}

/** Estimated share of the smaller article's shingles that the other also has (0 when either is empty). */
export function containment(a: Sketch, b: Sketch): number {
  if (!a.size || !b.size) return 0;
  // Jaccard from the bottom-k of the union: the k smallest hashes of both, and how many both hold.
  const inB = new Set(b.hashes);
  const inA = new Set(a.hashes);
  const union = [...new Set([...a.hashes, ...b.hashes])].sort((x, y) => x - y).slice(0, SKETCH_SIZE);
  let both = 0;
  for (const h of union) if (inA.has(h) && inB.has(h)) both++;
  const jaccard = both / union.length;
  const shared = (jaccard * (a.size + b.size)) / (1 + jaccard);
  return Math.min(1, shared / Math.min(a.size, b.size));
}
