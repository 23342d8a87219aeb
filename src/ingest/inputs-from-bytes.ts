// Bytes read from one file or stream → the RawInputs they hold: one article, or many for
// JSON Lines / JSON files and RSS / Atom feeds (chosen by extension, since all are also plain text).
import { extname } from 'node:path';
import { decodeBytes } from './decode.ts';
import { detectFormat } from './detect-format.ts';
import { parseJsonArray, parseJsonLines } from './jsonl.ts';
import { feedItems, isFeed } from './feeds.ts';
import { InputError, type RawInput } from './raw-input.ts';

const JSON_LINES_EXTENSIONS = new Set(['.jsonl', '.ndjson']);
const JSON_EXTENSIONS = new Set(['.json']);
const FEED_EXTENSIONS = new Set(['.rss', '.atom', '.xml']);

export type Container = 'jsonl' | 'json' | 'feed' | 'single';

/** How a file's bytes are laid out, from its name; stdin (no name) is a single article. */
export function containerOf(name: string | undefined): Container {
  const ext = name ? extname(name).toLowerCase() : '';
  if (JSON_LINES_EXTENSIONS.has(ext)) return 'jsonl';
  if (JSON_EXTENSIONS.has(ext)) return 'json';
  if (FEED_EXTENSIONS.has(ext)) return 'feed';
  return 'single';
}

/** `source` is what the user typed (or the walked path); `name` gives the extension. */
export function inputsFromBytes(bytes: Uint8Array, source: string, name: string | undefined, maxBytes: number): (RawInput | InputError)[] {
  const decoded = decodeBytes(bytes, { maxBytes });
  if (!decoded.ok) return [new InputError(source, decoded.reason)];
  const { text, encoding } = decoded;
  switch (containerOf(name)) {
    case 'jsonl':
      return withEncoding(parseJsonLines(text, source), encoding);
    case 'json':
      return withEncoding(parseJsonArray(text, source), encoding);
    case 'feed':
      return isFeed(text) ? withEncoding(feedItems(text, source), encoding) : [new InputError(source, 'XML that is not an RSS or Atom feed')];
    case 'single':
      return [{ source, format: detectFormat(name, text), content: text, hints: {}, encoding }];
  }
}

function withEncoding(items: (RawInput | InputError)[], encoding: string): (RawInput | InputError)[] {
  return items.map((item) => (item instanceof InputError ? item : { ...item, encoding }));
}
