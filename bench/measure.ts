// Timing and memory helpers shared by the benchmark phases.

/** How often resident memory is sampled; short enough to catch per-document peaks. */
const RSS_SAMPLE_MS = 10;
const KIB = 1024;

/** Tracks the highest resident set size seen while running. */
export class RssSampler {
  #peak = 0;
  #timer: NodeJS.Timeout | undefined;
  #samples = 0;

  start(): this {
    this.sample();
    this.#timer = setInterval(() => this.sample(), RSS_SAMPLE_MS);
    // The sampler must never be what keeps the process alive.
    this.#timer.unref();
    return this;
  }

  /** Also called between documents: a long synchronous stretch can starve the interval. */
  sample(): void {
    const rss = process.memoryUsage.rss();
    if (rss > this.#peak) this.#peak = rss;
    this.#samples++;
  }

  stop(): { peakBytes: number; samples: number } {
    this.sample();
    clearInterval(this.#timer);
    return { peakBytes: this.#peak, samples: this.#samples };
  }
}

/** The kernel's high-water mark for the whole process so far (resourceUsage reports KiB). */
export function maxRssBytes(): number {
  return process.resourceUsage().maxRSS * KIB;
}

export interface Distribution {
  count: number;
  mean: number;
  median: number;
  p95: number;
  min: number;
  max: number;
}

export function distribution(values: readonly number[]): Distribution {
  if (values.length === 0) return { count: 0, mean: NaN, median: NaN, p95: NaN, min: NaN, max: NaN };
  const sorted = [...values].sort((a, b) => a - b);
  const sum = sorted.reduce((a, b) => a + b, 0);
  return {
    count: sorted.length,
    mean: sum / sorted.length,
    median: quantile(sorted, 0.5),
    p95: quantile(sorted, 0.95),
    min: sorted[0]!,
    max: sorted[sorted.length - 1]!,
  };
}

/** Linear interpolation between closest ranks (the usual "type 7" definition). */
function quantile(sorted: readonly number[], q: number): number {
  const position = (sorted.length - 1) * q;
  const below = Math.floor(position);
  const above = Math.ceil(position);
  return sorted[below]! + (sorted[above]! - sorted[below]!) * (position - below);
}

/** Milliseconds `fn` took, with its result. */
export function timed<T>(fn: () => T): { ms: number; value: T } {
  const start = performance.now();
  const value = fn();
  return { ms: performance.now() - start, value };
}
