// The ingest entry point: what the user named on the command line (paths, directories, "-",
// URLs, JSON Lines) → RawInputs in command-line order, with InputErrors for what cannot be used.
import { statSync } from 'node:fs';
import { Deduper } from './dedupe.ts';
import { feedItems, isFeed } from './feeds.ts';
import { fetchUrl, type FetchOptions } from './fetch-url.ts';
import { tooLargeReason } from './format-bytes.ts';
import { describeFsError } from './fs-errors.ts';
import { containerOf, inputsFromBytes } from './inputs-from-bytes.ts';
import { DEFAULT_MAX_BYTES, MAX_HTML_ELEMENTS } from './limits.ts';
import { firstLine } from './network-errors.ts';
import { InputError, type RawInput } from './raw-input.ts';
import { readFileLimited } from './read-file.ts';
import { readLimited } from './read-limited.ts';
import { walkDirectory } from './walk-dir.ts';

export interface ReadInputsOptions extends FetchOptions {
  /** --outlet: one name for every input, or one per spec (aligned with `specs`). */
  outlet?: (string | undefined)[] | string;
  /** Refuse any file, stream or download larger than this (default 20 MB). */
  maxBytes?: number;
  /** What "-" reads (default process.stdin). */
  stdin?: NodeJS.ReadableStream;
  /** Yield repeated content too (the store records each source of the same text). */
  keepDuplicates?: boolean;
}

export const STDIN_SPEC = '-';
/** Anything shaped like "scheme://" is a URL, so file:// and ftp:// get a clear refusal. */
const URL_SPEC = /^[a-z][a-z0-9+.-]*:\/\//i;
/** URLs fetched ahead of the one being yielded; downloads overlap, order is kept. */
const PREFETCH_URLS = 4;

type Item = RawInput | InputError;

export async function* readInputs(specs: string[], options: ReadInputsOptions = {}): AsyncGenerator<Item> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const seen = new Deduper(options.keepDuplicates ?? false);
  const fetches = new Map<number, Promise<Item>>();
  let stdinUsed = false;

  for (const [index, spec] of specs.entries()) {
    // Start this URL and the next few so slow servers overlap.
    for (let ahead = index; ahead < Math.min(specs.length, index + PREFETCH_URLS); ahead++) {
      const next = specs[ahead]!;
      if (!URL_SPEC.test(next) || fetches.has(ahead)) continue;
      fetches.set(ahead, fetchUrl(next, { ...options, maxBytes }));
    }

    let items: AsyncIterable<Item> | Item[];
    if (spec === STDIN_SPEC) {
      items = stdinUsed ? [new InputError(spec, 'standard input given more than once')] : [await readStdin(options.stdin ?? process.stdin, maxBytes)];
      stdinUsed = true;
    } else if (fetches.has(index)) {
      items = [await fetches.get(index)!];
      fetches.delete(index);
    } else {
      items = readPath(spec, maxBytes, seen);
    }

    const outlet = outletFor(options.outlet, index);
    for await (const item of items) {
      // A feed fetched from a URL or read from stdin stands for its items (files: by extension).
      if (!(item instanceof InputError) && !item.source.includes('#') && isFeed(item.content)) for (const entry of feedItems(item.content, item.source)) yield finish(entry, outlet, seen);
      else yield finish(item, outlet, seen);
    }
  }
}

/** Applies --outlet (the user's explicit word beats the record's) and drops repeats. */
function finish(item: Item, outlet: string | undefined, seen: Deduper): Item {
  if (item instanceof InputError) return item;
  if (item.format === 'html') {
    const elements = countElements(item.content, MAX_HTML_ELEMENTS + 1);
    if (elements > MAX_HTML_ELEMENTS)
      return new InputError(item.source, `HTML page with more than ${MAX_HTML_ELEMENTS.toLocaleString('en-US')} elements: too many to clean (an article page holds a few thousand)`);
  }
  const first = seen.claim(item.content, item.source);
  if (first !== undefined) return new InputError(item.source, `duplicate of ${first}`, 'duplicate');
  return outlet ? { ...item, hints: { ...item.hints, outlet } } : item;
}

/** Start tags in `html`, counted up to `stop` (a linear scan; no parsing). */
function countElements(html: string, stop: number): number {
  let count = 0;
  const tag = /<[a-zA-Z]/g;
  while (count < stop && tag.exec(html)) count++;
  return count;
}

function outletFor(outlet: ReadInputsOptions['outlet'], index: number): string | undefined {
  const name = typeof outlet === 'string' ? outlet : outlet?.[index];
  return name?.trim() || undefined;
}

async function* readPath(spec: string, maxBytes: number, seen: Deduper): AsyncGenerator<Item> {
  if (spec.trim() === '') {
    yield new InputError(spec, 'empty path');
    return;
  }
  let isDirectory: boolean;
  try {
    isDirectory = statSync(spec).isDirectory();
  } catch (error) {
    yield new InputError(spec, describeFsError(error));
    return;
  }
  if (!isDirectory) {
    yield* readOneFile(spec, maxBytes, seen);
    return;
  }
  let files = 0;
  for await (const entry of walkDirectory(spec)) {
    if (entry instanceof InputError) yield entry;
    else {
      files++;
      yield* readOneFile(entry, maxBytes, seen);
    }
  }
  if (files === 0) yield new InputError(spec, 'no .txt, .text, .md, .html, .htm, .jsonl, .json, .rss, .atom or .xml files found');
}

async function* readOneFile(path: string, maxBytes: number, seen: Deduper): AsyncGenerator<Item> {
  const bytes = await readFileLimited(path, maxBytes);
  if (bytes instanceof InputError) {
    yield bytes;
    return;
  }
  // A JSON Lines file given twice would otherwise report every record as a duplicate.
  if (containerOf(path) !== 'single') {
    const first = seen.claim(bytes, path);
    if (first !== undefined) {
      yield new InputError(path, `duplicate of ${first}`, 'duplicate');
      return;
    }
  }
  yield* inputsFromBytes(bytes, path, path, maxBytes);
}

async function readStdin(stdin: NodeJS.ReadableStream, maxBytes: number): Promise<Item> {
  let read: Awaited<ReturnType<typeof readLimited>>;
  try {
    read = await readLimited(stdin, maxBytes);
  } catch (error) {
    return new InputError(STDIN_SPEC, `cannot read standard input (${firstLine(error)})`);
  }
  if (!read.ok) return new InputError(STDIN_SPEC, tooLargeReason(undefined, maxBytes));
  // No name, so no extension: the content alone decides the format.
  return inputsFromBytes(read.bytes, STDIN_SPEC, undefined, maxBytes)[0]!;
}
