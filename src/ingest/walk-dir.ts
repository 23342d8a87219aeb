// Recursive directory listing for inputs: sorted (the same brief on every machine), hidden
// entries skipped, only extensions ingest understands, symbolic-link loops detected. The file
// system is asked synchronously (see read-file.ts): listing a folder of reports is quick.
import { readdirSync, realpathSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import { describeFsError } from './fs-errors.ts';
import { InputError } from './raw-input.ts';

export const INPUT_EXTENSIONS = new Set(['.txt', '.text', '.md', '.html', '.htm', '.jsonl', '.json', '.rss', '.atom', '.xml']);
/** A folder's own documentation is not a report ("README.md" beside the articles); name one to read it. */
const FOLDER_DOCS = /^(?:readme|license|licence|changelog|contributing|notice|copying)(?:\.[a-z]+)?$/i;

/** Yields the paths of input files under `dir` (joined onto `dir` as given) and any errors. */
export async function* walkDirectory(dir: string): AsyncGenerator<string | InputError> {
  yield* walk(dir, new Map(), []);
}

/**
 * `seen`: real path → path first listed under, so a second link to a folder is a duplicate.
 * `ancestors`: real paths of the folders being walked, so a link back up is a loop.
 */
async function* walk(dir: string, seen: Map<string, string>, ancestors: string[]): AsyncGenerator<string | InputError> {
  let real: string;
  let names: string[];
  try {
    real = realpathSync.native(dir);
    names = readdirSync(dir).filter((name) => !name.startsWith('.'));
  } catch (error) {
    yield new InputError(dir, describeFsError(error));
    return;
  }
  if (ancestors.includes(real)) {
    yield new InputError(dir, `directory loop (links back to ${seen.get(real) ?? real})`);
    return;
  }
  const first = seen.get(real);
  if (first !== undefined) {
    yield new InputError(dir, `duplicate of ${first}`, 'duplicate');
    return;
  }
  seen.set(real, dir);

  // Code-unit order, not localeCompare: identical on every machine and locale.
  names.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  for (const name of names) {
    const path = join(dir, name);
    let info: ReturnType<typeof statSync>;
    try {
      info = statSync(path); // follows symbolic links
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      yield new InputError(path, code === 'ENOENT' ? 'broken symbolic link' : describeFsError(error));
      continue;
    }
    if (info.isDirectory()) yield* walk(path, seen, [...ancestors, real]);
    else if (FOLDER_DOCS.test(name)) continue;
    else if (INPUT_EXTENSIONS.has(extname(name).toLowerCase())) yield path;
    else yield new InputError(path, `skipped: not a kind of file read from a folder (${[...INPUT_EXTENSIONS].join(' ')}); name it to read it`, 'skipped');
  }
}
