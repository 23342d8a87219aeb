// Reused scratch arrays that grow when a text needs more room than any before it.

type Scratch = Uint8Array<ArrayBuffer> | Uint16Array<ArrayBuffer> | Uint32Array<ArrayBuffer> | Int32Array<ArrayBuffer> | Float64Array<ArrayBuffer>;

/** A copy of `array` with room for at least `length` entries (twice its size, or more), the new ones zero. */
export function grown<T extends Scratch>(array: T, length: number): T {
  const bigger = new (array.constructor as new (length: number) => T)(Math.max(2 * array.length, length));
  bigger.set(array);
  return bigger;
}
