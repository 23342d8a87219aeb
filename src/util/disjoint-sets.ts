// Union-find over 0 … size-1 with path halving. `union` keeps the smaller root, so a set joined
// only by it has its smallest member as its root; `merge` keeps the root of the set the caller names.
import { pushTo } from './multimap.ts';

export class DisjointSets {
  private readonly parent: number[];
  constructor(size = 0) {
    this.parent = Array.from({ length: size }, (_, i) => i);
  }
  /** A new member, in a set of its own: the next number. */
  add(): number {
    const x = this.parent.length;
    this.parent.push(x);
    return x;
  }
  find(x: number): number {
    while (this.parent[x] !== x) {
      this.parent[x] = this.parent[this.parent[x]!]!;
      x = this.parent[x]!;
    }
    return x;
  }
  union(a: number, b: number): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.parent[Math.max(ra, rb)] = Math.min(ra, rb);
  }
  /** Joins `other`'s set to `into`'s, under `into`'s root. */
  merge(into: number, other: number): void {
    const root = this.find(into);
    const folded = this.find(other);
    if (root !== folded) this.parent[folded] = root;
  }
  /** Every set, its members ascending, in the order of their smallest members. */
  groups(): number[][] {
    const byRoot = new Map<number, number[]>();
    for (let x = 0; x < this.parent.length; x++) pushTo(byRoot, this.find(x), x);
    return [...byRoot.values()];
  }
}
