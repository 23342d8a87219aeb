// JSON.stringify(value, null, 2), written in pieces: an object's values and an array's elements
// (two levels down) are stringified one at a time, so a brief of a huge report (hundreds of MB of
// JSON) never sits in memory as one string. The text is exactly what JSON.stringify gives.

/** The pieces of JSON.stringify(value, null, 2), in order. */
export function* jsonPieces(value: unknown, depth = 2, indent = ''): Generator<string> {
  const inner = `${indent}  `;
  if (depth > 0 && Array.isArray(value)) {
    if (value.length === 0) {
      yield '[]';
      return;
    }
    yield '[\n';
    for (let k = 0; k < value.length; k++) {
      yield inner;
      // JSON.stringify writes null for what it cannot write in an array.
      const item = value[k];
      if (item === undefined || typeof item === 'function' || typeof item === 'symbol') yield 'null';
      else yield* jsonPieces(item, depth - 1, inner);
      yield k + 1 < value.length ? ',\n' : `\n${indent}]`;
    }
    return;
  }
  if (depth > 0 && value !== null && typeof value === 'object' && typeof (value as { toJSON?: unknown }).toJSON !== 'function') {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined && typeof v !== 'function' && typeof v !== 'symbol');
    if (entries.length === 0) {
      yield '{}';
      return;
    }
    yield '{\n';
    for (let k = 0; k < entries.length; k++) {
      const [key, v] = entries[k]!;
      yield `${inner}${JSON.stringify(key)}: `;
      yield* jsonPieces(v, depth - 1, inner);
      yield k + 1 < entries.length ? ',\n' : `\n${indent}}`;
    }
    return;
  }
  const text = JSON.stringify(value, null, 2);
  yield indent ? text.replace(/\n/g, `\n${indent}`) : text;
}
