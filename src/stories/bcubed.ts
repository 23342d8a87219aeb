// BCubed precision, recall and F1 of a clustering against gold classes (Bagga & Baldwin 1998;
// Amigó et al. 2009): every item asks "how many in my cluster share my class" (precision) and
// "how many of my class share my cluster" (recall); the scores are the means over items, so a
// big story weighs by its size and one wrong merge of two big stories costs a lot.

export interface BCubed {
  precision: number;
  recall: number;
  f1: number;
}

/**
 * `predicted` and `gold` map each item to its cluster and class label. Items missing from
 * `predicted` count as singletons. Labels are compared only within one map.
 */
export function bcubed(predicted: ReadonlyMap<string, string>, gold: ReadonlyMap<string, string>): BCubed {
  if (gold.size === 0) return { precision: 0, recall: 0, f1: 0 };
  // One pass counts the sizes of clusters, classes and their intersections; each item then
  // reads its three counts, so the score is linear in the number of items.
  const clusterSize = new Map<string, number>();
  const classSize = new Map<string, number>();
  const both = new Map<string, number>();
  const clusterOf = (item: string) => predicted.get(item) ?? `\u0000${item}`;
  for (const [item, label] of gold) {
    const cluster = clusterOf(item);
    bump(clusterSize, cluster);
    bump(classSize, label);
    bump(both, `${cluster}\u0001${label}`);
  }
  let precision = 0;
  let recall = 0;
  for (const [item, label] of gold) {
    const cluster = clusterOf(item);
    const shared = both.get(`${cluster}\u0001${label}`)!;
    precision += shared / clusterSize.get(cluster)!;
    recall += shared / classSize.get(label)!;
  }
  precision /= gold.size;
  recall /= gold.size;
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1 };
}

function bump(counts: Map<string, number>, key: string): void {
  counts.set(key, (counts.get(key) ?? 0) + 1);
}
