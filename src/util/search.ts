// Binary search over anything sorted: the first index where `below(i)` turns false.

/** First index in [0, count) for which `below(i)` is false, given `below` is true then false. */
export function lowerBound(count: number, below: (i: number) => boolean): number {
  let lo = 0;
  let hi = count;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (below(mid)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
