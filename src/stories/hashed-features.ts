// An article's terms and names as the clusterer reads them: each key's hashed slot (before the
// vocabulary masks it) and its count, in the order of the features' keys. Worked out where the
// article is prepared, so the thread that clusters neither parses the features' JSON nor hashes a
// string: it gets two small typed arrays per vocabulary, copied between threads as bytes.
import { fnv1a } from '../text/word-memo.ts';
import type { ArticleFeatures } from './article-features.ts';

export interface KeyCounts {
  /** Per key: FNV-1a over its UTF-16 code units, folded (see `keyHash`). */
  hashes: Int32Array<ArrayBuffer>;
  counts: Int32Array<ArrayBuffer>;
}

export interface HashedFeatures {
  terms: KeyCounts;
  names: KeyCounts;
}

/** What the clusterer decides on: the hashed terms and names, and the names themselves, asked for only to word a merge's reason. */
export interface ClusterFeatures {
  hashed: HashedFeatures;
  names: () => Record<string, number>;
}

/** The slot hash of a key before masking: FNV-1a, its high half folded into the low. */
export function keyHash(key: string): number {
  const h = fnv1a(key);
  return h ^ (h >>> 16);
}

/** Keys in Object.keys order (the order JSON keeps them in), so sums over them add up alike wherever the features came from. */
function keyCounts(record: Record<string, number>): KeyCounts {
  const keys = Object.keys(record);
  const hashes = new Int32Array(keys.length);
  const counts = new Int32Array(keys.length);
  for (let k = 0; k < keys.length; k++) {
    hashes[k] = keyHash(keys[k]!);
    counts[k] = record[keys[k]!]!;
  }
  return { hashes, counts };
}

export function hashFeatures(features: ArticleFeatures): HashedFeatures {
  return { terms: keyCounts(features.terms), names: keyCounts(features.names) };
}

export function clusterFeatures(features: ArticleFeatures): ClusterFeatures {
  return { hashed: hashFeatures(features), names: () => features.names };
}
