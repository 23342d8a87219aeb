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

export function sketchOf(text: string): Sketch {
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  const seen = new Set<number>();
  // hash32 of the shingle's words joined by spaces, without building the string.
  for (let i = 0; i + SHINGLE_WORDS <= words.length; i++) {
    let h = 0x811c9dc5;
    for (let w = i; w < i + SHINGLE_WORDS; w++) {
      if (w > i) h = Math.imul(h ^ 32, 0x01000193);
      const word = words[w]!;
      for (let c = 0; c < word.length; c++) h = Math.imul(h ^ word.charCodeAt(c), 0x01000193);
    }
    seen.add(h >>> 0);
  }
  const all = [...seen].sort((a, b) => a - b);
  return { hashes: all.slice(0, SKETCH_SIZE), size: all.length };
}

/** Estimated share of the smaller article's shingles that the other also has (0 when either is empty). */
export function containment(a: Sketch, b: Sketch): number {
  if (!a.size || !b.size) return 0;
  // Jaccard from the bottom-k of the union: walk both ascending lists to the k smallest hashes of
  // either, counting those both hold.
  const [x, y] = [a.hashes, b.hashes];
  let i = 0;
  let j = 0;
  let taken = 0;
  let both = 0;
  while (taken < SKETCH_SIZE && (i < x.length || j < y.length)) {
    if (j >= y.length || (i < x.length && x[i]! < y[j]!)) i++;
    else if (i >= x.length || y[j]! < x[i]!) j++;
    else {
      both++;
      i++;
      j++;
    }
    taken++;
  }
  const jaccard = both / taken;
  const shared = (jaccard * (a.size + b.size)) / (1 + jaccard);
  return Math.min(1, shared / Math.min(a.size, b.size));
}
