// Human sizes for messages ("23.1 MB"); binary units, as file managers on most systems show.
const KB = 1024;
const MB = KB * 1024;

export function formatBytes(n: number): string {
  if (n < KB) return `${n} ${n === 1 ? 'byte' : 'bytes'}`;
  const [value, unit] = n < MB ? [n / KB, 'KB'] : [n / MB, 'MB'];
  // One decimal, but "20 MB" rather than "20.0 MB".
  const shown = value.toFixed(1).replace(/\.0$/, '');
  return `${shown} ${unit}`;
}

/** "too large (23.1 MB > 20 MB limit)"; `size` undefined when only "more than" is known. */
export function tooLargeReason(size: number | undefined, limit: number): string {
  return size === undefined ? `too large (more than the ${formatBytes(limit)} limit)` : `too large (${formatBytes(size)} > ${formatBytes(limit)} limit)`;
}
